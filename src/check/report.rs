//! The result of `summering check`, as text for people or JSON for tools.
//!
//! The JSON shape is versioned and documented in `docs/check-json.md`; fields
//! are only ever added, never renamed or removed, within one `version`.

use std::fmt::Write as _;
use std::time::Duration;

use serde::Serialize;

use super::{Notice, Status, Translation};
use crate::diagnostics::SiteError;

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
    message: &'a str,
    help: Option<&'a str>,
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
                message: &w.message,
                help: w.help.as_deref(),
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

    /// The report for a terminal: errors with their snippet, warnings, translation table.
    pub fn to_text(&self, color: bool) -> String {
        let mut out = String::new();
        let handler = miette::GraphicalReportHandler::new_themed(if color {
            miette::GraphicalTheme::unicode()
        } else {
            miette::GraphicalTheme::unicode_nocolor()
        });
        for e in &self.errors {
            let kind = serde_json::to_value(e.kind())
                .ok()
                .and_then(|v| v.as_str().map(String::from))
                .unwrap_or_default();
            let label = paint(color, RED, &format!("error[{kind}]"));
            let mut snippet = String::new();
            if e.line_col().is_some() && handler.render_report(&mut snippet, e).is_ok() {
                // The snippet starts with the message and place, so the label stands alone.
                let _ = writeln!(out, "{label}");
                out.push_str(&snippet);
            } else {
                let _ = writeln!(out, "{label}: {e}");
                if let Some(help) = e.help_text() {
                    let _ = writeln!(out, "  help: {help}");
                }
            }
        }
        for w in &self.warnings {
            let kind = serde_json::to_value(w.kind)
                .ok()
                .and_then(|v| v.as_str().map(String::from))
                .unwrap_or_default();
            let place = match w.position {
                Some((line, col)) => format!("{}:{line}:{col}", w.file),
                None => w.file.clone(),
            };
            let _ = writeln!(
                out,
                "{}: {place}: {}",
                paint(color, YELLOW, &format!("warning[{kind}]")),
                w.message
            );
            if let Some(help) = &w.help {
                let _ = writeln!(out, "  help: {help}");
            }
        }
        if !self.translations.is_empty() {
            out.push_str(&self.translation_lines());
        }
        out
    }

    /// "Translations en: 4 up to date, 1 outdated" per language.
    fn translation_lines(&self) -> String {
        let mut langs: Vec<&str> = self.translations.iter().map(|t| t.lang).collect();
        langs.dedup();
        let mut out = String::new();
        for lang in langs {
            let count = |s: Status| {
                self.translations
                    .iter()
                    .filter(|t| t.lang == lang && t.status == s)
                    .count()
            };
            let _ = writeln!(
                out,
                "Translations ({lang}): {} up to date, {} outdated, {} unverified, {} missing",
                count(Status::UpToDate),
                count(Status::Outdated),
                count(Status::Unverified),
                count(Status::Missing)
            );
        }
        out
    }

    /// The one-line summary with timing.
    pub fn summary_line(&self) -> String {
        let plural =
            |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        let what = match self.pages {
            Some(p) => format!("Checked {}", plural(p, "page", "pages")),
            None => "Check stopped before the pages could be built".to_string(),
        };
        let verdict = if self.is_ok() {
            "ready to publish"
        } else {
            "not ready to publish"
        };
        format!(
            "{what} in {} ms: {}, {} — {verdict}",
            self.elapsed.as_millis(),
            plural(self.errors.len(), "error", "errors"),
            plural(self.warnings.len(), "warning", "warnings")
        )
    }
}

const RED: &str = "\x1b[1;31m";
const YELLOW: &str = "\x1b[1;33m";

fn paint(color: bool, code: &str, text: &str) -> String {
    if color {
        format!("{code}{text}\x1b[0m")
    } else {
        text.to_string()
    }
}
