//! Markdown to safe HTML, per language.
//!
//! - tables, footnotes, strikethrough and smart punctuation are on;
//! - Swedish text gets Swedish quotation marks (”…” and ’…’), not English ones;
//! - footnote ids are prefixed with the section slug so several sections can
//!   share a page;
//! - headings inside a section start below the section heading (`#` → `h4`);
//! - links with a scheme other than http, https, mailto or tel are dropped
//!   (their text is kept), and raw HTML is passed through `ammonia`, which
//!   removes scripts, event handlers and unsafe URLs;
//! - a picture of the year folder gets the `src` of its published copy, its
//!   width and height, and `alt=""` when it is marked decorative (see
//!   [`super::images`]).

use std::collections::HashSet;
use std::sync::LazyLock;

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use super::images::{self, PictureLinks};
use crate::lang::Lang;

/// Markdown rendered to HTML.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    /// Safe HTML, as pulldown-cmark writes it: the whitespace is compacted where
    /// pages are finished, in [`crate::render`].
    pub html: String,
    /// True if anything unsafe (script, event handler, `javascript:` link …) was removed.
    pub removed_unsafe: bool,
}

const SAFE_SCHEMES: [&str; 4] = ["http", "https", "mailto", "tel"];

/// The Markdown extensions summering writes with: tables, footnotes,
/// strikethrough and smart punctuation (the slide fitting parses with the same).
pub fn options() -> Options {
    let mut options = Options::empty();
    options.insert(Options::ENABLE_TABLES);
    options.insert(Options::ENABLE_FOOTNOTES);
    options.insert(Options::ENABLE_STRIKETHROUGH);
    options.insert(Options::ENABLE_SMART_PUNCTUATION);
    options
}

/// Renders `markdown` written in `lang`; `id_prefix` keeps footnote ids unique on a page,
/// `pictures` are the pictures it may show and the page it is shown on.
pub fn render(
    markdown: &str,
    lang: Lang,
    id_prefix: &str,
    pictures: &PictureLinks<'_>,
) -> Rendered {
    render_events(
        Parser::new_ext(markdown, options()),
        markdown.len() * 2,
        lang,
        id_prefix,
        pictures,
    )
}

/// [`render`] of Markdown already parsed (with [`options`]) into `events`;
/// `capacity` is a guess of the HTML's length.
pub fn render_events<'a>(
    events: impl IntoIterator<Item = Event<'a>>,
    capacity: usize,
    lang: Lang,
    id_prefix: &str,
    pictures: &PictureLinks<'_>,
) -> Rendered {
    let mut removed_unsafe = false;
    let mut raw_html = String::new();
    let mut dropped_links = 0usize;
    let mut kept = Vec::new();
    let mut events = events.into_iter();
    // On a slide, the pictures of a block share its picture height: how many
    // pictures each outermost picture's block has.
    let (mut events, shares): (Box<dyn Iterator<Item = Event<'a>>>, Vec<usize>) =
        if pictures.block_height().is_some() {
            let all: Vec<Event<'a>> = events.by_ref().collect();
            let shares = images::shares(&all);
            (Box::new(all.into_iter()), shares)
        } else {
            (Box::new(events), Vec::new())
        };
    // Outermost pictures seen, and the pictures open that pulldown-cmark writes itself.
    let (mut seen, mut open) = (0usize, 0usize);
    while let Some(event) = events.next() {
        let outermost = open == 0 && matches!(event, Event::Start(Tag::Image { .. }));
        let share = if outermost {
            seen += 1;
            shares.get(seen - 1).copied().unwrap_or(1)
        } else {
            1
        };
        if outermost
            && let Event::Start(Tag::Image {
                dest_url, title, ..
            }) = &event
            && let Some(picture) = pictures.find(dest_url)
        {
            let title = title.to_string();
            let alt = alt_text(&mut events, lang);
            let max_height = pictures
                .block_height()
                .filter(|_| share > 1)
                .map(|h| h / share as f32);
            kept.push(Event::InlineHtml(CowStr::from(img_tag(
                &pictures.url(picture),
                picture.size(),
                &alt,
                &title,
                max_height,
            ))));
            continue;
        }
        match &event {
            Event::Start(Tag::Image { .. }) => open += 1,
            Event::End(TagEnd::Image) => open = open.saturating_sub(1),
            _ => {}
        }
        let event = match event {
            Event::Text(text) if lang == Lang::Sv => Event::Text(swedish_quotes(text)),
            Event::Html(html) | Event::InlineHtml(html) => {
                raw_html.push_str(&html);
                Event::Html(html)
            }
            Event::FootnoteReference(label) => {
                Event::FootnoteReference(prefixed(id_prefix, &label))
            }
            Event::Start(Tag::FootnoteDefinition(label)) => {
                Event::Start(Tag::FootnoteDefinition(prefixed(id_prefix, &label)))
            }
            Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs,
            }) => Event::Start(Tag::Heading {
                level: demote(level),
                id,
                classes,
                attrs,
            }),
            Event::End(TagEnd::Heading(level)) => Event::End(TagEnd::Heading(demote(level))),
            Event::Start(Tag::Link { dest_url, .. })
            | Event::Start(Tag::Image { dest_url, .. })
                if !is_safe_url(&dest_url) =>
            {
                removed_unsafe = true;
                dropped_links += 1;
                continue;
            }
            Event::End(TagEnd::Link | TagEnd::Image) if dropped_links > 0 => {
                dropped_links -= 1;
                continue;
            }
            other => other,
        };
        kept.push(event);
    }
    let mut html = String::with_capacity(capacity);
    pulldown_cmark::html::push_html(&mut html, kept.into_iter());
    if !raw_html.is_empty() {
        removed_unsafe |= looks_unsafe(&raw_html);
        let flat = flatten_deep(&html);
        html = SANITIZER
            .clean(flat.as_deref().unwrap_or(&html))
            .to_string();
    }
    Rendered {
        html,
        removed_unsafe,
    }
}

