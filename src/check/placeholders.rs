//! Placeholders: text in `{{double braces}}` that `summering new` and
//! `summering import` leave for the editor to replace.
//!
//! They build fine (so the preview works while writing), but a report that
//! still has one is not finished, so `check` reports each as an error.
//! (Braces, not brackets: `[[term]]` is a table header in TOML.)

use crate::diagnostics::{ErrorKind, SiteError};
use crate::load::SourceFile;

/// Opens a placeholder.
pub const OPEN: &str = "{{";
/// Closes a placeholder.
pub const CLOSE: &str = "}}";

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
                SiteError::at(ErrorKind::Unfinished, &f.name, &f.text, range, format!("unfinished: {shown}"))
                    .with_label("placeholder")
                    .with_help("replace the placeholder, brackets and all, with the real text (or remove the line)"),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    #[test]
    fn finds_placeholders_on_one_line_only() {
        let text = "[[term]] a {{Skriv här}} b {{x\n}} c {{y}}";
        let found: Vec<&str> = find(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(found, ["{{Skriv här}}", "{{y}}"]);
    }

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
}
