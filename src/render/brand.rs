//! The organisation's look on the pages: the `[brand]` colours of `site.toml`
//! as CSS custom properties, and the logo as an image each page links to by a
//! relative path.

use serde::Serialize;

use super::context::Text;
use crate::model::{Brand, Site};

/// `:root{…}` setting the theme's design tokens to the site's `[brand]`
/// colours, for a `<style>` after the theme's stylesheets; `None` when the
/// site sets none (the theme's colours stand).
pub(crate) fn css(brand: &Brand) -> Option<String> {
    let tokens = [
        ("accent", brand.accent.as_ref().map(|c| c.rgb)),
        ("accent-strong", brand.accent_strong()),
        ("on-accent", brand.on_accent.as_ref().map(|c| c.rgb)),
    ];
    let set: Vec<String> = tokens
        .iter()
        .filter_map(|(name, rgb)| rgb.map(|c| format!("--color-{name}:{}", c.css())))
        .collect();
    (!set.is_empty()).then(|| format!(":root{{{}}}", set.join(";")))
}

/// The logo in a page: where it is from the page, its alternative text and
/// its size in CSS px at the height the header draws it (so the page does not
/// move when it loads).
#[derive(Debug, Clone, Serialize)]
pub struct LogoView<'a> {
    /// Relative URL of the published logo (`../../assets/logo.svg`).
    pub src: String,
    /// The alternative text: the organisation's name.
    pub alt: Text<'a>,
    /// Width at [`HEADER_HEIGHT`].
    pub width: u32,
    /// [`HEADER_HEIGHT`].
    pub height: u32,
}

/// The logo's height in the page header, CSS px (`.site-logo` in style.css).
const HEADER_HEIGHT: u32 = 40;

/// The logo of `site` as seen from a page whose root is `root` (`../../`).
pub(crate) fn logo<'a>(site: &Site, root: &str, alt: Text<'a>) -> Option<LogoView<'a>> {
    site.logo.as_ref().map(|logo| LogoView {
        src: format!("{root}{}", logo.path()),
        alt,
        width: (HEADER_HEIGHT as f32 * logo.aspect()).round().max(1.0) as u32,
        height: HEADER_HEIGHT,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_brand_colour_means_no_css() {
        assert_eq!(css(&Brand::default()), None);
    }
}
