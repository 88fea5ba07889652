//! The chart palette, from the theme's `charts.toml`.
//!
//! Charts are SVG drawn at build time, and SVG presentation attributes such as
//! `fill="…"` cannot reliably use CSS custom properties, so the colours come
//! from this file instead of `style.css`. Keep them in step with the CSS
//! colours by hand. The file is checked when the theme loads: every series
//! colour must stand out ≥ 3:1 from the background (WCAG 1.4.11, non-text
//! contrast) and text colours ≥ 4.5:1 (WCAG 1.4.3), so a theme cannot make
//! charts that fail the law.

use std::ops::Range;
use std::sync::Arc;

use serde::Deserialize;
use toml::Spanned;

use crate::diagnostics::{Catalogued, ErrorKind, SiteError};
use crate::messages::{Message, MessageId};
use crate::model::chart::MAX_SERIES;
use crate::model::too_little_contrast;

pub use crate::colour::Rgb;

/// Colours and font of the charts, checked for contrast.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartTheme {
    /// Behind the chart (and the colour of the hatching on bars).
    pub background: Rgb,
    /// Labels and values.
    pub text: Rgb,
    /// Tick labels and axis names.
    pub muted: Rgb,
    /// Grid lines (decorative; no contrast needed).
    pub grid: Rgb,
    /// The zero line and axis lines.
    pub axis: Rgb,
    /// One colour per series, in order.
    pub series: Vec<Rgb>,
    /// CSS font-family list written on the SVG's text.
    pub font_family: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawChartTheme {
    background: Spanned<String>,
    text: Spanned<String>,
    muted: Spanned<String>,
    grid: Spanned<String>,
    axis: Spanned<String>,
    series: Spanned<Vec<Spanned<String>>>,
    font_family: Spanned<String>,
}

impl ChartTheme {
    /// Parses and checks a theme's `charts.toml`; `file` is its name for messages.
    pub fn parse(file: &str, text: &Arc<str>) -> Result<ChartTheme, Vec<SiteError>> {
        let raw: RawChartTheme = toml::from_str(text).map_err(|e| {
            vec![crate::load::theme_error(
                file,
                text,
                &e,
                MessageId::ThemeChartsHelp,
            )]
        })?;
        let mut errors = Vec::new();
        let err = |span: Range<usize>, message: Message, help: MessageId| {
            SiteError::at(ErrorKind::Theme, file, text, span, message).with_help(help)
        };
        let colour = |s: &Spanned<String>, errors: &mut Vec<SiteError>| {
            Rgb::from_hex(s.get_ref().trim()).unwrap_or_else(|| {
                errors.push(err(
                    s.span(),
                    MessageId::ColourNotAColour.into(),
                    MessageId::ColourNotAColourHelp,
                ));
                Rgb(0, 0, 0)
            })
        };
        let background = colour(&raw.background, &mut errors);
        let text_colour = colour(&raw.text, &mut errors);
        let muted = colour(&raw.muted, &mut errors);
        let grid = colour(&raw.grid, &mut errors);
        let axis = colour(&raw.axis, &mut errors);
        let series: Vec<Rgb> = raw
            .series
            .get_ref()
            .iter()
            .map(|s| colour(s, &mut errors))
            .collect();
        if !errors.is_empty() {
            return Err(errors);
        }
        let mut need = |c: Rgb, s: &Spanned<String>, min: f64, what: MessageId| {
            let on = MessageId::ColourChartBackground;
            if let Some(message) = too_little_contrast(c, background, min, what, on) {
                errors.push(err(s.span(), message, MessageId::ColourContrastHelp));
            }
        };
        need(text_colour, &raw.text, 4.5, MessageId::ColourChartText);
        need(muted, &raw.muted, 4.5, MessageId::ColourChartMuted);
        need(axis, &raw.axis, 3.0, MessageId::ColourChartAxis);
        for (c, s) in series.iter().zip(raw.series.get_ref()) {
            need(*c, s, 3.0, MessageId::ColourChartSeries);
        }
        if series.len() < MAX_SERIES {
            errors.push(err(
                raw.series.span(),
                MessageId::ThemePaletteShort
                    .count("n", series.len())
                    .count("max", MAX_SERIES),
                MessageId::ThemePaletteShortHelp,
            ));
        }
        let font_family = raw.font_family.get_ref().trim().to_string();
        if font_family.is_empty() {
            errors.push(err(
                raw.font_family.span(),
                MessageId::ThemeNoFont.into(),
                MessageId::ThemeNoFontHelp,
            ));
        }
        if errors.is_empty() {
            Ok(ChartTheme {
                background,
                text: text_colour,
                muted,
                grid,
                axis,
                series,
                font_family,
            })
        } else {
            Err(errors)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn default_file() -> Arc<str> {
        let path = format!("{}/themes/default/charts.toml", env!("CARGO_MANIFEST_DIR"));
        Arc::from(std::fs::read_to_string(path).unwrap())
    }

    #[test]
    fn the_default_palette_passes_its_own_checks() {
        let theme = ChartTheme::parse("charts.toml", &default_file()).unwrap();
        assert!(theme.series.len() >= MAX_SERIES);
        for c in &theme.series {
            assert!(c.contrast(theme.background) >= 3.0);
        }
    }

    #[test]
    fn a_pale_series_colour_is_refused_at_its_line() {
        let text = default_file().replacen("series = [\"", "series = [\"#dddddd\", \"", 1);
        let text: Arc<str> = Arc::from(text);
        let errors = ChartTheme::parse("charts.toml", &text).unwrap_err();
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].kind(), ErrorKind::Theme);
        let line = text.lines().position(|l| l.contains("#dddddd")).unwrap() + 1;
        assert_eq!(errors[0].line_col().map(|(l, _)| l), Some(line));
    }
}
