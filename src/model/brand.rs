//! The organisation's look from `site.toml`: its logo (`logo = "logo.svg"`)
//! and its colours (`[brand]`), validated.
//!
//! The logo must be an SVG or PNG image that a browser, LibreOffice and
//! PowerPoint can all show; its size is read here so that pages and slides can
//! reserve its box. The colours are checked for contrast when the theme is
//! known ([`Brand::check`]), because the background they stand on is the
//! theme's; the places of their keys are kept for that message.

use std::io::Cursor;
use std::ops::Range;
use std::sync::Arc;

use crate::colour::Rgb;
use crate::diagnostics::{Catalogued, ErrorKind, SiteError};
use crate::load::SourceFile;
use crate::load::logo::RawLogo;
use crate::load::raw::RawBrand;
use crate::messages::{Message, MessageId};

/// The file type of a logo.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogoFormat {
    /// Scalable Vector Graphics: sharp at every size (the better choice).
    Svg,
    /// Portable Network Graphics.
    Png,
}

impl LogoFormat {
    /// The file name extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            LogoFormat::Svg => "svg",
            LogoFormat::Png => "png",
        }
    }

    /// The media type (for a PowerPoint package's content types).
    pub fn media_type(self) -> &'static str {
        match self {
            LogoFormat::Svg => "image/svg+xml",
            LogoFormat::Png => "image/png",
        }
    }
}

/// The organisation's logo, a checked SVG or PNG image.
#[derive(Debug, Clone, PartialEq)]
pub struct Logo {
    /// SVG or PNG.
    pub format: LogoFormat,
    /// The file as the editor saved it; the site publishes it unchanged.
    pub bytes: Arc<[u8]>,
    /// Its width and height in CSS px (an SVG's own size or view box, a PNG's
    /// pixels), for its aspect ratio.
    pub size: (f32, f32),
    /// `site.toml`'s name and text and the place of the `logo` key's value,
    /// for [`Logo::error`].
    file: String,
    text: Arc<str>,
    span: Range<usize>,
}

impl Logo {
    /// Where the site publishes it, from the site root: `assets/logo.svg`.
    pub fn path(&self) -> String {
        format!("assets/logo.{}", self.format.extension())
    }

    /// Width over height.
    pub fn aspect(&self) -> f32 {
        self.size.0 / self.size.1
    }

    /// A problem with the logo met after the site was loaded (drawing it into
    /// the PDFs, or its PNG copy for the PowerPoint decks), placed at the `logo` key of `site.toml`
    /// as the checks when it was read are, so the editor sees which line to fix.
    pub(crate) fn error(&self, kind: ErrorKind, message: impl Into<Message>) -> SiteError {
        SiteError::at(kind, &self.file, &self.text, self.span.clone(), message)
    }

    /// Checks the file `raw` read; a problem is reported at the `logo` key of `src`.
    pub(super) fn convert(
        src: &SourceFile,
        raw: &RawLogo,
        errors: &mut Vec<SiteError>,
    ) -> Option<Logo> {
        let err = |message: Message, help: MessageId| {
            src.error_at(ErrorKind::InvalidValue, raw.span.clone(), message)
                .with_help(help)
        };
        let extension = raw
            .name
            .rsplit_once('.')
            .map(|(_, e)| e.to_ascii_lowercase());
        let format = match extension.as_deref() {
            Some("svg") => LogoFormat::Svg,
            Some("png") => LogoFormat::Png,
            _ => {
                errors.push(err(
                    MessageId::BrandLogoFormat.arg("name", &raw.name),
                    MessageId::BrandLogoFormatHelp,
                ));
                return None;
            }
        };
        let size = match format {
            LogoFormat::Svg => svg_size(&raw.bytes),
            LogoFormat::Png => png_size(&raw.bytes),
        };
        match size {
            Ok(size) if size.0 > 0.0 && size.1 > 0.0 => Some(Logo {
                format,
                bytes: Arc::from(raw.bytes.as_slice()),
                size,
                file: src.name.clone(),
                text: Arc::clone(&src.text),
                span: raw.span.clone(),
            }),
            Ok(_) => {
                errors.push(err(
                    MessageId::BrandLogoNoSize.arg("name", &raw.name),
                    MessageId::BrandLogoNoSizeHelp,
                ));
                None
            }
            Err(reason) => {
                errors.push(err(
                    MessageId::BrandLogoUnreadable
                        .arg("name", &raw.name)
                        .arg("format", format.extension().to_uppercase())
                        .arg("reason", reason),
                    MessageId::BrandLogoUnreadableHelp,
                ));
                None
            }
        }
    }
}

