//! A slide body as the PDF's blocks. The slide plan gives each slide's body as
//! the HTML the deck page shows (rendered and sanitised from the section's
//! Markdown, cut where the plan cut it), so the PDF deck reads that HTML, with
//! html5ever's tokenizer ([`crate::html`]), instead of splitting the Markdown
//! again: the PDF slide says exactly what the HTML slide says.
//!
//! Only the elements the Markdown renderer writes are understood; any other
//! element keeps its text. A picture of the year folder (`<img>`, which the
//! deck's stylesheet sets as a block) is a [`Block::Picture`] of its own
//! between the text before and after it; in a heading or a table cell, or an
//! image that is no picture of the year, it is its text alternative.

use crate::charts::theme::Rgb;
use crate::html::{Piece, pieces};
use crate::model::Picture;
use crate::model::images::FROM_DECK;

use super::blocks::{Block, Ink};
use super::fonts::Style;
use super::layout::{Span, Target};

const SAFE_SCHEMES: [&str; 4] = ["http://", "https://", "mailto:", "tel:"];

enum Frame {
    Root(Vec<Block>),
    Heading(u8),
    Para,
    List(Option<u64>, Vec<Vec<Block>>),
    Item(Vec<Block>),
    Quote(Vec<Block>),
    Code(String),
    Table(Vec<Vec<Span>>, Vec<Vec<Vec<Span>>>, bool),
    Row(Vec<Vec<Span>>),
    Cell,
    Footnote(usize, Vec<Block>),
}

/// Which inline run an open element starts (popped by its end tag).
enum Inline {
    Style,
    Link,
    Other,
}

struct Builder<'p> {
    ink: Ink,
    /// The year's pictures, which the `<img>` elements name.
    pictures: &'p [Picture],
    stack: Vec<Frame>,
    inline: Vec<Span>,
    style: Vec<Style>,
    links: Vec<Option<Target>>,
    open: Vec<(String, Inline)>,
    code: usize,
    in_head: bool,
}

/// The blocks of a slide body's HTML, which may show the year's `pictures`.
pub(crate) fn parse(html: &str, ink: Ink, pictures: &[Picture]) -> Vec<Block> {
    let mut b = Builder {
        ink,
        pictures,
        stack: vec![Frame::Root(Vec::new())],
        inline: Vec::new(),
        style: Vec::new(),
        links: Vec::new(),
        open: Vec::new(),
        code: 0,
        in_head: false,
    };
    for piece in pieces(html) {
        match piece {
            Piece::Text(t) => b.text(&t),
            Piece::Start(tag) => b.start(&tag),
            Piece::End(name) => b.end(&name),
        }
    }
    b.flush();
    while b.stack.len() > 1 {
        b.close_top();
    }
    match b.stack.pop() {
        Some(Frame::Root(blocks)) => blocks,
        _ => Vec::new(),
    }
}

