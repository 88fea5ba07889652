//! Pictures: the files a year's sections show with `![text](karta.png)`,
//! checked, and where they are published.
//!
//! A picture is named in Markdown by its path in the year folder
//! (`karta.png`, `bilder/karta.png`). The build publishes each picture a
//! year uses once, at `images/YEAR/NAME` in the output (one copy for every
//! language, since a picture has no language), and every page links to it
//! from where the page is: the report page (`LANG/YEAR/index.html`) with
//! [`FROM_REPORT`], the deck and its handout (`LANG/YEAR/slides/`) with
//! [`FROM_DECK`]. The PDF and PowerPoint writers find the same file through
//! [`crate::model::Report::picture`], by the name written in the Markdown.
//!
//! What a picture must be, each checked at the `![…](…)` that shows it:
//! - a file of the year folder (not on another site, not outside the year);
//! - a file of `content/`, not a symbolic link to somewhere else on the computer;
//! - PNG, JPEG, WebP or SVG, with contents that agree with the extension, of
//!   at most [`MAX_PIXELS`]: this is the one guard for every writer, so the
//!   PDF and PowerPoint writers may decode what they get;
//! - (WebP) whole: only decoding shows that, so a WebP is decoded once, when
//!   a document of its year is made ([`Picture::webp_pixels`], before any
//!   writer gets it), and refused there at the `![…](…)` that first shows it;
//!   a build that makes no document (every page shows the file as it is)
//!   decodes nothing;
//! - described: a text alternative between the brackets, or marked
//!   decorative with the title `"dekorativ"` or `"decorative"`
//!   (`![](ram.png "dekorativ")`), which publishes `alt=""` ([`undescribed`]:
//!   `build` refuses a published year with a picture that is not, `check`
//!   reports it for every year).

use std::ops::Range;
use std::sync::Arc;

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use crate::diagnostics::{Catalogued, ErrorKind, SiteError, Warning, WarningKind};
use crate::load::images::{EXTENSIONS, RawPicture};
use crate::load::{RawSite, RawYear, SourceFile};
use crate::messages::{Message, MessageId};

/// From the report page (`LANG/YEAR/index.html`) to the output's root.
pub const FROM_REPORT: &str = "../../";
/// From the deck, its handout and presenter view (`LANG/YEAR/slides/*.html`) to the output's root.
pub const FROM_DECK: &str = "../../../";

/// A picture file larger than this gets a warning: a page should not load
/// more for one picture (1 MB; a photo saved for the web is 100–500 kB).
pub const LARGE_BYTES: usize = 1_000_000;

/// The most pixels a PNG, JPEG or WebP picture may have (40 megapixels, 160
/// MB decoded): a photo for a report is a few megapixels, while the formats
/// allow a small file to say it is a gigabyte or more once decoded, which the
/// PDF and PowerPoint writers (which decode it) must never be given.
pub const MAX_PIXELS: u64 = 40_000_000;

/// The titles that mark a picture as decorative (`![](ram.png "dekorativ")`):
/// it carries no information, so a screen reader passes it by (`alt=""`).
pub const DECORATIVE: [&str; 2] = ["dekorativ", "decorative"];

/// The formats summering publishes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Format {
    /// PNG.
    Png,
    /// JPEG.
    Jpeg,
    /// WebP.
    WebP,
    /// SVG (vector graphics).
    Svg,
}

impl Format {
    /// The format an extension (any case) stands for.
    fn of_extension(ext: &str) -> Option<Format> {
        match ext.to_ascii_lowercase().as_str() {
            "png" => Some(Format::Png),
            "jpg" | "jpeg" => Some(Format::Jpeg),
            "webp" => Some(Format::WebP),
            "svg" => Some(Format::Svg),
            _ => None,
        }
    }

    /// The name editors know it by.
    pub fn name(self) -> &'static str {
        match self {
            Format::Png => "PNG",
            Format::Jpeg => "JPEG",
            Format::WebP => "WebP",
            Format::Svg => "SVG",
        }
    }
}

