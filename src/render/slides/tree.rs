//! The block tree of a slide's Markdown: what the fitter needs to know of each
//! block, built in the one walk over pulldown-cmark's events that also cuts a
//! section into units ([`super::blocks::units`]), or from a piece of Markdown
//! parsed on its own ([`tree`]).
//!
//! Text is kept as the words line wrapping sees ([`Glyphs`]), pictures as their
//! natural size; layout (margins, type sizes) is not in the tree but in
//! [`super::measure`], which reads it with the numbers of `assets/slides.css`.

use pulldown_cmark::{Event, Tag, TagEnd};

use super::glyphs::Glyphs;
use crate::model::images::PictureLinks;

/// A block of a slide body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Node {
    /// A paragraph, the visible text of a raw HTML block, or the text of a tight
    /// list item (which has no paragraph around it).
    Paragraph(Text),
    /// A heading (set bold throughout, in its glyphs).
    Heading(Text),
    /// A list: each item's blocks (a sub-list is a block of its item).
    List(Vec<Vec<Node>>),
    /// A block quote.
    Quote(Vec<Node>),
    /// A table.
    Table(Table),
    /// Code, line by line.
    Code(String),
    /// A thematic break.
    Rule,
    /// A footnote definition.
    Footnote(Vec<Node>),
}

/// A block's text and the pictures shown in it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Text {
    /// The words, measured.
    pub(crate) words: Glyphs,
    /// Each picture's natural size in pixels; `None` for a picture the Markdown
    /// names but the year does not have (the build stops on it elsewhere).
    pub(crate) pictures: Vec<Option<(u32, u32)>>,
}

/// A table: the header row first, then the body rows.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Table {
    /// Rows of cells.
    pub(crate) rows: Vec<Vec<Text>>,
    /// The width of each column's longest word, thousandths of an em (what
    /// decides the table's type size, [`super::measure`]).
    pub(crate) columns: Vec<u32>,
}

/// The tree of Markdown parsed on its own (with [`super::blocks::options`]).
pub(crate) fn tree<'a>(
    events: impl IntoIterator<Item = Event<'a>>,
    pictures: &PictureLinks<'_>,
) -> Vec<Node> {
    let mut builder = Builder::default();
    for event in events {
        builder.event(&event, pictures);
    }
    builder.finish()
}

/// The tree being built from events given one at a time.
#[derive(Debug)]
pub(crate) struct Builder {
    stack: Vec<Frame>,
    /// Strong emphasis open.
    bold: usize,
    /// Pictures open: what is inside a picture is its text alternative, not shown;
    /// a picture inside another's text is part of that text, not a picture.
    in_image: usize,
    /// In the table's header row (its cells are bold, `th`).
    head: bool,
}

impl Default for Builder {
    fn default() -> Builder {
        Builder {
            stack: vec![Frame::Blocks(Vec::new())],
            bold: 0,
            in_image: 0,
            head: false,
        }
    }
}

impl Builder {
    /// Reads the next event.
    pub(crate) fn event(&mut self, event: &Event<'_>, pictures: &PictureLinks<'_>) {
        let stack = &mut self.stack;
        match event {
            Event::Start(Tag::Image { dest_url, .. }) => {
                if self.in_image == 0
                    && let Some(Frame::Text { text, .. } | Frame::Item(_, text) | Frame::Cell(text)) =
                        stack.last_mut()
                {
                    text.pictures
                        .push(pictures.find(dest_url).map(|p| p.size()));
                }
                self.in_image += 1;
            }
            Event::End(TagEnd::Image) => self.in_image = self.in_image.saturating_sub(1),
            _ if self.in_image > 0 => {}
            Event::Start(tag) => match tag {
                Tag::Strong => self.bold += 1,
                Tag::Paragraph | Tag::HtmlBlock => stack.push(Frame::text(false)),
                Tag::Heading { .. } => stack.push(Frame::text(true)),
                Tag::CodeBlock(_) => stack.push(Frame::Code(String::new())),
                Tag::List(_) => stack.push(Frame::List(Vec::new())),
                Tag::Item => stack.push(Frame::Item(Vec::new(), Text::default())),
                Tag::BlockQuote(_) => stack.push(Frame::Quote(Vec::new())),
                Tag::FootnoteDefinition(_) => stack.push(Frame::Footnote(Vec::new())),
                Tag::Table(_) => stack.push(Frame::Table(Table::default())),
                Tag::TableHead => {
                    self.head = true;
                    stack.push(Frame::Row(Vec::new()))
                }
                Tag::TableRow => stack.push(Frame::Row(Vec::new())),
                Tag::TableCell => stack.push(Frame::Cell(Text::default())),
                _ => {}
            },
            Event::End(end) => match end {
                TagEnd::Strong => self.bold = self.bold.saturating_sub(1),
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::CodeBlock
                | TagEnd::HtmlBlock
                | TagEnd::List(_)
                | TagEnd::Item
                | TagEnd::BlockQuote(_)
                | TagEnd::FootnoteDefinition
                | TagEnd::Table
                | TagEnd::TableHead
                | TagEnd::TableRow
                | TagEnd::TableCell => {
                    if matches!(end, TagEnd::TableHead) {
                        self.head = false;
                    }
                    if stack.len() > 1
                        && let Some(done) = stack.pop()
                    {
                        push_done(stack, done);
                    }
                }
                _ => {}
            },
            // Text is shown as it is ("a < b"); raw HTML shows only what is between its tags.
            // Header cells are bold (`th`).
            Event::Text(t) => add_text(stack, t, self.bold > 0 || self.head, false),
            Event::Html(t) | Event::InlineHtml(t) => {
                add_text(stack, &strip_tags(t), self.bold > 0 || self.head, false)
            }
            Event::Code(t) => add_text(stack, t, self.bold > 0 || self.head, true),
            Event::SoftBreak => add_text(stack, " ", false, false),
            Event::HardBreak => add_text(stack, "\n", false, false),
            Event::FootnoteReference(label) => add_text(stack, label, false, false),
            Event::Rule => push_node(stack, Node::Rule),
            _ => {}
        }
    }

