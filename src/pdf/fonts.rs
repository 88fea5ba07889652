//! The theme's font family, for drawing (krilla) and for measuring (rustybuzz).
//!
//! Both read the same files (`themes/NAME/fonts/NotoSans-*.ttf`, compiled in
//! for the default theme), and krilla shapes with the same rustybuzz, so a
//! width measured here is the width drawn.

use std::sync::Arc;

use krilla::text::Font;

use crate::diagnostics::{Catalogued, ErrorKind, SiteError};
use crate::messages::MessageId;
use crate::render::Theme;

/// One of the family's four styles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Style {
    Regular,
    Bold,
    Italic,
    BoldItalic,
}

impl Style {
    const ALL: [Style; 4] = [
        Style::Regular,
        Style::Bold,
        Style::Italic,
        Style::BoldItalic,
    ];

    fn file(self) -> &'static str {
        match self {
            Style::Regular => "fonts/NotoSans-Regular.ttf",
            Style::Bold => "fonts/NotoSans-Bold.ttf",
            Style::Italic => "fonts/NotoSans-Italic.ttf",
            Style::BoldItalic => "fonts/NotoSans-BoldItalic.ttf",
        }
    }

    fn index(self) -> usize {
        self as usize
    }

    /// This style with bold added or taken away.
    pub(crate) fn bold(self, on: bool) -> Style {
        match (self, on) {
            (Style::Regular | Style::Bold, true) => Style::Bold,
            (Style::Italic | Style::BoldItalic, true) => Style::BoldItalic,
            (Style::Regular | Style::Bold, false) => Style::Regular,
            (Style::Italic | Style::BoldItalic, false) => Style::Italic,
        }
    }

    /// This style with italic added or taken away.
    pub(crate) fn italic(self, on: bool) -> Style {
        match (self, on) {
            (Style::Regular | Style::Italic, true) => Style::Italic,
            (Style::Bold | Style::BoldItalic, true) => Style::BoldItalic,
            (Style::Regular | Style::Italic, false) => Style::Regular,
            (Style::Bold | Style::BoldItalic, false) => Style::Bold,
        }
    }
}

