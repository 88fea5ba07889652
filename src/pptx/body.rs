//! A slide body as paragraphs and tables for DrawingML: from the block tree
//! of the slide the plan cut ([`of_tree`]), the tree the HTML deck's slide is
//! rendered beside, so the PowerPoint's slides are the HTML deck's, cut for
//! cut; and the speaker notes, which the model holds as sanitised HTML, read
//! back with html5ever's tokenizer ([`read`], [`crate::html::pieces`]).
//!
//! Lists become paragraphs with outline levels (a nested list one level
//! down), tables become tables with their columns' alignment, headings and
//! code paragraphs of their own. A picture (which the deck's stylesheet sets
//! as a block) ends the text before it and is a block of its own; in a table
//! cell, where a PowerPoint table holds only text, it is its text alternative.

use pulldown_cmark::Alignment;

use crate::html::{Piece, pieces};
use crate::model::images::FROM_DECK;
use crate::render::slides::tree::{self, Inline, Node};

/// A run of text with one style.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct Run {
    pub(super) text: String,
    pub(super) bold: bool,
    pub(super) italic: bool,
    pub(super) code: bool,
    pub(super) sup: bool,
    /// A link's address.
    pub(super) link: Option<String>,
    /// A line break (`<br>`), not text.
    pub(super) br: bool,
}

/// A paragraph's marker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Bullet {
    /// No marker: a paragraph, or an item's second paragraph.
    None,
    /// A bulleted item.
    Disc,
    /// A numbered item, with its number.
    Number(u64),
}

/// What a paragraph is, for its size and font.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Style {
    Normal,
    Heading,
    Code,
    /// A footnote's text (smaller).
    Note,
}

/// One paragraph.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Para {
    /// Outline level, 0 for top-level text and items, 1 for a nested list …
    pub(super) level: u8,
    /// True inside a list (its paragraphs are indented like its items).
    pub(super) in_list: bool,
    pub(super) bullet: Bullet,
    pub(super) style: Style,
    /// Inside a block quote.
    pub(super) quote: bool,
    pub(super) runs: Vec<Run>,
}

impl Para {
    /// Its text, without styles (for measuring).
    pub(super) fn plain(&self) -> String {
        self.runs
            .iter()
            .map(|r| if r.br { " " } else { r.text.as_str() })
            .collect()
    }
}

/// A table: rows of cells, each cell a run list; the first `header` rows are
/// headings; each column's alignment (`l`, `ctr`, `r`: DrawingML's `algn`).
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct Table {
    pub(super) rows: Vec<Vec<Vec<Run>>>,
    pub(super) header: usize,
    align: Vec<&'static str>,
}

impl Table {
    /// DrawingML's `algn` of column `i`.
    pub(super) fn align(&self, i: usize) -> &'static str {
        self.align.get(i).copied().unwrap_or("l")
    }
}

/// A picture as the slide's HTML shows it (`<img>`).
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Img {
    /// Its address from the deck page, which names the picture of the year folder.
    pub(super) src: String,
    /// Its text alternative; empty for a decorative picture.
    pub(super) alt: String,
    /// The height it may take when it shares its block with other pictures
    /// (the `max-height` the Markdown renderer writes), design px.
    pub(super) max_height: Option<f32>,
    /// Outline level and whether it is inside a list, as a paragraph there.
    pub(super) level: u8,
    pub(super) in_list: bool,
}

/// A slide body's blocks: text (paragraphs in a row), tables and pictures, in order.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Block {
    Text(Vec<Para>),
    Table(Table),
    Picture(Img),
}

/// The deepest outline level PowerPoint has (levels 1–9).
const MAX_LEVEL: u8 = 8;

#[derive(Default)]
struct Reader {
    blocks: Vec<Block>,
    paras: Vec<Para>,
    current: Option<Para>,
    /// Open lists: ordered, next number.
    lists: Vec<(bool, u64)>,
    /// The item just opened has not had its first paragraph yet.
    item_fresh: bool,
    quote: usize,
    pre: bool,
    heading: bool,
    footnote: usize,
    bold: usize,
    italic: usize,
    code: usize,
    sup: usize,
    links: Vec<Option<String>>,
    table: Option<Table>,
    /// In a table cell (text goes to the last cell).
    cell: bool,
    in_thead: bool,
    /// Elements whose text is not shown (`<img>` has none; `<svg>`, `<style>` …).
    hidden: usize,
}

