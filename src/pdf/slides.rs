//! The deck as a 16:9 document: one page per slide of the HTML deck, in its
//! order and with its splits, drawn from the slide plan's result ([`Deck`]):
//! the title slide, each section's slides (continuations marked as on the
//! page), a slide per chart, the closing slide.
//!
//! The geometry is the deck stylesheet's (`assets/slides.css`): a slide is 1280
//! design pixels wide, so one design pixel is 720/1280 pt on the 254 mm page the
//! deck prints on; margins, type sizes and line heights are the stylesheet's,
//! and each body is set at the size the plan fitted it to. Colours come from
//! the theme's `assets/base.css` custom properties.

use std::num::NonZeroU16;

use krilla::tagging::{ListNumbering, Tag, TagKind};

use crate::charts::theme::Rgb;
use crate::diagnostics::SiteError;
use crate::lang::Lang;
use crate::messages::MessageId;
use crate::model::{Report, SectionKind, Site};
use crate::render::Theme;
use crate::render::slides::Deck;
use crate::render::slides::fit::figure_height;
use crate::render::slides::geometry::{
    self, BLOCK_GAP, FIGURE, FOOTNOTE, HEADING, IMAGE_HEIGHT, KIND_LINE, MAIN_SPACE, PAD, TITLE,
};
use crate::render::slides::plan::title_organisation;

use super::blocks::{self, Block, Ink};
use super::emit::{self, Bookmark};
use super::errors;
use super::fonts::{Fonts, Style};
use super::layout::{Align, Flow, Op, PageBox, Para, Span};
use super::picture::Pictures;
use super::svg;
use super::tags::Group;

/// Points per design pixel: the deck's page is 720 pt wide for the slide's design width.
pub(super) const U: f32 = 720.0 / geometry::SLIDE.0;

/// The slide: 1280 × 720 design pixels, padded as a section slide.
const SLIDE: PageBox = PageBox {
    width: geometry::SLIDE.0 * U,
    height: geometry::SLIDE.1 * U,
    left: PAD.0 * U,
    right: PAD.0 * U,
    top: PAD.1 * U,
    // A slide never breaks: the plan fitted its body to it.
    bottom: -1.0e6,
};

/// The deck's colours.
#[derive(Clone, Copy)]
struct Colours {
    bg: Rgb,
    text: Rgb,
    muted: Rgb,
    accent: Rgb,
    accent_strong: Rgb,
    on_accent: Rgb,
    border: Rgb,
    surface: Rgb,
    notice_bg: Rgb,
    notice_text: Rgb,
}

impl Colours {
    fn of(theme: &Theme) -> Colours {
        // The design tokens `--color-NAME` of base.css, as the deck page is drawn in.
        let css = |name: &str, fallback: Rgb| theme.colour_token(name).unwrap_or(fallback);
        let c = &theme.charts;
        Colours {
            bg: css("bg", c.background),
            text: css("text", c.text),
            muted: css("muted", c.muted),
            accent: css("accent", c.text),
            accent_strong: css("accent-strong", c.text),
            on_accent: css("on-accent", c.background),
            border: css("border", c.grid),
            surface: css("surface", c.background),
            notice_bg: css("notice-bg", c.background),
            notice_text: Rgb(0x5c, 0x41, 0x00),
        }
    }
}

fn kind_colour(theme: &Theme, kind: SectionKind, fallback: Rgb) -> Rgb {
    theme
        .colour_token(&format!("kind-{}", kind.key()))
        .unwrap_or(fallback)
}

