//! Placeholders: text in `{{double braces}}` that `summering new` and
//! `summering import` leave for the editor to replace.
//!
//! They build fine (so the preview works while writing), but a report that
//! still has one is not finished, so `check` reports each as an error. What a
//! placeholder is lives in [`crate::model::placeholder`].

use crate::diagnostics::{ErrorKind, SiteError};
use crate::load::SourceFile;
use crate::model::placeholder::find;

/// An error for every placeholder left in `files`.
pub(super) fn unfinished(files: &[&SourceFile]) -> Vec<SiteError> {
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
