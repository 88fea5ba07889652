//! The fit estimate: how tall a piece of Markdown is when set on a slide.
//!
//! Lengths are *design pixels* of a 1280 × 720 slide (the stylesheet sets every
//! size on a slide as a multiple of `--u`, 1/1280 of the slide's width, so the
//! estimate holds at any screen size and in print). Text is wrapped word by word
//! with the character widths of [`super::metrics`]; every block adds the margins
//! that `assets/slides.css` gives it ([`super::geometry`]). What is measured is
//! the block tree ([`super::tree`]), not the Markdown again.
//!
//! The estimate leans wide (the theme font's advances without kerning, whole lines, a
//! safety margin in [`super::fit`]), so a slide it accepts does not overflow; the
//! cost is that a slide is sometimes set one size smaller than it needed to be.

use pulldown_cmark::Parser;

use super::blocks::options;
use super::geometry::{
    BLOCK_GAP, CELL_PAD_X, CODE, FOOTNOTE, HEADING, IMAGE_HEIGHT, ITEM_GAP, LINE, LIST_INDENT,
    QUOTE_INDENT, RULE, TABLE, TABLE_SCALES,
};
use super::glyphs::{Glyphs, lines};
use super::metrics::MONO_EM;
use super::tree::{self, Node, Table, Text};
use crate::model::images::PictureLinks;

/// The height of `md` set in a body of `width` design px at `size` px, as the only
/// content or as one list item (`item = true`: no list margin, one item gap).
#[cfg(test)]
pub(super) fn height(md: &str, width: f32, size: f32) -> f32 {
    heights(md, width, [size], &PictureLinks::NONE)[0].height
}

/// What a piece of Markdown takes on a slide at one body size.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Measure {
    /// Its height, design px.
    pub(super) height: f32,
    /// The type size its tables are set in ([`TABLE_SCALES`]), the smallest
    /// if it has several; the largest if it has none.
    pub(super) table: f32,
}

/// The height of `md` at each of `sizes`, parsing the Markdown once (slide
/// fitting tries every candidate size); `pictures` give the pictures' sizes.
pub(super) fn heights<const N: usize>(
    md: &str,
    width: f32,
    sizes: [f32; N],
    pictures: &PictureLinks<'_>,
) -> [Measure; N] {
    let nodes = tree::tree(Parser::new_ext(md, options()), pictures);
    tree_heights(&nodes.iter().collect::<Vec<_>>(), width, sizes)
}

/// [`heights`] of the blocks `nodes` of a tree already built.
pub(super) fn tree_heights<const N: usize>(
    nodes: &[&Node],
    width: f32,
    sizes: [f32; N],
) -> [Measure; N] {
    sizes.map(|size| Measure {
        height: nodes_height(nodes, width, size),
        table: tables_scale(nodes.iter().copied(), width, size),
    })
}

/// The smallest type size the tables among `nodes` get at body size `size` in
/// a box `width` wide (tables in list items and quotes have less width).
fn tables_scale<'n>(nodes: impl IntoIterator<Item = &'n Node>, width: f32, size: f32) -> f32 {
    nodes
        .into_iter()
        .map(|node| match node {
            Node::Table(table) => table_scale(table, width, size),
            Node::List(_, items) => items
                .iter()
                .map(|item| tables_scale(item, width - LIST_INDENT * size, size))
                .fold(TABLE_SCALES[0], f32::min),
            Node::Quote(inner) => tables_scale(inner, width - QUOTE_INDENT * size, size),
            Node::Footnote(_, inner) => tables_scale(inner, width, size * FOOTNOTE),
            Node::Paragraph(_) | Node::Heading(..) | Node::Code(_) | Node::Rule => TABLE_SCALES[0],
        })
        .fold(TABLE_SCALES[0], f32::min)
}

