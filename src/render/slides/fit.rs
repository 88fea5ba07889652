//! Build-time fitting: the type size of each slide, and where a section that does
//! not fit on one slide is cut.
//!
//! **What "fits" means.** A section slide is 1280 × 720 design px (the stylesheet
//! scales it to the screen or the printed page). Its body box is what is left of the
//! slide after the padding, the kind label and the title (which may wrap):
//! [`body_capacity`]. The section's text fits at a type size when the estimated
//! height of its units ([`super::measure`]) plus one list margin per list is at
//! most [`SAFETY`] × that box.
//!
//! **What happens when it does not.** The body is tried at [`SIZES`] from 32 px
//! down to [`MIN_SIZE`](super::geometry::MIN_SIZE) (24 px of 1280, about 14 pt on the printed 254 mm page — the
//! smallest size a room can read from a projected slide). If it does not fit even
//! at the minimum, the section is cut between units into as few slides as the
//! minimum size allows; every continuation slide's title ends in "(forts.)" /
//! "(cont.)". The cuts are balanced (no nearly empty last slide), and all parts get
//! the largest size at which that number of slides still works. A single unit
//! taller than a whole slide is first cut inside its text (sentences, then
//! sub-items, then words); a table taller than a slide is divided between its
//! rows, the header row repeated on every slide. Each cut becomes a build warning.

use super::blocks::{self, SplitPoints, Unit, Units};
use super::geometry::{
    BLOCK_GAP, FIGURE, ITEM_GAP, KIND_LINE, PAD, SIZES, SLIDE, TABLE_SCALES, TITLE, body_width,
};
use super::measure;
use super::tables::{self, TableRows};
use crate::model::images::PictureLinks;

/// Part of the body box the estimate may fill (room for its error).
pub(crate) const SAFETY: f32 = 0.95;

/// The height available to the body of a slide with this title.
pub(crate) fn body_capacity(title: &str) -> f32 {
    body_box(title) * SAFETY
}

/// The height of the room under a slide title (`.slide__main`), design px.
fn body_box(title: &str) -> f32 {
    let lines = measure::plain_lines(title, body_width(), TITLE.0, true) as f32;
    SLIDE.1 - PAD.1 - PAD.2 - KIND_LINE.0 - KIND_LINE.1 - lines * TITLE.0 * TITLE.1 - TITLE.2
}

/// The height a chart may take on a chart slide titled `title`, with
/// `caption` under it: the room under the title (which may wrap) less the gap
/// and the caption's lines, at most [`FIGURE`]'s largest, in whole design px.
/// A chart is drawn to its box, so no estimate's margin is taken off.
pub(crate) fn figure_height(title: &str, caption: &str) -> f32 {
    let (gap, size, line, most) = FIGURE;
    let caption = measure::plain_lines(caption, body_width(), size, false) as f32 * size * line;
    (body_box(title) - gap - caption).floor().clamp(0.0, most)
}

/// A unit with its measured height at every size in [`SIZES`].
#[derive(Debug, Clone)]
struct Measured {
    unit: Unit,
    heights: [f32; SIZES.len()],
    /// The type size of its tables at every size ([`measure::Measure::table`]).
    tables: [f32; SIZES.len()],
}

/// One slide's share of a section.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Part<'a> {
    /// The Markdown of this slide's body, ready to render.
    pub(crate) markdown: String,
    /// The same body as Markdown events from the section's parse, when they
    /// stand for `markdown` exactly (see [`Units::part_events`]): rendered
    /// without parsing the Markdown again.
    pub(crate) events: Option<Vec<pulldown_cmark::Event<'a>>>,
    /// The body type size, in design px.
    pub(crate) size: f32,
    /// The type size of its tables, em of the body ([`TABLE_SCALES`]).
    pub(crate) table: f32,
    /// True when the first unit continues an item from the previous slide.
    pub(crate) continues_item: bool,
}

/// How a section was fitted.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct SectionFit<'a> {
    /// One part per slide, in order; never empty.
    pub(crate) parts: Vec<Part<'a>>,
    /// Units that had to be cut inside their text: (offset in the section text, pieces).
    pub(crate) cut_units: Vec<(usize, usize)>,
    /// Tables divided between their rows: (offset in the section text, pieces).
    pub(crate) cut_tables: Vec<(usize, usize)>,
}

/// A unit too tall for a slide that cannot be cut: its offset in the section text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct TooFull {
    /// Where the unit starts in the section text.
    pub(crate) offset: usize,
}

