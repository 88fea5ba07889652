//! The presentation part (slide list, 16:9 slide size), its small property
//! parts, and the package's document properties (title, creator, language,
//! the publication date as the only date, so the same input gives the same bytes).

use super::masters::{A, P, R};
use super::xml::{self, Res, Xml};

/// What `ppt/presentation.xml` lists: the masters are `rId1` … `rIdN`, the
/// notes master `rId(N + 1)`, the slides from `first_slide_rel` on.
#[derive(Debug, Clone, Copy)]
pub(super) struct Listing<'a> {
    /// The id of the first master (the others follow), `2147483648` for the built-in one.
    pub(super) first_master_id: u64,
    pub(super) masters: usize,
    pub(super) slides: usize,
    pub(super) first_slide_rel: usize,
    /// Slide width and height in EMU.
    pub(super) size: (u64, u64),
    /// The deck's BCP 47 tag (`sv-SE`), for text without a language of its own.
    pub(super) lang: &'a str,
}

/// PowerPoint's "Widescreen", 13.333 × 7.5 in (1280 × 720 px), in EMU.
pub(super) const WIDESCREEN: (u64, u64) = (12_192_000, 6_858_000);

/// `ppt/presentation.xml`, as `l` says.
pub(super) fn presentation(l: Listing<'_>) -> std::io::Result<Vec<u8>> {
    xml::part(|w| {
        xml::el(
            w,
            "p:presentation",
            &[
                ("xmlns:a", A),
                ("xmlns:r", R),
                ("xmlns:p", P),
                ("saveSubsetFonts", "1"),
            ],
            |w| {
                xml::el(w, "p:sldMasterIdLst", &[], |w| {
                    (0..l.masters).try_for_each(|i| {
                        let id = (l.first_master_id + i as u64).to_string();
                        let rel = format!("rId{}", i + 1);
                        xml::empty(w, "p:sldMasterId", &[("id", &id), ("r:id", &rel)])
                    })
                })?;
                xml::el(w, "p:notesMasterIdLst", &[], |w| {
                    let rel = format!("rId{}", l.masters + 1);
                    xml::empty(w, "p:notesMasterId", &[("r:id", &rel)])
                })?;
                xml::el(w, "p:sldIdLst", &[], |w| {
                    (0..l.slides).try_for_each(|i| {
                        let id = (256 + i).to_string();
                        let rel = format!("rId{}", l.first_slide_rel + i);
                        xml::empty(w, "p:sldId", &[("id", &id), ("r:id", &rel)])
                    })
                })?;
                let (cx, cy) = (l.size.0.to_string(), l.size.1.to_string());
                xml::empty(w, "p:sldSz", &[("cx", &cx), ("cy", &cy)])?;
                xml::empty(w, "p:notesSz", &[("cx", "6858000"), ("cy", "9144000")])?;
                default_text_style(w, l.lang)
            },
        )
    })
}

/// The look of text that neither its shape nor a master style gives one: the
/// first text colour and the theme's body font (`+mn-lt`, with the theme's
/// East Asian and complex-script fonts beside it), as PowerPoint writes it.
/// Without it LibreOffice draws such text (the footer and slide number on a
/// template's master, which name no font) in a serif font.
fn default_text_style(w: &mut Xml, lang: &str) -> Res {
    xml::el(w, "p:defaultTextStyle", &[], |w| {
        xml::el(w, "a:defPPr", &[], |w| {
            xml::empty(w, "a:defRPr", &[("lang", lang)])
        })?;
        (0..9u64).try_for_each(|i| {
            let tag = format!("a:lvl{}pPr", i + 1);
            let indent = (i * 457_200).to_string();
            let attrs = [
                ("marL", indent.as_str()),
                ("algn", "l"),
                ("defTabSz", "914400"),
                ("rtl", "0"),
                ("eaLnBrk", "1"),
                ("latinLnBrk", "0"),
                ("hangingPunct", "1"),
            ];
            xml::el(w, &tag, &attrs, |w| {
                xml::el(w, "a:defRPr", &[("sz", "1800"), ("kern", "1200")], |w| {
                    xml::el(w, "a:solidFill", &[], |w| {
                        xml::empty(w, "a:schemeClr", &[("val", "tx1")])
                    })?;
                    xml::empty(w, "a:latin", &[("typeface", "+mn-lt")])?;
                    xml::empty(w, "a:ea", &[("typeface", "+mn-ea")])?;
                    xml::empty(w, "a:cs", &[("typeface", "+mn-cs")])
                })
            })
        })
    })
}

