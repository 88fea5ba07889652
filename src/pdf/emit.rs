//! Laid-out pages → PDF bytes, through krilla, which writes PDF/A-2a and
//! PDF/UA-1 together and refuses (at write time) what either forbids.

use krilla::action::{Action, LinkAction};
use krilla::annotation::{Annotation, LinkAnnotation, Target as KTarget};
use krilla::color::rgb;
use krilla::configure::{Accessibility, Archival, ConfigurationBuilder};
use krilla::destination::{Destination, XyzDestination};
use krilla::geom::{PathBuilder, Point, Rect, Size, Transform};
use krilla::metadata::{DateTime, Metadata};
use krilla::outline::{Outline, OutlineNode};
use krilla::page::PageSettings;
use krilla::paint::Fill;
use krilla::surface::Surface;
use krilla::tagging::{Artifact, ArtifactType, ContentTag, SpanTag};
use krilla::text::TextDirection;
use krilla::{Document, SerializeSettings};
use krilla_svg::{SurfaceExt, SvgSettings};

use crate::charts::theme::Rgb;
use crate::model::Date;

use super::layout::{Flow, Op, Target};

/// What the document says about itself (the XMP and the info dictionary).
pub(crate) struct Meta {
    /// Also the window title (PDF/UA asks viewers to show it).
    pub(crate) title: String,
    pub(crate) subject: Option<String>,
    pub(crate) lang: &'static str,
    pub(crate) author: String,
    /// The only date in the file: same input, same bytes.
    pub(crate) date: Date,
}

/// One bookmark: its text, the anchor it goes to, and the bookmarks under it.
pub(crate) struct Bookmark {
    pub(crate) title: String,
    pub(crate) anchor: usize,
    pub(crate) children: Vec<Bookmark>,
}

/// A picture of the year folder as the PDF draws it.
pub(crate) enum Drawn {
    /// PNG, JPEG or WebP, embedded as an image.
    Raster(krilla::image::Image),
    /// SVG, drawn as vectors (boxed: a tree is large beside an image's handle).
    Vector(Box<usvg::Tree>),
}

