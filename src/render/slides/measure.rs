//! The fit estimate: how tall a piece of Markdown is when set on a slide.
//!
//! Lengths are *design pixels* of a 1280 × 720 slide (the stylesheet sets every
//! size on a slide as a multiple of `--u`, 1/1280 of the slide's width, so the
//! estimate holds at any screen size and in print). Text is wrapped word by word
//! with the character widths of [`super::metrics`]; every block adds the margins
//! that `assets/slides.css` gives it ([`super::geometry`]).
//!
//! The estimate leans wide (the theme font's advances without kerning, whole lines, a
//! safety margin in [`super::fit`]), so a slide it accepts does not overflow; the
//! cost is that a slide is sometimes set one size smaller than it needed to be.

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use super::blocks::options;
use super::geometry::{
    BLOCK_GAP, CELL_PAD_X, CODE, FOOTNOTE, HEADING, IMAGE_HEIGHT, ITEM_GAP, LINE, LIST_INDENT,
    QUOTE_INDENT, RULE, TABLE, TABLE_SCALES,
};
use super::metrics::{MONO_EM, MONO_MILLI, char_milli, latin1_milli};
use crate::model::Picture;
use crate::model::images::PictureLinks;

/// A block as far as its height is concerned.
#[derive(Debug, Clone, PartialEq)]
enum Node {
    /// Text set in `scale` em with `line` line height (bold throughout or not is in its glyphs), with a gap after.
    Text {
        text: Glyphs,
        scale: f32,
        line: f32,
        gap: f32,
        images: Shapes,
    },
    /// A list: its items' blocks.
    List(Vec<Vec<Node>>),
    /// A block quote.
    Quote(Vec<Node>),
    /// Table rows of cells, each with its text and its pictures.
    Table(Vec<Vec<(Glyphs, Shapes)>>),
    /// Code, line by line.
    Code(String),
    /// A thematic break.
    Rule,
    /// A footnote definition.
    Footnote(Vec<Node>),
}

/// The pictures of a block, each as its height per unit of width (its shape:
/// 0.5 for a picture twice as wide as it is high).
type Shapes = Vec<f32>;

/// The height of `md` set in a body of `width` design px at `size` px, as the only
/// content or as one list item (`item = true`: no list margin, one item gap).
#[cfg(test)]
pub(crate) fn height(md: &str, width: f32, size: f32) -> f32 {
    heights(md, width, [size], &PictureLinks::NONE)[0].height
}

/// What a piece of Markdown takes on a slide at one body size.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Measure {
    /// Its height, design px.
    pub(crate) height: f32,
    /// The type size its tables are set in ([`TABLE_SCALES`]), the smallest
    /// if it has several; the largest if it has none.
    pub(crate) table: f32,
}

/// The height of `md` at each of `sizes`, parsing the Markdown once (slide
/// fitting tries every candidate size); `pictures` give the pictures' shapes.
pub(crate) fn heights<const N: usize>(
    md: &str,
    width: f32,
    sizes: [f32; N],
    pictures: &PictureLinks<'_>,
) -> [Measure; N] {
    events_heights(Parser::new_ext(md, options()), width, sizes, pictures)
}

/// [`heights`] of Markdown already parsed into `events`.
pub(crate) fn events_heights<'a, const N: usize>(
    events: impl IntoIterator<Item = Event<'a>>,
    width: f32,
    sizes: [f32; N],
    pictures: &PictureLinks<'_>,
) -> [Measure; N] {
    let nodes = parse(events, pictures);
    sizes.map(|size| Measure {
        height: nodes_height(&nodes, width, size),
        table: tables_scale(&nodes, width, size),
    })
}

