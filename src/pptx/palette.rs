//! The theme's colours for the deck, read from the design tokens of the
//! theme's `assets/base.css` (`--color-accent-strong: #003f63;` …), so a site
//! theme that recolours its pages recolours its PowerPoint too. A token that
//! is missing or not a `#rrggbb` value keeps the default theme's colour; the
//! `[brand]` colours of `site.toml` take the accents' place, as on the pages.

use crate::charts::theme::Rgb;
use crate::model::{Brand, SectionKind};
use crate::render::Theme;

/// The colours the masters, layouts and slides use.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Palette {
    pub(super) bg: Rgb,
    pub(super) surface: Rgb,
    pub(super) text: Rgb,
    pub(super) muted: Rgb,
    pub(super) accent: Rgb,
    pub(super) accent_strong: Rgb,
    pub(super) on_accent: Rgb,
    pub(super) border: Rgb,
    kinds: [Rgb; 4],
    /// The chart series colours (the theme's `charts.toml`).
    pub(super) series: Vec<Rgb>,
}

const DEFAULTS: [(&str, &str); 12] = [
    ("bg", "#ffffff"),
    ("surface", "#f3f6f9"),
    ("text", "#1c2430"),
    ("muted", "#4a5565"),
    ("accent", "#005a8c"),
    ("accent-strong", "#003f63"),
    ("on-accent", "#ffffff"),
    ("border", "#c5ced8"),
    ("kind-strength", "#1d6b45"),
    ("kind-focus-area", "#005a8c"),
    ("kind-development-area", "#8a4b00"),
    ("kind-way-forward", "#5b3a8c"),
];

impl Palette {
    /// The palette of `theme`, with the site's `[brand]` colours in place of its accents.
    pub(super) fn of(theme: &Theme, brand: &Brand) -> Palette {
        let get = |name: &str| {
            theme.colour_token(name).unwrap_or_else(|| {
                let default = DEFAULTS
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map_or("#000000", |d| d.1);
                Rgb::from_hex(default).unwrap_or(Rgb(0, 0, 0))
            })
        };
        Palette {
            bg: get("bg"),
            surface: get("surface"),
            text: get("text"),
            muted: get("muted"),
            accent: brand
                .accent
                .as_ref()
                .map_or_else(|| get("accent"), |c| c.rgb),
            accent_strong: brand
                .accent_strong()
                .unwrap_or_else(|| get("accent-strong")),
            on_accent: brand
                .on_accent
                .as_ref()
                .map_or_else(|| get("on-accent"), |c| c.rgb),
            border: get("border"),
            kinds: [
                get("kind-strength"),
                get("kind-focus-area"),
                get("kind-development-area"),
                get("kind-way-forward"),
            ],
            series: theme.charts.series.clone(),
        }
    }

    /// The colour of a section kind (the band and the label).
    pub(super) fn kind(&self, kind: SectionKind) -> Rgb {
        match kind {
            SectionKind::Strength => self.kinds[0],
            SectionKind::FocusArea => self.kinds[1],
            SectionKind::DevelopmentArea => self.kinds[2],
            SectionKind::WayForward => self.kinds[3],
        }
    }
}

/// `RRGGBB`, as DrawingML's `srgbClr val` wants it.
pub(super) fn hex(c: Rgb) -> String {
    format!("{:02X}{:02X}{:02X}", c.0, c.1, c.2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_read_and_a_prefix_does_not_match_a_longer_name() {
        use crate::render::theme::colour_token as token;
        let css = ":root { --color-accent-strong: #003f63; --color-accent: #005A8C; }";
        assert_eq!(token(css, "accent"), Some(Rgb(0, 0x5a, 0x8c)));
        assert_eq!(token(css, "accent-strong"), Some(Rgb(0, 0x3f, 0x63)));
        assert_eq!(token("--color-bg: white;", "bg"), None);
        assert_eq!(hex(Rgb(0, 0x3f, 0x63)), "003F63");
    }
}
