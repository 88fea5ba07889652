//! The report as an A4 document: title block and contents on the first page,
//! then the sections grouped by kind as on the report page (each with its
//! charts, their sources and data tables), the closing statement and the
//! glossary; page numbers at the foot.

use std::num::NonZeroU16;

use krilla::tagging::{ListNumbering, TableHeaderScope, Tag, TagKind};

use crate::charts::theme::Rgb;
use crate::charts::{self, FigText};
use crate::diagnostics::SiteError;
use crate::lang::{Lang, Resolved};
use crate::messages::MessageId;
use crate::model::{Report, Site};
use crate::render::Theme;

use super::blocks::{self, Block, Ink};
use super::emit::{self, Bookmark, Meta};
use super::errors;
use super::fonts::{Fonts, Style};
use super::layout::{Align, Flow, Op, PageBox, Para, Span, Target};
use super::picture::Pictures;
use super::svg;
use super::tags::Group;

/// ISO 216 A4 with margins of about 25 mm.
const A4: PageBox = PageBox {
    width: 595.28,
    height: 841.89,
    left: 70.0,
    right: 70.0,
    top: 64.0,
    bottom: 72.0,
};

/// The logo at the head of the title block: height, largest width, and the
/// space below it, pt.
const LOGO: (f32, f32, f32) = (36.0, 180.0, 14.0);

const BODY: f32 = 10.5;
const LEADING: f32 = 15.5;

/// The colours, from the theme's chart palette (which mirrors style.css).
#[derive(Clone, Copy)]
struct Colours {
    text: Rgb,
    muted: Rgb,
    accent: Rgb,
    rule: Rgb,
}