/// The smallest type size the tables among `nodes` get at body size `size` in
/// a box `width` wide (tables in list items and quotes have less width).
fn tables_scale(nodes: &[Node], width: f32, size: f32) -> f32 {
    nodes
        .iter()
        .map(|node| match node {
            Node::Table(rows) => table_scale(rows, width, size),
            Node::List(items) => items
                .iter()
                .map(|item| tables_scale(item, width - LIST_INDENT * size, size))
                .fold(TABLE_SCALES[0], f32::min),
            Node::Quote(inner) => tables_scale(inner, width - QUOTE_INDENT * size, size),
            Node::Footnote(inner) => tables_scale(inner, width, size * FOOTNOTE),
            Node::Text { .. } | Node::Code(_) | Node::Rule => TABLE_SCALES[0],
        })
        .fold(TABLE_SCALES[0], f32::min)
}

/// The largest of [`TABLE_SCALES`] at which the longest word of every column
/// fits beside the others' (with the cells' padding and borders) in `width`
/// at body size `size`; the smallest when none does (words are then broken,
/// `overflow-wrap: anywhere`, rather than the table leaving the slide).
fn table_scale(rows: &[Vec<(Glyphs, Shapes)>], width: f32, size: f32) -> f32 {
    let border = TABLE.2;
    let mut longest: Vec<u32> = Vec::new();
    for row in rows {
        if longest.len() < row.len() {
            longest.resize(row.len(), 0);
        }
        for (column, (cell, _)) in row.iter().enumerate() {
            longest[column] = longest[column].max(cell.longest_word());
        }
    }
    let fits = |scale: f32| {
        let fs = size * scale;
        let columns: f32 = longest
            .iter()
            .map(|&word| word as f32 * fs / 1000.0 + CELL_PAD_X * fs + border)
            .sum();
        columns + border <= width
    };
    let smallest = TABLE_SCALES[TABLE_SCALES.len() - 1];
    TABLE_SCALES
        .into_iter()
        .find(|&s| fits(s))
        .unwrap_or(smallest)
}

fn nodes_height(nodes: &[Node], width: f32, size: f32) -> f32 {
    // A single top-level list is measured as its items (the list's bottom margin is
    // added once per list by the caller).
    match nodes {
        [Node::List(items)] => items
            .iter()
            .map(|i| item_height(i, width - LIST_INDENT * size, size))
            .sum(),
        _ => blocks_height(nodes, width, size),
    }
}

fn blocks_height(nodes: &[Node], width: f32, size: f32) -> f32 {
    nodes.iter().map(|n| node_height(n, width, size)).sum()
}

fn item_height(blocks: &[Node], width: f32, size: f32) -> f32 {
    // Inside an item, paragraphs are separated by an item gap and the last has none.
    let inner: f32 = blocks
        .iter()
        .map(|n| match n {
            Node::Text {
                text,
                scale,
                line,
                images,
                ..
            } => text_height(text, width, size * scale, *line, images) + ITEM_GAP * size,
            Node::List(items) => {
                ITEM_GAP * size
                    + items
                        .iter()
                        .map(|i| item_height(i, width - LIST_INDENT * size, size))
                        .sum::<f32>()
            }
            other => node_height(other, width, size),
        })
        .sum();
    let last_gap = match blocks.last() {
        Some(Node::Text { .. }) => ITEM_GAP * size,
        _ => 0.0,
    };
    inner - last_gap + ITEM_GAP * size
}

fn node_height(node: &Node, width: f32, size: f32) -> f32 {
    match node {
        Node::Text {
            text,
            scale,
            line,
            gap,
            images,
            ..
        } => text_height(text, width, size * scale, *line, images) + gap * size,
        Node::List(items) => {
            items
                .iter()
                .map(|i| item_height(i, width - LIST_INDENT * size, size))
                .sum::<f32>()
                + BLOCK_GAP * size
        }
        Node::Quote(inner) => {
            blocks_height(inner, width - QUOTE_INDENT * size, size) + BLOCK_GAP * size
        }
        Node::Table(rows) => table_height(rows, width, size) + BLOCK_GAP * size,
        Node::Code(text) => {
            let (scale, line, pad) = CODE;
            let fs = size * scale;
            let per_line = ((width - 2.0 * pad * fs) / (MONO_EM * fs)).floor().max(1.0) as usize;
            let lines: usize = text
                .lines()
                .map(|l| l.chars().count().div_ceil(per_line).max(1))
                .sum();
            lines.max(1) as f32 * line * fs + 2.0 * pad * fs + BLOCK_GAP * size
        }
        Node::Rule => 2.0 * BLOCK_GAP * size + RULE,
        Node::Footnote(inner) => blocks_height(inner, width, size * FOOTNOTE),
    }
}

