//! From classified lines to the shape of a deck: a title slide, sections with
//! a heading and list items (nested) or paragraphs, and a closing slide.
//!
//! The rules, in the order they apply:
//! - Lines without a blank line between them form a block. Two or more blank
//!   lines, or a form feed, start a new slide.
//! - A text block directly followed by a list is a section heading. A text
//!   block that starts a slide of its own, between sections, is one too.
//! - Text before the first heading is the title slide; text after the last
//!   list is the closing slide.
//! - A text line right after a list item continues that item (a line wrapped
//!   mid-sentence); a heading or statement split over lines is joined.
//! - Deeper indentation, or a different bullet at the same indentation, nests
//!   an item under the one before; going back to an earlier bullet or
//!   indentation goes back to its level.

use super::lines::{Kind, Line, Marker};

/// A list item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// 0 for top level.
    pub depth: usize,
    /// The number of a numbered item.
    pub number: Option<u32>,
    /// The text, wrapped lines joined.
    pub text: String,
}

/// A piece of a section's body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Part {
    /// Consecutive list items.
    List(Vec<Item>),
    /// Lines of running text.
    Paragraph(Vec<String>),
}

/// One section (a content slide).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slide {
    /// The heading, if the slide had one.
    pub title: Option<String>,
    /// Its line number, for messages.
    pub line: usize,
    /// The body.
    pub parts: Vec<Part>,
}

/// The whole deck.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Deck {
    /// Text blocks of the title slide, each with its lines.
    pub title_blocks: Vec<Vec<String>>,
    /// The content slides.
    pub slides: Vec<Slide>,
    /// Text blocks of the closing slide.
    pub closing_blocks: Vec<Vec<String>>,
}

enum Block {
    Text {
        lines: Vec<String>,
        first: usize,
        starts_slide: bool,
    },
    List(Vec<Item>),
}

/// Reads the deck's shape from its lines.
pub fn outline(lines: &[Line]) -> Deck {
    let blocks = blocks(lines);
    let last_list = blocks.iter().rposition(|b| matches!(b, Block::List(_)));
    let first_heading = blocks
        .windows(2)
        .position(|w| matches!((&w[0], &w[1]), (Block::Text { .. }, Block::List(_))))
        .or_else(|| blocks.iter().position(|b| matches!(b, Block::List(_))));
    let mut deck = Deck::default();
    for (i, block) in blocks.iter().enumerate() {
        let next_is_list = matches!(blocks.get(i + 1), Some(Block::List(_)));
        match block {
            Block::List(items) => {
                if deck.slides.is_empty() {
                    deck.slides.push(Slide {
                        title: None,
                        line: 0,
                        parts: Vec::new(),
                    });
                }
                let slide = deck.slides.last_mut().expect("a slide");
                match slide.parts.last_mut() {
                    Some(Part::List(list)) => list.extend(items.iter().cloned()),
                    _ => slide.parts.push(Part::List(items.clone())),
                }
            }
            Block::Text {
                lines,
                first,
                starts_slide,
            } => {
                let before_first = first_heading.is_none_or(|h| i < h);
                let after_last = last_list.is_none_or(|l| i > l);
                if before_first && !next_is_list {
                    deck.title_blocks.push(lines.clone());
                } else if after_last && !next_is_list {
                    deck.closing_blocks.push(lines.clone());
                } else if next_is_list || *starts_slide {
                    deck.slides.push(Slide {
                        title: Some(join_heading(lines)),
                        line: *first,
                        parts: Vec::new(),
                    });
                } else {
                    let slide = deck.slides.last_mut().expect("a heading came first");
                    slide.parts.push(Part::Paragraph(lines.clone()));
                }
            }
        }
    }
    deck
}

/// Groups lines into text blocks and lists.
fn blocks(lines: &[Line]) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    let mut blanks = 2; // the start of the file starts a slide
    let mut levels: Vec<(usize, Marker)> = Vec::new();
    for line in lines {
        match &line.kind {
            Kind::Blank => blanks += 1,
            Kind::Break => blanks = 2,
            Kind::Text { text, .. } => {
                let continues = blanks == 0;
                match out.last_mut() {
                    Some(Block::List(items)) if continues => {
                        let last = items.last_mut().expect("lists are never empty");
                        last.text = join_wrapped(&last.text, text);
                    }
                    Some(Block::Text { lines, .. }) if continues => lines.push(text.clone()),
                    _ => out.push(Block::Text {
                        lines: vec![text.clone()],
                        first: line.number,
                        starts_slide: blanks >= 2,
                    }),
                }
                blanks = 0;
            }
            Kind::Bullet {
                indent,
                marker,
                text,
            } => {
                if blanks > 0 || !matches!(out.last(), Some(Block::List(_))) {
                    levels.clear();
                }
                let depth = depth(&mut levels, *indent, *marker);
                let number = match marker {
                    Marker::Number(n) => Some(*n),
                    Marker::Glyph(_) => None,
                };
                let item = Item {
                    depth,
                    number,
                    text: text.clone(),
                };
                match out.last_mut() {
                    Some(Block::List(items)) if blanks == 0 => items.push(item),
                    _ => out.push(Block::List(vec![Item { depth: 0, ..item }])),
                }
                blanks = 0;
            }
        }
    }
    out
}