/// Writes `report` in `lang` as PDF/A-2a + PDF/UA-1.
pub(super) fn write(
    site: &Site,
    report: &Report,
    lang: Lang,
    theme: &Theme,
) -> Result<Vec<u8>, SiteError> {
    let fonts = Fonts::load(theme)?;
    let t = &theme.strings[&lang];
    let c = Colours {
        text: theme.charts.text,
        muted: theme.charts.muted,
        accent: site.brand.accent.as_ref().map_or_else(
            || {
                theme
                    .charts
                    .series
                    .first()
                    .copied()
                    .unwrap_or(theme.charts.text)
            },
            |a| a.rgb,
        ),
        rule: theme.charts.grid,
    };
    let ink = Ink {
        text: c.text,
        link: c.accent,
        code: c.muted,
    };
    let mut w = Writer {
        flow: Flow::new(&fonts, A4),
        c,
        lang,
        svgs: Vec::new(),
        svg_options: svg::options(&fonts),
        pictures: Pictures::default(),
    };
    let title = report.title.resolve(lang);

    // Title block, under the logo (as the report page's header), a figure named by the organisation.
    w.source(&report.file);
    let organisation = site.organisation.resolve(lang);
    w.flow.y += 40.0;
    if let Some(logo) = &site.logo {
        let tree = super::logo::drawn(logo, &w.svg_options)?;
        let width = (LOGO.0 * logo.aspect()).min(LOGO.1);
        let height = width / logo.aspect();
        let index = w.pictures.add(tree);
        w.pictures.draw(
            &mut w.flow,
            None,
            index,
            organisation.value,
            (A4.left, width, height),
        );
        w.flow.y += height + LOGO.2;
    }
    // Left out when the subtitle already says it, as on the title slide.
    if crate::render::slides::plan::title_organisation(site, report, lang).is_some() {
        w.para_styled(
            None,
            &[w.resolved(&organisation, Style::Regular, c.muted)],
            11.0,
            16.0,
        );
        w.flow.y += 10.0;
    } else {
        w.flow.y += 26.0;
    }
    w.heading(
        None,
        1,
        &[w.resolved(&title, Style::Bold, c.text)],
        26.0,
        32.0,
    );
    if let Some(subtitle) = &report.subtitle {
        let span = w.resolved(&subtitle.resolve(lang), Style::Regular, c.text);
        w.para_styled(None, &[span], 14.0, 20.0);
    }
    w.flow.y += 6.0;
    let date = format!("{} {}", t.published, t.format_date(report.published));
    w.para_styled(
        None,
        &[Span::new(date, Style::Regular, c.muted)],
        BODY,
        LEADING,
    );
    w.flow.y += 18.0;
    w.flow.rule(1.2, c.accent);
    w.flow.y += 22.0;

    // Where everything starts, known once laid out (for the contents and the bookmarks).
    let mut groups: Vec<(usize, &str, Vec<usize>)> = Vec::new();
    let mut kinds = Vec::new();
    for s in &report.sections {
        if kinds.last() != Some(&s.kind) {
            kinds.push(s.kind);
            let anchor = w.flow.anchor();
            groups.push((anchor, t.kinds.get(s.kind), Vec::new()));
        }
        let anchor = w.flow.anchor();
        if let Some(g) = groups.last_mut() {
            g.2.push(anchor);
        }
    }
    let closing = report.closing.as_ref().map(|c| (w.flow.anchor(), c));
    let glossary = glossary_items(site, report, lang);
    let glossary_anchor = (!glossary.is_empty()).then(|| w.flow.anchor());

    // Contents.
    w.heading(
        None,
        2,
        &[Span::new(&t.contents, Style::Bold, c.text)],
        15.0,
        22.0,
    );
    w.flow.y += 4.0;
    let toc = w.flow.tree.group(None, Tag::TOC);
    let mut numbers = Vec::new();
    let mut sections = report.sections.iter();
    for (anchor, heading, children) in &groups {
        let entry = Span::new(*heading, Style::Bold, c.text);
        numbers.push(w.toc_entry(toc, entry, *anchor, 0.0));
        for &child in children {
            let Some(s) = sections.next() else { break };
            let text = s.text.resolve(lang);
            let mut span = Span::new(&text.value.title, Style::Regular, c.text);
            span.lang = text.is_fallback.then(|| text.lang.code());
            numbers.push(w.toc_entry(toc, span, child, 14.0));
        }
    }
    if let Some((anchor, _)) = closing {
        numbers.push(w.toc_entry(toc, Span::new(&t.closing, Style::Bold, c.text), anchor, 0.0));
    }
    if let Some(anchor) = glossary_anchor {
        numbers.push(w.toc_entry(
            toc,
            Span::new(&t.glossary, Style::Bold, c.text),
            anchor,
            0.0,
        ));
    }

    // The sections, by kind.
    let mut bookmarks = Vec::new();
    let mut sections = report.sections.iter();
    for (i, (anchor, heading, children)) in groups.iter().enumerate() {
        // The first kind starts after the contents; the others where the last ended,
        // unless little of the page is left.
        if i == 0 || w.flow.y > A4.height * 0.62 {
            w.flow.new_page();
        } else {
            w.flow.gap(18.0);
        }
        let group = w.flow.tree.group(None, Tag::Section);
        w.flow.place(*anchor);
        w.heading(
            Some(group),
            2,
            &[Span::new(*heading, Style::Bold, c.accent)],
            18.0,
            24.0,
        );
        w.flow.y += 2.0;
        w.flow.rule(0.8, c.rule);
        w.flow.y += 12.0;
        let mut bookmark = Bookmark {
            title: heading.to_string(),
            anchor: *anchor,
            children: Vec::new(),
        };
        for &child in children {
            let Some(s) = sections.next() else { break };
            let text = s.text.resolve(lang);
            w.source(&text.value.file);
            let other = text.is_fallback.then(|| text.lang.code());
            let kind: TagKind = Tag::Section.into();
            let section = w
                .flow
                .tree
                .group(Some(group), kind.with_lang(other.map(str::to_string)));
            w.keep(30.0 + 3.0 * LEADING);
            w.flow.place(child);
            let title = Span::new(&text.value.title, Style::Bold, c.text);
            w.heading(Some(section), 3, &[title], 13.5, 19.0);
            bookmark.children.push(Bookmark {
                title: text.value.title.clone(),
                anchor: child,
                children: Vec::new(),
            });
            if other.is_some() {
                let kind: TagKind = Tag::P.into();
                let p = w
                    .flow
                    .tree
                    .group(Some(section), kind.with_lang(Some(lang.code().to_string())));
                let notice = Span::new(&t.not_translated, Style::Italic, c.muted);
                w.flow.paragraph(p, &[notice], w.para(BODY, LEADING, 0.0));
                w.flow.y += 6.0;
            }
            let parsed = blocks::parse(text.value, text.lang, ink, &report.pictures);
            w.blocks(section, &parsed, 0.0);
            for id in &s.charts {
                if let Some(chart) = report.chart(id) {
                    w.figure(section, chart, theme, lang)?;
                }
            }
            w.flow.y += 10.0;
        }
        bookmarks.push(bookmark);
    }

    // Closing statement and glossary.
    if let Some((anchor, statement)) = closing {
        w.source(&report.file);
        w.flow.gap(14.0);
        w.keep(80.0);
        let section = w.flow.tree.group(None, Tag::Section);
        w.flow.place(anchor);
        w.heading(
            Some(section),
            2,
            &[Span::new(&t.closing, Style::Bold, c.accent)],
            18.0,
            24.0,
        );
        w.flow.y += 6.0;
        let span = w.resolved(&statement.resolve(lang), Style::BoldItalic, c.text);
        let p = w.flow.tree.group(Some(section), Tag::P);
        w.flow.paragraph(p, &[span], w.para(16.0, 23.0, 0.0));
        bookmarks.push(Bookmark {
            title: t.closing.clone(),
            anchor,
            children: Vec::new(),
        });
    }
    if let Some(anchor) = glossary_anchor {
        w.source(
            site.glossary
                .file
                .as_deref()
                .unwrap_or("content/glossary.toml"),
        );
        w.flow.gap(24.0);
        w.keep(80.0);
        let section = w.flow.tree.group(None, Tag::Section);
        w.flow.place(anchor);
        w.heading(
            Some(section),
            2,
            &[Span::new(&t.glossary, Style::Bold, c.accent)],
            18.0,
            24.0,
        );
        w.flow.y += 6.0;
        w.glossary(section, &glossary);
        bookmarks.push(Bookmark {
            title: t.glossary.clone(),
            anchor,
            children: Vec::new(),
        });
    }

    let pictures = std::mem::take(&mut w.pictures).finish()?;
    if let Some((file, ch)) = w.flow.missing.take() {
        return Err(errors::char_not_in_font(file, ch));
    }

    // Page numbers in the contents, then at the foot of every page but the first.
    let anchors = w.flow.anchors.clone();
    for (page, index, anchor) in numbers {
        let number = anchors[anchor].map_or(0, |(p, _)| p + 1).to_string();
        let width = fonts.width(Style::Regular, BODY, &number);
        if let Some(Op::Text { x, text, .. }) = w.flow.pages[page].get_mut(index) {
            *x = A4.width - A4.right - width;
            *text = number;
        }
    }
    for (i, page) in w.flow.pages.iter_mut().enumerate().skip(1) {
        let number = format!("{}", i + 1);
        let width = fonts.width(Style::Regular, 8.5, &number);
        page.push(Op::Text {
            x: A4.width - A4.right - width,
            y: A4.height - 40.0,
            size: 8.5,
            style: Style::Regular,
            color: c.muted,
            text: number,
            lang: None,
            leaf: None,
        });
        page.push(Op::Text {
            x: A4.left,
            y: A4.height - 40.0,
            size: 8.5,
            style: Style::Regular,
            color: c.muted,
            text: title.value.clone(),
            lang: None,
            leaf: None,
        });
    }

    let meta = meta(report, lang, title.value.clone(), organisation.value);
    let svgs = std::mem::take(&mut w.svgs);
    emit::write(w.flow, &svgs, &pictures, &meta, &bookmarks).map_err(|e| {
        errors::not_written(MessageId::ErrorPdfReportNotWritten, &report.file, lang, e)
    })
}

