//! `metadata/descriptive/dc.xml`: the package described in Dublin Core, the
//! descriptive metadata every archive system reads, in the OAI-DC wrapper
//! (the usual container for a standalone record): title and creator in each
//! language (`xml:lang`), date of publication, languages, description,
//! formats, type, identifier and the year covered.

use std::collections::{BTreeMap, BTreeSet};
use std::io;

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesText, Event};

use super::links::Place;
use super::{mime, words};
use crate::model::{Report, Site};

const OAI_DC: &str = "http://www.openarchives.org/OAI/2.0/oai_dc/";
const DC: &str = "http://purl.org/dc/elements/1.1/";
const XSI: &str = "http://www.w3.org/2001/XMLSchema-instance";
const SCHEMA: &str =
    "http://www.openarchives.org/OAI/2.0/oai_dc/ http://www.openarchives.org/OAI/2.0/oai_dc.xsd";

/// The Dublin Core record of the package `package` of `report`, whose files
/// (by their path in the site) are `files`.
pub(super) fn record(
    site: &Site,
    report: &Report,
    package: &str,
    files: &BTreeMap<String, Place>,
) -> io::Result<Vec<u8>> {
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    w.create_element("oai_dc:dc")
        .with_attributes([
            ("xmlns:oai_dc", OAI_DC),
            ("xmlns:dc", DC),
            ("xmlns:xsi", XSI),
            ("xsi:schemaLocation", SCHEMA),
        ])
        .write_inner_content(|w| {
            let text = |w: &mut Writer<Vec<u8>>, name: &str, lang: Option<&str>, value: &str| {
                let el = w.create_element(name);
                let el = match lang {
                    Some(l) => el.with_attribute(("xml:lang", l)),
                    None => el,
                };
                el.write_text_content(BytesText::new(value)).map(|_| ())
            };
            for &lang in &site.languages {
                if let Some(title) = report.title.get(lang) {
                    text(w, "dc:title", Some(lang.code()), title)?;
                }
            }
            for &lang in &site.languages {
                if let Some(org) = site.organisation.get(lang) {
                    text(w, "dc:creator", Some(lang.code()), org)?;
                }
            }
            text(w, "dc:date", None, &report.published.iso())?;
            for &lang in &site.languages {
                text(w, "dc:language", None, lang.code())?;
            }
            for &lang in &site.languages {
                let title = report.title.resolve(lang).value;
                text(
                    w,
                    "dc:description",
                    Some(lang.code()),
                    &words::description(lang, title),
                )?;
                if let Some(about) = site.description.as_ref().and_then(|d| d.get(lang)) {
                    text(w, "dc:description", Some(lang.code()), about)?;
                }
            }
            let formats: BTreeSet<&str> = files
                .keys()
                .filter(|p| p.ends_with(".html") || p.ends_with(".pdf"))
                .map(|p| mime::of(p))
                .collect();
            for format in formats {
                text(w, "dc:format", None, format)?;
            }
            text(w, "dc:type", None, "Text")?;
            text(w, "dc:identifier", None, package)?;
            text(w, "dc:coverage", None, &report.year.to_string())?;
            Ok(())
        })?;
    let mut bytes = w.into_inner();
    bytes.push(b'\n');
    Ok(bytes)
}
