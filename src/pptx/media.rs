//! Pictures as a deck holds them: media parts shared by every slide that shows
//! them, and the picture shape (`p:pic`) that shows one, with its alternative
//! text or marked decorative.
//!
//! PowerPoint draws an SVG picture from the `svgBlip` extension of Office 2016
//! and needs a raster image in the picture's own `blip` for everything older
//! and for other readers (LibreOffice, python-pptx), so an SVG gets a PNG copy,
//! drawn by resvg (already in the tree through krilla-svg) with the theme's
//! fonts only: the same SVG gives the same PNG on every machine.

use std::sync::Arc;

use crate::render::Theme;

use super::package::{Package, Rels, rel};
use super::shapes::{Ids, Rect, xfrm};
use super::xml::{self, Res, Xml};

/// The Office 2016 extension that carries an SVG picture.
const SVG_EXT: &str = "{96DAC541-7B7A-43D3-8B79-37D633B846F1}";
const SVG_NS: &str = "http://schemas.microsoft.com/office/drawing/2016/SVG/main";
/// The Office 2019 extension that marks a picture decorative (PowerPoint's
/// "Mark as decorative"): screen readers pass it by.
const DECORATIVE_EXT: &str = "{C183D7F6-B498-43B3-948B-1728B52AA6E4}";
const DECORATIVE_NS: &str = "http://schemas.microsoft.com/office/drawing/2017/decorative";

/// One picture's media parts, made once for every deck of a build.
#[derive(Debug, Clone)]
pub(super) struct Media {
    /// The image every reader draws: the file itself (PNG, JPEG), or a PNG copy.
    raster: Arc<[u8]>,
    /// The raster image is a JPEG (else a PNG).
    jpeg: bool,
    /// The SVG, for PowerPoint 2016 and later.
    svg: Option<Arc<[u8]>>,
    /// Width over height.
    pub(super) aspect: f32,
}

impl Media {
    /// A PNG picture.
    pub(super) fn png(bytes: Arc<[u8]>, aspect: f32) -> Media {
        Media {
            raster: bytes,
            jpeg: false,
            svg: None,
            aspect,
        }
    }

    /// A JPEG picture.
    pub(super) fn jpeg(bytes: Arc<[u8]>, aspect: f32) -> Media {
        Media {
            jpeg: true,
            ..Media::png(bytes, aspect)
        }
    }

    /// An SVG picture with its PNG copy.
    pub(super) fn svg(svg: Arc<[u8]>, png: Vec<u8>, aspect: f32) -> Media {
        Media {
            svg: Some(svg),
            ..Media::png(Arc::from(png), aspect)
        }
    }

    fn raster_name(&self, stem: &str) -> String {
        let ext = if self.jpeg { "jpeg" } else { "png" };
        format!("{stem}.{ext}")
    }

    /// Adds the media parts to a deck's package as `ppt/media/STEM.png` (or
    /// `.jpeg`) and `ppt/media/STEM.svg`.
    pub(super) fn add_to(&self, pkg: &mut Package, stem: &str) {
        let content_type = if self.jpeg { "image/jpeg" } else { "image/png" };
        pkg.add(
            format!("ppt/media/{}", self.raster_name(stem)),
            content_type,
            self.raster.to_vec(),
        );
        if let Some(svg) = &self.svg {
            pkg.add(
                format!("ppt/media/{stem}.svg"),
                "image/svg+xml",
                svg.to_vec(),
            );
        }
    }

    /// Relates a slide to the media parts named `stem`; what [`picture`] needs to show them.
    pub(super) fn relate(&self, rels: &mut Rels, stem: &str) -> Placed {
        Placed {
            raster: rels.add(rel::IMAGE, format!("../media/{}", self.raster_name(stem))),
            svg: self
                .svg
                .as_ref()
                .map(|_| rels.add(rel::IMAGE, format!("../media/{stem}.svg"))),
            aspect: self.aspect,
        }
    }
}

/// A picture's media as one slide relates to it.
#[derive(Debug, Clone)]
pub(super) struct Placed {
    raster: String,
    svg: Option<String>,
    /// Width over height.
    pub(super) aspect: f32,
}