/// The document information of a PDF of `report` in `lang` titled `title`,
/// written by `author`: the report and its deck differ only in the title.
pub(super) fn meta(report: &Report, lang: Lang, title: String, author: &str) -> Meta {
    Meta {
        title,
        subject: report
            .subtitle
            .as_ref()
            .map(|s| s.resolve(lang).value.clone()),
        lang: lang.code(),
        author: author.to_string(),
        date: report.published,
    }
}

/// One glossary entry: the abbreviation and what it stands for.
struct Term {
    abbr: String,
    expansion: Option<FigText>,
    explanation: Option<FigText>,
}

/// The glossary terms the report uses, as the report page lists them
/// (see [`crate::model::Glossary::used_in`]).
fn glossary_items(site: &Site, r: &Report, lang: Lang) -> Vec<Term> {
    site.glossary
        .used_in(r, lang)
        .into_iter()
        .map(|t| Term {
            abbr: t.abbr.clone(),
            expansion: t.expansion.as_ref().map(|e| FigText::resolve(e, lang)),
            explanation: t.explanation.as_ref().map(|e| FigText::resolve(e, lang)),
        })
        .collect()
}

struct Writer<'f, 't> {
    flow: Flow<'f, 't>,
    c: Colours,
    lang: Lang,
    svgs: Vec<usvg::Tree>,
    svg_options: usvg::Options<'static>,
    pictures: Pictures,
}