/// An SVG's size; external images it links to are not followed, a
/// compressed file (`.svgz`) is refused (browsers do not open it from disk).
fn svg_size(bytes: &[u8]) -> Result<(f32, f32), String> {
    if bytes.starts_with(&[0x1f, 0x8b]) {
        return Err("it is compressed (svgz); save it uncompressed".into());
    }
    let tree = usvg::Tree::from_data_nested(bytes, &usvg::Options::default())
        .map_err(|e| e.to_string())?;
    Ok((tree.size().width(), tree.size().height()))
}

/// A PNG's size in pixels, from its header (the `png` crate checks the
/// signature and the header's checksum).
fn png_size(bytes: &[u8]) -> Result<(f32, f32), String> {
    let reader = png::Decoder::new(Cursor::new(bytes))
        .read_info()
        .map_err(|e| e.to_string())?;
    let info = reader.info();
    Ok((info.width as f32, info.height as f32))
}

/// One colour of `[brand]`, with the place of its value for messages.
#[derive(Debug, Clone, PartialEq)]
pub struct BrandColour {
    /// The colour.
    pub rgb: Rgb,
    span: Range<usize>,
}

/// The `[brand]` colours of `site.toml`, each replacing the theme's design token
/// of the same name on every page, slide and PowerPoint deck.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Brand {
    /// Links, headings and buttons (`--color-accent`).
    pub accent: Option<BrandColour>,
    /// The page header and the title and closing slides (`--color-accent-strong`).
    accent_strong: Option<BrandColour>,
    /// Text on the accent colours (`--color-on-accent`).
    pub on_accent: Option<BrandColour>,
    /// `site.toml`'s name and text, for [`Brand::check`]'s messages.
    file: String,
    text: Arc<str>,
}

/// How much darker than `accent` the strong accent is when only `accent` is given.
const STRONG_SHADE: f64 = 0.3;

/// "This is not a colour" at `span` of `src`, with how to write one.
fn not_a_colour(src: &SourceFile, span: Range<usize>) -> SiteError {
    src.error_at(ErrorKind::InvalidValue, span, MessageId::ColourNotAColour)
        .with_help(MessageId::ColourNotAColourHelp)
}

/// The message for `what` (a colour) drawn on `background` (`on`) when their
/// contrast is below `min`:1 (4.5 for text, 3 for marks; WCAG 1.4.3 and
/// 1.4.11), or `None` when it is enough: for `[brand]` and the chart palette.
pub(crate) fn too_little_contrast(
    colour: Rgb,
    background: Rgb,
    min: f64,
    what: MessageId,
    on: MessageId,
) -> Option<Message> {
    let ratio = colour.contrast(background);
    (ratio < min).then(|| {
        MessageId::ColourContrast
            .message("what", what)
            .decimal("ratio", ratio, 2)
            .message("on", on)
            .decimal("min", min, 1)
    })
}

/// The smallest contrast for text (WCAG 1.4.3, level AA).
const TEXT_CONTRAST: f64 = 4.5;

impl Brand {
    /// Reads `[brand]`: every value must be a `#rrggbb` colour.
    pub(super) fn convert(
        src: &SourceFile,
        raw: Option<&RawBrand>,
        errors: &mut Vec<SiteError>,
    ) -> Brand {
        let colour = |value: &Option<toml::Spanned<String>>, errors: &mut Vec<SiteError>| {
            let value = value.as_ref()?;
            match Rgb::from_hex(value.get_ref().trim()) {
                Some(rgb) => Some(BrandColour {
                    rgb,
                    span: value.span(),
                }),
                None => {
                    errors.push(not_a_colour(src, value.span()));
                    None
                }
            }
        };
        Brand {
            accent: raw.and_then(|r| colour(&r.accent, errors)),
            accent_strong: raw.and_then(|r| colour(&r.accent_strong, errors)),
            on_accent: raw.and_then(|r| colour(&r.on_accent, errors)),
            file: src.name.clone(),
            text: Arc::clone(&src.text),
        }
    }

    /// True when `[brand]` sets no colour: the theme's stand.
    pub fn is_empty(&self) -> bool {
        self.accent.is_none() && self.accent_strong.is_none() && self.on_accent.is_none()
    }

    /// The strong accent: as given, or a darker shade of `accent` when only it is given.
    pub fn accent_strong(&self) -> Option<Rgb> {
        self.accent_strong
            .as_ref()
            .map(|c| c.rgb)
            .or_else(|| self.accent.as_ref().map(|c| c.rgb.darker(STRONG_SHADE)))
    }

