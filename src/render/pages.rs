//! Which pages the site has, where they go, and the context each one gets.

use serde::Serialize;

use super::context::{
    Alternate, ArchiveEntry, ArchivePage, GlossaryItem, KindGroup, LandingBlock, LandingPage, Page,
    ReportPage, SectionView, Text,
};
use super::deck_views::DeckExtras;
use super::slides::{self, Decks};
use super::{RenderOptions, Templates, Theme, template_error};
use crate::diagnostics::SiteError;
use crate::lang::Lang;
use crate::model::{Glossary, Report, Site};

/// One page to render.
#[derive(Debug, Clone, Copy)]
pub(super) enum Job {
    /// `index.html`.
    Landing,
    /// `LANG/index.html`.
    Archive(Lang),
    /// `LANG/YEAR/index.html`; the index into `site.reports`.
    Report(Lang, usize),
    /// The report's deck and its handout: two pages from one context, so each
    /// slide chart is drawn once for both.
    Deck(Lang, usize),
    /// `LANG/YEAR/slides/index.html`: the report as a slide deck (made by `Deck`).
    Slides(Lang, usize),
    /// `LANG/YEAR/slides/handout.html`: every slide with its speaker notes, for print (made by `Deck`).
    Handout(Lang, usize),
    /// The accessibility statement in `LANG` (see [`super::statement::path`]).
    Statement(Lang),
    /// `LANG/YEAR/slides/presenter.html`: current and next slide, notes and clock (made by `Deck`).
    Presenter(Lang, usize),
}

/// Every page of the site, in a fixed order.
pub(super) fn plan(site: &Site) -> Vec<Job> {
    let mut jobs = vec![Job::Landing];
    for &lang in &site.languages {
        jobs.push(Job::Archive(lang));
        jobs.extend((0..site.reports.len()).map(|i| Job::Report(lang, i)));
        jobs.extend((0..site.reports.len()).map(|i| Job::Deck(lang, i)));
        if site.accessibility.is_some() {
            jobs.push(Job::Statement(lang));
        }
    }
    jobs
}

/// The order in which to start `jobs` (indexes into it): the archive pages
/// first, then the rest in page order. Each archive page lists every year and
/// draws the trend charts over all of them, by far the longest jobs of a large
/// site; started last, one of them keeps a core busy alone at the end of the
/// build (measured in the README's performance section).
pub(super) fn start_order(jobs: &[Job]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..jobs.len()).collect();
    order.sort_by_key(|&i| !matches!(jobs[i], Job::Archive(_)));
    order
}

impl Job {
    /// The output path of the page in `lang` (the landing page has one for all).
    fn path_in(self, site: &Site, lang: Lang) -> String {
        match self {
            Job::Landing => "index.html".into(),
            Job::Archive(_) => format!("{lang}/index.html"),
            Job::Report(_, i) => format!("{lang}/{}/index.html", site.reports[i].year),
            Job::Slides(_, i) | Job::Deck(_, i) => {
                format!("{lang}/{}/slides/index.html", site.reports[i].year)
            }
            Job::Handout(_, i) => format!("{lang}/{}/slides/handout.html", site.reports[i].year),
            Job::Statement(_) => super::statement::path(lang),
            Job::Presenter(_, i) => {
                format!("{lang}/{}/slides/presenter.html", site.reports[i].year)
            }
        }
    }

    fn lang(self, site: &Site) -> Lang {
        match self {
            Job::Landing => site.default_lang(),
            Job::Archive(l)
            | Job::Report(l, _)
            | Job::Deck(l, _)
            | Job::Slides(l, _)
            | Job::Handout(l, _)
            | Job::Statement(l)
            | Job::Presenter(l, _) => l,
        }
    }
}

/// The relative path from a page to the site root.
pub(super) fn root_of(path: &str) -> String {
    "../".repeat(path.matches('/').count())
}

