//! The documents made beside the pages: each report's PDF/A report and deck
//! and its PowerPoint deck, in every language, each taken from the [`cache`]
//! when its inputs are unchanged and made (and cached) when they are not.
//!
//! They are the slow outputs (milliseconds each, against microseconds for a
//! page) and pure functions of their inputs, so a build that changed one
//! report makes that report's documents only. The writers ([`crate::pdf`],
//! [`crate::pptx`]) know nothing of the cache; [`key`] says what goes into an
//! entry's key.

mod cache;
mod key;

use rayon::prelude::*;

use crate::diagnostics::IoAction;
use crate::diagnostics::{BuildError, SiteError};
use crate::lang::Lang;
use crate::model::images::Format;
use crate::model::{Report, Site};
use crate::output::{OutputFile, Staging};
use crate::render::Theme;
use crate::render::slides::Decks;

pub use cache::Cache;
use cache::Entry;
use key::{Key, Kind};

/// A finished document: its place in the site and where its bytes are.
/// A build into an output folder links a stored one there ([`Document::write`])
/// instead of reading it; the others take its bytes ([`Document::into_file`]).
#[derive(Debug)]
pub struct Document(Body);

#[derive(Debug)]
enum Body {
    /// Written by this build (or read from the cache).
    Made(OutputFile),
    /// In the cache, unchanged since it was stored.
    Stored { path: String, entry: Entry },
}

impl Document {
    /// Its path in the site, as [`OutputFile::path`].
    pub fn path(&self) -> &str {
        match &self.0 {
            Body::Made(file) => &file.path,
            Body::Stored { path, .. } => path,
        }
    }

    /// Its length in bytes.
    pub fn size(&self) -> u64 {
        match &self.0 {
            Body::Made(file) => file.bytes.len() as u64,
            Body::Stored { entry, .. } => entry.len,
        }
    }

    /// The document as a file of the site, its bytes read from the cache if
    /// they are there (and checked against their SHA-256).
    pub fn into_file(self) -> Result<OutputFile, SiteError> {
        match self.0 {
            Body::Made(file) => Ok(file),
            Body::Stored { path, entry } => match entry.read() {
                Some(bytes) => Ok(OutputFile::new(path, bytes)),
                None => Err(SiteError::io(
                    &entry.path,
                    IoAction::ReadFile,
                    &std::io::Error::from(std::io::ErrorKind::InvalidData),
                )),
            },
        }
    }

    /// Puts the document into a new build: a stored one hard-linked from the
    /// cache (hundreds of megabytes for a large archive, not copied), one
    /// just made written.
    pub fn write(&self, staging: &Staging) -> Result<(), SiteError> {
        match &self.0 {
            Body::Made(file) => staging.write(file),
            Body::Stored { path, entry } => staging.link(path, &entry.path),
        }
    }
}

/// How a build takes the documents it finds in the cache.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Found {
    /// Read, and checked against their SHA-256 (a build in memory).
    Read,
    /// Left where they are, to be linked into the output ([`Document::write`]).
    Linked,
}

/// Every document of every report, handed to `keep` in the site's report
/// order (per report: each language's report PDF, deck PDF, PowerPoint deck).
/// With `cache`, a document whose inputs are unchanged is taken from it as
/// `found` says, and one that is made is stored in it. The deck documents
/// follow `decks`, the plan the HTML decks were rendered from; without one
/// (the preview server adds the documents after the pages), the decks are
/// planned here, and only if a deck document is to be made.
pub fn all<T: Send>(
    site: &Site,
    theme: &Theme,
    decks: Option<&Decks>,
    cache: Option<(&Cache, Found)>,
    keep: &(impl Fn(Document) -> Result<T, SiteError> + Sync),
) -> Result<Vec<T>, BuildError> {
    let site_key = cache.map(|_| key::site(site, theme));
    let cache = site_key.zip(cache).map(|(k, (c, f))| (k, c, f));
    let wanted: Vec<Vec<Wanted>> = site
        .reports
        .par_iter()
        .with_max_len(1)
        .map(|report| wanted(site, report, cache))
        .collect();
    let missing = |kind: fn(Kind) -> bool| {
        wanted
            .iter()
            .flatten()
            .any(|w| kind(w.kind) && w.cached.is_none())
    };
    let planned;
    let decks = match decks {
        None if missing(Kind::is_deck) => {
            planned = crate::render::slides::plan(site, theme)?;
            Some(&planned)
        }
        decks => decks,
    };
    let pptx = crate::pptx::Writer::new(site, theme);
    let results: Vec<Vec<Result<T, SiteError>>> = wanted
        .into_par_iter()
        .enumerate()
        .with_max_len(1)
        .map(|(i, wanted)| {
            let made = Made {
                site,
                report: &site.reports[i],
                index: i,
                theme,
                pptx: &pptx,
                decks,
            };
            made.of_report(wanted, cache)
                .into_iter()
                .map(|d| d.and_then(keep))
                .collect()
        })
        .collect();
    BuildError::collect(results.into_iter().flatten())
}

