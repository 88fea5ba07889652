//! A report's PDFs in every language, each taken from the cache when its
//! inputs are unchanged and made (and cached) when they are not.

use rayon::prelude::*;

use crate::diagnostics::SiteError;
use crate::lang::Lang;
use crate::model::{Report, Site};
use crate::output::OutputFile;
use crate::render::Theme;
use crate::render::slides::Decks;

use super::cache::Cache;
use super::fingerprint::{self, Key, Kind};

/// The part of every PDF's cache key that the whole site shares, made once per build.
#[derive(Debug, Clone, Copy)]
pub struct Fingerprint(Key);

impl Fingerprint {
    /// The site's and the theme's share of the keys.
    pub fn new(site: &Site, theme: &Theme) -> Fingerprint {
        Fingerprint(fingerprint::site(site, theme))
    }
}

/// One PDF of a report: which, its cache key, and its bytes if the cache had them.
struct Wanted {
    lang: Lang,
    kind: Kind,
    key: Option<Key>,
    cached: Option<Vec<u8>>,
}

/// The PDFs of `report`, in the site's language order: the report and the
/// deck in each language. With a cache (and the site's fingerprint), a PDF whose inputs are
/// unchanged is read from it, and one that is made is stored in it.
pub fn documents(
    site: &Site,
    report: &Report,
    theme: &Theme,
    cache: Option<(&Fingerprint, &Cache)>,
) -> Vec<Result<OutputFile, SiteError>> {
    let report_key = cache.map(|(f, _)| fingerprint::report(f.0, report));
    let wanted: Vec<(Lang, Kind)> = site
        .languages
        .iter()
        .flat_map(|&lang| [(lang, Kind::Report), (lang, Kind::Slides)])
        .collect();
    let found: Vec<Wanted> = wanted
        .into_iter()
        .map(|(lang, kind)| {
            let key = report_key.map(|k| fingerprint::document(k, lang, kind));
            let cached = key.zip(cache).and_then(|(key, (_, c))| c.get(&key));
            Wanted {
                lang,
                kind,
                key,
                cached,
            }
        })
        .collect();
    // The decks only when one is to be made: planned for this report alone.
    let decks = if found
        .iter()
        .any(|w| w.kind == Kind::Slides && w.cached.is_none())
    {
        match plan(site, report, theme) {
            Ok(decks) => Some(decks),
            Err(e) => return e.errors.into_iter().map(Err).collect(),
        }
    } else {
        None
    };
    found
        .into_par_iter()
        .with_max_len(1)
        .map(
            |Wanted {
                 lang,
                 kind,
                 key,
                 cached,
             }| {
                let path = match kind {
                    Kind::Report => super::report_path(report, lang),
                    Kind::Slides => super::slides_path(report, lang),
                };
                let bytes = match cached {
                    Some(bytes) => bytes,
                    None => {
                        let bytes = match (kind, &decks) {
                            (Kind::Report, _) => super::report::write(site, report, lang, theme)?,
                            (Kind::Slides, Some(decks)) => {
                                super::slides::write(site, report, decks.get(0, lang), lang, theme)?
                            }
                            (Kind::Slides, None) => unreachable!("planned above when missing"),
                        };
                        if let (Some(key), Some((_, cache))) = (key, cache) {
                            cache.put(&key, &bytes);
                        }
                        bytes
                    }
                };
                Ok(OutputFile::new(path, bytes))
            },
        )
        .collect()
}

/// The decks of `report` alone, as the HTML deck plans them (a deck depends on
/// its own report only).
fn plan(site: &Site, report: &Report, theme: &Theme) -> Result<Decks, crate::BuildError> {
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
