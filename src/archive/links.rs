//! The links of the archived pages, so that none leads out of the package.
//!
//! A page keeps its bytes except where a link must change (lol_html rewrites
//! the stream in place; nothing else is re-serialised):
//! - to a page or asset in the HTML representation: unchanged (the folders
//!   keep the site's layout), a folder link names its `index.html`;
//! - to a PDF, which lives in the PDF representation: pointed there;
//! - to a page of the site that is not in the package (the start page, the
//!   archive page, another year): pointed to the package's start page, which
//!   says where the rest of the archive is;
//! - to another website (or `mailto:`): the link becomes plain text, with the
//!   address in brackets after it when the text does not show it already;
//! - an image, stylesheet, script or frame from outside: the image becomes its
//!   text alternative, the others are left out.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use lol_html::html_content::{ContentType, Element};
use lol_html::{HtmlRewriter, Settings, doc_text, element};

use crate::html::decode_attribute as decode;
use crate::lang::Lang;
use crate::urlpath::{self, Link};

/// Where a file of the site is in the package.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Place {
    /// `representations/html/data/`.
    Html,
    /// `representations/pdf/data/`.
    Pdf,
}

impl Place {
    /// The folder of this representation, from the package root.
    pub(super) fn folder(self) -> &'static str {
        match self {
            Place::Html => "representations/html/data/",
            Place::Pdf => "representations/pdf/data/",
        }
    }
}

/// What a page's links can reach.
#[derive(Debug)]
pub(super) struct Resolver<'a> {
    /// Every file of the package by its path in the site.
    pub(super) files: &'a BTreeMap<String, Place>,
    /// The package's start page, by its path in the site (`index.html`).
    pub(super) start: &'a str,
}

/// What to do with one URL attribute.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Target {
    /// It works in the package as written.
    Keep,
    /// It works once it is this.
    Set(String),
    /// A page of the site that is not in the package: the start page's address.
    Elsewhere(String),
    /// Another website; the address, decoded.
    Outside(String),
}

/// The attributes that hold a URL. `srcset` is handled on its own.
const URL_ATTRIBUTES: [&str; 8] = [
    "href",
    "src",
    "poster",
    "data",
    "action",
    "formaction",
    "cite",
    "xlink:href",
];

/// Elements left out when what they load is not in the package.
const LEFT_OUT: [&str; 9] = [
    "link", "script", "iframe", "embed", "object", "base", "audio", "video", "source",
];

/// `html`, the page at `page` (its path in the site), with its links made to
/// work inside the package.
pub(super) fn rewrite(page: &str, html: &[u8], res: &Resolver<'_>) -> Result<Vec<u8>, String> {
    let pending: Rc<RefCell<Option<Pending>>> = Rc::default();
    let texts = Rc::clone(&pending);
    let mut out = Vec::with_capacity(html.len());
    let mut rewriter = HtmlRewriter::new(
        Settings::new()
            .append_element_content_handler(element!("*", |el| {
                element(el, page, res, &pending)?;
                Ok(())
            }))
            .append_document_content_handler(doc_text!(|t| {
                if let Some(p) = texts.borrow_mut().as_mut() {
                    p.text.push_str(t.as_str());
                }
                Ok(())
            })),
        |chunk: &[u8]| out.extend_from_slice(chunk),
    );
    rewriter.write(html).map_err(|e| e.to_string())?;
    rewriter.end().map_err(|e| e.to_string())?;
    Ok(out)
}

/// A link to another website being turned into text: the address to show
/// after it and the text seen so far.
#[derive(Debug)]
struct Pending {
    shown: String,
    text: String,
}

