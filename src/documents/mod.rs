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

use crate::diagnostics::{BuildError, SiteError};
use crate::lang::Lang;
use crate::model::{Report, Site};
use crate::output::OutputFile;
use crate::render::Theme;
use crate::render::slides::Decks;

pub use cache::Cache;
use key::{Key, Kind};

/// Every document of every report, handed to `keep` in the site's report
/// order (per report: each language's report PDF, deck PDF, PowerPoint deck).
/// With `cache`, a document whose inputs are unchanged is read from it, and
/// one that is made is stored in it.
pub fn all<T: Send>(
    site: &Site,
    theme: &Theme,
    cache: Option<&Cache>,
    keep: &(impl Fn(OutputFile) -> Result<T, SiteError> + Sync),
) -> Result<Vec<T>, BuildError> {
    let site_key = cache.map(|_| key::site(site, theme));
    let pptx = crate::pptx::Writer::new(site, theme);
    let results: Vec<Vec<Result<T, SiteError>>> = site
        .reports
        .par_iter()
        .with_max_len(1)
        .map(|report| {
            let cache = site_key.zip(cache);
            of_report(site, report, theme, &pptx, cache)
                .into_iter()
                .map(|d| d.and_then(keep))
                .collect()
        })
        .collect();
    BuildError::collect(results.into_iter().flatten())
}

/// One document of a report: which, its cache key, and its bytes if the cache had them.
struct Wanted {
    lang: Lang,
    kind: Kind,
    key: Option<Key>,
    cached: Option<Vec<u8>>,
}

/// The documents of `report`, in the site's language order.
fn of_report(
    site: &Site,
    report: &Report,
    theme: &Theme,
    pptx: &crate::pptx::Writer<'_>,
    cache: Option<(Key, &Cache)>,
) -> Vec<Result<OutputFile, SiteError>> {
    let report_key = cache.map(|(site_key, _)| key::report(site_key, report));
    let found: Vec<Wanted> = site
        .languages
        .iter()
        .flat_map(|&lang| Kind::ALL.map(|kind| (lang, kind)))
        .map(|(lang, kind)| {
            let key = report_key.map(|k| key::document(k, lang, kind));
            let cached = key.zip(cache).and_then(|(key, (_, c))| c.get(kind, &key));
            Wanted {
                lang,
                kind,
                key,
                cached,
            }
        })
        .collect();
    let missing = |kind: fn(Kind) -> bool| found.iter().any(|w| kind(w.kind) && w.cached.is_none());
    // The decks only when one is to be made: planned for this report alone.
    let decks = if missing(Kind::is_deck) {
        match plan(site, report, theme) {
            Ok(decks) => Some(decks),
            Err(e) => return e.errors.into_iter().map(Err).collect(),
        }
    } else {
        None
    };
    let pictures = if missing(|k| k == Kind::Pptx) {
        match pptx.pictures(report) {
            Ok(pictures) => Some(pictures),
            Err(e) => return e.errors.into_iter().map(Err).collect(),
        }
    } else {
        None
    };
    let made = Made {
        site,
        report,
        theme,
        pptx,
        decks: decks.as_ref(),
        pictures: pictures.as_ref(),
    };
    found
        .into_par_iter()
        .with_max_len(1)
        .map(|wanted| {
            let path = wanted.kind.path(report, wanted.lang);
            let bytes = match wanted.cached {
                Some(bytes) => bytes,
                None => {
                    let bytes = made.make(wanted.kind, wanted.lang)?;
                    if let (Some(key), Some((_, cache))) = (wanted.key, cache) {
                        cache.put(wanted.kind, &key, &bytes);
                    }
                    bytes
                }
            };
            Ok(OutputFile::new(path, bytes))
        })
        .collect()
}

/// What a report's missing documents are made from.
struct Made<'a> {
    site: &'a Site,
    report: &'a Report,
    theme: &'a Theme,
    pptx: &'a crate::pptx::Writer<'a>,
    /// Planned when a deck document is missing.
    decks: Option<&'a Decks>,
    /// Made when a PowerPoint deck is missing.
    pictures: Option<&'a crate::pptx::Pictures>,
}

impl Made<'_> {
    /// Writes one document that the cache did not have.
    fn make(&self, kind: Kind, lang: Lang) -> Result<Vec<u8>, SiteError> {
        let deck = || {
            self.decks
                .map(|d| d.get(0, lang))
                .expect("the decks are planned when a deck document is missing")
        };
        match kind {
            Kind::Report => crate::pdf::report(self.site, self.report, lang, self.theme),
            Kind::Slides => crate::pdf::slides(self.site, self.report, deck(), lang, self.theme),
            Kind::Pptx => {
                let pictures = self
                    .pictures
                    .expect("the pictures are made when a PowerPoint deck is missing");
                self.pptx.deck(self.report, pictures, deck(), lang)
            }
        }
    }
}

/// The decks of `report` alone, as the HTML deck plans them (a deck depends on
/// its own report only).
fn plan(site: &Site, report: &Report, theme: &Theme) -> Result<Decks, BuildError> {
    let one = Site {
        languages: site.languages.clone(),
        theme: site.theme.clone(),
        name: site.name.clone(),
        organisation: site.organisation.clone(),
        description: site.description.clone(),
        reports: vec![report.clone()],
        glossary: site.glossary.clone(),
        accessibility: site.accessibility.clone(),
        deck: site.deck,
        logo: site.logo.clone(),
        brand: site.brand.clone(),
        contact: site.contact.clone(),
    };
    crate::render::slides::plan(&one, theme)
}