/// Writes the deck of `report` in `lang`, as planned in `deck`.
pub(crate) fn write(
    site: &Site,
    report: &Report,
    deck: &Deck,
    lang: Lang,
    theme: &Theme,
) -> Result<Vec<u8>, SiteError> {
    let fonts = Fonts::load(theme)?;
    let t = &theme.strings[&lang];
    let mut c = Colours::of(theme);
    // The `[brand]` colours of site.toml, as on the HTML deck.
    if let Some(a) = &site.brand.accent {
        c.accent = a.rgb;
    }
    c.accent_strong = site.brand.accent_strong().unwrap_or(c.accent_strong);
    if let Some(on) = &site.brand.on_accent {
        c.on_accent = on.rgb;
    }
    let mut w = Writer {
        flow: Flow::new(&fonts, SLIDE),
        c,
        svgs: Vec::new(),
        svg_options: svg::options(&fonts),
        pictures: Pictures::default(),
        bookmarks: Vec::new(),
        first: true,
    };
    let title = report.title.resolve(lang);
    let organisation = site.organisation.resolve(lang);

    // The title slide.
    w.source(&report.file);
    w.slide(c.accent_strong);
    let sect = w.flow.tree.group(None, Tag::Section);
    let size = deck.title_size;
    let org = title_organisation(site, report, lang).map(|_| &organisation);
    let subtitle = report.subtitle.as_ref().map(|s| s.resolve(lang));
    let title_span = w.span_of(
        title.value,
        title.is_fallback.then_some(title.lang),
        Style::Bold,
        c.on_accent,
    );
    let width = SLIDE.width - 2.0 * 72.0 * U;
    let para = |size: f32, leading: f32| Para {
        size: size * U,
        leading: leading * U,
        indent: 0.0,
        width,
        align: Align::Left,
    };
    let sub_size = (size / 2.0).max(24.0);
    let mut height = w
        .flow
        .height(std::slice::from_ref(&title_span), para(size, size * 1.1))
        + 0.4 * size * U;
    let org_span = org.map(|o| {
        w.span_of(
            o.value,
            o.is_fallback.then_some(o.lang),
            Style::Bold,
            c.on_accent,
        )
    });
    if let Some(o) = &org_span {
        height += w
            .flow
            .height(std::slice::from_ref(o), para(26.0, 26.0 * 1.3))
            + 24.0 * U;
    }
    let sub_span = subtitle.as_ref().map(|s| {
        w.span_of(
            s.value,
            s.is_fallback.then_some(s.lang),
            Style::Regular,
            c.on_accent,
        )
    });
    if let Some(s) = &sub_span {
        height += w
            .flow
            .height(std::slice::from_ref(s), para(sub_size, sub_size * 1.3))
            + 32.0 * U;
    }
    // The year under the title, unless the title says it (as the HTML deck).
    let shows_year = crate::render::slides::covers::shows_year(title.value, report.year.get());
    if shows_year {
        height += (4.0 + 8.0 + 32.0 * 1.2) * U;
    }
    let logo = match &site.logo {
        Some(l) => Some((super::logo::drawn(l, &w.svg_options)?, l.aspect())),
        None => None,
    };
    if logo.is_some() {
        height += (LOGO.0 + LOGO.3) * U;
    }
    w.flow.y = ((SLIDE.height - height) / 2.0).max(72.0 * U);
    if let Some((tree, aspect)) = &logo {
        w.logo(sect, tree, *aspect, organisation.value, false);
    }
    if let Some(o) = &org_span {
        w.para(Some(sect), Tag::P.into(), o, para(26.0, 26.0 * 1.3));
        w.flow.y += 24.0 * U;
    }
    let h1 = Tag::Hn(NonZeroU16::MIN, Some(title.value.clone()));
    w.para(Some(sect), h1.into(), &title_span, para(size, size * 1.1));
    w.flow.y += 0.4 * size * U;
    if let Some(s) = &sub_span {
        w.para(Some(sect), Tag::P.into(), s, para(sub_size, sub_size * 1.3));
        w.flow.y += 32.0 * U;
    }
    if shows_year {
        let year = report.year.get().to_string();
        let year_width = fonts.width(Style::Bold, 32.0 * U, &year);
        let y = w.flow.y;
        w.flow.push(Op::Rect {
            x: 72.0 * U,
            y,
            w: year_width,
            h: 4.0 * U,
            color: c.on_accent,
        });
        w.flow.y += 12.0 * U;
        let year_span = Span::new(&year, Style::Bold, c.on_accent);
        w.para(
            Some(sect),
            Tag::P.into(),
            &year_span,
            para(32.0, 32.0 * 1.2),
        );
    }
    w.bookmark(title.value.clone());

    // The sections' slides, each section's charts after its text.
    for (section, parts) in report.sections.iter().zip(&deck.sections) {
        let text = section.text.resolve(lang);
        let other = text.is_fallback.then_some(text.lang);
        let kind_colour = kind_colour(theme, section.kind, c.accent);
        let kind_label = t.kinds.get(section.kind);
        for part in parts {
            w.source(&text.value.file);
            let sect = w.section_slide(
                kind_colour,
                kind_label,
                other.map(|_| t.slides.untranslated.as_str()),
                &text.value.title,
                other,
                (part.index > 0).then_some(t.slides.continued.as_str()),
            );
            let ink = Ink {
                text: c.text,
                link: c.accent,
                code: c.muted,
            };
            let blocks = blocks::of_tree(&part.blocks(text.lang, &report.pictures), ink);
            let body = match other {
                Some(l) => {
                    let kind: TagKind = Tag::Div.into();
                    w.flow
                        .tree
                        .group(Some(sect), kind.with_lang(Some(l.code().to_string())))
                }
                None => sect,
            };
            let mut b = Body {
                size: part.size * U,
                table: part.table,
                colour: kind_colour,
                first_item_bare: part.continues_item,
                depth: 0,
                in_item: false,
            };
            let placed = w.main();
            w.blocks(body, &blocks, 0.0, &mut b);
            let trailing = blocks.last().map_or(0.0, |last| trailing(last, b.size));
            w.centre(placed, trailing);
        }
        for chart in section.charts.iter().filter_map(|id| report.chart(id)) {
            w.source(&chart.file);
            let chart_title = chart.title.resolve(lang);
            let fallback = chart_title.is_fallback.then_some(chart_title.lang);
            let sect = w.section_slide(
                kind_colour,
                kind_label,
                None,
                chart_title.value,
                fallback,
                None,
            );
            let main = w.main();
            w.chart(sect, chart, chart_title.value, lang, theme)?;
            w.centre(main, 0.0);
        }
    }

    // The closing slide.
    if let (Some(statement), Some(size)) = (&report.closing, deck.closing_size) {
        w.source(&report.file);
        w.slide(c.accent_strong);
        let sect = w.flow.tree.group(None, Tag::Section);
        let statement = statement.resolve(lang);
        let span = w.span_of(
            statement.value,
            statement.is_fallback.then_some(statement.lang),
            Style::Bold,
            c.on_accent,
        );
        let org_span = w.span_of(
            organisation.value,
            organisation.is_fallback.then_some(organisation.lang),
            Style::Bold,
            c.on_accent,
        );
        let statement_para = para(size, size * 1.2);
        let org_para = para(26.0, 26.0 * 1.3);
        // The contact line under the organisation (as the HTML deck's `.slide__contact`).
        let contact = site.contact.as_ref().map(|line| {
            let line = line.resolve(lang);
            w.span_of(
                line.value,
                line.is_fallback.then_some(line.lang),
                Style::Regular,
                c.on_accent,
            )
        });
        let contact_para = para(24.0, 24.0 * 1.3);
        let height = w.flow.height(std::slice::from_ref(&span), statement_para)
            + 40.0 * U
            + w.flow.height(std::slice::from_ref(&org_span), org_para)
            + contact.as_ref().map_or(0.0, |c| {
                16.0 * U + w.flow.height(std::slice::from_ref(c), contact_para)
            })
            + logo.as_ref().map_or(0.0, |_| (LOGO.0 + LOGO.3) * U);
        w.flow.y = ((SLIDE.height - height) / 2.0).max(72.0 * U);
        if let Some((tree, aspect)) = &logo {
            // Its name is written under it: the picture needs no second reading.
            w.logo(sect, tree, *aspect, organisation.value, true);
        }
        w.centred(sect, &span, statement_para);
        w.flow.y += 40.0 * U;
        w.centred(sect, &org_span, org_para);
        if let Some(c) = &contact {
            w.flow.y += 16.0 * U;
            w.centred(sect, c, contact_para);
        }
        w.bookmark(statement.value.clone());
    }

    // Every slide after the title: organisation · date, and "N / total" (as the
    // deck's footer), with the small logo in front but on the closing slide.
    if site.deck.footer {
        let total = w.flow.pages.len();
        let date = t.format_date(report.published);
        let left = format!("{} · {date}", organisation.value);
        let size = 16.0 * U;
        let line_top = SLIDE.height - 14.0 * U - 20.0 * U;
        let baseline = line_top + size * 1.02 + (20.0 * U - size * 1.2) / 2.0;
        let closing = report.closing.is_some() && deck.closing_size.is_some();
        // Page furniture, as the footer's text: the organisation is named beside it.
        let footer_logo = logo.as_ref().map(|(tree, aspect)| {
            let (h, max_w, gap) = FOOTER_LOGO;
            let width = (h * aspect).min(max_w) * U;
            (w.pictures.add(tree.clone()), width, width / aspect, gap * U)
        });
        for (i, page) in w.flow.pages.iter_mut().enumerate().skip(1) {
            let last = closing && i + 1 == total;
            let color = if last { c.on_accent } else { c.muted };
            let mut x = SLIDE.left;
            if let Some((picture, lw, lh, gap)) = footer_logo.filter(|_| !last) {
                page.push(Op::Picture {
                    x,
                    y: line_top + (20.0 * U - lh) / 2.0,
                    w: lw,
                    h: lh,
                    picture,
                    leaf: None,
                });
                x += lw + gap;
            }
            let number = format!("{} / {total}", i + 1);
            let width = fonts.width(Style::Regular, size, &number);
            for (x, text) in [
                (x, left.clone()),
                (SLIDE.width - SLIDE.right - width, number),
            ] {
                page.push(Op::Text {
                    x,
                    y: baseline,
                    size,
                    style: Style::Regular,
                    color,
                    text,
                    lang: None,
                    leaf: None,
                });
            }
        }
    }

    if let Some((file, ch)) = w.flow.missing.take() {
        return Err(errors::char_not_in_font(file, ch));
    }

    let meta = super::report::meta(
        report,
        lang,
        format!("{} – {}", title.value, t.slides.deck),
        organisation.value,
    );
    let pictures = std::mem::take(&mut w.pictures).finish()?;
    let svgs = std::mem::take(&mut w.svgs);
    let bookmarks = std::mem::take(&mut w.bookmarks);
    emit::write(w.flow, &svgs, &pictures, &meta, &bookmarks)
        .map_err(|e| errors::not_written(MessageId::ErrorPdfDeckNotWritten, &report.file, lang, e))
}

