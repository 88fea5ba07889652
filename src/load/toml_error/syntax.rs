//! The TOML parser's own description of a syntax error ("missing comma
//! between array elements, expected `,`") in the editor's language: the
//! descriptions an editor meets are catalogued; what the parser expected
//! (`,`, `]`, `"` …) is shown as it wrote it, and a description this table
//! lacks stays in the parser's English.

use crate::messages::{Message, MessageId};

/// The parser's descriptions (toml_parser's words) and their catalogue texts.
const DESCRIPTIONS: [(&str, MessageId); 25] = [
    ("invalid basic string", MessageId::TomlSyntaxUnclosedText),
    ("invalid literal string", MessageId::TomlSyntaxUnclosedText),
    (
        "invalid multi-line basic string",
        MessageId::TomlSyntaxUnclosedText,
    ),
    (
        "invalid multi-line literal string",
        MessageId::TomlSyntaxUnclosedText,
    ),
    ("invalid string", MessageId::TomlSyntaxNeedsQuotes),
    ("unquoted string", MessageId::TomlSyntaxNeedsQuotes),
    (
        "string values must be quoted",
        MessageId::TomlSyntaxNeedsQuotes,
    ),
    ("invalid float", MessageId::TomlSyntaxNeedsQuotes),
    (
        "missing comma between key-value pairs",
        MessageId::TomlSyntaxCommaPairs,
    ),
    (
        "extra assignment between key-value pairs",
        MessageId::TomlSyntaxCommaPairs,
    ),
    (
        "missing assignment between key-value pairs",
        MessageId::TomlSyntaxNoValue,
    ),
    (
        "missing comma between array elements",
        MessageId::TomlSyntaxCommaList,
    ),
    (
        "extra comma in inline table",
        MessageId::TomlSyntaxExtraComma,
    ),
    ("extra comma in array", MessageId::TomlSyntaxExtraComma),
    ("duplicate key", MessageId::TomlSyntaxDuplicateKey),
    ("key with no value", MessageId::TomlSyntaxNoValue),
    ("missing value", MessageId::TomlSyntaxNoValue),
    ("missing value for key", MessageId::TomlSyntaxNoValue),
    ("unclosed table", MessageId::TomlSyntaxUnclosedTable),
    ("unclosed inline table", MessageId::TomlSyntaxUnclosedBraces),
    ("unclosed array", MessageId::TomlSyntaxUnclosedList),
    ("unexpected key or value", MessageId::TomlSyntaxOneLine),
    ("invalid unquoted key", MessageId::TomlSyntaxBadKey),
    (
        "unquoted keys cannot be empty",
        MessageId::TomlSyntaxEmptyKey,
    ),
    ("invalid date-time", MessageId::TomlSyntaxBadDate),
];

/// The message for the parser's `detail`.
pub(super) fn message(detail: &str) -> Message {
    let (what, expected) = match detail.split_once(", expected ") {
        Some((what, expected)) => (what, Some(expected)),
        None => (detail, None),
    };
    let what = match DESCRIPTIONS.iter().find(|(words, _)| *words == what) {
        Some((_, id)) => Message::new(*id),
        None if what.starts_with("invalid date") => Message::new(MessageId::TomlSyntaxBadDate),
        None => MessageId::IoSystem.arg("error", what),
    };
    // What the parser expected of a word without quotes (`nan`) misleads.
    let expected = expected.filter(|_| what.id() != MessageId::TomlSyntaxNeedsQuotes);
    match expected {
        Some(expected) => Message::new(MessageId::TomlSyntaxExpected)
            .message("what", what)
            .arg("expected", expected),
        None => what,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;

    #[test]
    fn the_parsers_descriptions_are_catalogued() {
        for text in [
            "title = \"a",
            "a = [1, 2\nb = 3",
            "a = 1\na = 2",
            "a =",
            "[chart",
            "a = { b = 1 c = 2 }",
            "a = 1 2",
        ] {
            let e = toml::from_str::<toml::Table>(text).unwrap_err();
            let detail = e.message().trim();
            let m = message(detail);
            let sv = m.render(Lang::Sv);
            let what = detail.split(", expected ").next().unwrap();
            assert!(!sv.contains(what), "{text}: {detail} stays English: {sv}");
        }
    }

    #[test]
    fn what_the_table_lacks_keeps_the_parsers_words() {
        let m = message("something new, expected `x`");
        assert!(m.render(Lang::Sv).contains("something new"));
        assert!(m.render(Lang::Sv).contains("`x`"));
        assert_eq!(
            message("duplicate key").render(Lang::En),
            "this key is already in the file"
        );
    }
}
