//! The block tree of a slide's Markdown, the one the whole deck works from:
//! the fitter measures it, and the PDF and PowerPoint writers lay out a
//! slide's body from it (the HTML deck is rendered from the same events).
//!
//! It is built in the one walk over pulldown-cmark's events that also cuts a
//! section into units ([`super::blocks::units`]), or from a piece of Markdown
//! parsed on its own ([`tree`], [`body`]). Text is kept as the words line
//! wrapping sees ([`Glyphs`]), pictures as their natural size; for the writers
//! ([`body`]) each text also holds its runs in order ([`Inline`]): styled text,
//! line breaks, footnote references and pictures. Layout (margins, type sizes)
//! is not in the tree but in [`super::measure`] and in each writer.

use pulldown_cmark::{Alignment, Event, Parser, Tag, TagEnd};

use super::glyphs::Glyphs;
use crate::lang::Lang;
use crate::model::Picture;
use crate::model::images::{self, PictureLinks};
use crate::model::markdown::{is_safe_url, options, swedish_quotes};

/// A block of a slide body.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Node {
    /// A paragraph, the visible text of a raw HTML block, or the text of a tight
    /// list item (which has no paragraph around it).
    Paragraph(Text),
    /// A heading, its level in the Markdown (1 for `#`), set bold throughout
    /// (in its glyphs).
    Heading(u8, Text),
    /// A list: its first number when it is ordered, and each item's blocks (a
    /// sub-list is a block of its item).
    List(Option<u64>, Vec<Vec<Node>>),
    /// A block quote.
    Quote(Vec<Node>),
    /// A table.
    Table(Table),
    /// Code, line by line.
    Code(String),
    /// A thematic break.
    Rule,
    /// A footnote definition: its number (as the HTML numbers it; 0 in a tree
    /// built only to be measured) and its blocks.
    Footnote(usize, Vec<Node>),
}

/// A block's text and the pictures shown in it.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Text {
    /// The words, measured.
    pub(super) words: Glyphs,
    /// Each picture's natural size in pixels; `None` for a picture the Markdown
    /// names but the year does not have (the build stops on it elsewhere).
    pub(super) pictures: Vec<Option<(u32, u32)>>,
    /// What the writers set, in order; empty in a tree built only to be measured.
    pub(crate) inlines: Vec<Inline>,
}

/// A piece of a block's text as the writers set it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Inline {
    /// Text in one style.
    Run(Run),
    /// A hard line break.
    Break,
    /// A reference to the footnote of this number.
    Note(usize),
    /// A picture of the year folder (`slides.css` sets it as a block).
    Picture(Figure),
}

/// Text in one style.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Run {
    pub(crate) text: String,
    pub(crate) bold: bool,
    pub(crate) italic: bool,
    /// Code (`` `x` ``): set in the monospaced font.
    pub(crate) code: bool,
    /// Where it links to, when its address is one the HTML keeps (a safe
    /// scheme, or a relative address).
    pub(crate) link: Option<String>,
}

/// A picture of the year folder as a slide shows it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Figure {
    pub(crate) picture: Picture,
    /// Its text alternative; empty for a decorative picture.
    pub(crate) alt: String,
    /// The height it may take when it shares its block with other pictures,
    /// design px (the `max-height` the HTML gives it).
    pub(crate) max_height: Option<f32>,
}

/// A table: the header row first, then the body rows.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Table {
    /// Rows of cells.
    pub(crate) rows: Vec<Vec<Text>>,
    /// The width of each column's longest word, thousandths of an em (what
    /// decides the table's type size, [`super::measure`]).
    pub(super) columns: Vec<u32>,
    /// How each column is aligned, as the Markdown's delimiter row says
    /// (`:--:` centred, `--:` right).
    pub(crate) align: Vec<Alignment>,
}

/// The tree of Markdown parsed on its own (with [`options`]), to be measured.
pub(super) fn tree<'a>(
    events: impl IntoIterator<Item = Event<'a>>,
    pictures: &PictureLinks<'_>,
) -> Vec<Node> {
    let mut builder = Builder::default();
    for event in events {
        builder.event(&event, pictures);
    }
    builder.finish()
}

