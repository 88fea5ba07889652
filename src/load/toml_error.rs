//! Turning TOML and serde errors into editor-friendly [`SiteError`]s.

use std::sync::Arc;

use crate::diagnostics::{Catalogued, ErrorKind, SiteError};
use crate::messages::{Message, MessageId};

mod decimal_comma;
mod habits;
mod syntax;
mod wrong_value;

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

/// A TOML problem of a theme file (`strings/sv.toml`, `charts.toml`) at its
/// place: kind [`ErrorKind::Theme`], the parser's words sorted as for the
/// editor's own files, and `help` saying what to compare it with.
pub(crate) fn theme_error(
    file: &str,
    text: &Arc<str>,
    e: &toml::de::Error,
    help: MessageId,
) -> SiteError {
    let (_, problem, _) = classify(e.message().trim());
    let span = e.span().unwrap_or(0..0);
    SiteError::at(
        ErrorKind::Theme,
        file,
        text,
        span,
        MessageId::ThemeToml.message("problem", problem),
    )
    .with_help(help)
}

fn convert(file: &str, whole: &Arc<str>, offset: usize, e: &toml::de::Error) -> SiteError {
    let message = e.message().trim().to_string();
    let (kind, text, help) = classify(&message);
    let span = e
        .span()
        .map_or(offset..offset, |s| s.start + offset..s.end + offset);
    if let Some(comma) = decimal_comma::at_comma(whole, span.start) {
        return SiteError::at(
            ErrorKind::DecimalComma,
            file,
            whole,
            comma.span,
            MessageId::TomlDecimalComma,
        )
        .with_label(MessageId::TomlDecimalCommaLabel)
        .with_help(comma.help);
    }
    // A habit shows in a value; a misspelt key on a line with a date is about the key.
    let help = match kind {
        ErrorKind::TomlSyntax | ErrorKind::InvalidValue => {
            habits::help(whole, span.clone(), &message).unwrap_or(help)
        }
        _ => help,
    };
    SiteError::at(kind, file, whole, span, text)
        .with_label(MessageId::FrameHere)
        .with_help(help)
}

/// Sorts serde/TOML messages into kinds, with the message and a help line for
/// each; the parser's own words stay only as an argument (`{detail}`).
fn classify(message: &str) -> (ErrorKind, Message, Message) {
    if let Some(rest) = message.strip_prefix("unknown field") {
        let key = quoted(rest).unwrap_or_default();
        let expected = rest
            .split_once("expected")
            .map(|(_, rest)| rest.trim().trim_start_matches("one of ").trim())
            .unwrap_or("");
        let help = if expected.is_empty() {
            Message::new(MessageId::TomlUnknownKeyRemove)
        } else {
            MessageId::TomlUnknownKeySpelling.arg("allowed", expected)
        };
        (
            ErrorKind::UnknownField,
            MessageId::TomlUnknownKey.arg("key", key),
            help,
        )
    } else if let Some(rest) = message.strip_prefix("missing field") {
        let key = quoted(rest).unwrap_or_default();
        (
            ErrorKind::MissingField,
            MessageId::TomlMissingKey.arg("key", key),
            Message::new(MessageId::TomlMissingKeyHelp),
        )
    } else if message.starts_with("invalid type") || message.starts_with("invalid value") {
        (
            ErrorKind::InvalidValue,
            wrong_value::message(message)
                .unwrap_or_else(|| MessageId::TomlWrongValue.arg("detail", plain(message))),
            Message::new(MessageId::TomlWrongValueHelp),
        )
    } else {
        (
            ErrorKind::TomlSyntax,
            MessageId::TomlSyntax.message("detail", syntax::message(message)),
            Message::new(MessageId::TomlSyntaxHelp),
        )
    }
}

/// The first `` `name` `` in serde's message (the key it is about).
fn quoted(text: &str) -> Option<&str> {
    let (_, after) = text.split_once('`')?;
    Some(after.split_once('`')?.0)
}

/// Rewrites serde's wording for people who do not program (the English
/// detail inside a catalogued sentence).
fn plain(message: &str) -> String {
    message
        .replace("invalid type: string", "text")
        .replace("invalid type: integer", "a whole number")
        .replace("invalid type: floating point", "a decimal number")
        .replace("invalid type: boolean", "true/false")
        .replace("invalid type: map", "a table { … }")
        .replace("invalid type: sequence", "a list [ … ]")
        .replace("invalid value: ", "")
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

    #[test]
    fn the_key_is_named_in_both_languages() {
        use crate::lang::Lang;
        let e = err("title = \"a\"\ntitel = \"b\"\n");
        assert!(
            e.message_in(Lang::Sv).contains("titel"),
            "{}",
            e.message_in(Lang::Sv)
        );
        assert!(e.help_in(Lang::Sv).unwrap().contains("title"));
        assert_ne!(e.help_in(Lang::Sv), e.help_in(Lang::En));
        let e = err("");
        assert!(e.message_in(Lang::Sv).contains("title"));
    }

    #[test]
    fn a_misspelt_key_before_a_date_gets_the_spelling_help() {
        #[derive(Debug, Deserialize)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct D {
            published: toml::value::Datetime,
        }
        let text = "publicerad = 2020-12-31\n";
        let whole: Arc<str> = Arc::from(text);
        let e = parse::<D>("f.toml", &whole, 0, text).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::UnknownField);
        let help = e.catalogued_help().unwrap();
        assert_eq!(help.id(), MessageId::TomlUnknownKeySpelling, "{help:?}");
    }
}