/// How a slide's body is set.
struct Body {
    /// Body type size, pt.
    size: f32,
    /// Type size of its tables, em of the body, as the plan chose it
    /// ([`TABLE_SCALES`](crate::render::slides::geometry::TABLE_SCALES)).
    table: f32,
    /// The kind's colour (list markers, quote bars).
    colour: Rgb,
    /// The first list item continues a point from the slide before: no marker.
    first_item_bare: bool,
    /// How deep in lists the block being set is.
    depth: usize,
    /// The block being set is in a list item (whose spacing it has).
    in_item: bool,
}

struct Writer<'f, 't> {
    flow: Flow<'f, 't>,
    c: Colours,
    svgs: Vec<usvg::Tree>,
    svg_options: usvg::Options<'static>,
    pictures: Pictures,
    bookmarks: Vec<Bookmark>,
    first: bool,
}

/// The start of the room under a section slide's title (`.slide__main`): the
/// first drawing in it, and its top.
#[derive(Clone, Copy)]
struct Main {
    first_op: usize,
    top: f32,
}

/// The space the flow adds after `block` (set in `size`), which the
/// stylesheet drops after a body's last block (`.slide__body > :last-child`).
fn trailing(block: &Block, size: f32) -> f32 {
    match block {
        Block::Heading(..) => 0.15 * HEADING.0 * size,
        Block::Quote(inner) => inner.last().map_or(0.0, |last| trailing(last, size)),
        Block::Footnote(..) => BLOCK_GAP * FOOTNOTE * size,
        _ => BLOCK_GAP * size,
    }
}

