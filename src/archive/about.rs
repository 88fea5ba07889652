//! The package's start page (`representations/html/data/index.html`): what
//! the package holds, in every language, and where the rest of the archive
//! is. Links in the pages to parts of the site that are not in the package
//! lead here.

use std::collections::BTreeMap;

use serde::Serialize;

use super::links::{Place, relative};
use super::words::{Words, words};
use crate::diagnostics::{Catalogued, ErrorKind, SiteError};
use crate::lang::Lang;
use crate::messages::MessageId;
use crate::model::{Report, Site};

/// The start page's path in the HTML representation (where the site's own
/// start page would be, which the package does not hold).
pub(super) const PATH: &str = "index.html";

const TEMPLATE: &str = include_str!("about.html");

#[derive(Serialize)]
struct Context<'a> {
    lang: &'a str,
    heading: &'static str,
    title: &'a str,
    stylesheets: Vec<String>,
    sections: Vec<Section<'a>>,
}

#[derive(Serialize)]
struct Section<'a> {
    lang: &'a str,
    words: Words,
    title: &'a str,
    organisation: &'a str,
    pattern: String,
    items: Vec<Item>,
}

#[derive(Serialize)]
struct Item {
    label: &'static str,
    href: String,
}

/// The pages and files a reader looks for first, in each language, when the
/// package holds them.
fn items(lang: Lang, report: &Report, files: &BTreeMap<String, Place>) -> Vec<Item> {
    let w = words(lang);
    let base = format!("{}/{}", lang.code(), report.year);
    let candidates = [
        (w.report, format!("{base}/index.html")),
        (w.deck, format!("{base}/slides/index.html")),
        (w.handout, format!("{base}/slides/handout.html")),
        (w.report_pdf, format!("{base}/report.pdf")),
        (w.deck_pdf, format!("{base}/slides/slides.pdf")),
        (w.statement, super::contents::statement(lang).to_string()),
    ];
    candidates
        .into_iter()
        .filter_map(|(label, path)| {
            let href = match files.get(&path)? {
                Place::Html => relative(PATH, &path),
                Place::Pdf => relative(
                    &format!("{}{PATH}", Place::Html.folder()),
                    &format!("{}{path}", Place::Pdf.folder()),
                ),
            };
            Some(Item { label, href })
        })
        .collect()
}

/// The start page of the package of `report`, whose name without the year is `name`.
pub(super) fn page(
    site: &Site,
    report: &Report,
    files: &BTreeMap<String, Place>,
    name: &str,
) -> Result<Vec<u8>, SiteError> {
    let default = site.default_lang();
    let sections = site
        .languages
        .iter()
        .map(|&lang| {
            let w = words(lang);
            Section {
                lang: lang.code(),
                pattern: format!("{name}-{}.zip", w.year_placeholder),
                words: w,
                title: report.title.resolve(lang).value,
                organisation: site.organisation.resolve(lang).value,
                items: items(lang, report, files),
            }
        })
        .collect();
    let stylesheets = ["assets/base.css", "assets/style.css"]
        .into_iter()
        .filter(|p| files.get(*p) == Some(&Place::Html))
        .map(|p| relative(PATH, p))
        .collect();
    let context = Context {
        lang: default.code(),
        heading: words(default).heading,
        title: report.title.resolve(default).value,
        stylesheets,
        sections,
    };
    let fail = |e: tera::Error| {
        SiteError::new(
            ErrorKind::Template,
            MessageId::ArchiveStartPage.arg("error", e),
        )
        .with_help(MessageId::ArchiveFault)
    };
    let mut tera = tera::Tera::default();
    tera.add_raw_template("about.html", TEMPLATE)
        .map_err(fail)?;
    let context = tera::Context::from_serialize(&context).map_err(fail)?;
    let html = tera.render("about.html", &context).map_err(fail)?;
    Ok(html.into_bytes())
}
