//! The glossary: abbreviations, what they stand for, and where they occur.
//!
//! Readers of a NOSAM report meet SIP, ÖK, HP and many more. Each page marks
//! the first use of a term with `<abbr title="…">` (see
//! [`crate::render::abbr`]), the report page ends with a glossary of the terms
//! it uses, and `summering check` asks about all-capital words the glossary
//! does not define.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::ops::Range;

use toml::Spanned;

use crate::diagnostics::{Catalogued, ErrorKind, SiteError, line_col};
use crate::lang::{Lang, Localized};
use crate::load::Parsed;
use crate::load::glossary::{FILE, RawGlossary};
use crate::load::raw::RawLocalized;
use crate::messages::MessageId;
use crate::model::Report;

/// One abbreviation.
#[derive(Debug, Clone, PartialEq)]
pub struct Term {
    /// As written in the text, case and all: `SIP`, `ÖK`, `Mini-Maria`.
    pub abbr: String,
    /// What the letters stand for, per language; `None` while not known.
    pub expansion: Option<Localized<String>>,
    /// A short explanation per language.
    pub explanation: Option<Localized<String>>,
    /// False while nobody has confirmed the entry.
    pub confirmed: bool,
    /// Line and column of the entry's `abbr` in the glossary file, for messages.
    pub position: (usize, usize),
}

impl Term {
    /// The text for `<abbr title>` in `lang`: the expansion, or else the explanation.
    pub fn title(&self, lang: Lang) -> Option<&str> {
        self.expansion
            .as_ref()
            .or(self.explanation.as_ref())
            .map(|l| l.resolve(lang).value.as_str())
    }
}

/// Every term of `content/glossary.toml`, longest first (so `COVID-19` wins over `COVID`).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Glossary {
    terms: Vec<Term>,
    /// Each term's index in `terms`, by its abbreviation: finding the term at
    /// a place in a text is a look-up per distinct length, not a scan of all terms.
    by_abbr: HashMap<String, usize>,
    /// The distinct byte lengths of the abbreviations, longest first.
    lengths: Vec<usize>,
    /// Whether some abbreviation starts with this byte.
    starts: Vec<bool>,
    not_abbreviations: BTreeSet<String>,
    /// `content/glossary.toml` when the site has one.
    pub file: Option<String>,
}

/// Where a term occurs in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Occurrence {
    /// Byte range in the text.
    pub range: Range<usize>,
    /// The term's index in [`Glossary::terms`].
    pub term: usize,
}

impl Glossary {
    /// The terms, longest abbreviation first.
    pub fn terms(&self) -> &[Term] {
        &self.terms
    }

    /// True if `word` is a term, or listed as "not an abbreviation".
    pub fn defines(&self, word: &str) -> bool {
        self.not_abbreviations.contains(word) || self.by_abbr.contains_key(word)
    }

    /// Every whole-word occurrence of every term in `text`, in text order, never overlapping.
    ///
    /// A word boundary is any character that is not a letter or digit, so `SIP`
    /// is found in `SIP-arbetet` and `NOSAM:s`, but not in `SIPP`.
    pub fn occurrences(&self, text: &str) -> Vec<Occurrence> {
        let mut out = Vec::new();
        if self.terms.is_empty() {
            return out;
        }
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < text.len() {
            // Most positions start no term: look further only where a term's first byte is.
            let candidate = self.starts[usize::from(bytes[i])]
                && text.is_char_boundary(i)
                && text[..i]
                    .chars()
                    .next_back()
                    .is_none_or(|p| !p.is_alphanumeric());
            if let Some(term) = candidate.then(|| self.term_at(text, i)).flatten() {
                let len = self.terms[term].abbr.len();
                out.push(Occurrence {
                    range: i..i + len,
                    term,
                });
                i += len;
            } else {
                i += 1;
            }
        }
        out
    }

