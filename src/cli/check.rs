//! What `summering check` prints for people: each error with its snippet,
//! the warnings, the translation table and a one-line summary. The library
//! hands back the typed [`CheckReport`] (and its documented JSON).

use std::fmt::Write as _;

use super::Style;
use summering::check::{CheckReport, Status};
use summering::lang::Lang;

/// The report for a terminal: errors with their snippet, warnings, translation table.
pub(crate) fn report(report: &CheckReport, style: Style, lang: Lang) -> String {
    let mut out = String::new();
    let handler = super::handler(style);
    for e in &report.errors {
        out.push_str(&super::framed(e, &handler, style, lang));
    }
    for w in &report.warnings {
        let place = match w.position {
            Some((line, col)) => format!("{}:{line}:{col}", w.file),
            None => w.file.clone(),
        };
        let label = style.yellow(&format!("warning[{}]", super::kind_name(w.kind)));
        let _ = writeln!(out, "{label}: {place}: {}", w.message);
        if let Some(help) = &w.help {
            let _ = writeln!(out, "  help: {help}");
        }
    }
    out.push_str(&translation_lines(report));
    out
}

/// "Translations (en): 4 up to date, 1 outdated, …" per language.
fn translation_lines(report: &CheckReport) -> String {
    let mut langs: Vec<&str> = report.translations.iter().map(|t| t.lang).collect();
    langs.dedup();
    let mut out = String::new();
    for lang in langs {
        let count = |s: Status| {
            report
                .translations
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
pub(crate) fn summary(report: &CheckReport) -> String {
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let what = match report.pages {
        Some(p) => format!("Checked {}", plural(p, "page", "pages")),
        None => "Check stopped before the pages could be built".to_string(),
    };
    let verdict = if report.is_ok() {
        "ready to publish"
    } else {
        "not ready to publish"
    };
    format!(
        "{what} in {} ms: {}, {} — {verdict}",
        report.elapsed.as_millis(),
        plural(report.errors.len(), "error", "errors"),
        plural(report.warnings.len(), "warning", "warnings")
    )
}
