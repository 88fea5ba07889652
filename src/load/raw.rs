//! Raw, unvalidated shapes of the content files, exactly as editors write them.
//!
//! These mirror the TOML one to one and reject unknown keys, so a typo such as
//! `titel = …` is reported instead of silently ignored. They are turned into
//! the validated model in [`crate::model`].

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

/// What serde says a `{ sv = "…", en = "…" }` value should be; the TOML error
/// conversion knows these words and says them in the editor's language.
pub(crate) const EXPECT_LOCALIZED: &str = r#"a text per language, like { sv = "…", en = "…" }"#;

/// What serde says a list should be (see [`EXPECT_LOCALIZED`]).
pub(crate) const EXPECT_LIST: &str = "a list in square brackets, like [ … , … ]";

/// A text given per language: `{ sv = "…", en = "…" }`.
#[derive(Debug, Clone, Deserialize)]
#[serde(transparent)]
pub struct RawLocalized(
    #[serde(deserialize_with = "deserialize_localized")]
    pub  BTreeMap<Spanned<String>, Spanned<String>>,
);

fn deserialize_localized<'de, D>(
    d: D,
) -> Result<BTreeMap<Spanned<String>, Spanned<String>>, D::Error>
where
    D: serde::Deserializer<'de>,
{
    struct Visitor;
    impl<'de> serde::de::Visitor<'de> for Visitor {
        type Value = BTreeMap<Spanned<String>, Spanned<String>>;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str(EXPECT_LOCALIZED)
        }
        fn visit_map<A: serde::de::MapAccess<'de>>(
            self,
            mut map: A,
        ) -> Result<Self::Value, A::Error> {
            let mut out = BTreeMap::new();
            while let Some((k, v)) = map.next_entry::<Spanned<String>, Spanned<String>>()? {
                out.insert(k, v);
            }
            Ok(out)
        }
    }
    d.deserialize_map(Visitor)
}

/// `content/site.toml`: the site as a whole.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSiteConfig {
    /// Language codes; the first is the default.
    pub languages: Spanned<Vec<Spanned<String>>>,
    /// Theme folder name under `themes/`; `default` is built in.
    #[serde(default)]
    pub theme: Option<Spanned<String>>,
    /// The site's name per language.
    pub name: Spanned<RawLocalized>,
    /// The organisation behind the reports, per language.
    pub organisation: Spanned<RawLocalized>,
    /// One or two sentences for the landing page and search engines.
    #[serde(default)]
    pub description: Option<Spanned<RawLocalized>>,
    /// `[deck]`: how the slide decks look.
    #[serde(default)]
    pub deck: Option<RawDeck>,
    /// The organisation's logo: an SVG or PNG file in `content/` (`logo = "logo.svg"`).
    #[serde(default)]
    pub logo: Option<Spanned<String>>,
    /// The organisation's PowerPoint template: a `.potx` or `.pptx` file in
    /// `content/` whose master and layouts the decks use (`pptx_template = "mall.potx"`).
    #[serde(default)]
    pub pptx_template: Option<Spanned<String>>,
    /// A contact line for the closing slide, per language.
    #[serde(default)]
    pub contact: Option<Spanned<RawLocalized>>,
    /// `[brand]`: the organisation's colours.
    #[serde(default)]
    pub brand: Option<RawBrand>,
}

/// `content/YEAR/report.toml`: one year's report.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawReport {
    /// The report's title per language.
    pub title: Spanned<RawLocalized>,
    /// A subtitle per language.
    #[serde(default)]
    pub subtitle: Option<Spanned<RawLocalized>>,
    /// Publication date, a bare TOML date such as `2021-12-31`.
    pub published: Spanned<toml::value::Datetime>,
    /// The closing statement per language.
    #[serde(default)]
    pub closing: Option<Spanned<RawLocalized>>,
    /// `draft = true` while the year is being written (what `summering new`
    /// writes): `build` leaves the year out, `build --drafts` and `serve` show
    /// it with a "Draft" banner.
    #[serde(default)]
    pub draft: bool,
}

/// The `+++` front matter of a section file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFrontMatter {
    /// `strength`, `focus-area`, `development-area` or `way-forward`.
    pub kind: Spanned<String>,
    /// The section's heading in this language.
    pub title: Spanned<String>,
    /// In a translation: the fingerprint of the default-language text it was
    /// translated from (see `model::fingerprint`), so `check` can tell when it is outdated.
    #[serde(default)]
    pub source_hash: Option<Spanned<String>>,
    /// Ids of charts (from `charts.toml`) shown after the text: `charts = ["narvaro"]`.
    #[serde(default)]
    pub charts: Option<Spanned<List<Spanned<String>>>>,
}

/// A TOML array, with a message in plain words when something else is written
/// (serde would say "expected a sequence").
#[derive(Debug, Clone, PartialEq)]
pub struct List<T>(pub Vec<T>);

impl<T> std::ops::Deref for List<T> {
    type Target = Vec<T>;
    fn deref(&self) -> &Vec<T> {
        &self.0
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for List<T> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor<T>(std::marker::PhantomData<T>);
        impl<'de, T: Deserialize<'de>> serde::de::Visitor<'de> for Visitor<T> {
            type Value = List<T>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(EXPECT_LIST)
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<List<T>, A::Error> {
                let mut out = Vec::new();
                while let Some(v) = seq.next_element()? {
                    out.push(v);
                }
                Ok(List(out))
            }
        }
        d.deserialize_seq(Visitor(std::marker::PhantomData))
    }
}

/// The `[deck]` table of `site.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDeck {
    /// `footer = false` leaves out the line with organisation, date and slide number.
    #[serde(default)]
    pub footer: Option<bool>,
}

/// The `[brand]` table of `site.toml`: colours as `#rrggbb`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawBrand {
    /// Links, headings and buttons (`--color-accent`).
    #[serde(default)]
    pub accent: Option<Spanned<String>>,
    /// The page header and the title and closing slides (`--color-accent-strong`).
    #[serde(default)]
    pub accent_strong: Option<Spanned<String>>,
    /// Text on the two accent colours (`--color-on-accent`), white unless given.
    #[serde(default)]
    pub on_accent: Option<Spanned<String>>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_single_value_instead_of_a_list_is_explained() {
        #[derive(Debug, Deserialize)]
        #[allow(dead_code)]
        struct T {
            values: List<i64>,
        }
        let e = toml::from_str::<T>("values = 12\n").unwrap_err();
        assert!(
            e.message().contains("a list in square brackets"),
            "{}",
            e.message()
        );
        assert!(!e.message().contains("sequence"), "{}", e.message());
    }
}
