//! What `summering check` prints for people: each error with its snippet,
//! the warnings, the translation table and a one-line summary. The library
//! hands back the typed [`CheckReport`] (and its documented JSON).

use std::fmt::Write as _;

use super::Style;
use summering::check::{CheckReport, Status};
use summering::lang::Lang;
use summering::messages::{Message, MessageId};

/// The report for a terminal: errors with their snippet, warnings, translation table.
pub(crate) fn report(report: &CheckReport, style: Style, lang: Lang) -> String {
    let mut out = String::new();
    let handler = super::handler(style);
    for e in &report.errors {
        out.push_str(&super::framed(e, &handler, style, lang));
    }
    let warning = Message::new(MessageId::FrameWarning).render(lang);
    let help = Message::new(MessageId::FrameHelp).render(lang);
    for w in &report.warnings {
        let place = match w.position {
            Some((line, col)) => format!("{}:{line}:{col}", w.file),
            None => w.file.clone(),
        };
        let label = style.yellow(&format!("{warning}[{}]", super::kind_name(w.kind)));
        let title = Message::new(w.kind.title()).render(lang);
        let _ = writeln!(out, "{label}: {title}: {place}: {}", w.message.render(lang));
        if let Some(text) = &w.help {
            let _ = writeln!(out, "  {help}: {}", text.render(lang));
        }
    }
    out.push_str(&translation_lines(report, lang));
    out
}

/// "Translations (en): 4 up to date, 1 outdated, …" per language.
fn translation_lines(report: &CheckReport, lang: Lang) -> String {
    let mut langs: Vec<&str> = report.translations.iter().map(|t| t.lang).collect();
    langs.dedup();
    let mut out = String::new();
    for code in langs {
        let count = |s: Status| {
            report
                .translations
                .iter()
                .filter(|t| t.lang == code && t.status == s)
                .count()
        };
        let m = Message::new(MessageId::CheckTranslations)
            .arg("lang", code)
            .count("up", count(Status::UpToDate))
            .count("outdated", count(Status::Outdated))
            .count("unverified", count(Status::Unverified))
            .count("missing", count(Status::Missing));
        let _ = writeln!(out, "{}", m.render(lang));
    }
    out
}

/// The one-line summary with timing.
pub(crate) fn summary(report: &CheckReport, lang: Lang) -> String {
    let t = |id: MessageId| Message::new(id).render(lang);
    let what = match report.pages {
        Some(p) => Message::new(MessageId::CheckChecked)
            .count("n", p)
            .render(lang),
        None => t(MessageId::CheckStopped),
    };
    let verdict = if report.is_ok() {
        MessageId::CheckReady
    } else {
        MessageId::CheckNotReady
    };
    let errors = Message::new(MessageId::CheckErrors).count("n", report.errors.len());
    let warnings = Message::new(MessageId::CheckWarnings).count("n", report.warnings.len());
    Message::new(MessageId::CheckSummary)
        .arg("what", what)
        .count("ms", report.elapsed.as_millis())
        .arg("errors", errors.render(lang))
        .arg("warnings", warnings.render(lang))
        .arg("verdict", t(verdict))
        .render(lang)
}
