//! The Open Packaging Conventions container: parts in a ZIP with
//! `[Content_Types].xml` first.
//!
//! Same parts, same bytes: entries are written in the order they were added
//! (which the writer keeps fixed), every entry with the same timestamp (the
//! ZIP format's earliest, 1980-01-01) and the same permissions, and deflated
//! at one fixed level, so nothing of the machine or the hour reaches the file.

use std::borrow::Cow;
use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

use super::xml::{self, Res};

/// One part of the package.
#[derive(Debug, Clone)]
pub(super) struct Part {
    /// Its name inside the package, without the leading `/`: `ppt/slides/slide1.xml`.
    pub(super) name: String,
    /// Its content type, written as an `Override` (relationship parts and the
    /// embedded workbooks take the `Default` of their extension).
    pub(super) content_type: Cow<'static, str>,
    pub(super) bytes: Vec<u8>,
}

/// Content type of every `.rels` part.
pub(super) const RELS: &str = "application/vnd.openxmlformats-package.relationships+xml";
/// Content type of an embedded workbook (chart data).
pub(super) const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// The parts written so far, in package order.
#[derive(Debug, Default)]
pub(super) struct Package {
    parts: Vec<Part>,
}

impl Package {
    /// Adds a part; parts are zipped in the order they are added.
    pub(super) fn add(
        &mut self,
        name: impl Into<String>,
        content_type: impl Into<Cow<'static, str>>,
        bytes: Vec<u8>,
    ) {
        self.parts.push(Part {
            name: name.into(),
            content_type: content_type.into(),
            bytes,
        });
    }

    /// The ZIP: `[Content_Types].xml`, then every part.
    pub(super) fn zip(self) -> std::io::Result<Vec<u8>> {
        let types = content_types(&self.parts)?;
        let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
        let options = SimpleFileOptions::default()
            .compression_method(CompressionMethod::Deflated)
            .compression_level(Some(6))
            .last_modified_time(DateTime::default())
            .system(zip::System::Dos)
            .unix_permissions(0o644);
        let mut put = |name: &str, bytes: &[u8]| -> std::io::Result<()> {
            zip.start_file(name, options)
                .map_err(std::io::Error::other)?;
            zip.write_all(bytes)
        };
        put("[Content_Types].xml", &types)?;
        for part in &self.parts {
            put(&part.name, &part.bytes)?;
        }
        Ok(zip.finish().map_err(std::io::Error::other)?.into_inner())
    }
}

fn content_types(parts: &[Part]) -> std::io::Result<Vec<u8>> {
    xml::part(|w| {
        xml::el(
            w,
            "Types",
            &[(
                "xmlns",
                "http://schemas.openxmlformats.org/package/2006/content-types",
            )],
            |w| -> Res {
                xml::empty(
                    w,
                    "Default",
                    &[("Extension", "rels"), ("ContentType", RELS)],
                )?;
                xml::empty(
                    w,
                    "Default",
                    &[("Extension", "xml"), ("ContentType", "application/xml")],
                )?;
                xml::empty(
                    w,
                    "Default",
                    &[("Extension", "xlsx"), ("ContentType", XLSX)],
                )?;
                for part in parts {
                    if part.content_type == RELS || part.content_type == XLSX {
                        continue;
                    }
                    let name = format!("/{}", part.name);
                    xml::empty(
                        w,
                        "Override",
                        &[("PartName", &name), ("ContentType", &part.content_type)],
                    )?;
                }
                Ok(())
            },
        )
    })
}