/// How deep raw HTML's elements may nest; deeper ones are dropped (their text
/// is kept) before sanitising. html5ever's tree builder, which ammonia uses,
/// looks through the open elements at each new one, so its work grows with the
/// square of the depth (100,000 nested `<div>`s took minutes); browsers stop
/// nesting at 512 too.
const MAX_DEPTH: usize = 512;

/// `html` without the tags nested deeper than [`MAX_DEPTH`], written out again
/// from its pieces; `None` when nothing is that deep (the common case: then the
/// text goes to the sanitiser as it is). Depth is counted as written, with no
/// implied end tags, so it is never less than what a browser would build.
fn flatten_deep(html: &str) -> Option<String> {
    use crate::html::Piece;
    // Nesting deeper than the limit needs more tags than that: most texts are
    // ruled out by counting `<` (a byte search), without tokenizing them.
    if html.bytes().filter(|&b| b == b'<').count() <= MAX_DEPTH {
        return None;
    }
    let pieces = crate::html::pieces(html);
    let mut depth = 0usize;
    let mut deepest = 0;
    for piece in &pieces {
        match piece {
            Piece::Start(tag) if tag.opens() => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            Piece::End(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    if deepest <= MAX_DEPTH {
        return None;
    }
    // Written for the sanitiser, which parses it again: escaping as in an attribute is enough.
    let escape = escape_attr;
    let mut out = String::with_capacity(html.len());
    depth = 0;
    for piece in &pieces {
        match piece {
            Piece::Start(tag) => {
                let opens = tag.opens();
                depth += usize::from(opens);
                if depth > MAX_DEPTH && opens {
                    continue;
                }
                out.push('<');
                out.push_str(&tag.name);
                for (name, value) in &tag.attrs {
                    out.push(' ');
                    out.push_str(name);
                    out.push_str("=\"");
                    escape(value, &mut out);
                    out.push('"');
                }
                out.push('>');
            }
            Piece::End(name) => {
                let deep = depth > MAX_DEPTH;
                depth = depth.saturating_sub(1);
                if !deep {
                    out.push_str("</");
                    out.push_str(name);
                    out.push('>');
                }
            }
            Piece::Text(text) => escape(text, &mut out),
        }
    }
    Some(out)
}

/// The text of a picture up to its end (`events` is right after its start):
/// the text of everything inside, nested pictures too, as pulldown-cmark
/// writes it into `alt`.
fn alt_text<'a>(events: &mut dyn Iterator<Item = Event<'a>>, lang: Lang) -> String {
    let mut alt = String::new();
    let mut depth = 1usize;
    for event in events {
        match event {
            Event::Start(Tag::Image { .. }) => depth += 1,
            Event::End(TagEnd::Image) => {
                depth -= 1;
                if depth == 0 {
                    break;
                }
            }
            Event::Text(t) if lang == Lang::Sv => alt.push_str(&swedish_quotes(t)),
            Event::Text(t) | Event::Code(t) | Event::InlineMath(t) | Event::DisplayMath(t) => {
                alt.push_str(&t)
            }
            Event::Html(t) | Event::InlineHtml(t) => alt.push_str(&t),
            Event::SoftBreak | Event::HardBreak => alt.push(' '),
            Event::FootnoteReference(label) => alt.push_str(&label),
            _ => {}
        }
    }
    alt
}

/// The `<img>` of a picture of the year folder: `src` and its size, `alt`
/// (empty for a decorative picture) and the title unless it is the word
/// that marks it decorative; on a slide where it shares its block with other
/// pictures, the height (design px) it may take.
fn img_tag(
    src: &str,
    (width, height): (u32, u32),
    alt: &str,
    title: &str,
    max_height: Option<f32>,
) -> String {
    let decorative = images::is_decorative(title);
    let mut tag = String::with_capacity(64 + src.len() + alt.len());
    tag.push_str("<img src=\"");
    escape_attr(src, &mut tag);
    tag.push_str("\" alt=\"");
    if !decorative {
        escape_attr(alt, &mut tag);
    }
    tag.push('"');
    if !decorative && !title.is_empty() {
        tag.push_str(" title=\"");
        escape_attr(title, &mut tag);
        tag.push('"');
    }
    tag.push_str(&format!(" width=\"{width}\" height=\"{height}\""));
    if let Some(h) = max_height {
        tag.push_str(&format!(" style=\"max-height:calc({h:.1} * var(--u))\""));
    }
    tag.push('>');
    tag
}

/// `s` escaped for an attribute value in double quotes.
fn escape_attr(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
}

/// Note: dropped links are not nested, so a counter is enough to skip their end tags.
pub(crate) fn is_safe_url(url: &str) -> bool {
    let trimmed: String = url
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect();
    match trimmed.split_once(':') {
        Some((scheme, _)) if !scheme.contains(['/', '?', '#']) => {
            SAFE_SCHEMES.contains(&scheme.to_ascii_lowercase().as_str())
        }
        _ => true,
    }
}

/// Only for the warning; the sanitiser does the actual removal.
fn looks_unsafe(raw: &str) -> bool {
    let lower = raw.to_ascii_lowercase();
    [
        "<script",
        "<style",
        "<iframe",
        "<object",
        "<embed",
        "javascript:",
        "vbscript:",
        "data:",
    ]
    .iter()
    .any(|p| lower.contains(p))
        || lower.match_indices(" on").any(|(i, _)| {
            let rest = &lower[i + 3..];
            let name_len = rest.chars().take_while(|c| c.is_ascii_alphabetic()).count();
            name_len > 0 && rest[name_len..].trim_start().starts_with('=')
        })
}

static SANITIZER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut b = ammonia::Builder::default();
    b.url_schemes(HashSet::from(SAFE_SCHEMES))
        .add_generic_attributes(["id", "class"])
        .add_tag_attributes("th", ["style"])
        .add_tag_attributes("td", ["style"])
        .add_tag_attributes("img", ["style"])
        .attribute_filter(|element, attribute, value| match (element, attribute) {
            ("th" | "td", "style") => [
                "text-align: left",
                "text-align: center",
                "text-align: right",
            ]
            .contains(&value)
            .then(|| value.into()),
            ("img", "style") => is_shared_height(value).then(|| value.into()),
            _ => Some(value.into()),
        });
    b
});

