//! Marks the first use of each glossary term on a page with `<abbr title="…">`.
//!
//! Works on the rendered page, so it covers every template and every piece of
//! Markdown the same way. Only text is touched — never tag names, attributes
//! (so an `href` or `alt` stays as written) — and only inside `<main>` (or the
//! whole `<body>` when a page has no `<main>`). Text inside links, code,
//! navigation, SVG and existing `<abbr>`/`<dfn>` is left alone. The title is in
//! the language of the text around the term: a Swedish passage shown on an
//! English page (an untranslated section, marked `lang="sv"`) gets the Swedish
//! expansion.
//!
//! lol_html reads the page and rewrites only the text it marks: every other
//! byte is copied as written (a page re-serialised from its tokens would
//! change quotes and entities). Its selectors name the few elements that
//! matter here, so the rest of the page (a chart's long path data) is not
//! looked at by this module.

use std::cell::RefCell;
use std::rc::Rc;

use lol_html::html_content::{ContentType, Element};
use lol_html::{HtmlRewriter, Settings, doc_text, element};

use crate::lang::Lang;
use crate::model::Glossary;

/// Elements whose text is never marked.
const SKIP: &[&str] = &[
    "a", "abbr", "dfn", "code", "pre", "kbd", "samp", "script", "style", "textarea", "title",
    "svg", "math", "head", "nav", "button", "select", "option",
];

/// What applies to text at the current place of the page: counts kept as the
/// elements open and close, so nothing is walked per piece of text.
#[derive(Default)]
struct Place {
    /// Open marked regions (`<main>`, or `<body>`).
    regions: usize,
    /// Open elements of [`SKIP`].
    skips: usize,
    /// The languages of the open elements with a `lang`, innermost last.
    langs: Vec<Lang>,
}

impl Place {
    /// Whether text here is marked, and in which language.
    fn marking(&self, default: Lang) -> Option<Lang> {
        (self.regions > 0 && self.skips == 0).then(|| self.langs.last().copied().unwrap_or(default))
    }
}

/// Returns `html` with the first use of each term that has a title wrapped in
/// `<abbr>` (unchanged, not copied, when the site has no glossary, and
/// unchanged if lol_html cannot read the page).
pub fn abbreviate(html: String, glossary: &Glossary, default: Lang) -> String {
    if glossary.terms().is_empty() {
        return html;
    }
    let region = if html.contains("<main") {
        "main"
    } else {
        "body"
    };
    match rewrite(&html, region, glossary, default) {
        Some(out) => out,
        None => html,
    }
}

/// The page with its terms marked, `None` if lol_html gives up on it.
fn rewrite(html: &str, region: &'static str, glossary: &Glossary, default: Lang) -> Option<String> {
    let place = Rc::new(RefCell::new(Place::default()));
    let opened = Rc::clone(&place);
    let selector = format!("{region}, {}, [lang]", SKIP.join(", "));
    let mut used = vec![false; glossary.terms().len()];
    // The text node read so far: lol_html may give one in several chunks.
    let mut text = String::new();
    let mut out = Vec::with_capacity(html.len() + 256);
    let settings = Settings::new()
        .append_element_content_handler(element!(selector, |el| {
            open(el, region, &opened);
            Ok(())
        }))
        .append_document_content_handler(doc_text!(|chunk| {
            let Some(lang) = place.borrow().marking(default) else {
                return Ok(());
            };
            text.push_str(chunk.as_str());
            if chunk.last_in_text_node() {
                let mut marked = String::with_capacity(text.len());
                mark(&text, lang, glossary, &mut used, &mut marked);
                chunk.replace(&marked, ContentType::Html);
                text.clear();
            } else {
                chunk.remove();
            }
            Ok(())
        }));
    let mut rewriter = HtmlRewriter::new(settings, |bytes: &[u8]| out.extend_from_slice(bytes));
    rewriter.write(html.as_bytes()).ok()?;
    rewriter.end().ok()?;
    String::from_utf8(out).ok()
}

/// Counts element `el` into `place` until its end tag (a void element, which
/// has no content, counts for nothing).
fn open(el: &mut Element<'_, '_>, region: &str, place: &Rc<RefCell<Place>>) {
    let name = el.tag_name();
    let lang = el.get_attribute("lang").and_then(|code| parse_lang(&code));
    let Some(end) = el.end_tag_handlers() else {
        return;
    };
    let (region, skip) = (name == region, SKIP.contains(&name.as_str()));
    {
        let mut p = place.borrow_mut();
        p.regions += usize::from(region);
        p.skips += usize::from(skip);
        p.langs.extend(lang);
    }
    let place = Rc::clone(place);
    end.push(Box::new(move |_| {
        let mut p = place.borrow_mut();
        p.regions -= usize::from(region);
        p.skips -= usize::from(skip);
        if lang.is_some() {
            p.langs.pop();
        }
        Ok(())
    }));
}