/// Fits a section's Markdown onto one or more slides titled `title` and
/// `continued_title` (the title with "(forts.)").
pub(crate) fn fit_section<'a>(
    md: &'a str,
    title: &str,
    continued_title: &str,
    pictures: &PictureLinks<'_>,
) -> Result<SectionFit<'a>, TooFull> {
    let mut all = blocks::units(md, pictures);
    let caps = (body_capacity(title), body_capacity(continued_title));
    let mut units: Vec<Measured> = std::mem::take(&mut all.units)
        .into_iter()
        .map(|u| measured(u, &all, pictures))
        .collect();
    for i in 0..SIZES.len() {
        if chunk_height(&units, i) <= caps.0 {
            return Ok(SectionFit {
                parts: vec![part(&units, &all, i)],
                cut_units: Vec::new(),
                cut_tables: Vec::new(),
            });
        }
    }
    // Too much for one slide: cut oversized units, then cut between units.
    let min = SIZES.len() - 1;
    let cap = caps.0.min(caps.1);
    let (mut cut_units, mut cut_tables) = (Vec::new(), Vec::new());
    let mut pieces = Vec::new();
    for m in units {
        if chunk_height(std::slice::from_ref(&m), min) <= cap {
            pieces.push(m);
            continue;
        }
        let split = match tables::table_rows(&m.unit.markdown) {
            Some(table) => {
                let split = cut_table(&m.unit, &table, &all, pictures, cap)?;
                cut_tables.push((m.unit.offset, split.len()));
                split
            }
            None => {
                let split = cut_unit(&m.unit, &all, pictures, cap)?;
                cut_units.push((m.unit.offset, split.len()));
                split
            }
        };
        pieces.extend(split.into_iter().map(|u| measured(u, &all, pictures)));
    }
    units = pieces;
    let count = |size: usize| greedy_count(&units, size, caps);
    let fewest = count(min).ok_or(TooFull { offset: 0 })?;
    let size = (0..SIZES.len())
        .find(|&i| count(i) == Some(fewest))
        .unwrap_or(min);
    let cuts = balance(&units, size, fewest, caps);
    let parts = cuts
        .windows(2)
        .map(|w| part(&units[w[0]..w[1]], &all, size))
        .collect();
    Ok(SectionFit {
        parts,
        cut_units,
        cut_tables,
    })
}

fn measured(mut unit: Unit, all: &Units<'_>, pictures: &PictureLinks<'_>) -> Measured {
    let measures = match all.tree_of(&unit) {
        Some(tree) => measure::tree_heights(&tree, body_width(), SIZES),
        None => measure::heights(
            &with_footnotes(&unit.markdown, all),
            body_width(),
            SIZES,
            pictures,
        ),
    };
    // Measured: its tree is not needed again.
    unit.tree = None;
    Measured {
        unit,
        heights: measures.map(|m| m.height),
        tables: measures.map(|m| m.table),
    }
}

/// Height of consecutive units on one slide: their heights plus one bottom margin
/// per list among them, less the last one's bottom margin (it takes no visible room).
fn chunk_height(units: &[Measured], size: usize) -> f32 {
    let lists = units
        .iter()
        .enumerate()
        .filter(|(i, m)| {
            m.unit.list.is_some() && (*i == 0 || units[i - 1].unit.list != m.unit.list)
        })
        .count();
    let s = SIZES[size];
    let trailing = match units.last() {
        Some(m) if m.unit.list.is_some() => (ITEM_GAP + BLOCK_GAP) * s,
        Some(_) => BLOCK_GAP * s,
        None => 0.0,
    };
    units.iter().map(|m| m.heights[size]).sum::<f32>() + lists as f32 * BLOCK_GAP * s - trailing
}

/// How many slides greedy packing needs at a size (`None`: a unit does not fit at all).
fn greedy_count(units: &[Measured], size: usize, caps: (f32, f32)) -> Option<usize> {
    let (mut count, mut start) = (0, 0);
    while start < units.len() {
        let cap = if count == 0 { caps.0 } else { caps.1 };
        let end = forward_reach(units, size, start, cap);
        if end == start {
            return None;
        }
        (count, start) = (count + 1, end);
    }
    Some(count.max(1))
}

/// The end of the longest run of units from `start` that fits in `cap`. A run's
/// height only grows with its length, so the first unit that does not fit ends it;
/// runs are short (a slide holds a few dozen units at most), so each is summed
/// afresh, in the same order as [`chunk_height`] always sums.
fn forward_reach(units: &[Measured], size: usize, start: usize, cap: f32) -> usize {
    let mut end = start;
    while end < units.len() && chunk_height(&units[start..=end], size) <= cap {
        end += 1;
    }
    end
}

/// The start of the longest run of units ending at `end` that fits in `cap`.
fn backward_reach(units: &[Measured], size: usize, end: usize, cap: f32) -> usize {
    let mut start = end;
    while start > 0 && chunk_height(&units[start - 1..end], size) <= cap {
        start -= 1;
    }
    start
}