/// The nesting depth of a bullet, keeping the stack of open levels.
fn depth(levels: &mut Vec<(usize, Marker)>, indent: usize, marker: Marker) -> usize {
    while levels.last().is_some_and(|&(i, _)| i > indent) {
        levels.pop();
    }
    match levels.last() {
        None => levels.push((indent, marker)),
        Some(&(i, _)) if i < indent => levels.push((indent, marker)),
        Some(&(_, m)) if m.same_as(marker) => {}
        Some(_) => match levels
            .iter()
            .rposition(|&(i, m)| i == indent && m.same_as(marker))
        {
            Some(pos) => levels.truncate(pos + 1),
            None => levels.push((indent, marker)),
        },
    }
    levels.len() - 1
}

/// Joins a wrapped line to the text before it.
pub fn join_wrapped(before: &str, next: &str) -> String {
    let hyphenated =
        before.ends_with('-') && before.chars().rev().nth(1).is_some_and(char::is_alphabetic);
    if hyphenated {
        format!("{before}{next}")
    } else {
        format!("{before} {next}")
    }
}

/// A heading split over lines, joined with spaces.
pub fn join_heading(lines: &[String]) -> String {
    lines
        .iter()
        .skip(1)
        .fold(lines[0].clone(), |acc, l| join_wrapped(&acc, l))
}

/// A statement split over lines: lines that continue a sentence (starting with a
/// small letter) are joined with a space, separate lines with " – ".
pub fn join_statement(lines: &[String]) -> String {
    let mut out = String::new();
    for l in lines {
        if out.is_empty() {
            out.push_str(l);
        } else if l.chars().next().is_some_and(char::is_lowercase) || out.ends_with([',', '-']) {
            out = join_wrapped(&out, l);
        } else {
            out.push_str(" – ");
            out.push_str(l);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::lines::lines;

    fn deck(text: &str) -> Deck {
        outline(&lines(text))
    }

    #[test]
    fn title_sections_and_closing() {
        let d = deck(
            "Kommun\noch sjukvård\n\nRapport 2021\n\nStyrkor\n\n- a\n- b\n\n\n\nFramåt\n- c\n\n\n\nTack\n\n\n\nför i år",
        );
        assert_eq!(
            d.title_blocks,
            [
                vec!["Kommun".to_string(), "och sjukvård".into()],
                vec!["Rapport 2021".into()]
            ]
        );
        let titles: Vec<_> = d.slides.iter().map(|s| s.title.clone().unwrap()).collect();
        assert_eq!(titles, ["Styrkor", "Framåt"]);
        assert_eq!(
            d.closing_blocks,
            [vec!["Tack".to_string()], vec!["för i år".into()]]
        );
        assert_eq!(join_statement(&d.title_blocks[0]), "Kommun och sjukvård");
    }

    #[test]
    fn nesting_by_indent_and_by_bullet() {
        let d = deck(
            "Rubrik\n\n• ett\n– under\n– under två\n• två\n  - djupare\n    1. numrerad\n• tre\n",
        );
        let Part::List(items) = &d.slides[0].parts[0] else {
            panic!()
        };
        let depths: Vec<usize> = items.iter().map(|i| i.depth).collect();
        assert_eq!(depths, [0, 1, 1, 0, 1, 2, 0]);
        assert_eq!(items[5].number, Some(1));
    }

    #[test]
    fn wrapped_lines_are_joined() {
        let d = deck("Rubrik\n\n- en lång punkt som\nfortsätter här\n- samverkans-\naktiviteter\n");
        let Part::List(items) = &d.slides[0].parts[0] else {
            panic!()
        };
        assert_eq!(items[0].text, "en lång punkt som fortsätter här");
        assert_eq!(items[1].text, "samverkans-aktiviteter");
    }

    #[test]
    fn text_only_slides_and_paragraphs() {
        let d = deck("Titel 2021\n\nA\n- x\n\n\n\nB utan punkter\n\nLite text.\n\n\n\nC\n- y\n");
        let titles: Vec<_> = d.slides.iter().map(|s| s.title.clone().unwrap()).collect();
        assert_eq!(titles, ["A", "B utan punkter", "C"]);
        assert_eq!(
            d.slides[1].parts,
            [Part::Paragraph(vec!["Lite text.".into()])]
        );
    }
}
