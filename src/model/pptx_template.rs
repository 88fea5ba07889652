//! The organisation's own PowerPoint template (`pptx_template = "mall.potx"`
//! in `site.toml`), checked and taken apart: its slide size, its slide
//! master(s) with their layouts, themes and the media they show, so the
//! PowerPoint writer can use them instead of its built-in master.
//!
//! The file is a ZIP someone else made, so it is read with limits: at most
//! [`MAX_ENTRIES`] entries, no part larger than [`MAX_PART_BYTES`] once
//! unpacked (counted while unpacking, not trusted from the header), at most
//! [`MAX_TOTAL_BYTES`] unpacked in all, and no part that unpacks to more than
//! [`MAX_RATIO`] times its packed size (a ZIP bomb).

use std::collections::BTreeMap;
use std::io::{Cursor, Read};
use std::sync::Arc;

use quick_xml::Reader;
use quick_xml::events::Event;

use crate::diagnostics::{Catalogued, ErrorKind, SiteError};
use crate::load::SourceFile;
use crate::load::pptx_template::RawPptxTemplate;
use crate::messages::{Message, MessageId};

/// The most entries a template's ZIP may list.
const MAX_ENTRIES: usize = 4000;
/// The largest one part may unpack to.
const MAX_PART_BYTES: u64 = 20 * 1024 * 1024;
/// The most all the parts read may unpack to together.
const MAX_TOTAL_BYTES: u64 = 64 * 1024 * 1024;
/// How many times its packed size a part larger than a mebibyte may unpack to.
const MAX_RATIO: u64 = 200;
/// How far a slide's width over its height may be from 16:9, in parts of 16:9.
const WIDE_TOLERANCE: f64 = 0.01;

/// One part of the template's package that the decks take over.
#[derive(Debug, Clone, PartialEq)]
pub struct TemplatePart {
    /// Its name inside the package, without the leading `/`: `ppt/slideLayouts/slideLayout2.xml`.
    pub name: String,
    /// Its content type from the template's `[Content_Types].xml` (empty for
    /// relationship parts and when the template gives none).
    pub content_type: String,
    /// Its bytes, unchanged.
    pub bytes: Arc<[u8]>,
}

/// One slide layout of the template, for choosing a layout per kind of slide.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateLayout {
    /// Its part: `ppt/slideLayouts/slideLayout1.xml`.
    pub part: String,
    /// Its name as PowerPoint shows it (`<p:cSld name="Rubrikbild">`).
    pub name: String,
    /// Its `type` (`title`, `secHead`, `obj`, `titleOnly`, `blank` …), if given.
    pub kind: Option<String>,
}

/// A checked template: a 16:9 presentation with a master and layouts.
#[derive(Debug, Clone, PartialEq)]
pub struct PptxTemplate {
    /// The file name in `content/`, for messages.
    pub name: String,
    /// Slide width and height in EMU (`<p:sldSz>`).
    pub slide_size: (u64, u64),
    /// Masters, layouts, themes, the media they refer to and their
    /// relationship parts, by part name.
    pub parts: Vec<TemplatePart>,
    /// The layouts, in part-name order; never empty.
    pub layouts: Vec<TemplateLayout>,
    /// The slide masters' part names, in part-name order; never empty.
    pub masters: Vec<String>,
    /// The theme part of the first master.
    pub master_theme: String,
    /// The id the presentation may give its first master: above every layout
    /// id of the masters (PowerPoint wants them all distinct).
    pub first_master_id: u64,
}

/// Why a template cannot be used, before it is placed at the key.
struct Problem {
    kind: ErrorKind,
    message: Message,
    help: MessageId,
}

fn problem(kind: ErrorKind, message: Message, help: MessageId) -> Problem {
    Problem {
        kind,
        message,
        help,
    }
}

impl PptxTemplate {
    /// Checks the file `raw` read; a problem is reported at the `pptx_template` key of `src`.
    pub(super) fn convert(
        src: &SourceFile,
        raw: &RawPptxTemplate,
        errors: &mut Vec<SiteError>,
    ) -> Option<PptxTemplate> {
        match read(raw) {
            Ok(t) => Some(t),
            Err(p) => {
                errors.push(
                    src.error_at(p.kind, raw.span.clone(), p.message)
                        .with_help(p.help),
                );
                None
            }
        }
    }
}

