//! `summering check`: everything `build` validates, without writing anything,
//! plus what a build cannot know is wrong:
//!
//! - every internal link, anchor and asset of the built pages resolves ([`links`]);
//! - every image has a text alternative ([`images`]);
//! - no `{{placeholder}}` from `summering new` or `import` is left ([`placeholders`]);
//! - each translation is present and made from the current Swedish text ([`translations`]);
//! - all-capital words are explained in the glossary ([`abbreviations`]).
//!
//! Errors make the site unfit to publish (exit code 1); warnings are listed
//! but do not fail the check. [`report`] holds the result, typed, and writes
//! it as the documented JSON of `docs/check-json.md`.

pub mod abbreviations;
pub mod images;
pub mod links;
mod placeholders;
pub mod report;
pub mod translations;

use std::path::Path;
use std::time::Instant;

use serde::Serialize;

use crate::diagnostics::{SiteError, Warning, WarningKind};
use crate::lang::Lang;
use crate::load::{self, RawSection, RawSite, SourceFile};
use crate::model::Site;
use crate::{BuildOptions, build_site};
pub use report::CheckReport;
pub use translations::{Status, Translation};

/// A warning with an optional place in a file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Notice {
    /// What it is about.
    pub kind: WarningKind,
    /// The file, relative to the site root.
    pub file: String,
    /// Line and column (1-based), when known.
    pub position: Option<(usize, usize)>,
    /// What is wrong, in plain words.
    pub message: String,
    /// What to do about it.
    pub help: Option<String>,
}

impl From<Warning> for Notice {
    fn from(w: Warning) -> Self {
        Notice {
            kind: w.kind,
            file: w.file,
            position: None,
            message: w.message,
            help: None,
        }
    }
}

/// Checks the site at `root`. Reads files only; never writes.
pub fn check(root: &Path) -> CheckReport {
    let started = Instant::now();
    let raw = match load::load_strict(root) {
        Ok(raw) => raw,
        Err(e) => return CheckReport::failed(e.errors, started.elapsed()),
    };
    let mut errors = placeholders::unfinished(&source_files(&raw));
    // Validate and render the files already read, rather than reading them again.
    let built = match Site::try_from(raw.clone())
        .and_then(|site| build_site(site, &BuildOptions::new(root)))
    {
        Ok(built) => built,
        Err(e) => {
            let mut all = e.errors;
            all.append(&mut errors);
            return CheckReport::failed(all, started.elapsed());
        }
    };
    let sources = Sources {
        raw: &raw,
        default: built.site.default_lang(),
    };
    errors.extend(links::broken(&built.files, &sources));
    errors.extend(images::missing_alt(&built.files, &raw));
    let (translations, mut warnings) = translations::statuses(&raw, &built.site.languages);
    let mut all_warnings: Vec<Notice> = built.warnings.iter().cloned().map(Notice::from).collect();
    all_warnings.append(&mut warnings);
    all_warnings.extend(abbreviations::undefined(&raw, &built.site.glossary));
    all_warnings.extend(abbreviations::unconfirmed(&built.site.glossary));
    errors.sort_by(|a, b| (a.file(), a.line_col()).cmp(&(b.file(), b.line_col())));
    // The same source place reaches several pages (report, slides, handout): report it once.
    errors
        .dedup_by(|a, b| (a.kind(), a.file(), a.line_col()) == (b.kind(), b.file(), b.line_col()));
    all_warnings.sort_by(|a, b| (&a.file, a.position).cmp(&(&b.file, b.position)));
    CheckReport {
        errors,
        warnings: all_warnings,
        translations,
        pages: Some(built.pages()),
        elapsed: started.elapsed(),
    }
}

/// Every content file that editors write, in a stable order.
fn source_files(raw: &RawSite) -> Vec<&SourceFile> {
    let mut files = vec![&raw.config.source];
    files.extend(raw.glossary.iter().map(|g| &g.source));
    for year in &raw.years {
        if let Some(report) = &year.report {
            files.push(&report.source);
        }
        files.extend(year.sections.iter().map(|s| &s.source));
    }
    files
}

/// Finds the content files behind a built page, to point problems at the right file.
pub struct Sources<'a> {
    raw: &'a RawSite,
    default: Lang,
}

impl<'a> Sources<'a> {
    /// Section files that can appear on the page at `page` (`sv/2021/…`): the
    /// page's language first, then the default language (shown as fallback).
    pub fn sections_for_page(&self, page: &str) -> Vec<&'a RawSection> {
        let mut parts = page.split('/');
        let (Some(lang), Some(year)) = (parts.next(), parts.next()) else {
            return Vec::new();
        };
        let Some(year) = self.raw.years.iter().find(|y| y.year.to_string() == year) else {
            return Vec::new();
        };
        let mut out: Vec<&RawSection> = year
            .sections
            .iter()
            .filter(|s| s.lang_code == lang)
            .collect();
        out.extend(
            year.sections
                .iter()
                .filter(|s| s.lang_code == self.default.code() && s.lang_code != lang),
        );
        out
    }
}

/// An error at `needle` in a section body if it is there, else in the built page.
pub(crate) fn locate(
    sections: &[&RawSection],
    needle: &str,
    page: &str,
    kind: crate::ErrorKind,
    message: String,
) -> SiteError {
    for s in sections {
        if let Some(i) = s.body.find(needle) {
            let start = s.body_offset + i;
            return SiteError::at(
                kind,
                &s.source.name,
                &s.source.text,
                start..start + needle.len(),
                message,
            );
        }
    }
    SiteError::in_file(
        kind,
        format!("{page} (built page, from the theme)"),
        message,
    )
}