/// Reads speaker notes (sanitised HTML).
pub(super) fn read(html: &str) -> Vec<Block> {
    let mut r = Reader::default();
    for piece in pieces(html) {
        match piece {
            Piece::Start(tag) => r.start(&tag.name, &tag, tag.opens()),
            Piece::End(name) => r.end(&name),
            Piece::Text(t) => r.text(&t),
        }
    }
    r.flush();
    r.flush_text();
    r.blocks
}

/// A slide body's blocks from its block tree ([`crate::render::slides::plan::SectionPart::blocks`]);
/// `continues_item`: the body starts with the rest of a point cut on the slide before.
pub(super) fn of_tree(nodes: &[Node], continues_item: bool) -> Vec<Block> {
    let mut out = Layout::default();
    out.nodes(nodes, Place::default());
    out.flush_text();
    if continues_item
        && let Some(Block::Text(paras)) = out.blocks.first_mut()
        && let Some(p) = paras.first_mut()
    {
        p.bullet = Bullet::None;
    }
    out.blocks
}

/// Where in the tree the blocks being laid out are.
#[derive(Debug, Clone, Copy, Default)]
struct Place {
    /// Lists open around them.
    lists: usize,
    quote: bool,
    /// The marker the next paragraph gets (the first of a list item).
    bullet: Option<Bullet>,
}

impl Place {
    fn level(&self) -> u8 {
        self.lists.saturating_sub(1).min(usize::from(MAX_LEVEL)) as u8
    }
}

/// The blocks laid out so far, and the paragraphs since the last table or picture.
#[derive(Default)]
struct Layout {
    blocks: Vec<Block>,
    paras: Vec<Para>,
}

impl Layout {
    fn nodes(&mut self, nodes: &[Node], mut at: Place) {
        for node in nodes {
            self.node(node, &mut at);
        }
    }

    fn node(&mut self, node: &Node, at: &mut Place) {
        match node {
            Node::Paragraph(text) => self.text(&text.inlines, at, Style::Normal),
            Node::Heading(_, text) => self.text(&text.inlines, at, Style::Heading),
            Node::Code(code) => {
                let code = code.strip_suffix('\n').unwrap_or(code);
                let mut runs = Vec::new();
                for (i, line) in code.split('\n').enumerate() {
                    if i > 0 {
                        runs.push(Run {
                            br: true,
                            ..Run::default()
                        });
                    }
                    if !line.is_empty() {
                        runs.push(Run {
                            text: line.to_string(),
                            code: true,
                            ..Run::default()
                        });
                    }
                }
                self.para(runs, at, Style::Code);
            }
            Node::List(start, items) => {
                for (i, item) in items.iter().enumerate() {
                    let bullet = match start {
                        Some(n) => Bullet::Number(n + i as u64),
                        None => Bullet::Disc,
                    };
                    let inner = Place {
                        lists: at.lists + 1,
                        bullet: Some(bullet),
                        ..*at
                    };
                    self.nodes(item, inner);
                }
            }
            Node::Quote(inner) => self.nodes(inner, Place { quote: true, ..*at }),
            Node::Table(table) => {
                self.flush_text();
                let mut rows: Vec<Vec<Vec<Run>>> = table
                    .rows
                    .iter()
                    .map(|row| {
                        row.iter()
                            .map(|cell| {
                                let mut runs = Vec::new();
                                for inline in &cell.inlines {
                                    push_inline(&mut runs, inline, false);
                                }
                                trim(&mut runs);
                                runs
                            })
                            .collect()
                    })
                    .collect();
                rows.retain(|r| !r.is_empty());
                if !rows.is_empty() {
                    self.blocks.push(Block::Table(Table {
                        rows,
                        header: 1,
                        align: table.align.iter().map(|&a| algn(a)).collect(),
                    }));
                }
            }
            Node::Rule => {}
            Node::Footnote(n, inner) => {
                // The note's number, then its paragraphs' text in one paragraph.
                let mut runs = vec![Run {
                    text: n.to_string(),
                    sup: true,
                    ..Run::default()
                }];
                for block in inner {
                    if let Node::Paragraph(text) = block {
                        append(&mut runs, plain(" "));
                        for inline in &text.inlines {
                            push_inline(&mut runs, inline, false);
                        }
                    }
                }
                self.para(runs, at, Style::Note);
            }
        }
    }