fn read(raw: &RawPptxTemplate) -> Result<PptxTemplate, Problem> {
    let name = raw.name.as_str();
    let not_zip = |e: &dyn std::fmt::Display| {
        problem(
            ErrorKind::InvalidValue,
            MessageId::PptxTemplateNotAZip
                .arg("name", name)
                .arg("error", e),
            MessageId::PptxTemplateNotAZipHelp,
        )
    };
    let mut zip =
        zip::ZipArchive::new(Cursor::new(raw.bytes.as_slice())).map_err(|e| not_zip(&e))?;
    if zip.len() > MAX_ENTRIES {
        return Err(problem(
            ErrorKind::TooLarge,
            MessageId::PptxTemplateTooManyParts
                .arg("name", name)
                .count("n", zip.len())
                .count("max", MAX_ENTRIES),
            MessageId::PptxTemplateNotAZipHelp,
        ));
    }
    let names: Vec<String> = zip
        .file_names()
        .map(|n| n.map(|n| n.into_owned()))
        .collect::<Result<_, _>>()
        .map_err(|e| not_zip(&e))?;
    let mut budget = MAX_TOTAL_BYTES;
    let mut get = |part: &str| -> Result<Option<Vec<u8>>, Problem> {
        let mut entry = match zip.by_name(part) {
            Ok(e) => e,
            Err(zip::result::ZipError::FileNotFound) => return Ok(None),
            Err(e) => return Err(not_zip(&e)),
        };
        let too_large = || {
            problem(
                ErrorKind::TooLarge,
                MessageId::PptxTemplatePartTooLarge
                    .arg("name", name)
                    .arg("part", part),
                MessageId::PptxTemplateNotAZipHelp,
            )
        };
        let declared = entry.size();
        let packed = entry.compressed_size().max(1);
        if declared > MAX_PART_BYTES
            || declared > budget
            || (declared > 1024 * 1024 && declared / packed > MAX_RATIO)
        {
            return Err(too_large());
        }
        let limit = MAX_PART_BYTES.min(budget);
        let mut bytes = Vec::with_capacity(usize::try_from(declared).unwrap_or(0));
        (&mut entry)
            .take(limit + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| not_zip(&e))?;
        let len = bytes.len() as u64;
        if len > limit || (len > 1024 * 1024 && len / packed > MAX_RATIO) {
            return Err(too_large());
        }
        budget -= len;
        Ok(Some(bytes))
    };
    let not_presentation = |part: &str, reason: &dyn std::fmt::Display| {
        problem(
            ErrorKind::InvalidValue,
            MessageId::PptxTemplateNotAPresentation
                .arg("name", name)
                .arg("part", part)
                .arg("reason", reason),
            MessageId::PptxTemplateNotAZipHelp,
        )
    };
    let presentation = get("ppt/presentation.xml")?
        .ok_or_else(|| not_presentation("ppt/presentation.xml", &"missing"))?;
    let slide_size =
        slide_size(&presentation).map_err(|e| not_presentation("ppt/presentation.xml", &e))?;
    if !is_wide(slide_size) {
        return Err(problem(
            ErrorKind::InvalidValue,
            MessageId::PptxTemplateNotWide
                .arg("name", name)
                .arg("width", format!("{:.2}", slide_size.0 as f64 / 360_000.0))
                .arg("height", format!("{:.2}", slide_size.1 as f64 / 360_000.0)),
            MessageId::PptxTemplateNotWideHelp,
        ));
    }
    let types = get("[Content_Types].xml")?
        .map(|b| content_types(&b))
        .transpose()
        .map_err(|e| not_presentation("[Content_Types].xml", &e))?
        .unwrap_or_default();
    let taken = |n: &str| {
        ["ppt/slideMasters/", "ppt/slideLayouts/", "ppt/theme/"]
            .iter()
            .any(|p| n.starts_with(p) && !n.ends_with('/'))
    };
    let mut wanted: Vec<String> = names.iter().filter(|n| taken(n)).cloned().collect();
    wanted.sort();
    let mut parts = Vec::new();
    let mut media = std::collections::BTreeSet::new();
    let mut layouts = Vec::new();
    let mut masters = Vec::new();
    let mut master_themes = BTreeMap::new();
    let mut top_id = 2_147_483_647u64;
    for part in &wanted {
        let part = part.as_str();
        let Some(bytes) = get(part)? else { continue };
        if part.ends_with(".rels") {
            let dir = rels_base(part);
            for target in rel_targets(&bytes).map_err(|e| not_presentation(part, &e))? {
                let target = resolve(&dir, &target);
                if target.starts_with("ppt/media/") {
                    media.insert(target);
                } else if target.starts_with("ppt/theme/") && part.starts_with("ppt/slideMasters/")
                {
                    master_themes.insert(part.to_string(), target);
                }
            }
        } else if part.starts_with("ppt/slideLayouts/") && part.ends_with(".xml") {
            layouts.push(layout(part, &bytes).map_err(|e| not_presentation(part, &e))?);
        } else if part.starts_with("ppt/slideMasters/") && part.ends_with(".xml") {
            let ids = layout_ids(&bytes).map_err(|e| not_presentation(part, &e))?;
            top_id = ids.into_iter().fold(top_id, u64::max);
            masters.push(part.to_string());
        }
        parts.push(TemplatePart {
            content_type: types.get(part).cloned().unwrap_or_default(),
            name: part.to_string(),
            bytes: Arc::from(bytes),
        });
    }
    for part in media {
        let Some(bytes) = get(&part)? else { continue };
        let ext = part.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
        let content_type = types
            .get(&part)
            .or_else(|| ext.and_then(|e| types.get(&format!("*.{e}"))))
            .cloned()
            .unwrap_or_default();
        parts.push(TemplatePart {
            name: part,
            content_type,
            bytes: Arc::from(bytes),
        });
    }
    let master_theme = masters
        .first()
        .and_then(|m| {
            let (dir, file) = m.rsplit_once('/')?;
            master_themes
                .get(&format!("{dir}/_rels/{file}.rels"))
                .cloned()
        })
        .filter(|t| parts.iter().any(|p| &p.name == t));
    let (Some(master_theme), false) = (master_theme, layouts.is_empty()) else {
        return Err(problem(
            ErrorKind::InvalidValue,
            MessageId::PptxTemplateNoLayouts.arg("name", name),
            MessageId::PptxTemplateNoLayoutsHelp,
        ));
    };
    Ok(PptxTemplate {
        name: name.to_string(),
        slide_size,
        parts,
        layouts,
        masters,
        master_theme,
        first_master_id: top_id + 1,
    })
}

