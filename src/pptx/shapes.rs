//! DrawingML shapes on a slide: text shapes (placeholders and text boxes),
//! filled rectangles, tables, and the paragraphs and runs inside them.
//!
//! Positions are given in the HTML deck's design pixels (a slide is 1280 × 720)
//! and written in EMU: 12 192 000 / 1280 = 9525 EMU a pixel, so a box sits
//! where the deck's stylesheet puts it. Type sizes convert the same way:
//! 1 px = 0.75 pt. Both conversions are [`emu`] and [`sz`], derived from the
//! slide's size in EMU and in design px, and the body's em-based lengths are
//! the deck geometry's ([`crate::render::slides::geometry`]), so a change to the
//! HTML deck's geometry moves the PowerPoint slide's too.

use crate::charts::theme::Rgb;
use crate::render::slides::geometry::{
    BLOCK_GAP, CELL_PAD_X, CODE, FOOTNOTE, HEADING, ITEM_GAP, LINE, LIST_INDENT, SLIDE, TABLE,
};
use crate::render::slides::measure::plain_lines;

use super::body::{Bullet, Para, Run, Style, Table};
use super::office_theme::{MONO, latin};
use super::package::Rels;
use super::palette::hex;
use super::presentation::WIDESCREEN;
use super::xml::{self, Res, Xml};

/// EMU per design pixel: the PowerPoint slide's width over the HTML slide's
/// (12 192 000 / 1280 = 9525, exact in `f32`).
const EMU: f32 = WIDESCREEN.0 as f32 / SLIDE.0;
/// EMU per point (DrawingML's fixed 914 400 an inch, 72 points an inch).
const EMU_PER_PT: f32 = 12_700.0;
/// Hundredths of a point (DrawingML's type sizes) per design pixel: 75.
const SZ: f32 = 100.0 * EMU / EMU_PER_PT;

/// `px` in EMU, as an attribute value.
pub(super) fn emu(px: f32) -> String {
    ((px * EMU).round() as i64).to_string()
}

/// A type size in px as DrawingML's hundredths of a point.
pub(super) fn sz(px: f32) -> String {
    ((px * SZ).round() as i64).to_string()
}

/// A box in design px.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Rect {
    pub(super) x: f32,
    pub(super) y: f32,
    pub(super) w: f32,
    pub(super) h: f32,
}

/// `<a:xfrm>` (or `<p:xfrm>` for a graphic frame) of `r`.
pub(super) fn xfrm(w: &mut Xml, tag: &str, r: Rect) -> Res {
    xml::el(w, tag, &[], |w| {
        xml::empty(w, "a:off", &[("x", &emu(r.x)), ("y", &emu(r.y))])?;
        xml::empty(w, "a:ext", &[("cx", &emu(r.w)), ("cy", &emu(r.h))])
    })
}

/// Hands out shape ids, unique on one slide (1 is the shape tree itself).
#[derive(Debug)]
pub(super) struct Ids(u32);

impl Default for Ids {
    fn default() -> Self {
        Ids(1)
    }
}

impl Ids {
    /// The next id.
    pub(super) fn next(&mut self) -> String {
        self.0 += 1;
        self.0.to_string()
    }
}

/// A placeholder a shape fills: its type and index.
#[derive(Debug, Clone, Copy)]
pub(super) struct Ph(pub(super) &'static str, pub(super) Option<&'static str>);

/// How a text shape is drawn.
#[derive(Debug, Clone, Copy)]
pub(super) struct Frame<'a> {
    pub(super) name: &'a str,
    pub(super) ph: Option<Ph>,
    /// Where; `None` keeps the layout's place (placeholders only).
    pub(super) rect: Option<Rect>,
    /// Vertical anchor: `t`, `ctr` or `b`.
    pub(super) anchor: &'static str,
    /// Let PowerPoint shrink the text when an edit makes it overflow.
    pub(super) autofit: bool,
}

