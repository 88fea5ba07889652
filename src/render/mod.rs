//! Stage 3: render the model into pages with the theme's Tera templates.
//!
//! Produces the whole site in memory as a list of [`OutputFile`]s; nothing is
//! written here. Pages render in parallel, but the list keeps a fixed order.

pub mod abbr;
pub mod context;
pub mod figures;
pub mod html_tokens;
mod pages;
pub mod strings;
pub mod slides;
pub mod splice;
pub mod theme;

use std::sync::Arc;

use rayon::prelude::*;

use crate::diagnostics::{BuildError, ErrorKind, SiteError};
use crate::model::{Date, Site};
use crate::output::{self, OutputFile};
pub use theme::Theme;

/// Options that change the rendered pages.
#[derive(Debug, Clone, Default)]
pub struct RenderOptions {
    /// A build date to show in the footer (only from `SOURCE_DATE_EPOCH`).
    pub build_date: Option<Date>,
}

/// Renders every page and asset of the site, minified.
///
/// Each page is marked up (`<abbr>`) and minified by the worker that rendered it,
/// and then gets its chart SVGs (see [`splice`]: already compact, never minified),
/// right away: the unminified text of all pages is never held at once (peak
/// memory), and the bytes are still in the processor's cache when the minifier
/// reads them.
pub fn render_site(site: &Site, theme: &Theme, decks: &slides::Decks, options: &RenderOptions) -> Result<Vec<OutputFile>, BuildError> {
    let tera = load_templates(theme)?;
    let jobs = pages::plan(site);
    let rendered: Vec<Result<Vec<OutputFile>, SiteError>> = jobs
        .par_iter()
        .map(|job| {
            let mut splices = splice::Splices::default();
            let mut pages = pages::render(&tera, theme, site, decks, options, job, &mut splices)?;
            for page in &mut pages {
                if page.is_html() {
                    let html = String::from_utf8_lossy(&page.bytes);
                    page.bytes = abbr::abbreviate(&html, &site.glossary, site.default_lang()).into_bytes();
                }
                output::minify_file(page);
                if !splices.is_empty() {
                    page.bytes = splices.apply(&page.bytes);
                }
            }
            Ok(pages)
        })
        .collect();
    let mut files = Vec::with_capacity(rendered.len() * 2 + 4);
    let mut errors = Vec::new();
    for r in rendered {
        match r {
            Ok(f) => files.extend(f),
            Err(e) => errors.push(e),
        }
    }
    if !errors.is_empty() {
        // One broken template breaks every page; report each distinct problem once.
        let mut seen = std::collections::BTreeSet::new();
        errors.retain(|e| seen.insert(e.to_string()));
        return Err(errors.into());
    }
    for (path, file) in theme.under("assets") {
        let mut asset = OutputFile::new(path.to_string(), file.bytes.to_vec());
        output::minify_file(&mut asset);
        files.push(asset);
    }
    Ok(files)
}

fn load_templates(theme: &Theme) -> Result<tera::Tera, BuildError> {
    let mut tera = tera::Tera::default();
    let templates: Vec<(&str, &str)> = theme
        .under("templates")
        .filter_map(|(path, _)| Some((&path["templates/".len()..], theme.text(path)?)))
        .collect();
    tera.add_raw_templates(templates).map_err(|e| template_error(theme, &e))?;
    Ok(tera)
}

/// Maps a Tera error to the theme file, line and column it points at.
pub(crate) fn template_error(theme: &Theme, e: &tera::Error) -> SiteError {
    let help = "fix the template; see the Tera 2 documentation for the syntax, and compare with the default theme";
    match e.kind() {
        tera::ErrorKind::SyntaxError(report) | tera::ErrorKind::RenderingError(report) => {
            let path = format!("templates/{}", report.filename());
            match (theme.files.get(&path), theme.text(&path)) {
                (Some(file), Some(text)) => {
                    let text: Arc<str> = Arc::from(text);
                    SiteError::at(ErrorKind::Template, &file.display, &text, report.span().range.clone(), report.message())
                        .with_help(help)
                }
                _ => SiteError::in_file(ErrorKind::Template, path, report.message()).with_help(help),
            }
        }
        other => SiteError::new(ErrorKind::Template, format!("template problem: {other}")).with_help(help),
    }
}
