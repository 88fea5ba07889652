//! One planned slide as a PresentationML slide: its text in the layout's
//! placeholders (title, body), the kind label and band, tables, the chart's
//! frame, and the footer with the organisation and a slide-number field.

use crate::charts::theme::Rgb;
use crate::model::SectionKind;

use super::body::{Block, Img, Para};
use super::geometry::{self as geo, BAND, COVER, FOOTER, INNER_W, KIND, NUMBER};
use super::masters::{A, Layout, P, R, background, tree_start};
use super::media::{Placed, picture};
use super::package::Rels;
use super::palette::Palette;
use super::pictures::DeckPictures;
use super::shapes::{
    self, BodyLook, Font, Frame, Ids, Ph, Rect, TableLook, para_after, paras_height, plain_para,
    slide_number_para, table, table_layout, text_shape,
};
use super::xml::{self, Res, Xml};
use crate::render::slides::figure_height;
use crate::render::slides::geometry::fitted;
use crate::render::slides::geometry::{
    BLOCK_GAP, DECK_TITLE, FIGURE, IMAGE_HEIGHT, ITEM_GAP, KIND_LINE, ORG, STATEMENT, SUBTITLE,
    TITLE, YEAR,
};
use crate::render::slides::measure::plain_lines;

/// What a slide shows.
#[derive(Debug, Clone)]
pub(super) enum Content<'a> {
    /// The title slide.
    Title(TitleText<'a>),
    /// A slide of a section's text.
    Section {
        head: Head<'a>,
        blocks: Vec<Block>,
        /// Body size, design px (the plan's).
        size: f32,
        /// Its tables' type size, em of the body (the plan's).
        table: f32,
    },
    /// A chart slide: the chart part is the slide's relationship `rel`.
    Chart {
        head: Head<'a>,
        rel: String,
        /// The chart's description: the frame's alternative text.
        description: String,
        /// "Source: …".
        caption: String,
    },
    /// The closing slide.
    Closing(ClosingText<'a>),
}

/// What the title slide says.
#[derive(Debug, Clone)]
pub(super) struct TitleText<'a> {
    pub(super) organisation: Option<&'a str>,
    pub(super) title: &'a str,
    pub(super) subtitle: Option<&'a str>,
    /// The year line, unless the title already says it.
    pub(super) year: Option<u16>,
    /// The title's size, design px (the plan's).
    pub(super) size: f32,
}

/// What the closing slide says.
#[derive(Debug, Clone)]
pub(super) struct ClosingText<'a> {
    pub(super) statement: &'a str,
    pub(super) organisation: &'a str,
    /// The contact line under the organisation (`contact` in `site.toml`).
    pub(super) contact: Option<&'a str>,
    /// The statement's size, design px (the plan's).
    pub(super) size: f32,
}

/// What a title or closing slide is drawn with besides its text.
#[derive(Clone, Copy)]
struct Cover<'a> {
    p: &'a Palette,
    logo: Option<SlideLogo<'a>>,
    lang: &'a str,
}

/// The top of a section or chart slide.
#[derive(Debug, Clone)]
pub(super) struct Head<'a> {
    pub(super) kind: SectionKind,
    /// "Styrkor".
    pub(super) kind_label: &'a str,
    /// "Ej översatt", when the text is the default language's.
    pub(super) untranslated: Option<&'a str>,
    pub(super) title: &'a str,
    /// "(forts.)" on a continuation slide.
    pub(super) continued: Option<&'a str>,
}

/// One slide.
#[derive(Debug, Clone)]
pub(super) struct Slide<'a> {
    pub(super) content: Content<'a>,
    /// 1-based.
    pub(super) number: usize,
    /// The footer's text ("organisation · date") and the deck's slide count, as
    /// the HTML deck's footer; none on the title slide, or when `site.toml` turns it off.
    pub(super) footer: Option<(&'a str, usize)>,
    /// BCP 47 tag of the slide's text.
    pub(super) lang: &'static str,
}

impl Slide<'_> {
    /// The layout it is made from.
    pub(super) fn layout(&self) -> Layout {
        match self.content {
            Content::Title(_) => Layout::Title,
            Content::Section { .. } => Layout::Section,
            Content::Chart { .. } => Layout::Chart,
            Content::Closing(_) => Layout::Closing,
        }
    }
}

