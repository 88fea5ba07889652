//! summering: a static-site generator for bilingual yearly reports.
//!
//! [`build`] reads a site root (`content/`, optional `themes/`) and writes the
//! site, top-down: **load** the files → validate them into the **model** →
//! **render** pages with the theme (compacted once, so pages come out minified)
//! → **output** (one atomic write).
//! The library never prints; the `summering` binary reports.

#![deny(clippy::print_stdout, clippy::print_stderr)]

pub mod archive;
pub mod charts;
pub mod check;
pub mod colour;
pub mod compact;
pub mod diagnostics;
pub mod documents;
pub mod html;
pub mod import;
pub mod lang;
pub mod load;
pub mod messages;
pub mod model;
pub mod output;
pub mod pdf;
pub mod pptx;
mod publish;
pub mod render;
pub mod scaffold;
pub mod serve;
pub mod urlpath;
mod warnings;
pub mod year_writer;

use std::path::PathBuf;

pub use diagnostics::{BuildError, ErrorKind, SiteError, Warning, WarningKind};
use model::{Date, Site};
use output::OutputFile;
use render::{RenderOptions, Theme};

/// What to build and where.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// The site root: the folder that holds `content/` (and maybe `themes/`).
    pub root: PathBuf,
    /// Where the site goes; `ROOT/output` unless given.
    pub output: Option<PathBuf>,
    /// A date to show as the build date; `None` keeps pages free of timestamps.
    pub build_date: Option<Date>,
    /// Keep the templates' line breaks and indentation instead of compacting
    /// them (for theme authors reading the HTML; the pages are then not minified).
    pub readable: bool,
    /// Also build the years marked `draft = true` in their `report.toml`, each
    /// of their pages with a "Draft" banner and `noindex` (`build --drafts`,
    /// `serve`); without it a draft year is left out of every page and file.
    pub drafts: bool,
}

impl BuildOptions {
    /// Options for building `root` into `root/output`.
    pub fn new(root: impl Into<PathBuf>) -> Self {
        BuildOptions {
            root: root.into(),
            output: None,
            build_date: None,
            readable: false,
            drafts: false,
        }
    }

    /// The output folder these options resolve to.
    pub fn output_dir(&self) -> PathBuf {
        self.output
            .clone()
            .unwrap_or_else(|| self.root.join("output"))
    }
}

/// A site built in memory, not yet written.
#[derive(Debug, Clone)]
pub struct BuiltSite {
    /// The validated model it was built from.
    pub site: Site,
    /// Every output file, minified, in a fixed order.
    pub files: Vec<OutputFile>,
    /// Problems that did not stop the build.
    pub warnings: Vec<Warning>,
}

impl BuiltSite {
    /// Number of HTML pages.
    pub fn pages(&self) -> usize {
        self.files.iter().filter(|f| f.is_html()).count()
    }

    /// Total size in bytes.
    pub fn bytes(&self) -> usize {
        self.files.iter().map(|f| f.bytes.len()).sum()
    }
}

/// Builds the site in memory: load → model → render. Writes nothing (not even
/// the document cache: every PDF and PowerPoint deck is written afresh).
///
/// Unlike [`build`], it does not refuse a published year that is unfinished
/// (a placeholder, a broken link): `check` lists those problems.
pub fn build_in_memory(options: &BuildOptions) -> Result<BuiltSite, BuildError> {
    build_site(publish::site(options)?.0, options)
}

/// [`build_in_memory`] without the PDFs and PowerPoint decks, for the preview
/// server, which serves the pages first and adds the documents
/// ([`build_documents`]) once they are made.
pub fn build_pages_in_memory(options: &BuildOptions) -> Result<BuiltSite, BuildError> {
    built(publish::site(options)?.0, options, Documents::None)
}

/// The PDFs and PowerPoint decks of `site` (loaded from `options.root`), taken
/// from the site's document cache (`ROOT/.summering-cache/`) where their inputs
/// have not changed since, and written there where they have; entries no
/// longer used are removed.
pub fn build_documents(site: &Site, options: &BuildOptions) -> Result<Vec<OutputFile>, BuildError> {
    let theme = Theme::load(&options.root, &site.theme, &site.languages)?;
    let cache = documents::Cache::new(&options.root);
    // No decks at hand: they are planned there if a deck document must be made.
    let files = documents::all(
        site,
        &theme,
        None,
        Some((&cache, documents::Found::Read)),
        &documents::Document::into_file,
    )?;
    cache.prune();
    Ok(files)
}

/// Renders a site that is already loaded and validated (theme → decks → pages),
/// for tools such as `check` that also need the raw files and must not read them twice.
pub fn build_site(site: Site, options: &BuildOptions) -> Result<BuiltSite, BuildError> {
    built(site, options, Documents::Fresh)
}

/// `site` rendered in memory, with the documents `documents` asks for.
fn built(
    site: Site,
    options: &BuildOptions,
    documents: Documents<'_>,
) -> Result<BuiltSite, BuildError> {
    let (files, warnings) = render(
        &site,
        options,
        documents,
        Ok,
        documents::Document::into_file,
    )?;
    Ok(BuiltSite {
        site,
        files,
        warnings,
    })
}

/// Whether a build makes the PDFs and PowerPoint decks, and with which cache.
#[derive(Clone, Copy)]
enum Documents<'c> {
    None,
    Fresh,
    Cached(&'c documents::Cache),
}

