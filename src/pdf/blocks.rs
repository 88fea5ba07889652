//! A slide's or a section's block tree ([`crate::render::slides::tree`]) as
//! the PDF's blocks: paragraphs of styled runs, headings, lists, tables with
//! their columns' alignment, quotes, code, footnotes, pictures.
//!
//! The tree is built from the same Markdown events as the HTML, with the same
//! Swedish quotation marks, link rules and footnote numbers, so the PDF says
//! what the page says. A picture of the year folder in a paragraph or a list
//! item's text is a [`Block::Picture`] of its own between the text before and
//! after it (the stylesheets set it as a block); in a heading or a table cell,
//! or an image that is no picture of the year, it is its text alternative.

use pulldown_cmark::Alignment;

use crate::charts::theme::Rgb;
use crate::lang::Lang;
use crate::model::images::PictureLinks;
use crate::model::{Picture, SectionText};
use crate::render::slides::tree::{self, Inline, Node, Text};

use super::fonts::Style;
use super::layout::{Align, Span, Target};

/// One block of a section's text.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Block {
    /// A heading; level 1 is the Markdown's `#`.
    Heading(u8, Vec<Span>),
    Para(Vec<Span>),
    /// A list: its first number when ordered, and its items.
    List(Option<u64>, Vec<Vec<Block>>),
    Table(Table),
    Quote(Vec<Block>),
    Code(String),
    Rule,
    /// A footnote's number and text.
    Footnote(usize, Vec<Block>),
    /// A picture and its text alternative (empty for a decorative one); on a
    /// slide, the height it may take when it shares its block with other
    /// pictures (design px, as the deck page's `max-height`).
    Picture(Picture, String, Option<f32>),
}

/// A table: the header row and the body rows, each cell a run list, and how
/// each column is aligned.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Table {
    pub(super) head: Vec<Vec<Span>>,
    pub(super) rows: Vec<Vec<Vec<Span>>>,
    pub(super) align: Vec<Align>,
}

impl Table {
    /// How column `i` is aligned (a column the delimiter row does not name: left).
    pub(super) fn align(&self, i: usize) -> Align {
        self.align.get(i).copied().unwrap_or_default()
    }
}

/// Colours the blocks are drawn in.
#[derive(Debug, Clone, Copy)]
pub(super) struct Ink {
    pub(super) text: Rgb,
    pub(super) link: Rgb,
    pub(super) code: Rgb,
}

const SAFE_SCHEMES: [&str; 4] = ["http://", "https://", "mailto:", "tel:"];

/// The blocks of a section's `text` (written in `lang`), which may show the year's `pictures`.
pub(super) fn parse(text: &SectionText, lang: Lang, ink: Ink, pictures: &[Picture]) -> Vec<Block> {
    let nodes = tree::body(&text.markdown, lang, &PictureLinks::report(pictures));
    of_tree(&nodes, ink)
}

/// The blocks of a block tree.
pub(super) fn of_tree(nodes: &[Node], ink: Ink) -> Vec<Block> {
    let mut out = Vec::new();
    for node in nodes {
        match node {
            Node::Paragraph(text) => paragraph(text, ink, &mut out),
            Node::Heading(level, text) => out.push(Block::Heading(*level, spans(text, ink))),
            Node::List(start, items) => out.push(Block::List(
                *start,
                items.iter().map(|item| of_tree(item, ink)).collect(),
            )),
            Node::Quote(inner) => out.push(Block::Quote(of_tree(inner, ink))),
            Node::Table(table) => {
                let mut rows = table
                    .rows
                    .iter()
                    .map(|row| row.iter().map(|cell| spans(cell, ink)).collect::<Vec<_>>());
                out.push(Block::Table(Table {
                    head: rows.next().unwrap_or_default(),
                    rows: rows.collect(),
                    align: table.align.iter().map(|&a| align(a)).collect(),
                }));
            }
            Node::Code(code) => out.push(Block::Code(code.trim_end().to_string())),
            Node::Rule => out.push(Block::Rule),
            Node::Footnote(n, inner) => out.push(Block::Footnote(*n, of_tree(inner, ink))),
        }
    }
    out
}

/// A column's alignment in the Markdown as the PDF sets it.
fn align(a: Alignment) -> Align {
    match a {
        Alignment::None | Alignment::Left => Align::Left,
        Alignment::Center => Align::Centre,
        Alignment::Right => Align::Right,
    }
}

/// A paragraph's text as paragraphs, with its pictures as blocks between them.
fn paragraph(text: &Text, ink: Ink, out: &mut Vec<Block>) {
    let mut runs = Vec::new();
    for inline in &text.inlines {
        if let Inline::Picture(figure) = inline {
            push_para(&mut runs, out);
            out.push(Block::Picture(
                figure.picture.clone(),
                figure.alt.clone(),
                figure.max_height,
            ));
        } else {
            push_span(&mut runs, inline, ink);
        }
    }
    push_para(&mut runs, out);
}

fn push_para(runs: &mut Vec<Span>, out: &mut Vec<Block>) {
    let spans = trimmed(std::mem::take(runs));
    if !spans.is_empty() {
        out.push(Block::Para(spans));
    }
}

/// A text as one run list, its pictures as their text alternatives.
fn spans(text: &Text, ink: Ink) -> Vec<Span> {
    let mut runs = Vec::new();
    for inline in &text.inlines {
        push_span(&mut runs, inline, ink);
    }
    trimmed(runs)
}

