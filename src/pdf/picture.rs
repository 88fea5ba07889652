//! The year folder's pictures in a PDF, the report's and the deck's alike:
//! each read once into what krilla draws (PNG, JPEG and WebP embedded as
//! images, SVG drawn as vectors) and placed as a figure with its text
//! alternative, or as an artifact when it is decorative.

use krilla::tagging::Tag;

use crate::diagnostics::{Catalogued, ErrorKind, SiteError};
use crate::messages::{Message, MessageId};
use crate::model::Picture;
use crate::model::images::Format;

use super::emit::Drawn;
use super::layout::{Flow, Op};
use super::svg;
use super::tags::Group;

/// The pictures of one document.
#[derive(Default)]
pub(crate) struct Pictures {
    /// The pictures drawn, in the order the pages refer to them.
    drawn: Vec<Drawn>,
    /// Which picture (by its name in the year folder) each of `drawn` is.
    names: Vec<String>,
    /// The first picture that could not be read: its file, and why.
    unreadable: Option<(String, String)>,
}

impl Pictures {
    /// Draws `picture` at the flow's height, `x` points from the page's left
    /// edge and `w` × `h` points large: as a figure of `parent` with `alt` as
    /// its text alternative, or as an artifact when `alt` is blank (a
    /// decorative picture). False when the picture could not be read (the
    /// document then fails in [`Pictures::finish`]).
    pub(crate) fn place(
        &mut self,
        flow: &mut Flow<'_, '_>,
        parent: Group,
        picture: &Picture,
        alt: &str,
        options: &usvg::Options<'_>,
        at: (f32, f32, f32),
    ) -> bool {
        let Some(index) = self.read(picture, options) else {
            return false;
        };
        self.draw(flow, Some(parent), index, alt, at);
        true
    }

    /// Adds a drawing that is no picture of the year folder (the logo), to
    /// be drawn by its index with [`Pictures::draw`] or an [`Op::Picture`].
    pub(crate) fn add(&mut self, tree: usvg::Tree) -> usize {
        self.drawn.push(Drawn::Vector(Box::new(tree)));
        // No name: the year's pictures are never looked up as it.
        self.names.push(String::new());
        self.drawn.len() - 1
    }

    /// Draws picture `index` as [`Pictures::place`] does, under `parent` (the
    /// document's root when `None`).
    pub(crate) fn draw(
        &mut self,
        flow: &mut Flow<'_, '_>,
        parent: Option<Group>,
        index: usize,
        alt: &str,
        (x, w, h): (f32, f32, f32),
    ) {
        let leaf = (!alt.trim().is_empty()).then(|| {
            let figure = flow.tree.group(parent, Tag::Figure(Some(alt.to_string())));
            flow.tree.leaf(figure)
        });
        let y = flow.y;
        flow.push(Op::Picture {
            x,
            y,
            w,
            h,
            picture: index,
            leaf,
        });
    }

    /// The index of `picture` among those drawn, read the first time it is shown.
    fn read(&mut self, picture: &Picture, options: &usvg::Options<'_>) -> Option<usize> {
        if let Some(i) = self
            .names
            .iter()
            .position(|n| !n.is_empty() && n == picture.name())
        {
            return Some(i);
        }
        if self.unreadable.is_some() {
            return None;
        }
        let drawn = match picture.format() {
            Format::Svg => std::str::from_utf8(picture.bytes())
                .map_err(|e| e.to_string())
                .and_then(|text| svg::parse(text, options))
                .map(|tree| Drawn::Vector(Box::new(tree))),
            format => {
                let data = krilla::Data::from(picture.bytes().to_vec());
                match format {
                    Format::Png => krilla::image::Image::from_png(data, false),
                    Format::Jpeg => krilla::image::Image::from_jpeg(data, false),
                    _ => krilla::image::Image::from_webp(data, false),
                }
                .map(Drawn::Raster)
            }
        };
        match drawn {
            Ok(d) => {
                self.drawn.push(d);
                self.names.push(picture.name().to_string());
                Some(self.drawn.len() - 1)
            }
            Err(e) => {
                self.unreadable = Some((picture.file().to_string(), e));
                None
            }
        }
    }

    /// The pictures to draw, or the error naming the first that could not be read.
    pub(crate) fn finish(self) -> Result<Vec<Drawn>, SiteError> {
        match self.unreadable {
            Some((file, reason)) => Err(SiteError::in_file(
                ErrorKind::UnsupportedPicture,
                file,
                Message::new(MessageId::ErrorPictureNotForPdf).arg("reason", reason),
            )
            .with_help(Message::new(MessageId::ErrorPictureNotReadableHelp))),
            None => Ok(self.drawn),
        }
    }
}
