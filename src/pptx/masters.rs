//! The slide master, its four layouts (title, section, chart, closing) and the
//! notes master, in the theme's colours and font.
//!
//! A slide's shapes name the layout's placeholders (`<p:ph type="title"/>` …),
//! so "Reset slide" and "New slide" in PowerPoint give the deck's look, and a
//! presenter's own slides made from these layouts match.

use super::geometry::{self as geo, COVER, FOOTER, LAYOUT_BODY, LAYOUT_TITLE, NUMBER};
use super::office_theme::latin;
use super::palette::{Palette, hex};
use super::shapes::{
    Frame, Ids, Ph, Rect, bullet_char, disc, emu, level_indent, solid, sz, text_shape, xfrm,
};
use super::xml::{self, Res, Xml};
use crate::render::slides::geometry::{SIZES, SLIDE};

pub(super) const A: &str = "http://schemas.openxmlformats.org/drawingml/2006/main";
pub(super) const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
pub(super) const P: &str = "http://schemas.openxmlformats.org/presentationml/2006/main";

/// The layouts, in the master's order (their part numbers are this order + 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Layout {
    Title,
    Section,
    Chart,
    Closing,
}

impl Layout {
    /// Every layout, in part order.
    pub(super) const ALL: [Layout; 4] = [
        Layout::Title,
        Layout::Section,
        Layout::Chart,
        Layout::Closing,
    ];

    /// Its part number: `slideLayoutN.xml`.
    pub(super) fn number(self) -> usize {
        self as usize + 1
    }

    fn name(self) -> &'static str {
        match self {
            Layout::Title => "Title",
            Layout::Section => "Section",
            Layout::Chart => "Chart",
            Layout::Closing => "Closing",
        }
    }

    fn kind(self) -> &'static str {
        match self {
            Layout::Title => "title",
            Layout::Section => "obj",
            Layout::Chart => "titleOnly",
            Layout::Closing => "cust",
        }
    }

    /// Title and closing slides stand on the strong accent colour.
    pub(super) fn dark(self) -> bool {
        matches!(self, Layout::Title | Layout::Closing)
    }
}

/// The group properties every shape tree starts with.
pub(super) fn tree_start(w: &mut Xml) -> Res {
    xml::el(w, "p:nvGrpSpPr", &[], |w| {
        xml::empty(w, "p:cNvPr", &[("id", "1"), ("name", "")])?;
        xml::empty(w, "p:cNvGrpSpPr", &[])?;
        xml::empty(w, "p:nvPr", &[])
    })?;
    xml::el(w, "p:grpSpPr", &[], |w| {
        xml::el(w, "a:xfrm", &[], |w| {
            xml::empty(w, "a:off", &[("x", "0"), ("y", "0")])?;
            xml::empty(w, "a:ext", &[("cx", "0"), ("cy", "0")])?;
            xml::empty(w, "a:chOff", &[("x", "0"), ("y", "0")])?;
            xml::empty(w, "a:chExt", &[("cx", "0"), ("cy", "0")])
        })
    })
}

/// A solid background.
pub(super) fn background(w: &mut Xml, c: crate::charts::theme::Rgb) -> Res {
    xml::el(w, "p:bg", &[], |w| {
        xml::el(w, "p:bgPr", &[], |w| {
            solid(w, c)?;
            xml::empty(w, "a:effectLst", &[])
        })
    })
}

fn colour_map(w: &mut Xml, tag: &str) -> Res {
    xml::empty(
        w,
        tag,
        &[
            ("bg1", "lt1"),
            ("tx1", "dk1"),
            ("bg2", "lt2"),
            ("tx2", "dk2"),
            ("accent1", "accent1"),
            ("accent2", "accent2"),
            ("accent3", "accent3"),
            ("accent4", "accent4"),
            ("accent5", "accent5"),
            ("accent6", "accent6"),
            ("hlink", "hlink"),
            ("folHlink", "folHlink"),
        ],
    )
}

/// A placeholder with a prompt paragraph (what PowerPoint shows in an empty one).
fn placeholder(
    w: &mut Xml,
    ids: &mut Ids,
    name: &str,
    ph: Ph,
    r: Rect,
    anchor: &'static str,
    prompt: &str,
) -> Res {
    let f = Frame {
        name,
        ph: Some(ph),
        rect: Some(r),
        anchor,
        autofit: ph.0 == "body",
    };
    text_shape(w, ids, f, |w| {
        xml::el(w, "a:p", &[], |w| {
            xml::el(w, "a:r", &[], |w| {
                xml::empty(w, "a:rPr", &[("lang", "en-GB")])?;
                xml::text(w, "a:t", &[], prompt)
            })
        })
    })
}