impl Writer<'_, '_> {
    fn source(&mut self, file: &str) {
        self.flow.source = file.to_string();
    }

    fn para(&self, size: f32, leading: f32, indent: f32) -> Para {
        Para {
            size,
            leading,
            indent,
            width: A4.measure() - indent,
            align: Align::Left,
        }
    }

    /// A text of the model in `style`, marked with its language when it is a fallback.
    fn resolved(&self, r: &Resolved<'_, String>, style: Style, color: Rgb) -> Span {
        let mut span = Span::new(r.value.clone(), style, color);
        span.lang = r.is_fallback.then(|| r.lang.code());
        span
    }

    fn para_styled(&mut self, parent: Option<Group>, spans: &[Span], size: f32, leading: f32) {
        self.flow.check(spans);
        let p = self.flow.tree.group(parent, Tag::P);
        let para = self.para(size, leading, 0.0);
        self.flow.paragraph(p, spans, para);
    }

    /// Breaks the page unless `height` fits (keeps a heading with what follows).
    fn keep(&mut self, height: f32) {
        self.flow.need(height);
    }

    fn heading(
        &mut self,
        parent: Option<Group>,
        level: u16,
        spans: &[Span],
        size: f32,
        leading: f32,
    ) {
        self.flow.check(spans);
        let title: String = spans.iter().map(|s| s.text.as_str()).collect();
        let level = NonZeroU16::new(level).unwrap_or(NonZeroU16::MIN);
        self.keep(leading + 3.0 * LEADING);
        let h = self.flow.tree.group(parent, Tag::Hn(level, Some(title)));
        let para = self.para(size, leading, 0.0);
        self.flow.paragraph(h, spans, para);
    }

    /// One line of the contents: the entry (a link) and its page number, filled in later.
    fn toc_entry(
        &mut self,
        toc: Group,
        span: Span,
        anchor: usize,
        indent: f32,
    ) -> (usize, usize, usize) {
        self.flow.check(std::slice::from_ref(&span));
        let item = self.flow.tree.group(Some(toc), Tag::TOCI);
        let link = self.flow.tree.group(Some(item), Tag::Link);
        let para = self.para(BODY, LEADING + 3.0, indent);
        let mut span = span;
        span.link = None;
        self.flow.need(LEADING + 3.0);
        let top = self.flow.y;
        let page = self.flow.page_index();
        self.flow.paragraph(link, &[span], para);
        let baseline = top + BODY * 1.02 + (LEADING + 3.0 - BODY * 1.2) / 2.0;
        self.flow.text_at(
            Some(link),
            A4.width - A4.right,
            baseline,
            BODY,
            Style::Regular,
            self.c.muted,
            "",
        );
        let index = self.flow.pages[page].len() - 1;
        let annot = self.flow.tree.annot(link);
        self.flow.push(Op::Link {
            x: A4.left + indent,
            y: top,
            w: A4.measure() - indent,
            h: self.flow.y - top,
            target: Target::Anchor(anchor),
            annot,
        });
        (page, index, anchor)
    }

