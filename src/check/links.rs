//! Internal links, anchors and assets of the built pages.
//!
//! Every `href` and `src` of every page, and every `url(…)` of every
//! stylesheet, must point at a file the site has (and at an `id` that page
//! has, for `#anchors`). Links must be relative and name the file
//! (`../2020/index.html`, not `/sv/2020/` or `../2020/`) so the site also works
//! when opened from a file share. External links are not checked: the check
//! works offline.

use std::collections::{BTreeMap, BTreeSet};

use super::{Sources, locate};
use crate::diagnostics::{ErrorKind, SiteError};
use crate::html::start_tags;
use crate::output::OutputFile;
use crate::urlpath::{Link, resolve};

/// Attributes that hold a URL, per element.
const URL_ATTRS: &[(&str, &str)] = &[
    ("a", "href"),
    ("area", "href"),
    ("link", "href"),
    ("img", "src"),
    ("script", "src"),
    ("source", "src"),
    ("iframe", "src"),
    ("audio", "src"),
    ("video", "src"),
    ("embed", "src"),
    ("object", "data"),
];

/// An error for every link or asset that does not resolve.
pub fn broken(files: &[OutputFile], sources: &Sources<'_>) -> Vec<SiteError> {
    let paths: BTreeSet<&str> = files.iter().map(|f| f.path.as_str()).collect();
    let ids: BTreeMap<&str, BTreeSet<String>> = files
        .iter()
        .filter(|f| f.is_html())
        .map(|f| (f.path.as_str(), ids_of(&String::from_utf8_lossy(&f.bytes))))
        .collect();
    let mut errors = Vec::new();
    let mut seen = BTreeSet::new();
    for f in files {
        let text = String::from_utf8_lossy(&f.bytes);
        let links = if f.is_html() {
            html_links(&text)
        } else if f.path.ends_with(".css") {
            css_links(&text)
        } else {
            continue;
        };
        for href in links {
            let Some(message) = problem(&f.path, &href, &paths, &ids) else {
                continue;
            };
            let sections = sources.sections_for_page(&f.path);
            let e = locate(&sections, &href, &f.path, ErrorKind::BrokenLink, message.0)
                .with_help(message.1);
            if seen.insert(e.to_string()) {
                errors.push(e);
            }
        }
    }
    errors
}

/// What is wrong with `href` on `page`, as (message, help); `None` if it resolves.
fn problem(
    page: &str,
    href: &str,
    paths: &BTreeSet<&str>,
    ids: &BTreeMap<&str, BTreeSet<String>>,
) -> Option<(String, String)> {
    match resolve(page, href) {
        Link::External => None,
        Link::RootAbsolute => Some((
            format!(
                "the link \"{href}\" starts with /, which breaks when the site is opened from a file share"
            ),
            "write the link relative to the page, like ../2020/index.html".into(),
        )),
        Link::OutsideSite => Some((
            format!("the link \"{href}\" climbs out of the site with ../"),
            "count the ../ again: from a report page, ../../ is the site's top folder".into(),
        )),
        Link::Internal { path, fragment } => {
            if !paths.contains(path.as_str()) {
                let folder = path.trim_end_matches('/');
                let folder_page = if folder.is_empty() {
                    "index.html".to_string()
                } else {
                    format!("{folder}/index.html")
                };
                return Some(if paths.contains(folder_page.as_str()) {
                    (
                        format!(
                            "the link \"{href}\" points at a folder; opened from a file share, folders do not show their page"
                        ),
                        format!("link to the page itself: {}", with_index(href)),
                    )
                } else {
                    (
                        format!("the link \"{href}\" points at {path}, which the site does not have"),
                        "check the spelling and the number of ../ (links are relative to the page they are on); \
                         images and files must be in the theme's assets/ folder"
                            .into(),
                    )
                });
            }
            let fragment = fragment.filter(|f| !f.is_empty())?;
            let page_ids = ids.get(path.as_str())?;
            (!page_ids.contains(&fragment)).then(|| {
                (
                    format!("the link \"{href}\" points at #{fragment}, which {path} does not have"),
                    "anchors are section names (the file name without number and language, like #framat) \
                     or kind headings (#kind-strength, #kind-focus-area, #kind-development-area, #kind-way-forward)"
                        .into(),
                )
            })
        }
    }
}

/// `../2020/#x` → `../2020/index.html#x`.
fn with_index(href: &str) -> String {
    let (path, fragment) = href
        .split_once('#')
        .map_or((href, None), |(p, f)| (p, Some(f)));
    let fragment = fragment.map(|f| format!("#{f}")).unwrap_or_default();
    format!("{}/index.html{fragment}", path.trim_end_matches('/'))
}

/// Every `id` (and `<a name>`) of a page.
fn ids_of(html: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for tag in start_tags(html) {
        for (key, value) in tag.attrs {
            if key == "id" || (key == "name" && tag.name == "a") {
                out.insert(value);
            }
        }
    }
    out
}

/// The URLs a page refers to.
fn html_links(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    for tag in start_tags(html) {
        for (key, value) in tag.attrs {
            if URL_ATTRS.contains(&(tag.name.as_str(), key.as_str())) && !value.trim().is_empty() {
                out.push(value);
            }
        }
    }
    out
}

/// The `url(…)` references of a stylesheet.
fn css_links(css: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = css;
    while let Some(i) = rest.find("url(") {
        rest = &rest[i + 4..];
        let end = rest.find(')').unwrap_or(rest.len());
        let url = rest[..end].trim().trim_matches(['"', '\'']);
        if !url.is_empty() && !url.starts_with("data:") && !url.starts_with('#') {
            out.push(url.to_string());
        }
        rest = &rest[end..];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(page: &str, href: &str) -> Option<String> {
        let paths = BTreeSet::from([
            "index.html",
            "sv/index.html",
            "sv/2021/index.html",
            "assets/style.css",
        ]);
        let ids = BTreeMap::from([("sv/2021/index.html", BTreeSet::from(["framat".to_string()]))]);
        problem(page, href, &paths, &ids).map(|(m, _)| m)
    }

    #[test]
    fn good_links_pass() {
        for href in [
            "../../assets/style.css",
            "#framat",
            "../index.html",
            "https://example.org/x",
            "mailto:a@b.se",
            "index.html#framat",
        ] {
            assert_eq!(check("sv/2021/index.html", href), None, "{href}");
        }
    }

    #[test]
    fn bad_links_are_named() {
        for href in [
            "../2020/index.html",
            "#saknas",
            "/sv/index.html",
            "../../../x",
            "../",
            "../../",
            "..",
            "bild.png",
        ] {
            assert!(check("sv/2021/index.html", href).is_some(), "{href}");
        }
    }

    #[test]
    fn finds_links_in_pages_and_stylesheets() {
        let html = "<a href=\"a.html?x=1&amp;y=2\">x</a><img src='b.png' alt=''><link rel=stylesheet href=c.css><a>no</a><A HREF=\"&auml;.html#&#x61;\">";
        assert_eq!(
            html_links(html),
            ["a.html?x=1&y=2", "b.png", "c.css", "ä.html#a"],
            "names in any case, every character reference decoded"
        );
        assert_eq!(
            css_links("a{background:url( \"x.svg\" )} b{src:url(data:abc)}"),
            ["x.svg"]
        );
        assert_eq!(
            ids_of("<h2 id=\"kind-a\">x</h2><a name=top></a>"),
            BTreeSet::from(["kind-a".into(), "top".into()])
        );
    }
}