fn element(
    el: &mut Element<'_, '_>,
    page: &str,
    res: &Resolver<'_>,
    pending: &Rc<RefCell<Option<Pending>>>,
) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    let tag = el.tag_name();
    let html_element = el.namespace_uri() == "http://www.w3.org/1999/xhtml";
    let is_link = html_element && (tag == "a" || tag == "area");
    if html_element && tag == "meta" {
        let refresh = el
            .get_attribute("http-equiv")
            .is_some_and(|v| v.eq_ignore_ascii_case("refresh"));
        if refresh {
            el.remove();
            return Ok(());
        }
    }
    if let Some(srcset) = el.get_attribute("srcset") {
        let inside = decode(&srcset).split(',').all(|candidate| {
            let url = candidate.split_whitespace().next().unwrap_or("");
            url.is_empty() || classify(page, url, res) == Target::Keep
        });
        if !inside {
            el.remove_attribute("srcset");
        }
    }
    for attr in URL_ATTRIBUTES {
        if attr == "data" && tag != "object" {
            continue;
        }
        let Some(raw) = el.get_attribute(attr) else {
            continue;
        };
        match classify(page, &decode(&raw), res) {
            Target::Keep => {}
            Target::Set(url) => el.set_attribute(attr, &url)?,
            Target::Elsewhere(url) if is_link && attr == "href" => el.set_attribute(attr, &url)?,
            Target::Outside(url) if html_element && tag == "a" && attr == "href" => {
                to_text(el, &url, pending)?;
            }
            _ if html_element && tag == "img" && attr == "src" => {
                let alt = el
                    .get_attribute("alt")
                    .map(|a| decode(&a))
                    .unwrap_or_default();
                el.replace(&alt, ContentType::Text);
                return Ok(());
            }
            _ if html_element && LEFT_OUT.contains(&tag.as_str()) => {
                el.remove();
                return Ok(());
            }
            _ => el.remove_attribute(attr),
        }
    }
    Ok(())
}

/// Turns the link `el` to `url` into a `<span>` with the same content, and
/// the address after it unless the text shows it.
fn to_text(
    el: &mut Element<'_, '_>,
    url: &str,
    pending: &Rc<RefCell<Option<Pending>>>,
) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    el.set_tag_name("span")?;
    for a in [
        "href",
        "target",
        "rel",
        "hreflang",
        "type",
        "download",
        "ping",
        "referrerpolicy",
    ] {
        el.remove_attribute(a);
    }
    // An e-mail address or phone number is shown without its scheme or query.
    let shown = match ["mailto:", "tel:"]
        .iter()
        .find_map(|scheme| url.strip_prefix(scheme))
    {
        Some(address) => address.split('?').next().unwrap_or(address),
        None => url,
    }
    .to_string();
    *pending.borrow_mut() = Some(Pending {
        shown,
        text: String::new(),
    });
    let pending = Rc::clone(pending);
    el.on_end_tag(Box::new(move |end| {
        if let Some(p) = pending.borrow_mut().take()
            && !p.text.contains(&p.shown)
        {
            end.after(&format!(" ({})", p.shown), ContentType::Text);
        }
        Ok(())
    }))?;
    Ok(())
}

/// What the URL `href` (decoded) on the page at `page` needs.
fn classify(page: &str, href: &str, res: &Resolver<'_>) -> Target {
    let start = || Target::Elsewhere(start_href(page, res.start));
    match urlpath::resolve(page, href) {
        Link::External if href.trim_start().to_ascii_lowercase().starts_with("data:") => {
            Target::Keep
        }
        Link::External => Target::Outside(href.trim().to_string()),
        Link::RootAbsolute | Link::OutsideSite => start(),
        Link::Internal { path, fragment } => {
            let folder = path.is_empty() || path.ends_with('/');
            let file = if folder {
                format!("{path}index.html")
            } else {
                path
            };
            if file == page && !folder {
                return Target::Keep;
            }
            let with_fragment = |url: String| match &fragment {
                Some(f) => format!("{url}#{}", encode_fragment(f)),
                None => url,
            };
            match res.files.get(&file) {
                Some(Place::Html) if !folder => Target::Keep,
                Some(Place::Html) => Target::Set(with_fragment(relative(page, &file))),
                Some(Place::Pdf) => {
                    let from = format!("{}{page}", Place::Html.folder());
                    let to = format!("{}{file}", Place::Pdf.folder());
                    Target::Set(with_fragment(relative(&from, &to)))
                }
                None => start(),
            }
        }
    }
}

/// The start page's address from `page`, at the part in the page's language.
fn start_href(page: &str, start: &str) -> String {
    let url = relative(page, start);
    match page.split('/').next().and_then(Lang::from_code) {
        Some(lang) => format!("{url}#{}", lang.code()),
        None => url,
    }
}

