//! Help lines that name what Word and Outlook habits did to a TOML value.
//!
//! The parser's own words ("string values must be quoted") are true but point
//! the wrong way for an editor who did type quotes — typographic ones, put in
//! by their word processor — or who wrote a date as people write it. Each rule
//! here looks at the text the error points at and, when it recognises the
//! habit, names it and shows the line as it should be.

use std::ops::Range;

use crate::messages::{Message, MessageId};

/// Quote marks that word processors type in place of `"` and `'`.
const TYPOGRAPHIC_QUOTES: [char; 8] = ['”', '“', '„', '‘', '’', '‚', '«', '»'];

/// A help line for the TOML error `message` at `span` of `text`, when the
/// mistake looks like one of the habits; `None` leaves the general help.
pub(super) fn help(text: &str, span: Range<usize>, message: &str) -> Option<Message> {
    let line = line_at(text, span.start);
    let (key, value) = line.split_once('=')?;
    let (key, value) = (key.trim(), value.trim());
    if value.contains(TYPOGRAPHIC_QUOTES) {
        let fixed: String = value
            .chars()
            .map(|c| {
                if TYPOGRAPHIC_QUOTES.contains(&c) {
                    '"'
                } else {
                    c
                }
            })
            .collect();
        return Some(
            MessageId::TomlTypographicQuotes
                .arg("value", value)
                .arg("key", key)
                .arg("fixed", fixed),
        );
    }
    let unquoted = value.trim_matches(|c| c == '"' || c == '\'');
    let date = parse_date(unquoted);
    let date = match date {
        Some(date) => date,
        None if message.contains("datetime") => "2021-12-31".to_string(),
        None if is_bare_text(value) => {
            let fixed = format!("{key} = \"{value}\"");
            return Some(MessageId::TomlQuoteText.arg("fixed", fixed));
        }
        None => return None,
    };
    Some(MessageId::TomlDate.arg("key", key).arg("example", date))
}

/// Text written without quotes (`title = NOSAM`), as a word processor's
/// habits never need them: it starts with a letter and is no TOML value.
fn is_bare_text(value: &str) -> bool {
    value.chars().next().is_some_and(char::is_alphabetic)
        && !matches!(value, "true" | "false" | "inf" | "nan")
        && !value.contains(['=', '[', '{', '"', '\''])
}

/// The line of `text` that holds byte `at`, without its line break.
fn line_at(text: &str, at: usize) -> &str {
    let at = at.min(text.len());
    let at = (0..=at)
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0);
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = text[at..].find(['\n', '\r']).map_or(text.len(), |i| at + i);
    &text[start..end]
}

/// A date as people write it — `2021-12-31`, `31 december 2021`, `31 dec. 2021`,
/// `December 31, 2021`, `31/12/2021`, `31.12.2021` — as TOML's `2021-12-31`.
fn parse_date(text: &str) -> Option<String> {
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || matches!(c, '/' | '.' | ',' | '-'))
        .filter(|w| !w.is_empty())
        .collect();
    let [a, b, c] = words[..] else {
        return None;
    };
    let (year, month, day) = if a.len() == 4 {
        (a.parse().ok()?, month_of(b)?, c.parse().ok()?)
    } else if let Some(month) = month_of(a).filter(|_| a.parse::<u32>().is_err()) {
        (c.parse().ok()?, month, b.parse().ok()?)
    } else {
        (c.parse().ok()?, month_of(b)?, a.parse().ok()?)
    };
    let valid = (1000..=9999).contains(&year) && (1..=days_in(year, month)).contains(&day);
    valid.then(|| format!("{year:04}-{month:02}-{day:02}"))
}

/// A month given as a number, or as a Swedish or English name or its first three letters.
fn month_of(word: &str) -> Option<u32> {
    if let Ok(n) = word.parse::<u32>() {
        return (1..=12).contains(&n).then_some(n);
    }
    const NAMES: [[&str; 2]; 12] = [
        ["januari", "january"],
        ["februari", "february"],
        ["mars", "march"],
        ["april", "april"],
        ["maj", "may"],
        ["juni", "june"],
        ["juli", "july"],
        ["augusti", "august"],
        ["september", "september"],
        ["oktober", "october"],
        ["november", "november"],
        ["december", "december"],
    ];
    let word = word.to_lowercase();
    let found = NAMES.iter().position(|names| {
        names
            .iter()
            .any(|name| *name == word || (word.chars().count() == 3 && name.starts_with(&word)))
    })?;
    Some(found as u32 + 1)
}

fn days_in(year: u32, month: u32) -> u32 {
    match month {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;

    fn help_for(text: &str) -> Option<String> {
        help(text, text.find('=').unwrap() + 2..text.len(), "").map(|m| m.render(Lang::En))
    }

    #[test]
    fn typographic_quotes_are_named_and_straightened() {
        for text in [
            "title = ”NOSAM”",
            "title = “NOSAM”",
            "title = ‘NOSAM’",
            "title = „NOSAM“",
        ] {
            let help = help_for(text).unwrap();
            assert!(help.contains("typographic"), "{text}: {help}");
            assert!(help.ends_with("title = \"NOSAM\""), "{text}: {help}");
        }
    }

    #[test]
    fn dates_as_people_write_them() {
        for (written, date) in [
            ("31 december 2021", "2021-12-31"),
            ("31 dec. 2021", "2021-12-31"),
            ("December 31, 2021", "2021-12-31"),
            ("1 maj 2022", "2022-05-01"),
            ("31/12/2021", "2021-12-31"),
            ("31.12.2021", "2021-12-31"),
            ("2021/12/31", "2021-12-31"),
            ("29 februari 2024", "2024-02-29"),
        ] {
            assert_eq!(parse_date(written).as_deref(), Some(date), "{written}");
        }
        for not_a_date in [
            "30 februari 2021",
            "31 smurf 2021",
            "NOSAM 2021",
            "2021",
            "",
        ] {
            assert_eq!(parse_date(not_a_date), None, "{not_a_date}");
        }
    }

    #[test]
    fn a_quoted_date_gets_the_unquoted_form() {
        let text = "published = \"2021-12-31\"";
        let help = help(
            text,
            12..24,
            "invalid type: string, expected a TOML datetime",
        )
        .unwrap()
        .render(Lang::En);
        assert!(help.ends_with("published = 2021-12-31"), "{help}");
        let help = help_for("published = 31 december 2021").unwrap();
        assert!(help.ends_with("published = 2021-12-31"), "{help}");
    }

    #[test]
    fn text_without_quotes_gets_them() {
        let help = help_for("title = NOSAM Summering").unwrap();
        assert!(help.ends_with("title = \"NOSAM Summering\""), "{help}");
        assert_eq!(help_for("draft = true"), None);
    }

    #[test]
    fn other_mistakes_keep_the_general_help() {
        assert_eq!(help_for("title = 12 apor"), None);
        assert_eq!(help("[chart", 0..6, "expected `]`"), None);
    }
}