/// The logo on one slide and its alternative text (the organisation's name).
pub(super) type SlideLogo<'a> = (&'a Placed, &'a str);

/// The slide part; links in its text and the pictures it shows (from
/// `pictures`) are added to `rels`. The logo, when the site has one, opens the
/// title and closing slides and sits in the footer.
///
/// On the organisation's template (`template`), the title, body and footer
/// placeholders of section and chart slides stand on the template's background
/// and take its look: no colour or typeface of their own, the template's
/// bullets in the body. They keep the boxes and sizes the slide plan fitted
/// the text to, since the kind label, tables, pictures and charts are placed
/// around them. The title and closing slides keep their accent background,
/// so their text keeps its colours too.
pub(super) fn slide(
    s: &Slide<'_>,
    p: &Palette,
    rels: &mut Rels,
    logo: Option<SlideLogo<'_>>,
    pictures: &mut DeckPictures<'_>,
    template: bool,
) -> std::io::Result<Vec<u8>> {
    xml::part(|w| {
        xml::el(
            w,
            "p:sld",
            &[("xmlns:a", A), ("xmlns:r", R), ("xmlns:p", P)],
            |w| {
                xml::el(w, "p:cSld", &[], |w| {
                    if s.layout().dark() {
                        background(w, p.accent_strong)?;
                    }
                    xml::el(w, "p:spTree", &[], |w| {
                        tree_start(w)?;
                        let mut ids = Ids::default();
                        match &s.content {
                            Content::Title(t) => {
                                let cover = Cover {
                                    p,
                                    logo,
                                    lang: s.lang,
                                };
                                title_slide(w, &mut ids, t, cover)
                            }
                            Content::Closing(c) => {
                                let cover = Cover {
                                    p,
                                    logo,
                                    lang: s.lang,
                                };
                                closing_slide(w, &mut ids, c, cover)?;
                                footer(w, &mut ids, s, p, None, template)
                            }
                            Content::Section {
                                head,
                                blocks,
                                size,
                                table,
                            } => {
                                let body = head_shapes(w, &mut ids, head, s.lang, p, template)?;
                                let look = TableLook {
                                    body: BodyLook {
                                        size: *size,
                                        text: p.text,
                                        link: p.accent,
                                        marker: p.kind(head.kind),
                                        lang: s.lang,
                                        inherit: template,
                                        inherit_bullets: template,
                                    },
                                    scale: *table,
                                    border: p.border,
                                    header_fill: p.surface,
                                };
                                section_body(w, &mut ids, blocks, body, look, rels, pictures)?;
                                footer(w, &mut ids, s, p, logo, template)
                            }
                            Content::Chart {
                                head,
                                rel,
                                description,
                                caption,
                            } => {
                                let body = head_shapes(w, &mut ids, head, s.lang, p, template)?;
                                let (frame, cap) = figure(body, head, caption);
                                chart_frame(w, &mut ids, rel, description, head.title, frame)?;
                                let (_, size, line, _) = FIGURE;
                                let f = font(size, false, p.muted, s.lang);
                                let frame = plain_frame("Caption", cap);
                                text_shape(w, &mut ids, frame, |w| {
                                    plain_para(w, &[(caption, f)], "l", line, 0.0)
                                })?;
                                footer(w, &mut ids, s, p, logo, template)
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

fn font(size: f32, bold: bool, colour: Rgb, lang: &str) -> Font<'_> {
    Font {
        size,
        bold,
        colour,
        lang,
        caps: false,
        inherit: false,
    }
}

fn plain_frame(name: &str, rect: Rect) -> Frame<'_> {
    Frame {
        name,
        ph: None,
        rect: Some(rect),
        anchor: "t",
        autofit: false,
    }
}

/// The chart's frame and its caption's box in the room under the title, as
/// the HTML deck's figure: the chart [`figure_height`] high after the
/// figure's gap, the caption's lines under it, the two centred in the room.
fn figure(room: Rect, head: &Head<'_>, caption: &str) -> (Rect, Rect) {
    let (gap, size, line, _) = FIGURE;
    let h = figure_height(&full_title(head), caption);
    let cap_h = plain_lines(caption, room.w, size, false).max(1) as f32 * size * line;
    let y = geo::centred(room, gap + h + cap_h) + gap;
    let frame = Rect { y, h, ..room };
    let cap = Rect {
        y: y + h,
        h: cap_h,
        ..room
    };
    (frame, cap)
}

/// The title as the slide shows it: with "(forts.)" on a continuation.
fn full_title(h: &Head<'_>) -> String {
    match h.continued {
        Some(c) => format!("{} {c}", h.title),
        None => h.title.to_string(),
    }
}

/// The band, the kind label and the title (in the template's look on a
/// `template` deck); returns the room below them.
fn head_shapes(
    w: &mut Xml,
    ids: &mut Ids,
    h: &Head<'_>,
    lang: &str,
    p: &Palette,
    template: bool,
) -> std::io::Result<Rect> {
    let kind_colour = p.kind(h.kind);
    shapes::rect(w, ids, "Band", BAND, kind_colour)?;
    let label = Font {
        caps: true,
        ..font(geo::KIND_SIZE, true, kind_colour, lang)
    };
    text_shape(w, ids, plain_frame("Kind", KIND), |w| {
        let mut runs = vec![(h.kind_label, label)];
        let badge;
        if let Some(u) = h.untranslated {
            badge = format!("   {u}");
            runs.push((&badge, font(geo::KIND_SIZE * 0.8, true, p.muted, lang)));
        }
        plain_para(w, &runs, "l", KIND_LINE.0 / geo::KIND_SIZE, 0.0)
    })?;
    let title = geo::title(&full_title(h));
    let frame = Frame {
        name: "Title",
        ph: Some(Ph("title", None)),
        rect: Some(title),
        anchor: "t",
        autofit: false,
    };
    let title_font = |bold, colour| Font {
        inherit: template,
        ..font(geo::TITLE_SIZE, bold, colour, lang)
    };
    text_shape(w, ids, frame, |w| {
        let mut runs = vec![(h.title, title_font(true, p.text))];
        let cont;
        if let Some(c) = h.continued {
            cont = format!(" {c}");
            runs.push((&cont, title_font(false, p.muted)));
        }
        plain_para(w, &runs, "l", TITLE.1, 0.0)
    })?;
    Ok(geo::body(title))
}

/// The body's blocks, stacked as tall as each is and centred in the room
/// `area` as the HTML deck centres its body (the last block without the space after it).
fn section_body(
    w: &mut Xml,
    ids: &mut Ids,
    blocks: &[Block],
    area: Rect,
    look: TableLook<'_>,
    rels: &mut Rels,
    pictures: &mut DeckPictures<'_>,
) -> Res {
    let size = look.body.size;
    let heights: Vec<(f32, f32)> = blocks
        .iter()
        .map(|b| block_height(b, area, look, pictures))
        .collect();
    let total: f32 = heights.iter().map(|(h, gap)| h + gap).sum::<f32>()
        - heights.last().map_or(0.0, |(_, gap)| *gap);
    let mut y = geo::centred(area, total);
    let mut first_text = true;
    for (block, (h, gap)) in blocks.iter().zip(heights) {
        match block {
            Block::Text(paras) => {
                let body = BodyLook {
                    inherit_bullets: look.body.inherit_bullets && first_text,
                    ..look.body
                };
                let rect = Rect { y, h, ..area };
                let frame = Frame {
                    name: if first_text { "Text" } else { "Text (more)" },
                    ph: first_text.then_some(Ph("body", Some("1"))),
                    rect: Some(rect),
                    anchor: "t",
                    autofit: false,
                };
                first_text = false;
                text_shape(w, ids, frame, |w| write_paras(w, paras, body, rels))?;
            }
            Block::Table(t) => {
                let layout = table_layout(t, size, look.scale, area.w);
                table(w, ids, t, &layout, (area.x, y), look, rels)?;
            }
            Block::Picture(img) => body_picture(w, ids, img, area, y, size, rels, pictures)?,
        }
        y += h + gap;
    }
    Ok(())
}

/// A block's height and the space after it, design px: a text block's space
/// is its last paragraph's, already inside its box.
fn block_height(
    block: &Block,
    area: Rect,
    look: TableLook<'_>,
    pictures: &DeckPictures<'_>,
) -> (f32, f32) {
    let size = look.body.size;
    match block {
        Block::Text(paras) => {
            let after = paras.last().map_or(0.0, |p| para_after(p, size));
            (paras_height(paras, size, area.w) - after, after)
        }
        Block::Table(t) => (
            table_layout(t, size, look.scale, area.w).height(),
            BLOCK_GAP * size,
        ),
        Block::Picture(img) => {
            let gap = if img.in_list { ITEM_GAP } else { BLOCK_GAP };
            let h = pictures
                .size(&img.src)
                .map_or(0.0, |natural| picture_box(img, area, size, natural).1);
            (h, if h > 0.0 { gap * size } else { 0.0 })
        }
    }
}

/// A body picture's width and height: as large as the stylesheet lets it be
/// (its own size at most, the width left beside its list's indent, and
/// [`IMAGE_HEIGHT`] or its share of that), in its own shape.
fn picture_box(img: &Img, area: Rect, size: f32, natural: (u32, u32)) -> (f32, f32) {
    let max_h = img.max_height.unwrap_or(IMAGE_HEIGHT);
    fitted(
        (natural.0 as f32, natural.1 as f32),
        ((area.w - picture_indent(img, size)).max(0.0), max_h),
    )
}

fn picture_indent(img: &Img, size: f32) -> f32 {
    if img.in_list {
        shapes::level_indent(size) * f32::from(img.level + 1)
    } else {
        0.0
    }
}

/// A picture of the body at `y`, where the HTML deck puts it: indented as the
/// list it is in, [`picture_box`] large.
#[allow(clippy::too_many_arguments)]
fn body_picture(
    w: &mut Xml,
    ids: &mut Ids,
    img: &Img,
    area: Rect,
    y: f32,
    size: f32,
    rels: &mut Rels,
    pictures: &mut DeckPictures<'_>,
) -> Res {
    let Some(shown) = pictures.place(&img.src, rels) else {
        return Ok(());
    };
    let (pw, ph) = picture_box(img, area, size, shown.picture.size());
    let r = Rect {
        x: area.x + picture_indent(img, size),
        y,
        w: pw,
        h: ph,
    };
    let name = shown.picture.name();
    let name = name.rsplit('/').next().unwrap_or(name);
    let descr = (!img.alt.trim().is_empty()).then_some(img.alt.as_str());
    picture(w, ids, &shown.placed, r, name, descr)
}

/// Paragraphs of a body or of notes.
pub(super) fn write_paras(w: &mut Xml, paras: &[Para], look: BodyLook<'_>, rels: &mut Rels) -> Res {
    paras
        .iter()
        .try_for_each(|para| shapes::body_para(w, para, look, rels))
}

fn chart_frame(
    w: &mut Xml,
    ids: &mut Ids,
    rel: &str,
    description: &str,
    title: &str,
    r: Rect,
) -> Res {
    let id = ids.next();
    xml::el(w, "p:graphicFrame", &[], |w| {
        shapes::frame_props(w, &[("id", &id), ("name", title), ("descr", description)])?;
        shapes::xfrm(w, "p:xfrm", r)?;
        xml::el(w, "a:graphic", &[], |w| {
            xml::el(
                w,
                "a:graphicData",
                &[(
                    "uri",
                    "http://schemas.openxmlformats.org/drawingml/2006/chart",
                )],
                |w| {
                    xml::empty(
                        w,
                        "c:chart",
                        &[
                            (
                                "xmlns:c",
                                "http://schemas.openxmlformats.org/drawingml/2006/chart",
                            ),
                            ("r:id", rel),
                        ],
                    )
                },
            )
        })
    })
}

/// The footer: the logo, "organisation · date" and the slide number. On the
/// organisation's template (`template`) the text takes the template's footer
/// look (no colour or typeface of its own), except on the accent background
/// of the closing slide.
fn footer(
    w: &mut Xml,
    ids: &mut Ids,
    s: &Slide<'_>,
    p: &Palette,
    logo: Option<SlideLogo<'_>>,
    template: bool,
) -> Res {
    let dark = s.layout().dark();
    let colour = if dark { p.on_accent } else { p.muted };
    let f = Font {
        inherit: template && !dark,
        ..font(geo::FOOTER_SIZE, false, colour, s.lang)
    };
    let Some((text, total)) = s.footer else {
        return Ok(());
    };
    // The small logo in front of the organisation, as in the HTML deck's footer.
    let mut rect = FOOTER;
    if let Some((logo, descr)) = logo {
        let r = logo.rect(
            FOOTER.x,
            FOOTER.y + 2.0,
            geo::FOOTER_LOGO.0,
            geo::FOOTER_LOGO.1,
        );
        let r = Rect {
            y: FOOTER.y + (FOOTER.h - r.h) / 2.0,
            ..r
        };
        picture(w, ids, logo, r, "Logo", Some(descr))?;
        rect.x += r.w + geo::FOOTER_LOGO.2;
        rect.w -= r.w + geo::FOOTER_LOGO.2;
    }
    {
        let frame = Frame {
            name: "Footer",
            ph: Some(Ph("ftr", Some("11"))),
            rect: Some(rect),
            anchor: "ctr",
            autofit: false,
        };
        text_shape(w, ids, frame, |w| {
            plain_para(w, &[(text, f)], "l", 1.3, 0.0)
        })?;
    }
    let frame = Frame {
        name: "Slide Number",
        ph: Some(Ph("sldNum", Some("12"))),
        rect: Some(NUMBER),
        anchor: "ctr",
        autofit: false,
    };
    text_shape(w, ids, frame, |w| {
        slide_number_para(w, s.number, total, f, "r")
    })
}

/// The logo on its plate of the page colour (on the dark title and closing
/// slides), `LOGO` high, at `y`: left on the cover, or centred; returns its height
/// with the gap below it.
fn cover_logo(
    w: &mut Xml,
    ids: &mut Ids,
    p: &Palette,
    logo: Option<SlideLogo<'_>>,
    y: f32,
    centred: bool,
) -> std::io::Result<f32> {
    let Some((logo, descr)) = logo else {
        return Ok(0.0);
    };
    let (h, pad_y, pad_x, gap) = geo::COVER_LOGO;
    let inner = logo.rect(
        0.0,
        0.0,
        h - 2.0 * pad_y,
        geo::COVER_LOGO_MAX_W - 2.0 * pad_x,
    );
    let plate_w = inner.w + 2.0 * pad_x;
    let x = if centred {
        COVER.x + (COVER.w - plate_w) / 2.0
    } else {
        COVER.x
    };
    let plate = Rect {
        x,
        y,
        w: plate_w,
        h,
    };
    shapes::rect(w, ids, "Logo plate", plate, p.bg)?;
    let r = Rect {
        x: x + pad_x,
        y: y + (h - inner.h) / 2.0,
        ..inner
    };
    picture(w, ids, logo, r, "Logo", Some(descr))?;
    Ok(h + gap)
}

fn title_slide(w: &mut Xml, ids: &mut Ids, t: &TitleText<'_>, c: Cover<'_>) -> Res {
    let TitleText {
        organisation,
        title,
        subtitle,
        year,
        size,
    } = t;
    let Cover { p, logo, lang } = c;
    let on = p.on_accent;
    let sub_size = (size * SUBTITLE.0).max(SUBTITLE.1);
    let org_h = organisation.map_or(0.0, |o| geo::cover_lines(o, ORG.0, ORG.1, true) + ORG.2);
    let title_h = geo::cover_lines(title, *size, DECK_TITLE.0, true) + DECK_TITLE.1 * size;
    let sub_h = subtitle.map_or(0.0, |t| {
        geo::cover_lines(t, sub_size, SUBTITLE.2, false) + SUBTITLE.3
    });
    let year_h = year.map_or(0.0, |_| YEAR.2 + YEAR.0 * YEAR.1);
    let logo_h = logo.map_or(0.0, |_| geo::COVER_LOGO.0 + geo::COVER_LOGO.3);
    let total = logo_h + org_h + title_h + sub_h + year_h;
    let mut y = (COVER.y + (COVER.h - total) / 2.0).max(COVER.y);
    y += cover_logo(w, ids, p, logo, y, false)?;
    if let Some(o) = organisation {
        let r = Rect {
            y,
            h: org_h - ORG.2,
            ..COVER
        };
        text_shape(w, ids, plain_frame("Organisation", r), |w| {
            plain_para(w, &[(o, font(ORG.0, true, on, lang))], "l", ORG.1, 0.0)
        })?;
        y += org_h;
    }
    let frame = Frame {
        name: "Title",
        ph: Some(Ph("ctrTitle", None)),
        rect: Some(Rect {
            y,
            h: title_h - DECK_TITLE.1 * size,
            ..COVER
        }),
        anchor: "t",
        autofit: false,
    };
    text_shape(w, ids, frame, |w| {
        plain_para(
            w,
            &[(title, font(*size, true, on, lang))],
            "l",
            DECK_TITLE.0,
            0.0,
        )
    })?;
    y += title_h;
    if let Some(t) = subtitle {
        let frame = Frame {
            name: "Subtitle",
            ph: Some(Ph("subTitle", Some("1"))),
            rect: Some(Rect {
                y,
                h: sub_h - SUBTITLE.3,
                ..COVER
            }),
            anchor: "t",
            autofit: false,
        };
        text_shape(w, ids, frame, |w| {
            plain_para(
                w,
                &[(t, font(sub_size, false, on, lang))],
                "l",
                SUBTITLE.2,
                0.0,
            )
        })?;
        y += sub_h;
    }
    let Some(year) = year else {
        return Ok(());
    };
    let year = year.to_string();
    // The year stands on a rule as wide as itself, as on the HTML title slide.
    let year_w = YEAR.0 * 0.62 * year.len() as f32;
    shapes::rect(
        w,
        ids,
        "Rule",
        Rect {
            x: COVER.x,
            y,
            w: year_w,
            h: geo::YEAR_RULE,
        },
        on,
    )?;
    let r = Rect {
        x: COVER.x,
        y: y + YEAR.2,
        w: INNER_W,
        h: YEAR.0 * YEAR.1,
    };
    text_shape(w, ids, plain_frame("Year", r), |w| {
        plain_para(
            w,
            &[(&year, font(YEAR.0, true, on, lang))],
            "l",
            YEAR.1,
            0.0,
        )
    })
}

fn closing_slide(w: &mut Xml, ids: &mut Ids, t: &ClosingText<'_>, c: Cover<'_>) -> Res {
    let ClosingText {
        statement,
        organisation,
        contact,
        size,
    } = t;
    let Cover { p, logo, lang } = c;
    let on = p.on_accent;
    let st_h = geo::cover_lines(statement, *size, STATEMENT.0, true);
    let org_h = geo::cover_lines(organisation, ORG.0, ORG.1, true);
    let (c_size, c_line, c_gap) = geo::CONTACT;
    let contact_h = contact.map_or(0.0, |c| geo::cover_lines(c, c_size, c_line, false));
    let logo_h = logo.map_or(0.0, |_| geo::COVER_LOGO.0 + geo::COVER_LOGO.3);
    let total = logo_h + st_h + STATEMENT.1 + org_h + contact.map_or(0.0, |_| c_gap + contact_h);
    let mut y = (COVER.y + (COVER.h - total) / 2.0).max(COVER.y);
    y += cover_logo(w, ids, p, logo, y, true)?;
    let frame = Frame {
        name: "Statement",
        ph: Some(Ph("body", Some("1"))),
        rect: Some(Rect {
            y,
            h: st_h,
            ..COVER
        }),
        // On the box's bottom: the estimate may count a line more than the statement
        // takes, and it keeps its 40 px above the organisation either way.
        anchor: "b",
        autofit: false,
    };
    text_shape(w, ids, frame, |w| {
        plain_para(
            w,
            &[(statement, font(*size, true, on, lang))],
            "ctr",
            STATEMENT.0,
            0.0,
        )
    })?;
    let r = Rect {
        y: y + st_h + STATEMENT.1,
        h: org_h,
        ..COVER
    };
    text_shape(w, ids, plain_frame("Organisation", r), |w| {
        plain_para(
            w,
            &[(organisation, font(ORG.0, true, on, lang))],
            "ctr",
            ORG.1,
            0.0,
        )
    })?;
    let Some(contact) = contact else {
        return Ok(());
    };
    let r = Rect {
        y: r.y + org_h + c_gap,
        h: contact_h,
        ..COVER
    };
    text_shape(w, ids, plain_frame("Contact", r), |w| {
        plain_para(
            w,
            &[(contact, font(c_size, false, on, lang))],
            "ctr",
            c_line,
            0.0,
        )
    })
}
