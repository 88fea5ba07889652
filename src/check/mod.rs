//! `summering check`: everything `build` validates, without writing anything,
//! plus what a build cannot know is wrong:
//!
//! - every internal link, anchor and asset of the built pages resolves ([`links`]);
//! - every image has a text alternative ([`images`]);
//! - no `{{placeholder}}` from `summering new` or `import` is left
//!   ([`crate::model::placeholder`]);
//! - each translation is present and made from the current Swedish text ([`translations`]);
//! - all-capital words are explained in the glossary ([`abbreviations`]).
//!
//! Draft years are checked too: `check` says what is left to do before a year
//! can be published (`build` refuses a published year with a placeholder or a
//! broken link, with the same functions).
//!
//! Errors make the site unfit to publish (exit code 1); warnings are listed
//! but do not fail the check. [`report`] holds the result, typed, and writes
//! it as the documented JSON of `docs/check-json.md`.

pub mod abbreviations;
pub mod images;
pub mod links;
pub mod report;
pub mod translations;

use std::path::Path;
use std::time::Instant;

use serde::Serialize;

use crate::diagnostics::{Warning, WarningKind};
use crate::load;
use crate::messages::Text;
use crate::model::Site;
use crate::model::placeholder::{editor_files, unfinished};
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
    pub message: Text,
    /// What to do about it.
    pub help: Option<Text>,
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
    let mut errors = unfinished(&editor_files(&raw, true));
    // Validate and render the files already read, rather than reading them again.
    let built = match Site::try_from(raw.clone()).and_then(|site| {
        let options = BuildOptions {
            drafts: true,
            ..BuildOptions::new(root)
        };
        build_site(site, &options)
    }) {
        Ok(built) => built,
        Err(e) => {
            let mut all = e.errors;
            all.append(&mut errors);
            return CheckReport::failed(all, started.elapsed());
        }
    };
    let file_links: Vec<links::FileLinks> = built.files.iter().map(links::FileLinks::of).collect();
    errors.extend(links::broken(&file_links, &built.site, |_| true));
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
