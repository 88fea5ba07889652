//! A section's Markdown cut into *units* — the places a slide may end — each
//! with its block tree ([`super::tree`]), built in the same one walk over the
//! section's events: the fitter measures the trees, a slide's HTML is rendered
//! from its units' share of the same events.
//!
//! A unit is a top-level block (paragraph, table, code block, heading …) or one
//! item of a top-level list. Slides are cut only between units, so a list keeps
//! its numbering and a point is never cut in the middle — unless a single unit is
//! too tall for a slide on its own; then [`split_points`] gives the places inside
//! it (sentence ends, then word gaps, then its sub-items) where it may be cut.

use std::collections::BTreeMap;
use std::ops::Range;

use pulldown_cmark::{CowStr, Event, Parser, Tag, TagEnd};

use super::tree::{Builder, Node};
use crate::model::images::PictureLinks;

/// One place a slide may start or end.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Unit {
    /// The unit's Markdown (a slice of the section text, or a piece of a split unit).
    pub(super) markdown: String,
    /// Where the unit starts in the section text (for messages).
    pub(super) offset: usize,
    /// For list items: which top-level list (0, 1, …) they belong to.
    pub(super) list: Option<usize>,
    /// True for the second and later pieces of a unit split inside its text.
    pub(super) continued: bool,
    /// The unit's events in [`Units::events`] (none for a piece of a cut unit,
    /// which is not a slice of the section's parse).
    pub(super) events: Option<Range<usize>>,
    /// The unit's block tree, built in the same walk (none for a piece of a cut
    /// unit: its Markdown is parsed to measure it).
    pub(super) tree: Option<Vec<Node>>,
}

pub(super) use crate::model::markdown::options;

/// A footnote definition of a section.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Footnote {
    /// Its label (`1` of `[^1]`).
    pub(super) label: String,
    /// Its Markdown (`[^1]: …`), appended to a slide's Markdown that cites it.
    pub(super) markdown: String,
    /// Its events in [`Units::events`].
    events: Range<usize>,
    /// Its block tree: one [`Node::Footnote`].
    pub(super) tree: Vec<Node>,
}

/// The section text's units, plus the text every piece needs to render on its own:
/// link reference definitions (`[x]: https://…`) and footnote definitions by label.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct Units<'a> {
    /// The units in order.
    pub(super) units: Vec<Unit>,
    /// Link reference definitions, appended to each slide's Markdown.
    pub(super) link_defs: String,
    /// Footnote definitions, appended to a slide that refers to them.
    pub(super) footnotes: Vec<Footnote>,
    /// The section's Markdown events, parsed once: a slide is rendered from its
    /// units' share of them (parsing each slide again was a tenth of a large build).
    pub(super) events: Vec<Event<'a>>,
    /// Indices into `footnotes` by label, for [`Units::cited_footnotes`].
    footnote_labels: BTreeMap<String, Vec<usize>>,
    /// The footnotes whose label holds a `]` (rare; searched for one by one).
    bracketed_labels: Vec<usize>,
}

impl<'a> Units<'a> {
    /// The block tree of `unit` with the footnote definitions it cites, as if its
    /// Markdown (with them) were parsed alone: a list item as a list of its own,
    /// then the notes. `None` for a piece of a cut unit.
    pub(super) fn tree_of<'u>(&'u self, unit: &'u Unit) -> Option<Vec<&'u Node>> {
        let mut out: Vec<&Node> = unit.tree.as_ref()?.iter().collect();
        for i in self.cited_footnotes(&unit.markdown) {
            out.extend(&self.footnotes[i].tree);
        }
        Some(out)
    }