/// A text shape whose paragraphs `paras` writes.
pub(super) fn text_shape(
    w: &mut Xml,
    ids: &mut Ids,
    f: Frame<'_>,
    paras: impl FnOnce(&mut Xml) -> Res,
) -> Res {
    let id = ids.next();
    xml::el(w, "p:sp", &[], |w| {
        xml::el(w, "p:nvSpPr", &[], |w| {
            xml::empty(w, "p:cNvPr", &[("id", &id), ("name", f.name)])?;
            match f.ph {
                Some(_) => xml::el(w, "p:cNvSpPr", &[], |w| {
                    xml::empty(w, "a:spLocks", &[("noGrp", "1")])
                })?,
                None => xml::empty(w, "p:cNvSpPr", &[("txBox", "1")])?,
            }
            match f.ph {
                Some(Ph(kind, idx)) => xml::el(w, "p:nvPr", &[], |w| {
                    let mut attrs = vec![("type", kind)];
                    if let Some(idx) = idx {
                        attrs.push(("idx", idx));
                    }
                    xml::empty(w, "p:ph", &attrs)
                }),
                None => xml::empty(w, "p:nvPr", &[]),
            }
        })?;
        xml::el(w, "p:spPr", &[], |w| {
            if let Some(r) = f.rect {
                xfrm(w, "a:xfrm", r)?;
            }
            if f.ph.is_none() {
                xml::el(w, "a:prstGeom", &[("prst", "rect")], |w| {
                    xml::empty(w, "a:avLst", &[])
                })?;
                xml::empty(w, "a:noFill", &[])?;
            }
            Ok(())
        })?;
        xml::el(w, "p:txBody", &[], |w| {
            body_pr(w, f.anchor, f.autofit)?;
            xml::empty(w, "a:lstStyle", &[])?;
            paras(w)
        })
    })
}

/// `<a:bodyPr>`: no insets (the boxes are the stylesheet's content boxes), wrapping.
pub(super) fn body_pr(w: &mut Xml, anchor: &str, autofit: bool) -> Res {
    xml::el(
        w,
        "a:bodyPr",
        &[
            ("wrap", "square"),
            ("lIns", "0"),
            ("tIns", "0"),
            ("rIns", "0"),
            ("bIns", "0"),
            ("anchor", anchor),
        ],
        |w| {
            if autofit {
                xml::empty(w, "a:normAutofit", &[])
            } else {
                xml::empty(w, "a:noAutofit", &[])
            }
        },
    )
}

/// A filled rectangle without text (the kind's band, the year's rule).
pub(super) fn rect(w: &mut Xml, ids: &mut Ids, name: &str, r: Rect, fill: Rgb) -> Res {
    let id = ids.next();
    xml::el(w, "p:sp", &[], |w| {
        xml::el(w, "p:nvSpPr", &[], |w| {
            xml::empty(w, "p:cNvPr", &[("id", &id), ("name", name)])?;
            xml::empty(w, "p:cNvSpPr", &[])?;
            xml::empty(w, "p:nvPr", &[])
        })?;
        xml::el(w, "p:spPr", &[], |w| {
            xfrm(w, "a:xfrm", r)?;
            xml::el(w, "a:prstGeom", &[("prst", "rect")], |w| {
                xml::empty(w, "a:avLst", &[])
            })?;
            solid(w, fill)?;
            xml::el(w, "a:ln", &[], |w| xml::empty(w, "a:noFill", &[]))
        })
    })
}

/// `<a:solidFill>` of `c`.
pub(super) fn solid(w: &mut Xml, c: Rgb) -> Res {
    xml::el(w, "a:solidFill", &[], |w| {
        xml::empty(w, "a:srgbClr", &[("val", &hex(c))])
    })
}

/// The look of a run of plain text.
#[derive(Debug, Clone, Copy)]
pub(super) struct Font<'a> {
    /// Size, design px.
    pub(super) size: f32,
    pub(super) bold: bool,
    pub(super) colour: Rgb,
    /// BCP 47 tag for spelling and hyphenation: `sv-SE`.
    pub(super) lang: &'a str,
    /// Shown in capitals, letter-spaced (the kind label), written as typed.
    pub(super) caps: bool,
    /// Without a colour and a typeface of its own, so the placeholder's (the
    /// organisation's template's) apply.
    pub(super) inherit: bool,
}