fn table_height(rows: &[Vec<(Glyphs, Shapes)>], width: f32, size: f32) -> f32 {
    let (_, pad, border) = TABLE;
    let fs = size * table_scale(rows, width, size);
    let cols = rows.iter().map(Vec::len).max().unwrap_or(1).max(1);
    // The browser gives wide columns more room; an equal share is the cautious guess.
    let cell_width = width / cols as f32 - fs;
    rows.iter()
        .map(|row| {
            let cells = row
                .iter()
                .map(|(cell, images)| text_height(cell, cell_width, fs, LINE, images))
                .fold(LINE * fs, f32::max);
            cells + pad * fs + border
        })
        .sum::<f32>()
        + border
}

/// The height of a block's text and its pictures. `slides.css` sets a picture
/// as a block, kept in shape, at most as wide as the block and at most
/// [`IMAGE_HEIGHT`] high; several in one block each get their part of that
/// height ([`crate::model::images::shares`]). So a picture takes the height
/// its shape gives it at the block's width, within its part: a panorama less
/// than a portrait. Each may break the text around it onto a line of its own.
/// A picture's text alternative is not shown.
fn text_height(text: &Glyphs, width: f32, fs: f32, line: f32, images: &[f32]) -> f32 {
    let text_lines = match (images.len(), text.is_blank()) {
        (0, _) => lines(text, width, fs),
        (_, true) => 0,
        (n, false) => lines(text, width, fs) + n,
    };
    let part = IMAGE_HEIGHT / images.len().max(1) as f32;
    let pictures: f32 = images.iter().map(|shape| (width * shape).min(part)).sum();
    text_lines as f32 * line * fs + pictures
}

/// A picture's height per unit of width, from its size in pixels; a picture
/// the Markdown names but the year does not have (the build stops on it
/// elsewhere), or one without a width, counts as tall as a picture may be.
fn shape(picture: Option<&Picture>) -> f32 {
    match picture.map(Picture::size) {
        Some((w, h)) if w > 0 => h as f32 / w as f32,
        _ => f32::INFINITY,
    }
}

/// The words of a text as wrapping sees them, looked up once: fitting measures
/// every text at each candidate size, and the widths in em do not depend on the
/// size. Widths are in thousandths of an em (the unit of [`super::metrics`]'s
/// table), so a word's width is an exact sum however it was pieced together.
#[derive(Debug, Clone, PartialEq, Default)]
struct Glyphs {
    /// The words and hard line breaks, in order.
    pieces: Vec<Piece>,
    /// The word being read: its width so far, and the whitespace before it.
    word: u32,
    space: u32,
    /// Whether any text was added at all (even only whitespace).
    added: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Piece {
    /// A word, with the width of the whitespace character before it (the gap it
    /// needs when it follows another word on the line), in thousandths of an em.
    Word { space: u32, width: u32 },
    /// A hard line break.
    Newline,
}

impl Glyphs {
    /// A whole text in one style.
    fn of(text: &str, bold: bool) -> Glyphs {
        let mut glyphs = Glyphs::default();
        glyphs.add(text, bold, false);
        glyphs.finish()
    }