/// True if `(w, h)` is 16:9 within [`WIDE_TOLERANCE`].
fn is_wide((w, h): (u64, u64)) -> bool {
    if w == 0 || h == 0 {
        return false;
    }
    let ratio = w as f64 / h as f64;
    ((ratio - 16.0 / 9.0) / (16.0 / 9.0)).abs() <= WIDE_TOLERANCE
}

/// Each start or empty element of `xml` with its attributes by local name.
fn elements(
    xml: &[u8],
    mut each: impl FnMut(&str, &BTreeMap<String, String>),
) -> Result<(), String> {
    let text = std::str::from_utf8(xml).map_err(|e| e.to_string())?;
    let mut reader = Reader::from_str(text);
    loop {
        match reader.read_event().map_err(|e| e.to_string())? {
            Event::Eof => return Ok(()),
            Event::Start(e) | Event::Empty(e) => {
                let mut attrs = BTreeMap::new();
                for a in e.attributes() {
                    let a = a.map_err(|e| e.to_string())?;
                    let value = a
                        .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                        .map_err(|e| e.to_string())?
                        .into_owned();
                    attrs.insert(a.key.local_name().as_ref().to_string(), value);
                }
                each(e.local_name().as_ref(), &attrs);
            }
            _ => {}
        }
    }
}

/// `<p:sldSz cx cy>` of `ppt/presentation.xml`.
fn slide_size(xml: &[u8]) -> Result<(u64, u64), String> {
    let mut size = None;
    elements(xml, |name, attrs| {
        if name == "sldSz" && size.is_none() {
            let get = |k: &str| attrs.get(k).and_then(|v| v.parse::<u64>().ok());
            size = get("cx").zip(get("cy"));
        }
    })?;
    size.ok_or_else(|| "no slide size (p:sldSz)".to_string())
}