/// A paragraph of plain runs, each with its font: alignment `algn`, line height
/// `line` (times the first run's size), `after` px of space after it.
pub(super) fn plain_para(
    w: &mut Xml,
    runs: &[(&str, Font<'_>)],
    algn: &str,
    line: f32,
    after: f32,
) -> Res {
    let size = runs.first().map_or(16.0, |r| r.1.size);
    xml::el(w, "a:p", &[], |w| {
        xml::el(
            w,
            "a:pPr",
            &[("marL", "0"), ("indent", "0"), ("algn", algn)],
            |w| {
                spacing(w, size * line, after)?;
                xml::empty(w, "a:buNone", &[])
            },
        )?;
        for (text, f) in runs {
            xml::el(w, "a:r", &[], |w| {
                r_pr(w, "a:rPr", *f, false, false, None)?;
                xml::text(w, "a:t", &[], text)
            })?;
        }
        Ok(())
    })
}

/// Exact line height and the space after, both px: CSS's `line-height` and
/// margins, so every reader stacks lines as the HTML deck does.
fn spacing(w: &mut Xml, line_px: f32, after_px: f32) -> Res {
    xml::el(w, "a:lnSpc", &[], |w| {
        xml::empty(w, "a:spcPts", &[("val", &sz(line_px))])
    })?;
    xml::el(w, "a:spcBef", &[], |w| {
        xml::empty(w, "a:spcPts", &[("val", "0")])
    })?;
    xml::el(w, "a:spcAft", &[], |w| {
        xml::empty(w, "a:spcPts", &[("val", &sz(after_px))])
    })
}

/// "N / total" with N the slide-number field (showing `n` until the reader computes it).
pub(super) fn slide_number_para(
    w: &mut Xml,
    n: usize,
    total: usize,
    f: Font<'_>,
    algn: &str,
) -> Res {
    xml::el(w, "a:p", &[], |w| {
        xml::el(w, "a:pPr", &[("algn", algn)], |w| {
            xml::empty(w, "a:buNone", &[])
        })?;
        xml::el(
            w,
            "a:fld",
            &[
                ("id", "{5C1A7E2B-3D4F-4A6B-9C8D-0E1F2A3B4C5D}"),
                ("type", "slidenum"),
            ],
            |w| {
                r_pr(w, "a:rPr", f, false, false, None)?;
                xml::text(w, "a:t", &[], &n.to_string())
            },
        )?;
        xml::el(w, "a:r", &[], |w| {
            r_pr(w, "a:rPr", f, false, false, None)?;
            xml::text(w, "a:t", &[], &format!(" / {total}"))
        })
    })
}

/// `<a:rPr>` (or `<a:endParaRPr>`): size, weight, colour, font, link.
fn r_pr(w: &mut Xml, tag: &str, f: Font<'_>, italic: bool, code: bool, link: Option<&str>) -> Res {
    let size = sz(f.size);
    let mut attrs = vec![("lang", f.lang), ("sz", size.as_str())];
    if f.bold {
        attrs.push(("b", "1"));
    }
    if italic {
        attrs.push(("i", "1"));
    }
    let spc = sz(0.04 * f.size);
    if f.caps {
        attrs.push(("cap", "all"));
        attrs.push(("spc", spc.as_str()));
    }
    attrs.push(("dirty", "0"));
    xml::el(w, tag, &attrs, |w| {
        if !f.inherit {
            solid(w, f.colour)?;
        }
        if code {
            xml::empty(
                w,
                "a:latin",
                &[("typeface", MONO), ("pitchFamily", "49"), ("charset", "0")],
            )?;
        } else if !f.inherit {
            latin(w, "a:latin")?;
        }
        if let Some(id) = link {
            xml::empty(w, "a:hlinkClick", &[("r:id", id)])?;
        }
        Ok(())
    })
}

/// The HTML deck's list markers (`list-style-type` disc, circle, square by
/// depth in `slides.css`) as bullet characters: Noto Sans has no white bullet
/// or small square, so they are drawn in Arial ([`bullet_char`]), which has
/// both (as has Liberation Sans, which LibreOffice puts in Arial's place).
pub(super) fn disc(level: u8) -> &'static str {
    match level {
        0 => "•",
        1 => "◦",
        _ => "▪",
    }
}

/// A bullet: `ch` in a font every machine has (the theme's may lack it).
pub(super) fn bullet_char(w: &mut Xml, ch: &str) -> Res {
    let font = [
        ("typeface", "Arial"),
        ("pitchFamily", "34"),
        ("charset", "0"),
    ];
    xml::empty(w, "a:buFont", &font)?;
    xml::empty(w, "a:buChar", &[("char", ch)])
}

/// The non-visual properties of a graphic frame (a table, a chart): its id,
/// name and alternative text in `c_nv_pr`, ungroupable.
pub(super) fn frame_props(w: &mut Xml, c_nv_pr: &[(&str, &str)]) -> Res {
    xml::el(w, "p:nvGraphicFramePr", &[], |w| {
        xml::empty(w, "p:cNvPr", c_nv_pr)?;
        xml::el(w, "p:cNvGraphicFramePr", &[], |w| {
            xml::empty(w, "a:graphicFrameLocks", &[("noGrp", "1")])
        })?;
        xml::empty(w, "p:nvPr", &[])
    })
}

/// Colours and size of a slide body.
#[derive(Debug, Clone, Copy)]
pub(super) struct BodyLook<'a> {
    /// Body type size, design px (the plan's size for the slide).
    pub(super) size: f32,
    pub(super) text: Rgb,
    pub(super) link: Rgb,
    /// Bullets and numbers: the kind's colour, as in the HTML deck.
    pub(super) marker: Rgb,
    pub(super) lang: &'a str,
    /// Text on the organisation's template: the template decides its colours
    /// and typeface ([`Font::inherit`]).
    pub(super) inherit: bool,
    /// Its bullets too: text in the template's body placeholder (a text box
    /// has no bullets to inherit).
    pub(super) inherit_bullets: bool,
}