/// One picture a year's sections show, checked.
#[derive(Clone, PartialEq, Eq)]
pub struct Picture {
    name: String,
    file: String,
    output: String,
    format: Format,
    bytes: Arc<[u8]>,
    /// SHA-256 of the bytes: what `Debug` shows of them.
    digest: [u8; 32],
    width: u32,
    height: u32,
    /// The `![…](…)` that shows it first, for a problem found in decoding it.
    shown: Shown,
}

/// Where a picture is first shown: a span of a Markdown file.
#[derive(Clone, PartialEq, Eq)]
struct Shown {
    file: String,
    text: Arc<str>,
    span: Range<usize>,
}

/// The bytes by their SHA-256, not one by one: the PDF cache keys a report by
/// its `Debug` text (so a changed picture gives a new key), and a picture of
/// megabytes written out as numbers would be most of the build.
impl std::fmt::Debug for Picture {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let digest: String = self.digest.iter().map(|b| format!("{b:02x}")).collect();
        f.debug_struct("Picture")
            .field("name", &self.name)
            .field("file", &self.file)
            .field("output", &self.output)
            .field("format", &self.format)
            .field("len", &self.bytes.len())
            .field("sha256", &digest)
            .field("size", &(self.width, self.height))
            .finish()
    }
}

impl Picture {
    /// The path in the year folder, as Markdown names it (`bilder/karta.png`).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The file, relative to the site root (`content/2021/bilder/karta.png`), for messages.
    pub fn file(&self) -> &str {
        &self.file
    }

    /// Where it is published, relative to the output folder (`images/2021/bilder/karta.png`).
    pub fn output(&self) -> &str {
        &self.output
    }

    /// Its format.
    pub fn format(&self) -> Format {
        self.format
    }

    /// The file's bytes, published as they are.
    pub fn bytes(&self) -> &Arc<[u8]> {
        &self.bytes
    }

    /// Width and height in pixels (for an SVG, in its own units).
    pub fn size(&self) -> (u32, u32) {
        (self.width, self.height)
    }

    /// A WebP picture's first frame, decoded whole: the one decoding of it
    /// in a build, before any writer gets it (see the module's list). A file
    /// cut short or damaged is refused at the `![…](…)` that first shows it.
    pub fn webp_pixels(&self) -> Result<Pixels, SiteError> {
        debug_assert_eq!(self.format, Format::WebP);
        webp_whole(&self.bytes).map_err(|problem| {
            let shown = &self.shown;
            let at = |kind, message: Message| {
                SiteError::at(kind, &shown.file, &shown.text, shown.span.clone(), message)
            };
            refusal_error(&at, webp_refusal(&self.file, problem))
        })
    }

    /// The `src` of the picture on a page `base` below the output's root
    /// ([`FROM_REPORT`], [`FROM_DECK`]), each part of the path percent-encoded.
    pub fn url(&self, base: &str) -> String {
        use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
        const KEEP: &AsciiSet = &NON_ALPHANUMERIC
            .remove(b'-')
            .remove(b'_')
            .remove(b'.')
            .remove(b'~');
        let mut url = base.to_string();
        for (i, part) in self.output.split('/').enumerate() {
            if i > 0 {
                url.push('/');
            }
            url.extend(utf8_percent_encode(part, KEEP));
        }
        url
    }
}

/// The pictures a text may show and the page it is shown on, for the
/// Markdown renderer ([`crate::model::markdown::render`]).
#[derive(Debug, Clone, Copy)]
pub struct PictureLinks<'a> {
    pictures: &'a [Picture],
    base: &'static str,
    block_height: Option<f32>,
}