/// The logo on the title and closing slides (`.slide__logo`): its plate's
/// height, the plate's padding above and below, at the sides, and the gap
/// below it, design px; and the plate's largest width.
const LOGO: (f32, f32, f32, f32) = (112.0, 16.0, 24.0, 32.0);
const LOGO_MAX_W: f32 = 560.0;

/// The small logo in front of the organisation in the footer
/// (`.slide__footer-logo`): height, largest width, gap after it, design px.
const FOOTER_LOGO: (f32, f32, f32) = (20.0, 120.0, 12.0);

impl Writer<'_, '_> {
    /// The logo on its plate of the page colour at the flow's place, left on
    /// the slide or centred, tagged as a figure named `alt` (the organisation).
    fn logo(&mut self, parent: Group, tree: &usvg::Tree, aspect: f32, alt: &str, centred: bool) {
        let (h, pad_y, pad_x, gap) = (LOGO.0 * U, LOGO.1 * U, LOGO.2 * U, LOGO.3 * U);
        let inner_w = ((h - 2.0 * pad_y) * aspect).min(LOGO_MAX_W * U - 2.0 * pad_x);
        let inner_h = inner_w / aspect;
        let plate_w = inner_w + 2.0 * pad_x;
        let x = if centred {
            (SLIDE.width - plate_w) / 2.0
        } else {
            72.0 * U
        };
        let y = self.flow.y;
        self.flow.push(Op::Rect {
            x,
            y,
            w: plate_w,
            h,
            color: self.c.bg,
        });
        let figure = self
            .flow
            .tree
            .group(Some(parent), Tag::Figure(Some(alt.to_string())));
        let leaf = self.flow.tree.leaf(figure);
        let index = self.svgs.len();
        self.svgs.push(tree.clone());
        self.flow.push(Op::Svg {
            x: x + pad_x,
            y: y + (h - inner_h) / 2.0,
            w: inner_w,
            h: inner_h,
            svg: index,
            leaf,
        });
        self.flow.y += h + gap;
    }

    fn source(&mut self, file: &str) {
        self.flow.source = file.to_string();
    }

    /// Starts a slide on its own page, filled with `background`.
    fn slide(&mut self, background: Rgb) {
        if !self.first {
            self.flow.new_page();
        }
        self.first = false;
        self.flow.push(Op::Rect {
            x: 0.0,
            y: 0.0,
            w: SLIDE.width,
            h: SLIDE.height,
            color: background,
        });
    }

    /// A bookmark to the top of the current slide.
    fn bookmark(&mut self, title: String) {
        let anchor = self.flow.anchor();
        let page = self.flow.page_index();
        self.flow.anchors[anchor] = Some((page, 0.0));
        self.bookmarks.push(Bookmark {
            title,
            anchor,
            children: Vec::new(),
        });
    }

    fn span_of(&self, text: &str, lang: Option<Lang>, style: Style, color: Rgb) -> Span {
        let mut span = Span::new(text, style, color);
        span.lang = lang.map(Lang::code);
        span
    }

    /// One paragraph as element `kind` under `parent`.
    fn para(&mut self, parent: Option<Group>, kind: TagKind, span: &Span, para: Para) {
        self.paras(parent, kind, std::slice::from_ref(span), para);
    }