/// Cut points (0 = c0 < c1 < … < cn = len) for `parts` slides, each within its
/// capacity, that make the slides as evenly full as possible (least sum of squared
/// fill ratios: no nearly empty last slide after full ones).
///
/// A dynamic programme over (slides so far, units so far). Only a narrow band of
/// it can lie on a solution: k slides reach at most `reach[k]` units (greedy
/// packing from the start), and the units after the k-th slide must fit on the
/// remaining `parts - k` slides, so it ends at or after `back[parts - k]` (greedy
/// packing from the end). With `parts` the fewest slides that work, each band is
/// shorter than one slide's worth of units, and the previous slide's start is
/// looked for only as far back as one slide holds, so the work grows with the
/// number of units, not with its fourth power as the whole table did.
fn balance(units: &[Measured], size: usize, parts: usize, caps: (f32, f32)) -> Vec<usize> {
    let n = units.len();
    let cost = |a: usize, b: usize| {
        let cap = if a == 0 { caps.0 } else { caps.1 };
        let h = chunk_height(&units[a..b], size);
        if h > cap {
            f32::INFINITY
        } else {
            (h / cap).powi(2)
        }
    };
    let mut reach = vec![0; parts + 1];
    for k in 1..=parts {
        let cap = if k == 1 { caps.0 } else { caps.1 };
        reach[k] = forward_reach(units, size, reach[k - 1], cap);
    }
    // Continuation slides only: the slide that starts at unit 0 is never among them.
    let mut back = vec![n; parts + 1];
    for m in 1..=parts {
        back[m] = backward_reach(units, size, back[m - 1], caps.1);
    }
    // rows[k]: for units[..j] on k slides with j in the band `rows[k].first..`, the
    // least cost and where the last slide starts.
    let mut rows: Vec<Band> = Vec::with_capacity(parts + 1);
    rows.push(Band {
        first: 0,
        cells: vec![(0.0, 0)],
    });
    for k in 1..=parts {
        let first = k.max(back[parts - k]);
        let last = if k == parts { n } else { reach[k].min(n) };
        let prev = &rows[k - 1];
        let cells = (first..=last)
            .map(|j| {
                if k == 1 {
                    return (prev.get(0) + cost(0, j), 0);
                }
                // Latest start first (every start here is a continuation slide, so
                // the first run too long ends the search); on a tie the earlier start
                // wins, as it did when the whole table was searched from the front.
                let mut cell = (f32::INFINITY, 0);
                for i in (k - 1..j).rev() {
                    let c = cost(i, j);
                    if c.is_infinite() {
                        break;
                    }
                    let v = prev.get(i) + c;
                    if v.is_finite() && v <= cell.0 {
                        cell = (v, i);
                    }
                }
                cell
            })
            .collect();
        rows.push(Band { first, cells });
    }
    let mut cuts = vec![n];
    let mut j = n;
    for k in (1..=parts).rev() {
        j = rows[k].from(j);
        cuts.push(j);
    }
    cuts.reverse();
    cuts
}

/// One row of [`balance`]'s table: the cells from unit count `first` on.
struct Band {
    first: usize,
    /// (least cost, start of the last slide) per unit count.
    cells: Vec<(f32, usize)>,
}

impl Band {
    fn get(&self, j: usize) -> f32 {
        j.checked_sub(self.first)
            .and_then(|i| self.cells.get(i))
            .map_or(f32::INFINITY, |c| c.0)
    }

    fn from(&self, j: usize) -> usize {
        j.checked_sub(self.first)
            .and_then(|i| self.cells.get(i))
            .map_or(0, |c| c.1)
    }
}

/// The slide of `units` at the size of index `size` in [`SIZES`].
fn part<'a>(units: &[Measured], all: &Units<'a>, size: usize) -> Part<'a> {
    let mut md = String::new();
    for (i, m) in units.iter().enumerate() {
        if i > 0 {
            md.push_str(
                if m.unit.list.is_some() && m.unit.list == units[i - 1].unit.list {
                    "\n"
                } else {
                    "\n\n"
                },
            );
        }
        md.push_str(&m.unit.markdown);
    }
    let events = all.part_events(&units.iter().map(|m| &m.unit).collect::<Vec<_>>(), &md);
    let md = with_footnotes(&md, all);
    let md = if all.link_defs.is_empty() {
        md
    } else {
        format!("{md}\n\n{}", all.link_defs)
    };
    Part {
        markdown: md,
        events,
        size: SIZES[size],
        table: units
            .iter()
            .map(|m| m.tables[size])
            .fold(TABLE_SCALES[0], f32::min),
        continues_item: units.first().is_some_and(|m| m.unit.continued),
    }
}

/// The Markdown with the footnote definitions it refers to appended.
fn with_footnotes(md: &str, all: &Units<'_>) -> String {
    let mut out = md.to_string();
    for i in all.cited_footnotes(md) {
        out.push_str("\n\n");
        out.push_str(&all.footnotes[i].markdown);
    }
    out
}

