//! The charts of a page as [`FigureView`]s: a section's charts on the report
//! page, and the cross-year trends on the archive page.
//!
//! Slides use [`for_slide`]: the same chart in a layout with large type, with
//! ids prefixed by the slide so they stay unique on the deck page.

use super::Theme;
use crate::charts::{self, FigureView};
use crate::diagnostics::{Catalogued, ErrorKind, SiteError};
use crate::lang::Lang;
use crate::messages::MessageId;
use crate::model::{Chart, Report, Section};

/// The charts listed by `section`, in order; ids start with the section's slug,
/// which is unique on the report page.
pub fn of_section(
    report: &Report,
    section: &Section,
    lang: Lang,
    theme: &Theme,
) -> Result<Vec<FigureView>, SiteError> {
    section
        .charts
        .iter()
        .filter_map(|id| report.chart(id))
        .map(|chart| figure(chart, lang, &section.slug, theme))
        .collect()
}

/// The trend charts for the archive page in `lang`; ids start with `trend`.
pub fn trends(
    site: &crate::model::Site,
    theme: &Theme,
    lang: Lang,
) -> Result<Vec<FigureView>, SiteError> {
    charts::trend::trends(site, |l| &theme.strings[&l].charts)
        .iter()
        .map(|chart| figure(chart, lang, "trend", theme))
        .collect()
}

/// A chart for a slide (whose heading is the chart's title): its large-type SVG
/// and the caption "Source: …".
pub fn for_slide(
    chart: &Chart,
    lang: Lang,
    id_prefix: &str,
    theme: &Theme,
) -> Result<(String, String), SiteError> {
    let strings = &theme.strings[&lang].charts;
    let svg = charts::slide_svg(chart, lang, id_prefix, &theme.charts, strings)
        .map_err(|e| drawing_failed(chart, &e))?;
    let caption = format!("{}: {}", strings.source, chart.source.resolve(lang).value);
    Ok((svg, caption))
}

/// One chart as a figure, with drawing failures named by the chart's file.
pub fn figure(
    chart: &Chart,
    lang: Lang,
    id_prefix: &str,
    theme: &Theme,
) -> Result<FigureView, SiteError> {
    charts::figure(
        chart,
        lang,
        id_prefix,
        &theme.charts,
        &theme.strings[&lang].charts,
    )
    .map_err(|e| drawing_failed(chart, &e))
}

fn drawing_failed(chart: &Chart, e: &charts::DrawError) -> SiteError {
    SiteError::in_file(
        ErrorKind::ChartDrawing,
        &chart.file,
        MessageId::ThemeChartNotDrawn
            .arg("id", &chart.id)
            .arg("reason", &e.0),
    )
    .with_help(MessageId::ThemeChartNotDrawnHelp)
}