    /// The top-level blocks finished since the last call.
    pub(crate) fn take(&mut self) -> Vec<Node> {
        match self.stack.first_mut() {
            Some(Frame::Blocks(nodes)) => std::mem::take(nodes),
            _ => Vec::new(),
        }
    }

    /// The item just finished of the top-level list open, as a list of its own.
    pub(crate) fn take_item(&mut self) -> Vec<Node> {
        match self.stack.get_mut(1) {
            Some(Frame::List(items)) => items.pop().map(|i| vec![Node::List(vec![i])]),
            _ => None,
        }
        .unwrap_or_default()
    }

    /// The tree, what is still open closed.
    pub(crate) fn finish(mut self) -> Vec<Node> {
        while self.stack.len() > 1 {
            if let Some(done) = self.stack.pop() {
                push_done(&mut self.stack, done);
            }
        }
        self.take()
    }
}

/// A block being collected.
#[derive(Debug)]
enum Frame {
    Blocks(Vec<Node>),
    /// A paragraph or heading (`heading`: set bold throughout).
    Text {
        text: Text,
        heading: bool,
    },
    Code(String),
    List(Vec<Vec<Node>>),
    /// An item's blocks, and the loose text of a tight item (no paragraph around it) with its pictures.
    Item(Vec<Node>, Text),
    Quote(Vec<Node>),
    Footnote(Vec<Node>),
    Table(Table),
    Row(Vec<Text>),
    Cell(Text),
}

impl Frame {
    fn text(heading: bool) -> Frame {
        Frame::Text {
            text: Text::default(),
            heading,
        }
    }
}

fn add_text(stack: &mut [Frame], text: &str, bold: bool, mono: bool) {
    match stack.last_mut() {
        Some(Frame::Text { text: t, heading }) => t.words.add(text, bold || *heading, mono),
        Some(Frame::Item(_, t) | Frame::Cell(t)) => t.words.add(text, bold, mono),
        Some(Frame::Code(code)) => code.push_str(text),
        Some(Frame::Blocks(nodes) | Frame::Quote(nodes) | Frame::Footnote(nodes)) => {
            let mut words = Glyphs::default();
            words.add(text, bold, mono);
            nodes.push(Node::Paragraph(Text::finished(words, Vec::new())))
        }
        _ => {}
    }
}

fn push_node(stack: &mut [Frame], node: Node) {
    match stack.last_mut() {
        Some(Frame::Blocks(nodes) | Frame::Quote(nodes) | Frame::Footnote(nodes)) => {
            nodes.push(node)
        }
        Some(Frame::Item(nodes, loose)) => {
            if loose.words.added() || !loose.pictures.is_empty() {
                let Text { words, pictures } = std::mem::take(loose);
                nodes.push(Node::Paragraph(Text::finished(words, pictures)));
            }
            nodes.push(node);
        }
        _ => {}
    }
}

