//! Chart SVGs for the PDF: the charts' SVG strings are written for inline HTML
//! (attribute values unquoted where HTML allows it), so they are made XML again
//! before usvg reads them. usvg draws their text with the theme's font.

use std::sync::Arc;

use super::fonts::Fonts;

/// usvg's settings with the theme's font as every family the charts name.
pub(crate) fn options(fonts: &Fonts<'_>) -> usvg::Options<'static> {
    let mut options = usvg::Options::default();
    let db = options.fontdb_mut();
    for data in fonts.data() {
        db.load_font_source(usvg::fontdb::Source::Binary(Arc::new(data.to_vec())));
    }
    // The charts ask for the page's font stack ("system-ui, …, sans-serif"):
    // whatever they name, the PDF has one family.
    let family = db
        .faces()
        .next()
        .and_then(|f| f.families.first().map(|(name, _)| name.clone()));
    if let Some(family) = family {
        db.set_sans_serif_family(&family);
    }
    options
}

/// Parses a chart SVG as written for HTML.
pub(crate) fn parse(svg: &str, options: &usvg::Options<'_>) -> Result<usvg::Tree, String> {
    usvg::Tree::from_str(&quote_attributes(svg), options).map_err(|e| e.to_string())
}

/// `<rect x=0 fill=#FFF/>` → `<rect x="0" fill="#FFF"/>`: quotes every unquoted
/// attribute value inside tags; text between tags is left as it is.
fn quote_attributes(svg: &str) -> String {
    let mut out = String::with_capacity(svg.len() + svg.len() / 4);
    let mut rest = svg;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        rest = &rest[open..];
        let Some(close) = tag_end(rest) else {
            break;
        };
        quote_tag(&rest[..=close], &mut out);
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    out
}

/// The index of the `>` that ends the tag at the start of `s`, skipping quoted values.
fn tag_end(s: &str) -> Option<usize> {
    let mut quote = None;
    for (i, c) in s.char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (None, '"' | '\'') => quote = Some(c),
            (None, '>') => return Some(i),
            _ => {}
        }
    }
    None
}

fn quote_tag(tag: &str, out: &mut String) {
    let mut chars = tag.char_indices().peekable();
    let mut quote = None;
    while let Some((_, c)) = chars.next() {
        out.push(c);
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '=') => {
                if let Some(&(start, next)) = chars.peek()
                    && next != '"'
                    && next != '\''
                {
                    let value_end = tag[start..]
                        .find(|c: char| c.is_whitespace() || c == '>')
                        .map_or(tag.len(), |e| start + e);
                    // `<x a=1/>`: the slash closes the tag, it is not part of the value.
                    let value_end =
                        if tag[..value_end].ends_with('/') && tag[value_end..].starts_with('>') {
                            value_end - 1
                        } else {
                            value_end
                        };
                    out.push('"');
                    out.push_str(&tag[start..value_end].replace('"', "&quot;"));
                    out.push('"');
                    while chars.peek().is_some_and(|&(i, _)| i < value_end) {
                        chars.next();
                    }
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unquoted_values_are_quoted_and_the_rest_is_kept() {
        assert_eq!(
            quote_attributes(
                r##"<svg viewBox="0 0 2 2"><rect x=0 fill=#FFF/><text x=1 dy=0.5ex font-size=14 fill="#1C2430">a=b &amp; c</text></svg>"##
            ),
            r##"<svg viewBox="0 0 2 2"><rect x="0" fill="#FFF"/><text x="1" dy="0.5ex" font-size="14" fill="#1C2430">a=b &amp; c</text></svg>"##
        );
        assert_eq!(
            quote_attributes("<polyline fill=none points=\"1,2 3,4\"/>"),
            "<polyline fill=\"none\" points=\"1,2 3,4\"/>"
        );
    }
}