    /// The events of consecutive units shown together on a slide, with the
    /// footnote definitions `markdown` (their joined text) cites: what parsing
    /// `markdown` with those definitions appended gives. `None` where that could
    /// differ, and the slide's Markdown must be parsed: a piece of a cut unit, an
    /// item of a loose list (joined into a slide, its items would become tight),
    /// a raw HTML or code block (a unit's text is trimmed at its end).
    pub(super) fn part_events(&self, units: &[&Unit], markdown: &str) -> Option<Vec<Event<'a>>> {
        let mut out = Vec::new();
        // The list being continued: its index and whether it is ordered.
        let mut open: Option<(usize, bool)> = None;
        for unit in units {
            let events = &self.events[unit.events.clone()?];
            if events
                .iter()
                .any(|e| matches!(e, Event::Start(Tag::HtmlBlock | Tag::CodeBlock(_))))
            {
                return None;
            }
            if open.map(|(list, _)| list) != unit.list
                && let Some((_, ordered)) = open.take()
            {
                out.push(Event::End(TagEnd::List(ordered)));
            }
            if let Some(list) = unit.list {
                if is_loose(events) {
                    return None;
                }
                if open.is_none() {
                    let start = list_start(&unit.markdown);
                    out.push(Event::Start(Tag::List(start)));
                    open = Some((list, start.is_some()));
                }
            }
            out.extend_from_slice(events);
        }
        if let Some((_, ordered)) = open {
            out.push(Event::End(TagEnd::List(ordered)));
        }
        self.push_footnotes(markdown, &mut out);
        Some(out)
    }

    /// Appends the events of each footnote definition `markdown` cites.
    fn push_footnotes(&self, markdown: &str, out: &mut Vec<Event<'a>>) {
        for i in self.cited_footnotes(markdown) {
            out.extend_from_slice(&self.events[self.footnotes[i].events.clone()]);
        }
    }

    /// The footnote definitions (indices into [`Units::footnotes`], in order) whose
    /// reference `[^label]` occurs in `markdown`. Each `[^` is looked up by the
    /// label after it rather than each definition searched for, so a slide costs
    /// its own length however many notes the section has.
    pub(super) fn cited_footnotes(&self, markdown: &str) -> Vec<usize> {
        let mut cited = Vec::new();
        if self.footnotes.is_empty() {
            return cited;
        }
        for (at, _) in markdown.match_indices("[^") {
            let rest = &markdown.as_bytes()[at + 2..];
            // A label is at most 999 characters (CommonMark's limit for link labels).
            let window = &rest[..rest.len().min(MAX_LABEL)];
            if let Some(end) = window.iter().position(|&b| b == b']') {
                let label = &markdown[at + 2..at + 2 + end];
                if let Some(defs) = self.footnote_labels.get(label) {
                    cited.extend(defs);
                }
            }
        }
        // A label with `]` in it is not found by the lookup above.
        for &i in &self.bracketed_labels {
            if markdown.contains(&format!("[^{}]", self.footnotes[i].label)) {
                cited.push(i);
            }
        }
        cited.sort_unstable();
        cited.dedup();
        cited
    }
}

/// The longest footnote label looked up, in bytes (999 characters of up to 4 bytes).
const MAX_LABEL: usize = 4 * 999 + 1;

