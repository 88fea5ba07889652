//! What `build` publishes: the years without `draft = true` (all of them with
//! `--drafts`), and only when each published year is finished: no
//! `{{placeholder}}` left in its files, every picture described
//! ([`crate::model::images::undescribed`]) and every link of its pages resolving.
//!
//! `check` reports the same problems, for every year, with the same
//! functions: [`crate::model::placeholder`] for placeholders and
//! [`crate::check::links`] for links (which read only the model and the built
//! files).

use crate::check::links::{FileLinks, broken};
use crate::model::Site;
use crate::model::placeholder::{editor_files, unfinished};
use crate::{BuildError, BuildOptions, SiteError};

/// The site as `options` builds it (loaded and validated, draft years left
/// out unless `options.drafts`), with the placeholders left in the files of
/// its published years: the build goes on, so that [`finished`] can report
/// them together with the broken links.
pub(crate) fn site(options: &BuildOptions) -> Result<(Site, Vec<SiteError>), BuildError> {
    let mut left = Vec::new();
    let site = crate::load_with(&options.root, |raw| {
        left = unfinished(&editor_files(raw, false));
        left.extend(crate::model::images::undescribed(raw, false));
    })?;
    let site = if options.drafts {
        site
    } else {
        site.without_drafts()?
    };
    Ok((site, left))
}

/// `Ok` when the published years are finished: no placeholder (`left`, from
/// [`site`]) and no link of their pages, or of the pages of no year (the
/// landing page, the archives, the stylesheets), that does not resolve among
/// `files`. Otherwise every problem, each place once, in file order.
pub(crate) fn finished(
    mut left: Vec<SiteError>,
    files: &[FileLinks],
    site: &Site,
) -> Result<(), BuildError> {
    let drafts: Vec<String> = site
        .reports
        .iter()
        .filter(|r| r.is_draft())
        .map(|r| r.year.get().to_string())
        .collect();
    let of_a_draft = |path: &str| {
        path.split('/')
            .nth(1)
            .is_some_and(|y| drafts.iter().any(|d| d == y))
    };
    left.extend(broken(files, site, |path| !of_a_draft(path)));
    if left.is_empty() {
        return Ok(());
    }
    left.sort_by(|a, b| (a.file(), a.line_col()).cmp(&(b.file(), b.line_col())));
    // The same source place reaches several pages (report, slides, handout): report it once.
    left.dedup_by(|a, b| (a.kind(), a.file(), a.line_col()) == (b.kind(), b.file(), b.line_col()));
    Err(left.into())
}