    /// The terms `report` uses as shown in `lang` (its title, subtitle,
    /// closing and section headings and texts) that have an expansion or an
    /// explanation to give, by abbreviation regardless of case: the list that
    /// ends the report page and the PDF.
    pub fn used_in(&self, report: &Report, lang: Lang) -> Vec<&Term> {
        let mut texts: Vec<&str> = vec![report.title.resolve(lang).value];
        texts.extend(
            report
                .subtitle
                .iter()
                .chain(&report.closing)
                .map(|l| l.resolve(lang).value.as_str()),
        );
        for s in &report.sections {
            let text = s.text.resolve(lang).value;
            texts.extend([text.title.as_str(), text.markdown.as_str()]);
        }
        let mut used = vec![false; self.terms.len()];
        for text in texts {
            for occ in self.occurrences(text) {
                used[occ.term] = true;
            }
        }
        let mut terms: Vec<&Term> = self
            .terms
            .iter()
            .zip(used)
            .filter(|(t, used)| *used && (t.expansion.is_some() || t.explanation.is_some()))
            .map(|(t, _)| t)
            .collect();
        terms.sort_by_key(|t| t.abbr.to_lowercase());
        terms
    }

    /// The longest term that starts at `i` and ends at a word boundary.
    fn term_at(&self, text: &str, i: usize) -> Option<usize> {
        self.lengths.iter().find_map(|&len| {
            let end = i + len;
            let word = text.get(i..end)?;
            let boundary = text[end..]
                .chars()
                .next()
                .is_none_or(|n| !n.is_alphanumeric());
            boundary.then(|| self.by_abbr.get(word).copied()).flatten()
        })
    }

    /// Builds the glossary from the raw file, collecting problems into `errors`.
    pub(crate) fn convert(
        raw: Option<&Parsed<RawGlossary>>,
        languages: &[Lang],
        errors: &mut Vec<SiteError>,
    ) -> Glossary {
        let Some(raw) = raw else {
            return Glossary::default();
        };
        let src = &raw.source;
        let err = |kind, span: Range<usize>, message: MessageId, help: MessageId| {
            SiteError::at(kind, &src.name, &src.text, span, message).with_help(help)
        };
        let mut terms: Vec<Term> = Vec::new();
        let mut seen = BTreeMap::new();
        for t in &raw.value.term {
            let abbr = t.abbr.get_ref().trim();
            if abbr.is_empty() || abbr.chars().any(char::is_whitespace) {
                errors.push(err(
                    ErrorKind::InvalidValue,
                    t.abbr.span(),
                    MessageId::GlossaryNotOneWord,
                    MessageId::GlossaryNotOneWordHelp,
                ));
                continue;
            }
            if seen.insert(abbr.to_string(), ()).is_some() {
                errors.push(err(
                    ErrorKind::Duplicate,
                    t.abbr.span(),
                    MessageId::GlossaryTwice,
                    MessageId::GlossaryTwiceHelp,
                ));
                continue;
            }
            let expansion = t
                .expansion
                .as_ref()
                .and_then(|e| localized(raw, e, languages, errors));
            let explanation = t
                .explanation
                .as_ref()
                .and_then(|e| localized(raw, e, languages, errors));
            terms.push(Term {
                abbr: abbr.to_string(),
                expansion,
                explanation,
                confirmed: t.confirmed.as_ref().is_none_or(|c| *c.get_ref()),
                position: line_col(&src.text, t.abbr.span().start),
            });
        }
        let not_abbreviations = raw
            .value
            .not_abbreviations
            .iter()
            .map(|w| w.get_ref().trim().to_string())
            .collect();
        Glossary::new(terms, not_abbreviations, Some(src.name.clone()))
    }

    /// The glossary of `terms` (any order) with its look-up tables.
    fn new(
        mut terms: Vec<Term>,
        not_abbreviations: BTreeSet<String>,
        file: Option<String>,
    ) -> Self {
        terms.sort_by(|a, b| {
            b.abbr
                .len()
                .cmp(&a.abbr.len())
                .then_with(|| a.abbr.cmp(&b.abbr))
        });
        let by_abbr = terms
            .iter()
            .enumerate()
            .map(|(i, t)| (t.abbr.clone(), i))
            .collect();
        let mut lengths: Vec<usize> = terms.iter().map(|t| t.abbr.len()).collect();
        lengths.dedup();
        let mut starts = vec![false; 256];
        for t in &terms {
            if let Some(&b) = t.abbr.as_bytes().first() {
                starts[usize::from(b)] = true;
            }
        }
        Glossary {
            terms,
            by_abbr,
            lengths,
            starts,
            not_abbreviations,
            file,
        }
    }
}

