//! `catalogue.toml`, compiled in and read once: the Swedish and English text
//! of every [`MessageId`].
//!
//! A TOML file read with the `toml` crate the site's own files already use,
//! rather than Fluent: the messages need arguments and a singular/plural form,
//! which this covers, and it adds no crate to the build.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::Deserialize;

use super::MessageId;
use crate::lang::Lang;

const SOURCE: &str = include_str!("catalogue.toml");

/// One message in both languages (both are required: a missing one fails to load).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    sv: Form,
    en: Form,
}

/// A text, or its singular and plural forms chosen by the count `{n}`.
#[derive(Deserialize)]
#[serde(untagged)]
enum Form {
    Plain(String),
    Plural(Plural),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Plural {
    one: String,
    other: String,
}

/// `[group.name]` tables: the key of an id is `group.name`.
type Raw = HashMap<String, HashMap<String, Entry>>;

fn entries() -> &'static HashMap<String, Entry> {
    static ENTRIES: OnceLock<HashMap<String, Entry>> = OnceLock::new();
    ENTRIES.get_or_init(|| {
        // The unit tests read the same file, so a catalogue that does not
        // parse never ships; an empty map would show the ids.
        let raw: Raw = toml::from_str(SOURCE).unwrap_or_default();
        raw.into_iter()
            .flat_map(|(group, names)| {
                names
                    .into_iter()
                    .map(move |(name, entry)| (format!("{group}.{name}"), entry))
            })
            .collect()
    })
}

/// The text of `id` in `lang`, in the form the count `n` asks for.
pub(super) fn lookup(id: MessageId, lang: Lang, n: Option<u64>) -> Option<&'static str> {
    let entry = entries().get(id.key())?;
    let form = match lang {
        Lang::Sv => &entry.sv,
        Lang::En => &entry.en,
    };
    Some(match form {
        Form::Plain(s) => s,
        Form::Plural(p) if n == Some(1) => &p.one,
        Form::Plural(p) => &p.other,
    })
}

/// Like [`lookup`], with the id itself when the catalogue lacks it (never
/// for a shipped build: the unit tests check every id).
pub(super) fn text(id: MessageId, lang: Lang, n: Option<u64>) -> &'static str {
    lookup(id, lang, n).unwrap_or(id.key())
}

/// Every key in the catalogue, for the test that each has an id.
#[cfg(test)]
pub(super) fn keys() -> Vec<String> {
    let raw: Raw = toml::from_str(SOURCE).expect("catalogue.toml parses");
    raw.into_iter()
        .flat_map(|(g, names)| names.into_keys().map(move |n| format!("{g}.{n}")))
        .collect()
}
