//! The logo named by `logo = "…"` in `site.toml`: a file in `content/` read as
//! bytes. Whether it is an SVG or PNG image is checked in the model
//! ([`crate::model::Logo`]); here only that the name is a plain file name and
//! that the file can be read, each problem at the `logo` key.

use std::ops::Range;
use std::path::Path;

use toml::Spanned;

use super::{Parsed, limits, raw::RawSiteConfig};
use crate::diagnostics::{Catalogued, ErrorKind, SiteError};
use crate::messages::{Message, MessageId};

/// The logo file as read, with the place of its name in `site.toml`.
#[derive(Debug, Clone)]
pub struct RawLogo {
    /// The file name as written (`logo.svg`).
    pub name: String,
    /// The byte range of the value in `site.toml`, for messages.
    pub span: Range<usize>,
    /// The file's bytes.
    pub bytes: Vec<u8>,
}

/// The file name `logo` names in `content/`, if it is a plain file name there
/// (no folder, no `..`), so the content folder's listing can leave it alone.
pub(super) fn file_name(config: &RawSiteConfig) -> Option<&str> {
    config
        .logo
        .as_ref()
        .map(|l| l.get_ref().trim())
        .filter(|n| is_plain(n))
}

/// True for a file name with no folder, no `..` and no hidden dot.
pub(super) fn is_plain(name: &str) -> bool {
    !name.is_empty() && !name.starts_with('.') && !name.contains(['/', '\\', ':'])
}

/// Reads the logo `config` names, if it names one; a problem is added to `errors`.
pub(super) fn read(
    root: &Path,
    config: &Parsed<RawSiteConfig>,
    errors: &mut Vec<SiteError>,
) -> Option<RawLogo> {
    let key = config.value.logo.as_ref()?;
    let how = NamedFile {
        not_a_file_name: (MessageId::LogoNotAFileName, MessageId::LogoNotAFileNameHelp),
        help: MessageId::LogoHelp,
        max_bytes: limits::MAX_FILE_BYTES,
        too_large: |name, len| {
            MessageId::LogoTooLarge
                .arg("name", name)
                .count("kib", len.div_ceil(1024))
                .count("max", limits::MAX_FILE_BYTES / 1024)
        },
    };
    let (name, bytes) = read_named(root, config, key, file_name(&config.value), &how, errors)?;
    Some(RawLogo {
        name: name.to_string(),
        span: key.span(),
        bytes,
    })
}

/// What differs between the `site.toml` keys that name a file in `content/`
/// (`logo`, `pptx_template`): the messages and the size limit. A missing,
/// unreadable or not-a-file file is said alike for all of them, by its name.
pub(super) struct NamedFile {
    /// The message and help for a value that is not a plain file name.
    pub(super) not_a_file_name: (MessageId, MessageId),
    /// The help line under each problem reading the file.
    pub(super) help: MessageId,
    /// The largest file read.
    pub(super) max_bytes: u64,
    /// The message for a file of `len` bytes, over `max_bytes`.
    pub(super) too_large: fn(&str, u64) -> Message,
}

/// Reads the file `key` names in `content/` (`name` is its plain file name, if
/// it is one), capped at `how.max_bytes`; each problem is added to `errors` at
/// the key's value, so the two keys that name files cannot word them apart.
pub(super) fn read_named<'a>(
    root: &Path,
    config: &Parsed<RawSiteConfig>,
    key: &Spanned<String>,
    name: Option<&'a str>,
    how: &NamedFile,
    errors: &mut Vec<SiteError>,
) -> Option<(&'a str, Vec<u8>)> {
    let src = &config.source;
    let err = |kind, message: Message, help: MessageId| {
        SiteError::at(kind, &src.name, &src.text, key.span(), message).with_help(help)
    };
    let Some(name) = name else {
        let (message, help) = how.not_a_file_name;
        errors.push(err(ErrorKind::InvalidValue, Message::new(message), help));
        return None;
    };
    let path = root.join("content").join(name);
    let (kind, message) = match limits::read_regular_up_to(&path, how.max_bytes) {
        Ok(bytes) => return Some((name, bytes)),
        Err(limits::ReadError::Io(e)) if e.kind() == std::io::ErrorKind::NotFound => {
            (ErrorKind::Io, MessageId::LogoMissing.arg("name", name))
        }
        Err(limits::ReadError::Io(e)) => (
            ErrorKind::Io,
            MessageId::LogoUnreadable.arg("name", name).arg("error", e),
        ),
        Err(limits::ReadError::NotAFile(what)) => (
            ErrorKind::NotAFile,
            MessageId::LogoNotAFile
                .arg("name", name)
                .message("what", what),
        ),
        Err(limits::ReadError::TooLarge(len)) => (ErrorKind::TooLarge, (how.too_large)(name, len)),
    };
    errors.push(err(kind, message, how.help));
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_file_names_are_logos() {
        assert!(is_plain("logo.svg"));
        assert!(is_plain("Logga 2021.png"));
        for bad in [
            "",
            "../logo.svg",
            "bilder/logo.svg",
            ".logo.svg",
            "C:\\logo.png",
            "/etc/x",
        ] {
            assert!(!is_plain(bad), "{bad}");
        }
    }
}
