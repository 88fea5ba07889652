//! The organisation's logo in a deck: one media part (two for an SVG) shared
//! by every slide that shows it, and the picture shape that shows it.
//!
//! PowerPoint draws an SVG picture from the `svgBlip` extension of Office 2016
//! and needs a PNG in the picture's own `blip` for everything older and for
//! other readers (LibreOffice, python-pptx), so an SVG logo gets a PNG copy,
//! drawn by resvg (already in the tree through krilla-svg) with the theme's
//! fonts only: the same logo gives the same PNG on every machine.

use std::sync::Arc;

use crate::model::{Logo, LogoFormat};
use crate::render::Theme;

use super::package::{Package, Rels, rel};
use super::shapes::{Ids, Rect, xfrm};
use super::xml::{self, Res, Xml};

/// The PNG copy's height in pixels: the title slide's logo is 112 design px
/// high, and a 1920 px wide projector draws that at 168 px; twice that stays sharp.
const RASTER_HEIGHT: f32 = 336.0;
/// The PNG copy's largest width (a very wide logo gets a lower copy).
const RASTER_MAX_WIDTH: f32 = 2048.0;

/// The Office 2016 extension that carries an SVG picture.
const SVG_EXT: &str = "{96DAC541-7B7A-43D3-8B79-37D633B846F1}";
const SVG_NS: &str = "http://schemas.microsoft.com/office/drawing/2016/SVG/main";

/// The logo's media parts, made once for every deck of a build.
#[derive(Debug, Clone)]
pub(super) struct Media {
    /// The PNG every reader draws: the logo itself, or the SVG's copy.
    png: Arc<[u8]>,
    /// The SVG, for PowerPoint 2016 and later.
    svg: Option<Arc<[u8]>>,
    /// Width over height.
    pub(super) aspect: f32,
}

impl Media {
    /// The parts of `logo`; an SVG that resvg cannot draw is an error (usvg read
    /// it already when the site was loaded, so that would be a fault here).
    pub(super) fn of(logo: &Logo, theme: &Theme) -> Result<Media, String> {
        let png = match logo.format {
            LogoFormat::Png => Arc::clone(&logo.bytes),
            LogoFormat::Svg => Arc::from(rasterise(&logo.bytes, theme)?),
        };
        Ok(Media {
            png,
            svg: (logo.format == LogoFormat::Svg).then(|| Arc::clone(&logo.bytes)),
            aspect: logo.aspect(),
        })
    }

    /// Adds the media parts to a deck's package.
    pub(super) fn add_to(&self, pkg: &mut Package) {
        pkg.add("ppt/media/logo.png", "image/png", self.png.to_vec());
        if let Some(svg) = &self.svg {
            pkg.add("ppt/media/logo.svg", "image/svg+xml", svg.to_vec());
        }
    }

    /// Relates a slide to the media; what [`picture`] needs to show it.
    pub(super) fn relate(&self, rels: &mut Rels) -> Placed {
        Placed {
            png: rels.add(rel::IMAGE, "../media/logo.png"),
            svg: self
                .svg
                .as_ref()
                .map(|_| rels.add(rel::IMAGE, "../media/logo.svg")),
            aspect: self.aspect,
        }
    }
}

/// The logo as one slide relates to it.
#[derive(Debug, Clone)]
pub(super) struct Placed {
    png: String,
    svg: Option<String>,
    /// Width over height.
    pub(super) aspect: f32,
}

impl Placed {
    /// The logo's box at height `h` with its top left at (`x`, `y`), no wider than `max_w`.
    pub(super) fn rect(&self, x: f32, y: f32, h: f32, max_w: f32) -> Rect {
        let w = (h * self.aspect).min(max_w);
        Rect {
            x,
            y,
            w,
            h: w / self.aspect,
        }
    }
}

