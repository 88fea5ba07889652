//! Reading `content/glossary.toml`: the abbreviations the reports use.
//!
//! The file is optional. Its raw shape mirrors the TOML one to one and rejects
//! unknown keys; it is validated into [`crate::model::Glossary`].

use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use super::raw::RawLocalized;
use super::{Parsed, read_toml};
use crate::diagnostics::SiteError;

/// The file name, inside `content/`.
pub const FILE: &str = "glossary.toml";

/// `content/glossary.toml` as written.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawGlossary {
    /// One `[[term]]` table per abbreviation.
    #[serde(default)]
    pub term: Vec<RawTerm>,
    /// All-capital words that are not abbreviations (so `check` does not ask about them).
    #[serde(default)]
    pub not_abbreviations: Vec<Spanned<String>>,
}

/// One `[[term]]`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTerm {
    /// The abbreviation exactly as written in the text (`SIP`, `ÖK`, `Mini-Maria`).
    pub abbr: Spanned<String>,
    /// What it stands for, per language; an empty text means "not known yet".
    #[serde(default)]
    pub expansion: Option<Spanned<RawLocalized>>,
    /// A short explanation per language, shown in the report's glossary.
    #[serde(default)]
    pub explanation: Option<Spanned<RawLocalized>>,
    /// `false` while nobody has confirmed the entry; `check` reminds about it.
    #[serde(default)]
    pub confirmed: Option<Spanned<bool>>,
}

/// Reads `ROOT/content/glossary.toml` if it exists; a problem with it goes to `errors`.
pub fn read(root: &Path, errors: &mut Vec<SiteError>) -> Option<Parsed<RawGlossary>> {
    let path = root.join("content").join(FILE);
    if !path.exists() {
        return None;
    }
    read_toml::<RawGlossary>(root, &path)
        .map_err(|e| errors.push(e))
        .ok()
}