fn footer_placeholders(w: &mut Xml, ids: &mut Ids) -> Res {
    placeholder(w, ids, "Footer", Ph("ftr", Some("11")), FOOTER, "ctr", "")?;
    placeholder(
        w,
        ids,
        "Slide Number",
        Ph("sldNum", Some("12")),
        NUMBER,
        "ctr",
        "‹#›",
    )
}

/// A level's paragraph properties: size px, bold, colour, bullet.
fn level(
    w: &mut Xml,
    tag: &str,
    size: f32,
    bold: bool,
    colour: &str,
    indent: Option<(f32, &str)>,
) -> Res {
    let mut attrs = vec![];
    let (mar, ind);
    if let Some((step, _)) = indent {
        mar = emu(step);
        ind = emu(-step / 2.0);
        attrs.push(("marL", mar.as_str()));
        attrs.push(("indent", ind.as_str()));
    }
    xml::el(w, tag, &attrs, |w| {
        match indent {
            Some((_, ch)) => bullet_char(w, ch)?,
            None => xml::empty(w, "a:buNone", &[])?,
        }
        let b = if bold { "1" } else { "0" };
        xml::el(w, "a:defRPr", &[("sz", &sz(size)), ("b", b)], |w| {
            xml::el(w, "a:solidFill", &[], |w| {
                xml::empty(w, "a:srgbClr", &[("val", colour)])
            })?;
            latin(w, "a:latin")
        })
    })
}

/// The places of a section slide (and of the master): the title, the body
/// when it has one (a chart slide has not), and the footer's.
fn section_placeholders(w: &mut Xml, ids: &mut Ids, body: bool) -> Res {
    let title = Ph("title", None);
    placeholder(w, ids, "Title", title, LAYOUT_TITLE, "t", "Title")?;
    if body {
        let text = Ph("body", Some("1"));
        placeholder(w, ids, "Text", text, LAYOUT_BODY, "t", "Text")?;
    }
    footer_placeholders(w, ids)
}

/// The slide master (`ppt/slideMasters/slideMaster1.xml`); its layouts are `rId1`–`rId4`, its theme `rId5`.
pub(super) fn master(p: &Palette) -> std::io::Result<Vec<u8>> {
    let text = hex(p.text);
    let muted = hex(p.muted);
    let tree = |w: &mut Xml| section_placeholders(w, &mut Ids::default(), true);
    master_part("p:sldMaster", p, tree, |w| {
        xml::el(w, "p:sldLayoutIdLst", &[], |w| {
            for l in Layout::ALL {
                let id = (2147483648u64 + l.number() as u64).to_string();
                xml::empty(
                    w,
                    "p:sldLayoutId",
                    &[("id", &id), ("r:id", &format!("rId{}", l.number()))],
                )?;
            }
            Ok(())
        })?;
        xml::el(w, "p:txStyles", &[], |w| {
            xml::el(w, "p:titleStyle", &[], |w| {
                level(w, "a:lvl1pPr", geo::TITLE_SIZE, true, &text, None)
            })?;
            xml::el(w, "p:bodyStyle", &[], |w| {
                // The body's default size (`var(--size, 32)`) and its list indent.
                let size = SIZES[0];
                let step = level_indent(size);
                level(w, "a:lvl1pPr", size, false, &text, Some((step, disc(0))))?;
                level(
                    w,
                    "a:lvl2pPr",
                    size,
                    false,
                    &text,
                    Some((2.0 * step, disc(1))),
                )?;
                level(
                    w,
                    "a:lvl3pPr",
                    size,
                    false,
                    &text,
                    Some((3.0 * step, disc(2))),
                )
            })?;
            xml::el(w, "p:otherStyle", &[], |w| {
                level(w, "a:lvl1pPr", geo::FOOTER_SIZE, false, &muted, None)
            })
        })
    })
}

/// A master part (`tag`: the slide or the notes master) on the page colour:
/// its shape tree's shapes from `tree`, the colour map, then `styles`.
fn master_part(
    tag: &str,
    p: &Palette,
    tree: impl FnOnce(&mut Xml) -> Res,
    styles: impl FnOnce(&mut Xml) -> Res,
) -> std::io::Result<Vec<u8>> {
    xml::part(|w| {
        xml::el(
            w,
            tag,
            &[("xmlns:a", A), ("xmlns:r", R), ("xmlns:p", P)],
            |w| {
                xml::el(w, "p:cSld", &[], |w| {
                    background(w, p.bg)?;
                    xml::el(w, "p:spTree", &[], |w| {
                        tree_start(w)?;
                        tree(w)
                    })
                })?;
                colour_map(w, "p:clrMap")?;
                styles(w)
            },
        )
    })
}

