//! Turning TOML and serde errors into editor-friendly [`SiteError`]s.

use std::sync::Arc;

use crate::diagnostics::{ErrorKind, SiteError};

mod decimal_comma;
mod habits;

/// Parses `text[offset..]` (a whole `.toml` file, or a front matter block at
/// `offset` in a Markdown file) into `T`, reporting errors against the whole file.
pub(super) fn parse<T: serde::de::DeserializeOwned>(
    file: &str,
    whole: &Arc<str>,
    offset: usize,
    part: &str,
) -> Result<T, SiteError> {
    toml::from_str(part).map_err(|e| convert(file, whole, offset, &e))
}

fn convert(file: &str, whole: &Arc<str>, offset: usize, e: &toml::de::Error) -> SiteError {
    let message = e.message().trim().to_string();
    let (kind, help) = classify(&message);
    let span = e
        .span()
        .map_or(offset..offset, |s| s.start + offset..s.end + offset);
    if let Some(comma) = decimal_comma::at_comma(whole, span.start) {
        return SiteError::at(
            ErrorKind::DecimalComma,
            file,
            whole,
            comma.span,
            "this number has a decimal comma, which TOML cannot read",
        )
        .with_label("decimal comma")
        .with_help(comma.help);
    }
    let help = habits::help(whole, span.clone(), &message).unwrap_or(help);
    SiteError::at(kind, file, whole, span, plain(&message))
        .with_label("here")
        .with_help(help)
}

/// Sorts serde/TOML messages into kinds and gives a help line for each.
fn classify(message: &str) -> (ErrorKind, String) {
    if message.starts_with("unknown field") {
        let expected = message
            .split_once("expected")
            .map(|(_, rest)| rest.trim())
            .unwrap_or("");
        let help = if expected.is_empty() {
            "remove this key; summering does not use it".to_string()
        } else {
            format!(
                "check the spelling; the keys allowed here are {}",
                expected.trim_start_matches("one of ")
            )
        };
        (ErrorKind::UnknownField, help)
    } else if message.starts_with("missing field") {
        (
            ErrorKind::MissingField,
            "add the missing key; see the content format in README.md".into(),
        )
    } else if message.starts_with("invalid type") || message.starts_with("invalid value") {
        (
            ErrorKind::InvalidValue,
            "change the value to the kind of value asked for".into(),
        )
    } else {
        (
            ErrorKind::TomlSyntax,
            "check the TOML syntax: text values need quotes (\"…\"), keys with å, ä or ö need quotes too, \
             and each key may appear only once"
                .into(),
        )
    }
}

/// Rewrites serde's wording for people who do not program.
fn plain(message: &str) -> String {
    message
        .replace("invalid type: string", "wrong kind of value: text")
        .replace(
            "invalid type: integer",
            "wrong kind of value: a whole number",
        )
        .replace(
            "invalid type: floating point",
            "wrong kind of value: a decimal number",
        )
        .replace("invalid type: boolean", "wrong kind of value: true/false")
        .replace("invalid type: map", "wrong kind of value: a table { … }")
        .replace(
            "invalid type: sequence",
            "wrong kind of value: a list [ … ]",
        )
        .replace("unknown field", "unknown key")
        .replace("missing field", "missing key")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct T {
        title: String,
    }

    fn err(text: &str) -> SiteError {
        let whole: Arc<str> = Arc::from(text);
        parse::<T>("f.toml", &whole, 0, text).unwrap_err()
    }

    #[test]
    fn kinds_and_positions() {
        let e = err("title = \"a\"\ntitel = \"b\"\n");
        assert_eq!(e.kind(), ErrorKind::UnknownField);
        assert_eq!(e.line_col(), Some((2, 1)));
        assert_eq!(err("").kind(), ErrorKind::MissingField);
        assert_eq!(err("title = 3").kind(), ErrorKind::InvalidValue);
        let e = err("title = \"a\nx");
        assert_eq!(e.kind(), ErrorKind::TomlSyntax);
        assert!(e.line_col().is_some());
    }

    #[test]
    fn offsets_point_into_the_whole_file() {
        let whole: Arc<str> = Arc::from("+++\ntitle = 1\n+++\n");
        let e = parse::<T>("a.md", &whole, 4, "title = 1\n").unwrap_err();
        assert_eq!(e.line_col(), Some((2, 9)));
    }

    #[test]
    fn a_decimal_comma_is_named_at_the_number() {
        #[derive(Debug, Deserialize)]
        #[allow(dead_code)]
        struct N {
            value: f64,
        }
        let text = "\nvalue = 94,5\n";
        let whole: Arc<str> = Arc::from(text);
        let e = parse::<N>("f.toml", &whole, 0, text).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::DecimalComma);
        assert_eq!(e.line_col(), Some((2, 9)));
        assert!(e.help_text().unwrap().ends_with("value = 94.5"), "{e:?}");
    }

    #[test]
    fn messages_name_no_rust_types() {
        let e = err("title = 3");
        assert!(!e.message().contains("invalid type"), "{}", e.message());
    }
}