    fn blocks(&mut self, parent: Group, blocks: &[Block], indent: f32) {
        for block in blocks {
            self.block(parent, block, indent);
        }
    }

    fn block(&mut self, parent: Group, block: &Block, indent: f32) {
        let c = self.c;
        match block {
            Block::Para(spans) => {
                self.flow.check(spans);
                let p = self.flow.tree.group(Some(parent), Tag::P);
                let para = self.para(BODY, LEADING, indent);
                self.flow.paragraph(p, spans, para);
                self.flow.y += 6.0;
            }
            Block::Heading(level, spans) => {
                self.flow.gap(6.0);
                let size = match level {
                    1 => 12.0,
                    2 => 11.0,
                    _ => BODY,
                };
                let spans: Vec<Span> = spans
                    .iter()
                    .map(|s| Span {
                        style: s.style.bold(true),
                        ..s.clone()
                    })
                    .collect();
                let level = (u16::from(*level) + 3).min(6);
                self.heading(Some(parent), level, &spans, size, size * 1.45);
                self.flow.y += 2.0;
            }
            Block::List(start, items) => {
                let numbering = if start.is_some() {
                    ListNumbering::Decimal
                } else {
                    ListNumbering::Disc
                };
                let list = self.flow.tree.group(Some(parent), Tag::L(numbering));
                for (i, item) in items.iter().enumerate() {
                    let li = self.flow.tree.group(Some(list), Tag::LI);
                    let label = match start {
                        Some(n) => format!("{}.", n + i as u64),
                        None => "•".to_string(),
                    };
                    self.flow.need(LEADING);
                    let lbl = self.flow.tree.group(Some(li), Tag::Lbl);
                    let baseline = self.flow.y + BODY * 1.02 + (LEADING - BODY * 1.2) / 2.0;
                    let x = A4.left + indent + 4.0;
                    self.flow.text_at(
                        Some(lbl),
                        x,
                        baseline,
                        BODY,
                        Style::Regular,
                        c.accent,
                        &label,
                    );
                    let body = self.flow.tree.group(Some(li), Tag::LBody);
                    let before = self.flow.y;
                    for block in item {
                        if matches!(block, Block::List(..)) {
                            // A nested list follows its item's text closely, as on the page.
                            self.flow.y -= 4.0;
                            self.block(body, block, indent + 18.0);
                            self.flow.y -= 4.0;
                        } else {
                            self.block(body, block, indent + 18.0);
                        }
                    }
                    if self.flow.y > before {
                        // Items are tight: take back the gap after the item's last paragraph.
                        self.flow.y -= 3.0;
                    }
                }
                self.flow.y += 4.0;
            }
            Block::Table(table) => self.table(parent, table, false, indent),
            Block::Quote(inner) => {
                let q = self.flow.tree.group(Some(parent), Tag::BlockQuote);
                let top = self.flow.y;
                let page = self.flow.page_index();
                self.blocks(q, inner, indent + 16.0);
                if self.flow.page_index() == page {
                    self.flow.pages[page].push(Op::Rect {
                        x: A4.left + indent + 2.0,
                        y: top,
                        w: 2.5,
                        h: self.flow.y - top - 6.0,
                        color: c.rule,
                    });
                }
            }
            Block::Code(code) => {
                let span = Span::new(code, Style::Regular, c.muted);
                self.flow.check(std::slice::from_ref(&span));
                let p = self.flow.tree.group(Some(parent), Tag::P);
                let para = self.para(9.5, 13.5, indent + 8.0);
                self.flow.paragraph(p, &[span], para);
                self.flow.y += 6.0;
            }
            Block::Rule => {
                self.flow.gap(4.0);
                self.flow.rule(0.6, c.rule);
                self.flow.y += 8.0;
            }
            Block::Picture(picture, alt, _) => self.picture(parent, picture, alt, indent),
            Block::Footnote(n, inner) => {
                let note = self.flow.tree.group(Some(parent), Tag::Note);
                let label = Span::new(format!("[{n}] "), Style::Regular, c.muted);
                let mut spans = vec![label];
                for b in inner {
                    if let Block::Para(p) = b {
                        spans.extend(p.iter().cloned().map(|s| Span {
                            color: c.muted,
                            ..s
                        }));
                        spans.push(Span::new(" ", Style::Regular, c.muted));
                    }
                }
                self.flow.check(&spans);
                let p = self.flow.tree.group(Some(note), Tag::P);
                let para = self.para(8.5, 12.0, indent);
                self.flow.paragraph(p, &spans, para);
                self.flow.y += 4.0;
            }
        }
    }

