//! serde's "invalid type: string \"ja\", expected a boolean" in the editor's
//! language: what was written and what belongs there, each in the catalogue's
//! words where summering knows them. An `expected` it does not know (serde's
//! own for a type summering does not use) is kept as serde wrote it.

use crate::load::charts::{EXPECT_NUMBER, EXPECT_UNIT};
use crate::load::raw::{EXPECT_LIST, EXPECT_LOCALIZED};
use crate::messages::{Message, MessageId};

/// The message for serde's `invalid type: …` / `invalid value: …`, if it has that form.
pub(super) fn message(serde: &str) -> Option<Message> {
    let rest = serde
        .strip_prefix("invalid type: ")
        .or_else(|| serde.strip_prefix("invalid value: "))?;
    let (found, expected) = rest.split_once(", expected ")?;
    Some(
        Message::new(MessageId::TomlWrongKind)
            .message("found", written(found))
            .message("expected", wanted(expected.trim())),
    )
}

/// What the editor wrote: its kind, and the value as serde quotes it.
fn written(found: &str) -> Message {
    const KINDS: [(&str, MessageId); 6] = [
        ("string", MessageId::TomlFoundText),
        ("integer", MessageId::TomlFoundWhole),
        ("floating point", MessageId::TomlFoundDecimal),
        ("boolean", MessageId::TomlFoundBoolean),
        ("map", MessageId::TomlFoundTable),
        ("sequence", MessageId::TomlFoundList),
    ];
    for (kind, id) in KINDS {
        if let Some(value) = found.strip_prefix(kind) {
            return id.arg("value", value.trim().trim_matches('`'));
        }
    }
    MessageId::IoSystem.arg("error", found)
}

/// What belongs there.
fn wanted(expected: &str) -> Message {
    let id = match expected {
        "a boolean" => MessageId::TomlExpectBoolean,
        "a string" => MessageId::TomlExpectText,
        "a TOML datetime" => MessageId::TomlExpectDate,
        "u8" | "u16" | "u32" | "u64" | "usize" | "i8" | "i16" | "i32" | "i64" => {
            MessageId::TomlExpectWhole
        }
        "f32" | "f64" => MessageId::TomlExpectNumber,
        "a sequence" => MessageId::TomlExpectList,
        e if e == EXPECT_LOCALIZED => MessageId::TomlExpectLocalized,
        e if e == EXPECT_LIST => MessageId::TomlExpectList,
        e if e == EXPECT_NUMBER => MessageId::TomlExpectChartNumber,
        e if e == EXPECT_UNIT => MessageId::TomlExpectUnit,
        other => return MessageId::IoSystem.arg("error", other),
    };
    Message::new(id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;

    #[test]
    fn found_and_expected_are_said_in_both_languages() {
        let m = message("invalid type: string \"ja\", expected a boolean").unwrap();
        let (sv, en) = (m.render(Lang::Sv), m.render(Lang::En));
        assert!(
            sv.contains("\"ja\"") && en.contains("\"ja\""),
            "{sv} / {en}"
        );
        assert!(!sv.contains("expected") && !sv.contains("boolean"), "{sv}");
        let m = message(&format!(
            "invalid type: integer `3`, expected {EXPECT_LOCALIZED}"
        ))
        .unwrap();
        assert!(m.render(Lang::Sv).contains('3'), "{}", m.render(Lang::Sv));
        assert_ne!(m.render(Lang::Sv), m.render(Lang::En));
    }

    #[test]
    fn what_summering_does_not_know_is_kept_as_serde_wrote_it() {
        let m = message("invalid type: unit value, expected something odd").unwrap();
        assert!(m.render(Lang::Sv).contains("something odd"));
        assert!(m.render(Lang::Sv).contains("unit value"));
        assert!(message("expected newline, found a comma").is_none());
    }
}