impl Placed {
    /// The box at height `h` with its top left at (`x`, `y`), no wider than
    /// `max_w`, in the picture's shape.
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

/// A picture shape named `name` showing `placed` in `r`: with `descr` as its
/// alternative text, or marked decorative when `descr` is `None`.
pub(super) fn picture(
    w: &mut Xml,
    ids: &mut Ids,
    placed: &Placed,
    r: Rect,
    name: &str,
    descr: Option<&str>,
) -> Res {
    let id = ids.next();
    xml::el(w, "p:pic", &[], |w| {
        xml::el(w, "p:nvPicPr", &[], |w| {
            match descr {
                Some(d) => xml::empty(w, "p:cNvPr", &[("id", &id), ("name", name), ("descr", d)])?,
                None => xml::el(w, "p:cNvPr", &[("id", &id), ("name", name)], |w| {
                    xml::el(w, "a:extLst", &[], |w| {
                        xml::el(w, "a:ext", &[("uri", DECORATIVE_EXT)], |w| {
                            xml::empty(
                                w,
                                "adec:decorative",
                                &[("xmlns:adec", DECORATIVE_NS), ("val", "1")],
                            )
                        })
                    })
                })?,
            }
            xml::el(w, "p:cNvPicPr", &[], |w| {
                xml::empty(w, "a:picLocks", &[("noChangeAspect", "1")])
            })?;
            xml::empty(w, "p:nvPr", &[])
        })?;
        xml::el(w, "p:blipFill", &[], |w| {
            let blip = [("r:embed", placed.raster.as_str())];
            match &placed.svg {
                Some(svg) => xml::el(w, "a:blip", &blip, |w| {
                    xml::el(w, "a:extLst", &[], |w| {
                        xml::el(w, "a:ext", &[("uri", SVG_EXT)], |w| {
                            xml::empty(
                                w,
                                "asvg:svgBlip",
                                &[("xmlns:asvg", SVG_NS), ("r:embed", svg)],
                            )
                        })
                    })
                })?,
                None => xml::empty(w, "a:blip", &blip)?,
            }
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

/// The SVG drawn as a PNG no larger than `max` pixels (width, height), in its
/// shape, on a transparent ground, its text in the theme's fonts.
pub(super) fn rasterise(svg: &[u8], theme: &Theme, max: (f32, f32)) -> Result<Vec<u8>, String> {
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
    let scale = (max.1 / size.height()).min(max.0 / size.width());
    let (width, height) = (
        (size.width() * scale).round().max(1.0) as u32,
        (size.height() * scale).round().max(1.0) as u32,
    );
    let mut pixmap = resvg::tiny_skia::Pixmap::new(width, height)
        .ok_or_else(|| format!("cannot draw the picture at {width} × {height} px"))?;
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
    fn an_svg_gets_a_png_copy_of_the_same_shape() {
        let svg = br##"<svg xmlns="http://www.w3.org/2000/svg" width="300" height="100"><rect width="300" height="100" fill="#0b5ea8"/><text x="10" y="60" font-family="Noto Sans" font-size="40">NOSAM</text></svg>"##;
        let png = rasterise(svg, &theme(), (2048.0, 336.0)).unwrap();
        let info = png::Decoder::new(std::io::Cursor::new(&png))
            .read_info()
            .unwrap();
        assert_eq!((info.info().width, info.info().height), (1008, 336));
        // A width limit lowers the copy, in the same shape.
        let png = rasterise(svg, &theme(), (600.0, 336.0)).unwrap();
        let info = png::Decoder::new(std::io::Cursor::new(&png))
            .read_info()
            .unwrap();
        assert_eq!((info.info().width, info.info().height), (600, 200));
    }

    #[test]
    fn a_wide_picture_keeps_its_shape_within_the_box() {
        let placed = Placed {
            raster: "rId3".into(),
            svg: None,
            aspect: 10.0,
        };
        let r = placed.rect(0.0, 0.0, 100.0, 400.0);
        assert_eq!((r.w, r.h), (400.0, 40.0));
        let r = placed.rect(0.0, 0.0, 20.0, 400.0);
        assert_eq!((r.w, r.h), (200.0, 20.0));
    }

    fn shape(descr: Option<&str>, svg: bool) -> String {
        let placed = Placed {
            raster: "rId3".into(),
            svg: svg.then(|| "rId4".to_string()),
            aspect: 2.0,
        };
        let r = Rect {
            x: 0.0,
            y: 0.0,
            w: 2.0,
            h: 1.0,
        };
        let bytes =
            xml::part(|w| picture(w, &mut Ids::default(), &placed, r, "karta.png", descr)).unwrap();
        String::from_utf8(bytes).unwrap()
    }

    #[test]
    fn a_described_picture_has_its_text_and_a_decorative_one_is_marked() {
        let described = shape(Some("Karta & län"), true);
        assert!(
            described.contains(r#"<p:cNvPr id="2" name="karta.png" descr="Karta &amp; län"/>"#),
            "{described}"
        );
        assert!(!described.contains("decorative"), "{described}");
        assert!(
            described.contains(r#"<a:blip r:embed="rId3"><a:extLst><a:ext uri="{96DAC541-7B7A-43D3-8B79-37D633B846F1}"><asvg:svgBlip"#),
            "{described}"
        );
        let decorative = shape(None, false);
        assert!(!decorative.contains("descr"), "{decorative}");
        assert!(
            decorative.contains(r#"<adec:decorative xmlns:adec="http://schemas.microsoft.com/office/drawing/2017/decorative" val="1"/>"#),
            "{decorative}"
        );
        assert!(
            decorative.contains(r#"<a:blip r:embed="rId3"/>"#),
            "{decorative}"
        );
    }
}