/// What the cache had.
enum Cached {
    Bytes(Vec<u8>),
    Entry(Entry),
}

/// One document of a report: which, its cache key, and its bytes if the cache had them.
struct Wanted {
    lang: Lang,
    kind: Kind,
    key: Option<Key>,
    cached: Option<Cached>,
}

/// The documents of `report`, in the site's language order, each with what
/// the cache has of it.
fn wanted(site: &Site, report: &Report, cache: Option<(Key, &Cache, Found)>) -> Vec<Wanted> {
    let report_key = cache.map(|(site_key, _, _)| key::report(site_key, report));
    site.languages
        .iter()
        .flat_map(|&lang| Kind::ALL.map(|kind| (lang, kind)))
        .map(|(lang, kind)| {
            let key = report_key.map(|k| key::document(k, lang, kind));
            let cached = key.zip(cache).and_then(|(key, (_, c, found))| match found {
                Found::Read => c.get(kind, &key).map(Cached::Bytes),
                Found::Linked => c.entry(kind, &key).map(Cached::Entry),
            });
            Wanted {
                lang,
                kind,
                key,
                cached,
            }
        })
        .collect()
}

/// What a report's missing documents are made from.
struct Made<'a> {
    site: &'a Site,
    report: &'a Report,
    /// The report's place in `site.reports`, which is its place in the decks.
    index: usize,
    theme: &'a Theme,
    pptx: &'a crate::pptx::Writer<'a>,
    /// Planned when a deck document is missing.
    decks: Option<&'a Decks>,
}

impl Made<'_> {
    /// The report's documents: those the cache had as they were, the others made
    /// (and stored in the cache).
    fn of_report(
        &self,
        wanted: Vec<Wanted>,
        cache: Option<(Key, &Cache, Found)>,
    ) -> Vec<Result<Document, SiteError>> {
        let missing =
            |kind: fn(Kind) -> bool| wanted.iter().any(|w| kind(w.kind) && w.cached.is_none());
        // The year's WebP pictures are decoded here, once, before any writer gets
        // them (see `crate::model::images`): into the PowerPoint decks' PNGs
        // when a deck is to be made, else only to be sure they are whole.
        let pictures = if missing(|k| k == Kind::Pptx) {
            match self.pptx.pictures(self.report) {
                Ok(pictures) => Some(pictures),
                Err(e) => return e.errors.into_iter().map(Err).collect(),
            }
        } else {
            if missing(|_| true) {
                let broken: Vec<_> = self
                    .report
                    .pictures
                    .iter()
                    .filter(|p| p.format() == Format::WebP)
                    .filter_map(|p| p.webp_pixels().err())
                    .collect();
                if !broken.is_empty() {
                    return broken.into_iter().map(Err).collect();
                }
            }
            None
        };
        wanted
            .into_par_iter()
            .with_max_len(1)
            .map(|wanted| {
                let path = wanted.kind.path(self.report, wanted.lang);
                let body = match wanted.cached {
                    Some(Cached::Bytes(bytes)) => Body::Made(OutputFile::new(path, bytes)),
                    Some(Cached::Entry(entry)) => Body::Stored { path, entry },
                    None => {
                        let bytes = self.make(wanted.kind, wanted.lang, pictures.as_ref())?;
                        if let (Some(key), Some((_, cache, _))) = (wanted.key, cache) {
                            cache.put(wanted.kind, &key, &bytes);
                        }
                        Body::Made(OutputFile::new(path, bytes))
                    }
                };
                Ok(Document(body))
            })
            .collect()
    }

    /// Writes one document that the cache did not have.
    fn make(
        &self,
        kind: Kind,
        lang: Lang,
        pictures: Option<&crate::pptx::Pictures>,
    ) -> Result<Vec<u8>, SiteError> {
        let deck = || {
            self.decks
                .map(|d| d.get(self.index, lang))
                .expect("the decks are planned when a deck document is missing")
        };
        match kind {
            Kind::Report => crate::pdf::report(self.site, self.report, lang, self.theme),
            Kind::Slides => crate::pdf::slides(self.site, self.report, deck(), lang, self.theme),
            Kind::Pptx => {
                let pictures =
                    pictures.expect("the pictures are made when a PowerPoint deck is missing");
                self.pptx.deck(self.report, pictures, deck(), lang)
            }
        }
    }
}
