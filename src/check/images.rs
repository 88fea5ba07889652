//! Text alternatives for images (WCAG 1.1.1): a screen reader reads the alt
//! text instead of the picture, so an image without one says nothing.
//!
//! In Markdown, `![text](bild.png)` must have text between the brackets. In
//! the built pages (templates included), every `<img>` must have an `alt`.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use crate::diagnostics::{ErrorKind, SiteError};
use crate::html::start_tags;
use crate::load::RawSite;
use crate::output::OutputFile;

/// An error for every image without a text alternative.
pub fn missing_alt(files: &[OutputFile], raw: &RawSite) -> Vec<SiteError> {
    let mut errors = Vec::new();
    for s in raw.years.iter().flat_map(|y| &y.sections) {
        for range in images_without_alt(&s.body) {
            let span = s.body_offset + range.start..s.body_offset + range.end;
            errors.push(
                SiteError::at(ErrorKind::MissingAltText, &s.source.name, &s.source.text, span, "this image has no text alternative")
                    .with_label("no text between [ and ]")
                    .with_help("describe what the image shows between the brackets: ![Diagram över deltagande per år](bild.png)"),
            );
        }
    }
    for f in files.iter().filter(|f| f.is_html()) {
        for tag in start_tags(&String::from_utf8_lossy(&f.bytes)) {
            if tag.name == "img" && tag.attr("alt").is_none() {
                let src = tag.attr("src").unwrap_or("?");
                errors.push(
                    SiteError::in_file(ErrorKind::MissingAltText, format!("{} (built page, from the theme)", f.path), format!("the image {src} has no alt attribute"))
                        .with_help("add alt=\"…\" describing the image to the template (alt=\"\" only for pure decoration)"),
                );
            }
        }
    }
    errors
}

/// Byte ranges of the Markdown images in `markdown` whose alt text is empty.
fn images_without_alt(markdown: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut open: Option<(std::ops::Range<usize>, String)> = None;
    for (event, range) in Parser::new_ext(markdown, Options::ENABLE_TABLES).into_offset_iter() {
        match event {
            Event::Start(Tag::Image { .. }) => open = Some((range, String::new())),
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, alt)) = open.as_mut() {
                    alt.push_str(&t);
                }
            }
            Event::End(TagEnd::Image) => {
                if let Some((range, alt)) = open.take()
                    && alt.trim().is_empty()
                {
                    out.push(range);
                }
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_alt_text_is_found() {
        let md = "Text ![](a.png) och ![Karta över området](b.png) och ![ ](c.png)\n";
        let found: Vec<&str> = images_without_alt(md).into_iter().map(|r| &md[r]).collect();
        assert_eq!(found, ["![](a.png)", "![ ](c.png)"]);
    }
}