/// A part's relationships (`_rels/NAME.rels`), numbered `rId1`, `rId2` … in the
/// order they are added.
#[derive(Debug, Default)]
pub(super) struct Rels {
    list: Vec<(&'static str, String, bool)>,
}

/// Relationship types, by what they point at.
pub(super) mod rel {
    macro_rules! rel {
        ($($name:ident = $tail:literal),* $(,)?) => {
            $(#[doc = concat!("`", $tail, "`")] pub(in crate::pptx) const $name: &str = concat!(
                "http://schemas.openxmlformats.org/officeDocument/2006/relationships/", $tail);)*
        };
    }
    rel! {
        DOCUMENT = "officeDocument",
        EXTENDED = "extended-properties",
        SLIDE = "slide",
        MASTER = "slideMaster",
        LAYOUT = "slideLayout",
        THEME = "theme",
        NOTES_MASTER = "notesMaster",
        NOTES = "notesSlide",
        PRES_PROPS = "presProps",
        VIEW_PROPS = "viewProps",
        TABLE_STYLES = "tableStyles",
        CHART = "chart",
        PACKAGE = "package",
        HYPERLINK = "hyperlink",
        IMAGE = "image",
    }
    /// The core properties (Dublin Core), whose type lives elsewhere.
    pub(in crate::pptx) const CORE: &str =
        "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties";
}

impl Rels {
    /// Adds a relationship to a part in the package; returns its id.
    pub(super) fn add(&mut self, kind: &'static str, target: impl Into<String>) -> String {
        self.list.push((kind, target.into(), false));
        format!("rId{}", self.list.len())
    }

    /// Adds a relationship to an address outside the package (a link); returns its id.
    pub(super) fn external(&mut self, target: impl Into<String>) -> String {
        self.list.push((rel::HYPERLINK, target.into(), true));
        format!("rId{}", self.list.len())
    }

    /// The `.rels` part.
    pub(super) fn to_xml(&self) -> std::io::Result<Vec<u8>> {
        xml::part(|w| {
            xml::el(
                w,
                "Relationships",
                &[(
                    "xmlns",
                    "http://schemas.openxmlformats.org/package/2006/relationships",
                )],
                |w| {
                    for (i, (kind, target, external)) in self.list.iter().enumerate() {
                        let id = format!("rId{}", i + 1);
                        let mut attrs = vec![
                            ("Id", id.as_str()),
                            ("Type", *kind),
                            ("Target", target.as_str()),
                        ];
                        if *external {
                            attrs.push(("TargetMode", "External"));
                        }
                        xml::empty(w, "Relationship", &attrs)?;
                    }
                    Ok(())
                },
            )
        })
    }

    /// Adds this list to `package` as the relationships of part `of`
    /// (`ppt/slides/slide1.xml` → `ppt/slides/_rels/slide1.xml.rels`; `""` is the package's own).
    pub(super) fn add_to(&self, package: &mut Package, of: &str) -> std::io::Result<()> {
        let name = match of.rsplit_once('/') {
            Some((dir, file)) => format!("{dir}/_rels/{file}.rels"),
            None if of.is_empty() => "_rels/.rels".to_string(),
            None => format!("_rels/{of}.rels"),
        };
        package.add(name, RELS, self.to_xml()?);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_types_first_then_the_parts_in_order_with_their_rels() {
        // Same bytes for the same input is checked across processes by the test
        // suite (built_in_two_processes in tests/testsuite/pptx.rs): two calls
        // here could not differ.
        let mut p = Package::default();
        p.add("ppt/a.xml", "application/x-a+xml", b"<a/>".to_vec());
        let mut r = Rels::default();
        assert_eq!(r.add(rel::SLIDE, "a.xml"), "rId1");
        r.add_to(&mut p, "ppt/a.xml").unwrap();
        let mut zip = zip::ZipArchive::new(Cursor::new(p.zip().unwrap())).unwrap();
        assert_eq!(zip.by_index(0).unwrap().name_raw(), b"[Content_Types].xml");
        assert_eq!(zip.by_index(2).unwrap().name_raw(), b"ppt/_rels/a.xml.rels");
        let types = std::io::read_to_string(zip.by_index(0).unwrap()).unwrap();
        assert!(
            types
                .contains(r#"<Override PartName="/ppt/a.xml" ContentType="application/x-a+xml"/>"#)
        );
        assert!(!types.contains("a.xml.rels"));
    }
}