    /// Appends text; a word may go on in the next piece of text (`**fet**stil`).
    fn add(&mut self, text: &str, bold: bool, mono: bool) {
        self.added = true;
        // About one word per six bytes of text: room once, not a push at a time.
        self.pieces.reserve(text.len() / 6 + 1);
        let ascii = latin1_milli(bold);
        let bytes = text.as_bytes();
        let mut i = 0;
        while let Some(&b) = bytes.get(i) {
            // ASCII (nearly all of it) straight from the table, anything else as a char.
            if b.is_ascii() {
                i += 1;
                let milli = if mono {
                    MONO_MILLI
                } else {
                    u32::from(ascii[usize::from(b)])
                };
                if b.is_ascii_alphanumeric() {
                    self.word += milli;
                } else {
                    self.push(char::from(b), milli);
                }
            } else if let Some(c) = text[i..].chars().next() {
                i += c.len_utf8();
                self.push(
                    c,
                    if mono {
                        MONO_MILLI
                    } else {
                        char_milli(c, bold)
                    },
                );
            }
        }
    }

    fn push(&mut self, c: char, milli: u32) {
        match c {
            '\n' => {
                self.end_word();
                self.pieces.push(Piece::Newline);
            }
            c if c.is_whitespace() => {
                self.end_word();
                self.space = milli;
            }
            _ => self.word += milli,
        }
    }

    fn end_word(&mut self) {
        if self.word > 0 {
            self.pieces.push(Piece::Word {
                space: self.space,
                width: self.word,
            });
            self.word = 0;
        }
    }

    /// The text complete: the last word ends.
    fn finish(mut self) -> Glyphs {
        self.end_word();
        self
    }

    /// The width of its widest word, in thousandths of an em, once finished.
    fn longest_word(&self) -> u32 {
        self.pieces
            .iter()
            .map(|p| match *p {
                Piece::Word { width, .. } => width,
                Piece::Newline => 0,
            })
            .max()
            .unwrap_or(0)
    }