fn push_done(stack: &mut [Frame], done: Frame) {
    match done {
        Frame::Text {
            text: Text { words, pictures },
            heading,
        } => {
            let text = Text::finished(words, pictures);
            push_node(
                stack,
                if heading {
                    Node::Heading(text)
                } else {
                    Node::Paragraph(text)
                },
            )
        }
        Frame::Code(text) => push_node(stack, Node::Code(text)),
        Frame::List(items) => push_node(stack, Node::List(items)),
        Frame::Item(mut nodes, loose) => {
            if loose.words.added() || !loose.pictures.is_empty() {
                nodes.push(Node::Paragraph(Text::finished(loose.words, loose.pictures)));
            }
            if let Some(Frame::List(items)) = stack.last_mut() {
                items.push(nodes);
            }
        }
        Frame::Quote(nodes) => push_node(stack, Node::Quote(nodes)),
        Frame::Footnote(nodes) => push_node(stack, Node::Footnote(nodes)),
        Frame::Table(table) => push_node(stack, Node::Table(table)),
        Frame::Row(cells) => {
            if let Some(Frame::Table(table)) = stack.last_mut() {
                if table.columns.len() < cells.len() {
                    table.columns.resize(cells.len(), 0);
                }
                for (column, cell) in cells.iter().enumerate() {
                    table.columns[column] = table.columns[column].max(cell.words.longest_word());
                }
                table.rows.push(cells);
            }
        }
        Frame::Cell(Text { words, pictures }) => {
            if let Some(Frame::Row(cells)) = stack.last_mut() {
                cells.push(Text::finished(words, pictures));
            }
        }
        Frame::Blocks(nodes) => {
            for n in nodes {
                push_node(stack, n);
            }
        }
    }
}

impl Text {
    fn finished(words: Glyphs, pictures: Vec<Option<(u32, u32)>>) -> Text {
        Text {
            words: words.finish(),
            pictures,
        }
    }
}

/// Visible text of an HTML fragment (for raw HTML in Markdown).
fn strip_tags(html: &str) -> std::borrow::Cow<'_, str> {
    if !html.contains(['<', '>']) {
        return html.into();
    }
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.into()
}

#[cfg(test)]
mod tests {
    use pulldown_cmark::Parser;

    use super::super::blocks::options;
    use super::*;

    fn of(md: &str) -> Vec<Node> {
        tree(Parser::new_ext(md, options()), &PictureLinks::NONE)
    }

    fn words(text: &str, bold: bool) -> Glyphs {
        Glyphs::of(text, bold)
    }

    #[test]
    fn each_block_is_its_kind() {
        let md = "# Rubrik\n\nEtt *stycke*.\n\n- a\n  - b\n\n> citat\n\n```\nkod\n```\n\n---\n";
        let para = |t: &str| {
            Node::Paragraph(Text {
                words: words(t, false),
                pictures: vec![],
            })
        };
        assert_eq!(
            of(md),
            [
                Node::Heading(Text {
                    words: words("Rubrik", true),
                    pictures: vec![]
                }),
                para("Ett stycke."),
                Node::List(vec![vec![para("a"), Node::List(vec![vec![para("b")]])]]),
                Node::Quote(vec![para("citat")]),
                Node::Code("kod\n".into()),
                Node::Rule,
            ]
        );
    }

    #[test]
    fn a_table_knows_its_columns_longest_words_and_bold_header() {
        let [Node::Table(table)] = &of("| År | Kvartal |\n|---|---|\n| 2021 | 94,5 |\n")[..]
        else {
            panic!("one table");
        };
        assert_eq!(table.rows.len(), 2);
        assert_eq!(table.rows[0][1].words, words("Kvartal", true));
        assert_eq!(table.rows[1][0].words, words("2021", false));
        let longest = |t: &str, bold| words(t, bold).longest_word();
        assert_eq!(
            table.columns,
            [
                longest("År", true).max(longest("2021", false)),
                longest("Kvartal", true).max(longest("94,5", false))
            ]
        );
    }

    #[test]
    fn a_picture_is_its_size_not_its_text_and_raw_html_is_its_text() {
        let [Node::Paragraph(text)] = &of("Före ![lång alternativ text](a.png) efter")[..] else {
            panic!("one paragraph");
        };
        assert_eq!(text.pictures, [None]);
        assert_eq!(text.words, words("Före  efter", false));
        let [Node::Paragraph(html)] = &of("<div>dold <b>text</b></div>")[..] else {
            panic!("one block");
        };
        assert_eq!(html.words, words("dold text", false));
    }

    #[test]
    fn a_tight_items_text_becomes_a_paragraph_before_its_sub_list() {
        let [Node::List(items)] = &of("- a **fet**\n  - b\n")[..] else {
            panic!("one list");
        };
        let mut a = Glyphs::default();
        a.add("a ", false, false);
        a.add("fet", true, false);
        assert!(
            matches!(&items[0][..], [Node::Paragraph(t), Node::List(_)] if t.words == a.finish())
        );
    }
}
