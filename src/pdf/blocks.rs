//! A section's Markdown as the PDF's blocks: paragraphs of styled runs,
//! headings, lists, tables, quotes, code, footnotes.
//!
//! Parsed with the same pulldown-cmark options as the HTML
//! ([`crate::model::markdown::options`]) and with the same Swedish quotation
//! marks and link rules, so the PDF says what the page says. Raw HTML keeps its
//! text and loses its tags. A picture of the year folder in a paragraph or a
//! list item's text is a [`Block::Picture`] of its own, after that text; a
//! picture anywhere else (a heading, a table) is its text alternative.

use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};

use crate::charts::theme::Rgb;
use crate::diagnostics::SiteError;
use crate::lang::Lang;
use crate::model::images::PictureLinks;
use crate::model::{Picture, SectionText};

use super::fonts::Style;
use super::layout::{Span, Target};

/// One block of a section's text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Block {
    /// A heading; level 1 is the Markdown's `#`.
    Heading(u8, Vec<Span>),
    Para(Vec<Span>),
    /// A list: its first number when ordered, and its items.
    List(Option<u64>, Vec<Vec<Block>>),
    /// A table: the header row and the body rows, each cell a run list.
    Table(Vec<Vec<Span>>, Vec<Vec<Vec<Span>>>),
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

/// Colours the blocks are drawn in.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Ink {
    pub(crate) text: Rgb,
    pub(crate) link: Rgb,
    pub(crate) code: Rgb,
}

const SAFE_SCHEMES: [&str; 4] = ["http://", "https://", "mailto:", "tel:"];

/// The blocks of `text` (written in `lang`), which may show the year's `pictures`.
pub(crate) fn parse(
    text: &SectionText,
    lang: Lang,
    ink: Ink,
    pictures: &[Picture],
) -> Result<Vec<Block>, SiteError> {
    let links = PictureLinks::report(pictures);
    // The picture being read (its text is its alternative, not the paragraph's).
    let mut reading: Option<(Picture, String, bool, usize)> = None;
    let mut b = Builder {
        ink,
        stack: vec![Frame::Root(Vec::new())],
        inline: Vec::new(),
        style: Vec::new(),
        links: Vec::new(),
        footnotes: Vec::new(),
        pictures: Vec::new(),
    };
    let parser = Parser::new_ext(&text.markdown, crate::model::markdown::options());
    for event in parser {
        if let Some((_, alt, _, depth)) = reading.as_mut() {
            match event {
                Event::Start(Tag::Image { .. }) => *depth += 1,
                Event::End(TagEnd::Image) => {
                    *depth -= 1;
                    if *depth == 0
                        && let Some((picture, alt, decorative, _)) = reading.take()
                    {
                        b.pictures.push(Block::Picture(
                            picture,
                            if decorative { String::new() } else { alt },
                            None,
                        ));
                    }
                }
                Event::Text(t) | Event::Code(t) => alt.push_str(&t),
                Event::SoftBreak | Event::HardBreak => alt.push(' '),
                _ => {}
            }
            continue;
        }
        if let Event::Start(Tag::Image {
            dest_url, title, ..
        }) = &event
            && matches!(b.stack.last(), Some(Frame::Para | Frame::Item(_)))
            && let Some(picture) = links.find(dest_url)
        {
            let decorative = crate::model::images::is_decorative(title);
            reading = Some((picture.clone(), String::new(), decorative, 1));
            continue;
        }
        match event {
            Event::Text(t) => {
                let t = if lang == Lang::Sv {
                    crate::model::markdown::swedish_quotes(t)
                } else {
                    t
                };
                if let Some(Frame::Code(code)) = b.stack.last_mut() {
                    code.push_str(&t);
                } else {
                    b.text(&t, None);
                }
            }
            Event::Code(t) => b.text(&t, Some(ink.code)),
            Event::SoftBreak => b.text(" ", None),
            Event::HardBreak => b.text("\n", None),
            Event::FootnoteReference(label) => {
                let n = b.footnote_number(&label);
                b.text(&format!("[{n}]"), None);
            }
            Event::Html(_) | Event::InlineHtml(_) => {}
            Event::Rule => b.block(Block::Rule),
            Event::TaskListMarker(done) => b.text(if done { "☑ " } else { "☐ " }, None),
            Event::Start(tag) => b.start(tag),
            Event::End(tag) => b.end(tag),
            Event::InlineMath(t) | Event::DisplayMath(t) => b.text(&t, None),
        }
    }
    b.flush();
    match b.stack.pop() {
        Some(Frame::Root(blocks)) => Ok(blocks),
        _ => Ok(Vec::new()),
    }
}

