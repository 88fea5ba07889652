//! A small, forgiving HTML tokenizer for the glossary pass over the pages
//! summering itself renders.
//!
//! It only separates text from tags (respecting quotes, comments and the raw
//! text of `<script>`/`<style>`) and reads attributes, and gives each piece as
//! the slice of the page it is, so the pass can copy the page byte for byte
//! and add only its `<abbr>` marks. Reading HTML for any other purpose (the
//! link checker, the sanitiser's depth guard) uses html5ever's tokenizer
//! ([`crate::html`]), which decodes as a browser does but gives no positions
//! in the source, so a page rewritten from its tokens would be written anew
//! (quotes, entities) rather than copied; lol_html, which rewrites in place,
//! is not in the tree and would bring cssparser and selectors for one pass.

/// One piece of a page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Token<'a> {
    /// Text between tags (entities not decoded).
    Text(&'a str),
    /// A start tag, `<p class="x">` or `<br/>`.
    Start(&'a str),
    /// An end tag, `</p>`.
    End(&'a str),
    /// A comment, doctype or processing instruction.
    Other(&'a str),
    /// The content of `<script>`, `<style>`, `<textarea>`, `<title>` or `<svg>`.
    Raw(&'a str),
}

/// Elements that never have an end tag.
pub(super) const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
];

/// Elements whose content is one [`Token::Raw`]: raw text for the browser, and
/// `<svg>`, the charts, whose text the glossary pass never marks, so it need not
/// read their markup tag by tag (a chart is often the larger part of a page).
const RAW_TEXT: &[&str] = &["script", "style", "textarea", "title", "svg"];

/// The tokens of `html`, in order; concatenated they give `html` back.
pub(super) fn tokens(html: &str) -> Tokens<'_> {
    Tokens {
        rest: html,
        raw_until: None,
    }
}

/// Iterator returned by [`tokens`].
pub(super) struct Tokens<'a> {
    rest: &'a str,
    raw_until: Option<String>,
}

impl<'a> Iterator for Tokens<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        if self.rest.is_empty() {
            return None;
        }
        if let Some(close) = self.raw_until.take() {
            let end = find_ascii_ci(self.rest, &close).unwrap_or(self.rest.len());
            if end > 0 {
                return Some(Token::Raw(self.take(end)));
            }
        }
        let Some(lt) = self.rest.find('<') else {
            return Some(Token::Text(self.take(self.rest.len())));
        };
        if lt > 0 {
            return Some(Token::Text(self.take(lt)));
        }
        if self.rest.starts_with("<!--") {
            let len = self.rest.find("-->").map_or(self.rest.len(), |i| i + 3);
            return Some(Token::Other(self.take(len)));
        }
        let len = tag_len(self.rest);
        let tag = self.take(len);
        if tag.starts_with("</") {
            Some(Token::End(tag))
        } else if tag.starts_with("<!") || tag.starts_with("<?") {
            Some(Token::Other(tag))
        } else {
            let name = tag_name(tag);
            if RAW_TEXT.contains(&name.as_ref()) && !tag.ends_with("/>") {
                self.raw_until = Some(format!("</{name}"));
            }
            Some(Token::Start(tag))
        }
    }
}

impl<'a> Tokens<'a> {
    fn take(&mut self, len: usize) -> &'a str {
        let (head, tail) = self.rest.split_at(len);
        self.rest = tail;
        head
    }
}

/// Length of the tag at the start of `s`: a `>` inside a quoted attribute value does not end it.
fn tag_len(s: &str) -> usize {
    let mut quote = None;
    for (i, c) in s.char_indices().skip(1) {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '>') => return i + 1,
            _ => {}
        }
    }
    s.len()
}

/// The lower-case element name of a start or end tag (borrowed when the tag
/// is written in lower case, as every tag summering renders is).
pub(super) fn tag_name(tag: &str) -> std::borrow::Cow<'_, str> {
    let rest = tag.trim_start_matches('<').trim_start_matches('/');
    let name = &rest[..rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
        .unwrap_or(rest.len())];
    if name.bytes().any(|b| b.is_ascii_uppercase()) {
        name.to_ascii_lowercase().into()
    } else {
        name.into()
    }
}

/// Every attribute of a start tag as (lower-case name, value as written).
fn attrs(tag: &str) -> Vec<(String, &str)> {
    let body = tag
        .trim_start_matches('<')
        .trim_end_matches('>')
        .trim_end_matches('/');
    let mut rest = body.trim_start_matches(|c: char| !c.is_whitespace());
    let mut out = Vec::new();
    loop {
        rest = rest.trim_start();
        if rest.is_empty() {
            return out;
        }
        let key_len = rest
            .find(|c: char| c == '=' || c.is_whitespace())
            .unwrap_or(rest.len())
            .max(1);
        let key = rest[..key_len].to_ascii_lowercase();
        rest = rest[key_len..].trim_start();
        let value = if let Some(after) = rest.strip_prefix('=') {
            let after = after.trim_start();
            let (value, remaining) = match after.chars().next() {
                Some(q @ ('"' | '\'')) => {
                    let end = after[1..].find(q).map_or(after.len(), |i| i + 1);
                    (&after[1..end], after.get(end + 1..).unwrap_or(""))
                }
                _ => {
                    let end = after.find(char::is_whitespace).unwrap_or(after.len());
                    (&after[..end], &after[end..])
                }
            };
            rest = remaining;
            value
        } else {
            ""
        };
        out.push((key, value));
    }
}

/// The value of one attribute of a start tag.
pub(super) fn attr<'t>(tag: &'t str, name: &str) -> Option<&'t str> {
    attrs(tag)
        .into_iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v)
}

/// Where `needle` (an end tag's start, `</name`) is in `haystack`, in any case:
/// only the places of a `<` are compared (a memchr scan between them).
fn find_ascii_ci(haystack: &str, needle: &str) -> Option<usize> {
    let (bytes, needle) = (haystack.as_bytes(), needle.as_bytes());
    let mut from = 0;
    while let Some(i) = haystack[from..].find('<') {
        let at = from + i;
        if bytes
            .get(at..at + needle.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(needle))
        {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_respects_quotes_and_raw_text() {
        let html = "<!DOCTYPE html><p title='a>b'>x &amp; y</p><script>if (a<b) {}</script><!-- c --><br/>";
        let toks: Vec<Token<'_>> = tokens(html).collect();
        assert_eq!(
            toks.iter()
                .map(|t| match t {
                    Token::Text(s)
                    | Token::Start(s)
                    | Token::End(s)
                    | Token::Other(s)
                    | Token::Raw(s) => *s,
                })
                .collect::<String>(),
            html
        );
        assert_eq!(toks[1], Token::Start("<p title='a>b'>"));
        assert_eq!(toks[5], Token::Raw("if (a<b) {}"));
    }

    #[test]
    fn reads_attributes() {
        let tag = "<a href=\"x.html#y\" class=c data-x='1 2' hidden>";
        assert_eq!(attr(tag, "href"), Some("x.html#y"));
        assert_eq!(attr(tag, "class"), Some("c"));
        assert_eq!(attr(tag, "data-x"), Some("1 2"));
        assert_eq!(attr(tag, "hidden"), Some(""));
        assert_eq!(attr(tag, "id"), None);
        assert_eq!(tag_name("</Section >"), "section");
    }
}
