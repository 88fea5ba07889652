//! What a content file may be, so that no input can make a build wait forever,
//! run out of memory or overflow its stack:
//!
//! - only regular files are read: a named pipe, a device or a socket (also when
//!   a link points to it) is refused instead of read until it ends, which for a
//!   pipe or `/dev/zero` is never;
//! - a file is at most [`MAX_FILE_BYTES`] long;
//! - Markdown (a section's text and its speaker notes) nests at most
//!   [`MAX_DEPTH`] levels deep: quotes, lists and emphasis inside each other.
//!   The slide fitting, the HTML sanitiser and dropping the trees they build
//!   recurse once per level, so the depth has to be bounded somewhere, and here
//!   the editor gets the file and line.
//!
//! The numbers are far above what a report needs (the sample's largest section
//! is a few kilobytes and nests three levels) and low enough that every stage
//! stays fast at the limit.

use std::fs::{self, File, Metadata};
use std::io::{self, Read};
use std::ops::Range;
use std::path::Path;

use pulldown_cmark::{Event, Options, Parser};

use crate::messages::MessageId;

/// The largest content file read, in bytes (4 MiB).
pub const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;

/// The deepest nesting of Markdown accepted, counting every block and inline
/// element that holds others (a quote, a list, an item, emphasis, a link …).
pub const MAX_DEPTH: usize = 64;

/// Why a file was not read.
#[derive(Debug)]
pub enum ReadError {
    /// The operating system refused (not found, no permission …).
    Io(io::Error),
    /// The path is not a regular file: what it is instead ("a named pipe" …).
    NotAFile(MessageId),
    /// The file is longer than [`MAX_FILE_BYTES`]: its length (or the part read).
    TooLarge(u64),
}

/// Reads a regular file of at most [`MAX_FILE_BYTES`].
///
/// What the path is gets checked before it is opened (opening a named pipe
/// waits for a writer), and again on the open file, which is then read no
/// further than the limit, so a file swapped or growing meanwhile cannot make
/// the read endless either.
pub fn read_regular(path: &Path) -> Result<Vec<u8>, ReadError> {
    read_regular_up_to(path, MAX_FILE_BYTES)
}

/// [`read_regular`] with another limit than [`MAX_FILE_BYTES`] (pictures,
/// which are not text, may be larger).
pub fn read_regular_up_to(path: &Path, max: u64) -> Result<Vec<u8>, ReadError> {
    check_meta(&fs::metadata(path).map_err(ReadError::Io)?, max)?;
    let file = File::open(path).map_err(ReadError::Io)?;
    let meta = file.metadata().map_err(ReadError::Io)?;
    check_meta(&meta, max)?;
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(max + 1)
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    if bytes.len() as u64 > max {
        return Err(ReadError::TooLarge(bytes.len() as u64));
    }
    Ok(bytes)
}

fn check_meta(meta: &Metadata, max: u64) -> Result<(), ReadError> {
    if !meta.is_file() {
        return Err(ReadError::NotAFile(describe(meta)));
    }
    if meta.len() > max {
        return Err(ReadError::TooLarge(meta.len()));
    }
    Ok(())
}

/// What something that is not a regular file is, in words.
fn describe(meta: &Metadata) -> MessageId {
    let kind = meta.file_type();
    if kind.is_dir() {
        return MessageId::LimitsFolder;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return MessageId::LimitsNamedPipe;
        }
        if kind.is_char_device() || kind.is_block_device() {
            return MessageId::LimitsDevice;
        }
        if kind.is_socket() {
            return MessageId::LimitsSocket;
        }
    }
    MessageId::LimitsSomethingElse
}

/// Where Markdown first nests deeper than [`MAX_DEPTH`]: the byte range (in
/// `markdown`) of the element that opens level `MAX_DEPTH + 1`, shortened to
/// its first line. Parsing stops there.
pub fn too_deep(markdown: &str) -> Option<Range<usize>> {
    // The extensions that add nesting (tables, footnotes, strikethrough) are the
    // ones summering renders with; smart punctuation changes no structure.
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH;
    let mut depth = 0usize;
    for (event, range) in Parser::new_ext(markdown, options).into_offset_iter() {
        match event {
            Event::Start(_) => {
                depth += 1;
                if depth > MAX_DEPTH {
                    let line_end = markdown[range.start..]
                        .find('\n')
                        .map_or(range.end, |i| range.start + i);
                    return Some(range.start..line_end.min(range.end).max(range.start));
                }
            }
            Event::End(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nesting_up_to_the_limit_is_fine_and_one_more_is_found() {
        // A quote per `>`, and a paragraph inside the innermost one.
        let quotes = |n: usize| format!("Intro.\n\n{} text\n", ">".repeat(n));
        assert_eq!(too_deep(&quotes(MAX_DEPTH - 1)), None);
        let md = quotes(MAX_DEPTH + 5);
        let at = too_deep(&md).expect("too deep");
        // The 65th `>` opens the 65th level; the span stays on its line.
        assert_eq!(at.start, "Intro.\n\n".len() + MAX_DEPTH);
        assert!(!md[at].contains('\n'));
    }

    #[test]
    fn lists_and_emphasis_count_as_levels() {
        let list: String = (0..40)
            .map(|i| format!("{}- level {i}\n", "  ".repeat(i)))
            .collect();
        // Each level is a list and an item.
        assert!(too_deep(&list).is_some());
        assert_eq!(too_deep(&list[..list.find("- level 20").unwrap()]), None);
        let emphasis = format!("{}x{}", "*a _a ".repeat(40), " a_ a*".repeat(40));
        assert!(too_deep(&emphasis).is_some());
        assert_eq!(too_deep("- **bold** and *[a link](x)*\n  > quote\n"), None);
    }

    #[cfg(unix)]
    #[test]
    fn only_regular_files_within_the_limit_are_read() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.md");
        fs::write(&file, "text").unwrap();
        assert_eq!(read_regular(&file).unwrap(), b"text");
        let link = dir.path().join("link.md");
        std::os::unix::fs::symlink(&file, &link).unwrap();
        assert_eq!(read_regular(&link).unwrap(), b"text");
        let null = dir.path().join("null.md");
        std::os::unix::fs::symlink("/dev/null", &null).unwrap();
        assert!(matches!(
            read_regular(&null),
            Err(ReadError::NotAFile(MessageId::LimitsDevice))
        ));
        assert!(matches!(
            read_regular(dir.path()),
            Err(ReadError::NotAFile(MessageId::LimitsFolder))
        ));
        let big = dir.path().join("big.md");
        let f = File::create(&big).unwrap();
        f.set_len(MAX_FILE_BYTES + 1).unwrap();
        assert!(matches!(
            read_regular(&big),
            Err(ReadError::TooLarge(n)) if n == MAX_FILE_BYTES + 1
        ));
        f.set_len(MAX_FILE_BYTES).unwrap();
        assert_eq!(read_regular(&big).unwrap().len() as u64, MAX_FILE_BYTES);
        assert!(matches!(
            read_regular(&dir.path().join("missing.md")),
            Err(ReadError::Io(e)) if e.kind() == io::ErrorKind::NotFound
        ));
    }
}