    /// A table with a header row, each column aligned as the table says; with
    /// `row_headers`, the first cell of each row heads it.
    fn table(&mut self, parent: Group, table: &blocks::Table, row_headers: bool, indent: f32) {
        let (head, rows) = (&table.head, &table.rows);
        let c = self.c;
        let columns = head.len().max(rows.iter().map(Vec::len).max().unwrap_or(0));
        if columns == 0 {
            return;
        }
        let size = 9.5;
        let leading = 13.0;
        let pad = 4.0;
        let fonts = self.flow.fonts;
        let natural = |spans: &[Span]| -> f32 {
            spans
                .iter()
                .map(|s| fonts.width(s.style, size, &s.text) * 1.02)
                .sum()
        };
        let longest_word = |spans: &[Span]| -> f32 {
            spans
                .iter()
                .flat_map(|s| {
                    s.text
                        .split(' ')
                        .map(move |w| fonts.width(s.style, size, w))
                })
                .fold(0.0, f32::max)
        };
        let mut want = vec![0.0f32; columns];
        let mut least = vec![0.0f32; columns];
        let head_bold: Vec<Vec<Span>> = head.iter().map(|c| bolded(c, true)).collect();
        for row in std::iter::once(head_bold.as_slice()).chain(rows.iter().map(Vec::as_slice)) {
            for (i, cell) in row.iter().enumerate() {
                want[i] = want[i].max(natural(cell) + 2.0 * pad);
                least[i] = least[i].max(longest_word(cell) * 1.02 + 2.0 * pad);
            }
        }
        let available = A4.measure() - indent;
        let total: f32 = want.iter().sum();
        let widths: Vec<f32> = if total <= available {
            want
        } else {
            let spare = available - least.iter().sum::<f32>();
            let extra: f32 = want.iter().zip(&least).map(|(w, l)| w - l).sum();
            want.iter()
                .zip(&least)
                .map(|(w, l)| l + (w - l) * (spare.max(0.0) / extra.max(1.0)))
                .collect()
        };
        let table_width: f32 = widths.iter().sum();
        let grid = self.flow.tree.group(Some(parent), Tag::Table);
        let draw_row = |w: &mut Self, cells: &[Vec<Span>], header: bool| {
            let para = |x: f32, width: f32, align: Align| Para {
                size,
                leading,
                indent: x,
                width,
                align,
            };
            let mut height: f32 = 0.0;
            let mut x = indent;
            for (i, cell) in cells.iter().enumerate() {
                let inner = widths[i] - 2.0 * pad;
                height = height.max(
                    w.flow
                        .height(&bolded(cell, header), para(x + pad, inner, Align::Left)),
                );
                x += widths[i];
            }
            let height = height.max(leading) + 2.0 * pad;
            w.flow.need(height);
            let top = w.flow.y;
            let tr = w.flow.tree.group(Some(grid), Tag::TR);
            let mut x = indent;
            for (i, cell) in cells.iter().enumerate() {
                let is_head = header || (row_headers && i == 0);
                let tag: TagKind = if header {
                    Tag::TH(TableHeaderScope::Column).into()
                } else if is_head {
                    Tag::TH(TableHeaderScope::Row).into()
                } else {
                    Tag::TD.into()
                };
                let group = w.flow.tree.group(Some(tr), tag);
                let spans = bolded(cell, header);
                w.flow.check(&spans);
                w.flow.y = top + pad;
                w.flow.paragraph(
                    group,
                    &spans,
                    para(x + pad, widths[i] - 2.0 * pad, table.align(i)),
                );
                x += widths[i];
            }
            w.flow.y = top + height;
            let rule = if header {
                (0.9, c.muted)
            } else {
                (0.4, c.rule)
            };
            let y = w.flow.y;
            w.flow.push(Op::Rect {
                x: A4.left + indent,
                y,
                w: table_width,
                h: rule.0,
                color: rule.1,
            });
            w.flow.y += rule.0;
        };
        if !head.is_empty() {
            draw_row(self, head, true);
        }
        for row in rows {
            draw_row(self, row, false);
        }
        self.flow.y += 10.0;
    }

