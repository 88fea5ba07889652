//! Placeholders: text in `{{double braces}}` that `summering new` and
//! `summering import` leave for the editor to replace.
//!
//! They build fine in a draft year (so the preview works while writing), but
//! a year that still has one is not finished: `check` reports each as an
//! error, and `build` refuses to publish a year that has one. The notion is
//! part of the content model, so that the commands that write placeholders
//! and those that look for them share it without depending on each other.
//! (Braces, not brackets: `[[term]]` is a table header in TOML.)

use crate::diagnostics::{Catalogued, ErrorKind, SiteError};
use crate::load::{RawSite, SourceFile};
use crate::messages::{Message, MessageId};

/// Opens a placeholder.
const OPEN: &str = "{{";
/// Closes a placeholder.
const CLOSE: &str = "}}";

/// Wraps `text` as a placeholder.
pub fn placeholder(text: &str) -> String {
    format!("{OPEN}{text}{CLOSE}")
}

/// Byte ranges of the placeholders in `text` (each on one line).
pub fn find(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = text[from..].find(OPEN) {
        let start = from + i;
        let line_end = text[start..].find('\n').map_or(text.len(), |n| start + n);
        match text[start + OPEN.len()..line_end].find(CLOSE) {
            Some(j) => {
                let end = start + OPEN.len() + j + CLOSE.len();
                out.push(start..end);
                from = end;
            }
            None => from = start + OPEN.len(),
        }
    }
    out
}

/// An error for every placeholder left in `files`.
pub fn unfinished(files: &[&SourceFile]) -> Vec<SiteError> {
    let mut out = Vec::new();
    for f in files {
        for range in find(&f.text) {
            let shown: String = f.text[range.clone()].chars().take(70).collect();
            out.push(
                SiteError::at(
                    ErrorKind::Unfinished,
                    &f.name,
                    &f.text,
                    range,
                    Message::new(MessageId::ErrorUnfinished).arg("shown", shown),
                )
                .with_label(MessageId::ErrorUnfinishedLabel)
                .with_help(MessageId::ErrorUnfinishedHelp),
            );
        }
    }
    out
}

/// Every content file that editors write, in a stable order: `site.toml`,
/// the glossary, and each year's `report.toml`, `charts.toml` and section files (a draft
/// year's too only `with_drafts`).
pub fn editor_files(raw: &RawSite, with_drafts: bool) -> Vec<&SourceFile> {
    let mut files = vec![&raw.config.source];
    files.extend(raw.glossary.iter().map(|g| &g.source));
    for year in &raw.years {
        let draft = year.report.as_ref().is_some_and(|r| r.value.draft);
        if draft && !with_drafts {
            continue;
        }
        if let Some(report) = &year.report {
            files.push(&report.source);
        }
        if let Some(charts) = &year.charts {
            files.push(&charts.source);
        }
        files.extend(year.sections.iter().map(|s| &s.source));
    }
    files
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    #[test]
    fn each_placeholder_is_an_error_with_its_place() {
        let f = SourceFile {
            name: "content/2022/01-a.sv.md".into(),
            text: Arc::from("+++\ntitle = \"{{Rubrik}}\"\n+++\n"),
        };
        let errors = unfinished(&[&f]);
        assert_eq!(errors.len(), 1);
        assert_eq!(
            (errors[0].kind(), errors[0].line_col()),
            (ErrorKind::Unfinished, Some((2, 10)))
        );
    }

    #[test]
    fn finds_placeholders_on_one_line_only() {
        let text = "[[term]] a {{Skriv här}} b {{x\n}} c {{y}}";
        let found: Vec<&str> = find(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(found, ["{{Skriv här}}", "{{y}}"]);
        assert_eq!(
            find(&placeholder("Rubrik")),
            vec![std::ops::Range { start: 0, end: 10 }]
        );
    }
}