/// A picture of the logo in `r`, with `descr` as its alternative text.
pub(super) fn picture(w: &mut Xml, ids: &mut Ids, logo: &Placed, r: Rect, descr: &str) -> Res {
    let id = ids.next();
    xml::el(w, "p:pic", &[], |w| {
        xml::el(w, "p:nvPicPr", &[], |w| {
            xml::empty(
                w,
                "p:cNvPr",
                &[("id", &id), ("name", "Logo"), ("descr", descr)],
            )?;
            xml::el(w, "p:cNvPicPr", &[], |w| {
                xml::empty(w, "a:picLocks", &[("noChangeAspect", "1")])
            })?;
            xml::empty(w, "p:nvPr", &[])
        })?;
        xml::el(w, "p:blipFill", &[], |w| {
            xml::el(w, "a:blip", &[("r:embed", &logo.png)], |w| {
                if let Some(svg) = &logo.svg {
                    xml::el(w, "a:extLst", &[], |w| {
                        xml::el(w, "a:ext", &[("uri", SVG_EXT)], |w| {
                            xml::empty(
                                w,
                                "asvg:svgBlip",
                                &[("xmlns:asvg", SVG_NS), ("r:embed", svg)],
                            )
                        })
                    })?;
                }
                Ok(())
            })?;
            xml::el(w, "a:stretch", &[], |w| xml::empty(w, "a:fillRect", &[]))
        })?;
        xml::el(w, "p:spPr", &[], |w| {
            xfrm(w, "a:xfrm", r)?;
            xml::el(w, "a:prstGeom", &[("prst", "rect")], |w| {
                xml::empty(w, "a:avLst", &[])
            })
        })
    })
}

/// The SVG drawn as a PNG [`RASTER_HEIGHT`] pixels high (lower for a very wide
/// logo), on a transparent ground, its text in the theme's fonts.
fn rasterise(svg: &[u8], theme: &Theme) -> Result<Vec<u8>, String> {
    let mut options = resvg::usvg::Options {
        // Images the SVG links to by path are not read (only data: URLs).
        image_href_resolver: resvg::usvg::ImageHrefResolver {
            resolve_data: resvg::usvg::ImageHrefResolver::default_data_resolver(),
            resolve_string: Box::new(|_, _| None),
        },
        ..Default::default()
    };
    let db = options.fontdb_mut();
    for (path, file) in theme.under("fonts") {
        if path.ends_with(".ttf") || path.ends_with(".otf") {
            db.load_font_data(file.bytes.to_vec());
        }
    }
    let tree = resvg::usvg::Tree::from_data(svg, &options).map_err(|e| e.to_string())?;
    let size = tree.size();
    let scale = (RASTER_HEIGHT / size.height()).min(RASTER_MAX_WIDTH / size.width());
    let (width, height) = (
        (size.width() * scale).round().max(1.0) as u32,
        (size.height() * scale).round().max(1.0) as u32,
    );
    let mut pixmap = resvg::tiny_skia::Pixmap::new(width, height)
        .ok_or_else(|| format!("cannot draw the logo at {width} × {height} px"))?;
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    pixmap.encode_png().map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn theme() -> Theme {
        Theme::load(std::path::Path::new("/nonexistent"), "default", &[]).unwrap()
    }

    #[test]
    fn an_svg_logo_gets_a_png_copy_of_the_same_shape_and_the_same_bytes_each_time() {
        let svg = br##"<svg xmlns="http://www.w3.org/2000/svg" width="300" height="100"><rect width="300" height="100" fill="#0b5ea8"/><text x="10" y="60" font-family="Noto Sans" font-size="40">NOSAM</text></svg>"##;
        let png = rasterise(svg, &theme()).unwrap();
        assert_eq!(png, rasterise(svg, &theme()).unwrap());
        let info = png::Decoder::new(std::io::Cursor::new(&png))
            .read_info()
            .unwrap();
        assert_eq!(
            (info.info().width, info.info().height),
            (1008, RASTER_HEIGHT as u32)
        );
    }

    #[test]
    fn a_wide_logo_keeps_its_shape_within_the_box() {
        let placed = Placed {
            png: "rId3".into(),
            svg: None,
            aspect: 10.0,
        };
        let r = placed.rect(0.0, 0.0, 100.0, 400.0);
        assert_eq!((r.w, r.h), (400.0, 40.0));
        let r = placed.rect(0.0, 0.0, 20.0, 400.0);
        assert_eq!((r.w, r.h), (200.0, 20.0));
    }
}