    /// The largest height of a picture in the report, in points (a third of
    /// the page's text area, as on a slide): a tall picture is set smaller.
    const PICTURE_HEIGHT: f32 = 250.0;

    /// A picture of the year folder, as wide as the text (or its own width at
    /// 96 dpi, if narrower) and kept in shape; a figure with its text
    /// alternative, or an artifact when it is decorative (`alt` empty).
    fn picture(&mut self, parent: Group, picture: &crate::model::Picture, alt: &str, indent: f32) {
        // 96 dpi: a pixel is 0.75 pt.
        let (pw, ph) = picture.size();
        let natural = (pw as f32 * 0.75, ph as f32 * 0.75);
        let (w, h) = crate::render::slides::geometry::fitted(
            natural,
            (A4.measure() - indent, Self::PICTURE_HEIGHT),
        );
        self.flow.gap(4.0);
        self.flow.need(h + 6.0);
        let at = (A4.left + indent, w, h);
        if self
            .pictures
            .place(&mut self.flow, parent, picture, alt, &self.svg_options, at)
        {
            self.flow.y += h + 8.0;
        }
    }

    /// A chart: its title, the drawing (a figure whose alternative text is the
    /// chart's description), its source, and its data as a table.
    fn figure(
        &mut self,
        parent: Group,
        chart: &crate::model::Chart,
        theme: &Theme,
        lang: Lang,
    ) -> Result<(), SiteError> {
        let c = self.c;
        let strings = &theme.strings[&lang].charts;
        let cannot = |e: String| errors::chart_not_for_pdf(chart, e);
        let view =
            charts::figure(chart, lang, "pdf", &theme.charts, strings).map_err(|e| cannot(e.0))?;
        let tree = svg::parse(&view.svg_wide, &self.svg_options).map_err(cannot)?;
        let size = tree.size();
        let w = A4.measure();
        let h = w * size.height() / size.width().max(1.0);
        self.source(&chart.file);
        self.flow.gap(6.0);
        let title = fig_span(&view.title, Style::Bold, c.text);
        let title_height = self
            .flow
            .height(std::slice::from_ref(&title), self.para(BODY, LEADING, 0.0));
        // Title, drawing, source and table together when they fit on a page;
        // else at least the title with the drawing.
        let row = 13.0 + 8.0 + 0.5;
        let table_height = 13.0 + row * (view.table.rows.len() + 1) as f32 + 10.0;
        let whole = title_height + h + 30.0 + table_height;
        let room = A4.height - A4.top - A4.bottom;
        self.flow.need(if whole <= room {
            whole
        } else {
            title_height + h + 30.0
        });
        let div = self.flow.tree.group(Some(parent), Tag::Div);
        let caption = self.flow.tree.group(Some(div), Tag::Caption);
        self.para_styled(Some(caption), &[title], BODY, LEADING);
        self.flow.y += 4.0;
        let figure = self
            .flow
            .tree
            .group(Some(div), Tag::Figure(Some(view.description.clone())));
        let leaf = self.flow.tree.leaf(figure);
        let index = self.svgs.len();
        self.svgs.push(tree);
        let y = self.flow.y;
        self.flow.push(Op::Svg {
            x: A4.left,
            y,
            w,
            h,
            svg: index,
            leaf,
        });
        self.flow.y += h + 4.0;
        let mut source = vec![Span::new(
            format!("{}: ", strings.source),
            Style::Regular,
            c.muted,
        )];
        source.push(fig_span(&view.source, Style::Regular, c.muted));
        self.para_styled(Some(div), &source, 8.5, 12.0);
        self.flow.y += 8.0;
        let table_caption = Span::new(&strings.data_table, Style::Italic, c.muted);
        self.flow.need(LEADING * 3.0);
        self.para_styled(Some(div), &[table_caption], 9.0, 13.0);
        let head: Vec<Vec<Span>> = std::iter::once(&view.table.corner)
            .chain(&view.table.columns)
            .map(|t| vec![fig_span(t, Style::Bold, c.text)])
            .collect();
        let rows: Vec<Vec<Vec<Span>>> = view
            .table
            .rows
            .iter()
            .map(|r| {
                std::iter::once(vec![fig_span(&r.header, Style::Regular, c.text)])
                    .chain(
                        r.cells
                            .iter()
                            .map(|v| vec![Span::new(v, Style::Regular, c.text)]),
                    )
                    .collect()
            })
            .collect();
        // The numbers to the right, under their column heads.
        let align = (0..head.len())
            .map(|i| if i == 0 { Align::Left } else { Align::Right })
            .collect();
        let table = blocks::Table { head, rows, align };
        self.table(div, &table, true, 0.0);
        Ok(())
    }