/// Layout `l` (`ppt/slideLayouts/slideLayoutN.xml`); its master is `rId1`.
pub(super) fn layout(l: Layout, p: &Palette) -> std::io::Result<Vec<u8>> {
    xml::part(|w| {
        xml::el(
            w,
            "p:sldLayout",
            &[
                ("xmlns:a", A),
                ("xmlns:r", R),
                ("xmlns:p", P),
                ("type", l.kind()),
                ("preserve", "1"),
            ],
            |w| {
                xml::el(w, "p:cSld", &[("name", l.name())], |w| {
                    if l.dark() {
                        background(w, p.accent_strong)?;
                    }
                    xml::el(w, "p:spTree", &[], |w| {
                        tree_start(w)?;
                        let mut ids = Ids::default();
                        match l {
                            Layout::Title => {
                                let title = Rect {
                                    h: 160.0,
                                    y: 220.0,
                                    ..COVER
                                };
                                let sub = Rect {
                                    h: 80.0,
                                    y: 400.0,
                                    ..COVER
                                };
                                placeholder(
                                    w,
                                    &mut ids,
                                    "Title",
                                    Ph("ctrTitle", None),
                                    title,
                                    "b",
                                    "Title",
                                )?;
                                placeholder(
                                    w,
                                    &mut ids,
                                    "Subtitle",
                                    Ph("subTitle", Some("1")),
                                    sub,
                                    "t",
                                    "Subtitle",
                                )
                            }
                            Layout::Section => section_placeholders(w, &mut ids, true),
                            Layout::Chart => section_placeholders(w, &mut ids, false),
                            Layout::Closing => {
                                let r = Rect {
                                    h: 200.0,
                                    y: 220.0,
                                    ..COVER
                                };
                                placeholder(
                                    w,
                                    &mut ids,
                                    "Statement",
                                    Ph("body", Some("1")),
                                    r,
                                    "ctr",
                                    "Statement",
                                )
                            }
                        }
                    })
                })?;
                xml::el(w, "p:clrMapOvr", &[], |w| {
                    xml::empty(w, "a:masterClrMapping", &[])
                })
            },
        )
    })
}

/// The notes page's margin, design px: ¾ inch at 96 px an inch, PowerPoint's
/// own notes page's. It is not the slide's 72 px padding, which may change
/// with the stylesheet while the printed notes page keeps its margin.
const NOTES_MARGIN: f32 = 72.0;
/// The notes page's width, design px: portrait 7.5 in (`p:notesSz`).
const NOTES_W: f32 = 720.0;
/// The notes page's places: the slide's picture above, the notes below (portrait, 7.5 × 10 in).
pub(super) const NOTES_IMAGE: Rect = Rect {
    x: NOTES_MARGIN,
    y: NOTES_MARGIN,
    w: NOTES_W - 2.0 * NOTES_MARGIN,
    // In the slide's shape.
    h: (NOTES_W - 2.0 * NOTES_MARGIN) * SLIDE.1 / SLIDE.0,
};
/// The notes text on a notes page.
pub(super) const NOTES_BODY: Rect = Rect {
    x: NOTES_MARGIN,
    y: 420.0,
    w: NOTES_W - 2.0 * NOTES_MARGIN,
    h: 480.0,
};

/// The notes master (`ppt/notesMasters/notesMaster1.xml`); its theme is `rId1`.
pub(super) fn notes_master(p: &Palette) -> std::io::Result<Vec<u8>> {
    let text = hex(p.text);
    let tree = |w: &mut Xml| {
        let mut ids = Ids::default();
        notes_image(w, &mut ids, Some(NOTES_IMAGE))?;
        let notes = Ph("body", Some("1"));
        placeholder(w, &mut ids, "Notes", notes, NOTES_BODY, "t", "Notes")
    };
    master_part("p:notesMaster", p, tree, |w| {
        xml::el(w, "p:notesStyle", &[], |w| {
            level(w, "a:lvl1pPr", 16.0, false, &text, None)
        })
    })
}

/// The slide-picture placeholder of a notes page.
pub(super) fn notes_image(w: &mut Xml, ids: &mut Ids, at: Option<Rect>) -> Res {
    let id = ids.next();
    xml::el(w, "p:sp", &[], |w| {
        xml::el(w, "p:nvSpPr", &[], |w| {
            xml::empty(w, "p:cNvPr", &[("id", &id), ("name", "Slide Image")])?;
            xml::el(w, "p:cNvSpPr", &[], |w| {
                xml::empty(
                    w,
                    "a:spLocks",
                    &[("noGrp", "1"), ("noRot", "1"), ("noChangeAspect", "1")],
                )
            })?;
            xml::el(w, "p:nvPr", &[], |w| {
                xml::empty(w, "p:ph", &[("type", "sldImg"), ("idx", "2")])
            })
        })?;
        xml::el(w, "p:spPr", &[], |w| match at {
            Some(r) => xfrm(w, "a:xfrm", r),
            None => Ok(()),
        })
    })
}