    fn paras(&mut self, parent: Option<Group>, kind: TagKind, spans: &[Span], para: Para) {
        self.flow.check(spans);
        let g = self.flow.tree.group(parent, kind);
        self.flow.paragraph(g, spans, para);
    }

    /// A paragraph centred on the slide, line by line.
    fn centred(&mut self, parent: Group, span: &Span, para: Para) {
        self.flow.check(std::slice::from_ref(span));
        let p = self.flow.tree.group(Some(parent), Tag::P);
        // Lay out each line as its own run, centred by its own width.
        let lines = self.flow.line_texts(std::slice::from_ref(span), para);
        for line in lines {
            let width = self
                .flow
                .fonts
                .width(span.style, para.size, line.trim_end());
            let indent = ((para.width - width) / 2.0).max(0.0);
            let one = Span {
                text: line,
                ..span.clone()
            };
            self.flow.paragraph(
                p,
                &[one],
                Para {
                    indent,
                    width: para.width - indent,
                    ..para
                },
            );
        }
    }

    /// A section slide's band, kind label and title; returns its section element.
    fn section_slide(
        &mut self,
        kind_colour: Rgb,
        kind_label: &str,
        badge: Option<&str>,
        title: &str,
        title_lang: Option<Lang>,
        continued: Option<&str>,
    ) -> Group {
        let c = self.c;
        self.slide(c.bg);
        self.flow.push(Op::Rect {
            x: 0.0,
            y: 0.0,
            w: SLIDE.width,
            h: 16.0 * U,
            color: kind_colour,
        });
        let sect = self.flow.tree.group(None, Tag::Section);
        self.flow.y = SLIDE.top;
        let width = SLIDE.measure();
        let label = Span::new(kind_label.to_uppercase(), Style::Bold, kind_colour);
        let label_para = Para {
            size: 22.0 * U,
            leading: KIND_LINE.0 * U,
            indent: 0.0,
            width,
            align: Align::Left,
        };
        let top = self.flow.y;
        self.para(Some(sect), Tag::P.into(), &label, label_para);
        if let Some(badge) = badge {
            let x = SLIDE.left
                + self.flow.fonts.width(Style::Bold, 22.0 * U, &label.text)
                + 0.75 * 22.0 * U;
            let size = 22.0 * U;
            let w = self.flow.fonts.width(Style::Bold, size, badge) + size;
            self.flow.push(Op::Rect {
                x,
                y: top + 2.0 * U,
                w,
                h: 24.0 * U,
                color: c.notice_bg,
            });
            let p = self.flow.tree.group(Some(sect), Tag::P);
            let baseline = top + size * 1.02 + (28.0 * U - size * 1.2) / 2.0;
            self.flow.text_at(
                Some(p),
                x + size / 2.0,
                baseline,
                size,
                Style::Bold,
                c.notice_text,
                badge,
            );
        }
        self.flow.y += KIND_LINE.1 * U;
        let mut spans = vec![self.span_of(title, title_lang, Style::Bold, c.text)];
        let mut heading = title.to_string();
        if let Some(cont) = continued {
            spans.push(Span::new(format!(" {cont}"), Style::Regular, c.muted));
            heading = format!("{title} {cont}");
        }
        let h2 = Tag::Hn(
            NonZeroU16::new(2).unwrap_or(NonZeroU16::MIN),
            Some(heading.clone()),
        );
        self.paras(
            Some(sect),
            h2.into(),
            &spans,
            Para {
                size: TITLE.0 * U,
                leading: TITLE.0 * TITLE.1 * U,
                indent: 0.0,
                width,
                align: Align::Left,
            },
        );
        self.flow.y += TITLE.2 * U;
        self.bookmark(heading);
        sect
    }

    /// Where the room under a section slide's title (`.slide__main`) starts:
    /// what is drawn from here on is that room's content, for [`Writer::centre`].
    fn main(&mut self) -> Main {
        Main {
            first_op: self.flow.pages.last().map_or(0, Vec::len),
            top: self.flow.y,
        }
    }

    /// Moves what was drawn since `main` down to the optical centre of the room
    /// under the title, as the deck stylesheet does: the room the content
    /// leaves is shared [`MAIN_SPACE`] above and below it, none when it fills
    /// the room. `trailing` is the space the flow added after the last block,
    /// which the stylesheet drops.
    fn centre(&mut self, main: Main, trailing: f32) {
        let height = (self.flow.y - main.top - trailing).max(0.0);
        let room = SLIDE.height - PAD.2 * U - main.top;
        let (above, below) = MAIN_SPACE;
        let offset = ((room - height) * above / (above + below)).max(0.0);
        let Some(page) = self.flow.pages.last_mut() else {
            return;
        };
        for op in page.iter_mut().skip(main.first_op) {
            match op {
                Op::Text { y, .. }
                | Op::Rect { y, .. }
                | Op::Svg { y, .. }
                | Op::Picture { y, .. }
                | Op::Link { y, .. } => *y += offset,
            }
        }
        self.flow.y += offset;
    }