/// Indent of one outline level, design px (the lists' `padding-left`, [`LIST_INDENT`]).
pub(super) fn level_indent(size: f32) -> f32 {
    LIST_INDENT * size
}

/// The size a paragraph of `style` is set in, for a body of `size`.
pub(super) fn para_size(style: Style, size: f32) -> f32 {
    match style {
        Style::Normal => size,
        Style::Heading => HEADING.0 * size,
        Style::Code => CODE.0 * size,
        Style::Note => FOOTNOTE * size,
    }
}

/// One body paragraph with its outline level and marker.
pub(super) fn body_para(w: &mut Xml, p: &Para, look: BodyLook<'_>, rels: &mut Rels) -> Res {
    let size = para_size(p.style, look.size);
    let step = level_indent(look.size);
    let quote = if p.quote { 0.8 * look.size } else { 0.0 };
    let left = if p.in_list {
        step * f32::from(p.level + 1)
    } else {
        0.0
    } + quote;
    let indent = if p.in_list && p.bullet != Bullet::None {
        -step
    } else {
        0.0
    };
    let level = p.level.to_string();
    let after = para_after(p, look.size);
    xml::el(w, "a:p", &[], |w| {
        xml::el(
            w,
            "a:pPr",
            &[
                ("marL", &emu(left)),
                ("lvl", &level),
                ("indent", &emu(indent)),
            ],
            |w| {
                spacing(w, size * LINE, after)?;
                let marker = |w: &mut Xml| {
                    if look.inherit {
                        return Ok(());
                    }
                    xml::el(w, "a:buClr", &[], |w| {
                        xml::empty(w, "a:srgbClr", &[("val", &hex(look.marker))])
                    })
                };
                match p.bullet {
                    Bullet::None => xml::empty(w, "a:buNone", &[]),
                    // The template's bullet of the level, else the HTML deck's.
                    Bullet::Disc if look.inherit_bullets => Ok(()),
                    Bullet::Disc => {
                        marker(w)?;
                        bullet_char(w, disc(p.level))
                    }
                    Bullet::Number(n) => {
                        marker(w)?;
                        xml::empty(w, "a:buFontTx", &[])?;
                        xml::empty(
                            w,
                            "a:buAutoNum",
                            &[("type", "arabicPeriod"), ("startAt", &n.to_string())],
                        )
                    }
                }
            },
        )?;
        let font = |bold| Font {
            size,
            bold,
            colour: look.text,
            lang: look.lang,
            caps: false,
            inherit: look.inherit,
        };
        runs(w, &p.runs, font, look.link, rels)?;
        r_pr(w, "a:endParaRPr", font(false), false, false, None)
    })
}