/// Theme → decks → pages (and documents), each finished page handed to
/// `keep` and each document to `keep_document`. The decks are planned once,
/// beside compiling the templates, for the HTML decks and for the documents.
fn render<T: Send>(
    site: &Site,
    options: &BuildOptions,
    documents: Documents<'_>,
    keep: impl Fn(OutputFile) -> Result<T, SiteError> + Sync,
    keep_document: impl Fn(documents::Document) -> Result<T, SiteError> + Sync,
) -> Result<(Vec<T>, Vec<Warning>), BuildError> {
    let theme = Theme::load(&options.root, &site.theme, &site.languages)?;
    // The `[brand]` colours stand on the theme's background: checked once both are known.
    let brand = site.brand.check(&theme.colours());
    if !brand.is_empty() {
        return Err(brand.into());
    }
    let render_options = RenderOptions {
        build_date: options.build_date,
        readable: options.readable,
    };
    let (decks, templates) = rayon::join(
        || render::slides::plan(site, &theme),
        || render::Templates::load(&theme, options.readable),
    );
    let (decks, templates) = (decks?, templates?);
    let (pages, documents) = rayon::join(
        || render::render_site(site, &templates, &decks, &render_options, &keep),
        || match documents {
            Documents::None => Ok(Vec::new()),
            Documents::Fresh => documents::all(site, &theme, Some(&decks), None, &keep_document),
            Documents::Cached(cache) => documents::all(
                site,
                &theme,
                Some(&decks),
                Some((cache, documents::Found::Linked)),
                &keep_document,
            ),
        },
    );
    let mut kept = pages?;
    kept.extend(documents?);
    let mut warnings = warnings::collect(site);
    warnings.extend(decks.warnings);
    Ok((kept, warnings))
}

/// Reads and validates the site at `root` (load → model), reporting the problems
/// of every file together: a file that does not parse does not hide the others.
pub fn load_site(root: &std::path::Path) -> Result<Site, BuildError> {
    load_with(root, |_| ())
}

/// [`load_site`], letting `inspect` read the files as loaded before they
/// become the model (for what the model does not keep, such as comments).
fn load_with(
    root: &std::path::Path,
    inspect: impl FnOnce(&load::RawSite),
) -> Result<Site, BuildError> {
    let (raw, mut errors) = load::load(root);
    if let Some(raw) = &raw {
        inspect(raw);
    }
    match raw.map(Site::try_from) {
        Some(Ok(site)) if errors.is_empty() => Ok(site),
        Some(Err(e)) => {
            errors.extend(e.errors);
            Err(errors.into())
        }
        _ => Err(errors.into()),
    }
}

/// A site built and written to its output folder.
#[derive(Debug, Clone)]
pub struct WrittenSite {
    /// The validated model it was built from.
    pub site: Site,
    /// Number of HTML pages written.
    pub pages: usize,
    /// Total size of the files written, in bytes.
    pub bytes: usize,
    /// Problems that did not stop the build.
    pub warnings: Vec<Warning>,
}

/// Builds the site and replaces the output folder with it, atomically: load →
/// model → render, each page written to a folder beside the output as soon as
/// it is rendered (peak memory stays that of a few pages, not the site), then
/// one swap. A failed build leaves the output folder as it was.
///
/// A published year (one without `draft = true`) must be finished: a
/// `{{placeholder}}` left in its files or a link of its pages that does not
/// resolve stops the build, at its file, line and column.
pub fn build(options: &BuildOptions) -> Result<WrittenSite, BuildError> {
    build_with_cancel(options, &output::Cancel::default())
}

/// [`build`], stoppable from another thread (the binary's Ctrl-C and SIGTERM
/// handler) through `cancel`: a cancelled build writes no further file, is not
/// swapped into place, removes what it staged and returns
/// [`ErrorKind::Interrupted`].
pub fn build_with_cancel(
    options: &BuildOptions,
    cancel: &output::Cancel,
) -> Result<WrittenSite, BuildError> {
    let (site, unfinished) = publish::site(options)?;
    let staging = output::Staging::new(&options.output_dir(), cancel)?;
    let cache = documents::Cache::new(&options.root);
    // Each page's links are read by the worker that wrote it; only they are kept.
    let (written, warnings) = render(
        &site,
        options,
        Documents::Cached(&cache),
        |file| {
            staging.write(&file)?;
            Ok((
                (file.is_html(), file.bytes.len()),
                check::links::FileLinks::of(&file),
            ))
        },
        |document| {
            document.write(&staging)?;
            // A document links nowhere; it is only a target.
            let target = OutputFile::new(document.path().to_string(), Vec::new());
            Ok((
                (false, document.size() as usize),
                check::links::FileLinks::of(&target),
            ))
        },
    )?;
    let (written, links): (Vec<(bool, usize)>, Vec<check::links::FileLinks>) =
        written.into_iter().unzip();
    publish::finished(unfinished, &links, &site)?;
    staging.commit()?;
    cache.prune();
    Ok(WrittenSite {
        site,
        pages: written.iter().filter(|(html, _)| *html).count(),
        bytes: written.iter().map(|(_, len)| len).sum(),
        warnings,
    })
}

/// One year of the site as an archive package (`summering archive`): the year
/// and the place to write are checked first, then the site is built in
/// memory exactly as [`build`] builds it and packed (see [`archive`]).
pub fn archive(options: &archive::ArchiveOptions) -> Result<archive::Archived, BuildError> {
    let site = load_site(&options.root)?;
    let build_options = BuildOptions::new(&options.root);
    let plan = archive::plan(&site, options, &build_options.output_dir())?;
    let built = build_site(site, &build_options)?;
    Ok(archive::write(&built, &plan)?)
}