/// The four faces, parsed once per document.
pub(crate) struct Fonts<'t> {
    faces: [rustybuzz::Face<'t>; 4],
    /// Shaping plans made once: making one per call was most of the layout's time.
    plans: [rustybuzz::ShapePlan; 4],
    fonts: [Font; 4],
    files: [&'t crate::render::theme::ThemeFile; 4],
}

impl<'t> Fonts<'t> {
    /// Reads the family from `theme`; a missing or unreadable file is an error naming it.
    pub(crate) fn load(theme: &'t Theme) -> Result<Fonts<'t>, SiteError> {
        let files = Style::ALL.map(|style| theme.files.get(style.file()));
        let missing = Style::ALL
            .iter()
            .zip(&files)
            .find(|(_, f)| f.is_none())
            .map(|(s, _)| s.file());
        if let Some(path) = missing {
            return Err(SiteError::in_file(
                ErrorKind::Pdf,
                format!("themes/{path}"),
                MessageId::ErrorPdfFontMissing,
            )
            .with_help(MessageId::ErrorPdfFontMissingHelp));
        }
        let files = files.map(|f| f.expect("checked above"));
        let bad = |file: &crate::render::theme::ThemeFile| {
            SiteError::in_file(
                ErrorKind::Pdf,
                file.display.clone(),
                MessageId::ErrorPdfFontUnreadable,
            )
            .with_help(MessageId::ErrorPdfFontUnreadableHelp)
        };
        let faces = files.map(|file| rustybuzz::Face::from_slice(&file.bytes, 0));
        let fonts = files.map(|file| {
            let data: Arc<dyn AsRef<[u8]> + Send + Sync> = Arc::new(file.bytes.clone());
            Font::new(data.into(), 0)
        });
        let unreadable = (0..4).find(|&i| faces[i].is_none() || fonts[i].is_none());
        if let Some(i) = unreadable {
            return Err(bad(files[i]));
        }
        let faces = faces.map(|f| f.expect("checked above"));
        let fonts = fonts.map(|f| f.expect("checked above"));
        let plans = faces.each_ref().map(|face| {
            rustybuzz::ShapePlan::new(
                face,
                rustybuzz::Direction::LeftToRight,
                Some(rustybuzz::script::LATIN),
                None,
                &[],
            )
        });
        Ok(Fonts {
            plans,
            faces,
            fonts,
            files,
        })
    }

    /// The font to draw `style` with.
    pub(crate) fn font(&self, style: Style) -> Font {
        self.fonts[style.index()].clone()
    }

    /// The font files' bytes, for the chart SVGs' font database.
    pub(crate) fn data(&self) -> impl Iterator<Item = &'t [u8]> + '_ {
        self.files.iter().map(|f| &f.bytes[..])
    }

    /// The advance width of `text` in `style` at `size` points.
    pub(crate) fn width(&self, style: Style, size: f32, text: &str) -> f32 {
        if text.is_empty() {
            return 0.0;
        }
        let face = &self.faces[style.index()];
        let mut buffer = rustybuzz::UnicodeBuffer::new();
        buffer.push_str(text);
        // The plan's direction and script; other scripts measure the same without their features.
        buffer.set_direction(rustybuzz::Direction::LeftToRight);
        buffer.set_script(rustybuzz::script::LATIN);
        let shaped = rustybuzz::shape_with_plan(face, &self.plans[style.index()], buffer);
        let units: i32 = shaped.glyph_positions().iter().map(|p| p.x_advance).sum();
        units as f32 * size / face.units_per_em() as f32
    }

    /// The first character of `text` that `style` has no glyph for.
    pub(crate) fn missing(&self, style: Style, text: &str) -> Option<char> {
        let face = &self.faces[style.index()];
        text.chars()
            .find(|&c| !c.is_control() && face.glyph_index(c).is_none())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;

    fn theme() -> Theme {
        Theme::load(std::path::Path::new("/nonexistent"), "default", &[Lang::Sv]).unwrap()
    }

    #[test]
    fn the_default_family_covers_swedish_and_measures_like_it_draws() {
        let theme = theme();
        let fonts = Fonts::load(&theme).unwrap();
        for style in Style::ALL {
            assert_eq!(fonts.missing(style, "ÅÄÖåäöÉé ”’–— −12 € § ½"), None);
        }
        assert_eq!(fonts.missing(Style::Regular, "漢"), Some('漢'));
        let one = fonts.width(Style::Regular, 10.0, "Samverkan");
        assert!((fonts.width(Style::Regular, 20.0, "Samverkan") - 2.0 * one).abs() < 0.01);
        assert!(fonts.width(Style::Bold, 10.0, "Samverkan") > one);
        assert!(one > 30.0 && one < 60.0, "{one}");
    }

    /// What the default theme itself shows: its templates' text (less comments),
    /// its interface strings and its stylesheets' `content` values.
    fn shown_text(theme: &Theme) -> Vec<(String, String)> {
        let mut shown = Vec::new();
        for (path, file) in &theme.files {
            let text = String::from_utf8_lossy(&file.bytes);
            if path.ends_with(".html") {
                let mut rest = &text[..];
                let mut kept = String::new();
                while let Some(at) = rest.find("{#") {
                    kept.push_str(&rest[..at]);
                    rest = rest[at..].split_once("#}").map_or("", |(_, after)| after);
                }
                kept.push_str(rest);
                shown.push((path.clone(), kept));
            } else if path.starts_with("strings/") {
                let value: toml::Value = toml::from_str(&text).unwrap();
                let mut strings = vec![value];
                while let Some(v) = strings.pop() {
                    match v {
                        toml::Value::String(s) => shown.push((path.clone(), s)),
                        toml::Value::Table(t) => strings.extend(t.into_iter().map(|(_, v)| v)),
                        toml::Value::Array(a) => strings.extend(a),
                        _ => {}
                    }
                }
            } else if path.ends_with(".css") {
                for (_, after) in text
                    .match_indices("content:")
                    .map(|(i, _)| text.split_at(i))
                {
                    let value = after["content:".len()..]
                        .split([';', '}'])
                        .next()
                        .unwrap_or("");
                    shown.push((path.clone(), value.to_string()));
                }
            }
        }
        shown
    }

    #[test]
    fn the_default_theme_shows_no_character_its_font_lacks() {
        // Noto Sans has no arrows (← → ▶) and no white bullet (◦): a browser would
        // draw them in a fallback font, and the PDF writer could not draw them at all.
        let theme = theme();
        let fonts = Fonts::load(&theme).unwrap();
        let shown = shown_text(&theme);
        assert!(
            shown
                .iter()
                .any(|(path, text)| path == "templates/slides.html" && text.contains('›'))
        );
        assert!(
            shown
                .iter()
                .any(|(path, text)| path.starts_with("strings/") && text.contains('ä'))
        );
        assert!(
            shown
                .iter()
                .any(|(path, text)| path == "assets/slides.css" && text.contains('‣'))
        );
        for (path, text) in shown {
            for style in Style::ALL {
                assert_eq!(fonts.missing(style, &text), None, "{path}: {text}");
            }
        }
    }
}
