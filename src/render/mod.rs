//! Stage 3: render the model into pages with the theme's Tera templates.
//!
//! Produces the whole site in memory as a list of [`OutputFile`]s; nothing is
//! written here. Pages render in parallel, but the list keeps a fixed order.

pub mod abbr;
pub mod brand;
pub mod context;
pub mod deck_views;
pub mod figures;
mod pages;
pub mod slides;
pub mod statement;
pub mod strings;
pub mod theme;

use std::sync::Arc;

use rayon::prelude::*;

use crate::diagnostics::{BuildError, Catalogued, ErrorKind, SiteError};
use crate::messages::MessageId;
use crate::model::{Date, Site};
use crate::output::OutputFile;
pub use theme::Theme;

/// Options that change the rendered pages.
#[derive(Debug, Clone, Default)]
pub struct RenderOptions {
    /// A build date to show in the footer (only from `SOURCE_DATE_EPOCH`).
    pub build_date: Option<Date>,
    /// Render from the templates as written, not compacted (see [`crate::BuildOptions::readable`]).
    pub readable: bool,
}

/// Renders every page and asset of the site, minified, and hands over the
/// pictures of every year (see [`crate::model::images`]), from the decks as
/// planned (the caller plans them once, for the documents too) and the
/// theme's templates; returns what `keep` made of each file.
///
/// Pages come out minified without running a minifier over them: the templates
/// and the Markdown are compacted once beforehand (see [`crate::compact`]).
/// Each page is then marked up (`<abbr>`) by the worker that rendered it (the
/// chart SVGs in it are written compact from the start). The theme's
/// stylesheets are minified from the start, alongside rendering the pages
/// (for a small site they are a good part of the build).
///
/// `keep` receives each file as soon as it is finished, on the worker that made
/// it: `build` writes it to disk there (so the whole site is never held in
/// memory), an in-memory build keeps it. What `keep` returns is collected in
/// the site's fixed page order, then the assets, the pictures last.
pub(crate) fn render_site<T: Send>(
    site: &Site,
    templates: &Templates<'_>,
    decks: &slides::Decks,
    options: &RenderOptions,
    keep: impl Fn(OutputFile) -> Result<T, SiteError> + Sync,
) -> Result<Vec<T>, BuildError> {
    let keep = &keep;
    let theme = templates.theme;
    let render_pages = || {
        let jobs = pages::plan(site);
        // One job at a time per worker: rayon otherwise folds a run of jobs on one
        // worker that the other can no longer take from, and the build would end with
        // one core idle.
        let mut rendered: Vec<(usize, Result<Vec<T>, SiteError>)> = pages::start_order(&jobs)
            .into_par_iter()
            .with_max_len(1)
            .map(|i| {
                let pages = match pages::render(templates, site, decks, options, &jobs[i]) {
                    Ok(pages) => pages,
                    Err(e) => return (i, Err(e)),
                };
                let kept = pages
                    .into_iter()
                    .map(|(path, html)| {
                        let html = abbr::abbreviate(html, &site.glossary, site.default_lang());
                        keep(OutputFile::new(path, html.into_bytes()))
                    })
                    .collect();
                (i, kept)
            })
            .collect();
        // Back in the site's page order, whatever order they were made in.
        rendered.sort_unstable_by_key(|&(i, _)| i);
        rendered
            .into_iter()
            .map(|(_, r)| r)
            .collect::<Vec<Result<Vec<T>, SiteError>>>()
    };
    let assets: Vec<(&str, &theme::ThemeFile)> = theme.under("assets").collect();
    let minify_assets = || -> Vec<Result<T, SiteError>> {
        assets
            .par_iter()
            .map(|(path, file)| {
                keep(OutputFile::new(
                    path.to_string(),
                    theme::minified(path, file),
                ))
            })
            .collect()
    };
    let (rendered, mut assets) = rayon::join(render_pages, minify_assets);
    if let Some(logo) = &site.logo {
        assets.push(keep(OutputFile::new(logo.path(), logo.bytes.to_vec())));
    }
    // The pictures each year shows, once for all languages, as they are.
    let pictures = site
        .reports
        .iter()
        .flat_map(|r| &r.pictures)
        .map(|p| keep(OutputFile::new(p.output().to_string(), p.bytes().to_vec())));
    let files = BuildError::collect(
        rendered.into_iter().chain(
            assets
                .into_iter()
                .chain(pictures)
                .map(|a| a.map(|f| vec![f])),
        ),
    )?;
    Ok(files.into_iter().flatten().collect())
}