/// Cuts one unit into pieces that each fit in `cap` at the minimum size.
///
/// The places to cut are found once, in the whole unit; each piece is then the
/// unit's text from the previous cut (behind a list marker when it continues an
/// item) to the last place at which it still fits. That place is found by
/// trying places ever further apart from the piece's start ([`last_fitting`]),
/// so measuring costs about the length of the piece, not of the rest of the unit.
/// Divides a table taller than a slide between its rows into as few pieces as fit
/// at the smallest size, each a table with the same header row, the rows shared
/// as evenly as the pieces allow. A single row taller than a slide is too full.
fn cut_table(
    unit: &Unit,
    table: &TableRows<'_>,
    all: &Units<'_>,
    pictures: &PictureLinks<'_>,
    cap: f32,
) -> Result<Vec<Unit>, TooFull> {
    let min = SIZES.len() - 1;
    let piece = |rows: std::ops::Range<usize>| Unit {
        markdown: table.piece(rows),
        offset: unit.offset,
        list: unit.list,
        continued: false,
        events: None,
        tree: None,
    };
    let fits = |rows: std::ops::Range<usize>| {
        chunk_height(
            std::slice::from_ref(&measured(piece(rows), all, pictures)),
            min,
        ) <= cap
    };
    // As many rows on each slide as fit, from the top: the fewest slides.
    let n = table.len();
    let mut greedy = Vec::new();
    let mut start = 0;
    while start < n {
        let ends: Vec<usize> = (start + 1..=n).collect();
        let Some(last) = last_fitting(&ends, |end| fits(start..end)) else {
            return Err(TooFull {
                offset: unit.offset + table.offsets[start],
            });
        };
        greedy.push(start..ends[last]);
        start = ends[last];
    }
    // The same number of slides with the rows shared evenly, when that fits too
    // (rows differ in height, so it may not): no slide with one lonely row.
    let count = greedy.len();
    let even: Vec<_> = (0..count)
        .map(|i| i * n / count..(i + 1) * n / count)
        .collect();
    let ranges = if even.iter().all(|r| fits(r.clone())) {
        even
    } else {
        greedy
    };
    Ok(ranges.into_iter().map(piece).collect())
}

fn cut_unit(
    unit: &Unit,
    all: &Units<'_>,
    pictures: &PictureLinks<'_>,
    cap: f32,
) -> Result<Vec<Unit>, TooFull> {
    let md = unit.markdown.as_str();
    let min = SIZES.len() - 1;
    let marker = if unit.list.is_some() {
        blocks::item_marker(md)
    } else {
        ""
    };
    let SplitPoints {
        sentences,
        mut words,
        sub_items,
    } = blocks::split_points(md);
    let mut natural: Vec<usize> = sentences.iter().chain(&sub_items).copied().collect();
    natural.sort_unstable();
    // The end of the unit is the last candidate: the rest fits whole.
    words.push(md.len());
    let mut pieces = Vec::new();
    // Where the rest starts, and what it is written behind.
    let (mut start, mut lead) = (0, String::new());
    let mut continued = unit.continued;
    loop {
        let piece = |end: usize| Unit {
            markdown: format!("{lead}{}", md[start..end].trim_end()),
            offset: unit.offset,
            list: unit.list,
            continued,
            events: None,
            tree: None,
        };
        let fits = |end: usize| {
            let m = measured(piece(end), all, pictures);
            chunk_height(std::slice::from_ref(&m), min) <= cap
        };
        let later = |points: &[usize]| points.partition_point(|&p| p <= start);
        let words_after = &words[later(&words)..];
        let word = last_fitting(words_after, fits);
        if word == Some(words_after.len() - 1) {
            pieces.push(piece(md.len()));
            return Ok(pieces);
        }
        // A natural place beyond the first word that does not fit cannot fit either.
        let limit = word.map_or(words_after[0], |w| words_after[w + 1]);
        let natural_after = &natural[later(&natural)..];
        let natural_after = &natural_after[..natural_after.partition_point(|&p| p < limit)];
        let at = match last_fitting(natural_after, fits) {
            Some(i) => natural_after[i],
            None => word.map(|w| words_after[w]).ok_or(TooFull {
                offset: unit.offset,
            })?,
        };
        pieces.push(piece(at));
        lead = match (unit.list.is_some(), sub_items.contains(&at)) {
            (true, true) => format!("{}\n", marker.trim_end()),
            (true, false) => marker.to_string(),
            (false, _) => String::new(),
        };
        start = at;
        continued = true;
    }
}

