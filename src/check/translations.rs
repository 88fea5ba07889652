//! Translation status of every section in every language.
//!
//! A translation records the fingerprint of the default-language (Swedish)
//! text it was made from, `source_hash = "…"` in its front matter. When the
//! Swedish text changes its fingerprint changes, and the translation is
//! reported as outdated together with the new fingerprint to write once the
//! translation is brought up to date (see `docs/authoring.md`).

use std::collections::BTreeMap;

use serde::Serialize;

use super::Notice;
use crate::diagnostics::{WarningKind, line_col};
use crate::lang::Lang;
use crate::load::{RawSection, RawSite};
use crate::messages::{Message, MessageId};
use crate::model::fingerprint::{is_well_formed, source_hash};

/// Where a translation stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// Made from the current default-language text.
    UpToDate,
    /// The default-language text changed after the translation was made.
    Outdated,
    /// The translation records no `source_hash`, so nobody can tell.
    Unverified,
    /// There is no file for this language.
    Missing,
}

/// One section in one language other than the default.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Translation {
    /// The report year.
    pub year: u16,
    /// `NN-slug`, shared by the section's files.
    pub section: String,
    /// The translation's language code.
    pub lang: &'static str,
    /// Where it stands.
    pub status: Status,
    /// The translation's file (where it is or would be).
    pub file: String,
    /// The default-language file it is made from.
    pub source_file: String,
    /// The fingerprint of the current default-language text.
    pub source_hash: String,
    /// The fingerprint the translation records, if any.
    pub recorded_hash: Option<String>,
}

/// The status of every section in every non-default language, and a warning for each outdated or unverified one.
/// (Missing translations are already warned about by the build.)
pub fn statuses(raw: &RawSite, languages: &[Lang]) -> (Vec<Translation>, Vec<Notice>) {
    let Some((&default, others)) = languages.split_first() else {
        return (Vec::new(), Vec::new());
    };
    let mut out = Vec::new();
    let mut notices = Vec::new();
    for year in &raw.years {
        let mut groups: BTreeMap<(u32, &str), BTreeMap<&str, &RawSection>> = BTreeMap::new();
        for s in &year.sections {
            groups
                .entry((s.number, &s.slug))
                .or_default()
                .insert(&s.lang_code, s);
        }
        for ((number, slug), files) in groups {
            let Some(source) = files.get(default.code()) else {
                continue;
            };
            let hash = source_hash(source.front.title.get_ref(), &source.body);
            for &lang in others {
                let section = format!("{number:02}-{slug}");
                let file = format!("{}/{section}.{lang}.md", year.dir_name);
                let translation = files.get(lang.code());
                let recorded = translation.and_then(|t| t.front.source_hash.as_ref());
                let status = match (translation, recorded) {
                    (None, _) => Status::Missing,
                    (Some(_), None) => Status::Unverified,
                    (Some(_), Some(r)) if r.get_ref().trim() == hash => Status::UpToDate,
                    (Some(_), Some(_)) => Status::Outdated,
                };
                if let Some(t) = translation
                    && let Some(n) = notice(t, status, &hash, &source.source.name)
                {
                    notices.push(n);
                }
                out.push(Translation {
                    year: year.year,
                    section,
                    lang: lang.code(),
                    status,
                    file,
                    source_file: source.source.name.clone(),
                    source_hash: hash.clone(),
                    recorded_hash: recorded.map(|r| r.get_ref().trim().to_string()),
                });
            }
        }
    }
    (out, notices)
}

fn notice(t: &RawSection, status: Status, hash: &str, source_file: &str) -> Option<Notice> {
    let text = &t.source.text;
    let (kind, position, message, help) = match status {
        Status::Outdated => {
            let recorded = t.front.source_hash.as_ref()?;
            let at = line_col(text, t.front_offset + recorded.span().start);
            let message = if is_well_formed(recorded.get_ref().trim()) {
                MessageId::WarnOutdated
            } else {
                MessageId::WarnBadFingerprint
            };
            let message = Message::new(message).arg("source", source_file);
            let help = Message::new(MessageId::WarnOutdatedHelp)
                .arg("source", source_file)
                .arg("hash", hash);
            (WarningKind::OutdatedTranslation, Some(at), message, help)
        }
        Status::Unverified => {
            let at = line_col(text, t.front_offset);
            let message = Message::new(MessageId::WarnUnverified).arg("source", source_file);
            let help = Message::new(MessageId::WarnUnverifiedHelp)
                .arg("source", source_file)
                .arg("hash", hash);
            (WarningKind::UnverifiedTranslation, Some(at), message, help)
        }
        Status::UpToDate | Status::Missing => return None,
    };
    Some(Notice {
        kind,
        file: t.source.name.clone(),
        position,
        message: message.into(),
        help: Some(help.into()),
    })
}