/// The tree of `markdown` (a slide's body, or a section's text) written in
/// `lang`, with the runs the writers set: Swedish quotation marks as the HTML
/// has them, links the HTML keeps, footnotes numbered as the HTML numbers
/// them, and the pictures of the year `pictures` names (on a slide, with the
/// height each may take when its block has several).
pub(crate) fn body(markdown: &str, lang: Lang, pictures: &PictureLinks<'_>) -> Vec<Node> {
    let events: Vec<Event<'_>> = Parser::new_ext(markdown, options()).collect();
    let shares = if pictures.block_height().is_some() {
        images::shares(&events)
    } else {
        Vec::new()
    };
    let mut builder = Builder {
        runs: Some(Runs::new(lang, shares)),
        ..Builder::default()
    };
    for event in &events {
        builder.event(event, pictures);
    }
    builder.finish()
}

/// The tree being built from events given one at a time.
#[derive(Debug)]
pub(super) struct Builder {
    stack: Vec<Frame>,
    /// Strong emphasis open.
    bold: usize,
    /// Pictures open: what is inside a picture is its text alternative, not shown;
    /// a picture inside another's text is part of that text, not a picture.
    in_image: usize,
    /// In the table's header row (its cells are bold, `th`).
    head: bool,
    /// The runs' state, when the tree is built for the writers.
    runs: Option<Runs>,
}

impl Default for Builder {
    fn default() -> Builder {
        Builder {
            stack: vec![Frame::Blocks(Vec::new())],
            bold: 0,
            in_image: 0,
            head: false,
            runs: None,
        }
    }
}

/// What building the runs needs to know beside the blocks.
#[derive(Debug)]
struct Runs {
    lang: Lang,
    /// Emphasis open, in Markdown and in raw HTML (`<em>`, `<i>`).
    italic: usize,
    /// Strong emphasis and code open in raw HTML (`<b>`, `<code>` …).
    html_bold: usize,
    html_code: usize,
    /// Raw HTML elements whose text is not shown (`<script>`, `<style>`).
    hidden: usize,
    /// The open links' addresses (`None`: one the HTML drops).
    links: Vec<Option<String>>,
    /// Footnote labels in the order they were first seen: their numbers.
    notes: Vec<String>,
    /// How many pictures share each outermost picture's block ([`images::shares`]).
    shares: Vec<usize>,
    /// Outermost pictures seen so far.
    seen: usize,
    /// The outermost picture open.
    image: Option<OpenImage>,
}

/// A picture being read.
#[derive(Debug)]
enum OpenImage {
    /// A picture of the year, its text alternative read so far, and whether
    /// it is decorative (then its alternative is empty).
    Picture(Box<Figure>, bool),
    /// No picture of the year: its text is shown instead.
    Text,
}

impl Runs {
    fn new(lang: Lang, shares: Vec<usize>) -> Runs {
        Runs {
            lang,
            italic: 0,
            html_bold: 0,
            html_code: 0,
            hidden: 0,
            links: Vec::new(),
            notes: Vec::new(),
            shares,
            seen: 0,
            image: None,
        }
    }

    fn note(&mut self, label: &str) -> usize {
        match self.notes.iter().position(|l| l == label) {
            Some(i) => i + 1,
            None => {
                self.notes.push(label.to_string());
                self.notes.len()
            }
        }
    }

    /// A run of `text` in the style open (`code` for a code span).
    fn run(&self, text: &str, bold: bool, code: bool) -> Inline {
        Inline::Run(Run {
            text: text.to_string(),
            bold: bold || self.html_bold > 0,
            italic: self.italic > 0,
            code: code || self.html_code > 0,
            link: self.links.iter().rev().find_map(Clone::clone),
        })
    }