    fn blocks(&mut self, parent: Group, blocks: &[Block], indent: f32, b: &mut Body) {
        for block in blocks {
            self.block(parent, block, indent, b);
        }
    }

    fn body_para(&self, size: f32, indent: f32) -> Para {
        Para {
            size,
            leading: size * 1.3,
            indent,
            width: SLIDE.measure() - indent,
            align: Align::Left,
        }
    }

    fn block(&mut self, parent: Group, block: &Block, indent: f32, b: &mut Body) {
        let c = self.c;
        let size = b.size;
        match block {
            Block::Para(spans) => {
                self.paras(
                    Some(parent),
                    Tag::P.into(),
                    spans,
                    self.body_para(size, indent),
                );
                self.flow.y += 0.5 * size;
            }
            Block::Heading(level, spans) => {
                let spans: Vec<Span> = spans
                    .iter()
                    .map(|s| Span {
                        style: s.style.bold(true),
                        ..s.clone()
                    })
                    .collect();
                let title: String = spans.iter().map(|s| s.text.as_str()).collect();
                let level =
                    NonZeroU16::new((u16::from(*level) + 2).min(6)).unwrap_or(NonZeroU16::MIN);
                self.flow.y += 0.35 * 1.1 * size;
                let para = Para {
                    leading: 1.1 * size * 1.25,
                    ..self.body_para(1.1 * size, indent)
                };
                self.paras(
                    Some(parent),
                    Tag::Hn(level, Some(title)).into(),
                    &spans,
                    para,
                );
                self.flow.y += 0.15 * 1.1 * size;
            }
            Block::List(start, items) => {
                let numbering = if start.is_some() {
                    ListNumbering::Decimal
                } else {
                    ListNumbering::Disc
                };
                let list = self.flow.tree.group(Some(parent), Tag::L(numbering));
                let inner = indent + 1.3 * size;
                for (i, item) in items.iter().enumerate() {
                    let li = self.flow.tree.group(Some(list), Tag::LI);
                    let bare = std::mem::take(&mut b.first_item_bare);
                    if !bare {
                        let label = match start {
                            Some(n) => format!("{}.", n + i as u64),
                            // A disc, and for a nested list a dash (the font has no white circle).
                            None if b.depth == 0 => "•".to_string(),
                            None => "–".to_string(),
                        };
                        let lbl = self.flow.tree.group(Some(li), Tag::Lbl);
                        let leading = size * 1.3;
                        let baseline = self.flow.y + size * 1.02 + (leading - size * 1.2) / 2.0;
                        let width = self.flow.fonts.width(Style::Regular, size, &label);
                        let x = SLIDE.left + inner - width - 0.35 * size;
                        self.flow.text_at(
                            Some(lbl),
                            x,
                            baseline,
                            size,
                            Style::Regular,
                            b.colour,
                            &label,
                        );
                    }
                    let body = self.flow.tree.group(Some(li), Tag::LBody);
                    let was_in_item = std::mem::replace(&mut b.in_item, true);
                    for (j, block) in item.iter().enumerate() {
                        if matches!(block, Block::List(..)) {
                            // A nested list: 0.3em above, none below its items.
                            self.flow.y += 0.3 * size;
                            b.depth += 1;
                            self.block(body, block, inner, b);
                            b.depth -= 1;
                            self.flow.y -= 0.5 * size;
                        } else {
                            self.block(body, block, inner, b);
                            if matches!(block, Block::Para(_)) {
                                // An item's paragraph: 0.3em below, not the paragraph's
                                // 0.5em; none before a nested list, whose 0.3em above
                                // is the gap (the stylesheet's margins collapse).
                                let next = item.get(j + 1);
                                self.flow.y -= if next.is_none_or(|n| matches!(n, Block::List(..)))
                                {
                                    0.5 * size
                                } else {
                                    0.2 * size
                                };
                            }
                        }
                    }
                    b.in_item = was_in_item;
                    self.flow.y += 0.3 * size;
                }
                self.flow.y += 0.2 * size;
            }
            Block::Table(table) => self.table(parent, table, indent, (size, b.table)),
            Block::Quote(inner) => {
                let q = self.flow.tree.group(Some(parent), Tag::BlockQuote);
                let top = self.flow.y;
                self.blocks(q, inner, indent + 0.8 * size + 0.2 * size, b);
                self.flow.push(Op::Rect {
                    x: SLIDE.left + indent,
                    y: top,
                    w: 0.2 * size,
                    h: (self.flow.y - top - 0.5 * size).max(0.0),
                    color: b.colour,
                });
            }
            Block::Code(code) => {
                let size = 0.8 * size;
                let span = Span::new(code, Style::Regular, c.text);
                let para = Para {
                    leading: size * 1.35,
                    ..self.body_para(size, indent + 0.5 * size)
                };
                let height = self.flow.height(std::slice::from_ref(&span), para);
                let y = self.flow.y;
                self.flow.push(Op::Rect {
                    x: SLIDE.left + indent,
                    y,
                    w: SLIDE.measure() - indent,
                    h: height + size,
                    color: c.surface,
                });
                self.flow.y += 0.5 * size;
                self.paras(
                    Some(parent),
                    Tag::P.into(),
                    std::slice::from_ref(&span),
                    para,
                );
                self.flow.y += 0.5 * size + 0.5 * b.size;
            }
            Block::Rule => {
                self.flow.y += 0.5 * size;
                let y = self.flow.y;
                self.flow.push(Op::Rect {
                    x: SLIDE.left + indent,
                    y,
                    w: SLIDE.measure() - indent,
                    h: 2.0 * U,
                    color: c.border,
                });
                self.flow.y += 0.5 * size;
            }
            Block::Picture(picture, alt, max_height) => {
                self.picture(parent, picture, alt, *max_height, indent, b);
            }
            Block::Footnote(n, inner) => {
                let size = 0.75 * size;
                let note = self.flow.tree.group(Some(parent), Tag::Note);
                let mut spans = vec![Span::new(format!("{n} "), Style::Regular, c.muted)];
                for block in inner {
                    if let Block::Para(p) = block {
                        spans.extend(p.iter().cloned());
                        spans.push(Span::new(" ", Style::Regular, c.text));
                    }
                }
                self.paras(
                    Some(note),
                    Tag::P.into(),
                    &spans,
                    self.body_para(size, indent),
                );
                self.flow.y += 0.5 * size;
            }
        }
    }

