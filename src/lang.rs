//! Languages and per-language values.
//!
//! A report is written in several languages, the first of which (Swedish for
//! NOSAM) is the default and the fallback. [`Lang`] names the languages
//! summering knows how to format; [`Localized`] holds one value per language
//! and guarantees the default language is present, so a fallback always exists.

use std::collections::BTreeMap;
use std::fmt;

use serde::Serialize;

/// A language the site can be written in.
///
/// Each language needs its own number formatting and interface strings, so
/// the set is closed: adding one means adding a variant and a string file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Swedish (`sv`).
    Sv,
    /// English (`en`).
    En,
}

impl Lang {
    /// Every language summering supports, in a stable order.
    pub const ALL: [Lang; 2] = [Lang::Sv, Lang::En];

    /// The BCP 47 code used in file names, URLs and `lang` attributes.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Sv => "sv",
            Lang::En => "en",
        }
    }

    /// Parses a language code as written in file names and `site.toml`.
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }

    /// The codes summering supports, for error messages.
    pub fn supported_codes() -> String {
        Lang::ALL.map(Lang::code).join(", ")
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A value chosen for one language, remembering whether it had to fall back
/// to the default language (so the page can mark it with `lang` and a notice).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Resolved<'a, T> {
    /// The value itself.
    pub value: &'a T,
    /// The language the value is actually written in.
    pub lang: Lang,
    /// True when the requested language was missing and the default was used.
    pub is_fallback: bool,
}

/// One value per language, always including the default language.
#[derive(Debug, Clone, PartialEq)]
pub struct Localized<T> {
    default: Lang,
    values: BTreeMap<Lang, T>,
}

impl<T> Localized<T> {
    /// Builds a localized value; returns the map back if the default language is missing.
    pub fn new(default: Lang, values: BTreeMap<Lang, T>) -> Result<Self, BTreeMap<Lang, T>> {
        if values.contains_key(&default) {
            Ok(Localized { default, values })
        } else {
            Err(values)
        }
    }

    /// The same value for every language (for fixed strings and tests).
    pub fn uniform(default: Lang, value: T) -> Self {
        Localized {
            default,
            values: BTreeMap::from([(default, value)]),
        }
    }

    /// The value in `lang`, if written in that language.
    pub fn get(&self, lang: Lang) -> Option<&T> {
        self.values.get(&lang)
    }

    /// The value in `lang`, or the default language's value marked as a fallback.
    pub fn resolve(&self, lang: Lang) -> Resolved<'_, T> {
        match self.values.get(&lang) {
            Some(value) => Resolved {
                value,
                lang,
                is_fallback: false,
            },
            None => Resolved {
                value: &self.values[&self.default],
                lang: self.default,
                is_fallback: true,
            },
        }
    }

    /// The value in the default language.
    pub fn default_value(&self) -> &T {
        &self.values[&self.default]
    }

    /// The languages this value is written in.
    pub fn langs(&self) -> impl Iterator<Item = Lang> + '_ {
        self.values.keys().copied()
    }

    /// Applies `f` to every language's value.
    pub fn map<U>(&self, mut f: impl FnMut(Lang, &T) -> U) -> Localized<U> {
        Localized {
            default: self.default,
            values: self.values.iter().map(|(l, v)| (*l, f(*l, v))).collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
        }
        assert_eq!(Lang::from_code("de"), None);
    }

    #[test]
    fn missing_language_falls_back_to_default() {
        let l = Localized::new(Lang::Sv, BTreeMap::from([(Lang::Sv, "hej")])).unwrap();
        let r = l.resolve(Lang::En);
        assert_eq!((*r.value, r.lang, r.is_fallback), ("hej", Lang::Sv, true));
        let r = l.resolve(Lang::Sv);
        assert!(!r.is_fallback);
    }

    #[test]
    fn default_language_is_required() {
        assert!(Localized::new(Lang::Sv, BTreeMap::from([(Lang::En, 1)])).is_err());
    }
}
