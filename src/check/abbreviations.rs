//! Glossary warnings: all-capital words the glossary does not define, and
//! glossary entries nobody has confirmed yet.
//!
//! A word here is a run of letters and digits; it looks like an abbreviation
//! when it has two or more capital letters and no small ones (`MAS`, `ÖK`,
//! `COVID` in `COVID-19`). Terms of the glossary are masked first, so a term
//! such as `Mini-Maria` or `COVID-19` covers its parts. Code, link addresses
//! and `{{placeholders}}` are skipped.

use std::collections::BTreeMap;
use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser};

use super::Notice;
use crate::diagnostics::{WarningKind, line_col};
use crate::load::raw::RawLocalized;
use crate::load::{RawSite, SourceFile};
use crate::messages::{Message, MessageId};
use crate::model::Glossary;
use crate::model::glossary::default_file;
use crate::model::placeholder;

/// A warning for each file's first use of each undefined all-capital word.
pub fn undefined(raw: &RawSite, glossary: &Glossary) -> Vec<Notice> {
    let mut out = Vec::new();
    for year in &raw.years {
        if let Some(report) = &year.report {
            let mut found = Found::default();
            let r = &report.value;
            for value in [Some(&r.title), r.subtitle.as_ref(), r.closing.as_ref()]
                .into_iter()
                .flatten()
            {
                toml_texts(value.get_ref(), glossary, &mut found);
            }
            out.extend(found.notices(&report.source, glossary));
        }
        for s in &year.sections {
            let mut found = Found::default();
            let title = &s.front.title;
            // The span covers the quotes; the text starts one character in.
            words(
                title.get_ref(),
                s.front_offset + title.span().start + 1,
                glossary,
                &mut found,
            );
            let placeholders = placeholder::find(&s.body);
            let options =
                Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH;
            for (event, range) in Parser::new_ext(&s.body, options).into_offset_iter() {
                let Event::Text(text) = event else { continue };
                if placeholders
                    .iter()
                    .any(|p| p.start <= range.start && range.end <= p.end)
                {
                    continue;
                }
                // Exact offsets when the text is written as is; otherwise the start of the passage.
                let exact = s.body.get(range.clone()) == Some(&*text);
                let mut local = Found::default();
                words(&text, 0, glossary, &mut local);
                for (word, (offset, count)) in local.words {
                    let at = s.body_offset
                        + if exact {
                            range.start + offset
                        } else {
                            range.start
                        };
                    let entry = found.words.entry(word).or_insert((at, 0));
                    entry.1 += count;
                }
            }
            out.extend(found.notices(&s.source, glossary));
        }
    }
    out
}

/// A warning for each glossary entry marked `confirmed = false` or that explains nothing.
pub fn unconfirmed(glossary: &Glossary) -> Vec<Notice> {
    let file = glossary.file.clone().unwrap_or_else(default_file);
    let mut terms: Vec<_> = glossary
        .terms()
        .iter()
        .filter(|t| !t.confirmed || t.title(crate::lang::Lang::Sv).is_none())
        .collect();
    terms.sort_by_key(|t| t.position);
    terms
        .into_iter()
        .map(|t| {
            let shown = if t.title(crate::lang::Lang::Sv).is_some() {
                MessageId::WarnTermUnconfirmedShown
            } else {
                MessageId::WarnTermUnconfirmedHidden
            };
            Notice {
                kind: WarningKind::UnconfirmedTerm,
                file: file.clone(),
                position: Some(t.position),
                message: Message::new(shown).arg("abbr", &t.abbr).into(),
                help: Some(MessageId::WarnTermUnconfirmedHelp.into()),
            }
        })
        .collect()
}

/// Undefined words of one file: first byte offset and count per word.
#[derive(Default)]
struct Found {
    words: BTreeMap<String, (usize, usize)>,
}

impl Found {
    fn notices(self, source: &SourceFile, glossary: &Glossary) -> Vec<Notice> {
        let file = glossary.file.clone().unwrap_or_else(default_file);
        let mut list: Vec<(String, (usize, usize))> = self.words.into_iter().collect();
        list.sort_by_key(|(_, (offset, _))| *offset);
        list.into_iter()
            .map(|(word, (offset, count))| Notice {
                kind: WarningKind::UndefinedAbbreviation,
                file: source.name.clone(),
                position: Some(line_col(&source.text, offset)),
                message: Message::new(MessageId::WarnUndefinedAbbreviation)
                    .arg("word", &word)
                    .count("n", count)
                    .arg("file", &file)
                    .into(),
                help: Some(
                    Message::new(MessageId::WarnUndefinedAbbreviationHelp)
                        .arg("word", &word)
                        .arg("file", &file)
                        .into(),
                ),
            })
            .collect()
    }
}

fn toml_texts(value: &RawLocalized, glossary: &Glossary, found: &mut Found) {
    for text in value.0.values() {
        words(text.get_ref(), text.span().start + 1, glossary, found);
    }
}

/// Records the undefined all-capital words of `text`, which starts at byte `base` of its file.
fn words(text: &str, base: usize, glossary: &Glossary, found: &mut Found) {
    let masked: Vec<Range<usize>> = glossary
        .occurrences(text)
        .into_iter()
        .map(|o| o.range)
        .collect();
    let mut start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                start = None;
                let word = &text[s..i];
                let capitals = word.chars().filter(|c| c.is_uppercase()).count();
                let inside_term = masked.iter().any(|m| m.start <= s && i <= m.end);
                if capitals >= 2
                    && !word.chars().any(char::is_lowercase)
                    && !inside_term
                    && !glossary.defines(word)
                {
                    let entry = found.words.entry(word.to_string()).or_insert((base + s, 0));
                    entry.1 += 1;
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_capital_words_but_not_terms_numbers_or_ordinary_words() {
        let mut found = Found::default();
        let g = Glossary::default();
        words(
            "MAS och MAR, 2021, Covid, B12, ÖK-arbete, MAS igen",
            10,
            &g,
            &mut found,
        );
        let got: Vec<(&str, (usize, usize))> =
            found.words.iter().map(|(w, v)| (w.as_str(), *v)).collect();
        assert_eq!(got, [("MAR", (18, 1)), ("MAS", (10, 2)), ("ÖK", (41, 1))]);
    }
}