    /// Reads an event for the runs; returns what it adds to the text open.
    fn event(&mut self, event: &Event<'_>, bold: bool) -> Vec<Inline> {
        if let Some(open) = &mut self.image {
            // A picture's text: its alternative, or shown when it is no picture of the year.
            let text = match event {
                Event::Text(t) if self.lang == Lang::Sv => swedish_quotes(t.clone()).to_string(),
                Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
                    t.to_string()
                }
                Event::SoftBreak | Event::HardBreak => " ".to_string(),
                Event::FootnoteReference(label) => label.to_string(),
                _ => String::new(),
            };
            if let OpenImage::Picture(figure, _) = open {
                figure.alt.push_str(&text);
                return Vec::new();
            }
            return if text.is_empty() {
                Vec::new()
            } else {
                vec![self.run(&text, bold, false)]
            };
        }
        match event {
            Event::Start(Tag::Emphasis) => self.italic += 1,
            Event::End(TagEnd::Emphasis) => self.italic = self.italic.saturating_sub(1),
            Event::Start(Tag::Link { dest_url, .. }) => self
                .links
                .push(is_safe_url(dest_url).then(|| dest_url.to_string())),
            Event::End(TagEnd::Link) => {
                self.links.pop();
            }
            Event::Text(t) => {
                let t = if self.lang == Lang::Sv {
                    swedish_quotes(t.clone())
                } else {
                    t.clone()
                };
                return vec![self.run(&t, bold, false)];
            }
            Event::Code(t) => return vec![self.run(t, bold, true)],
            Event::SoftBreak => return vec![self.run(" ", bold, false)],
            Event::HardBreak => return vec![Inline::Break],
            Event::FootnoteReference(label) => return vec![Inline::Note(self.note(label))],
            Event::Html(html) | Event::InlineHtml(html) => return self.html(html, bold),
            _ => {}
        }
        Vec::new()
    }

    /// The visible text of raw HTML, with the few elements that style it.
    fn html(&mut self, html: &str, bold: bool) -> Vec<Inline> {
        let mut out = Vec::new();
        for piece in crate::html::pieces(html) {
            match piece {
                crate::html::Piece::Text(t) if self.hidden == 0 => {
                    out.push(self.run(&t.replace(['\n', '\t'], " "), bold, false))
                }
                crate::html::Piece::Text(_) => {}
                crate::html::Piece::Start(tag) => match tag.name.as_str() {
                    "script" | "style" | "template" if tag.opens() => self.hidden += 1,
                    _ if self.hidden > 0 => {}
                    "br" => out.push(Inline::Break),
                    "b" | "strong" => self.html_bold += 1,
                    "i" | "em" => self.italic += 1,
                    "code" | "kbd" | "samp" => self.html_code += 1,
                    _ => {}
                },
                crate::html::Piece::End(name) => match name.as_str() {
                    "script" | "style" | "template" => self.hidden = self.hidden.saturating_sub(1),
                    _ if self.hidden > 0 => {}
                    "b" | "strong" => self.html_bold = self.html_bold.saturating_sub(1),
                    "i" | "em" => self.italic = self.italic.saturating_sub(1),
                    "code" | "kbd" | "samp" => self.html_code = self.html_code.saturating_sub(1),
                    _ => {}
                },
            }
        }
        out
    }

    /// An outermost picture starts.
    fn open_image(&mut self, dest_url: &str, title: &str, pictures: &PictureLinks<'_>) {
        self.seen += 1;
        let share = self.shares.get(self.seen - 1).copied().unwrap_or(1);
        self.image = Some(match pictures.find(dest_url) {
            Some(picture) => OpenImage::Picture(
                Box::new(Figure {
                    picture: picture.clone(),
                    alt: String::new(),
                    max_height: pictures
                        .block_height()
                        .filter(|_| share > 1)
                        .map(|h| h / share as f32),
                }),
                images::is_decorative(title),
            ),
            None => OpenImage::Text,
        });
    }

    /// The outermost picture ends: the picture, if it is one of the year.
    fn close_image(&mut self) -> Option<Inline> {
        match self.image.take()? {
            OpenImage::Picture(mut figure, decorative) => {
                if decorative {
                    figure.alt.clear();
                }
                Some(Inline::Picture(*figure))
            }
            OpenImage::Text => None,
        }
    }
}