impl Builder<'_> {
    fn text(&mut self, text: &str) {
        if let Some(Frame::Code(code)) = self.stack.last_mut() {
            code.push_str(text);
            return;
        }
        // Outside a paragraph, white space between block tags is no text.
        let loose = matches!(
            self.stack.last(),
            Some(
                Frame::Root(_)
                    | Frame::List(..)
                    | Frame::Item(_)
                    | Frame::Quote(_)
                    | Frame::Table(..)
                    | Frame::Row(_)
                    | Frame::Footnote(..)
            )
        );
        if loose && text.trim().is_empty() && self.inline.is_empty() {
            return;
        }
        let text = text.replace(['\n', '\t'], " ");
        self.push(&text, None);
    }

    fn push(&mut self, text: &str, color: Option<Rgb>) {
        let style = self.style.last().copied().unwrap_or(Style::Regular);
        let link = self.links.iter().rev().find_map(Clone::clone);
        let color = color.unwrap_or(if self.code > 0 {
            self.ink.code
        } else if link.is_some() {
            self.ink.link
        } else {
            self.ink.text
        });
        if let Some(last) = self.inline.last_mut()
            && last.style == style
            && last.color == color
            && last.link == link
        {
            last.text.push_str(text);
            return;
        }
        let mut span = Span::new(text, style, color);
        span.link = link;
        self.inline.push(span);
    }

    fn flush(&mut self) {
        if self.inline.iter().any(|s| !s.text.trim().is_empty()) {
            let spans = trimmed(std::mem::take(&mut self.inline));
            self.block(Block::Para(spans));
        }
        self.inline.clear();
    }

    fn block(&mut self, block: Block) {
        match self.stack.last_mut() {
            Some(
                Frame::Root(blocks)
                | Frame::Item(blocks)
                | Frame::Quote(blocks)
                | Frame::Footnote(_, blocks),
            ) => blocks.push(block),
            _ => {
                if let Some(Frame::Root(blocks)) = self.stack.first_mut() {
                    blocks.push(block);
                }
            }
        }
    }

    fn start(&mut self, tag: &crate::html::Tag) {
        let current = self.style.last().copied().unwrap_or(Style::Regular);
        let name = tag.name.as_str();
        match name {
            "p" => {
                self.flush();
                self.stack.push(Frame::Para);
            }
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                self.flush();
                let level = name[1..].parse().unwrap_or(1);
                self.stack.push(Frame::Heading(level));
            }
            "blockquote" => {
                self.flush();
                self.stack.push(Frame::Quote(Vec::new()));
            }
            "pre" => {
                self.flush();
                self.stack.push(Frame::Code(String::new()));
            }
            "ul" | "ol" => {
                self.flush();
                let start = (name == "ol")
                    .then(|| tag.attr("start").and_then(|s| s.parse().ok()).unwrap_or(1));
                self.stack.push(Frame::List(start, Vec::new()));
            }
            "li" => {
                self.flush();
                self.stack.push(Frame::Item(Vec::new()));
            }
            "div" if tag.attr("class") == Some("footnote-definition") => {
                self.flush();
                self.stack.push(Frame::Footnote(0, Vec::new()));
            }
            "sup" if tag.attr("class") == Some("footnote-definition-label") => {
                self.open.push((name.to_string(), Inline::Other));
                self.stack.push(Frame::Cell);
            }
            "table" => {
                self.flush();
                self.stack.push(Frame::Table(Vec::new(), Vec::new(), false));
            }
            "thead" => {
                if let Some(Frame::Table(_, _, head)) = self.stack.last_mut() {
                    *head = true;
                }
                self.in_head = true;
            }
            "tbody" => self.in_head = false,
            "tr" => self.stack.push(Frame::Row(Vec::new())),
            "th" | "td" => self.stack.push(Frame::Cell),
            "hr" => {
                self.flush();
                self.block(Block::Rule);
            }
            "br" => self.push("\n", None),
            "img" => self.picture(tag),
            "strong" | "b" => {
                self.style.push(current.bold(true));
                self.open.push((name.to_string(), Inline::Style));
            }
            "em" | "i" => {
                self.style.push(current.italic(true));
                self.open.push((name.to_string(), Inline::Style));
            }
            "code" => {
                self.code += 1;
                self.open.push((name.to_string(), Inline::Other));
            }
            "a" => {
                let href = tag.attr("href").unwrap_or_default();
                let safe = SAFE_SCHEMES.iter().any(|s| href.starts_with(s));
                self.links.push(safe.then(|| Target::Uri(href.to_string())));
                self.open.push((name.to_string(), Inline::Link));
            }
            "sup" if tag.attr("class") == Some("footnote-reference") => {
                self.push("[", None);
                self.open.push(("sup-ref".to_string(), Inline::Other));
            }
            _ => {}
        }
    }

    fn end(&mut self, name: &str) {
        match name {
            "p" => {
                if matches!(self.stack.last(), Some(Frame::Para)) {
                    self.stack.pop();
                }
                let spans = trimmed(std::mem::take(&mut self.inline));
                if !spans.is_empty() {
                    self.block(Block::Para(spans));
                }
            }
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                if let Some(Frame::Heading(level)) = self.stack.last() {
                    let level = *level;
                    self.stack.pop();
                    let spans = trimmed(std::mem::take(&mut self.inline));
                    self.block(Block::Heading(level, spans));
                }
            }
            "pre" => {
                if let Some(Frame::Code(code)) = self.stack.last_mut() {
                    let code = code.trim_end().to_string();
                    self.stack.pop();
                    self.block(Block::Code(code));
                }
            }
            "blockquote" | "li" | "ul" | "ol" | "table" | "div" => {
                self.flush();
                let wanted = |f: &Frame| match name {
                    "blockquote" => matches!(f, Frame::Quote(_)),
                    "li" => matches!(f, Frame::Item(_)),
                    "ul" | "ol" => matches!(f, Frame::List(..)),
                    "table" => matches!(f, Frame::Table(..)),
                    _ => matches!(f, Frame::Footnote(..)),
                };
                if self.stack.iter().any(wanted) {
                    while let Some(top) = self.stack.last() {
                        let done = wanted(top);
                        self.close_top();
                        if done {
                            break;
                        }
                    }
                }
            }
            "tr" => {
                if let Some(Frame::Row(cells)) = self.stack.last() {
                    let cells = cells.clone();
                    self.stack.pop();
                    let head = self.in_head;
                    if let Some(Frame::Table(h, rows, _)) = self.stack.last_mut() {
                        if head && h.is_empty() {
                            *h = cells;
                        } else {
                            rows.push(cells);
                        }
                    }
                }
            }
            "th" | "td" => {
                if matches!(self.stack.last(), Some(Frame::Cell)) {
                    self.stack.pop();
                    let spans = trimmed(std::mem::take(&mut self.inline));
                    if let Some(Frame::Row(cells)) = self.stack.last_mut() {
                        cells.push(spans);
                    }
                }
            }
            _ => self.end_inline(name),
        }
    }

    fn end_inline(&mut self, name: &str) {
        let Some(i) = self
            .open
            .iter()
            .rposition(|(n, _)| n == name || (name == "sup" && n == "sup-ref"))
        else {
            return;
        };
        let (open, kind) = self.open.remove(i);
        match kind {
            Inline::Style => {
                self.style.pop();
            }
            Inline::Link => {
                self.links.pop();
            }
            Inline::Other if open == "code" => self.code = self.code.saturating_sub(1),
            Inline::Other if open == "sup-ref" => self.push("]", None),
            Inline::Other => {
                // A footnote definition's label: its number.
                if matches!(self.stack.last(), Some(Frame::Cell)) {
                    self.stack.pop();
                    let label = std::mem::take(&mut self.inline);
                    let n = label
                        .iter()
                        .map(|s| s.text.as_str())
                        .collect::<String>()
                        .trim()
                        .parse()
                        .unwrap_or(0);
                    if let Some(Frame::Footnote(number, _)) = self.stack.last_mut() {
                        *number = n;
                    }
                }
            }
        }
    }

    /// A picture: a block after the text before it (in the paragraph's or the
    /// item's place), or its text alternative where no block can be.
    fn picture(&mut self, tag: &crate::html::Tag) {
        let alt = tag.attr("alt").unwrap_or_default();
        let picture = tag
            .attr("src")
            .and_then(|src| self.pictures.iter().find(|p| p.url(FROM_DECK) == src));
        let blocks_here = matches!(
            self.stack.last(),
            Some(
                Frame::Root(_)
                    | Frame::Para
                    | Frame::Item(_)
                    | Frame::Quote(_)
                    | Frame::Footnote(..)
            )
        );
        let Some(picture) = picture.filter(|_| blocks_here) else {
            self.push(alt, None);
            return;
        };
        let block = Block::Picture(
            picture.clone(),
            alt.to_string(),
            tag.attr("style")
                .and_then(crate::render::slides::geometry::shared_height),
        );
        // The text so far and the picture go where the paragraph goes; the
        // paragraph goes on after it.
        let in_para = matches!(self.stack.last(), Some(Frame::Para));
        if in_para {
            self.stack.pop();
        }
        self.flush();
        self.block(block);
        if in_para {
            self.stack.push(Frame::Para);
        }
    }

    /// Closes the innermost open block, handing it to its parent.
    fn close_top(&mut self) {
        self.flush();
        let Some(top) = self.stack.pop() else { return };
        match top {
            Frame::Root(blocks) => self.stack.push(Frame::Root(blocks)),
            Frame::Item(blocks) => {
                if let Some(Frame::List(_, items)) = self.stack.last_mut() {
                    items.push(blocks);
                } else {
                    for b in blocks {
                        self.block(b);
                    }
                }
            }
            Frame::List(start, items) => self.block(Block::List(start, items)),
            Frame::Quote(blocks) => self.block(Block::Quote(blocks)),
            Frame::Table(head, rows, _) => self.block(Block::Table(head, rows)),
            Frame::Footnote(n, blocks) => self.block(Block::Footnote(n, blocks)),
            Frame::Code(code) => self.block(Block::Code(code)),
            Frame::Heading(_) | Frame::Para | Frame::Row(_) | Frame::Cell => {}
        }
    }
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

    fn text(spans: &[Span]) -> String {
        spans.iter().map(|s| s.text.as_str()).collect()
    }

    #[test]
    fn a_rendered_body_gives_the_blocks_the_markdown_would() {
        let html = "<p>Ett <em>två</em> <strong>tre</strong> <a href=\"https://a.se\">länk</a> &amp; fyra</p>\n<ul>\n<li>a</li>\n<li><p>b</p>\n<ol start=\"3\">\n<li>c</li>\n</ol>\n</li>\n</ul>\n<table><thead><tr><th>A</th><th>B</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody></table>\n<h3>Rubrik</h3><blockquote><p>Citat</p></blockquote><hr><pre><code>kod\n</code></pre>";
        let blocks = parse(html, INK, &[]);
        let Block::Para(p) = &blocks[0] else {
            panic!("{blocks:?}")
        };
        assert_eq!(text(p), "Ett två tre länk & fyra");
        assert!(
            p.iter()
                .any(|s| s.style == Style::Italic && s.text == "två")
        );
        assert!(
            p.iter()
                .any(|s| s.text == "länk" && s.link == Some(Target::Uri("https://a.se".into())))
        );
        let Block::List(None, items) = &blocks[1] else {
            panic!("{blocks:?}")
        };
        assert_eq!(items.len(), 2);
        assert!(matches!(&items[0][0], Block::Para(p) if text(p) == "a"));
        assert!(matches!(&items[1][1], Block::List(Some(3), inner) if inner.len() == 1));
        let Block::Table(head, rows) = &blocks[2] else {
            panic!("{blocks:?}")
        };
        assert_eq!(
            (text(&head[1]), text(&rows[0][1])),
            ("B".into(), "2".into())
        );
        assert!(matches!(&blocks[3], Block::Heading(3, h) if text(h) == "Rubrik"));
        assert!(matches!(&blocks[4], Block::Quote(q) if q.len() == 1));
        assert!(matches!(&blocks[5], Block::Rule));
        assert!(matches!(&blocks[6], Block::Code(c) if c == "kod"));
    }

    #[test]
    fn footnotes_keep_their_numbers() {
        let html = "<p>Text<sup class=\"footnote-reference\"><a href=\"#a-1\">1</a></sup></p>\n<div class=\"footnote-definition\" id=\"a-1\"><sup class=\"footnote-definition-label\">1</sup>\n<p>Not</p>\n</div>";
        let blocks = parse(html, INK, &[]);
        assert!(
            matches!(&blocks[0], Block::Para(p) if text(p) == "Text[1]"),
            "{blocks:?}"
        );
        assert!(
            matches!(&blocks[1], Block::Footnote(1, inner) if matches!(&inner[0], Block::Para(p) if text(p) == "Not")),
            "{blocks:?}"
        );
    }
}