/// Writes the pages of `flow`, drawing `svgs` where the charts are and
/// `pictures` where the pictures are.
pub(crate) fn write(
    flow: Flow<'_, '_>,
    svgs: &[usvg::Tree],
    pictures: &[Drawn],
    meta: &Meta,
    bookmarks: &[Bookmark],
) -> Result<Vec<u8>, String> {
    let configuration = ConfigurationBuilder::new()
        .with_archival_validator(Archival::A2_A)
        .with_accessibility_validator(Accessibility::UA1)
        .finish()
        .map_err(|e| format!("{e:?}"))?;
    let settings = SerializeSettings {
        configuration,
        ..SerializeSettings::default()
    };
    let mut document = Document::new_with(settings);
    let fonts = flow.fonts;
    let page_box = flow.page;
    let anchors = flow.anchors;
    let destination = |anchor: usize| {
        let (page, y) = anchors.get(anchor).copied().flatten().unwrap_or((0, 0.0));
        XyzDestination::new(page, Point::from_xy(page_box.left, y))
    };
    let mut leaves = Vec::new();
    let mut annots = Vec::new();
    let size = PageSettings::from_wh(page_box.width, page_box.height)
        .ok_or("the page size is not positive")?;
    for ops in &flow.pages {
        let mut page = document.start_page_with(size.clone());
        let mut links = Vec::new();
        let mut surface = page.surface();
        for op in ops {
            match op {
                Op::Text {
                    x,
                    y,
                    size,
                    style,
                    color,
                    text,
                    lang,
                    leaf,
                } => {
                    surface.set_fill(Some(fill(*color)));
                    let tag = match leaf {
                        Some(_) => ContentTag::Span(SpanTag::empty().with_lang(*lang)),
                        None => artifact(),
                    };
                    let id = surface.start_tagged(tag);
                    surface.draw_text(
                        Point::from_xy(*x, *y),
                        fonts.font(*style),
                        *size,
                        text,
                        false,
                        TextDirection::LeftToRight,
                    );
                    surface.end_tagged();
                    if let Some(leaf) = leaf {
                        put(&mut leaves, leaf.0, id);
                    }
                }
                Op::Rect { x, y, w, h, color } => {
                    if let Some(rect) = Rect::from_xywh(*x, *y, *w, *h) {
                        surface.set_fill(Some(fill(*color)));
                        surface.start_tagged(artifact());
                        draw_rect(&mut surface, rect);
                        surface.end_tagged();
                    }
                }
                Op::Svg {
                    x,
                    y,
                    w,
                    h,
                    svg,
                    leaf,
                } => {
                    let size = Size::from_wh(*w, *h).ok_or("a chart has no size")?;
                    surface.push_transform(&Transform::from_translate(*x, *y));
                    let id = surface.start_tagged(ContentTag::Other);
                    surface
                        .draw_svg(&svgs[*svg], size, SvgSettings::default())
                        .ok_or("a chart could not be drawn")?;
                    surface.end_tagged();
                    surface.pop();
                    put(&mut leaves, leaf.0, id);
                }
                Op::Picture {
                    x,
                    y,
                    w,
                    h,
                    picture,
                    leaf,
                } => {
                    let size = Size::from_wh(*w, *h).ok_or("a picture has no size")?;
                    surface.push_transform(&Transform::from_translate(*x, *y));
                    let id = surface.start_tagged(match leaf {
                        Some(_) => ContentTag::Other,
                        None => artifact(),
                    });
                    match &pictures[*picture] {
                        Drawn::Raster(image) => surface.draw_image(image.clone(), size),
                        Drawn::Vector(tree) => {
                            surface
                                .draw_svg(tree, size, SvgSettings::default())
                                .ok_or("a picture could not be drawn")?;
                        }
                    }
                    surface.end_tagged();
                    surface.pop();
                    if let Some(leaf) = leaf {
                        put(&mut leaves, leaf.0, id);
                    }
                }
                Op::Link {
                    x,
                    y,
                    w,
                    h,
                    target,
                    annot,
                } => links.push((Rect::from_xywh(*x, *y, *w, *h), target, *annot)),
            }
        }
        surface.finish();
        for (rect, target, annot) in links {
            let Some(rect) = rect else { continue };
            let (target, alt) = match target {
                Target::Uri(uri) => (
                    KTarget::Action(Action::Link(LinkAction::new(uri.clone()))),
                    uri.clone(),
                ),
                Target::Anchor(a) => (
                    KTarget::Destination(Destination::Xyz(destination(*a))),
                    format!("#{a}"),
                ),
            };
            let id = page.add_tagged_annotation(Annotation::new_link(
                LinkAnnotation::new(rect, target),
                Some(alt),
            ));
            put(&mut annots, annot.0, id);
        }
        page.finish();
    }
    let mut outline = Outline::new();
    for b in bookmarks {
        outline.push_child(bookmark(b, &destination));
    }
    document.set_outline(outline);
    let (y, m, d) = meta.date.parts();
    let mut metadata = Metadata::new()
        .title(meta.title.clone())
        .language(meta.lang.to_string())
        .authors(vec![meta.author.clone()])
        .creator(format!("summering {}", env!("CARGO_PKG_VERSION")))
        .creation_date(DateTime::new(y).month(m).day(d));
    if let Some(subject) = &meta.subject {
        metadata = metadata.description(subject.clone());
    }
    document.set_metadata(metadata);
    document.set_tag_tree(flow.tree.into_krilla(meta.lang, leaves, annots));
    document.finish().map_err(|e| format!("{e:?}"))
}

fn bookmark(b: &Bookmark, destination: &impl Fn(usize) -> XyzDestination) -> OutlineNode {
    let mut node = OutlineNode::new(b.title.clone(), destination(b.anchor));
    for child in &b.children {
        node.push_child(bookmark(child, destination));
    }
    node
}

fn put<T>(slots: &mut Vec<Option<T>>, index: usize, value: T) {
    if slots.len() <= index {
        slots.resize_with(index + 1, || None);
    }
    slots[index] = Some(value);
}

fn fill(color: Rgb) -> Fill {
    Fill {
        paint: rgb::Color::new(color.0, color.1, color.2).into(),
        ..Fill::default()
    }
}

fn artifact() -> ContentTag<'static> {
    ContentTag::Artifact(Artifact::with_kind(ArtifactType::Page))
}

fn draw_rect(surface: &mut Surface<'_>, rect: Rect) {
    let mut path = PathBuilder::new();
    path.push_rect(rect);
    if let Some(path) = path.finish() {
        surface.draw_path(&path);
    }
}
