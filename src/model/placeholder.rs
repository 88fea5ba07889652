//! Placeholders: text in `{{double braces}}` that `summering new` and
//! `summering import` leave for the editor to replace, and `check` reports.
//!
//! The notion is part of the content model, so that the commands that write
//! placeholders and the check that finds them share it without depending on
//! each other. (Braces, not brackets: `[[term]]` is a table header in TOML.)

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

#[cfg(test)]
mod tests {
    use super::*;

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