    /// A block's text as a paragraph, its pictures as blocks between the text around them.
    fn text(&mut self, inlines: &[Inline], at: &mut Place, style: Style) {
        let mut runs = Vec::new();
        for inline in inlines {
            if let Inline::Picture(figure) = inline {
                self.para(std::mem::take(&mut runs), at, style);
                self.flush_text();
                self.blocks.push(Block::Picture(Img {
                    src: figure.picture.url(FROM_DECK),
                    alt: figure.alt.clone(),
                    max_height: figure.max_height,
                    level: at.level(),
                    in_list: at.lists > 0,
                }));
            } else {
                push_inline(&mut runs, inline, style == Style::Heading);
            }
        }
        self.para(runs, at, style);
    }

    /// A paragraph of `runs`, unless it is empty; the first of an item gets its marker.
    fn para(&mut self, mut runs: Vec<Run>, at: &mut Place, style: Style) {
        if style != Style::Code {
            trim(&mut runs);
        }
        if runs.is_empty() {
            return;
        }
        self.paras.push(Para {
            level: at.level(),
            in_list: at.lists > 0,
            bullet: at.bullet.take().unwrap_or(Bullet::None),
            style,
            quote: at.quote,
            runs,
        });
    }

    /// Ends the run of paragraphs (before a table or a picture).
    fn flush_text(&mut self) {
        if !self.paras.is_empty() {
            self.blocks
                .push(Block::Text(std::mem::take(&mut self.paras)));
        }
    }
}

/// DrawingML's `algn` for a column the Markdown aligns so.
fn algn(a: Alignment) -> &'static str {
    match a {
        Alignment::None | Alignment::Left => "l",
        Alignment::Center => "ctr",
        Alignment::Right => "r",
    }
}

fn plain(text: &str) -> Run {
    Run {
        text: text.to_string(),
        ..Run::default()
    }
}

/// Adds a piece of the tree's text to `runs`: white space collapsed as HTML
/// shows it, a picture as its text alternative, a footnote reference raised.
fn push_inline(runs: &mut Vec<Run>, inline: &Inline, bold: bool) {
    let run = match inline {
        Inline::Run(tree::Run {
            text,
            bold: b,
            italic,
            code,
            link,
        }) => Run {
            text: collapsed(text),
            bold: *b || bold,
            italic: *italic,
            code: *code,
            link: link.clone(),
            ..Run::default()
        },
        Inline::Break => Run {
            br: true,
            ..Run::default()
        },
        Inline::Note(n) => Run {
            text: n.to_string(),
            bold,
            sup: true,
            ..Run::default()
        },
        Inline::Picture(figure) if figure.alt.is_empty() => return,
        Inline::Picture(figure) => Run {
            text: collapsed(&figure.alt),
            bold,
            ..Run::default()
        },
    };
    append(runs, run);
}