/// The relative URL from the file `from` to the file `to` (both relative to
/// the same folder, `/`-separated), each segment percent-encoded.
pub(super) fn relative(from: &str, to: &str) -> String {
    let mut from_dirs: Vec<&str> = from.split('/').collect();
    from_dirs.pop();
    let to_parts: Vec<&str> = to.split('/').collect();
    let common = from_dirs
        .iter()
        .zip(&to_parts[..to_parts.len() - 1])
        .take_while(|(a, b)| a == b)
        .count();
    let mut url = "../".repeat(from_dirs.len() - common);
    let rest: Vec<String> = to_parts[common..].iter().map(|s| encode(s)).collect();
    url.push_str(&rest.join("/"));
    url
}

/// Characters a path segment keeps as they are; everything else is `%XX`.
const SEGMENT: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

fn encode(segment: &str) -> String {
    percent_encoding::utf8_percent_encode(segment, SEGMENT).to_string()
}

fn encode_fragment(fragment: &str) -> String {
    percent_encoding::utf8_percent_encode(fragment, SEGMENT).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files() -> BTreeMap<String, Place> {
        [
            ("sv/2021/index.html", Place::Html),
            ("sv/2021/slides/index.html", Place::Html),
            ("assets/style.css", Place::Html),
            ("sv/2021/report.pdf", Place::Pdf),
            ("index.html", Place::Html),
        ]
        .into_iter()
        .map(|(p, r)| (p.to_string(), r))
        .collect()
    }

    fn run(html: &str) -> String {
        let files = files();
        let res = Resolver {
            files: &files,
            start: "index.html",
        };
        String::from_utf8(rewrite("sv/2021/index.html", html.as_bytes(), &res).unwrap()).unwrap()
    }

    #[test]
    fn links_inside_the_package_are_left_as_written() {
        let page = r##"<link rel="stylesheet" href="../../assets/style.css"><a href="slides/index.html#3">d</a><a href="#x">x</a>"##;
        assert_eq!(run(page), page);
    }

    #[test]
    fn pdfs_are_found_in_their_representation() {
        assert_eq!(
            run(r#"<a href="report.pdf">PDF</a>"#),
            r#"<a href="../../../../pdf/data/sv/2021/report.pdf">PDF</a>"#
        );
    }

    #[test]
    fn other_pages_of_the_site_lead_to_the_start_page() {
        assert_eq!(
            run(r#"<a href="../2020/index.html">2020</a><a href="../index.html">Arkiv</a>"#),
            r#"<a href="../../index.html#sv">2020</a><a href="../../index.html#sv">Arkiv</a>"#
        );
        assert_eq!(
            run(r#"<a href="slides/">d</a>"#),
            r#"<a href="slides/index.html">d</a>"#
        );
    }

    #[test]
    fn other_websites_become_text_with_the_address() {
        assert_eq!(
            run(r#"<p><a href="https://www.digg.se/tdosanmalan" class="x">DIGG</a>.</p>"#),
            r#"<p><span class="x">DIGG</span> (https://www.digg.se/tdosanmalan).</p>"#
        );
        assert_eq!(
            run(r#"<a href="mailto:a@b.se">a@b.se</a>"#),
            r#"<span>a@b.se</span>"#
        );
        assert_eq!(
            run(r#"<a href="https://x.se/?a=1&amp;b=2">x</a>"#),
            r#"<span>x</span> (https://x.se/?a=1&amp;b=2)"#
        );
    }

    #[test]
    fn outside_resources_are_left_out() {
        assert_eq!(
            run(
                r#"<img src="https://x.se/a.png" alt="Karta &amp; bild"><script src="//cdn/x.js"></script><link rel="preconnect" href="https://x.se">"#
            ),
            "Karta &amp; bild"
        );
    }

    #[test]
    fn relative_paths() {
        assert_eq!(relative("a/b/c.html", "a/d.html"), "../d.html");
        assert_eq!(relative("c.html", "a/b/d.html"), "a/b/d.html");
        assert_eq!(relative("a/c.html", "a/c.html"), "c.html");
        assert_eq!(relative("a/b.html", "x y/ö.css"), "../x%20y/%C3%B6.css");
    }
}