/// The index of the last point for which `fits` holds, assuming it holds for a
/// prefix of the points: tried at indices 0, 1, 3, 7, … until it fails, then
/// halved in between, so the points tried lie at most twice as far as the answer.
fn last_fitting(points: &[usize], fits: impl Fn(usize) -> bool) -> Option<usize> {
    if points.is_empty() || !fits(points[0]) {
        return None;
    }
    // fits(points[lo]) holds; hi is past the end or a point where it fails.
    let (mut lo, mut step) = (0, 1);
    let mut hi = loop {
        let probe = lo + step;
        if probe >= points.len() {
            break points.len();
        }
        if !fits(points[probe]) {
            break probe;
        }
        (lo, step) = (probe, step * 2);
    };
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        if fits(points[mid]) {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    Some(lo)
}

#[cfg(test)]
mod tests {
    use super::super::geometry::MIN_SIZE;
    use super::*;

    fn items(n: usize, words: usize) -> String {
        (1..=n)
            .map(|i| format!("- Punkt {i} {}\n", "ord ".repeat(words)))
            .collect()
    }

    /// `tricky` cases, then the text of every section of the sample site and the fixture sites.
    fn texts_with(tricky: &[&str]) -> Vec<String> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut texts: Vec<String> = tricky.iter().map(|t| t.to_string()).collect();
        markdown_files(&root.join("content"), &mut texts);
        markdown_files(&root.join("tests/fixtures"), &mut texts);
        texts
    }

    /// Every `.md` file under `dir`, recursively, in a fixed order.
    fn markdown_files(dir: &std::path::Path, out: &mut Vec<String>) {
        let mut entries: Vec<_> = std::fs::read_dir(dir)
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .collect();
        entries.sort();
        for path in entries {
            if path.is_dir() {
                markdown_files(&path, out);
            } else if path.extension().is_some_and(|e| e == "md") {
                out.push(std::fs::read_to_string(&path).unwrap());
            }
        }
    }

    #[test]
    fn a_unit_measures_the_same_from_the_section_parse_as_parsed_alone() {
        let texts = texts_with(&[
            "Intro.\n\n- a\n- b\n  - b1\n\n| x |\n|---|\n| 1 |\n\n1. c\n2. d\n",
            "- loose\n\n- list *with* **bold**\n\n  and a second paragraph\n\n---\n\n> quote\n> - in it\n",
            "Text[^1] and `code`.\n\n- item[^2]\n  1. sub\n\n[^1]: The note.\n\n[^2]: Another\n    note.\n",
            "# Heading\n\n```\ncode\nblock\n```\n\n<div>raw <b>html</b></div>\n\n![bild](a.png)\n\n3. three\n4. four\n",
        ]);
        let mut compared = 0;
        for md in &texts {
            let all = blocks::units(md, &PictureLinks::NONE);
            for unit in &all.units {
                let tree = all.tree_of(unit).expect("a unit of the section has a tree");
                let from_section = measure::tree_heights(&tree, body_width(), SIZES);
                let alone = measure::heights(
                    &with_footnotes(&unit.markdown, &all),
                    body_width(),
                    SIZES,
                    &PictureLinks::NONE,
                );
                assert_eq!(from_section, alone, "{:?}", unit.markdown);
                compared += 1;
            }
        }
        assert!(compared > 100, "{compared}");
    }

    #[test]
    fn a_slide_renders_the_same_from_the_section_parse_as_from_its_markdown() {
        use crate::lang::Lang;
        use crate::model::markdown;
        let texts = texts_with(&[
            "Intro.\n\n- a\n- b\n  - b1\n\n| x |\n|---|\n| 1 |\n\n3. c \"q\"\n4. d\n\n* e[^n]\n\n[^n]: Note.\n",
            "- loose\n\n- list\n\n---\n\n> quote\n\n# Head [link][x]\n\n[x]: https://example.org\n",
            "1) one\n2) two\n\n- other\n- list\n\n```\ncode\n```\n\n<div>raw</div>\n",
        ]);
        let (mut from_events, mut parsed) = (0, 0);
        for md in &texts {
            let all = blocks::units(md, &PictureLinks::NONE);
            let measured: Vec<Measured> = all
                .units
                .iter()
                .map(|u| measured(u.clone(), &all, &PictureLinks::NONE))
                .collect();
            for start in 0..measured.len() {
                for end in start + 1..=measured.len().min(start + 4) {
                    let p = part(&measured[start..end], &all, SIZES.len() - 1);
                    let Some(events) = p.events else {
                        parsed += 1;
                        continue;
                    };
                    for lang in [Lang::Sv, Lang::En] {
                        let none = &crate::model::images::PictureLinks::NONE;
                        let html =
                            markdown::render_events(events.clone(), 0, lang, "s-1", none).html;
                        assert_eq!(
                            html,
                            markdown::render(&p.markdown, lang, "s-1", none).html,
                            "{:?}",
                            p.markdown
                        );
                    }
                    from_events += 1;
                }
            }
        }
        assert!(
            from_events > 200 && parsed > 5,
            "{from_events} from events, {parsed} parsed"
        );
    }

    /// The whole table of [`balance`]'s programme, searched from the front: the
    /// definition the banded search must agree with.
    fn balance_full(units: &[Measured], size: usize, parts: usize, caps: (f32, f32)) -> Vec<usize> {
        let n = units.len();
        let cost = |a: usize, b: usize| {
            let cap = if a == 0 { caps.0 } else { caps.1 };
            let h = chunk_height(&units[a..b], size);
            if h > cap {
                f32::INFINITY
            } else {
                (h / cap).powi(2)
            }
        };
        let mut best = vec![vec![f32::INFINITY; n + 1]; parts + 1];
        let mut from = vec![vec![0usize; n + 1]; parts + 1];
        best[0][0] = 0.0;
        for k in 1..=parts {
            for j in k..=n {
                for i in (k - 1)..j {
                    let v = best[k - 1][i] + cost(i, j);
                    if v < best[k][j] {
                        best[k][j] = v;
                        from[k][j] = i;
                    }
                }
            }
        }
        let mut cuts = vec![n];
        let mut j = n;
        for k in (1..=parts).rev() {
            j = from[k][j];
            cuts.push(j);
        }
        cuts.reverse();
        cuts
    }

    #[test]
    fn the_banded_balance_cuts_where_the_whole_table_does() {
        // Items of varied length (a fixed pseudo-random sequence), some lists
        // broken by paragraphs, at every size and both title lengths.
        let mut seed = 7u32;
        let mut next = |m: u32| {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            (seed >> 16) % m
        };
        let mut compared = 0;
        for n in [3, 8, 20, 45, 90] {
            let mut md = String::new();
            for i in 0..n {
                match next(7) {
                    0 => md.push_str(&format!(
                        "\nStycke {i} {}\n\n",
                        "ord ".repeat(next(40) as usize)
                    )),
                    _ => md.push_str(&format!(
                        "- Punkt {i} {}\n",
                        "ord ".repeat(next(30) as usize)
                    )),
                }
            }
            let all = blocks::units(&md, &PictureLinks::NONE);
            let units: Vec<Measured> = all
                .units
                .iter()
                .map(|u| measured(u.clone(), &all, &PictureLinks::NONE))
                .collect();
            for caps in [(470.0, 470.0), (470.0, 420.0)] {
                for size in 0..SIZES.len() {
                    let Some(parts) = greedy_count(&units, size, caps) else {
                        continue;
                    };
                    assert_eq!(
                        balance(&units, size, parts, caps),
                        balance_full(&units, size, parts, caps),
                        "{n} units at size {size}, caps {caps:?}"
                    );
                    compared += 1;
                }
            }
        }
        assert!(compared >= 40, "{compared}");
    }

    #[test]
    fn last_fitting_finds_what_a_binary_search_finds() {
        let points: Vec<usize> = (0..50).map(|i| i * 3).collect();
        for limit in 0..160 {
            let fits = |p: usize| p <= limit;
            let n = points.partition_point(|&p| fits(p));
            assert_eq!(last_fitting(&points, fits), n.checked_sub(1), "{limit}");
        }
        assert_eq!(last_fitting(&[], |_| true), None);
    }

    #[test]
    fn a_very_long_paragraph_is_cut_into_pieces_that_keep_every_word() {
        let md = format!("{}slut.", "Ord i en lång rad. ".repeat(4000));
        let f = fit_section(&md, "Rad", "Rad (forts.)", &PictureLinks::NONE).unwrap();
        assert!(f.parts.len() > 40, "{}", f.parts.len());
        let words = |s: &str| s.split_whitespace().count();
        assert_eq!(
            f.parts.iter().map(|p| words(&p.markdown)).sum::<usize>(),
            words(&md)
        );
        for p in &f.parts {
            assert!(
                measure::height(&p.markdown, body_width(), MIN_SIZE)
                    <= body_capacity("Rad (forts.)") + BLOCK_GAP * MIN_SIZE
            );
        }
    }

    #[test]
    fn many_footnotes_each_travel_with_their_own_slide() {
        let n = 300;
        let mut md: String = (1..=n).map(|i| format!("- Punkt {i}[^n{i}]\n")).collect();
        md.push('\n');
        md.extend((1..=n).map(|i| format!("[^n{i}]: Not {i}.\n\n")));
        let f = fit_section(&md, "Noter", "Noter (forts.)", &PictureLinks::NONE).unwrap();
        assert!(f.parts.len() > 2);
        for i in 1..=n {
            let def = format!("[^n{i}]: Not {i}.");
            let with: Vec<usize> = (0..f.parts.len())
                .filter(|&p| f.parts[p].markdown.contains(&def))
                .collect();
            let cites: Vec<usize> = (0..f.parts.len())
                .filter(|&p| f.parts[p].markdown.contains(&format!("Punkt {i}[^n{i}]")))
                .collect();
            assert_eq!(with, cites, "note {i}");
            assert_eq!(with.len(), 1, "note {i}");
        }
    }

    #[test]
    fn capacity_shrinks_when_the_title_wraps() {
        let short = body_capacity("Framåt");
        let long = body_capacity(&"Ett mycket långt rubrikord ".repeat(4));
        assert!(short > long + TITLE.0, "{short} vs {long}");
        // One line of title leaves about 508 px × SAFETY for the body.
        assert!((450.0..500.0).contains(&short), "{short}");
    }

    #[test]
    fn a_chart_under_a_title_of_two_lines_is_shorter_and_still_fits() {
        let caption = "Källa: Exempeldata";
        let one = figure_height("Närvaro", caption);
        assert_eq!(one, FIGURE.3);
        let long = "Närvaro vid NOSAM-möten per organisation 2021 (exempel) och mer";
        assert_eq!(measure::plain_lines(long, body_width(), TITLE.0, true), 2);
        let two = figure_height(long, caption);
        // The chart, its gap and its caption fill the room under the two lines.
        let room = body_box(long);
        assert!(
            two + FIGURE.0 + FIGURE.1 * FIGURE.2 <= room,
            "{two} in {room}"
        );
        assert!(
            two + FIGURE.0 + FIGURE.1 * FIGURE.2 > room - 1.0,
            "{two} in {room}"
        );
        // A caption that wraps takes its second line from the chart.
        let wrapped = figure_height(long, &"Källa: en lång källa ".repeat(8));
        assert_eq!(wrapped, two - FIGURE.1 * FIGURE.2);
    }

    #[test]
    fn a_short_section_fits_at_the_largest_size() {
        let md = items(4, 3);
        let f = fit_section(&md, "Styrkor", "Styrkor (forts.)", &PictureLinks::NONE).unwrap();
        assert_eq!(f.parts.len(), 1);
        assert_eq!(f.parts[0].size, SIZES[0]);
        assert!(f.cut_units.is_empty());
    }

    #[test]
    fn a_fuller_section_gets_a_smaller_size_before_it_is_cut() {
        let md = items(10, 16);
        let f = fit_section(
            &md,
            "Utvecklingsområde",
            "Utvecklingsområde (forts.)",
            &PictureLinks::NONE,
        )
        .unwrap();
        assert_eq!(f.parts.len(), 1);
        assert!(
            f.parts[0].size < SIZES[0] && f.parts[0].size >= MIN_SIZE,
            "{}",
            f.parts[0].size
        );
    }

    #[test]
    fn a_long_list_is_cut_between_items_into_even_parts() {
        let md = items(20, 12);
        let f = fit_section(&md, "Lång", "Lång (forts.)", &PictureLinks::NONE).unwrap();
        assert!(f.parts.len() >= 2, "{}", f.parts.len());
        // Every item is on exactly one slide, in order.
        let joined: Vec<String> = f
            .parts
            .iter()
            .flat_map(|p| p.markdown.lines().map(str::to_string))
            .collect();
        assert_eq!(
            joined,
            md.lines()
                .map(|l| l.trim_end().to_string())
                .collect::<Vec<_>>()
        );
        let counts: Vec<usize> = f.parts.iter().map(|p| p.markdown.lines().count()).collect();
        let (lo, hi) = (counts.iter().min().unwrap(), counts.iter().max().unwrap());
        assert!(hi - lo <= 2, "uneven parts {counts:?}");
        assert!(
            f.parts
                .iter()
                .all(|p| p.size == f.parts[0].size && !p.continues_item)
        );
        for p in &f.parts {
            // A list's height with its bottom margin but without the last item's gap.
            assert!(
                measure::height(&p.markdown, body_width(), p.size) - ITEM_GAP * p.size
                    <= body_capacity("Lång (forts.)")
            );
        }
    }

    #[test]
    fn ordered_lists_keep_their_numbers_on_continuation_slides() {
        let md: String = (1..=20)
            .map(|i| format!("{i}. Steg {i} {}\n", "ord ".repeat(12)))
            .collect();
        let f = fit_section(&md, "Steg", "Steg (forts.)", &PictureLinks::NONE).unwrap();
        assert!(f.parts.len() >= 2);
        assert!(
            !f.parts[1].markdown.starts_with("1. "),
            "{}",
            f.parts[1].markdown
        );
    }

    #[test]
    fn a_huge_item_is_cut_at_sentences() {
        let sentence = "Detta är en mening med några ord i sig. ";
        let md = format!("- Kort punkt\n- {}\n- Sista punkten\n", sentence.repeat(50));
        let f = fit_section(
            &md,
            "Lång punkt",
            "Lång punkt (forts.)",
            &PictureLinks::NONE,
        )
        .unwrap();
        assert_eq!(f.cut_units.len(), 1);
        assert_eq!(f.cut_units[0].0, md.find("- Detta").unwrap());
        assert!(f.cut_units[0].1 >= 2);
        assert!(f.parts.iter().skip(1).any(|p| p.continues_item));
        for p in &f.parts {
            assert_eq!(p.size, MIN_SIZE);
            for line in p.markdown.lines().filter(|l| l.contains("Detta")) {
                assert!(line.ends_with('.'), "cut mid-sentence: {line:?}");
            }
        }
        // No words are lost or doubled.
        let words = |s: &str| s.split_whitespace().filter(|w| *w != "-").count();
        assert_eq!(
            f.parts.iter().map(|p| words(&p.markdown)).sum::<usize>(),
            words(&md)
        );
    }

    #[test]
    fn a_huge_sentence_is_cut_between_words() {
        let md = format!("{}slut.", "ord ".repeat(900));
        let f = fit_section(&md, "Ord", "Ord (forts.)", &PictureLinks::NONE).unwrap();
        assert!(f.parts.len() >= 2);
        assert_eq!(f.cut_units, vec![(0, f.parts.len())]);
    }

    #[test]
    fn an_uncuttable_block_is_too_full() {
        let code = format!("Intro.\n\n```\n{}```\n", "rad\n".repeat(60));
        let e = fit_section(&code, "Kod", "Kod (forts.)", &PictureLinks::NONE).unwrap_err();
        assert_eq!(e.offset, code.find("```").unwrap());
    }

    fn table(rows: usize) -> String {
        let mut md = String::from("Inledning.\n\n| År | Organisation | Andel |\n|---|---|---:|\n");
        for i in 0..rows {
            md.push_str(&format!(
                "| {} | Organisation nummer {i} | {i},5 |\n",
                2000 + i
            ));
        }
        md
    }

    #[test]
    fn a_long_table_is_divided_between_rows_with_the_header_on_every_slide() {
        let md = table(40);
        let f = fit_section(&md, "Tabell", "Tabell (forts.)", &PictureLinks::NONE).unwrap();
        assert!(f.parts.len() >= 2, "{}", f.parts.len());
        assert_eq!(f.cut_units, vec![]);
        assert_eq!(f.cut_tables.len(), 1);
        assert_eq!(f.cut_tables[0].0, md.find("| År").unwrap());
        let mut rows = Vec::new();
        for p in &f.parts {
            let header = p
                .markdown
                .find("| År | Organisation | Andel |\n|---|---|---:|\n");
            assert!(header.is_some(), "no header row: {}", p.markdown);
            rows.extend(
                p.markdown
                    .lines()
                    .filter(|l| l.contains("Organisation nummer")),
            );
        }
        // Every row once, in order.
        let expected: Vec<&str> = md
            .lines()
            .filter(|l| l.contains("Organisation nummer"))
            .collect();
        assert_eq!(rows, expected);
        // Shared evenly: no slide holds less than half of another's rows.
        let counts: Vec<usize> = f
            .parts
            .iter()
            .map(|p| p.markdown.matches("Organisation nummer").count())
            .filter(|&c| c > 0)
            .collect();
        let (lo, hi) = (counts.iter().min().unwrap(), counts.iter().max().unwrap());
        assert!(hi - lo <= 1, "{counts:?}");
    }

    #[test]
    fn a_table_that_fits_is_not_divided() {
        let md = table(4);
        let f = fit_section(&md, "Tabell", "Tabell (forts.)", &PictureLinks::NONE).unwrap();
        assert_eq!(f.parts.len(), 1);
        assert!(f.cut_tables.is_empty());
    }

    #[test]
    fn a_table_row_taller_than_a_slide_is_too_full() {
        let mut md = table(2);
        md.push_str(&format!("| 2099 | {} | 1 |\n", "ord ".repeat(900)));
        let e = fit_section(&md, "Tabell", "Tabell (forts.)", &PictureLinks::NONE).unwrap_err();
        assert_eq!(e.offset, md.find("| 2099").unwrap());
    }

    #[test]
    fn an_empty_section_is_one_empty_slide() {
        let f = fit_section("\n", "Tom", "Tom (forts.)", &PictureLinks::NONE).unwrap();
        assert_eq!(f.parts.len(), 1);
        assert_eq!(f.parts[0].markdown, "");
    }

    #[test]
    fn footnotes_travel_with_the_slide_that_cites_them() {
        let md = format!("{}- Sist[^a]\n\n[^a]: Fotnot.\n", items(20, 12));
        let f = fit_section(&md, "F", "F (forts.)", &PictureLinks::NONE).unwrap();
        let last = f.parts.last().unwrap();
        assert!(last.markdown.contains("[^a]: Fotnot."));
        assert!(!f.parts[0].markdown.contains("[^a]: Fotnot."));
    }
}