impl<'a> PictureLinks<'a> {
    /// No pictures (a text that shows none, or a test).
    pub const NONE: PictureLinks<'static> = PictureLinks {
        pictures: &[],
        base: FROM_REPORT,
        block_height: None,
    };

    /// The report page's links to `pictures` (a year's, sorted by name).
    pub fn report(pictures: &'a [Picture]) -> Self {
        PictureLinks {
            pictures,
            base: FROM_REPORT,
            block_height: None,
        }
    }

    /// The links from a deck page or its speaker notes (handout, presenter
    /// view). On a slide, `block_height` is the height (design px) the
    /// pictures of one block share (see [`shares`]), as the slide fitting
    /// measures them; `None` for the notes.
    pub fn deck(pictures: &'a [Picture], block_height: Option<f32>) -> Self {
        PictureLinks {
            pictures,
            base: FROM_DECK,
            block_height,
        }
    }

    /// The picture a Markdown destination names, if it is one of these.
    pub fn find(&self, dest: &str) -> Option<&'a Picture> {
        let Destination::File(name) = destination(dest) else {
            return None;
        };
        find(self.pictures, &name)
    }

    /// The `src` of `picture` from the page these links are for.
    pub fn url(&self, picture: &Picture) -> String {
        picture.url(self.base)
    }

    /// On a slide, the height the pictures of one block share.
    pub fn block_height(&self) -> Option<f32> {
        self.block_height
    }
}

/// For each outermost picture of `events` (not one inside another's text),
/// how many pictures its block has: the pictures between two block starts
/// or ends (a paragraph, a heading, an item's own text, a table cell …) share
/// the block's picture height on a slide, so that a block's pictures never
/// take more than one picture's height, however many it has. The slide
/// fitting measures blocks with the same rule.
pub fn shares(events: &[Event<'_>]) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::new();
    let (mut block_start, mut depth) = (0usize, 0usize);
    let end_block = |out: &mut Vec<usize>, start: &mut usize| {
        let n = out.len() - *start;
        out[*start..].iter_mut().for_each(|s| *s = n);
        *start = out.len();
    };
    for event in events {
        match event {
            Event::Start(Tag::Image { .. }) => {
                if depth == 0 {
                    out.push(0);
                }
                depth += 1;
            }
            Event::End(TagEnd::Image) => depth = depth.saturating_sub(1),
            e if depth == 0 && is_block_boundary(e) => end_block(&mut out, &mut block_start),
            _ => {}
        }
    }
    end_block(&mut out, &mut block_start);
    out
}

/// True for the events that start or end a block (everything but inline
/// markup: emphasis, links, pictures …), and a thematic break.
pub fn is_block_boundary(event: &Event<'_>) -> bool {
    match event {
        Event::Start(tag) => !matches!(
            tag,
            Tag::Emphasis
                | Tag::Strong
                | Tag::Strikethrough
                | Tag::Superscript
                | Tag::Subscript
                | Tag::Link { .. }
                | Tag::Image { .. }
        ),
        Event::End(end) => !matches!(
            end,
            TagEnd::Emphasis
                | TagEnd::Strong
                | TagEnd::Strikethrough
                | TagEnd::Superscript
                | TagEnd::Subscript
                | TagEnd::Link
                | TagEnd::Image
        ),
        Event::Rule => true,
        _ => false,
    }
}

fn find<'p>(pictures: &'p [Picture], name: &str) -> Option<&'p Picture> {
    pictures
        .binary_search_by(|p| p.name.as_str().cmp(name))
        .ok()
        .map(|i| &pictures[i])
}

/// True when a picture's title marks it decorative ([`DECORATIVE`]).
pub fn is_decorative(title: &str) -> bool {
    let t = title.trim();
    DECORATIVE.iter().any(|d| t.eq_ignore_ascii_case(d))
}

/// What a Markdown picture's destination points at.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Destination {
    /// A scheme the renderer drops (`javascript:` …): not a picture at all.
    Dropped,
    /// Another site (`https://…`, `//…`).
    Elsewhere,
    /// A path from the site's root (`/bild.png`) or out of the year folder (`../x.png`).
    Outside,
    /// A path in the year folder, decoded and without `./` (`bilder/karta.png`).
    File(String),
    /// A `%` escape that is not one.
    Malformed,
}

