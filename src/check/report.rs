//! The result of `summering check`, typed, and as JSON for tools (the text
//! for people is the binary's, `src/cli/check.rs`).
//!
//! The JSON shape is versioned and documented in `docs/check-json.md`; fields
//! are only ever added, never renamed or removed, within one `version`.

use std::borrow::Cow;
use std::time::Duration;

use serde::Serialize;

use super::{Notice, Translation};
use crate::diagnostics::SiteError;
use crate::lang::Lang;

/// Everything `check` found.
#[derive(Debug)]
pub struct CheckReport {
    /// Problems that make the site unfit to publish.
    pub errors: Vec<SiteError>,
    /// Problems worth a look that do not fail the check.
    pub warnings: Vec<Notice>,
    /// The status of every translation.
    pub translations: Vec<Translation>,
    /// Pages built, when the build got that far.
    pub pages: Option<usize>,
    /// How long the check took.
    pub elapsed: Duration,
}

/// The version of the JSON format; raised only when a field changes meaning or goes away.
pub const JSON_VERSION: u32 = 1;

#[derive(Serialize)]
struct Json<'a> {
    format: &'static str,
    version: u32,
    ok: bool,
    summary: Summary,
    errors: Vec<Finding<'a>>,
    warnings: Vec<Finding<'a>>,
    translations: &'a [Translation],
}

#[derive(Serialize)]
struct Summary {
    errors: usize,
    warnings: usize,
    pages: Option<usize>,
    elapsed_ms: u128,
}

#[derive(Serialize)]
struct Finding<'a> {
    kind: serde_json::Value,
    file: Option<&'a str>,
    line: Option<usize>,
    column: Option<usize>,
    message: Cow<'a, str>,
    help: Option<Cow<'a, str>>,
}

impl CheckReport {
    /// A check that stopped at build errors.
    pub fn failed(errors: Vec<SiteError>, elapsed: Duration) -> Self {
        CheckReport {
            errors,
            warnings: Vec::new(),
            translations: Vec::new(),
            pages: None,
            elapsed,
        }
    }

    /// True when there is nothing that blocks publishing (warnings allowed).
    pub fn is_ok(&self) -> bool {
        self.errors.is_empty()
    }

    /// The report as JSON (see `docs/check-json.md`).
    pub fn to_json(&self) -> String {
        let errors = self
            .errors
            .iter()
            .map(|e| {
                let (line, column) = e.line_col().unzip();
                Finding {
                    kind: serde_json::to_value(e.kind()).unwrap_or_default(),
                    file: e.file(),
                    line,
                    column,
                    message: e.message(),
                    help: e.help_text(),
                }
            })
            .collect();
        let warnings = self
            .warnings
            .iter()
            .map(|w| Finding {
                kind: serde_json::to_value(w.kind).unwrap_or_default(),
                file: Some(&w.file),
                line: w.position.map(|p| p.0),
                column: w.position.map(|p| p.1),
                message: w.message.render(Lang::En),
                help: w.help.as_ref().map(|h| h.render(Lang::En)),
            })
            .collect();
        let json = Json {
            format: "summering-check",
            version: JSON_VERSION,
            ok: self.is_ok(),
            summary: self.summary(),
            errors,
            warnings,
            translations: &self.translations,
        };
        serde_json::to_string_pretty(&json).unwrap_or_default() + "\n"
    }

    fn summary(&self) -> Summary {
        Summary {
            errors: self.errors.len(),
            warnings: self.warnings.len(),
            pages: self.pages,
            elapsed_ms: self.elapsed.as_millis(),
        }
    }
}
