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
//! - the description sentence ([`describe()`]) and the data table ([`table()`]);
//! - the title and source for the `<figcaption>`.
//!
//! Ids inside the SVGs start with the caller's prefix, so the same chart can be
//! shown twice on one page (give each place its own prefix).
//!
//! The way down: a [`Chart`] in one language and layout (`frame.rs`) is laid out
//! by `bars.rs` or `line.rs` into a writer-independent `Scene` (`scene.rs`), which
//! `svg.rs` draws through plotters (coordinates, elements, text) onto the
//! backend in `backend.rs` and wraps as an accessible SVG.

mod backend;
mod bars;
pub mod describe;
mod frame;
mod line;
mod marks;
mod numfmt;
mod scale;
mod scene;
pub mod strings;
mod svg;
pub mod table;
mod text;
pub mod theme;
pub mod trend;

#[cfg(test)]
pub(crate) mod testdata;

use serde::Serialize;

pub use describe::describe;
use marks::Variant;
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
        FigText {
            text: r.value.clone(),
            lang: r.is_fallback.then(|| r.lang.code()),
        }
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
    let id = if id_prefix.is_empty() {
        format!("chart-{}", chart.id)
    } else {
        format!("{id_prefix}-{}", chart.id)
    };
    let description = describe(chart, lang, strings);
    let title = FigText::resolve(&chart.title, lang);
    let svg = |variant: Variant, suffix: &str| {
        let labels = svg::Labels {
            id: &format!("{id}-{suffix}"),
            title: &title.text,
            desc: &description,
            class: variant.class(),
        };
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

/// The chart's SVG for a slide (large type, no table: the slide's figure caption
/// names it and the report page has the data); `id_prefix` makes its ids unique.
pub fn slide_svg(
    chart: &Chart,
    lang: Lang,
    id_prefix: &str,
    theme: &ChartTheme,
    strings: &ChartStrings,
) -> Result<String, DrawError> {
    let id = format!("{id_prefix}-{}-s", chart.id);
    let title = chart.title.resolve(lang).value;
    let desc = describe(chart, lang, strings);
    draw(
        chart,
        lang,
        Variant::Slide,
        theme,
        svg::Labels {
            id: &id,
            title,
            desc: &desc,
            class: Variant::Slide.class(),
        },
    )
}

/// One SVG of `chart`: laid out for `variant` as a scene, drawn by plotters, made accessible.
fn draw(
    chart: &Chart,
    lang: Lang,
    variant: Variant,
    theme: &ChartTheme,
    labels: svg::Labels<'_>,
) -> Result<String, DrawError> {
    let frame = frame::Frame::new(chart, lang, theme, variant.metrics());
    let scene = match (chart.kind, variant) {
        (ChartKind::Line, _) => line::layout(&frame),
        (ChartKind::Hbar, _) | (_, Variant::Narrow) => bars::horizontal(&frame),
        _ => bars::vertical(&frame).unwrap_or_else(|| bars::horizontal(&frame)),
    };
    svg::to_svg(&scene, theme, labels)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::testdata::{chart, strings, theme};

    fn sample(kind: ChartKind) -> Chart {
        match kind {
            ChartKind::Bar => chart(kind, &[("Deltagare", &[1234.5, 860.0, -40.0])], None),
            ChartKind::Hbar => chart(kind, &[("Deltagare", &[45.25, 30.0, 24.75])], Some("%")),
            ChartKind::GroupedBar | ChartKind::StackedBar | ChartKind::Line => chart(
                kind,
                &[
                    ("Möten", &[12.0, 9.0, 4.0]),
                    ("Deltagare", &[30.0, 22.0, 18.0]),
                ],
                None,
            ),
        }
    }

    fn svg(c: &Chart, variant: Variant) -> String {
        let labels = svg::Labels {
            id: "t",
            title: "Titel",
            desc: "Beskrivning",
            class: variant.class(),
        };
        draw(c, Lang::Sv, variant, &theme(), labels).unwrap()
    }

    #[test]
    fn every_kind_in_both_layouts_matches_its_snapshot() {
        for kind in ChartKind::ALL {
            for (variant, name) in [
                (Variant::Wide, "wide"),
                (Variant::Narrow, "narrow"),
                (Variant::Slide, "slide"),
            ] {
                insta::assert_snapshot!(
                    format!("{}-{name}", kind.key()),
                    svg(&sample(kind), variant)
                );
            }
        }
    }

    #[test]
    fn vertical_bars_turn_horizontal_when_names_do_not_fit() {
        let mut c = sample(ChartKind::Bar);
        let short = svg(&c, Variant::Wide);
        c.categories[0] = crate::charts::testdata::both("Sahlgrenska Universitetssjukhuset");
        let long = svg(&c, Variant::Wide);
        // Vertical bars write category names centred under the bars; horizontal ones left-aligned above.
        let anchor_of = |svg: &str, name: &str| {
            let end = svg
                .find(&format!(">{name}</text>"))
                .unwrap_or_else(|| panic!("{name} not in {svg}"));
            let tag = &svg[svg[..end].rfind("<text").unwrap()..end];
            tag.split("text-anchor=")
                .nth(1)
                .unwrap()
                .trim_start_matches('"')
                .split(['"', ' '])
                .next()
                .unwrap()
                .to_string()
        };
        assert_eq!(anchor_of(&short, "Kommun"), "middle");
        assert_eq!(
            anchor_of(&long, "Sahlgrenska Universitetssjukhuset"),
            "start"
        );
    }

    #[test]
    fn figures_carry_ids_with_the_prefix_and_text_in_the_language() {
        let c = sample(ChartKind::Bar);
        let f = figure(&c, Lang::En, "slide-3", &theme(), &strings(Lang::En)).unwrap();
        assert_eq!(f.id, "slide-3-narvaro");
        assert!(
            f.svg_wide
                .contains("aria-labelledby=\"slide-3-narvaro-w-title slide-3-narvaro-w-desc\"")
        );
        assert!(
            f.svg_narrow
                .contains("<title id=\"slide-3-narvaro-n-title\">Attendance</title>")
        );
        assert!(
            f.svg_wide.contains(">1,234.5</text>") && f.svg_wide.contains(">-40.0</text>"),
            "{}",
            f.svg_wide
        );
        assert_eq!(f.source.text, "Example data");
        assert!(f.description.starts_with("Bar chart: Attendance."));
    }
}
