//! The pictures of the year folder on a deck's slides: each made once per
//! build into what PowerPoint reads, and placed where the HTML deck puts it.
//!
//! PNG and JPEG go in as they are, an SVG with a PNG copy ([`super::media`]).
//! PowerPoint before Microsoft 365 and python-pptx do not read WebP, so a WebP
//! picture is taken as the model decodes it ([`Picture::webp_pixels`], the
//! build's one decoding of it, which also refuses a damaged file where it is
//! shown) and written as a lossless PNG with the png crate, the same file
//! giving the same bytes. A PNG of a photo is larger than its WebP, but every
//! reader draws it, and nothing of the picture is lost twice.

use std::sync::Arc;

use crate::diagnostics::{Catalogued, ErrorKind, SiteError};
use crate::messages::{Message, MessageId};
use crate::model::Picture;
use crate::model::images::{FROM_DECK, Format, Pixels};
use crate::render::Theme;
use crate::render::slides::geometry::{IMAGE_HEIGHT, body_width};

use super::media::{Media, Placed, rasterise};
use super::package::{Package, Rels};

/// The PNG copy of an SVG picture: at most three times the largest box a
/// slide gives a picture (the body's width, [`IMAGE_HEIGHT`]), which a
/// 1920 px wide projector draws at one and a half times; twice that stays sharp.
fn svg_copy_size() -> (f32, f32) {
    (3.0 * body_width(), 3.0 * IMAGE_HEIGHT)
}

/// The media of every picture of every report, report by report in the
/// model's order; each problem names the picture's file.
pub(super) fn media(
    reports: &[crate::model::Report],
    theme: &Theme,
) -> Result<Vec<Vec<Media>>, crate::diagnostics::BuildError> {
    use rayon::prelude::*;
    let jobs: Vec<(usize, &Picture)> = reports
        .iter()
        .enumerate()
        .flat_map(|(i, r)| r.pictures.iter().map(move |p| (i, p)))
        .collect();
    let made = crate::diagnostics::BuildError::collect(
        jobs.par_iter()
            .with_max_len(1)
            .map(|&(i, p)| of(p, theme).map(|m| (i, m)))
            .collect::<Vec<_>>(),
    )?;
    let mut out: Vec<Vec<Media>> = vec![Vec::new(); reports.len()];
    for (i, m) in made {
        out[i].push(m);
    }
    Ok(out)
}

/// What PowerPoint is given for `picture`.
fn of(picture: &Picture, theme: &Theme) -> Result<Media, SiteError> {
    let (w, h) = picture.size();
    let aspect = w.max(1) as f32 / h.max(1) as f32;
    let bytes = Arc::clone(picture.bytes());
    let unreadable = |reason: String| {
        SiteError::in_file(
            ErrorKind::UnsupportedPicture,
            picture.file(),
            Message::new(MessageId::ErrorPictureNotForPptx).arg("reason", reason),
        )
        .with_help(Message::new(MessageId::ErrorPictureNotReadableHelp))
    };
    Ok(match picture.format() {
        Format::Png => Media::png(bytes, aspect),
        Format::Jpeg => Media::jpeg(bytes, aspect),
        Format::Svg => Media::svg(
            Arc::clone(&bytes),
            rasterise(&bytes, theme, svg_copy_size()).map_err(unreadable)?,
            aspect,
        ),
        Format::WebP => {
            let png = png_of(&picture.webp_pixels()?).map_err(unreadable)?;
            Media::png(Arc::from(png), aspect)
        }
    })
}

/// A WebP picture's decoded first frame as a PNG, with its alpha channel if it has one.
fn png_of(pixels: &Pixels) -> Result<Vec<u8>, String> {
    let bad = |e: png::EncodingError| e.to_string();
    let mut png = Vec::new();
    let mut encoder = png::Encoder::new(&mut png, pixels.width, pixels.height);
    encoder.set_color(if pixels.alpha {
        png::ColorType::Rgba
    } else {
        png::ColorType::Rgb
    });
    encoder.set_depth(png::BitDepth::Eight);
    let mut writer = encoder.write_header().map_err(bad)?;
    writer.write_image_data(&pixels.data).map_err(bad)?;
    writer.finish().map_err(bad)?;
    Ok(png)
}

/// The pictures one deck shows, each a media part once however many slides
/// show it, numbered in the order the deck first shows them.
pub(super) struct DeckPictures<'a> {
    pictures: &'a [Picture],
    media: &'a [Media],
    /// Indices into `pictures`, in the order the deck first shows them.
    used: Vec<usize>,
}

/// A picture as one slide shows it.
pub(super) struct Shown<'a> {
    pub(super) placed: Placed,
    pub(super) picture: &'a Picture,
}

impl<'a> DeckPictures<'a> {
    /// The deck of a report with these `pictures` and their `media` (in the same order).
    pub(super) fn new(pictures: &'a [Picture], media: &'a [Media]) -> Self {
        DeckPictures {
            pictures,
            media,
            used: Vec::new(),
        }
    }

    /// The pixel size of the picture the deck page's `src` names, if it is
    /// one of the year folder's (to lay a slide out before placing it).
    pub(super) fn size(&self, src: &str) -> Option<(u32, u32)> {
        let i = self.index(src)?;
        self.media.get(i)?;
        Some(self.pictures[i].size())
    }

    fn index(&self, src: &str) -> Option<usize> {
        self.pictures.iter().position(|p| p.url(FROM_DECK) == src)
    }

    /// The picture the deck page's `src` names, related to a slide by `rels`;
    /// `None` for an address that is no picture of the year folder.
    pub(super) fn place(&mut self, src: &str, rels: &mut Rels) -> Option<Shown<'a>> {
        let i = self.index(src)?;
        let media = self.media.get(i)?;
        let n = match self.used.iter().position(|&u| u == i) {
            Some(n) => n,
            None => {
                self.used.push(i);
                self.used.len() - 1
            }
        };
        Some(Shown {
            placed: media.relate(rels, &stem(n)),
            picture: &self.pictures[i],
        })
    }

    /// Adds the media parts of the pictures shown to the deck's package.
    pub(super) fn add_to(&self, pkg: &mut Package) {
        for (n, &i) in self.used.iter().enumerate() {
            self.media[i].add_to(pkg, &stem(n));
        }
    }
}

/// The media parts' name of the `n`th picture a deck shows (`image1`, …).
fn stem(n: usize) -> String {
    format!("image{}", n + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The pictures fixture's WebP picture, as the model has it.
    fn webp() -> Picture {
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/pictures");
        let site = crate::load_site(std::path::Path::new(root)).unwrap();
        site.reports
            .iter()
            .flat_map(|r| &r.pictures)
            .find(|p| p.format() == Format::WebP)
            .unwrap()
            .clone()
    }

    #[test]
    fn webp_becomes_the_same_png_each_time_in_its_size() {
        let picture = webp();
        let png = png_of(&picture.webp_pixels().unwrap()).unwrap();
        assert_eq!(png, png_of(&picture.webp_pixels().unwrap()).unwrap());
        let info = png::Decoder::new(std::io::Cursor::new(&png))
            .read_info()
            .unwrap();
        assert_eq!((info.info().width, info.info().height), picture.size());
    }
}
