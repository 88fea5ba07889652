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

use std::borrow::Cow;

use super::html_tokens::{Token, VOID, attr, tag_name, tokens};
use crate::lang::Lang;
use crate::model::Glossary;

/// Elements whose text is never marked.
const SKIP: &[&str] = &[
    "a", "abbr", "dfn", "code", "pre", "kbd", "samp", "script", "style", "textarea", "title",
    "svg", "math", "head", "nav", "button", "select", "option",
];

/// An open element of the page.
struct Open<'a> {
    name: Cow<'a, str>,
    /// Whether it is the marked region, one of [`SKIP`], and has a `lang`.
    region: bool,
    skip: bool,
    lang: bool,
}

/// The open elements, with counts kept as they open and close, so that what
/// applies to a piece of text is known without walking up the elements (a
/// page nested thousands deep costs no more per piece than a flat one).
#[derive(Default)]
struct Stack<'a> {
    open: Vec<Open<'a>>,
    regions: usize,
    skips: usize,
    langs: Vec<Lang>,
}

impl<'a> Stack<'a> {
    fn push(&mut self, name: Cow<'a, str>, region: &str, lang: Option<Lang>) {
        let open = Open {
            region: name == region,
            skip: SKIP.contains(&name.as_ref()),
            lang: lang.is_some(),
            name,
        };
        self.regions += usize::from(open.region);
        self.skips += usize::from(open.skip);
        self.langs.extend(lang);
        self.open.push(open);
    }

    /// Closes `name` and every element opened inside it (none if it is not open).
    fn close(&mut self, name: &str) {
        let Some(at) = self.open.iter().rposition(|o| o.name == name) else {
            return;
        };
        for o in self.open.drain(at..) {
            self.regions -= usize::from(o.region);
            self.skips -= usize::from(o.skip);
            if o.lang {
                self.langs.pop();
            }
        }
    }

    /// Whether text here is marked, and in which language.
    fn marking(&self, default: Lang) -> Option<Lang> {
        (self.regions > 0 && self.skips == 0).then(|| self.langs.last().copied().unwrap_or(default))
    }
}

/// Returns `html` with the first use of each term that has a title wrapped in
/// `<abbr>` (unchanged, not copied, when the site has no glossary).
pub fn abbreviate(html: String, glossary: &Glossary, default: Lang) -> String {
    if glossary.terms().is_empty() {
        return html;
    }
    let region = if html.contains("<main") {
        "main"
    } else {
        "body"
    };
    let mut used = vec![false; glossary.terms().len()];
    let mut out = String::with_capacity(html.len() + 256);
    let mut stack = Stack::default();
    for token in tokens(&html) {
        match token {
            Token::Text(t) => match stack.marking(default) {
                Some(lang) => mark(t, lang, glossary, &mut used, &mut out),
                None => out.push_str(t),
            },
            Token::Start(tag) => {
                out.push_str(tag);
                let name = tag_name(tag);
                if !VOID.contains(&name.as_ref()) && !tag.ends_with("/>") {
                    let lang = has_lang(tag)
                        .then(|| attr(tag, "lang").and_then(parse_lang))
                        .flatten();
                    stack.push(name, region, lang);
                }
            }
            Token::End(tag) => {
                out.push_str(tag);
                stack.close(&tag_name(tag));
            }
            Token::Other(s) | Token::Raw(s) => out.push_str(s),
        }
    }
    out
}

/// Whether a start tag may have a `lang` attribute (reading the attributes of every tag is what costs).
fn has_lang(tag: &str) -> bool {
    tag.as_bytes()
        .windows(4)
        .any(|w| w.eq_ignore_ascii_case(b"lang"))
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