    /// Nothing but whitespace, once finished (a picture alone in a paragraph takes
    /// no text line): every character that is not whitespace has a width, so it
    /// makes a word.
    fn is_blank(&self) -> bool {
        !self.pieces.iter().any(|p| matches!(p, Piece::Word { .. }))
    }
}

impl Node {
    fn text(glyphs: Glyphs, scale: f32, line: f32, gap: f32, images: Shapes) -> Node {
        Node::Text {
            text: glyphs.finish(),
            scale,
            line,
            gap,
            images,
        }
    }
}

/// How many lines `text` takes in a box `width` wide at font size `fs`: greedy word
/// wrapping, long words broken anywhere (the stylesheet sets `overflow-wrap: anywhere`).
fn lines(text: &Glyphs, width: f32, fs: f32) -> usize {
    let width = width.max(fs);
    let px = fs / 1000.0;
    let mut lines = 1usize;
    let mut x = 0.0f32;
    for piece in &text.pieces {
        match *piece {
            Piece::Newline => {
                lines += 1;
                x = 0.0;
            }
            Piece::Word { space, width: word } => {
                let (space, mut word) = (space as f32 * px, word as f32 * px);
                if x > 0.0 && x + space + word > width {
                    lines += 1;
                    x = 0.0;
                }
                if x > 0.0 {
                    x += space;
                }
                while word > width {
                    word -= width;
                    lines += 1;
                }
                x += word;
            }
        }
    }
    lines
}

/// Markdown events → the nodes that matter for height.
fn parse<'a>(
    events: impl IntoIterator<Item = Event<'a>>,
    pictures: &PictureLinks<'_>,
) -> Vec<Node> {
    let mut stack: Vec<Frame> = vec![Frame::Blocks(Vec::new())];
    let mut bold = 0usize;
    // Pictures open: what is inside a picture is its text alternative, not shown;
    // a picture inside another's text is part of that text, not a picture.
    let mut in_image = 0usize;
    let mut head = false;
    for event in events {
        match event {
            Event::Start(Tag::Image { dest_url, .. }) => {
                if in_image == 0
                    && let Some(
                        Frame::Text { images, .. }
                        | Frame::Item(_, _, images)
                        | Frame::Cell(_, images),
                    ) = stack.last_mut()
                {
                    images.push(shape(pictures.find(&dest_url)));
                }
                in_image += 1;
            }
            Event::End(TagEnd::Image) => in_image = in_image.saturating_sub(1),
            _ if in_image > 0 => {}
            Event::Start(tag) => match tag {
                Tag::Strong => bold += 1,
                Tag::Paragraph => stack.push(Frame::text(1.0, LINE, false, BLOCK_GAP)),
                Tag::Heading { .. } => {
                    stack.push(Frame::text(HEADING.0, HEADING.1, true, HEADING.2))
                }
                Tag::CodeBlock(_) => stack.push(Frame::Code(String::new())),
                Tag::HtmlBlock => stack.push(Frame::text(1.0, LINE, false, BLOCK_GAP)),
                Tag::List(_) => stack.push(Frame::List(Vec::new())),
                Tag::Item => stack.push(Frame::Item(Vec::new(), Glyphs::default(), Shapes::new())),
                Tag::BlockQuote(_) => stack.push(Frame::Quote(Vec::new())),
                Tag::FootnoteDefinition(_) => stack.push(Frame::Footnote(Vec::new())),
                Tag::Table(_) => stack.push(Frame::Table(Vec::new())),
                Tag::TableHead => {
                    head = true;
                    stack.push(Frame::Row(Vec::new()))
                }
                Tag::TableRow => stack.push(Frame::Row(Vec::new())),
                Tag::TableCell => stack.push(Frame::Cell(Glyphs::default(), Shapes::new())),
                _ => {}
            },
            Event::End(end) => match end {
                TagEnd::Strong => bold = bold.saturating_sub(1),
                TagEnd::TableHead => {
                    head = false;
                    let done = stack.pop().expect("balanced events");
                    push_done(&mut stack, done);
                }
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::CodeBlock
                | TagEnd::HtmlBlock
                | TagEnd::List(_)
                | TagEnd::Item
                | TagEnd::BlockQuote(_)
                | TagEnd::FootnoteDefinition
                | TagEnd::Table
                | TagEnd::TableRow
                | TagEnd::TableCell => {
                    let done = stack.pop().expect("balanced events");
                    push_done(&mut stack, done);
                }
                _ => {}
            },
            // Text is shown as it is ("a < b"); raw HTML shows only what is between its tags.
            // Header cells are bold (`th`).
            Event::Text(t) => add_text(&mut stack, &t, bold > 0 || head, false),
            Event::Html(t) | Event::InlineHtml(t) => {
                add_text(&mut stack, &strip_tags(&t), bold > 0 || head, false)
            }
            Event::Code(t) => add_text(&mut stack, &t, bold > 0 || head, true),
            Event::SoftBreak => add_text(&mut stack, " ", false, false),
            Event::HardBreak => add_text(&mut stack, "\n", false, false),
            Event::FootnoteReference(label) => add_text(&mut stack, &label, false, false),
            Event::Rule => push_node(&mut stack, Node::Rule),
            _ => {}
        }
    }
    while stack.len() > 1 {
        let done = stack.pop().expect("non-empty");
        push_done(&mut stack, done);
    }
    match stack.pop() {
        Some(Frame::Blocks(nodes)) => nodes,
        _ => Vec::new(),
    }
}

/// A block being collected.
#[derive(Debug)]
enum Frame {
    Blocks(Vec<Node>),
    /// A paragraph or heading; `bold`: set bold throughout (headings).
    Text {
        glyphs: Glyphs,
        scale: f32,
        line: f32,
        bold: bool,
        gap: f32,
        images: Shapes,
    },
    Code(String),
    List(Vec<Vec<Node>>),
    /// An item's blocks, and the loose text of a tight item (no paragraph around it) with its images.
    Item(Vec<Node>, Glyphs, Shapes),
    Quote(Vec<Node>),
    Footnote(Vec<Node>),
    Table(Vec<Vec<(Glyphs, Shapes)>>),
    Row(Vec<(Glyphs, Shapes)>),
    /// A table cell's text and its pictures.
    Cell(Glyphs, Shapes),
}