enum Frame {
    Root(Vec<Block>),
    Heading(u8),
    Para,
    List(Option<u64>, Vec<Vec<Block>>),
    Item(Vec<Block>),
    Quote(Vec<Block>),
    Code(String),
    Table(Vec<Vec<Span>>, Vec<Vec<Vec<Span>>>),
    Row(Vec<Vec<Span>>),
    Cell,
    Footnote(usize, Vec<Block>),
}

struct Builder {
    ink: Ink,
    stack: Vec<Frame>,
    /// Runs of the paragraph, heading or cell being read.
    inline: Vec<Span>,
    /// Bold and italic, innermost last.
    style: Vec<Style>,
    /// Open links' targets (`None`: a link whose address the PDF does not follow).
    links: Vec<Option<Target>>,
    footnotes: Vec<String>,
    /// The pictures of the paragraph or item text being read, placed after it.
    pictures: Vec<Block>,
}

impl Builder {
    fn footnote_number(&mut self, label: &str) -> usize {
        match self.footnotes.iter().position(|l| l == label) {
            Some(i) => i + 1,
            None => {
                self.footnotes.push(label.to_string());
                self.footnotes.len()
            }
        }
    }

    fn text(&mut self, text: &str, color: Option<crate::charts::theme::Rgb>) {
        let style = self.style.last().copied().unwrap_or(Style::Regular);
        let link = self.links.iter().rev().find_map(Clone::clone);
        let color = color.unwrap_or(if link.is_some() {
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

    /// Text read outside a paragraph (a tight list item) becomes one.
    fn flush(&mut self) {
        if self.inline.iter().any(|s| !s.text.trim().is_empty()) {
            let spans = trimmed(std::mem::take(&mut self.inline));
            self.block(Block::Para(spans));
        }
        self.inline.clear();
        self.place_pictures();
    }

    /// The pictures read since the last text block, after it.
    fn place_pictures(&mut self) {
        for picture in std::mem::take(&mut self.pictures) {
            self.block(picture);
        }
    }

    fn block(&mut self, block: Block) {
        match self.stack.last_mut() {
            Some(
                Frame::Root(blocks)
                | Frame::Item(blocks)
                | Frame::Quote(blocks)
                | Frame::Footnote(_, blocks),
            ) => blocks.push(block),
            // Anywhere else (cannot happen with pulldown-cmark's nesting): keep it at the root.
            _ => {
                if let Some(Frame::Root(blocks)) = self.stack.first_mut() {
                    blocks.push(block);
                }
            }
        }
    }

    fn start(&mut self, tag: Tag<'_>) {
        let current = self.style.last().copied().unwrap_or(Style::Regular);
        match tag {
            Tag::Paragraph => {
                self.flush();
                self.stack.push(Frame::Para);
            }
            Tag::Heading { level, .. } => {
                self.flush();
                self.stack.push(Frame::Heading(heading_level(level)));
            }
            Tag::BlockQuote(_) => {
                self.flush();
                self.stack.push(Frame::Quote(Vec::new()));
            }
            Tag::CodeBlock(_) => {
                self.flush();
                self.stack.push(Frame::Code(String::new()));
            }
            Tag::List(start) => {
                self.flush();
                self.stack.push(Frame::List(start, Vec::new()));
            }
            Tag::Item => self.stack.push(Frame::Item(Vec::new())),
            Tag::FootnoteDefinition(label) => {
                self.flush();
                let n = self.footnote_number(&label);
                self.stack.push(Frame::Footnote(n, Vec::new()));
            }
            Tag::Table(_) => {
                self.flush();
                self.stack.push(Frame::Table(Vec::new(), Vec::new()));
            }
            Tag::TableHead | Tag::TableRow => self.stack.push(Frame::Row(Vec::new())),
            Tag::TableCell => self.stack.push(Frame::Cell),
            Tag::Emphasis => self.style.push(current.italic(true)),
            Tag::Strong => self.style.push(current.bold(true)),
            Tag::Strikethrough | Tag::Superscript | Tag::Subscript => self.style.push(current),
            Tag::Link { dest_url, .. } => {
                let safe = SAFE_SCHEMES.iter().any(|s| dest_url.starts_with(s));
                self.links
                    .push(safe.then(|| Target::Uri(dest_url.to_string())));
            }
            Tag::Image { .. }
            | Tag::HtmlBlock
            | Tag::DefinitionList
            | Tag::DefinitionListTitle
            | Tag::DefinitionListDefinition
            | Tag::MetadataBlock(_) => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough => {
                self.style.pop();
            }
            TagEnd::Superscript | TagEnd::Subscript => {
                self.style.pop();
            }
            TagEnd::Link => {
                self.links.pop();
            }
            TagEnd::Paragraph => {
                self.stack.pop();
                let spans = trimmed(std::mem::take(&mut self.inline));
                if !spans.is_empty() {
                    self.block(Block::Para(spans));
                }
                self.place_pictures();
            }
            TagEnd::Heading(_) => {
                if let Some(Frame::Heading(level)) = self.stack.pop() {
                    let spans = trimmed(std::mem::take(&mut self.inline));
                    self.block(Block::Heading(level, spans));
                }
            }
            TagEnd::CodeBlock => {
                if let Some(Frame::Code(code)) = self.stack.pop() {
                    self.block(Block::Code(code.trim_end().to_string()));
                }
            }
            TagEnd::BlockQuote(_) => {
                self.flush();
                if let Some(Frame::Quote(blocks)) = self.stack.pop() {
                    self.block(Block::Quote(blocks));
                }
            }
            TagEnd::Item => {
                self.flush();
                if let Some(Frame::Item(blocks)) = self.stack.pop()
                    && let Some(Frame::List(_, items)) = self.stack.last_mut()
                {
                    items.push(blocks);
                }
            }
            TagEnd::List(_) => {
                if let Some(Frame::List(start, items)) = self.stack.pop() {
                    self.block(Block::List(start, items));
                }
            }
            TagEnd::FootnoteDefinition => {
                self.flush();
                if let Some(Frame::Footnote(n, blocks)) = self.stack.pop() {
                    self.block(Block::Footnote(n, blocks));
                }
            }
            TagEnd::TableCell => {
                self.stack.pop();
                let spans = trimmed(std::mem::take(&mut self.inline));
                if let Some(Frame::Row(cells)) = self.stack.last_mut() {
                    cells.push(spans);
                }
            }
            TagEnd::TableHead => {
                if let Some(Frame::Row(cells)) = self.stack.pop()
                    && let Some(Frame::Table(head, _)) = self.stack.last_mut()
                {
                    *head = cells;
                }
            }
            TagEnd::TableRow => {
                if let Some(Frame::Row(cells)) = self.stack.pop()
                    && let Some(Frame::Table(_, rows)) = self.stack.last_mut()
                {
                    rows.push(cells);
                }
            }
            TagEnd::Table => {
                if let Some(Frame::Table(head, rows)) = self.stack.pop() {
                    self.block(Block::Table(head, rows));
                }
            }
            TagEnd::Image
            | TagEnd::HtmlBlock
            | TagEnd::DefinitionList
            | TagEnd::DefinitionListTitle
            | TagEnd::DefinitionListDefinition
            | TagEnd::MetadataBlock(_) => {}
        }
    }
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
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
        let md = "Ett *två* **tre** [länk](https://a.se) [js](javascript:x) “citat”\n\n- a\n- b\n  1. c\n\n| A | B |\n|---|---|\n| 1 | 2 |\n";
        let blocks = parse(&section(md), Lang::Sv, INK, &[]).unwrap();
        let Block::Para(p) = &blocks[0] else {
            panic!("{blocks:?}")
        };
        assert_eq!(text(p), "Ett två tre länk js ”citat”");
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
        let Block::List(None, items) = &blocks[1] else {
            panic!("{blocks:?}")
        };
        assert_eq!(items.len(), 2);
        assert!(matches!(&items[1][1], Block::List(Some(1), inner) if inner.len() == 1));
        let Block::Table(head, rows) = &blocks[2] else {
            panic!("{blocks:?}")
        };
        assert_eq!(
            (text(&head[1]), text(&rows[0][0])),
            ("B".into(), "1".into())
        );
    }

    #[test]
    fn an_image_that_is_no_picture_of_the_year_is_its_text_alternative() {
        let blocks = parse(
            &section("Text\n\n![Karta över området](a.png)\n"),
            Lang::Sv,
            INK,
            &[],
        )
        .unwrap();
        assert!(
            matches!(&blocks[1], Block::Para(p) if text(p) == "Karta över området"),
            "{blocks:?}"
        );
    }
}