/// Renders one job into its pages, as (output path, HTML): one page, or two for a `Deck`.
pub(super) fn render(
    tera: &Templates<'_>,
    site: &Site,
    decks: &Decks,
    options: &RenderOptions,
    job: &Job,
) -> Result<Vec<(String, String)>, SiteError> {
    let theme = tera.theme;
    let lang = job.lang(site);
    let path = job.path_in(site, lang);
    let root = root_of(&path);
    let t = &theme.strings[&lang];
    let html = match *job {
        Job::Landing => {
            let page = landing(site, theme, &root);
            let title = site.name.resolve(lang).value.clone();
            tera.render(
                template_of(*job),
                &page_context(tera, site, options, *job, &path, title, page)?,
            )?
        }
        Job::Archive(_) => {
            let entries = site
                .reports
                .iter()
                .map(|r| archive_entry(r, lang, t, &root))
                .collect();
            let trends = super::figures::trends(site, theme, lang)?;
            let title = format!("{} – {}", t.archive, site.name.resolve(lang).value);
            tera.render(
                template_of(*job),
                &page_context(
                    tera,
                    site,
                    options,
                    *job,
                    &path,
                    title,
                    ArchivePage { entries, trends },
                )?,
            )?
        }
        Job::Report(_, i) => {
            let r = &site.reports[i];
            let page = report_page(r, lang, t, &site.glossary, theme)?;
            let title = format!(
                "{} – {}",
                r.title.resolve(lang).value,
                site.name.resolve(lang).value
            );
            tera.render(
                template_of(*job),
                &page_context(tera, site, options, *job, &path, title, page)?,
            )?
        }
        Job::Statement(_) => {
            // Planned only when the site has a statement.
            let Some(statement) = &site.accessibility else {
                return Ok(Vec::new());
            };
            let page = super::statement::page(site, statement, lang, t, theme)?;
            let title = super::statement::title(site, lang, t);
            tera.render(
                template_of(*job),
                &page_context(tera, site, options, *job, &path, title, page)?,
            )?
        }
        Job::Deck(_, i) | Job::Slides(_, i) | Job::Handout(_, i) | Job::Presenter(_, i) => {
            let r = &site.reports[i];
            let page = slides::context::deck_page(site, r, decks.get(i, lang), lang, t, theme)?;
            let pages: &[Job] = match *job {
                Job::Deck(..) => &[
                    Job::Slides(lang, i),
                    Job::Handout(lang, i),
                    Job::Presenter(lang, i),
                ],
                _ => std::slice::from_ref(job),
            };
            // The pages are in the same folder: the context (with every slide) is
            // serialised once, and only the title and the language links change.
            let mut context: Option<tera::Context> = None;
            return pages
                .iter()
                .map(|&job| {
                    let what = match job {
                        Job::Handout(..) => &t.slides.handout,
                        Job::Presenter(..) => &t.deck_views.presenter,
                        _ => &t.slides.deck,
                    };
                    let title = format!(
                        "{} – {what} – {}",
                        r.title.resolve(lang).value,
                        site.name.resolve(lang).value
                    );
                    let path = job.path_in(site, lang);
                    let context = match context.as_mut() {
                        Some(context) => {
                            context.insert("title", &title);
                            context.insert(
                                "alternates",
                                &alternates(site, theme, job, &root_of(&path)),
                            );
                            context
                        }
                        None => {
                            let mut first =
                                page_context(tera, site, options, job, &path, title, &page)?;
                            first.insert("deck", &deck_extras(site, r, t));
                            context.insert(first)
                        }
                    };
                    let html = tera.render(template_of(job), context)?;
                    Ok((path, html))
                })
                .collect();
        }
    };
    Ok(vec![(path, html)])
}

/// The template a page is rendered with.
fn template_of(job: Job) -> &'static str {
    match job {
        Job::Landing => "landing.html",
        Job::Archive(_) => "archive.html",
        Job::Report(..) => "report.html",
        Job::Slides(..) | Job::Deck(..) => "slides.html",
        Job::Handout(..) => "handout.html",
        Job::Statement(_) => "statement.html",
        Job::Presenter(..) => "presenter.html",
    }
}

/// What the deck pages show besides the slides: the footer's facts and the presenter link.
fn deck_extras(site: &Site, r: &Report, t: &super::strings::UiStrings) -> DeckExtras {
    DeckExtras {
        published: t.format_date(r.published),
        published_iso: r.published.iso(),
        footer: site.deck.footer,
        presenter_href: "presenter.html",
    }
}

/// The links to the same page in every language (none on the bilingual landing page).
fn alternates<'a>(site: &Site, theme: &'a Theme, job: Job, root: &str) -> Vec<Alternate<'a>> {
    let lang = job.lang(site);
    match job {
        Job::Landing => Vec::new(),
        _ => site
            .languages
            .iter()
            .map(|&l| Alternate {
                lang: l.code(),
                href: format!("{root}{}", job.path_in(site, l)),
                name: &theme.strings[&l].language_name,
                label: &theme.strings[&l].read_in_language,
                current: l == lang,
            })
            .collect(),
    }
}

/// The whole context of a page, for its template.
fn page_context<P: Serialize>(
    templates: &Templates<'_>,
    site: &Site,
    options: &RenderOptions,
    job: Job,
    path: &str,
    title: String,
    page: P,
) -> Result<tera::Context, SiteError> {
    let theme = templates.theme;
    let lang = job.lang(site);
    let root = root_of(path);
    let t = &theme.strings[&lang];
    let ctx = Page {
        lang: lang.code(),
        site_name: Text::from_resolved(site.name.resolve(lang), lang),
        organisation: Text::from_resolved(site.organisation.resolve(lang), lang),
        title,
        description: site
            .description
            .as_ref()
            .map(|d| d.resolve(lang).value.as_str()),
        alternates: alternates(site, theme, job, &root),
        archive_href: format!("{root}{lang}/index.html"),
        home_href: format!("{root}index.html"),
        statement_href: site
            .accessibility
            .as_ref()
            .map(|_| format!("{root}{}", super::statement::path(lang))),
        build_date: options.build_date.map(|d| t.format_date(d)),
        draft: shows_a_draft(site, job),
        logo: super::brand::logo(
            site,
            &root,
            Text::from_resolved(site.organisation.resolve(lang), lang),
        ),
        brand_css: super::brand::css(&site.brand),
        root,
        page,
    };
    let mut context = tera::Context::from_serialize(&ctx).map_err(|e| template_error(theme, &e))?;
    context.insert_value("t", templates.strings(lang));
    Ok(context)
}