    /// A picture of the year folder where the deck page shows it: indented as
    /// the block it is in, as large as the stylesheet lets it be (its own size
    /// at most, the body's width, [`IMAGE_HEIGHT`] or its share of that, never
    /// below the body); a figure with its text alternative, or an artifact
    /// when it is decorative.
    fn picture(
        &mut self,
        parent: Group,
        picture: &crate::model::Picture,
        alt: &str,
        max_height: Option<f32>,
        indent: f32,
        b: &Body,
    ) {
        let (pw, ph) = picture.size();
        // What is left of the body, if the text above took more than the plan measured.
        let room = (SLIDE.height - PAD.2 * U - self.flow.y).max(8.0 * U);
        let max = (
            SLIDE.measure() - indent,
            (max_height.unwrap_or(IMAGE_HEIGHT) * U).min(room),
        );
        let (w, h) = geometry::fitted((pw as f32 * U, ph as f32 * U), max);
        let at = (SLIDE.left + indent, w, h);
        if self
            .pictures
            .place(&mut self.flow, parent, picture, alt, &self.svg_options, at)
        {
            // Below it the paragraph's space, or in a list the item's, which the list adds.
            self.flow.y += h + if b.in_item { 0.0 } else { 0.5 * b.size };
        }
    }

    /// A table with ruled cells, the header row shaded, in the type size the
    /// plan chose for it: `(body, scale)` is the body's size and the table's
    /// part of it ([`TABLE_SCALES`](crate::render::slides::geometry::TABLE_SCALES)).
    fn table(
        &mut self,
        parent: Group,
        table: &blocks::Table,
        indent: f32,
        (body, scale): (f32, f32),
    ) {
        let (head, rows) = (&table.head, &table.rows);
        let c = self.c;
        let size = scale * body;
        let leading = size * 1.3;
        let pad = (0.2 * size, 0.5 * size);
        let columns = head.len().max(rows.iter().map(Vec::len).max().unwrap_or(0));
        if columns == 0 {
            return;
        }
        let fonts = self.flow.fonts;
        let natural = |cell: &[Span], bold: bool| -> f32 {
            cell.iter()
                .map(|s| fonts.width(s.style.bold(bold || s.style == Style::Bold), size, &s.text))
                .sum::<f32>()
                * 1.02
        };
        let mut widths = vec![0.0f32; columns];
        for (i, cell) in head.iter().enumerate() {
            widths[i] = widths[i].max(natural(cell, true) + 2.0 * pad.1);
        }
        for row in rows {
            for (i, cell) in row.iter().enumerate() {
                widths[i] = widths[i].max(natural(cell, false) + 2.0 * pad.1);
            }
        }
        let available = SLIDE.measure() - indent;
        let total: f32 = widths.iter().sum();
        if total > available {
            for w in &mut widths {
                *w *= available / total;
            }
        }
        let table_width: f32 = widths.iter().sum();
        let grid = self.flow.tree.group(Some(parent), Tag::Table);
        let draw_row = |w: &mut Self, cells: &[Vec<Span>], header: bool| {
            let spans_of = |cell: &[Span]| -> Vec<Span> {
                cell.iter()
                    .map(|s| Span {
                        style: s.style.bold(header),
                        ..s.clone()
                    })
                    .collect()
            };
            let para = |x: f32, width: f32, align: Align| Para {
                size,
                leading,
                indent: x,
                width,
                align,
            };
            let mut height: f32 = leading;
            let mut x = indent;
            for (i, cell) in cells.iter().enumerate().take(columns) {
                let inner = (widths[i] - 2.0 * pad.1).max(1.0);
                height = height.max(
                    w.flow
                        .height(&spans_of(cell), para(x + pad.1, inner, Align::Left)),
                );
                x += widths[i];
            }
            let height = height + 2.0 * pad.0;
            let top = w.flow.y;
            if header {
                w.flow.push(Op::Rect {
                    x: SLIDE.left + indent,
                    y: top,
                    w: table_width,
                    h: height,
                    color: c.surface,
                });
            }
            let tr = w.flow.tree.group(Some(grid), Tag::TR);
            let mut x = indent;
            for (i, cell) in cells.iter().enumerate().take(columns) {
                let tag: TagKind = if header {
                    Tag::TH(krilla::tagging::TableHeaderScope::Column).into()
                } else {
                    Tag::TD.into()
                };
                w.flow.y = top + pad.0;
                let inner = (widths[i] - 2.0 * pad.1).max(1.0);
                w.paras(
                    Some(tr),
                    tag,
                    &spans_of(cell),
                    para(x + pad.1, inner, table.align(i)),
                );
                x += widths[i];
            }
            // The cells' borders: a line under the row, and one left of each cell.
            let line = 1.0 * U;
            let mut x = SLIDE.left + indent;
            for width in widths.iter().take(columns) {
                w.flow.push(Op::Rect {
                    x,
                    y: top,
                    w: line,
                    h: height,
                    color: c.border,
                });
                x += width;
            }
            w.flow.push(Op::Rect {
                x,
                y: top,
                w: line,
                h: height,
                color: c.border,
            });
            w.flow.push(Op::Rect {
                x: SLIDE.left + indent,
                y: top + height,
                w: table_width + line,
                h: line,
                color: c.border,
            });
            w.flow.y = top + height;
        };
        let top = self.flow.y;
        self.flow.push(Op::Rect {
            x: SLIDE.left + indent,
            y: top,
            w: table_width,
            h: 1.0 * U,
            color: c.border,
        });
        if !head.is_empty() {
            draw_row(self, head, true);
        }
        for row in rows {
            draw_row(self, row, false);
        }
        self.flow.y += BLOCK_GAP * body;
    }

