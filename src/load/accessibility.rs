//! Reading `content/accessibility.toml`: the site's accessibility statement
//! (tillgänglighetsredogörelse), which the law (DOS-lagen) requires of a
//! public body and DIGG prescribes the parts of.
//!
//! The raw shape mirrors the TOML one to one and rejects unknown keys. Every
//! part is optional *here*, so that a missing part is reported by
//! [`crate::model::accessibility`] with the part's name, a place in the file
//! and a help line of its own, instead of serde's generic "missing key".

use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use super::raw::{List, RawLocalized};
use super::{Parsed, read_toml};
use crate::diagnostics::SiteError;

/// The file name, inside `content/`.
pub const FILE: &str = "accessibility.toml";

/// `content/accessibility.toml` as written.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawStatement {
    /// The public body the statement is made by, per language.
    #[serde(default)]
    pub public_body: Option<Spanned<RawLocalized>>,
    /// The website or service the statement is about, per language.
    #[serde(default)]
    pub service: Option<Spanned<RawLocalized>>,
    /// `fully`, `partially` or `not` (compliant).
    #[serde(default)]
    pub status: Option<Spanned<String>>,
    /// `self-assessment` or `external-review`.
    #[serde(default)]
    pub method: Option<Spanned<String>>,
    /// What the assessment covered (tools, manual checks, what was not tested), per language.
    #[serde(default)]
    pub method_note: Option<Spanned<RawLocalized>>,
    /// The date of the assessment, a bare TOML date.
    #[serde(default)]
    pub assessed: Option<Spanned<toml::value::Datetime>>,
    /// The date the statement was last updated, a bare TOML date.
    #[serde(default)]
    pub updated: Option<Spanned<toml::value::Datetime>>,
    /// How readers report problems: `[feedback]` with `email` and/or `url`.
    #[serde(default)]
    pub feedback: Option<Spanned<RawFeedback>>,
    /// Content that is not accessible, and why: one `[[problem]]` each.
    #[serde(default)]
    pub problem: Option<List<Spanned<RawItem>>>,
    /// Content exempt as a disproportionate burden (12 § DOS-lagen), with reasons.
    #[serde(default)]
    pub disproportionate_burden: Option<List<Spanned<RawItem>>>,
    /// Content outside the law's scope (9 § DOS-lagen), with reasons.
    #[serde(default)]
    pub out_of_scope: Option<List<Spanned<RawItem>>>,
}

/// `[feedback]`: at least one of the two.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFeedback {
    /// An e-mail address (shown as a `mailto:` link).
    #[serde(default)]
    pub email: Option<Spanned<String>>,
    /// A web address of a form or page for feedback.
    #[serde(default)]
    pub url: Option<Spanned<String>>,
}

/// One `[[problem]]`, `[[disproportionate_burden]]` or `[[out_of_scope]]`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawItem {
    /// What content it is, per language.
    #[serde(default)]
    pub what: Option<Spanned<RawLocalized>>,
    /// Why (what is wrong with it, or why it is exempt), per language.
    #[serde(default)]
    pub why: Option<Spanned<RawLocalized>>,
}

/// Reads `ROOT/content/accessibility.toml` if it exists; a problem with it goes to `errors`.
pub fn read(root: &Path, errors: &mut Vec<SiteError>) -> Option<Parsed<RawStatement>> {
    let path = root.join("content").join(FILE);
    if !path.exists() {
        return None;
    }
    read_toml::<RawStatement>(root, &path)
        .map_err(|e| errors.push(e))
        .ok()
}