/// Whether the page of `job` shows a draft year: the year's own pages, and the
/// landing page when the newest year is a draft.
fn shows_a_draft(site: &Site, job: Job) -> bool {
    match job {
        Job::Landing => site.reports[0].is_draft(),
        Job::Archive(_) | Job::Statement(_) => false,
        Job::Report(_, i)
        | Job::Deck(_, i)
        | Job::Slides(_, i)
        | Job::Handout(_, i)
        | Job::Presenter(_, i) => site.reports[i].is_draft(),
    }
}

fn landing<'a>(site: &'a Site, theme: &'a Theme, root: &str) -> LandingPage<'a> {
    let latest = &site.reports[0];
    let page_lang = site.default_lang();
    let blocks = site
        .languages
        .iter()
        .map(|&l| LandingBlock {
            lang: l.code(),
            is_page_lang: l == page_lang,
            t: &theme.strings[&l],
            site_name: Text::from_resolved(site.name.resolve(l), l),
            description: site
                .description
                .as_ref()
                .map(|d| Text::from_resolved(d.resolve(l), l)),
            latest_title: Text::from_resolved(latest.title.resolve(l), l),
            latest_href: format!("{root}{l}/{}/index.html", latest.year),
            archive_href: format!("{root}{l}/index.html"),
        })
        .collect();
    LandingPage { blocks }
}

fn archive_entry<'a>(
    r: &'a Report,
    lang: Lang,
    t: &super::strings::UiStrings,
    root: &str,
) -> ArchiveEntry<'a> {
    let title = Text::from_resolved(r.title.resolve(lang), lang);
    ArchiveEntry {
        year: r.year.get(),
        show_year: !title.text.contains(&r.year.to_string()),
        title,
        subtitle: r
            .subtitle
            .as_ref()
            .map(|s| Text::from_resolved(s.resolve(lang), lang)),
        published: t.format_date(r.published),
        published_iso: r.published.iso(),
        href: format!("{root}{lang}/{}/index.html", r.year),
    }
}

/// True when two headings say the same, whatever their case and spacing.
fn same_words(a: &str, b: &str) -> bool {
    a.split_whitespace()
        .map(str::to_lowercase)
        .eq(b.split_whitespace().map(str::to_lowercase))
}

fn report_page<'a>(
    r: &'a Report,
    lang: Lang,
    t: &'a super::strings::UiStrings,
    glossary: &'a Glossary,
    theme: &Theme,
) -> Result<ReportPage<'a>, SiteError> {
    let mut groups: Vec<KindGroup<'a>> = Vec::new();
    for s in &r.sections {
        let text = s.text.resolve(lang);
        let heading = t.kinds.get(s.kind);
        let view = SectionView {
            id: &s.slug,
            title: &text.value.title,
            repeats_heading: same_words(&text.value.title, heading),
            body: crate::compact::fragment(text.value.body.as_str()),
            lang: text.is_fallback.then(|| text.lang.code()),
            figures: super::figures::of_section(r, s, lang, theme)?,
        };
        match groups.last_mut() {
            Some(g) if g.id == format!("kind-{}", s.kind.key()) => g.sections.push(view),
            _ => groups.push(KindGroup {
                id: format!("kind-{}", s.kind.key()),
                heading,
                sections: vec![view],
                lists_sections: false,
            }),
        }
    }
    for group in &mut groups {
        group.lists_sections = group.sections.iter().any(|s| !s.repeats_heading);
    }
    Ok(ReportPage {
        year: r.year.get(),
        title: Text::from_resolved(r.title.resolve(lang), lang),
        subtitle: r
            .subtitle
            .as_ref()
            .map(|s| Text::from_resolved(s.resolve(lang), lang)),
        slides_href: "slides/index.html",
        published: t.format_date(r.published),
        published_iso: r.published.iso(),
        groups,
        closing: r
            .closing
            .as_ref()
            .map(|c| Text::from_resolved(c.resolve(lang), lang)),
        glossary: glossary_items(r, lang, glossary),
    })
}

/// The glossary's list at the end of the report page (see [`Glossary::used_in`]).
fn glossary_items<'a>(r: &'a Report, lang: Lang, glossary: &'a Glossary) -> Vec<GlossaryItem<'a>> {
    glossary
        .used_in(r, lang)
        .into_iter()
        .map(|t| GlossaryItem {
            abbr: &t.abbr,
            expansion: t
                .expansion
                .as_ref()
                .map(|e| Text::from_resolved(e.resolve(lang), lang)),
            explanation: t
                .explanation
                .as_ref()
                .map(|e| Text::from_resolved(e.resolve(lang), lang)),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roots_are_relative() {
        assert_eq!(root_of("index.html"), "");
        assert_eq!(root_of("sv/index.html"), "../");
        assert_eq!(root_of("sv/2021/index.html"), "../../");
    }
}