/// Appends text `t` (in `lang`) with the first use of each term marked.
fn mark(t: &str, lang: Lang, g: &Glossary, used: &mut [bool], out: &mut String) {
    let mut last = 0;
    for occ in g.occurrences(t) {
        let term = &g.terms()[occ.term];
        let Some(title) = term.title(lang) else {
            continue;
        };
        if used[occ.term] {
            continue;
        }
        used[occ.term] = true;
        out.push_str(&t[last..occ.range.start]);
        out.push_str("<abbr title=\"");
        out.push_str(&escape(title));
        out.push_str("\">");
        out.push_str(&t[occ.range.clone()]);
        out.push_str("</abbr>");
        last = occ.range.end;
    }
    out.push_str(&t[last..]);
}

fn parse_lang(code: &str) -> Option<Lang> {
    Lang::from_code(&code.split('-').next()?.to_ascii_lowercase())
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::Parsed;
    use crate::load::glossary::RawGlossary;
    use std::sync::Arc;

    fn glossary() -> Glossary {
        let text = r#"
[[term]]
abbr = "SIP"
expansion = { sv = "samordnad individuell plan", en = "coordinated individual plan" }
[[term]]
abbr = "TG"
confirmed = false
[[term]]
abbr = "HP"
expansion = { sv = "handlingsplan", en = "action \"plan\"" }
"#;
        glossary_from(text)
    }

    /// The glossary of `text`, a `glossary.toml` of a Swedish and English site.
    fn glossary_from(text: &str) -> Glossary {
        let source = crate::load::SourceFile {
            name: "g.toml".into(),
            text: Arc::from(text),
        };
        let value: RawGlossary = toml::from_str(text).unwrap();
        Glossary::convert(
            Some(&Parsed { source, value }),
            &[Lang::Sv, Lang::En],
            &mut Vec::new(),
        )
    }

    #[test]
    fn marks_the_first_use_only_and_only_in_main() {
        let html = "<html lang=\"sv\"><head><title>SIP</title></head><body><header>SIP</header>\
                    <main><p>SIP-arbetet och SIP igen</p></main></body></html>";
        let out = abbreviate(html.into(), &glossary(), Lang::Sv);
        assert!(
            out.contains("<title>SIP</title>") && out.contains("<header>SIP</header>"),
            "{out}"
        );
        assert!(
            out.contains(
                "<p><abbr title=\"samordnad individuell plan\">SIP</abbr>-arbetet och SIP igen</p>"
            ),
            "{out}"
        );
    }

    #[test]
    fn never_touches_attributes_links_or_code() {
        let html = "<html lang=\"en\"><body><main><a href=\"SIP.html\" title=\"SIP\">SIP</a>\
                    <img alt=\"SIP > HP\" src=\"x.png\"><code>SIP</code><p data-x='a>b SIP'>HP and SIP</p></main></body></html>";
        let out = abbreviate(html.into(), &glossary(), Lang::Sv);
        assert!(
            out.contains("<a href=\"SIP.html\" title=\"SIP\">SIP</a>"),
            "{out}"
        );
        assert!(
            out.contains("<img alt=\"SIP > HP\" src=\"x.png\">"),
            "{out}"
        );
        assert!(out.contains("<code>SIP</code>"), "{out}");
        assert!(
            out.contains("<p data-x='a>b SIP'><abbr title=\"action &quot;plan&quot;\">HP</abbr> and <abbr title=\"coordinated individual plan\">SIP</abbr></p>"),
            "{out}"
        );
    }

    #[test]
    fn never_marks_inside_a_chart() {
        let g = glossary_from("[[term]]\nabbr = \"1177\"\nexpansion = { sv = \"Vårdguiden\" }\n");
        let html = "<html lang=\"sv\"><body><main><figure><svg viewBox=\"0 0 1 1\"><title>1177</title>\
                    <text x=\"0\">1177</text></svg></figure><p>Ring 1177</p></main></body></html>";
        let out = abbreviate(html.into(), &g, Lang::Sv);
        assert!(
            out.contains(
                "<svg viewBox=\"0 0 1 1\"><title>1177</title><text x=\"0\">1177</text></svg>"
            ),
            "{out}"
        );
        assert!(
            out.contains("<p>Ring <abbr title=\"Vårdguiden\">1177</abbr></p>"),
            "{out}"
        );
    }

    #[test]
    fn uses_the_language_of_the_passage_and_skips_terms_without_title() {
        let html = "<html lang=\"en\"><body><main><section lang=\"sv\"><p>HP och TG</p></section><p>HP</p></main></body></html>";
        let out = abbreviate(html.into(), &glossary(), Lang::Sv);
        assert!(
            out.contains("<abbr title=\"handlingsplan\">HP</abbr> och TG</p>"),
            "{out}"
        );
        assert!(out.ends_with("<p>HP</p></main></body></html>"), "{out}");
    }
}