/// A `{ sv = "…", en = "…" }` value where an empty text means "not known yet".
fn localized(
    raw: &Parsed<RawGlossary>,
    value: &Spanned<RawLocalized>,
    languages: &[Lang],
    errors: &mut Vec<SiteError>,
) -> Option<Localized<String>> {
    let src = &raw.source;
    let mut values = BTreeMap::new();
    for (code, text) in &value.get_ref().0 {
        match Lang::from_code(code.get_ref()).filter(|l| languages.contains(l)) {
            Some(lang) if !text.get_ref().trim().is_empty() => {
                values.insert(lang, text.get_ref().trim().to_string());
            }
            Some(_) => {}
            None => errors.push(
                SiteError::at(
                    ErrorKind::UnknownLanguage,
                    &src.name,
                    &src.text,
                    code.span(),
                    MessageId::SiteLanguageNotListed.arg("code", code.get_ref()),
                )
                .with_help(
                    MessageId::GlossaryLanguagesHelp.arg("list", crate::messages::codes(languages)),
                ),
            ),
        }
    }
    if values.is_empty() {
        return None;
    }
    let default = languages[0];
    match Localized::new(default, values) {
        Ok(l) => Some(l),
        Err(_) => {
            errors.push(
                SiteError::at(
                    ErrorKind::MissingDefaultLanguage,
                    &src.name,
                    &src.text,
                    value.span(),
                    MessageId::SiteNoDefaultText.arg("lang", default),
                )
                .with_help(MessageId::GlossaryNoDefaultHelp.arg("lang", default)),
            );
            None
        }
    }
}

/// The file name shown in messages when the site has no glossary yet.
pub fn default_file() -> String {
    format!("content/{FILE}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    fn glossary(text: &str) -> (Glossary, Vec<SiteError>) {
        let source = crate::load::SourceFile {
            name: "content/glossary.toml".into(),
            text: Arc::from(text),
        };
        let value: RawGlossary = toml::from_str(text).unwrap();
        let mut errors = Vec::new();
        let g = Glossary::convert(
            Some(&Parsed { source, value }),
            &[Lang::Sv, Lang::En],
            &mut errors,
        );
        (g, errors)
    }

    const TEXT: &str = r#"
not_abbreviations = ["OK"]
[[term]]
abbr = "SIP"
expansion = { sv = "samordnad individuell plan", en = "coordinated individual plan" }
[[term]]
abbr = "TG"
expansion = { sv = "", en = "" }
confirmed = false
[[term]]
abbr = "Mini-Maria"
explanation = { sv = "mottagning för unga med missbruk" }
"#;

    #[test]
    fn finds_whole_words_only() {
        let (g, errors) = glossary(TEXT);
        assert!(errors.is_empty());
        let text = "SIP-arbetet, SIPP och Mini-Maria; TG:s roll";
        let found: Vec<&str> = g
            .occurrences(text)
            .iter()
            .map(|o| &text[o.range.clone()])
            .collect();
        assert_eq!(found, ["SIP", "Mini-Maria", "TG"]);
    }

    #[test]
    fn titles_fall_back_and_unknown_expansions_stay_empty() {
        let (g, _) = glossary(TEXT);
        let sip = g.terms().iter().find(|t| t.abbr == "SIP").unwrap();
        assert_eq!(sip.title(Lang::En), Some("coordinated individual plan"));
        let tg = g.terms().iter().find(|t| t.abbr == "TG").unwrap();
        assert_eq!((tg.title(Lang::Sv), tg.confirmed), (None, false));
        let mm = g.terms().iter().find(|t| t.abbr == "Mini-Maria").unwrap();
        assert_eq!(mm.title(Lang::En), Some("mottagning för unga med missbruk"));
        assert!(g.defines("OK") && g.defines("TG") && !g.defines("MAS"));
    }

    #[test]
    fn duplicates_and_missing_default_language_are_errors() {
        let (_, errors) = glossary(
            "[[term]]\nabbr = \"SU\"\n[[term]]\nabbr = \"SU\"\n[[term]]\nabbr = \"HP\"\nexpansion = { en = \"action plan\" }\n",
        );
        let kinds: Vec<_> = errors
            .iter()
            .map(|e| (e.kind(), e.line_col().unwrap().0))
            .collect();
        assert_eq!(
            kinds,
            [
                (ErrorKind::Duplicate, 4),
                (ErrorKind::MissingDefaultLanguage, 7)
            ]
        );
    }
}
