//! The organisation's logo in a deck: its media parts ([`super::media`]),
//! shared by every slide that shows it; an SVG logo gets a PNG copy.

use std::sync::Arc;

use crate::model::{Logo, LogoFormat};
use crate::render::Theme;

use super::media::{Media, rasterise};

/// The PNG copy's height in pixels: the title slide's logo is 112 design px
/// high, and a 1920 px wide projector draws that at 168 px; twice that stays sharp.
const RASTER_HEIGHT: f32 = 336.0;
/// The PNG copy's largest width (a very wide logo gets a lower copy).
const RASTER_MAX_WIDTH: f32 = 2048.0;

/// The name of the logo's media parts (`ppt/media/logo.png`, `logo.svg`).
pub(super) const STEM: &str = "logo";

/// The media of `logo`; an SVG that resvg cannot draw is an error (usvg read
/// it already when the site was loaded, so that would be a fault here).
pub(super) fn media(logo: &Logo, theme: &Theme) -> Result<Media, String> {
    Ok(match logo.format {
        LogoFormat::Png => Media::png(Arc::clone(&logo.bytes), logo.aspect()),
        LogoFormat::Svg => Media::svg(
            Arc::clone(&logo.bytes),
            rasterise(&logo.bytes, theme, (RASTER_MAX_WIDTH, RASTER_HEIGHT))?,
            logo.aspect(),
        ),
    })
}