/// `text` with each run of white space one space, as HTML shows it.
fn collapsed(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if c.is_ascii_whitespace() {
            space = true;
        } else {
            if space {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    if space {
        out.push(' ');
    }
    out
}

impl Reader {
    fn start(&mut self, name: &str, tag: &crate::html::Tag, opens: bool) {
        if self.hidden > 0 {
            if opens {
                self.hidden += 1;
            }
            return;
        }
        match name {
            "p" if self.footnote > 0 => self.push_text(" "),
            "p" | "dt" | "dd" => self.flush(),
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                self.flush();
                self.heading = true;
            }
            "ul" | "ol" => {
                self.flush();
                let start = tag.attr("start").and_then(|s| s.parse().ok()).unwrap_or(1);
                self.lists.push((name == "ol", start));
            }
            "li" => {
                self.flush();
                self.item_fresh = true;
            }
            "blockquote" => {
                self.flush();
                self.quote += 1;
            }
            "pre" => {
                self.flush();
                self.pre = true;
            }
            "div"
                if tag
                    .attr("class")
                    .is_some_and(|c| c.contains("footnote-definition")) =>
            {
                self.flush();
                self.footnote += 1;
            }
            "div" if self.footnote > 0 => self.footnote += 1,
            "div" | "section" | "hr" | "figure" => self.flush(),
            "table" => {
                self.flush();
                self.flush_text();
                self.table = Some(Table::default());
            }
            "thead" => self.in_thead = true,
            "tr" => {
                if let Some(t) = &mut self.table {
                    t.rows.push(Vec::new());
                    if self.in_thead {
                        t.header = t.rows.len();
                    }
                }
            }
            "th" | "td" => {
                if let Some(row) = self.table.as_mut().and_then(|t| t.rows.last_mut()) {
                    row.push(Vec::new());
                    self.cell = true;
                }
            }
            "br" => self.push_run(Run {
                br: true,
                ..Run::default()
            }),
            "strong" | "b" => self.bold += 1,
            "em" | "i" => self.italic += 1,
            "code" | "kbd" | "samp" => self.code += 1,
            "sup" => self.sup += 1,
            "a" => self.links.push(tag.attr("href").map(str::to_string)),
            "img" => self.picture(tag),
            "svg" | "style" | "script" | "template" | "math" if opens => self.hidden = 1,
            _ => {}
        }
    }

    fn end(&mut self, name: &str) {
        if self.hidden > 0 {
            self.hidden -= 1;
            return;
        }
        match name {
            "p" if self.footnote > 0 => {}
            "p" | "dt" | "dd" | "li" | "pre" => {
                self.flush();
                self.pre = false;
            }
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                self.flush();
                self.heading = false;
            }
            "ul" | "ol" => {
                self.flush();
                self.lists.pop();
            }
            "blockquote" => {
                self.flush();
                self.quote = self.quote.saturating_sub(1);
            }
            "div" if self.footnote > 0 => {
                self.footnote -= 1;
                if self.footnote == 0 {
                    self.flush();
                }
            }
            "div" | "section" => self.flush(),
            "thead" => self.in_thead = false,
            "th" | "td" => self.cell = false,
            "table" => {
                self.cell = false;
                if let Some(mut t) = self.table.take() {
                    for row in &mut t.rows {
                        for cell in row {
                            trim(cell);
                        }
                    }
                    t.rows.retain(|r| !r.is_empty());
                    if !t.rows.is_empty() {
                        self.blocks.push(Block::Table(t));
                    }
                }
            }
            "strong" | "b" => self.bold = self.bold.saturating_sub(1),
            "em" | "i" => self.italic = self.italic.saturating_sub(1),
            "code" | "kbd" | "samp" => self.code = self.code.saturating_sub(1),
            "sup" => self.sup = self.sup.saturating_sub(1),
            "a" => {
                self.links.pop();
            }
            _ => {}
        }
    }

    fn text(&mut self, text: &str) {
        if self.hidden > 0 {
            return;
        }
        if self.pre {
            // Code keeps its lines: each line break a break in the paragraph.
            let text = text.strip_suffix('\n').unwrap_or(text);
            for (i, line) in text.split('\n').enumerate() {
                if i > 0 {
                    self.push_run(Run {
                        br: true,
                        ..Run::default()
                    });
                }
                if !line.is_empty() {
                    self.push_text(line);
                }
            }
            return;
        }
        let collapsed = collapsed(text);
        let open = if self.cell {
            true
        } else {
            self.current.is_some()
        };
        if !open && collapsed.trim().is_empty() {
            return;
        }
        self.push_text(&collapsed);
    }

    fn push_text(&mut self, text: &str) {
        let run = Run {
            text: text.to_string(),
            bold: self.bold > 0 || self.heading,
            italic: self.italic > 0,
            code: self.code > 0 || self.pre,
            sup: self.sup > 0,
            link: self.links.iter().rev().flatten().next().cloned(),
            br: false,
        };
        self.push_run(run);
    }

    fn push_run(&mut self, run: Run) {
        if self.cell {
            if let Some(cell) = self
                .table
                .as_mut()
                .and_then(|t| t.rows.last_mut())
                .and_then(|r| r.last_mut())
            {
                append(cell, run);
            }
            return;
        }
        if self.table.is_some() {
            return;
        }
        if self.current.is_none() {
            let in_list = !self.lists.is_empty();
            let level = (self.lists.len().saturating_sub(1)).min(usize::from(MAX_LEVEL)) as u8;
            let bullet = if in_list && self.item_fresh {
                self.item_fresh = false;
                match self.lists.last_mut() {
                    Some((true, n)) => {
                        let b = Bullet::Number(*n);
                        *n += 1;
                        b
                    }
                    _ => Bullet::Disc,
                }
            } else {
                Bullet::None
            };
            let style = if self.pre {
                Style::Code
            } else if self.heading {
                Style::Heading
            } else if self.footnote > 0 {
                Style::Note
            } else {
                Style::Normal
            };
            self.current = Some(Para {
                level,
                in_list,
                bullet,
                style,
                quote: self.quote > 0,
                runs: Vec::new(),
            });
        }
        if let Some(p) = &mut self.current {
            append(&mut p.runs, run);
        }
    }

    /// A picture: a block of its own between the text before and after it,
    /// or its text alternative in a table cell.
    fn picture(&mut self, tag: &crate::html::Tag) {
        let Some(src) = tag.attr("src") else { return };
        let alt = tag.attr("alt").unwrap_or_default();
        if self.table.is_some() {
            if self.cell && !alt.is_empty() {
                self.push_text(alt);
            }
            return;
        }
        self.flush();
        self.flush_text();
        let max_height = tag
            .attr("style")
            .and_then(crate::render::slides::geometry::shared_height);
        self.blocks.push(Block::Picture(Img {
            src: src.to_string(),
            alt: alt.to_string(),
            max_height,
            level: (self.lists.len().saturating_sub(1)).min(usize::from(MAX_LEVEL)) as u8,
            in_list: !self.lists.is_empty(),
        }));
    }

    /// Ends the paragraph being read.
    fn flush(&mut self) {
        if let Some(mut p) = self.current.take() {
            if p.style != Style::Code {
                trim(&mut p.runs);
            }
            if !p.runs.is_empty() {
                self.paras.push(p);
            }
        }
    }

    /// Ends the run of paragraphs (before a table).
    fn flush_text(&mut self) {
        if !self.paras.is_empty() {
            self.blocks
                .push(Block::Text(std::mem::take(&mut self.paras)));
        }
    }
}