fn destination(dest: &str) -> Destination {
    let dest = dest.trim();
    if !super::markdown::is_safe_url(dest) {
        return Destination::Dropped;
    }
    let scheme = dest
        .split_once(':')
        .is_some_and(|(s, _)| !s.contains(['/', '?', '#']));
    if scheme || dest.starts_with("//") {
        return Destination::Elsewhere;
    }
    if dest.starts_with('/') || dest.starts_with('\\') {
        return Destination::Outside;
    }
    let Ok(decoded) = percent_encoding::percent_decode_str(dest).decode_utf8() else {
        return Destination::Malformed;
    };
    let mut parts = Vec::new();
    for part in decoded.split('/') {
        match part {
            "" | "." => {}
            ".." => return Destination::Outside,
            p => parts.push(p),
        }
    }
    Destination::File(parts.join("/"))
}

/// One `![…](…)` of a Markdown text, where it is written.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Use {
    span: Range<usize>,
    dest: String,
    alt: String,
    title: String,
}

/// The pictures `markdown` shows (not those inside another's text), in order.
fn uses(markdown: &str) -> Vec<Use> {
    // Every picture is written with `![`: most texts have none.
    if !markdown.contains("![") {
        return Vec::new();
    }
    let mut out: Vec<Use> = Vec::new();
    let mut depth = 0usize;
    for (event, range) in Parser::new_ext(markdown, super::markdown::options()).into_offset_iter() {
        match event {
            Event::Start(Tag::Image {
                dest_url, title, ..
            }) => {
                if depth == 0 {
                    out.push(Use {
                        span: range,
                        dest: dest_url.to_string(),
                        alt: String::new(),
                        title: title.to_string(),
                    });
                }
                depth += 1;
            }
            Event::End(TagEnd::Image) => depth = depth.saturating_sub(1),
            Event::Text(t) | Event::Code(t) if depth > 0 => {
                if let Some(u) = out.last_mut() {
                    u.alt.push_str(&t);
                }
            }
            _ => {}
        }
    }
    out
}

/// A Markdown text and where it is, for [`resolve`].
pub(super) struct Text<'a> {
    /// The file it is in.
    pub(super) source: &'a SourceFile,
    /// The Markdown.
    pub(super) markdown: &'a str,
    /// Where it starts in the file.
    pub(super) offset: usize,
}

impl Text<'_> {
    /// A problem with the picture `u` of this text, at the `![…](…)`.
    fn error(&self, u: &Use, kind: ErrorKind, message: Message) -> SiteError {
        self.source.error_at(kind, self.span(u), message)
    }

    /// Where the picture `u` of this text is written in its file.
    fn span(&self, u: &Use) -> Range<usize> {
        self.offset + u.span.start..self.offset + u.span.end
    }
}