impl Frame {
    fn text(scale: f32, line: f32, bold: bool, gap: f32) -> Frame {
        Frame::Text {
            glyphs: Glyphs::default(),
            scale,
            line,
            bold,
            gap,
            images: Shapes::new(),
        }
    }
}

fn add_text(stack: &mut [Frame], text: &str, bold: bool, mono: bool) {
    match stack.last_mut() {
        Some(Frame::Text {
            glyphs,
            bold: all_bold,
            ..
        }) => glyphs.add(text, bold || *all_bold, mono),
        Some(Frame::Item(_, glyphs, _) | Frame::Cell(glyphs, _)) => glyphs.add(text, bold, mono),
        Some(Frame::Code(code)) => code.push_str(text),
        Some(Frame::Blocks(nodes) | Frame::Quote(nodes) | Frame::Footnote(nodes)) => {
            let mut glyphs = Glyphs::default();
            glyphs.add(text, bold, mono);
            nodes.push(Node::text(glyphs, 1.0, LINE, BLOCK_GAP, Shapes::new()))
        }
        _ => {}
    }
}

fn push_node(stack: &mut [Frame], node: Node) {
    match stack.last_mut() {
        Some(Frame::Blocks(nodes) | Frame::Quote(nodes) | Frame::Footnote(nodes)) => {
            nodes.push(node)
        }
        Some(Frame::Item(nodes, loose, images)) => {
            if loose.added || !images.is_empty() {
                let glyphs = std::mem::take(loose);
                let images = std::mem::take(images);
                nodes.push(Node::text(glyphs, 1.0, LINE, BLOCK_GAP, images));
            }
            nodes.push(node);
        }
        _ => {}
    }
}