/// Adds `run` to `runs`, joined to the last one when it has the same style;
/// a space after a space (across two elements) is one space, as in HTML.
fn append(runs: &mut Vec<Run>, mut run: Run) {
    if !run.code
        && run.text.starts_with(' ')
        && runs.last().is_none_or(|l| l.br || l.text.ends_with(' '))
    {
        run.text.remove(0);
        if run.text.is_empty() {
            return;
        }
    }
    if let Some(last) = runs.last_mut()
        && !last.br
        && !run.br
        && same_style(last, &run)
    {
        last.text.push_str(&run.text);
        return;
    }
    runs.push(run);
}

fn same_style(a: &Run, b: &Run) -> bool {
    (a.bold, a.italic, a.code, a.sup, &a.link) == (b.bold, b.italic, b.code, b.sup, &b.link)
}

/// Drops the spaces at the start and end of a paragraph or cell.
fn trim(runs: &mut Vec<Run>) {
    if let Some(first) = runs.iter_mut().find(|r| !r.br) {
        first.text = first.text.trim_start().to_string();
    }
    if let Some(last) = runs.iter_mut().rev().find(|r| !r.br) {
        last.text = last.text.trim_end().to_string();
    }
    runs.retain(|r| r.br || !r.text.is_empty());
    while runs.last().is_some_and(|r| r.br) {
        runs.pop();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;
    use crate::model::images::PictureLinks;

    fn texts(blocks: &[Block]) -> Vec<(u8, Bullet, String)> {
        blocks
            .iter()
            .flat_map(|b| match b {
                Block::Text(p) => p.iter().map(|p| (p.level, p.bullet, p.plain())).collect(),
                Block::Table(_) => vec![(0, Bullet::None, "<table>".into())],
                Block::Picture(i) => vec![(i.level, Bullet::None, format!("<img {}>", i.alt))],
            })
            .collect()
    }

    /// A slide body of `md`, as the plan's tree gives it.
    fn slide(md: &str, continues_item: bool) -> Vec<Block> {
        let nodes = tree::body(md, Lang::Sv, &PictureLinks::deck(&[], Some(240.0)));
        of_tree(&nodes, continues_item)
    }

    #[test]
    fn nested_lists_get_outline_levels_and_numbers() {
        let md = "- Utveckla\n  - samverkan   runt avvikelser\n  - projekt &amp; röntgen\n- Assistans\n\n3. tre\n4. fyra\n";
        assert_eq!(
            texts(&slide(md, false)),
            vec![
                (0, Bullet::Disc, "Utveckla".into()),
                (1, Bullet::Disc, "samverkan runt avvikelser".into()),
                (1, Bullet::Disc, "projekt & röntgen".into()),
                (0, Bullet::Disc, "Assistans".into()),
                (0, Bullet::Number(3), "tre".into()),
                (0, Bullet::Number(4), "fyra".into()),
            ]
        );
    }

    #[test]
    fn loose_items_paragraphs_and_styles() {
        let md = "Intro **fet** [länk](https://x.se)\n\n- a\n\n  b\n";
        let blocks = slide(md, false);
        assert_eq!(
            texts(&blocks),
            vec![
                (0, Bullet::None, "Intro fet länk".into()),
                (0, Bullet::Disc, "a".into()),
                (0, Bullet::None, "b".into()),
            ]
        );
        let Block::Text(paras) = &blocks[0] else {
            panic!()
        };
        assert!(paras[0].runs[1].bold);
        assert_eq!(paras[0].runs[3].link.as_deref(), Some("https://x.se"));
        assert!(!paras[0].in_list && paras[1].in_list && paras[2].in_list);
    }

    #[test]
    fn tables_split_the_text_and_keep_their_header_and_alignment() {
        let md = "före\n\n| År | Antal | Mitt |\n|---|--:|:-:|\n| 2021 | 12 | x |\n\nefter\n";
        let blocks = slide(md, false);
        assert_eq!(blocks.len(), 3);
        let Block::Table(t) = &blocks[1] else {
            panic!()
        };
        assert_eq!(t.header, 1);
        assert_eq!(t.rows.len(), 2);
        assert_eq!(t.rows[1][0][0].text, "2021");
        assert_eq!((t.align(0), t.align(1), t.align(2)), ("l", "r", "ctr"));
    }

    #[test]
    fn a_continued_point_has_no_bullet_and_footnotes_are_one_paragraph() {
        let md = "- resten\n- nästa[^x]\n\n[^x]: Noten.\n";
        let blocks = slide(md, true);
        let t = texts(&blocks);
        assert_eq!(t[0], (0, Bullet::None, "resten".into()));
        assert_eq!(t[1].2, "nästa1");
        assert_eq!(t[2].2, "1 Noten.");
        let Block::Text(paras) = &blocks[0] else {
            panic!()
        };
        assert_eq!(paras[2].style, Style::Note);
        assert!(paras[1].runs[1].sup);
    }

    #[test]
    fn an_image_that_is_no_picture_of_the_year_is_its_text() {
        let blocks = slide("Före ![Karta](karta.png) efter\n", false);
        assert_eq!(
            texts(&blocks),
            vec![(0, Bullet::None, "Före Karta efter".into())]
        );
    }

    #[test]
    fn code_keeps_its_lines() {
        let blocks = slide("```\na  b\nc\n```\n", false);
        let Block::Text(paras) = &blocks[0] else {
            panic!()
        };
        assert_eq!(paras.len(), 1);
        assert_eq!(paras[0].style, Style::Code);
        assert_eq!(paras[0].runs.len(), 3);
        assert_eq!(paras[0].runs[0].text, "a  b");
        assert!(paras[0].runs[1].br);
    }

    #[test]
    fn notes_are_read_from_their_html() {
        let html =
            "<p>Säg <strong>detta</strong> &amp; det</p>\n<ul>\n<li>ett</li>\n<li>två</li>\n</ul>";
        assert_eq!(
            texts(&read(html)),
            vec![
                (0, Bullet::None, "Säg detta & det".into()),
                (0, Bullet::Disc, "ett".into()),
                (0, Bullet::Disc, "två".into()),
            ]
        );
    }
}
