//! Charts: a validated [`Chart`] → an accessible figure in one language.
//!
//! [`figure`] is the one entry point pages use (the report page after a
//! section's text, the archive page's trends, and slides): it returns a
//! [`FigureView`] for the theme's `partials/figure.html`, holding
//!
//! - two inline SVGs drawn with plotters, a wide one (report, slides, print)
//!   and a narrow one for phones, switched by a CSS container query; both
//!   scale with their container (`viewBox`, no fixed size), have `role="img"`
//!   and a `<title>` and `<desc>` named by `aria-labelledby`;
//! - the description sentence ([`describe`]) and the data table ([`table`]);
//! - the title and source for the `<figcaption>`.
//!
//! Ids inside the SVGs start with the caller's prefix, so the same chart can be
//! shown twice on one page (give each place its own prefix).

mod bars;
pub mod describe;
mod frame;
mod line;
pub mod marks;
pub mod numfmt;
pub mod scale;
pub mod strings;
pub mod svg;
pub mod table;
mod text;
pub mod theme;
pub mod trend;

#[cfg(test)]
pub(crate) mod testdata;

use serde::Serialize;

pub use describe::describe;
pub use marks::Variant;
pub use strings::ChartStrings;
pub use svg::DrawError;
pub use table::{TableView, table};
pub use theme::ChartTheme;

use crate::lang::{Lang, Localized};
use crate::model::{Chart, ChartKind};

/// A text in a figure, with `lang` set when it is shown in the default
/// language because the page's language is missing (WCAG 3.1.2).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FigText {
    /// The text.
    pub text: String,
    /// Its language, when not the page's.
    pub lang: Option<&'static str>,
}

impl FigText {
    /// The value of `l` for a page in `lang`.
    pub fn resolve(l: &Localized<String>, lang: Lang) -> FigText {
        let r = l.resolve(lang);
        FigText { text: r.value.clone(), lang: r.is_fallback.then(|| r.lang.code()) }
    }
}

/// Everything `partials/figure.html` needs to show one chart.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FigureView {
    /// The `<figure>`'s id: `PREFIX-CHARTID`.
    pub id: String,
    /// The chart's title.
    pub title: FigText,
    /// Where the numbers come from.
    pub source: FigText,
    /// The generated description (also the SVGs' `<desc>`).
    pub description: String,
    /// The wide SVG.
    pub svg_wide: String,
    /// The narrow (phone) SVG.
    pub svg_narrow: String,
    /// The data.
    pub table: TableView,
}

/// Draws `chart` for a page in `lang`; `id_prefix` makes its ids unique on that page.
pub fn figure(
    chart: &Chart,
    lang: Lang,
    id_prefix: &str,
    theme: &ChartTheme,
    strings: &ChartStrings,
) -> Result<FigureView, DrawError> {
    let id = if id_prefix.is_empty() { format!("chart-{}", chart.id) } else { format!("{id_prefix}-{}", chart.id) };
    let description = describe(chart, lang, strings);
    let title = FigText::resolve(&chart.title, lang);
    let svg = |variant: Variant, suffix: &str| {
        let labels = svg::Labels { id: &format!("{id}-{suffix}"), title: &title.text, desc: &description, class: variant.class() };
        draw(chart, lang, variant, theme, labels)
    };
    Ok(FigureView {
        svg_wide: svg(Variant::Wide, "w")?,
        svg_narrow: svg(Variant::Narrow, "n")?,
        source: FigText::resolve(&chart.source, lang),
        table: table(chart, lang, strings),
        title,
        description,
        id,
    })
}

/// One SVG of `chart`: laid out for `variant`, drawn by plotters, made accessible.
pub fn draw(chart: &Chart, lang: Lang, variant: Variant, theme: &ChartTheme, labels: svg::Labels<'_>) -> Result<String, DrawError> {
    let frame = frame::Frame::new(chart, lang, theme, variant.metrics());
    let scene = match (chart.kind, variant) {
        (ChartKind::Line, _) => line::layout(&frame),
        (ChartKind::Hbar, _) | (_, Variant::Narrow) => bars::horizontal(&frame),
        _ => bars::vertical(&frame).unwrap_or_else(|| bars::horizontal(&frame)),
    };
    svg::to_svg(&scene, theme, labels)
}