fn push_done(stack: &mut [Frame], done: Frame) {
    match done {
        Frame::Text {
            glyphs,
            scale,
            line,
            gap,
            images,
            ..
        } => push_node(stack, Node::text(glyphs, scale, line, gap, images)),
        Frame::Code(text) => push_node(stack, Node::Code(text)),
        Frame::List(items) => push_node(stack, Node::List(items)),
        Frame::Item(mut nodes, loose, images) => {
            if loose.added || !images.is_empty() {
                nodes.push(Node::text(loose, 1.0, LINE, BLOCK_GAP, images));
            }
            if let Some(Frame::List(items)) = stack.last_mut() {
                items.push(nodes);
            }
        }
        Frame::Quote(nodes) => push_node(stack, Node::Quote(nodes)),
        Frame::Footnote(nodes) => push_node(stack, Node::Footnote(nodes)),
        Frame::Table(rows) => push_node(stack, Node::Table(rows)),
        Frame::Row(cells) => {
            if let Some(Frame::Table(rows)) = stack.last_mut() {
                rows.push(cells);
            }
        }
        Frame::Cell(glyphs, images) => {
            if let Some(Frame::Row(cells)) = stack.last_mut() {
                cells.push((glyphs.finish(), images));
            }
        }
        Frame::Blocks(nodes) => {
            for n in nodes {
                push_node(stack, n);
            }
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

/// The number of lines `text` takes at `fs` px in a box `width` px wide, `bold` or not
/// (for titles, which are plain text rather than Markdown).
pub(crate) fn plain_lines(text: &str, width: f32, fs: f32, bold: bool) -> usize {
    lines(&Glyphs::of(text, bold), width, fs)
}

#[cfg(test)]
mod tests {
    use super::*;

    const W: f32 = 1136.0;

    #[test]
    fn wrapping_counts_whole_words() {
        // 10 × "abcd " at 10 px: each word ≈ 24 px plus a space ≈ 3 px.
        let text = "abcd ".repeat(10);
        assert_eq!(plain_lines(&text, 1000.0, 10.0, false), 1);
        assert_eq!(plain_lines(&text, 60.0, 10.0, false), 5);
        // A word wider than the box is broken anywhere.
        assert_eq!(plain_lines(&"m".repeat(100), 100.0, 10.0, false), 10);
        // Hard breaks start new lines.
        assert_eq!(plain_lines("a\nb", 1000.0, 10.0, false), 2);
        assert_eq!(plain_lines("a\n\nb", 1000.0, 10.0, false), 3);
        assert!(plain_lines(&text, 240.0, 10.0, true) >= plain_lines(&text, 240.0, 10.0, false));
    }

    #[test]
    fn the_ascii_shortcut_reads_text_as_char_by_char_does() {
        let text: String = (0u8..128)
            .map(char::from)
            .chain("åäö é–€ 漢".chars())
            .flat_map(|c| ['x', c, 'y', ' '])
            .collect();
        for bold in [false, true] {
            // Character by character, as wrapping sees text.
            let (mut expected, mut word, mut space) = (Vec::new(), 0, 0);
            for c in text.chars().chain([' ']) {
                if (c == '\n' || c.is_whitespace()) && word > 0 {
                    expected.push(Piece::Word { space, width: word });
                    word = 0;
                }
                match c {
                    '\n' => expected.push(Piece::Newline),
                    c if c.is_whitespace() => space = char_milli(c, bold),
                    c => word += char_milli(c, bold),
                }
            }
            assert_eq!(Glyphs::of(&text, bold).pieces, expected);
            // A word goes on across pieces of text.
            let mut pieces = Glyphs::default();
            let mut buf = [0; 4];
            text.chars()
                .for_each(|c| pieces.add(c.encode_utf8(&mut buf), bold, false));
            assert_eq!(pieces.finish().pieces, expected);
        }
    }

    #[test]
    fn text_that_looks_like_a_tag_is_measured_as_text() {
        // `\<` is a literal "<": it and what follows are shown, so they take room.
        let with = height(&"ab \\< cd ".repeat(60), W, 30.0);
        let without = height(&"ab cd ".repeat(60), W, 30.0);
        assert!(with > without, "{with} vs {without}");
    }

    #[test]
    fn one_line_items_and_paragraphs() {
        let s = 30.0;
        let item = height("- kort", W, s);
        assert!((item - (LINE * s + ITEM_GAP * s)).abs() < 0.01, "{item}");
        let para = height("Kort stycke.", W, s);
        assert!((para - (LINE * s + BLOCK_GAP * s)).abs() < 0.01, "{para}");
    }

    #[test]
    fn longer_text_and_smaller_type() {
        let long = format!("- {}", "ord ".repeat(200));
        assert!(height(&long, W, 30.0) > 8.0 * LINE * 30.0);
        assert!(height(&long, W, 24.0) < height(&long, W, 30.0));
        assert!(height(&long, W / 2.0, 24.0) > height(&long, W, 24.0));
    }

    #[test]
    fn nested_items_and_loose_items_add_up() {
        let s = 30.0;
        let nested = height("- a\n  - b\n  - c", W, s);
        let flat = height("- a\n- b\n- c", W, s);
        assert!(nested > flat, "the sub-list adds a gap: {nested} vs {flat}");
        let loose = height("- a\n\n  second paragraph", W, s);
        assert!(
            (loose - (2.0 * LINE * s + 2.0 * ITEM_GAP * s)).abs() < 0.01,
            "{loose}"
        );
    }

    #[test]
    fn a_picture_takes_the_height_its_shape_gives_it() {
        let none = Glyphs::default().finish();
        let at = |width: f32, shapes: &[f32]| text_height(&none, width, 30.0, LINE, shapes);
        // A panorama 3000 × 400 set across the body: its own height at that width.
        let panorama = 400.0 / 3000.0;
        assert_eq!(at(W, &[panorama]), W * panorama);
        assert!(at(W, &[panorama]) < IMAGE_HEIGHT * 0.7);
        // Narrower in a list item, so lower still.
        assert!(at(W - 100.0, &[panorama]) < at(W, &[panorama]));
        // A portrait 400 × 1600 is held at the most a picture may take.
        assert_eq!(at(W, &[4.0]), IMAGE_HEIGHT);
        // Pictures of one block share that height, each within its part.
        assert_eq!(at(W, &[4.0, 4.0]), IMAGE_HEIGHT);
        assert_eq!(at(W, &[4.0, 0.1]), IMAGE_HEIGHT / 2.0 + W * 0.1);
        // A picture of unknown shape counts as tall as a picture may be.
        assert_eq!(shape(None), f32::INFINITY);
        assert_eq!(at(W, &[shape(None)]), IMAGE_HEIGHT);
    }

    #[test]
    fn a_wide_table_gets_smaller_type_so_its_words_stay_whole() {
        let scale = |md: &str, width: f32, size: f32| {
            heights(md, width, [size], &PictureLinks::NONE)[0].table
        };
        let row = |cells: &[&str]| format!("| {} |\n", cells.join(" | "));
        let table = |head: &[&str], body: &[&str]| {
            let rule = vec!["---"; head.len()];
            format!("{}{}{}", row(head), row(&rule), row(body).repeat(4))
        };
        // Four columns of short words: the default size.
        let four = table(
            &["År", "Kvartal", "Mål", "Utfall"],
            &["2021", "94,5", "90", "Ja"],
        );
        assert_eq!(scale(&four, W, 32.0), TABLE_SCALES[0]);
        // Nine columns (deck-pressure's wide table): the header's words do not fit whole
        // side by side at 0.85 em of 32 px, so the table gets smaller type.
        let head = [
            "Organisation",
            "Kvartal 1",
            "Kvartal 2",
            "Kvartal 3",
            "Kvartal 4",
            "Helår",
            "Förändring",
            "Mål",
            "Uppfyllelse",
        ];
        let body = [
            "Primärvården",
            "94,5",
            "88,0",
            "91,2",
            "93,4",
            "91,8",
            "+2,1",
            "90,0",
            "Uppfyllt",
        ];
        let wide = table(&head, &body);
        let at_32 = scale(&wide, W, 32.0);
        assert!(at_32 < TABLE_SCALES[0], "{at_32}");
        // Smaller body type needs less shrinking; a table in a quote has less room.
        assert!(scale(&wide, W, 24.0) >= at_32);
        let quoted = format!("> {}", wide.trim_end().replace('\n', "\n> "));
        assert!(scale(&quoted, W, 32.0) <= at_32);
        // A word wider than the body fits at no size: the smallest, and the word breaks.
        let long = table(&["a", "b"], &[&"m".repeat(80), "1"]);
        assert_eq!(scale(&long, W, 32.0), TABLE_SCALES[TABLE_SCALES.len() - 1]);
    }

    #[test]
    fn tables_code_headings_and_images() {
        let s = 30.0;
        let table = height("| a | b |\n|---|---|\n| 1 | 2 |\n| 3 | 4 |", W, s);
        assert!(table > 3.0 * LINE * s * TABLE.0, "{table}");
        let code = height("```\none\ntwo\nthree\n```", W, s);
        assert!(code > 3.0 * CODE.1 * CODE.0 * s, "{code}");
        let heading = height("# Rubrik", W, s);
        assert!(heading > LINE * s, "{heading}");
        let image = height("![bild](a.png)", W, s);
        assert!(image >= IMAGE_HEIGHT, "{image}");
        let html = height("<div>dold <b>text</b></div>", W, s);
        assert!(html >= LINE * s, "{html}");
    }
}