/// Whether a list item's events are those of a loose list (paragraphs directly in the item).
fn is_loose(item: &[Event<'_>]) -> bool {
    let mut depth = 0usize;
    for event in item {
        match event {
            Event::Start(Tag::Paragraph) if depth == 1 => return true,
            Event::Start(_) => depth += 1,
            Event::End(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    false
}

/// The number an ordered list item's marker starts with (`3.` → 3); `None` for a bullet.
fn list_start(item: &str) -> Option<u64> {
    let marker = item_marker(item).trim_start();
    let digits = marker.bytes().take_while(u8::is_ascii_digit).count();
    marker[..digits].parse().ok()
}

/// Cuts a section text into units, building each unit's block tree in the same
/// walk over the events; `pictures` give the pictures' sizes.
pub(super) fn units<'a>(md: &'a str, pictures: &PictureLinks<'_>) -> Units<'a> {
    let mut out = Units::default();
    let mut depth = 0usize;
    let mut lists = 0usize;
    let mut in_list = false;
    let parser = Parser::new_ext(md, options()).into_offset_iter();
    let mut events = Vec::new();
    let mut link_defs = Vec::new();
    {
        let mut parser = parser;
        for e in parser.by_ref() {
            events.push(e);
        }
        for (_, def) in parser.reference_definitions().iter() {
            link_defs.push(def.span.clone());
        }
    }
    // Which unit or footnote the events from a start tag at depth 0 or 1 belong to.
    enum Owner {
        Unit(usize),
        Footnote(usize),
    }
    let mut owner = None;
    let mut tree = Builder::default();
    for (i, (event, range)) in events.iter().enumerate() {
        match event {
            Event::Start(tag) => {
                match (tag, depth) {
                    (Tag::List(_), 0) => in_list = true,
                    (Tag::FootnoteDefinition(label), 0) => {
                        owner = Some((Owner::Footnote(out.footnotes.len()), depth));
                        out.footnotes.push(Footnote {
                            label: label.to_string(),
                            markdown: md[range.clone()].trim_end().to_string(),
                            events: i..i,
                            tree: Vec::new(),
                        });
                    }
                    (Tag::Item, 1) if in_list => {
                        owner = Some((Owner::Unit(out.units.len()), depth));
                        out.units.push(unit(md, range.clone(), Some(lists), i));
                    }
                    (_, 0) => {
                        owner = Some((Owner::Unit(out.units.len()), depth));
                        out.units.push(unit(md, range.clone(), None, i));
                    }
                    _ => {}
                }
                depth += 1;
                tree.event(event, pictures);
            }
            Event::End(end) => {
                tree.event(event, pictures);
                depth -= 1;
                match owner.take_if(|(_, d)| *d == depth) {
                    Some((Owner::Unit(u), _)) => {
                        let unit = &mut out.units[u];
                        set_end(&mut unit.events, i);
                        unit.tree = Some(if unit.list.is_some() {
                            tree.take_item()
                        } else {
                            tree.take()
                        });
                    }
                    Some((Owner::Footnote(f), _)) => {
                        out.footnotes[f].events.end = i + 1;
                        out.footnotes[f].tree = tree.take();
                    }
                    None => {}
                }
                if depth == 0 && matches!(end, TagEnd::List(_)) {
                    in_list = false;
                    lists += 1;
                    // The list itself, its items gone to their units.
                    tree.take();
                }
            }
            Event::Rule if depth == 0 => {
                let mut rule = unit(md, range.clone(), None, i);
                tree.event(event, pictures);
                rule.tree = Some(tree.take());
                out.units.push(rule);
            }
            // A unit's Markdown is trimmed at its end, so a raw HTML block that
            // ends a unit has no last line break (which would measure as a line).
            Event::Html(html)
                if owner.as_ref().is_some_and(|(o, d)| {
                    matches!(o, Owner::Unit(_))
                        && events[i + 1..]
                            .iter()
                            .take(depth - d)
                            .all(|(e, _)| matches!(e, Event::End(_)))
                }) =>
            {
                tree.event(&Event::Html(CowStr::Borrowed(html.trim_end())), pictures);
            }
            _ => tree.event(event, pictures),
        }
    }
    out.events = events.into_iter().map(|(event, _)| event).collect();
    for (i, note) in out.footnotes.iter().enumerate() {
        out.footnote_labels
            .entry(note.label.clone())
            .or_default()
            .push(i);
    }
    link_defs.sort_by_key(|r| r.start);
    out.link_defs = link_defs
        .into_iter()
        .map(|r| md[r].trim_end().to_string())
        .collect::<Vec<_>>()
        .join("\n");
    out
}

/// A unit whose events start at event `first` (its end is set when its end tag comes).
fn unit(md: &str, range: Range<usize>, list: Option<usize>, first: usize) -> Unit {
    Unit {
        markdown: md[range.clone()].trim_end().to_string(),
        offset: range.start,
        list,
        continued: false,
        events: Some(first..first + 1),
        tree: None,
    }
}

fn set_end(events: &mut Option<Range<usize>>, last: usize) {
    if let Some(r) = events {
        r.end = last + 1;
    }
}

/// Where a unit's Markdown may be cut, best places first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct SplitPoints {
    /// After the end of a sentence (`. `, `! `, `? `, `… `).
    pub(super) sentences: Vec<usize>,
    /// Between words.
    pub(super) words: Vec<usize>,
    /// At the start of a line holding a sub-item of the unit's list item.
    pub(super) sub_items: Vec<usize>,
}

/// The places inside a unit (a paragraph or a list item) where it may be cut without
/// breaking its formatting: only in text outside emphasis, links and code, only in the
/// unit's own text (not inside its sub-items), and never where the rest would read as
/// a new block (a line starting with `-`, `#`, `>` or a number and a dot).
pub(super) fn split_points(md: &str) -> SplitPoints {
    let mut out = SplitPoints::default();
    let mut blocks: Vec<Block> = Vec::new();
    let mut inline = 0usize;
    let mut is_item = None;
    for (event, range) in Parser::new_ext(md, options()).into_offset_iter() {
        if let Event::Start(tag) = &event {
            is_item.get_or_insert(matches!(tag, Tag::List(_)));
        }
        match event {
            Event::Start(tag) => match tag {
                Tag::Paragraph => blocks.push(Block::Paragraph),
                Tag::List(_) => blocks.push(Block::List),
                Tag::Item => {
                    if blocks == [Block::List, Block::Item, Block::List] {
                        out.sub_items.push(line_start(md, range.start));
                    }
                    blocks.push(Block::Item);
                }
                Tag::Emphasis
                | Tag::Strong
                | Tag::Strikethrough
                | Tag::Link { .. }
                | Tag::Image { .. } => {
                    if inline == 0 && own_text(&blocks) {
                        collect_gaps(md, range.start..range.start + 1, &mut out);
                    }
                    inline += 1;
                }
                _ => blocks.push(Block::Other),
            },
            Event::End(end) => match end {
                TagEnd::Emphasis
                | TagEnd::Strong
                | TagEnd::Strikethrough
                | TagEnd::Link
                | TagEnd::Image => inline = inline.saturating_sub(1),
                _ => {
                    blocks.pop();
                }
            },
            Event::Text(_) if inline == 0 && own_text(&blocks) => {
                collect_gaps(md, range, &mut out);
            }
            _ => {}
        }
    }
    // A piece must keep some of the unit's own text, so the rest always gets shorter.
    let content = if is_item == Some(true) {
        item_marker(md).len()
    } else {
        md.len() - md.trim_start().len()
    };
    out.sub_items.retain(|&p| p > content);
    for v in [&mut out.sentences, &mut out.words] {
        v.retain(|&p| p > content && p < md.len() && !starts_block(&md[p..]));
    }
    for v in [&mut out.sentences, &mut out.words, &mut out.sub_items] {
        v.sort_unstable();
        v.dedup();
    }
    out
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Block {
    Paragraph,
    List,
    Item,
    Other,
}

/// Text that belongs to the unit itself: a top-level paragraph, or the text of the
/// top-level list item (tight or loose), not of its sub-items.
fn own_text(blocks: &[Block]) -> bool {
    matches!(
        blocks,
        [Block::Paragraph]
            | [Block::List, Block::Item]
            | [Block::List, Block::Item, Block::Paragraph]
    )
}

fn collect_gaps(md: &str, range: Range<usize>, out: &mut SplitPoints) {
    for (i, c) in md[range.clone()].char_indices() {
        let at = range.start + i;
        if c.is_whitespace() || !md[..at].ends_with(char::is_whitespace) {
            continue;
        }
        out.words.push(at);
        let before = md[..at]
            .trim_end()
            .trim_end_matches(['*', '_', '~', ')', '"', '\'', '”', '’', '»']);
        if before.ends_with(['.', '!', '?', '…']) {
            out.sentences.push(at);
        }
    }
}

fn line_start(md: &str, at: usize) -> usize {
    md[..at].rfind('\n').map_or(0, |i| i + 1)
}

/// Would text starting here begin a new block instead of continuing a paragraph?
/// (A list marker or `#` with a space after it, a quote, a fence, HTML, a table row.)
fn starts_block(rest: &str) -> bool {
    let rest = rest.trim_start();
    let spaced = |i: usize| rest[i..].chars().next().is_none_or(char::is_whitespace);
    let digits = rest.chars().take_while(char::is_ascii_digit).count();
    let hashes = rest.chars().take_while(|c| *c == '#').count();
    (rest.starts_with(['-', '+', '*']) && spaced(1))
        || (1..=6).contains(&hashes) && spaced(hashes)
        || (digits > 0 && rest[digits..].starts_with(['.', ')']) && spaced(digits + 1))
        || rest.starts_with(['>', '|', '<'])
        || rest.starts_with("```")
        || rest.starts_with("~~~")
        || rest.starts_with("---")
        || rest.starts_with("***")
        || rest.starts_with("___")
        || rest.starts_with("===")
}

/// The list marker that starts an item's Markdown, with its spaces (`"- "`, `"10. "`),
/// so a continued piece can be written as an item of the same list.
pub(super) fn item_marker(md: &str) -> &str {
    let lead = md.len() - md.trim_start_matches(' ').len();
    let rest = &md[lead..];
    let mark = match rest.chars().next() {
        Some('-' | '+' | '*') => 1,
        _ => rest.chars().take_while(char::is_ascii_digit).count() + 1,
    };
    let spaces = rest[mark.min(rest.len())..]
        .chars()
        .take_while(|c| *c == ' ')
        .count()
        .clamp(1, 4);
    &md[..(lead + mark + spaces).min(md.len())]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn top_level_items_and_blocks_are_units() {
        let md = "Intro.\n\n- a\n- b\n  - b1\n\n| x |\n|---|\n| 1 |\n\n1. c\n2. d\n";
        let u = units(md, &PictureLinks::NONE);
        let texts: Vec<_> = u
            .units
            .iter()
            .map(|u| (u.markdown.as_str(), u.list))
            .collect();
        assert_eq!(
            texts,
            [
                ("Intro.", None),
                ("- a", Some(0)),
                ("- b\n  - b1", Some(0)),
                ("| x |\n|---|\n| 1 |", None),
                ("1. c", Some(1)),
                ("2. d", Some(1)),
            ]
        );
        assert_eq!(&md[u.units[2].offset..u.units[2].offset + 3], "- b");
    }

    #[test]
    fn each_unit_has_the_tree_of_its_markdown_parsed_alone() {
        let md = "Intro.\n\n<div>\nraw\n</div>\n\n- a\n- b\n  <p>x</p>\n\n---\n\n| x |\n|---|\n| 1 |\n\n> q\n";
        let u = units(md, &PictureLinks::NONE);
        assert_eq!(u.units.len(), 7);
        for unit in &u.units {
            let alone = super::super::tree::tree(
                Parser::new_ext(&unit.markdown, options()),
                &PictureLinks::NONE,
            );
            let tree: Vec<Node> = u.tree_of(unit).unwrap().into_iter().cloned().collect();
            assert_eq!(tree, alone, "{:?}", unit.markdown);
        }
    }

    #[test]
    fn a_unit_carries_the_trees_of_the_notes_it_cites() {
        let md = "A[^1].\n\nB.\n\n[^1]: The note.\n";
        let u = units(md, &PictureLinks::NONE);
        let kinds = |unit| {
            u.tree_of(unit)
                .unwrap()
                .iter()
                .map(|n| matches!(n, Node::Footnote(..)))
                .collect::<Vec<_>>()
        };
        assert_eq!(kinds(&u.units[0]), [false, true]);
        assert_eq!(kinds(&u.units[1]), [false]);
    }

    #[test]
    fn definitions_are_kept_apart() {
        let md = "Text[^1] and [a link][x].\n\n[^1]: The note.\n\n[x]: https://example.org\n";
        let u = units(md, &PictureLinks::NONE);
        assert_eq!(u.units.len(), 1);
        let notes: Vec<_> = u
            .footnotes
            .iter()
            .map(|n| (n.label.as_str(), n.markdown.as_str()))
            .collect();
        assert_eq!(notes, [("1", "[^1]: The note.")]);
        assert_eq!(u.link_defs, "[x]: https://example.org");
    }

    #[test]
    fn sentence_and_word_gaps_skip_formatting() {
        let md = "- One two. **Three four.** Five\n  six.";
        let p = split_points(md);
        let at = |s: &str| md.find(s).unwrap();
        assert_eq!(p.sentences, [at("**Three"), at("Five")]);
        assert!(p.words.contains(&at("two.")));
        assert!(!p.words.contains(&at("four.")), "inside bold: {p:?}");
        assert!(p.words.contains(&at("six.")), "after a soft break: {p:?}");
        assert!(p.sentences.iter().all(|&s| p.words.contains(&s)));
    }

    #[test]
    fn sub_items_are_split_points_but_their_text_is_not() {
        let md = "- Top text\n  - sub one. Sub two\n  - sub three\n";
        let p = split_points(md);
        assert_eq!(
            p.sub_items,
            [
                md.find("  - sub one").unwrap(),
                md.find("  - sub three").unwrap()
            ]
        );
        assert!(
            p.words.iter().all(|&w| w < md.find("  - sub").unwrap()),
            "{p:?}"
        );
    }

    #[test]
    fn no_cut_where_the_rest_would_become_a_list() {
        let md = "Steps are 1. plan and - then - do.";
        let p = split_points(md);
        assert!(!p.words.contains(&md.find("1. plan").unwrap()));
        assert!(!p.words.contains(&md.find("- then").unwrap()));
    }

    #[test]
    fn item_markers() {
        assert_eq!(item_marker("- a"), "- ");
        assert_eq!(item_marker("10.  a"), "10.  ");
        assert_eq!(item_marker(" * a"), " * ");
    }
}
