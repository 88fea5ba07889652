//! What `summering check` prints for people: each error with its snippet,
//! the warnings, the translation table and a one-line summary. The library
//! hands back the typed [`CheckReport`] (and its documented JSON).

use std::fmt::Write as _;

use super::Style;
use summering::ErrorKind;
use summering::check::{CheckReport, Status};
use summering::lang::Lang;
use summering::messages::{Message, MessageId};

/// The report for a terminal: errors with their snippet, warnings, translation table.
pub(crate) fn report(report: &CheckReport, style: Style, lang: Lang) -> String {
    let mut out = String::new();
    let handler = super::handler(style);
    out.push_str(&by_file(report, lang));
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

/// One kind of error in a file and the line:column of each.
type KindPlaces = (ErrorKind, Vec<String>);

/// One line per file with errors, before the frames: how many, of which
/// kinds, where ("  content/2022/01-x.sv.md: 3 errors: Unfinished text (3:10, 7:3, 9:3)").
/// Files in the order of their first error (the report's order).
fn by_file(report: &CheckReport, lang: Lang) -> String {
    if report.errors.is_empty() {
        return String::new();
    }
    // (file, [(kind, places)]) in order of first appearance.
    let mut files: Vec<(Option<&str>, Vec<KindPlaces>)> = Vec::new();
    for e in &report.errors {
        let i = match files.iter().position(|(f, _)| *f == e.file()) {
            Some(i) => i,
            None => {
                files.push((e.file(), Vec::new()));
                files.len() - 1
            }
        };
        let kinds = &mut files[i].1;
        let j = match kinds.iter().position(|(k, _)| *k == e.kind()) {
            Some(j) => j,
            None => {
                kinds.push((e.kind(), Vec::new()));
                kinds.len() - 1
            }
        };
        if let Some((line, col)) = e.line_col() {
            kinds[j].1.push(format!("{line}:{col}"));
        }
    }
    let mut out = format!("{}\n", Message::new(MessageId::CheckByFile).render(lang));
    for (file, kinds) in files {
        let count: usize = report.errors.iter().filter(|e| e.file() == file).count();
        let kinds: Vec<String> = kinds
            .iter()
            .map(|(kind, places)| {
                let title = Message::new(kind.title()).render(lang);
                if places.is_empty() {
                    title
                } else {
                    format!("{title} ({})", places.join(", "))
                }
            })
            .collect();
        let file = match file {
            Some(f) => f.to_string(),
            None => Message::new(MessageId::CheckNoFile).render(lang),
        };
        let m = Message::new(MessageId::CheckFileLine)
            .arg("file", file)
            .arg(
                "errors",
                Message::new(MessageId::CheckErrors)
                    .count("n", count)
                    .render(lang),
            )
            .arg("kinds", kinds.join("; "));
        let _ = writeln!(out, "{}", m.render(lang));
    }
    out.push('\n');
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