/// The runs of a paragraph or table cell.
fn runs<'a>(
    w: &mut Xml,
    list: &[Run],
    font: impl Fn(bool) -> Font<'a>,
    link_colour: Rgb,
    rels: &mut Rels,
) -> Res {
    for run in list {
        if run.br {
            xml::el(w, "a:br", &[], |w| {
                r_pr(w, "a:rPr", font(false), false, false, None)
            })?;
            continue;
        }
        let target = run.link.as_deref().filter(|l| {
            ["http://", "https://", "mailto:", "tel:"]
                .iter()
                .any(|s| l.starts_with(s))
        });
        let id = target.map(|t| rels.external(t));
        let mut f = font(run.bold);
        if id.is_some() {
            f.colour = link_colour;
        }
        if run.code {
            f.size *= 0.9;
        }
        xml::el(w, "a:r", &[], |w| {
            if run.sup {
                let size = sz(f.size);
                let mut attrs = vec![
                    ("lang", f.lang),
                    ("sz", size.as_str()),
                    ("baseline", "30000"),
                ];
                if f.bold {
                    attrs.push(("b", "1"));
                }
                xml::el(w, "a:rPr", &attrs, |w| {
                    if f.inherit {
                        return Ok(());
                    }
                    solid(w, f.colour)?;
                    latin(w, "a:latin")
                })?;
            } else {
                r_pr(w, "a:rPr", f, run.italic, run.code, id.as_deref())?;
            }
            xml::text(w, "a:t", &[], &run.text)
        })?;
    }
    Ok(())
}

/// The estimated height of `paras` in a box `width` px wide, design px: lines
/// measured with the deck's own text measure, [`LINE`] line height, the spacing after.
pub(super) fn paras_height(paras: &[Para], size: f32, width: f32) -> f32 {
    paras
        .iter()
        .map(|p| {
            let fs = para_size(p.style, size);
            let left = if p.in_list {
                level_indent(size) * f32::from(p.level + 1)
            } else {
                0.0
            };
            let lines = 1 + p.runs.iter().filter(|r| r.br).count();
            let lines = lines.max(plain_lines(
                &p.plain(),
                (width - left).max(fs),
                fs,
                p.style == Style::Heading,
            ));
            lines as f32 * fs * LINE + para_after(p, size)
        })
        .sum()
}

/// The space after a paragraph of a body of `size` (a list item's, a block's).
pub(super) fn para_after(p: &Para, size: f32) -> f32 {
    if p.in_list {
        ITEM_GAP * size
    } else {
        BLOCK_GAP * size
    }
}

/// Colours of a table.
#[derive(Debug, Clone, Copy)]
pub(super) struct TableLook<'a> {
    pub(super) body: BodyLook<'a>,
    /// The table's type size in em of the body: the plan's ([`TABLE_SCALES`]).
    ///
    /// [`TABLE_SCALES`]: crate::render::slides::geometry::TABLE_SCALES
    pub(super) scale: f32,
    pub(super) border: Rgb,
    pub(super) header_fill: Rgb,
}

/// A laid-out table: column widths and row heights, design px.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct TableLayout {
    pub(super) cols: Vec<f32>,
    pub(super) rows: Vec<f32>,
}

impl TableLayout {
    /// Its height.
    pub(super) fn height(&self) -> f32 {
        self.rows.iter().sum()
    }
}

fn cell_text(cell: &[Run]) -> String {
    cell.iter().map(|r| r.text.as_str()).collect()
}

/// Columns as wide as their longest cell (as an auto-width HTML table), shrunk
/// in proportion when the table is wider than `max_width`; its type is `scale`
/// of the body's `size`.
pub(super) fn table_layout(t: &Table, size: f32, scale: f32, max_width: f32) -> TableLayout {
    let fs = scale * size;
    let pad = CELL_PAD_X * fs;
    let ncols = t.rows.iter().map(Vec::len).max().unwrap_or(1).max(1);
    let mut cols = vec![2.0 * fs; ncols];
    for (r, row) in t.rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            // 0.55 em a character is the font's average; bold a little wider.
            let em = if r < t.header { 0.6 } else { 0.55 };
            let width = cell_text(cell).chars().count() as f32 * em * fs + pad;
            cols[c] = cols[c].max(width.min(max_width));
        }
    }
    let total: f32 = cols.iter().sum();
    if total > max_width {
        cols.iter_mut().for_each(|c| *c *= max_width / total);
    }
    let rows = t
        .rows
        .iter()
        .enumerate()
        .map(|(r, row)| {
            let lines = row
                .iter()
                .enumerate()
                .map(|(c, cell)| {
                    plain_lines(&cell_text(cell), (cols[c] - pad).max(fs), fs, r < t.header)
                })
                .max()
                .unwrap_or(1)
                .max(1);
            lines as f32 * fs * LINE + TABLE.1 * fs
        })
        .collect();
    TableLayout { cols, rows }
}