/// True for the `style` [`img_tag`] writes for a picture sharing a slide
/// block, `max-height:calc(N * var(--u))`: the one style an `<img>` may keep.
fn is_shared_height(style: &str) -> bool {
    style
        .strip_prefix("max-height:calc(")
        .and_then(|s| s.strip_suffix(" * var(--u))"))
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit() || b == b'.'))
}

fn prefixed<'a>(prefix: &str, label: &str) -> CowStr<'a> {
    CowStr::from(format!("{prefix}-{label}"))
}

fn demote(level: HeadingLevel) -> HeadingLevel {
    match level {
        HeadingLevel::H1 => HeadingLevel::H4,
        HeadingLevel::H2 => HeadingLevel::H5,
        _ => HeadingLevel::H6,
    }
}

/// Swedish typography: both quotation marks are the closing form (”…”, ’…’).
pub(crate) fn swedish_quotes(text: CowStr<'_>) -> CowStr<'_> {
    // Both opening quotes start with the byte E2 in UTF-8: most text has none, and
    // a byte search rules it out without decoding every character.
    if text.as_bytes().contains(&0xE2) && text.contains(['“', '‘']) {
        CowStr::from(text.replace('“', "”").replace('‘', "’"))
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deeply_nested_html_is_cut_at_the_limit_and_keeps_its_text() {
        let n = 100_000;
        let md = format!(
            "{}djupt &amp; inne{}\n",
            "<div>".repeat(n),
            "</div>".repeat(n)
        );
        let html = sv(&md).html;
        assert!(html.contains("djupt &amp; inne"), "{}", &html[..200]);
        assert_eq!(html.matches("<div>").count(), MAX_DEPTH);
        assert_eq!(html.matches("</div>").count(), MAX_DEPTH);
        // Below the limit the sanitiser gets the text as written.
        let shallow = format!(
            "{}x{}\n",
            "<div>".repeat(MAX_DEPTH),
            "</div>".repeat(MAX_DEPTH)
        );
        assert_eq!(flatten_deep(&shallow), None);
        assert_eq!(sv(&shallow).html.matches("<div>").count(), MAX_DEPTH);
    }

    fn sv(md: &str) -> Rendered {
        render(md, Lang::Sv, "s", &PictureLinks::NONE)
    }

    #[test]
    fn swedish_and_english_quotes() {
        assert!(
            sv("Han sa \"hej\" och 'då'")
                .html
                .contains("”hej” och ’då’")
        );
        assert!(
            render("He said \"hi\"", Lang::En, "s", &PictureLinks::NONE)
                .html
                .contains("“hi”")
        );
    }

    #[test]
    fn scripts_and_handlers_are_removed() {
        let r = sv(
            "<script>alert(1)</script>\n\ntext <img src=x onerror=\"alert(1)\"> <a href=\"javascript:alert(1)\">k</a>",
        );
        assert!(r.removed_unsafe);
        for bad in ["<script", "onerror", "javascript:"] {
            assert!(!r.html.contains(bad), "{bad} survived: {}", r.html);
        }
    }

    #[test]
    fn unsafe_markdown_links_keep_their_text() {
        let r = sv("[länk](javascript:alert(2)) och [ok](https://example.org)");
        assert!(r.removed_unsafe);
        assert!(!r.html.contains("javascript"));
        assert!(r.html.contains("länk"));
        assert!(
            r.html.contains("href=\"https://example.org\""),
            "{}",
            r.html
        );
    }

    #[test]
    fn relative_links_are_safe() {
        assert!(is_safe_url("../2020/index.html#x"));
        assert!(is_safe_url("bild.png"));
        assert!(!is_safe_url(" JavaScript:alert(1)"));
        assert!(!is_safe_url("data:text/html,x"));
    }

    #[test]
    fn footnotes_are_prefixed_and_tables_kept() {
        let r = render(
            "a[^1]\n\n[^1]: not\n\n| a | b |\n|--:|---|\n| 1 | 2 |\n",
            Lang::Sv,
            "sec",
            &PictureLinks::NONE,
        );
        assert!(r.html.contains("#sec-1"), "{}", r.html);
        assert!(r.html.contains("id=\"sec-1\""), "{}", r.html);
        assert!(r.html.contains("<table>"));
        assert!(!r.removed_unsafe);
    }

    #[test]
    fn headings_start_below_the_section_heading() {
        assert!(sv("# Rubrik").html.contains("<h4>Rubrik</h4>"));
    }

    #[test]
    fn harmless_html_is_kept_without_warning() {
        let r = sv("rad<br>rad och <abbr title=\"x\">X</abbr>");
        assert!(!r.removed_unsafe);
        assert!(r.html.contains("<br>"));
    }
}