/// The pictures of `files` (a year folder's) that `texts` show, checked and
/// sorted by name; every problem, at the `![…](…)` it concerns, goes to `errors`.
pub(super) fn resolve(
    year: u16,
    files: &[RawPicture],
    texts: &[Text<'_>],
    errors: &mut Vec<SiteError>,
) -> Vec<Picture> {
    let mut pictures: Vec<Picture> = Vec::new();
    let mut refused: Vec<&str> = Vec::new();
    for text in texts {
        for u in uses(text.markdown) {
            let at = |kind, message: Message| text.error(&u, kind, message);
            let name = match destination(&u.dest) {
                Destination::Dropped => continue,
                Destination::File(name) => name,
                Destination::Elsewhere => {
                    errors.push(
                        at(
                            ErrorKind::MissingPicture,
                            MessageId::PictureElsewhere.into(),
                        )
                        .with_label(MessageId::PictureElsewhereLabel)
                        .with_help(MessageId::PictureElsewhereHelp.arg("year", year)),
                    );
                    continue;
                }
                Destination::Outside | Destination::Malformed => {
                    errors.push(
                        at(ErrorKind::MissingPicture, MessageId::PictureOutside.into())
                            .with_label(MessageId::PictureOutsideLabel)
                            .with_help(MessageId::PictureOutsideHelp.arg("year", year)),
                    );
                    continue;
                }
            };
            let format = name
                .rsplit_once('.')
                .and_then(|(_, ext)| Format::of_extension(ext));
            let Some(format) = format else {
                let accepted = EXTENSIONS.map(|e| format!(".{e}")).join(", ");
                errors.push(
                    at(
                        ErrorKind::UnsupportedPicture,
                        MessageId::PictureFormat.into(),
                    )
                    .with_label(MessageId::PictureFormatLabel)
                    .with_help(MessageId::PictureFormatHelp.arg("accepted", accepted)),
                );
                continue;
            };
            if find(&pictures, &name).is_some() || refused.contains(&name.as_str()) {
                continue;
            }
            let Some(raw) = files.iter().find(|f| f.name == name) else {
                let similar = files.iter().find(|f| f.name.eq_ignore_ascii_case(&name));
                let help = match similar {
                    Some(f) => MessageId::PictureCase.arg("name", &f.name),
                    None => MessageId::PictureMissingHelp
                        .arg("name", &name)
                        .arg("year", year),
                };
                errors.push(
                    at(
                        ErrorKind::MissingPicture,
                        MessageId::PictureMissing
                            .arg("name", &name)
                            .arg("year", year),
                    )
                    .with_label(MessageId::PictureMissingLabel)
                    .with_help(help),
                );
                continue;
            };
            if raw.linked_outside {
                errors.push(
                    at(
                        ErrorKind::MissingPicture,
                        MessageId::PictureLinkOutside.arg("file", &raw.file),
                    )
                    .with_label(MessageId::PictureLinkOutsideLabel)
                    .with_help(MessageId::PictureLinkOutsideHelp.arg("file", &raw.file)),
                );
                refused.push(&raw.name);
                continue;
            }
            let shown = Shown {
                file: text.source.name.clone(),
                text: Arc::clone(&text.source.text),
                span: text.span(&u),
            };
            match checked(raw, format, year, shown) {
                Ok(p) => {
                    let at = pictures.partition_point(|q| q.name < p.name);
                    pictures.insert(at, p);
                }
                Err(refusal) => {
                    errors.push(refusal_error(&at, refusal));
                    refused.push(&raw.name);
                }
            }
        }
    }
    pictures
}

/// The pictures of the site's Markdown (of its published years, and of the
/// drafts too `with_drafts`) that are not described: no text alternative and
/// not marked decorative, or marked decorative and described at once (which
/// one is meant is the editor's to say). Like a `{{placeholder}}`, such a
/// picture stops `build` of a published year and is reported by `check`, but
/// does not stop the preview of a text being written.
pub fn undescribed(raw: &RawSite, with_drafts: bool) -> Vec<SiteError> {
    let mut errors = Vec::new();
    for year in &raw.years {
        if !with_drafts && year.report.as_ref().is_some_and(|r| r.value.draft) {
            continue;
        }
        for text in texts(year) {
            for u in uses(text.markdown) {
                if destination(&u.dest) == Destination::Dropped {
                    continue;
                }
                let at = |kind, message: Message| text.error(&u, kind, message);
                alt_problem(&u, &at, &mut errors);
            }
        }
    }
    errors
}

/// Every Markdown text of a year, section texts and speaker notes.
pub(super) fn texts(raw: &RawYear) -> Vec<Text<'_>> {
    let mut out = Vec::new();
    for s in &raw.sections {
        out.push(Text {
            source: &s.source,
            markdown: &s.body,
            offset: s.body_offset,
        });
        if let Some((notes, at)) = &s.notes {
            out.push(Text {
                source: &s.source,
                markdown: notes,
                offset: *at,
            });
        }
    }
    out
}

/// The problem with a picture's text alternative, if it has one: none at all
/// (and not marked decorative), or one on a picture marked decorative.
fn alt_problem(u: &Use, at: &dyn Fn(ErrorKind, Message) -> SiteError, errors: &mut Vec<SiteError>) {
    let described = !u.alt.trim().is_empty();
    if is_decorative(&u.title) && described {
        errors.push(
            at(
                ErrorKind::InvalidValue,
                MessageId::PictureDecorativeDescribed.into(),
            )
            .with_label(MessageId::PictureDecorativeDescribedLabel)
            .with_help(MessageId::PictureDecorativeDescribedHelp.arg("title", u.title.trim())),
        );
    } else if !described && !is_decorative(&u.title) {
        errors.push(
            at(ErrorKind::MissingAltText, MessageId::PictureNoAlt.into())
                .with_label(MessageId::PictureNoAltLabel)
                .with_help(MessageId::PictureNoAltHelp),
        );
    }
}