/// The bytes reserved for a page as it is rendered: a report page with charts or
/// a deck is 15–25 KB (larger pages, like a long archive, still grow as needed).
const PAGE_CAPACITY: usize = 32 * 1024;

/// The theme's templates, compacted once (see [`crate::compact`]) so that the
/// pages they render need no minifying.
pub(crate) struct Templates<'t> {
    tera: tera::Tera,
    theme: &'t Theme,
    /// The interface strings of each language as template values, made once:
    /// every page gets them as `t` (Tera's values share their contents, so
    /// handing them to a page copies nothing).
    strings: std::collections::BTreeMap<crate::lang::Lang, tera::Value>,
}

impl<'t> Templates<'t> {
    /// The theme's templates, compacted unless `readable`; a template that does
    /// not compile is reported at its line and column as written.
    pub(crate) fn load(theme: &'t Theme, readable: bool) -> Result<Self, BuildError> {
        let prepare = if readable {
            str::to_string
        } else {
            crate::compact::template
        };
        match Self::tera(theme, prepare) {
            Ok(tera) => {
                let strings = theme
                    .strings
                    .iter()
                    .map(|(&lang, t)| (lang, tera::Value::from_serializable(t)))
                    .collect();
                Ok(Templates {
                    tera,
                    theme,
                    strings,
                })
            }
            // Reported from the files as written, so line and column are the author's.
            Err(e) => Err(Self::tera(theme, str::to_string).err().unwrap_or(e).into()),
        }
    }

    fn tera(theme: &Theme, prepare: fn(&str) -> String) -> Result<tera::Tera, SiteError> {
        let mut tera = tera::Tera::default();
        let templates: Vec<(&str, String)> = theme
            .under("templates")
            .filter_map(|(path, _)| Some((&path["templates/".len()..], prepare(theme.text(path)?))))
            .collect();
        tera.add_raw_templates(templates)
            .map_err(|e| template_error(theme, &e))?;
        Ok(tera)
    }

    /// The interface strings in `lang`, for a page's context.
    pub(crate) fn strings(&self, lang: crate::lang::Lang) -> tera::Value {
        self.strings[&lang].clone()
    }

    /// Renders `template`; a failure is reported against the uncompacted files.
    pub(crate) fn render(
        &self,
        template: &str,
        context: &tera::Context,
    ) -> Result<String, SiteError> {
        // Room for a typical page from the start: Tera's own guess is twice the
        // template's text, so a page's buffer would grow and be copied several times.
        let mut page = Vec::with_capacity(PAGE_CAPACITY);
        let rendered = self.tera.render_to(template, context, &mut page);
        match rendered.map(|()| String::from_utf8(page)) {
            Ok(Ok(html)) => Ok(html),
            Ok(Err(e)) => Err(template_error(self.theme, &tera::Error::from(e))),
            Err(e) => Err(Self::tera(self.theme, str::to_string)
                .and_then(|tera| {
                    tera.render(template, context)
                        .map_err(|e| template_error(self.theme, &e))
                })
                .err()
                .unwrap_or_else(|| template_error(self.theme, &e))),
        }
    }
}

/// Maps a Tera error to the theme file, line and column it points at.
pub(crate) fn template_error(theme: &Theme, e: &tera::Error) -> SiteError {
    let help = MessageId::ThemeTemplateHelp;
    match e.kind() {
        tera::ErrorKind::SyntaxError(report) | tera::ErrorKind::RenderingError(report) => {
            let path = format!("templates/{}", report.filename());
            match (theme.files.get(&path), theme.text(&path)) {
                (Some(file), Some(text)) => {
                    let text: Arc<str> = Arc::from(text);
                    SiteError::at(
                        ErrorKind::Template,
                        &file.display,
                        &text,
                        report.span().range.clone(),
                        MessageId::ThemeTemplate.arg("detail", report.message()),
                    )
                    .with_help(help)
                }
                _ => {
                    let message = MessageId::ThemeTemplate.arg("detail", report.message());
                    SiteError::in_file(ErrorKind::Template, path, message).with_help(help)
                }
            }
        }
        other => SiteError::new(
            ErrorKind::Template,
            MessageId::ThemeTemplate.arg("detail", other),
        )
        .with_help(help),
    }
}
