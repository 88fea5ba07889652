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
    let logo: &Spanned<String> = config.value.logo.as_ref()?;
    let src = &config.source;
    let err = |kind, message: Message, help: MessageId| {
        SiteError::at(kind, &src.name, &src.text, logo.span(), message).with_help(help)
    };
    let Some(name) = file_name(&config.value) else {
        errors.push(err(
            ErrorKind::InvalidValue,
            Message::new(MessageId::LogoNotAFileName),
            MessageId::LogoNotAFileNameHelp,
        ));
        return None;
    };
    let path = root.join("content").join(name);
    match limits::read_regular(&path) {
        Ok(bytes) => Some(RawLogo {
            name: name.to_string(),
            span: logo.span(),
            bytes,
        }),
        Err(e) => {
            let (kind, message) = match e {
                limits::ReadError::Io(e) if e.kind() == std::io::ErrorKind::NotFound => {
                    (ErrorKind::Io, MessageId::LogoMissing.arg("name", name))
                }
                limits::ReadError::Io(e) => (
                    ErrorKind::Io,
                    MessageId::LogoUnreadable.arg("name", name).arg("error", e),
                ),
                limits::ReadError::NotAFile(what) => (
                    ErrorKind::NotAFile,
                    MessageId::LogoNotAFile
                        .arg("name", name)
                        .message("what", what),
                ),
                limits::ReadError::TooLarge(len) => (
                    ErrorKind::TooLarge,
                    MessageId::LogoTooLarge
                        .arg("name", name)
                        .count("kib", len.div_ceil(1024))
                        .count("max", limits::MAX_FILE_BYTES / 1024),
                ),
            };
            errors.push(err(kind, message, MessageId::LogoHelp));
            None
        }
    }
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