/// The part names and content types of `[Content_Types].xml`: overrides by
/// part name, defaults as `*.ext`.
fn content_types(xml: &[u8]) -> Result<BTreeMap<String, String>, String> {
    let mut types = BTreeMap::new();
    elements(xml, |name, attrs| {
        let ct = attrs.get("ContentType").cloned().unwrap_or_default();
        match name {
            "Override" => {
                if let Some(p) = attrs.get("PartName") {
                    types.insert(p.trim_start_matches('/').to_string(), ct);
                }
            }
            "Default" => {
                if let Some(e) = attrs.get("Extension") {
                    types.insert(format!("*.{}", e.to_ascii_lowercase()), ct);
                }
            }
            _ => {}
        }
    })?;
    Ok(types)
}

/// The internal targets of a relationship part.
fn rel_targets(xml: &[u8]) -> Result<Vec<String>, String> {
    let mut targets = Vec::new();
    elements(xml, |name, attrs| {
        if name == "Relationship" && attrs.get("TargetMode").map(String::as_str) != Some("External")
        {
            targets.extend(attrs.get("Target").cloned());
        }
    })?;
    Ok(targets)
}

/// The folder a relationship part's targets are relative to:
/// `ppt/slideLayouts/_rels/slideLayout1.xml.rels` → `ppt/slideLayouts`.
fn rels_base(rels: &str) -> String {
    rels.rsplit_once("/_rels/")
        .map(|(dir, _)| dir.to_string())
        .unwrap_or_default()
}

/// `target` relative to `dir`, with `..` taken out: `../media/image1.png` from
/// `ppt/slideLayouts` → `ppt/media/image1.png`.
fn resolve(dir: &str, target: &str) -> String {
    let mut out: Vec<&str> = if target.starts_with('/') {
        Vec::new()
    } else {
        dir.split('/').filter(|s| !s.is_empty()).collect()
    };
    for seg in target.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                out.pop();
            }
            s => out.push(s),
        }
    }
    out.join("/")
}

/// The `<p:sldLayoutId id>` numbers of a master.
fn layout_ids(xml: &[u8]) -> Result<Vec<u64>, String> {
    let mut ids = Vec::new();
    elements(xml, |el, attrs| {
        if el == "sldLayoutId" {
            ids.extend(attrs.get("id").and_then(|v| v.parse::<u64>().ok()));
        }
    })?;
    Ok(ids)
}

/// A layout's name and type.
fn layout(part: &str, xml: &[u8]) -> Result<TemplateLayout, String> {
    let mut kind = None;
    let mut name = None;
    elements(xml, |el, attrs| match el {
        "sldLayout" => kind = attrs.get("type").cloned(),
        "cSld" if name.is_none() => name = Some(attrs.get("name").cloned().unwrap_or_default()),
        _ => {}
    })?;
    Ok(TemplateLayout {
        part: part.to_string(),
        name: name.unwrap_or_default(),
        kind,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sixteen_by_nine_within_a_percent() {
        assert!(is_wide((12_192_000, 6_858_000)));
        assert!(is_wide((9_144_000, 5_143_500)));
        assert!(is_wide((12_192_000, 6_900_000)));
        assert!(!is_wide((9_144_000, 6_858_000)), "4:3");
        assert!(!is_wide((12_192_000, 0)));
    }

    #[test]
    fn targets_resolve_against_the_part_folder() {
        assert_eq!(
            rels_base("ppt/slideLayouts/_rels/slideLayout1.xml.rels"),
            "ppt/slideLayouts"
        );
        assert_eq!(
            resolve("ppt/slideLayouts", "../media/image1.png"),
            "ppt/media/image1.png"
        );
        assert_eq!(
            resolve("ppt/slideLayouts", "/ppt/media/x.png"),
            "ppt/media/x.png"
        );
    }

    #[test]
    fn a_layout_has_its_name_and_type() {
        let xml = br#"<p:sldLayout xmlns:p="p" type="secHead"><p:cSld name="Avsnittsrubrik"/></p:sldLayout>"#;
        let l = layout("ppt/slideLayouts/slideLayout3.xml", xml).unwrap();
        assert_eq!(l.name, "Avsnittsrubrik");
        assert_eq!(l.kind.as_deref(), Some("secHead"));
    }
}
