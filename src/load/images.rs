//! The picture files of a year folder, read so that the model can check the
//! pictures the sections show and the output can publish them.
//!
//! A picture lies beside the section files (`content/2021/karta.png`) or in a
//! folder under the year (`content/2021/bilder/karta.png`, up to
//! [`MAX_DEPTH`] folders down). Every file whose extension is one summering
//! publishes ([`EXTENSIONS`]) is read, used or not: which ones are used is
//! for the model to say, from the Markdown. Other files are left alone.

use std::path::Path;
use std::sync::Arc;

use super::{Entry, EntryKind, display, file_name, limits, sorted_entries};
use crate::diagnostics::{Catalogued, ErrorKind, IoAction, SiteError};
use crate::messages::MessageId;

/// The extensions (any case) of the picture formats summering publishes:
/// PNG, JPEG, WebP and SVG, the ones every browser, PDF reader and
/// PowerPoint shows.
pub const EXTENSIONS: [&str; 5] = ["png", "jpg", "jpeg", "webp", "svg"];

/// How many folders below the year folder pictures are looked for.
pub const MAX_DEPTH: usize = 3;

/// The largest picture file read, 16 MiB: a photo straight from a camera is
/// smaller; a larger file is surely not meant for a web page.
pub const MAX_PICTURE_BYTES: u64 = 16 * 1024 * 1024;

/// One picture file of a year folder, as read.
#[derive(Debug, Clone)]
pub struct RawPicture {
    /// The path below the year folder, `/`-separated, as Markdown names it
    /// (`karta.png`, `bilder/karta.png`).
    pub name: String,
    /// The path relative to the site root, for messages (`content/2021/karta.png`).
    pub file: String,
    /// The file's bytes.
    pub bytes: Arc<[u8]>,
    /// True when the file is (or lies in a folder that is) a symbolic link
    /// to somewhere outside `content/`: publishing it would publish a file
    /// from elsewhere on the computer, so the model refuses it where it is used.
    pub linked_outside: bool,
}

/// True when `name` ends in one of [`EXTENSIONS`].
pub fn has_picture_extension(name: &str) -> bool {
    name.rsplit_once('.')
        .is_some_and(|(_, ext)| EXTENSIONS.iter().any(|e| ext.eq_ignore_ascii_case(e)))
}

/// The pictures among `entries` (the listing of the year folder `dir`) and in
/// the folders below it, in name order; problems reading them go to `errors`.
pub(super) fn read(root: &Path, entries: &[Entry], errors: &mut Vec<SiteError>) -> Vec<RawPicture> {
    let mut out = Vec::new();
    // Resolved once: each picture's own resolved path must lie under it.
    let content = std::fs::canonicalize(root.join("content")).ok();
    let ctx = Ctx {
        root,
        content: content.as_deref(),
    };
    collect(&ctx, entries, "", 0, &mut out, errors);
    out.sort_by(|a, b| a.name.cmp(&b.name));
    out
}

/// The site root and its resolved `content/` folder, for [`collect`].
struct Ctx<'a> {
    root: &'a Path,
    content: Option<&'a Path>,
}

fn collect(
    ctx: &Ctx<'_>,
    entries: &[Entry],
    prefix: &str,
    depth: usize,
    out: &mut Vec<RawPicture>,
    errors: &mut Vec<SiteError>,
) {
    for Entry { path, kind } in entries {
        let name = file_name(path);
        if name.starts_with('.') {
            continue;
        }
        match kind {
            EntryKind::Dir if depth < MAX_DEPTH => match sorted_entries(path) {
                Ok(inner) => collect(
                    ctx,
                    &inner,
                    &format!("{prefix}{name}/"),
                    depth + 1,
                    out,
                    errors,
                ),
                Err(e) => errors.push(e),
            },
            EntryKind::File if has_picture_extension(&name) => {
                if let Some(p) = read_picture(ctx, path, format!("{prefix}{name}"), errors) {
                    out.push(p);
                }
            }
            _ => {}
        }
    }
}

fn read_picture(
    ctx: &Ctx<'_>,
    path: &Path,
    name: String,
    errors: &mut Vec<SiteError>,
) -> Option<RawPicture> {
    let file = display(ctx.root, path);
    match limits::read_regular_up_to(path, MAX_PICTURE_BYTES) {
        Ok(bytes) => Some(RawPicture {
            name,
            file,
            bytes: Arc::from(bytes),
            linked_outside: !inside(ctx.content, path),
        }),
        Err(limits::ReadError::TooLarge(len)) => {
            errors.push(
                SiteError::in_file(
                    ErrorKind::TooLarge,
                    &file,
                    MessageId::PictureTooLarge
                        .count("mib", len.div_ceil(1024 * 1024))
                        .count("max", MAX_PICTURE_BYTES / (1024 * 1024)),
                )
                .with_help(MessageId::PictureTooLargeHelp),
            );
            None
        }
        Err(limits::ReadError::NotAFile(what)) => {
            errors.push(
                SiteError::in_file(
                    ErrorKind::NotAFile,
                    &file,
                    MessageId::LoadNotAFile.message("what", what),
                )
                .with_help(MessageId::PictureNotAFileHelp),
            );
            None
        }
        Err(limits::ReadError::Io(e)) => {
            errors.push(
                SiteError::in_file(ErrorKind::Io, &file, IoAction::ReadFile.failed(&e))
                    .with_help(MessageId::LoadReadHelp),
            );
            None
        }
    }
}

/// True when `path`, its links resolved, lies in `content` (the resolved
/// `content/` folder); false when either cannot be resolved.
fn inside(content: Option<&Path>, path: &Path) -> bool {
    match (content, std::fs::canonicalize(path)) {
        (Some(content), Ok(real)) => real.starts_with(content),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picture_extensions_in_any_case() {
        for name in ["karta.png", "Foto.JPG", "a.jpeg", "b.WebP", "c.svg"] {
            assert!(has_picture_extension(name), "{name}");
        }
        for name in ["karta.gif", "karta", "png", "karta.png.txt", "a.tiff"] {
            assert!(!has_picture_extension(name), "{name}");
        }
    }

    #[test]
    fn pictures_are_read_from_the_year_and_its_folders_in_name_order() {
        let dir = tempfile::tempdir().unwrap();
        let year = dir.path().join("content/2021");
        std::fs::create_dir_all(year.join("bilder/gamla")).unwrap();
        std::fs::create_dir_all(year.join(".dolda")).unwrap();
        for f in [
            "karta.png",
            "bilder/foto.jpg",
            "bilder/gamla/x.svg",
            ".dolda/y.png",
            "text.txt",
            "01-a.sv.md",
        ] {
            std::fs::write(year.join(f), f).unwrap();
        }
        let mut errors = Vec::new();
        let entries = sorted_entries(&year).unwrap();
        let found = read(dir.path(), &entries, &mut errors);
        assert!(errors.is_empty(), "{errors:?}");
        let names: Vec<(&str, &str)> = found
            .iter()
            .map(|p| (p.name.as_str(), p.file.as_str()))
            .collect();
        assert_eq!(
            names,
            [
                ("bilder/foto.jpg", "content/2021/bilder/foto.jpg"),
                ("bilder/gamla/x.svg", "content/2021/bilder/gamla/x.svg"),
                ("karta.png", "content/2021/karta.png"),
            ]
        );
        assert_eq!(&*found[2].bytes, b"karta.png");
    }
}