/// A warning for every published picture over [`LARGE_BYTES`], in report
/// order (newest first): each page that shows it makes readers load it all.
pub(crate) fn warnings(site: &super::Site) -> Vec<Warning> {
    let mut out = Vec::new();
    for p in site.reports.iter().flat_map(|r| &r.pictures) {
        let len = p.bytes.len();
        if len > LARGE_BYTES {
            out.push(Warning {
                kind: WarningKind::LargePicture,
                file: p.file.clone(),
                message: Message::new(MessageId::WarnLargePicture)
                    .decimal("mb", len as f64 / 1_000_000.0, 1)
                    .arg("width", p.width)
                    .arg("height", p.height)
                    .into(),
            });
        }
    }
    out
}

/// Why a picture file cannot be published, and what the editor can do.
struct Refusal {
    message: Message,
    help: Message,
}

/// The error for `refusal`, placed by `at` (at a `![…](…)`).
fn refusal_error(at: &dyn Fn(ErrorKind, Message) -> SiteError, refusal: Refusal) -> SiteError {
    at(ErrorKind::UnsupportedPicture, refusal.message)
        .with_label(MessageId::PictureDamagedLabel)
        .with_help(refusal.help)
}

/// A picture that is not what its format says: damaged, cut short or empty.
fn damaged(file: &str, format: Format) -> Refusal {
    Refusal {
        message: MessageId::PictureDamaged
            .arg("file", file)
            .arg("format", format.name()),
        help: damaged_help(file, format),
    }
}

fn damaged_help(file: &str, format: Format) -> Message {
    MessageId::PictureDamagedHelp
        .arg("file", file)
        .arg("format", format.name())
}

/// A picture of more than [`MAX_PIXELS`].
fn too_many_pixels(file: &str, width: u32, height: u32) -> Refusal {
    Refusal {
        message: MessageId::PictureTooManyPixels
            .arg("file", file)
            .arg("width", width)
            .arg("height", height)
            .arg("max", MAX_PIXELS / 1_000_000),
        help: MessageId::PictureTooManyPixelsHelp.into(),
    }
}

/// What is wrong with the WebP picture `file`, for its editor.
fn webp_refusal(file: &str, problem: WebpProblem) -> Refusal {
    match problem {
        WebpProblem::TooManyPixels(w, h) => too_many_pixels(file, w, h),
        WebpProblem::Broken => damaged(file, Format::WebP),
    }
}

/// `raw` as a [`Picture`], first shown at `shown`, when its contents are a
/// picture of `format` of at most [`MAX_PIXELS`] (what every writer may then
/// decode; a WebP's data is decoded later, see [`Picture::webp_pixels`]), or
/// what is wrong.
fn checked(raw: &RawPicture, format: Format, year: u16, shown: Shown) -> Result<Picture, Refusal> {
    let refused = |message: Message| Refusal {
        message,
        help: damaged_help(&raw.file, format),
    };
    let (width, height) = match format {
        Format::Svg => svg_size(&raw.bytes).map_err(|why| refused(why.arg("file", &raw.file)))?,
        _ => {
            let expected = match format {
                Format::Png => imagesize::ImageType::Png,
                Format::Jpeg => imagesize::ImageType::Jpeg,
                _ => imagesize::ImageType::Webp,
            };
            let found = imagesize::image_type(&raw.bytes).ok();
            if found != Some(expected) {
                return Err(refused(
                    MessageId::PictureNotWhatItSays
                        .arg("file", &raw.file)
                        .arg("format", format.name()),
                ));
            }
            let size = imagesize::blob_size(&raw.bytes).map_err(|_| damaged(&raw.file, format))?;
            (
                u32::try_from(size.width).unwrap_or(u32::MAX),
                u32::try_from(size.height).unwrap_or(u32::MAX),
            )
        }
    };
    if width == 0 || height == 0 {
        return Err(refused(MessageId::PictureNoSize.arg("file", &raw.file)));
    }
    if format != Format::Svg && u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(too_many_pixels(&raw.file, width, height));
    }
    if format == Format::WebP {
        webp_decoder(&raw.bytes).map_err(|e| webp_refusal(&raw.file, e))?;
    }
    Ok(Picture {
        name: raw.name.clone(),
        file: raw.file.clone(),
        output: format!("images/{year}/{}", raw.name),
        format,
        bytes: Arc::clone(&raw.bytes),
        digest: <sha2::Sha256 as sha2::Digest>::digest(&raw.bytes[..]).into(),
        width,
        height,
        shown,
    })
}