impl Builder {
    /// Reads the next event.
    pub(super) fn event(&mut self, event: &Event<'_>, pictures: &PictureLinks<'_>) {
        let bold = self.bold > 0;
        if let Some(runs) = &mut self.runs {
            let inlines = match event {
                Event::Start(Tag::Image {
                    dest_url, title, ..
                }) if self.in_image == 0 => {
                    runs.open_image(dest_url, title, pictures);
                    Vec::new()
                }
                Event::End(TagEnd::Image) if self.in_image == 1 => {
                    runs.close_image().into_iter().collect()
                }
                _ => runs.event(event, bold),
            };
            for inline in inlines {
                add_inline(&mut self.stack, inline);
            }
        }
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
                Tag::Paragraph | Tag::HtmlBlock => stack.push(Frame::text(None)),
                Tag::Heading { level, .. } => stack.push(Frame::text(Some(*level as u8))),
                Tag::CodeBlock(_) => stack.push(Frame::Code(String::new())),
                Tag::List(start) => stack.push(Frame::List(*start, 0, Vec::new())),
                Tag::Item => stack.push(Frame::Item(Vec::new(), Text::default())),
                Tag::BlockQuote(_) => stack.push(Frame::Quote(Vec::new())),
                Tag::FootnoteDefinition(label) => {
                    let n = self.runs.as_mut().map_or(0, |r| r.note(label));
                    stack.push(Frame::Footnote(n, Vec::new()))
                }
                Tag::Table(align) => stack.push(Frame::Table(Table {
                    align: align.clone(),
                    ..Table::default()
                })),
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
    pub(super) fn take(&mut self) -> Vec<Node> {
        match self.stack.first_mut() {
            Some(Frame::Blocks(nodes)) => std::mem::take(nodes),
            _ => Vec::new(),
        }
    }

    /// The item just finished of the top-level list open, as a list of its own
    /// (numbered from its own number, as its Markdown parsed alone would be).
    pub(super) fn take_item(&mut self) -> Vec<Node> {
        match self.stack.get_mut(1) {
            Some(Frame::List(start, taken, items)) => items.pop().map(|i| {
                let number = start.map(|s| s + *taken);
                *taken += 1;
                vec![Node::List(number, vec![i])]
            }),
            _ => None,
        }
        .unwrap_or_default()
    }

    /// The tree, what is still open closed.
    pub(super) fn finish(mut self) -> Vec<Node> {
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
    /// A paragraph, or a heading of this level (set bold throughout).
    Text {
        text: Text,
        heading: Option<u8>,
    },
    Code(String),
    /// A list: its first number, how many of its items were taken as units
    /// ([`Builder::take_item`]), its items.
    List(Option<u64>, u64, Vec<Vec<Node>>),
    /// An item's blocks, and the loose text of a tight item (no paragraph around it) with its pictures.
    Item(Vec<Node>, Text),
    Quote(Vec<Node>),
    Footnote(usize, Vec<Node>),
    Table(Table),
    Row(Vec<Text>),
    Cell(Text),
}

impl Frame {
    fn text(heading: Option<u8>) -> Frame {
        Frame::Text {
            text: Text::default(),
            heading,
        }
    }
}

fn add_text(stack: &mut [Frame], text: &str, bold: bool, mono: bool) {
    match stack.last_mut() {
        Some(Frame::Text { text: t, heading }) => {
            t.words.add(text, bold || heading.is_some(), mono)
        }
        Some(Frame::Item(_, t) | Frame::Cell(t)) => t.words.add(text, bold, mono),
        Some(Frame::Code(code)) => code.push_str(text),
        Some(Frame::Blocks(nodes) | Frame::Quote(nodes) | Frame::Footnote(_, nodes)) => {
            let mut words = Glyphs::default();
            words.add(text, bold, mono);
            nodes.push(Node::Paragraph(Text::finished(
                words,
                Vec::new(),
                Vec::new(),
            )))
        }
        _ => {}
    }
}

/// Adds a piece of text for the writers where [`add_text`] adds its words;
/// a run goes on the last one when it has the same style.
fn add_inline(stack: &mut [Frame], inline: Inline) {
    let inlines = match stack.last_mut() {
        Some(Frame::Text { text, .. } | Frame::Item(_, text) | Frame::Cell(text)) => {
            &mut text.inlines
        }
        Some(Frame::Blocks(nodes) | Frame::Quote(nodes) | Frame::Footnote(_, nodes)) => {
            match nodes.last_mut() {
                Some(Node::Paragraph(text)) => &mut text.inlines,
                _ => return,
            }
        }
        _ => return,
    };
    if let (Some(Inline::Run(last)), Inline::Run(run)) = (inlines.last_mut(), &inline)
        && (last.bold, last.italic, last.code, &last.link)
            == (run.bold, run.italic, run.code, &run.link)
    {
        last.text.push_str(&run.text);
        return;
    }
    inlines.push(inline);
}

fn push_node(stack: &mut [Frame], node: Node) {
    match stack.last_mut() {
        Some(Frame::Blocks(nodes) | Frame::Quote(nodes) | Frame::Footnote(_, nodes)) => {
            nodes.push(node)
        }
        Some(Frame::Item(nodes, loose)) => {
            if loose.words.added() || !loose.pictures.is_empty() {
                let Text {
                    words,
                    pictures,
                    inlines,
                } = std::mem::take(loose);
                nodes.push(Node::Paragraph(Text::finished(words, pictures, inlines)));
            }
            nodes.push(node);
        }
        _ => {}
    }
}

fn push_done(stack: &mut [Frame], done: Frame) {
    match done {
        Frame::Text {
            text:
                Text {
                    words,
                    pictures,
                    inlines,
                },
            heading,
        } => {
            let text = Text::finished(words, pictures, inlines);
            push_node(
                stack,
                match heading {
                    Some(level) => Node::Heading(level, text),
                    None => Node::Paragraph(text),
                },
            )
        }
        Frame::Code(text) => push_node(stack, Node::Code(text)),
        Frame::List(start, _, items) => push_node(stack, Node::List(start, items)),
        Frame::Item(mut nodes, loose) => {
            if loose.words.added() || !loose.pictures.is_empty() {
                nodes.push(Node::Paragraph(Text::finished(
                    loose.words,
                    loose.pictures,
                    loose.inlines,
                )));
            }
            if let Some(Frame::List(_, _, items)) = stack.last_mut() {
                items.push(nodes);
            }
        }
        Frame::Quote(nodes) => push_node(stack, Node::Quote(nodes)),
        Frame::Footnote(n, nodes) => push_node(stack, Node::Footnote(n, nodes)),
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
        Frame::Cell(Text {
            words,
            pictures,
            inlines,
        }) => {
            if let Some(Frame::Row(cells)) = stack.last_mut() {
                cells.push(Text::finished(words, pictures, inlines));
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
    fn finished(words: Glyphs, pictures: Vec<Option<(u32, u32)>>, inlines: Vec<Inline>) -> Text {
        Text {
            words: words.finish(),
            pictures,
            inlines,
        }
    }
}

/// Visible text of an HTML fragment (for raw HTML in Markdown), a line break
/// (`<br>`) as one: the idiom for a break in a table cell, where the words on
/// either side are not one word.
fn strip_tags(html: &str) -> std::borrow::Cow<'_, str> {
    if !html.contains(['<', '>']) {
        return html.into();
    }
    let mut out = String::with_capacity(html.len());
    // The tag being read, from its `<`.
    let mut tag: Option<usize> = None;
    for (i, c) in html.char_indices() {
        match (c, tag) {
            ('<', _) => tag = Some(i),
            ('>', Some(start)) => {
                if is_br(&html[start + 1..i]) {
                    out.push('\n');
                }
                tag = None;
            }
            ('>', None) => {}
            (c, None) => out.push(c),
            (_, Some(_)) => {}
        }
    }
    out.into()
}

/// Whether the inside of a tag (`br`, `BR/`, `br class="x"`) is a line break.
fn is_br(tag: &str) -> bool {
    let name = tag.split([' ', '/', '\t', '\n']).next().unwrap_or_default();
    name.eq_ignore_ascii_case("br")
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
                ..Text::default()
            })
        };
        assert_eq!(
            of(md),
            [
                Node::Heading(
                    1,
                    Text {
                        words: words("Rubrik", true),
                        ..Text::default()
                    }
                ),
                para("Ett stycke."),
                Node::List(
                    None,
                    vec![vec![para("a"), Node::List(None, vec![vec![para("b")]])]]
                ),
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
        let [Node::List(None, items)] = &of("- a **fet**\n  - b\n")[..] else {
            panic!("one list");
        };
        let mut a = Glyphs::default();
        a.add("a ", false, false);
        a.add("fet", true, false);
        assert!(
            matches!(&items[0][..], [Node::Paragraph(t), Node::List(..)] if t.words == a.finish())
        );
    }
}
