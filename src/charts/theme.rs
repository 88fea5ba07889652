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

use crate::diagnostics::{ErrorKind, SiteError, Untranslated};
use crate::model::chart::MAX_SERIES;

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
            vec![
                SiteError::at(ErrorKind::Theme, file, text, e.span().unwrap_or(0..0), e.message().trim().to_string())
                    .with_help("compare with charts.toml of the default theme: every key must be there, spelled the same"),
            ]
        })?;
        let mut errors = Vec::new();
        let err = |span: Range<usize>, message: String, help: &str| {
            SiteError::at(ErrorKind::Theme, file, text, span, message).with_help(help.to_string())
        };
        let colour = |s: &Spanned<String>, errors: &mut Vec<SiteError>| {
            Rgb::from_hex(s.get_ref().trim()).unwrap_or_else(|| {
                errors.push(err(
                    s.span(),
                    "this is not a colour".into(),
                    "write colours as #rrggbb, like \"#005a8c\"",
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
        let mut need = |c: Rgb, s: &Spanned<String>, min: f64, what: &str| {
            if let Some(message) =
                crate::colour::too_little_contrast(c, background, min, what, "the background")
            {
                errors.push(err(s.span(), message, crate::colour::CONTRAST_HELP));
            }
        };
        need(text_colour, &raw.text, 4.5, "the text colour");
        need(muted, &raw.muted, 4.5, "the muted text colour");
        need(axis, &raw.axis, 3.0, "the axis colour");
        for (c, s) in series.iter().zip(raw.series.get_ref()) {
            need(*c, s, 3.0, "this series colour");
        }
        if series.len() < MAX_SERIES {
            errors.push(err(
                raw.series.span(),
                format!(
                    "the palette has {} colours; charts need {MAX_SERIES}",
                    series.len()
                ),
                "add colours until there is one per possible series",
            ));
        }
        let font_family = raw.font_family.get_ref().trim().to_string();
        if font_family.is_empty() {
            errors.push(err(
                raw.font_family.span(),
                "the font family is empty".into(),
                "write a CSS font list, like \"system-ui, sans-serif\"",
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
