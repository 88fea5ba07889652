//! `METS.xml`, the package's own description after the E-ARK CSIP METS
//! profile: identity (`OBJID` = the root folder's name, the report's title,
//! the organisation as owner, the software as creator), the Dublin Core
//! record in a `dmdSec`, a `fileSec` with size, media type and SHA-256 of
//! every other file, and the `structMap` CSIP asks for. The numbers in the
//! comments are the profile's requirement ids.
//!
//! Every date in it is the report's publication date, not the time the
//! package was made, so that the same input gives the same bytes.

use std::io;

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesText, Event};

use super::contents::{DC, Entry};
use super::links::Place;
use super::manifest::{self, sha256_hex};
use super::mime;
use crate::model::{Report, Site};

/// The file's name, in the package's root folder (CSIPSTR4).
pub(super) const NAME: &str = "METS.xml";

const PROFILE: &str = "https://earkcsip.dilcis.eu/profile/E-ARK-CSIP.xml";
const SCHEMAS: &str = "http://www.loc.gov/METS/ http://www.loc.gov/standards/mets/mets.xsd \
     http://www.w3.org/1999/xlink http://www.loc.gov/standards/mets/xlink.xsd \
     https://DILCIS.eu/XML/METS/CSIPExtensionMETS https://earkcsip.dilcis.eu/schema/DILCISExtensionMETS.xsd";

/// The file groups: id, `@USE`, the content type's name, and which files.
struct Group {
    id: &'static str,
    use_: &'static str,
    other_type: Option<&'static str>,
    files: Vec<usize>,
}