/// What decoding a WebP picture found wrong.
#[derive(Debug, PartialEq)]
enum WebpProblem {
    /// Its image data is larger than [`MAX_PIXELS`] (width, height), whatever its header said.
    TooManyPixels(u32, u32),
    /// Truncated or damaged: the image data does not decode.
    Broken,
}

/// A WebP picture's first frame, decoded: 8 bits a channel, RGB or RGBA.
#[derive(Debug)]
pub struct Pixels {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// Whether there is an alpha channel (RGBA rather than RGB).
    pub alpha: bool,
    /// The pixels, row by row.
    pub data: Vec<u8>,
}

/// image-webp's decoder over a picture's bytes in memory.
type WebpDecoder<'b> = image_webp::WebPDecoder<std::io::Cursor<&'b [u8]>>;

/// A decoder over a WebP picture whose headers it has read, and the bytes
/// its first frame takes decoded: refused when that is over [`MAX_PIXELS`],
/// whatever the outer header said. Only the headers are read, which the
/// model does for every WebP.
fn webp_decoder(bytes: &[u8]) -> Result<(WebpDecoder<'_>, usize), WebpProblem> {
    let decoder = image_webp::WebPDecoder::new(std::io::Cursor::new(bytes))
        .map_err(|_| WebpProblem::Broken)?;
    let (width, height) = decoder.dimensions();
    if u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(WebpProblem::TooManyPixels(width, height));
    }
    let size = decoder
        .output_buffer_size()
        .ok_or(WebpProblem::TooManyPixels(width, height))?;
    Ok((decoder, size))
}

/// Decodes a WebP picture's first frame, so that a truncated or damaged file
/// is refused at the Markdown that shows it, not in a writer that names only
/// the file. Only the header tells the size, so a broken WebP is found by
/// decoding; PNG and JPEG readers show what they can of a cut file.
fn webp_whole(bytes: &[u8]) -> Result<Pixels, WebpProblem> {
    let (mut decoder, size) = webp_decoder(bytes)?;
    let (width, height) = decoder.dimensions();
    let mut data = vec![0; size];
    decoder
        .read_image(&mut data)
        .map_err(|_| WebpProblem::Broken)?;
    Ok(Pixels {
        width,
        height,
        alpha: decoder.has_alpha(),
        data,
    })
}