    /// A chart slide's figure: the chart as drawn for slides (its description as
    /// the figure's alternative text) across the body's width, as high as its
    /// shape gives it there but at most what the chart slide titled `title`
    /// leaves it ([`figure_height`], the deck page's `--figure-height`), centred
    /// in that box as the page's SVG is; and its source under it.
    fn chart(
        &mut self,
        parent: Group,
        chart: &crate::model::Chart,
        title: &str,
        lang: Lang,
        theme: &Theme,
    ) -> Result<(), SiteError> {
        let c = self.c;
        let strings = &theme.strings[&lang].charts;
        let (svg_text, caption) = crate::render::figures::for_slide(chart, lang, "pdf", theme)?;
        let tree = svg::parse(&svg_text, &self.svg_options)
            .map_err(|e| errors::chart_not_for_pdf(chart, e))?;
        let description = crate::charts::describe(chart, lang, strings);
        let size = tree.size();
        let max_w = SLIDE.measure();
        let ratio = size.height() / size.width().max(1.0);
        let h = (max_w * ratio).min(figure_height(title, &caption) * U);
        let w = (h / ratio.max(0.001)).min(max_w);
        let x = SLIDE.left + (max_w - w) / 2.0;
        // The title's gap is the room's top; the figure's own gap is below it.
        self.flow.y += FIGURE.0 * U;
        let div = self.flow.tree.group(Some(parent), Tag::Div);
        let figure = self
            .flow
            .tree
            .group(Some(div), Tag::Figure(Some(description)));
        let leaf = self.flow.tree.leaf(figure);
        let index = self.svgs.len();
        self.svgs.push(tree);
        let y = self.flow.y;
        self.flow.push(Op::Svg {
            x,
            y,
            w,
            h,
            svg: index,
            leaf,
        });
        self.flow.y += h;
        let source = chart.source.resolve(lang);
        let mut spans = vec![Span::new(
            format!("{}: ", strings.source),
            Style::Regular,
            c.muted,
        )];
        let mut s = Span::new(source.value, Style::Regular, c.muted);
        s.lang = source.is_fallback.then(|| source.lang.code());
        spans.push(s);
        let caption = self.flow.tree.group(Some(div), Tag::Caption);
        let (_, size, line, _) = FIGURE;
        self.paras(
            Some(caption),
            Tag::P.into(),
            &spans,
            Para {
                leading: size * line * U,
                ..self.body_para(size * U, 0.0)
            },
        );
        Ok(())
    }
}
