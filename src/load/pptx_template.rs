//! The organisation's PowerPoint template named by `pptx_template = "…"` in
//! `site.toml`: a `.potx` or `.pptx` file in `content/` read as bytes. What is
//! inside it (a presentation, 16:9, with layouts) is checked in the model
//! ([`crate::model::PptxTemplate`]); here only that the name is a plain file
//! name and that the file can be read, each problem at the `pptx_template` key.

use std::ops::Range;
use std::path::Path;

use super::logo::{NamedFile, is_plain, read_named};
use super::{Parsed, raw::RawSiteConfig};
use crate::diagnostics::SiteError;
use crate::messages::MessageId;

/// The largest template read: templates carry pictures, so more than a text
/// file may be, but the whole file is held in memory.
pub const MAX_TEMPLATE_BYTES: u64 = 20 * 1024 * 1024;

/// The template file as read, with the place of its name in `site.toml`.
#[derive(Debug, Clone)]
pub struct RawPptxTemplate {
    /// The file name as written (`mall.potx`).
    pub name: String,
    /// The byte range of the value in `site.toml`, for messages.
    pub span: Range<usize>,
    /// The file's bytes.
    pub bytes: Vec<u8>,
}

/// The file name `pptx_template` names in `content/`, if it is a plain file
/// name there, so the content folder's listing can leave it alone.
pub(super) fn file_name(config: &RawSiteConfig) -> Option<&str> {
    config
        .pptx_template
        .as_ref()
        .map(|l| l.get_ref().trim())
        .filter(|n| is_plain(n))
}

/// Reads the template `config` names, if it names one; a problem is added to `errors`.
pub(super) fn read(
    root: &Path,
    config: &Parsed<RawSiteConfig>,
    errors: &mut Vec<SiteError>,
) -> Option<RawPptxTemplate> {
    let key = config.value.pptx_template.as_ref()?;
    let how = NamedFile {
        not_a_file_name: (
            MessageId::PptxTemplateNotAFileName,
            MessageId::PptxTemplateNotAFileNameHelp,
        ),
        help: MessageId::PptxTemplateHelp,
        max_bytes: MAX_TEMPLATE_BYTES,
        too_large: |name, len| {
            MessageId::PptxTemplateTooLarge
                .arg("name", name)
                .count("mib", len.div_ceil(1024 * 1024))
                .count("max", MAX_TEMPLATE_BYTES / (1024 * 1024))
        },
    };
    let (name, bytes) = read_named(root, config, key, file_name(&config.value), &how, errors)?;
    Some(RawPptxTemplate {
        name: name.to_string(),
        span: key.span(),
        bytes,
    })
}