/// The largest of [`TABLE_SCALES`] at which the longest word of every column
/// fits beside the others' (with the cells' padding and borders) in `width`
/// at body size `size`; the smallest when none does (words are then broken,
/// `overflow-wrap: anywhere`, rather than the table leaving the slide).
fn table_scale(table: &Table, width: f32, size: f32) -> f32 {
    let border = TABLE.2;
    let fits = |scale: f32| {
        let fs = size * scale;
        let columns: f32 = table
            .columns
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

fn nodes_height(nodes: &[&Node], width: f32, size: f32) -> f32 {
    // A single top-level list is measured as its items (the list's bottom margin is
    // added once per list by the caller).
    match nodes {
        [Node::List(_, items)] => items
            .iter()
            .map(|i| item_height(i, width - LIST_INDENT * size, size))
            .sum(),
        _ => blocks_height(nodes.iter().copied(), width, size),
    }
}

fn blocks_height<'n>(nodes: impl IntoIterator<Item = &'n Node>, width: f32, size: f32) -> f32 {
    nodes.into_iter().map(|n| node_height(n, width, size)).sum()
}

fn item_height(blocks: &[Node], width: f32, size: f32) -> f32 {
    // Inside an item, paragraphs are separated by an item gap and the last has none.
    let inner: f32 = blocks
        .iter()
        .map(|n| match n {
            Node::Paragraph(text) | Node::Heading(_, text) => {
                let (scale, line, _) = text_style(n);
                text_height(text, width, size * scale, line) + ITEM_GAP * size
            }
            Node::List(_, items) => {
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
        Some(Node::Paragraph(_) | Node::Heading(..)) => ITEM_GAP * size,
        _ => 0.0,
    };
    inner - last_gap + ITEM_GAP * size
}

/// A text block's type size (em of the body), line height and the gap after it
/// (em of the body), as `slides.css` sets them.
fn text_style(node: &Node) -> (f32, f32, f32) {
    match node {
        Node::Heading(..) => HEADING,
        _ => (1.0, LINE, BLOCK_GAP),
    }
}

fn node_height(node: &Node, width: f32, size: f32) -> f32 {
    match node {
        Node::Paragraph(text) | Node::Heading(_, text) => {
            let (scale, line, gap) = text_style(node);
            text_height(text, width, size * scale, line) + gap * size
        }
        Node::List(_, items) => {
            items
                .iter()
                .map(|i| item_height(i, width - LIST_INDENT * size, size))
                .sum::<f32>()
                + BLOCK_GAP * size
        }
        Node::Quote(inner) => {
            blocks_height(inner, width - QUOTE_INDENT * size, size) + BLOCK_GAP * size
        }
        Node::Table(table) => table_height(table, width, size) + BLOCK_GAP * size,
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
        Node::Footnote(_, inner) => blocks_height(inner, width, size * FOOTNOTE),
    }
}

fn table_height(table: &Table, width: f32, size: f32) -> f32 {
    let (_, pad, border) = TABLE;
    let fs = size * table_scale(table, width, size);
    let cols = table.rows.iter().map(Vec::len).max().unwrap_or(1).max(1);
    // The browser gives wide columns more room; an equal share is the cautious guess.
    let cell_width = width / cols as f32 - fs;
    table
        .rows
        .iter()
        .map(|row| {
            let cells = row
                .iter()
                .map(|cell| text_height(cell, cell_width, fs, LINE))
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
fn text_height(text: &Text, width: f32, fs: f32, line: f32) -> f32 {
    let images = &text.pictures;
    let text_lines = match (images.len(), text.words.is_blank()) {
        (0, _) => lines(&text.words, width, fs),
        (_, true) => 0,
        (n, false) => lines(&text.words, width, fs) + n,
    };
    let part = IMAGE_HEIGHT / images.len().max(1) as f32;
    let pictures: f32 = images
        .iter()
        .map(|&size| (width * shape(size)).min(part))
        .sum();
    text_lines as f32 * line * fs + pictures
}

/// A picture's height per unit of width, from its natural size in pixels; a
/// picture the year does not have, or one without a width, counts as tall as
/// a picture may be.
fn shape(size: Option<(u32, u32)>) -> f32 {
    match size {
        Some((w, h)) if w > 0 => h as f32 / w as f32,
        _ => f32::INFINITY,
    }
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
        let at = |width: f32, sizes: &[Option<(u32, u32)>]| {
            let text = Text {
                words: Glyphs::default().finish(),
                pictures: sizes.to_vec(),
                inlines: Vec::new(),
            };
            text_height(&text, width, 30.0, LINE)
        };
        // A panorama 3000 × 400 set across the body: its own height at that width.
        let panorama = Some((3000, 400));
        assert_eq!(at(W, &[panorama]), W * (400.0 / 3000.0));
        assert!(at(W, &[panorama]) < IMAGE_HEIGHT * 0.7);
        // Narrower in a list item, so lower still.
        assert!(at(W - 100.0, &[panorama]) < at(W, &[panorama]));
        // A portrait 400 × 1600 is held at the most a picture may take.
        let portrait = Some((400, 1600));
        assert_eq!(at(W, &[portrait]), IMAGE_HEIGHT);
        // Pictures of one block share that height, each within its part.
        assert_eq!(at(W, &[portrait, portrait]), IMAGE_HEIGHT);
        assert_eq!(
            at(W, &[portrait, Some((1000, 100))]),
            IMAGE_HEIGHT / 2.0 + W * 0.1
        );
        // A picture of unknown size, or without a width, counts as tall as a picture may be.
        assert_eq!(shape(None), f32::INFINITY);
        assert_eq!(shape(Some((0, 10))), f32::INFINITY);
        assert_eq!(at(W, &[None]), IMAGE_HEIGHT);
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
    fn a_line_break_in_a_cell_is_no_longer_word() {
        // Eight columns headed "Antal<br>deltagare": whole words side by side fit at
        // 0.75 em of a 32 px body; read as one word "Antaldeltagare" they fit at no size.
        let table = |head: &str| {
            let row = |cell: &str| format!("|{}\n", format!(" {cell} |").repeat(8));
            format!("{}{}{}", row(head), row("---"), row("12"))
        };
        let scale = |md: &str| heights(md, W, [32.0], &PictureLinks::NONE)[0].table;
        assert_eq!(scale(&table("Antal<br>deltagare")), TABLE_SCALES[1]);
        assert_eq!(scale(&table("Antal<BR/>deltagare")), TABLE_SCALES[1]);
        assert_eq!(scale(&table("Antal deltagare")), TABLE_SCALES[1]);
        assert_eq!(scale(&table("Antaldeltagare")), TABLE_SCALES[2]);
        // And the break starts a line: two lines, as tall as two words on two lines.
        let two = height("Antal<br>deltagare", W, 30.0);
        assert!(
            (two - (2.0 * LINE * 30.0 + BLOCK_GAP * 30.0)).abs() < 0.01,
            "{two}"
        );
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
