//! Text alternatives for images (WCAG 1.1.1): a screen reader reads the alt
//! text instead of the picture, so an image without one says nothing.
//!
//! In Markdown, `![text](bild.png)` must have text between the brackets, or
//! be marked decorative ([`crate::model::images::undescribed`], which `build`
//! asks of a published year). In the built pages (templates included), every
//! `<img>` must have an `alt`.

use crate::diagnostics::{Catalogued, ErrorKind, SiteError};
use crate::html::start_tags;
use crate::load::RawSite;
use crate::messages::MessageId;
use crate::output::OutputFile;

/// An error for every image without a text alternative: the Markdown's of every
/// year, drafts included, and the built pages'.
pub fn missing_alt(files: &[OutputFile], raw: &RawSite) -> Vec<SiteError> {
    let mut errors = crate::model::images::undescribed(raw, true);
    errors.extend(in_pages(files));
    errors
}

/// The `<img>` elements of the built pages without an `alt` (the theme's).
fn in_pages(files: &[OutputFile]) -> Vec<SiteError> {
    let mut errors = Vec::new();
    for f in files.iter().filter(|f| f.is_html()) {
        for tag in start_tags(&String::from_utf8_lossy(&f.bytes)) {
            if tag.name == "img" && tag.attr("alt").is_none() {
                let src = tag.attr("src").unwrap_or("?");
                errors.push(
                    SiteError::in_file(
                        ErrorKind::MissingAltText,
                        &f.path,
                        MessageId::CheckFromTheme
                            .message("problem", MessageId::CheckImageNoAlt.arg("src", src)),
                    )
                    .with_help(MessageId::CheckImageNoAltHelp),
                );
            }
        }
    }
    errors
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn images_of_the_theme_without_alt_are_found() {
        let page = OutputFile::new(
            "sv/index.html".into(),
            br#"<p><img src="a.png" alt=""><img src="logo.svg"></p>"#.to_vec(),
        );
        let found = in_pages(&[page]);
        assert_eq!(found.len(), 1);
        assert!(found[0].message().contains("logo.svg"), "{}", found[0]);
    }
}