/// METS.xml for the package `package` of `report`, describing `entries`
/// (every other file of the package, the manifest included).
pub(super) fn document(
    site: &Site,
    report: &Report,
    package: &str,
    entries: &[Entry],
) -> io::Result<Vec<u8>> {
    let date = format!("{}T00:00:00", report.published.iso());
    let mut groups = [
        Group {
            id: "grp-documentation",
            use_: "Documentation",
            other_type: None,
            files: Vec::new(),
        },
        Group {
            id: "grp-html",
            use_: "Representations/html/data",
            other_type: Some("HTML web pages"),
            files: Vec::new(),
        },
        Group {
            id: "grp-pdf",
            use_: "Representations/pdf/data",
            other_type: Some("PDF/A-2a documents"),
            files: Vec::new(),
        },
    ];
    let mut dc = None;
    for (i, e) in entries.iter().enumerate() {
        if e.path == DC {
            dc = Some(e);
        } else if e.path == manifest::NAME {
            groups[0].files.push(i);
        } else if e.path.starts_with(Place::Html.folder()) {
            groups[1].files.push(i);
        } else if e.path.starts_with(Place::Pdf.folder()) {
            groups[2].files.push(i);
        }
    }
    let groups: Vec<&Group> = groups.iter().filter(|g| !g.files.is_empty()).collect();
    let title = report.title.resolve(site.default_lang()).value;
    let owner = site.organisation.resolve(site.default_lang()).value;

    let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    w.create_element("mets")
        .with_attributes([
            ("xmlns", "http://www.loc.gov/METS/"),
            ("xmlns:csip", "https://DILCIS.eu/XML/METS/CSIPExtensionMETS"),
            ("xmlns:xlink", "http://www.w3.org/1999/xlink"),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
            ("xsi:schemaLocation", SCHEMAS),
            // CSIP1: the package's name, which is also its root folder's.
            ("OBJID", package),
            ("LABEL", title),
            // CSIP2, CSIP4: web pages and PDF documents together.
            ("TYPE", "Mixed"),
            ("csip:CONTENTINFORMATIONTYPE", "MIXED"),
            // CSIP6.
            ("PROFILE", PROFILE),
        ])
        .write_inner_content(|w| {
            // CSIP117, CSIP7, CSIP9: a submission to an archive.
            w.create_element("metsHdr")
                .with_attributes([
                    ("CREATEDATE", date.as_str()),
                    ("RECORDSTATUS", "NEW"),
                    ("csip:OAISPACKAGETYPE", "SIP"),
                ])
                .write_inner_content(|w| {
                    // CSIP10–16: the software that made the package.
                    w.create_element("agent")
                        .with_attributes([
                            ("ROLE", "CREATOR"),
                            ("TYPE", "OTHER"),
                            ("OTHERTYPE", "SOFTWARE"),
                        ])
                        .write_inner_content(|w| {
                            w.create_element("name")
                                .write_text_content(BytesText::new("summering"))?;
                            w.create_element("note")
                                .with_attribute(("csip:NOTETYPE", "SOFTWARE VERSION"))
                                .write_text_content(BytesText::new(env!("CARGO_PKG_VERSION")))?;
                            Ok(())
                        })?;
                    // The organisation that published the report and owns the package.
                    w.create_element("agent")
                        .with_attributes([("ROLE", "IPOWNER"), ("TYPE", "ORGANIZATION")])
                        .write_inner_content(|w| {
                            w.create_element("name")
                                .write_text_content(BytesText::new(owner))?;
                            Ok(())
                        })?;
                    Ok(())
                })?;
            // CSIP17–30: the Dublin Core record.
            if let Some(dc) = dc {
                w.create_element("dmdSec")
                    .with_attributes([
                        ("ID", "dmd-dc"),
                        ("CREATED", date.as_str()),
                        ("STATUS", "CURRENT"),
                    ])
                    .write_inner_content(|w| {
                        let size = dc.bytes.len().to_string();
                        let sum = sha256_hex(&dc.bytes);
                        w.create_element("mdRef")
                            .with_attributes([
                                ("LOCTYPE", "URL"),
                                ("xlink:type", "simple"),
                                ("xlink:href", DC),
                                ("MDTYPE", "DC"),
                                ("MIMETYPE", "application/xml"),
                                ("SIZE", size.as_str()),
                                ("CREATED", date.as_str()),
                                ("CHECKSUM", sum.as_str()),
                                ("CHECKSUMTYPE", "SHA-256"),
                            ])
                            .write_empty()?;
                        Ok(())
                    })?;
            }
            // CSIP58–79: every other file, with its checksum.
            w.create_element("fileSec")
                .with_attribute(("ID", "filesec"))
                .write_inner_content(|w| {
                    let mut n = 0;
                    for g in &groups {
                        let mut grp = w
                            .create_element("fileGrp")
                            .with_attributes([("ID", g.id), ("USE", g.use_)]);
                        if let Some(other) = g.other_type {
                            grp = grp.with_attributes([
                                ("csip:CONTENTINFORMATIONTYPE", "OTHER"),
                                ("csip:OTHERCONTENTINFORMATIONTYPE", other),
                            ]);
                        }
                        grp.write_inner_content(|w| {
                            for &i in &g.files {
                                n += 1;
                                file(w, n, &entries[i], &date)?;
                            }
                            Ok(())
                        })?;
                    }
                    Ok(())
                })?;
            // CSIP80–104: one division for the package, one per part.
            w.create_element("structMap")
                .with_attributes([("ID", "structmap"), ("TYPE", "PHYSICAL"), ("LABEL", "CSIP")])
                .write_inner_content(|w| {
                    w.create_element("div")
                        .with_attributes([("ID", "div-package"), ("LABEL", package)])
                        .write_inner_content(|w| {
                            if dc.is_some() {
                                w.create_element("div")
                                    .with_attributes([
                                        ("ID", "div-metadata"),
                                        ("LABEL", "Metadata"),
                                        ("DMDID", "dmd-dc"),
                                    ])
                                    .write_empty()?;
                            }
                            for (label, id, uses) in [
                                ("Documentation", "div-documentation", "Documentation"),
                                ("Representations", "div-representations", "Representations"),
                            ] {
                                let parts: Vec<&&Group> =
                                    groups.iter().filter(|g| g.use_.starts_with(uses)).collect();
                                if parts.is_empty() {
                                    continue;
                                }
                                w.create_element("div")
                                    .with_attributes([("ID", id), ("LABEL", label)])
                                    .write_inner_content(|w| {
                                        for g in parts {
                                            w.create_element("fptr")
                                                .with_attribute(("FILEID", g.id))
                                                .write_empty()?;
                                        }
                                        Ok(())
                                    })?;
                            }
                            Ok(())
                        })?;
                    Ok(())
                })?;
            Ok(())
        })?;
    let mut bytes = w.into_inner();
    bytes.push(b'\n');
    Ok(bytes)
}

/// The `n`th `<file>` (CSIP66–79) with its `<FLocat>`.
fn file(w: &mut Writer<Vec<u8>>, n: usize, e: &Entry, date: &str) -> io::Result<()> {
    let id = format!("file-{n}");
    let size = e.bytes.len().to_string();
    let sum = sha256_hex(&e.bytes);
    let href = href(&e.path);
    w.create_element("file")
        .with_attributes([
            ("ID", id.as_str()),
            ("MIMETYPE", mime::of(&e.path)),
            ("SIZE", size.as_str()),
            ("CREATED", date),
            ("CHECKSUM", sum.as_str()),
            ("CHECKSUMTYPE", "SHA-256"),
        ])
        .write_inner_content(|w| {
            w.create_element("FLocat")
                .with_attributes([
                    ("LOCTYPE", "URL"),
                    ("xlink:type", "simple"),
                    ("xlink:href", href.as_str()),
                ])
                .write_empty()?;
            Ok(())
        })?;
    Ok(())
}

/// A package path as a relative URL: each segment percent-encoded, which
/// changes nothing in the ASCII names summering writes.
pub(super) fn href(path: &str) -> String {
    super::links::relative(NAME, path)
}
