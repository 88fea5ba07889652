//! Typed contexts of the deck page (`slides.html`) and the handout (`handout.html`).

use serde::Serialize;

use super::plan::{Deck, title_organisation};
use super::{fit, geometry};
use crate::diagnostics::SiteError;
use crate::lang::Lang;
use crate::model::{Report, Site};
use crate::render::context::Text;
use crate::render::strings::UiStrings;
use crate::render::{Theme, figures};

/// A deck or handout page.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct DeckPage<'a> {
    /// The report's year.
    pub(crate) year: u16,
    /// The report's title.
    pub(crate) title: Text<'a>,
    /// Relative link to the report page.
    pub(crate) report_href: &'static str,
    /// Relative link to the deck (from the handout).
    pub(crate) deck_href: &'static str,
    /// Relative link to the handout (from the deck).
    pub(crate) handout_href: &'static str,
    /// "Slide 1 of N", the status before any navigation.
    pub(crate) status: String,
    /// Number of slides.
    pub(crate) total: usize,
    /// The slides, in order.
    pub(crate) slides: Vec<SlideView<'a>>,
}

/// One slide. Exactly one of `cover`, `section` and `closing` is set.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct SlideView<'a> {
    /// 1-based position; also the slide's `id`, so `#3` opens slide 3.
    pub(crate) number: usize,
    /// "Slide 3 of 12", the slide's accessible name.
    pub(crate) label: String,
    /// Type size class: the body size of a section slide, the title size of a title
    /// slide, the statement size of a closing slide (design px, `slide--size-N`).
    pub(crate) size: u16,
    /// The type size of a section slide's tables in hundredths of an em, when
    /// it is smaller than the default (`slide--table-N`).
    pub(crate) table: Option<u16>,
    /// The title slide.
    pub(crate) cover: Option<CoverView<'a>>,
    /// A section slide.
    pub(crate) section: Option<SectionSlideView<'a>>,
    /// The closing slide.
    pub(crate) closing: Option<Text<'a>>,
    /// The organisation, for the closing slide's footer line.
    pub(crate) organisation: Text<'a>,
    /// The contact line of the closing slide (`contact` in `site.toml`).
    pub(crate) contact: Option<Text<'a>>,
    /// Speaker notes, rendered; only section slides (the first of a section) have them.
    pub(crate) notes: Option<NotesView>,
}

/// The title slide.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct CoverView<'a> {
    /// The organisation, unless the subtitle already says it.
    pub(crate) organisation: Option<Text<'a>>,
    /// The report's title.
    pub(crate) title: Text<'a>,
    /// The subtitle.
    pub(crate) subtitle: Option<Text<'a>>,
    /// The year, unless the title already says it.
    pub(crate) year: Option<u16>,
}

/// A section slide.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct SectionSlideView<'a> {
    /// The kind key (`strength` …), for the colour class.
    pub(crate) kind: &'static str,
    /// The kind's heading ("Styrkor"), shown above the title.
    pub(crate) kind_label: &'a str,
    /// The section title.
    pub(crate) title: &'a str,
    /// True on the second and later slides of a section: the title gets "(forts.)".
    pub(crate) continued: bool,
    /// The language of the text when it is a fallback (not translated).
    pub(crate) lang: Option<&'static str>,
    /// The body, rendered and sanitised.
    pub(crate) body: &'a str,
    /// The body starts with the rest of a point from the slide before (no bullet).
    pub(crate) continues_item: bool,
    /// Figures shown after the body; the template renders each as a `<figure>`.
    /// Each chart a section lists gets a slide of its own after the section's text
    /// slides (the chart's title as heading, no body, one figure), so the text's
    /// fitting is not affected.
    pub(crate) figures: Vec<FigureView>,
}

/// A figure on a slide: inline SVG (or other safe HTML) and its caption.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct FigureView {
    /// Safe HTML of the figure (an inline `<svg>` with its own title and description).
    pub(crate) html: String,
    /// The caption.
    pub(crate) caption: String,
    /// The most the chart may take, design px ([`fit::figure_height`]): less
    /// under a title that wraps.
    pub(crate) height: u16,
}

/// Speaker notes of a slide.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct NotesView {
    /// Rendered, sanitised and compacted Markdown.
    pub(crate) html: String,
    /// Their language when it is a fallback.
    pub(crate) lang: Option<&'static str>,
}

