//! What the package of one year holds, taken from the in-memory build: the
//! year's pages and files in every language, the accessibility statement,
//! the theme's assets and any other file the pages load; then the start page,
//! the Dublin Core record, the manifest and METS.xml.

use std::collections::{BTreeMap, HashMap};

use super::links::{self, Place, Resolver};
use super::{about, dc, manifest, mets};
use crate::BuiltSite;
use crate::diagnostics::{Catalogued, ErrorKind, SiteError};
use crate::lang::Lang;
use crate::messages::MessageId;
use crate::model::Report;
use crate::urlpath::{self, Link};

/// One file of the package.
#[derive(Debug, Clone)]
pub(super) struct Entry {
    /// Path from the package's root folder, `/`-separated.
    pub(super) path: String,
    /// Contents.
    pub(super) bytes: Vec<u8>,
}

/// The accessibility statement's page in `lang`: it covers every year, so
/// every year's package holds it when the site has one.
pub(super) fn statement(lang: Lang) -> &'static str {
    match lang {
        Lang::Sv => "sv/tillganglighet/index.html",
        Lang::En => "en/accessibility/index.html",
    }
}

/// Where the Dublin Core record is, from the package root (CSIPSTR7).
pub(super) const DC: &str = "metadata/descriptive/dc.xml";

/// The files of the package of `report`, sorted by path. `name` is the
/// site's slug (the package is `NAME-YEAR`).
pub(super) fn package(
    built: &BuiltSite,
    report: &Report,
    name: &str,
    package: &str,
) -> Result<Vec<Entry>, SiteError> {
    let site = &built.site;
    let by_path: HashMap<&str, &[u8]> = built
        .files
        .iter()
        .map(|f| (f.path.as_str(), f.bytes.as_slice()))
        .collect();
    let place_of = |path: &str| {
        if path.ends_with(".pdf") {
            Place::Pdf
        } else {
            Place::Html
        }
    };
    let year_folders: Vec<String> = site
        .languages
        .iter()
        .map(|l| format!("{}/{}/", l.code(), report.year))
        .collect();
    let statements: Vec<&str> = site.languages.iter().map(|&l| statement(l)).collect();
    let mut files: BTreeMap<String, Place> = built
        .files
        .iter()
        .filter(|f| {
            year_folders.iter().any(|y| f.path.starts_with(y.as_str()))
                || statements.contains(&f.path.as_str())
                || f.path.starts_with("assets/")
        })
        .map(|f| (f.path.clone(), place_of(&f.path)))
        .collect();
    // Images and other files the pages load from elsewhere in the site.
    let mut loaded = Vec::new();
    for (page, _) in files.iter().filter(|(p, _)| p.ends_with(".html")) {
        for tag in crate::html::start_tags(&String::from_utf8_lossy(by_path[page.as_str()])) {
            for (attr, value) in &tag.attrs {
                if !matches!(attr.as_str(), "src" | "href" | "poster" | "data") {
                    continue;
                }
                if let Link::Internal { path, .. } = urlpath::resolve(page, value)
                    && !path.ends_with(".html")
                    && by_path.contains_key(path.as_str())
                {
                    loaded.push(path);
                }
            }
        }
    }
    for path in loaded {
        let place = place_of(&path);
        files.entry(path).or_insert(place);
    }
    for path in files.keys() {
        if path.contains(['\n', '\r', '\\']) {
            return Err(SiteError::in_file(
                ErrorKind::BadFileName,
                path.clone(),
                MessageId::ArchiveBadName,
            )
            .with_help(MessageId::ArchiveBadNameHelp));
        }
    }
    files.insert(about::PATH.to_string(), Place::Html);

    let resolver = Resolver {
        files: &files,
        start: about::PATH,
    };
    let mut entries = Vec::with_capacity(files.len() + 3);
    for (path, place) in &files {
        // The start page is the package's own, not the site's.
        let Some(&bytes) = by_path.get(path.as_str()).filter(|_| path != about::PATH) else {
            continue;
        };
        let bytes = if path.ends_with(".html") {
            links::rewrite(path, bytes, &resolver).map_err(|e| {
                SiteError::in_file(
                    ErrorKind::Archive,
                    path.clone(),
                    MessageId::ArchiveLinks.arg("error", e),
                )
                .with_help(MessageId::ArchiveFault)
            })?
        } else {
            bytes.to_vec()
        };
        entries.push(Entry {
            path: format!("{}{path}", place.folder()),
            bytes,
        });
    }
    entries.push(Entry {
        path: format!("{}{}", Place::Html.folder(), about::PATH),
        bytes: about::page(site, report, &files, name)?,
    });
    entries.push(Entry {
        path: DC.to_string(),
        bytes: dc::record(site, report, package, &files).map_err(xml_failed)?,
    });
    entries.sort_by(|a, b| a.path.cmp(&b.path));
    let listed = entries
        .iter()
        .map(|e| (e.path.as_str(), e.bytes.as_slice()));
    let manifest = Entry {
        path: manifest::NAME.to_string(),
        bytes: manifest::write(listed),
    };
    entries.push(manifest);
    let mets = Entry {
        path: mets::NAME.to_string(),
        bytes: mets::document(site, report, package, &entries).map_err(xml_failed)?,
    };
    entries.push(mets);
    entries.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(entries)
}

/// Writing XML into memory does not fail; if it ever did, this says so.
fn xml_failed(e: std::io::Error) -> SiteError {
    SiteError::new(ErrorKind::Archive, MessageId::ArchiveXml.arg("error", e))
        .with_help(MessageId::ArchiveFault)
}