/// The size of an SVG picture, or why it cannot be published: it must be
/// an SVG document, and hold no script (a browser runs the scripts of an SVG
/// opened on its own, with the site's rights).
fn svg_size(bytes: &[u8]) -> Result<(u32, u32), Message> {
    let text =
        std::str::from_utf8(bytes).map_err(|_| Message::new(MessageId::PictureSvgNotUtf8))?;
    let lower = text.to_ascii_lowercase();
    let handler = lower.match_indices(" on").any(|(i, _)| {
        let rest = &lower[i + 3..];
        let len = rest.chars().take_while(char::is_ascii_alphabetic).count();
        len > 0 && rest[len..].trim_start().starts_with('=')
    });
    if lower.contains("<script") || lower.contains("javascript:") || handler {
        return Err(Message::new(MessageId::PictureSvgScript));
    }
    let tree = usvg::Tree::from_str(text, &usvg::Options::default())
        .map_err(|e| MessageId::PictureSvgUnreadable.arg("error", e))?;
    let size = tree.size();
    Ok((size.width().ceil() as u32, size.height().ceil() as u32))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn destinations() {
        assert_eq!(
            destination("karta.png"),
            Destination::File("karta.png".into())
        );
        assert_eq!(
            destination("./bilder//karta.png"),
            Destination::File("bilder/karta.png".into())
        );
        assert_eq!(
            destination("Karta%20%C3%B6ver.png"),
            Destination::File("Karta över.png".into())
        );
        assert_eq!(
            destination("https://example.org/a.png"),
            Destination::Elsewhere
        );
        assert_eq!(destination("//example.org/a.png"), Destination::Elsewhere);
        assert_eq!(destination("/v"), Destination::Outside);
        assert_eq!(destination("../2020/karta.png"), Destination::Outside);
        assert_eq!(destination("javascript:alert(1)"), Destination::Dropped);
        assert_eq!(destination("%ff.png"), Destination::Malformed);
    }

    #[test]
    fn uses_are_the_outermost_pictures_with_their_text() {
        let md = "Se ![a ![b](/u) `c`](/v \"t\") och ![](x.png \"dekorativ\")\n";
        let found = uses(md);
        assert_eq!(found.len(), 2);
        assert_eq!(&md[found[0].span.clone()], "![a ![b](/u) `c`](/v \"t\")");
        assert_eq!(
            (found[0].dest.as_str(), found[0].alt.as_str()),
            ("/v", "a b c")
        );
        assert_eq!(found[1].title, "dekorativ");
        assert!(uses("ingen bild här").is_empty());
    }

    #[test]
    fn pictures_of_a_block_share_it() {
        let md = "![a](a.png) ![b](b.png)\n\n- ![c](c.png) text\n  - ![d ![e](e.png)](d.png)\n\n| ![f](f.png) | ![g](g.png) ![h](h.png) |\n|---|---|\n";
        let events: Vec<Event<'_>> =
            Parser::new_ext(md, super::super::markdown::options()).collect();
        assert_eq!(shares(&events), [2, 2, 1, 1, 1, 2, 2]);
    }

    #[test]
    fn decorative_titles() {
        assert!(is_decorative("dekorativ"));
        assert!(is_decorative(" Decorative "));
        assert!(!is_decorative("dekoration"));
        assert!(!is_decorative(""));
    }

    #[test]
    fn urls_are_encoded_part_by_part() {
        let p = Picture {
            name: "bilder/Karta över.png".into(),
            file: String::new(),
            output: "images/2021/bilder/Karta över.png".into(),
            format: Format::Png,
            bytes: Arc::from(Vec::new()),
            digest: [0; 32],
            width: 1,
            height: 1,
            shown: Shown {
                file: String::new(),
                text: Arc::from(""),
                span: 0..0,
            },
        };
        assert!(format!("{p:?}").contains("sha256: \"0000"), "{p:?}");
        assert_eq!(
            p.url(FROM_REPORT),
            "../../images/2021/bilder/Karta%20%C3%B6ver.png"
        );
    }

    #[test]
    fn a_webp_is_read_to_its_headers_by_the_model_and_decoded_whole_once_asked() {
        let whole = std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/pictures/content/2021/bilder/ram.webp"
        ))
        .unwrap();
        let pixels = webp_whole(&whole).unwrap();
        let channels = if pixels.alpha { 4 } else { 3 };
        assert_eq!(
            pixels.data.len(),
            (pixels.width * pixels.height * channels) as usize
        );
        // Cut short: the headers are whole, the image data is not.
        let cut = &whole[..whole.len() / 2];
        assert!(webp_decoder(cut).is_ok(), "only the headers are read");
        assert_eq!(webp_whole(cut).err(), Some(WebpProblem::Broken));
    }

    #[test]
    fn svg_with_scripts_is_refused() {
        let ok = br#"<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20"/></svg>"#;
        assert_eq!(svg_size(ok), Ok((40, 20)));
        let script = br#"<svg xmlns="http://www.w3.org/2000/svg" width="4" height="2"><script>alert(1)</script></svg>"#;
        assert!(svg_size(script).is_err());
        let handler = br#"<svg xmlns="http://www.w3.org/2000/svg" width="4" height="2" onload="alert(1)"></svg>"#;
        assert!(svg_size(handler).is_err());
        assert!(svg_size(b"not svg").is_err());
    }
}