/// `ppt/presProps.xml`.
pub(super) fn pres_props() -> std::io::Result<Vec<u8>> {
    xml::part(|w| {
        xml::empty(
            w,
            "p:presentationPr",
            &[("xmlns:a", A), ("xmlns:r", R), ("xmlns:p", P)],
        )
    })
}

/// `ppt/viewProps.xml`: opens in the normal view with the notes pane.
pub(super) fn view_props() -> std::io::Result<Vec<u8>> {
    xml::part(|w| {
        xml::el(
            w,
            "p:viewPr",
            &[("xmlns:a", A), ("xmlns:r", R), ("xmlns:p", P)],
            |w| {
                xml::el(w, "p:normalViewPr", &[], |w| {
                    xml::empty(w, "p:restoredLeft", &[("sz", "15620")])?;
                    xml::empty(w, "p:restoredTop", &[("sz", "80000")])
                })?;
                xml::empty(w, "p:gridSpacing", &[("cx", "76200"), ("cy", "76200")])
            },
        )
    })
}

/// `ppt/tableStyles.xml`: none; tables carry their own borders and fills.
pub(super) fn table_styles() -> std::io::Result<Vec<u8>> {
    xml::part(|w| {
        xml::empty(
            w,
            "a:tblStyleLst",
            &[
                ("xmlns:a", A),
                ("def", "{5C22544A-7EE6-4342-B048-85BDC9FD1C3A}"),
            ],
        )
    })
}

/// What `docProps/core.xml` says.
#[derive(Debug, Clone, Copy)]
pub(super) struct Core<'a> {
    pub(super) title: &'a str,
    pub(super) creator: &'a str,
    pub(super) lang: &'a str,
    /// `YYYY-MM-DD`.
    pub(super) date: &'a str,
}

/// `docProps/core.xml`.
pub(super) fn core(c: Core<'_>) -> std::io::Result<Vec<u8>> {
    let when = format!("{}T00:00:00Z", c.date);
    xml::part(|w| {
        xml::el(
            w,
            "cp:coreProperties",
            &[
                (
                    "xmlns:cp",
                    "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
                ),
                ("xmlns:dc", "http://purl.org/dc/elements/1.1/"),
                ("xmlns:dcterms", "http://purl.org/dc/terms/"),
                ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
            ],
            |w: &mut Xml| {
                xml::text(w, "dc:title", &[], c.title)?;
                xml::text(w, "dc:creator", &[], c.creator)?;
                xml::text(w, "dc:language", &[], c.lang)?;
                xml::text(
                    w,
                    "dcterms:created",
                    &[("xsi:type", "dcterms:W3CDTF")],
                    &when,
                )?;
                xml::text(
                    w,
                    "dcterms:modified",
                    &[("xsi:type", "dcterms:W3CDTF")],
                    &when,
                )
            },
        )
    })
}

/// `docProps/app.xml`.
pub(super) fn app(slides: usize, notes: usize) -> std::io::Result<Vec<u8>> {
    xml::part(|w| {
        xml::el(
            w,
            "Properties",
            &[(
                "xmlns",
                "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
            )],
            |w| {
                xml::text(w, "Application", &[], "summering")?;
                xml::text(w, "PresentationFormat", &[], "Widescreen")?;
                xml::text(w, "Slides", &[], &slides.to_string())?;
                xml::text(w, "Notes", &[], &notes.to_string())
            },
        )
    })
}
