//! A thin layer over quick-xml's writer for the package's parts: every text
//! and attribute value goes through quick-xml's escaping, so a title with `&`,
//! `<` or quotes cannot break a part.

use std::io;

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesText, Event};

/// The writer every part is written with.
pub(super) type Xml = Writer<Vec<u8>>;

/// What writing a part returns; writing into memory does not fail, but the
/// writer's API says it may.
pub(super) type Res = io::Result<()>;

/// A whole part: the XML declaration, then what `body` writes.
pub(super) fn part(body: impl FnOnce(&mut Xml) -> Res) -> io::Result<Vec<u8>> {
    let mut w = Writer::new(Vec::with_capacity(4096));
    w.write_event(Event::Decl(BytesDecl::new(
        "1.0",
        Some("UTF-8"),
        Some("yes"),
    )))?;
    w.get_mut().extend_from_slice(b"\r\n");
    body(&mut w)?;
    Ok(w.into_inner())
}

/// `<name attrs…>` … `</name>`, with `inner` writing the children.
pub(super) fn el(
    w: &mut Xml,
    name: &str,
    attrs: &[(&str, &str)],
    inner: impl FnOnce(&mut Xml) -> Res,
) -> Res {
    w.create_element(name)
        .with_attributes(attrs.iter().copied())
        .write_inner_content(inner)?;
    Ok(())
}

/// `<name attrs…/>`.
pub(super) fn empty(w: &mut Xml, name: &str, attrs: &[(&str, &str)]) -> Res {
    w.create_element(name)
        .with_attributes(attrs.iter().copied())
        .write_empty()?;
    Ok(())
}

/// `<name attrs…>text</name>`, the text escaped.
pub(super) fn text(w: &mut Xml, name: &str, attrs: &[(&str, &str)], text: &str) -> Res {
    w.create_element(name)
        .with_attributes(attrs.iter().copied())
        .write_text_content(BytesText::new(text))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_text_is_escaped_in_text_and_attributes() {
        let bytes = part(|w| {
            el(w, "a", &[("descr", "x\"<&")], |w| {
                text(w, "t", &[], "R&D <b>")
            })
        })
        .unwrap();
        let s = String::from_utf8(bytes).unwrap();
        assert!(
            s.contains(r#"<a descr="x&quot;&lt;&amp;"><t>R&amp;D &lt;b&gt;</t></a>"#),
            "{s}"
        );
    }
}