/// A table as a PowerPoint table (`a:tbl`) at `(x, y)`.
pub(super) fn table(
    w: &mut Xml,
    ids: &mut Ids,
    t: &Table,
    layout: &TableLayout,
    at: (f32, f32),
    look: TableLook<'_>,
    rels: &mut Rels,
) -> Res {
    let id = ids.next();
    let fs = look.scale * look.body.size;
    let area = Rect {
        x: at.0,
        y: at.1,
        w: layout.cols.iter().sum(),
        h: layout.height(),
    };
    xml::el(w, "p:graphicFrame", &[], |w| {
        frame_props(w, &[("id", &id), ("name", &format!("Table {id}"))])?;
        xfrm(w, "p:xfrm", area)?;
        xml::el(w, "a:graphic", &[], |w| {
            xml::el(
                w,
                "a:graphicData",
                &[(
                    "uri",
                    "http://schemas.openxmlformats.org/drawingml/2006/table",
                )],
                |w| {
                    xml::el(w, "a:tbl", &[], |w| {
                        let first_row = if t.header > 0 { "1" } else { "0" };
                        xml::empty(w, "a:tblPr", &[("firstRow", first_row), ("bandRow", "0")])?;
                        xml::el(w, "a:tblGrid", &[], |w| {
                            layout
                                .cols
                                .iter()
                                .try_for_each(|c| xml::empty(w, "a:gridCol", &[("w", &emu(*c))]))
                        })?;
                        for (r, row) in t.rows.iter().enumerate() {
                            let header = r < t.header;
                            xml::el(w, "a:tr", &[("h", &emu(layout.rows[r]))], |w| {
                                for c in 0..layout.cols.len() {
                                    let empty = Vec::new();
                                    let cell = row.get(c).unwrap_or(&empty);
                                    cell_xml(w, cell, header, t.align(c), fs, look, rels)?;
                                }
                                Ok(())
                            })?;
                        }
                        Ok(())
                    })
                },
            )
        })
    })
}

fn cell_xml(
    w: &mut Xml,
    cell: &[Run],
    header: bool,
    algn: &str,
    fs: f32,
    look: TableLook<'_>,
    rels: &mut Rels,
) -> Res {
    xml::el(w, "a:tc", &[], |w| {
        xml::el(w, "a:txBody", &[], |w| {
            xml::empty(w, "a:bodyPr", &[])?;
            xml::empty(w, "a:lstStyle", &[])?;
            xml::el(w, "a:p", &[], |w| {
                // The column's alignment, when the Markdown asks for one (`:--:`, `--:`).
                let align: &[(&str, &str)] = if algn == "l" { &[] } else { &[("algn", algn)] };
                xml::el(w, "a:pPr", align, |w| xml::empty(w, "a:buNone", &[]))?;
                let font = |bold: bool| Font {
                    size: fs,
                    bold: bold || header,
                    colour: look.body.text,
                    lang: look.body.lang,
                    caps: false,
                    inherit: false,
                };
                runs(w, cell, font, look.body.link, rels)?;
                r_pr(w, "a:endParaRPr", font(false), false, false, None)
            })
        })?;
        let (lr, tb) = (emu(CELL_PAD_X / 2.0 * fs), emu(TABLE.1 / 2.0 * fs));
        xml::el(
            w,
            "a:tcPr",
            &[("marL", &lr), ("marR", &lr), ("marT", &tb), ("marB", &tb)],
            |w| {
                for side in ["a:lnL", "a:lnR", "a:lnT", "a:lnB"] {
                    xml::el(w, side, &[("w", &emu(TABLE.2)), ("cmpd", "sng")], |w| {
                        solid(w, look.border)
                    })?;
                }
                if header {
                    solid(w, look.header_fill)
                } else {
                    xml::empty(w, "a:noFill", &[])
                }
            },
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_design_pixel_is_9525_emu_and_three_quarters_of_a_point() {
        // Derived from the two slide sizes: must stay exact, or every box and size moves.
        assert_eq!(emu(1.0), "9525");
        assert_eq!(emu(SLIDE.0), WIDESCREEN.0.to_string());
        assert_eq!(emu(SLIDE.1), WIDESCREEN.1.to_string());
        assert_eq!(sz(1.0), "75");
        assert_eq!(sz(32.0), "2400");
    }
}
