//! Colours as `#rrggbb` and their WCAG contrast: one definition for the chart
//! palette ([`crate::charts::ChartTheme`]), the brand colours of `site.toml`
//! ([`crate::model::Brand`]) and the PowerPoint palette, so every contrast
//! check computes the ratio the same way.

/// An sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// Parses `#rrggbb`.
    pub fn from_hex(s: &str) -> Option<Rgb> {
        let hex = s
            .strip_prefix('#')
            .filter(|h| h.len() == 6 && h.is_ascii())?;
        let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
        Some(Rgb(byte(0)?, byte(2)?, byte(4)?))
    }

    /// WCAG relative luminance.
    pub fn luminance(self) -> f64 {
        let lin = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * lin(self.0) + 0.7152 * lin(self.1) + 0.0722 * lin(self.2)
    }

    /// WCAG contrast ratio between two colours (1 to 21).
    pub fn contrast(self, other: Rgb) -> f64 {
        let (a, b) = (self.luminance(), other.luminance());
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }

    /// `#rrggbb`, as CSS writes it.
    pub fn css(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }

    /// The colour mixed with black: `part` of the way (0 to 1) towards it.
    pub fn darker(self, part: f64) -> Rgb {
        let mix = |c: u8| (f64::from(c) * (1.0 - part.clamp(0.0, 1.0))).round() as u8;
        Rgb(mix(self.0), mix(self.1), mix(self.2))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contrast_ratios_match_wcag() {
        let white = Rgb(255, 255, 255);
        assert!((Rgb(0, 0, 0).contrast(white) - 21.0).abs() < 1e-9);
        assert!((white.contrast(white) - 1.0).abs() < 1e-9);
        // #767676 on white is the well-known 4.54:1.
        assert!((Rgb::from_hex("#767676").unwrap().contrast(white) - 4.54).abs() < 0.01);
        assert!(Rgb(0x76, 0x76, 0x76).contrast(white) >= 4.5);
        assert!(Rgb(0x77, 0x77, 0x77).contrast(white) < 4.5);
    }

    #[test]
    fn colours_darken_towards_black_and_print_as_css() {
        let c = Rgb::from_hex("#0b5ea8").unwrap();
        assert_eq!(c.css(), "#0b5ea8");
        assert_eq!(c.darker(0.0), c);
        assert_eq!(c.darker(1.0), Rgb(0, 0, 0));
        assert_eq!(c.darker(0.5), Rgb(6, 47, 84));
    }
}