    fn glossary(&mut self, parent: Group, terms: &[Term]) {
        let c = self.c;
        let list = self
            .flow
            .tree
            .group(Some(parent), Tag::L(ListNumbering::None));
        let column = terms
            .iter()
            .map(|t| self.flow.fonts.width(Style::Bold, BODY, &t.abbr))
            .fold(40.0, f32::max)
            + 12.0;
        for term in terms {
            let li = self.flow.tree.group(Some(list), Tag::LI);
            let mut spans = Vec::new();
            if let Some(e) = &term.expansion {
                spans.push(fig_span(e, Style::Regular, c.text));
            }
            if let Some(e) = &term.explanation {
                if !spans.is_empty() {
                    spans.push(Span::new(" – ", Style::Regular, c.muted));
                }
                spans.push(fig_span(e, Style::Regular, c.muted));
            }
            let para = self.para(BODY, LEADING, column);
            let height = self.flow.height(&spans, para);
            self.flow.need(height);
            let lbl = self.flow.tree.group(Some(li), Tag::Lbl);
            let baseline = self.flow.y + BODY * 1.02 + (LEADING - BODY * 1.2) / 2.0;
            self.flow
                .check(&[Span::new(&term.abbr, Style::Bold, c.text)]);
            self.flow.text_at(
                Some(lbl),
                A4.left,
                baseline,
                BODY,
                Style::Bold,
                c.text,
                &term.abbr,
            );
            let body = self.flow.tree.group(Some(li), Tag::LBody);
            self.flow.check(&spans);
            let p = self.flow.tree.group(Some(body), Tag::P);
            self.flow.paragraph(p, &spans, para);
            self.flow.y += 4.0;
        }
        let _ = self.lang;
    }
}

fn fig_span(t: &FigText, style: Style, color: Rgb) -> Span {
    let mut span = Span::new(&t.text, style, color);
    span.lang = t.lang;
    span
}

fn bolded(cell: &[Span], on: bool) -> Vec<Span> {
    cell.iter()
        .map(|s| Span {
            style: if on { s.style.bold(true) } else { s.style },
            ..s.clone()
        })
        .collect()
}
