//! A number written with a decimal comma (`value = 94,5`), as Swedish and Word
//! write decimals, where TOML needs a point.
//!
//! The parser stops at the comma with "expected newline", which says nothing to
//! an editor who wrote an ordinary number; this names the comma and shows the
//! number with a point. (In a list, `[94,5, 88]` is valid TOML — three numbers —
//! and the chart model names the comma instead.)

use std::ops::Range;

use crate::messages::{Message, MessageId};

/// What the editor wrote, found at the comma a TOML error points at.
pub(super) struct DecimalComma {
    /// The whole number as written (`94,5`), for the error's position.
    pub(super) span: Range<usize>,
    /// How to fix it, with the number written with a point.
    pub(super) help: Message,
}

/// The decimal-comma number whose comma is at byte `at` of `text` (where a lone
/// `x = 94,5` stops the parser) or just before it (where `[94,05]` or `[94,5 88]`
/// does), if there is one.
pub(super) fn at_comma(text: &str, at: usize) -> Option<DecimalComma> {
    let bytes = text.as_bytes();
    let at = if bytes.get(at) == Some(&b',') {
        at
    } else if at > 0 && bytes.get(at - 1) == Some(&b',') {
        at - 1
    } else {
        return None;
    };
    let digits_before = bytes[..at]
        .iter()
        .rev()
        .take_while(|b| b.is_ascii_digit())
        .count();
    let digits_after = bytes[at + 1..]
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .count();
    if digits_before == 0 || digits_after == 0 {
        return None;
    }
    let mut start = at - digits_before;
    if start > 0 && matches!(bytes[start - 1], b'-' | b'+') {
        start -= 1;
    }
    let end = at + 1 + digits_after;
    // The number must stand on its own: `x = 94,5`, not part of a word or a date.
    let starts_value = start == 0 || matches!(bytes[start - 1], b' ' | b'\t' | b'=' | b'[');
    let ends_value = bytes
        .get(end)
        .is_none_or(|b| matches!(b, b' ' | b'\t' | b'\r' | b'\n' | b'#' | b']' | b'}' | b','));
    if !starts_value || !ends_value {
        return None;
    }
    let written = &text[start..end];
    let fixed = written.replace(',', ".");
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let before = &text[line_start..start];
    let example = match before.trim_end().strip_suffix('=') {
        Some(key) if !key.contains(['[', '{', ',']) => format!("{} = {fixed}", key.trim()),
        _ => fixed,
    };
    Some(DecimalComma {
        span: start..end,
        help: MessageId::TomlDecimalCommaHelp
            .arg("written", written)
            .arg("example", example),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;

    fn found(text: &str) -> Option<DecimalComma> {
        at_comma(text, text.find(',')?)
    }

    #[test]
    fn the_comma_is_named_and_the_number_gets_a_point() {
        for (text, number, fixed) in [
            ("value = 94,5\n", "94,5", "value = 94.5"),
            ("value = -1,25 # andel\n", "-1,25", "value = -1.25"),
            ("x=3,0", "3,0", "x = 3.0"),
        ] {
            let d = found(text).unwrap();
            assert_eq!(&text[d.span.clone()], number, "{text}");
            for lang in [Lang::Sv, Lang::En] {
                let help = d.help.render(lang);
                assert!(help.starts_with(number), "{help}");
                assert!(help.ends_with(fixed), "{help}");
            }
        }
    }

    #[test]
    fn the_toml_error_for_a_decimal_comma_points_at_its_comma() {
        let text = "a = 94,5\n";
        let e = toml::from_str::<toml::Table>(text).unwrap_err();
        let at = e.span().unwrap().start;
        assert_eq!(found(text).unwrap().span.start, at - 2);
        assert!(at_comma(text, at).is_some());
        // In a list the parser stops after the comma, at a leading zero or a missing comma.
        for text in ["a = [94,05, 88]\n", "a = [94,5 88]\n"] {
            let e = toml::from_str::<toml::Table>(text).unwrap_err();
            let d = at_comma(text, e.span().unwrap().start).expect(text);
            assert_eq!(d.span.start, 5, "{text}");
        }
    }

    #[test]
    fn other_commas_are_left_alone() {
        for text in [
            "a = [1, 2]",
            "a = 1 ,2",
            "a = \"x1,2\"",
            "a = 2021-12-31,5",
            "a = 1,",
            ",",
            "",
        ] {
            assert!(found(text).is_none(), "{text}");
        }
        assert!(at_comma("a = 1", 99).is_none());
    }
}
