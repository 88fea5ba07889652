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

use super::html_tokens::{Token, VOID, attr, tag_name, tokens};
use crate::lang::Lang;
use crate::model::Glossary;

/// Elements whose text is never marked.
const SKIP: &[&str] = &[
    "a", "abbr", "dfn", "code", "pre", "kbd", "samp", "script", "style", "textarea", "title", "svg", "math", "head",
    "nav", "button", "select", "option",
];

struct Open {
    name: String,
    lang: Option<Lang>,
}

/// Returns `html` with the first use of each term that has a title wrapped in `<abbr>`.
pub fn abbreviate(html: &str, glossary: &Glossary, default: Lang) -> String {
    if glossary.terms().is_empty() {
        return html.to_string();
    }
    let region = if html.contains("<main") { "main" } else { "body" };
    let mut used = vec![false; glossary.terms().len()];
    let mut out = String::with_capacity(html.len() + 256);
    let mut stack: Vec<Open> = Vec::new();
    for token in tokens(html) {
        match token {
            Token::Text(t) => text(t, &stack, region, default, glossary, &mut used, &mut out),
            Token::Start(tag) => {
                out.push_str(tag);
                let name = tag_name(tag);
                if !VOID.contains(&name.as_str()) && !tag.ends_with("/>") {
                    stack.push(Open { lang: attr(tag, "lang").and_then(parse_lang), name });
                }
            }
            Token::End(tag) => {
                out.push_str(tag);
                let name = tag_name(tag);
                if let Some(pos) = stack.iter().rposition(|o| o.name == name) {
                    stack.truncate(pos);
                }
            }
            Token::Other(s) | Token::Raw(s) => out.push_str(s),
        }
    }
    out
}

fn text(t: &str, stack: &[Open], region: &str, default: Lang, g: &Glossary, used: &mut [bool], out: &mut String) {
    let active = stack.iter().any(|o| o.name == region) && !stack.iter().any(|o| SKIP.contains(&o.name.as_str()));
    if !active || t.is_empty() {
        out.push_str(t);
        return;
    }
    let lang = stack.iter().rev().find_map(|o| o.lang).unwrap_or(default);
    let mut last = 0;
    for occ in g.occurrences(t) {
        let term = &g.terms()[occ.term];
        let Some(title) = term.title(lang) else { continue };
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
    s.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;").replace('>', "&gt;")
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
        let source = crate::load::SourceFile { name: "g.toml".into(), text: Arc::from(text) };
        let value: RawGlossary = toml::from_str(text).unwrap();
        Glossary::convert(Some(&Parsed { source, value }), &[Lang::Sv, Lang::En], &mut Vec::new())
    }

    #[test]
    fn marks_the_first_use_only_and_only_in_main() {
        let html = "<html lang=\"sv\"><head><title>SIP</title></head><body><header>SIP</header>\
                    <main><p>SIP-arbetet och SIP igen</p></main></body></html>";
        let out = abbreviate(html, &glossary(), Lang::Sv);
        assert!(out.contains("<title>SIP</title>") && out.contains("<header>SIP</header>"), "{out}");
        assert!(out.contains("<p><abbr title=\"samordnad individuell plan\">SIP</abbr>-arbetet och SIP igen</p>"), "{out}");
    }

    #[test]
    fn never_touches_attributes_links_or_code() {
        let html = "<html lang=\"en\"><body><main><a href=\"SIP.html\" title=\"SIP\">SIP</a>\
                    <img alt=\"SIP > HP\" src=\"x.png\"><code>SIP</code><p data-x='a>b SIP'>HP and SIP</p></main></body></html>";
        let out = abbreviate(html, &glossary(), Lang::Sv);
        assert!(out.contains("<a href=\"SIP.html\" title=\"SIP\">SIP</a>"), "{out}");
        assert!(out.contains("<img alt=\"SIP > HP\" src=\"x.png\">"), "{out}");
        assert!(out.contains("<code>SIP</code>"), "{out}");
        assert!(
            out.contains("<p data-x='a>b SIP'><abbr title=\"action &quot;plan&quot;\">HP</abbr> and <abbr title=\"coordinated individual plan\">SIP</abbr></p>"),
            "{out}"
        );
    }

    #[test]
    fn uses_the_language_of_the_passage_and_skips_terms_without_title() {
        let html = "<html lang=\"en\"><body><main><section lang=\"sv\"><p>HP och TG</p></section><p>HP</p></main></body></html>";
        let out = abbreviate(html, &glossary(), Lang::Sv);
        assert!(out.contains("<abbr title=\"handlingsplan\">HP</abbr> och TG</p>"), "{out}");
        assert!(out.ends_with("<p>HP</p></main></body></html>"), "{out}");
    }
}