    /// The colours the site sets, checked against what they are drawn with
    /// (`theme`'s colours where the site sets none): both accents are text on
    /// the background (links, their hover) and backgrounds of text in
    /// `on_accent` (buttons, the header, the title slide), each at least 4.5:1.
    /// A pair the site does not touch is the theme's affair; a problem is
    /// reported at the key of the site's colour in it (the accent's, when both are).
    pub fn check(&self, theme: &ThemeColours) -> Vec<SiteError> {
        let on = self.on_accent.as_ref();
        let on_rgb = on.map_or(theme.on_accent, |c| c.rgb);
        let strong = match (&self.accent_strong, &self.accent) {
            (Some(c), _) => Some((c.rgb, Some(&c.span), MessageId::ColourAccentStrong)),
            (None, Some(a)) => self
                .accent_strong()
                .map(|rgb| (rgb, Some(&a.span), MessageId::ColourAccentShade)),
            (None, None) => None,
        };
        let accents = [
            self.accent
                .as_ref()
                .map_or((theme.accent, None, MessageId::ColourThemeAccent), |c| {
                    (c.rgb, Some(&c.span), MessageId::ColourAccent)
                }),
            strong.unwrap_or((
                theme.accent_strong,
                None,
                MessageId::ColourThemeAccentStrong,
            )),
        ];
        let mut errors = Vec::new();
        for (rgb, span, what) in accents {
            let mut need = |against: Rgb, span: Option<&Range<usize>>, on: MessageId| {
                let problem = too_little_contrast(rgb, against, TEXT_CONTRAST, what, on);
                if let (Some(message), Some(span)) = (problem, span) {
                    errors.push(
                        SiteError::at(
                            ErrorKind::InvalidValue,
                            &self.file,
                            &self.text,
                            span.clone(),
                            message,
                        )
                        .with_help(MessageId::ColourContrastHelp),
                    );
                }
            };
            need(theme.background, span, MessageId::ColourPageBackground);
            need(
                on_rgb,
                span.or(on.map(|c| &c.span)),
                MessageId::ColourOnAccent,
            );
        }
        errors
    }
}

/// The theme's own colours that [`Brand::check`] weighs the site's against
/// (its `--color-bg`, `--color-accent`, `--color-accent-strong` and `--color-on-accent`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ThemeColours {
    /// The page and slide background.
    pub background: Rgb,
    /// Links and buttons.
    pub accent: Rgb,
    /// The header and the title slide.
    pub accent_strong: Rgb,
    /// Text on the accents.
    pub on_accent: Rgb,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(text: &str) -> SourceFile {
        SourceFile {
            name: "content/site.toml".into(),
            text: Arc::from(text),
        }
    }

    fn brand(text: &str) -> (Brand, Vec<SiteError>) {
        #[derive(serde::Deserialize)]
        struct T {
            brand: RawBrand,
        }
        let raw: T = toml::from_str(text).unwrap();
        let mut errors = Vec::new();
        let b = Brand::convert(&source(text), Some(&raw.brand), &mut errors);
        (b, errors)
    }

    const THEME: ThemeColours = ThemeColours {
        background: Rgb(255, 255, 255),
        accent: Rgb(0, 0x5a, 0x8c),
        accent_strong: Rgb(0, 0x3f, 0x63),
        on_accent: Rgb(255, 255, 255),
    };

    #[test]
    fn a_dark_accent_passes_and_gets_a_darker_strong_shade() {
        let (b, errors) = brand("[brand]\naccent = \"#0b5ea8\"\n");
        assert!(errors.is_empty());
        assert_eq!(b.accent_strong(), Some(Rgb(8, 66, 118)));
        assert!(b.check(&THEME).is_empty());
    }

    #[test]
    fn a_pale_accent_is_refused_at_its_key() {
        let text = "[brand]\naccent = \"#7fb2e5\"\naccent_strong = \"#003f63\"\n";
        let (b, errors) = brand(text);
        assert!(errors.is_empty());
        let problems = b.check(&THEME);
        assert_eq!(problems.len(), 2, "{problems:?}");
        for p in &problems {
            assert_eq!(p.kind(), ErrorKind::InvalidValue);
            assert_eq!(p.line_col(), Some((2, 10)));
        }
    }

    #[test]
    fn a_pale_text_colour_on_a_given_strong_accent_is_refused() {
        let (b, _) = brand("[brand]\naccent_strong = \"#003f63\"\non_accent = \"#6a7b8c\"\n");
        let problems = b.check(&THEME);
        let places: Vec<_> = problems.iter().map(|p| p.line_col()).collect();
        // On the site's strong accent, and on the theme's accent (at on_accent).
        assert_eq!(places, [Some((3, 13)), Some((2, 17))], "{problems:?}");
    }

    #[test]
    fn a_pale_text_colour_on_the_themes_accents_is_refused_at_its_own_key() {
        let (b, _) = brand("[brand]\non_accent = \"#aabbcc\"\n");
        let problems = b.check(&THEME);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].line_col(), Some((2, 13)));
        let (b, _) = brand("[brand]\n");
        assert!(b.check(&THEME).is_empty());
    }

    #[test]
    fn a_colour_that_is_not_hex_is_refused_at_its_value() {
        let (b, errors) = brand("[brand]\naccent = \"blue\"\n");
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].line_col(), Some((2, 10)));
        assert!(b.is_empty());
    }
}
