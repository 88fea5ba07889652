//! A Markdown table taller than a slide, seen as its header and its rows, so
//! that the fitter can show the rows over several slides with the header row
//! repeated on each (as a printed table repeats its header on every page).
//! The report page shows the table whole; only the deck divides it.

use std::ops::Range;

use pulldown_cmark::{Event, Parser, Tag};

use super::blocks::options;

/// A table unit's Markdown, divided where its rows begin.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct TableRows<'a> {
    /// The header line and the delimiter line (`| a | b |\n|---|---|\n`).
    head: &'a str,
    /// Each body row's line, without its line break.
    rows: Vec<&'a str>,
    /// Where each row starts in the unit's Markdown (for messages).
    pub(super) offsets: Vec<usize>,
}

impl TableRows<'_> {
    /// Number of body rows.
    pub(super) fn len(&self) -> usize {
        self.rows.len()
    }

    /// The Markdown of a table with the header and the body rows `rows`.
    pub(super) fn piece(&self, rows: Range<usize>) -> String {
        let mut md = String::from(self.head);
        for row in &self.rows[rows] {
            md.push_str(row);
            md.push('\n');
        }
        md
    }
}

/// The header and rows of `md` when it is one table with at least one body row.
pub(super) fn table_rows(md: &str) -> Option<TableRows<'_>> {
    let mut events = Parser::new_ext(md, options()).into_offset_iter();
    let (first, table) = events.next()?;
    if !matches!(first, Event::Start(Tag::Table(_))) || md[table.end..].trim() != "" {
        return None;
    }
    let ranges: Vec<Range<usize>> = events
        .filter(|(e, _)| matches!(e, Event::Start(Tag::TableRow)))
        .map(|(_, r)| r)
        .collect();
    let first_row = ranges.first()?.start;
    let head = &md[table.start..first_row];
    if !head.ends_with('\n') {
        return None;
    }
    Some(TableRows {
        head,
        rows: ranges.iter().map(|r| md[r.clone()].trim_end()).collect(),
        offsets: ranges.iter().map(|r| r.start).collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const TABLE: &str =
        "| Org | Andel |\n|:---|---:|\n| Primärvård | 94,5 |\n| Kommunen | 88 |\n| Rehab | 71 |\n";

    #[test]
    fn a_table_is_its_header_and_its_rows() {
        let t = table_rows(TABLE).unwrap();
        assert_eq!(t.len(), 3);
        assert_eq!(t.offsets[0], TABLE.find("| Primärvård").unwrap());
        assert_eq!(
            t.piece(1..3),
            "| Org | Andel |\n|:---|---:|\n| Kommunen | 88 |\n| Rehab | 71 |\n"
        );
        // Every piece is a table again, with the same alignment and header.
        let html = |md: &str| {
            let mut s = String::new();
            pulldown_cmark::html::push_html(&mut s, Parser::new_ext(md, options()));
            s
        };
        let piece = html(&t.piece(2..3));
        assert!(
            piece.contains("<th style=\"text-align: left\">Org</th>"),
            "{piece}"
        );
        assert!(
            piece.contains("<td style=\"text-align: right\">71</td>"),
            "{piece}"
        );
        assert!(!piece.contains("Kommunen"), "{piece}");
    }

    #[test]
    fn what_is_not_one_table_with_rows_is_not_divided() {
        assert_eq!(table_rows("Text.\n"), None);
        assert_eq!(table_rows("| a |\n|---|\n"), None);
        assert_eq!(table_rows(&format!("{TABLE}\nText efter.\n")), None);
        assert_eq!(table_rows("- | a |\n  |---|\n  | 1 |\n"), None);
    }
}