/// The deck page's context for report `report` in `lang`.
///
/// Fails only if a chart cannot be drawn (a fault in summering, not in the content).
pub(crate) fn deck_page<'a>(
    site: &'a Site,
    report: &'a Report,
    deck: &'a Deck,
    lang: Lang,
    t: &'a UiStrings,
    theme: &Theme,
) -> Result<DeckPage<'a>, SiteError> {
    let total = deck.len();
    let label = |n: usize| t.slides.slide_of(n, total);
    let organisation = Text::from_resolved(site.organisation.resolve(lang), lang);
    let mut slides = vec![SlideView {
        number: 1,
        label: label(1),
        size: px(deck.title_size),
        table: None,
        cover: Some(CoverView {
            organisation: title_organisation(site, report, lang).map(|_| organisation.clone()),
            title: Text::from_resolved(report.title.resolve(lang), lang),
            subtitle: report
                .subtitle
                .as_ref()
                .map(|s| Text::from_resolved(s.resolve(lang), lang)),
            year: super::covers::shows_year(report.title.resolve(lang).value, report.year.get())
                .then(|| report.year.get()),
        }),
        section: None,
        closing: None,
        organisation: organisation.clone(),
        contact: None,
        notes: None,
    }];
    for (section, parts) in report.sections.iter().zip(&deck.sections) {
        let text = section.text.resolve(lang);
        let fallback = text.is_fallback.then(|| text.lang.code());
        for part in parts {
            let n = slides.len() + 1;
            slides.push(SlideView {
                number: n,
                label: label(n),
                size: px(part.size),
                table: (part.table < geometry::TABLE_SCALES[0]).then(|| px(part.table * 100.0)),
                cover: None,
                section: Some(SectionSlideView {
                    kind: section.kind.key(),
                    kind_label: t.kinds.get(section.kind),
                    title: &text.value.title,
                    continued: part.index > 0,
                    lang: fallback,
                    body: &part.html,
                    continues_item: part.continues_item,
                    figures: Vec::new(),
                }),
                closing: None,
                organisation: organisation.clone(),
                contact: None,
                notes: text
                    .value
                    .notes
                    .as_ref()
                    .filter(|_| part.index == 0)
                    .map(|html| NotesView {
                        html: crate::compact::fragment(html.as_str()),
                        lang: fallback,
                    }),
            });
        }
        let size = parts.first().map_or(geometry::SIZES[0], |p| p.size);
        for chart in section.charts.iter().filter_map(|id| report.chart(id)) {
            let n = slides.len() + 1;
            let (html, caption) = figures::for_slide(chart, lang, &format!("slide-{n}"), theme)?;
            let chart_title = chart.title.resolve(lang);
            slides.push(SlideView {
                number: n,
                label: label(n),
                size: px(size),
                table: None,
                cover: None,
                section: Some(SectionSlideView {
                    kind: section.kind.key(),
                    kind_label: t.kinds.get(section.kind),
                    title: chart_title.value,
                    continued: false,
                    lang: chart_title.is_fallback.then(|| chart_title.lang.code()),
                    body: "",
                    continues_item: false,
                    figures: vec![FigureView {
                        height: px(fit::figure_height(chart_title.value, &caption)),
                        html,
                        caption,
                    }],
                }),
                closing: None,
                organisation: organisation.clone(),
                contact: None,
                notes: None,
            });
        }
    }
    if let (Some(closing), Some(size)) = (&report.closing, deck.closing_size) {
        let n = slides.len() + 1;
        slides.push(SlideView {
            number: n,
            label: label(n),
            size: px(size),
            table: None,
            cover: None,
            section: None,
            closing: Some(Text::from_resolved(closing.resolve(lang), lang)),
            organisation: organisation.clone(),
            contact: site
                .contact
                .as_ref()
                .map(|c| Text::from_resolved(c.resolve(lang), lang)),
            notes: None,
        });
    }
    Ok(DeckPage {
        year: report.year.get(),
        title: Text::from_resolved(report.title.resolve(lang), lang),
        report_href: "../index.html",
        deck_href: "index.html",
        handout_href: "handout.html",
        status: label(1),
        total,
        slides,
    })
}

fn px(size: f32) -> u16 {
    size.round() as u16
}