fn push_span(runs: &mut Vec<Span>, inline: &Inline, ink: Ink) {
    let (text, style, color, link) = match inline {
        Inline::Run(run) => {
            let link = run
                .link
                .as_ref()
                .filter(|l| SAFE_SCHEMES.iter().any(|s| l.starts_with(s)))
                .map(|l| Target::Uri(l.clone()));
            let color = if run.code {
                ink.code
            } else if link.is_some() {
                ink.link
            } else {
                ink.text
            };
            let style = Style::Regular.bold(run.bold).italic(run.italic);
            (run.text.as_str(), style, color, link)
        }
        Inline::Break => ("\n", Style::Regular, ink.text, None),
        Inline::Note(n) => {
            return push_span(
                runs,
                &Inline::Run(tree::Run {
                    text: format!("[{n}]"),
                    ..tree::Run::default()
                }),
                ink,
            );
        }
        Inline::Picture(figure) => (figure.alt.as_str(), Style::Regular, ink.text, None),
    };
    if let Some(last) = runs.last_mut()
        && last.style == style
        && last.color == color
        && last.link == link
    {
        last.text.push_str(text);
        return;
    }
    let mut span = Span::new(text, style, color);
    span.link = link;
    runs.push(span);
}

/// Runs without leading or trailing white space, empty runs dropped.
fn trimmed(mut spans: Vec<Span>) -> Vec<Span> {
    if let Some(first) = spans.first_mut() {
        first.text = first.text.trim_start().to_string();
    }
    if let Some(last) = spans.last_mut() {
        last.text = last.text.trim_end().to_string();
    }
    spans.retain(|s| !s.text.is_empty());
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    const INK: Ink = Ink {
        text: Rgb(0, 0, 0),
        link: Rgb(0, 0, 255),
        code: Rgb(9, 9, 9),
    };

    fn section(md: &str) -> SectionText {
        let source = format!("---\ntitle: T\n---\n{md}");
        SectionText {
            title: "T".into(),
            body: crate::model::Html::trusted(String::new()),
            markdown: md.to_string(),
            file: "content/2021/01-a.sv.md".into(),
            removed_unsafe: false,
            notes: None,
            body_offset: source.len() - md.len(),
            source_text: source.into(),
        }
    }

    fn text(spans: &[Span]) -> String {
        spans.iter().map(|s| s.text.as_str()).collect()
    }

    #[test]
    fn lists_paragraphs_styles_and_links() {
        let md = "Ett *två* **tre** [länk](https://a.se) [js](javascript:x) “citat” `kod`\n\n- a\n- b\n  1. c\n\n| A | B |\n|---|--:|\n| 1 | 2 |\n";
        let blocks = parse(&section(md), Lang::Sv, INK, &[]);
        let Block::Para(p) = &blocks[0] else {
            panic!("{blocks:?}")
        };
        assert_eq!(text(p), "Ett två tre länk js ”citat” kod");
        assert!(
            p.iter()
                .any(|s| s.style == Style::Italic && s.text == "två")
        );
        assert!(p.iter().any(|s| s.style == Style::Bold && s.text == "tre"));
        assert!(
            p.iter()
                .any(|s| s.text == "länk" && s.link == Some(Target::Uri("https://a.se".into())))
        );
        assert!(p.iter().all(|s| s.text != "js" || s.link.is_none()));
        assert!(p.iter().any(|s| s.text == "kod" && s.color == INK.code));
        let Block::List(None, items) = &blocks[1] else {
            panic!("{blocks:?}")
        };
        assert_eq!(items.len(), 2);
        assert!(matches!(&items[1][1], Block::List(Some(1), inner) if inner.len() == 1));
        let Block::Table(table) = &blocks[2] else {
            panic!("{blocks:?}")
        };
        assert_eq!(
            (text(&table.head[1]), text(&table.rows[0][0])),
            ("B".into(), "1".into())
        );
        assert_eq!(
            (table.align(0), table.align(1)),
            (Align::Left, Align::Right)
        );
    }

    #[test]
    fn an_image_that_is_no_picture_of_the_year_is_its_text_alternative() {
        let blocks = parse(
            &section("Text\n\n![Karta över området](a.png)\n"),
            Lang::Sv,
            INK,
            &[],
        );
        assert!(
            matches!(&blocks[1], Block::Para(p) if text(p) == "Karta över området"),
            "{blocks:?}"
        );
    }

    #[test]
    fn footnotes_keep_the_numbers_the_page_gives_them_and_raw_html_its_text() {
        let md = "Text[^b] och[^a].\n\n<div>dold &amp; <b>fet</b><script>x()</script></div>\n\n[^a]: A.\n\n[^b]: B.\n";
        let blocks = parse(&section(md), Lang::En, INK, &[]);
        assert!(
            matches!(&blocks[0], Block::Para(p) if text(p) == "Text[1] och[2]."),
            "{blocks:?}"
        );
        assert!(
            matches!(&blocks[1], Block::Para(p) if text(p) == "dold & fet" && p[1].style == Style::Bold),
            "{blocks:?}"
        );
        assert!(
            matches!(&blocks[2], Block::Footnote(2, inner) if matches!(&inner[0], Block::Para(p) if text(p) == "A.")),
            "{blocks:?}"
        );
    }
}
