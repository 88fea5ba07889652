//! `summering archive`: one year of the site as a package an archive can take
//! in as it is, laid out after E-ARK CSIP (the EU eArchiving specification
//! Riksarkivet points to now that FGS is no longer developed).
//!
//! The package is made from the same in-memory build as `summering build`
//! ([`crate::BuiltSite`]), never from an output folder that may be stale or
//! edited by hand. One ZIP holds one root folder named after the package
//! (CSIPSTR1–2) with `METS.xml` (identity, structure, a SHA-256 of every other
//! file), `metadata/descriptive/dc.xml` (Dublin Core), the year's pages in
//! `representations/html/data/`, its PDF/A files in `representations/pdf/data/`
//! and `manifest-sha256.txt` for `sha256sum -c`. The same input gives the same
//! bytes, so a package can be checked against a rebuild years later.
//! [`verify()`] checks a package without unpacking it.

use std::path::{Path, PathBuf};

use crate::diagnostics::{Catalogued, ErrorKind, SiteError};
use crate::messages::MessageId;
use crate::model::{Report, Site, Year};

mod about;
mod contents;
mod dc;
mod links;
mod manifest;
mod mets;
mod mime;
mod verify;
mod words;
mod write;
mod zipfile;

pub use verify::{Problem, Verified, verify};

/// What `summering archive YEAR` was asked to do.
#[derive(Debug, Clone)]
pub struct ArchiveOptions {
    /// The site root (the folder that holds `content/`).
    pub root: PathBuf,
    /// The report year to pack.
    pub year: u16,
    /// Where the ZIP goes; `ROOT/archive/NAME-YEAR.zip` unless given.
    pub out: Option<PathBuf>,
    /// Replace an existing file at `out`.
    pub force: bool,
}

/// A package written to disk.
#[derive(Debug, Clone)]
pub struct Archived {
    /// The ZIP file written.
    pub path: PathBuf,
    /// The package's identifier and root folder name (`nosam-summeringar-2021`).
    pub package: String,
    /// Number of files in the package, METS.xml included.
    pub files: usize,
    /// Size of the ZIP in bytes.
    pub bytes: usize,
}

/// Where and what to write, checked before the site is rendered so that a
/// wrong year or a refused place fails at once.
#[derive(Debug, Clone)]
pub(crate) struct Plan {
    year: Year,
    out: PathBuf,
    force: bool,
}

/// The package name: a readable ASCII slug of the site's name in the default
/// language and the year (`nosam-summeringar-2021`). ASCII because archiving
/// tools are known to stumble on å, ä and ö in file names.
fn package_name(site: &Site, year: Year) -> String {
    format!("{}-{year}", site_slug(site))
}

/// The site's name in the default language as an ASCII slug.
fn site_slug(site: &Site) -> String {
    let name = slug::slugify(site.name.default_value());
    if name.is_empty() {
        "summering".to_string()
    } else {
        name
    }
}

/// Checks the year and the place to write before anything is rendered: the
/// year must be one of the site's reports, and the file must not land in
/// `content/` or the output folder, nor replace a file without `force`.
pub(crate) fn plan(
    site: &Site,
    options: &ArchiveOptions,
    output_dir: &Path,
) -> Result<Plan, SiteError> {
    let report = select(site, options.year)?;
    let out = options.out.clone().unwrap_or_else(|| {
        options
            .root
            .join("archive")
            .join(format!("{}.zip", package_name(site, report.year)))
    });
    write::check_place(
        &out,
        &options.root.join("content"),
        output_dir,
        options.force,
    )?;
    Ok(Plan {
        year: report.year,
        out,
        force: options.force,
    })
}

/// The report of `year`, or an error that lists the years there are.
fn select(site: &Site, year: u16) -> Result<&Report, SiteError> {
    if let Some(report) = site.reports.iter().find(|r| r.year.get() == year) {
        if report.is_draft() {
            return Err(SiteError::in_file(
                ErrorKind::DraftYear,
                format!("content/{year}/report.toml"),
                MessageId::ArchiveDraft.arg("year", year),
            )
            .with_help(MessageId::ArchiveDraftHelp));
        }
        return Ok(report);
    }
    let years: Vec<String> = site.reports.iter().map(|r| r.year.to_string()).collect();
    Err(SiteError::in_file(
        ErrorKind::UnknownYear,
        format!("content/{year}"),
        MessageId::ArchiveNoReport.arg("year", year),
    )
    .with_help(MessageId::ArchiveNoReportHelp.arg("years", years.join(", "))))
}

/// Packs the planned year of `built` and writes the ZIP beside its place,
/// then renames it there, so a failure leaves nothing half-written.
pub(crate) fn write(built: &crate::BuiltSite, plan: &Plan) -> Result<Archived, SiteError> {
    let report = select(&built.site, plan.year.get())?;
    let package = package_name(&built.site, report.year);
    let entries = contents::package(built, report, &site_slug(&built.site), &package)?;
    let files = entries.len();
    let bytes = zipfile::zip(&package, &entries, report.published)?;
    write::atomically(&plan.out, &bytes, plan.force)?;
    Ok(Archived {
        path: plan.out.clone(),
        package,
        files,
        bytes: bytes.len(),
    })
}
