//! Internal links, anchors and assets of the built pages.
//!
//! Every `href` and `src` of every page, and every `url(…)` of every
//! stylesheet, must point at a file the site has (and at an `id` that page
//! has, for `#anchors`). Links must be relative and name the file
//! (`../2020/index.html`, not `/sv/2020/` or `../2020/`) so the site also works
//! when opened from a file share. External links are not checked: the check
//! works offline.
//!
//! Only the model and the built files are used, never the raw content: `check`
//! runs it over every page, and `build` over the pages of the published years
//! (a broken link there stops the build). Each file is read once, by
//! [`FileLinks::of`], so `build` can do it on the worker that made the page and
//! keep only the links and anchors, not the page.

use std::collections::{BTreeMap, BTreeSet};

use crate::diagnostics::{Catalogued, ErrorKind, SiteError};
use crate::html::{decode_attribute, start_tags};
use crate::messages::{Message, MessageId};
use crate::model::{SectionText, Site};
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

/// What one built file links to and the anchors it has.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileLinks {
    /// The file's path in the site (`sv/2021/index.html`).
    pub path: String,
    /// Every URL it refers to, decoded, in order (none for a file that is not HTML or CSS).
    links: Vec<String>,
    /// Every `id` (and `<a name>`) of a page.
    ids: BTreeSet<String>,
}

impl FileLinks {
    /// Reads `file` once: the URLs of a page's tags and its ids, or a
    /// stylesheet's `url(…)`s; nothing for other files (they are only targets).
    pub fn of(file: &OutputFile) -> FileLinks {
        let (links, ids) = if file.is_html() {
            page_links(&file.bytes).unwrap_or_else(|| tag_links(&file.bytes))
        } else if file.path.ends_with(".css") {
            (
                css_links(&String::from_utf8_lossy(&file.bytes)),
                BTreeSet::new(),
            )
        } else {
            Default::default()
        };
        FileLinks {
            path: file.path.clone(),
            links,
            ids,
        }
    }
}

/// A page's URLs (decoded, in order) and ids.
type PageLinks = (Vec<String>, BTreeSet<String>);

/// [`PageLinks`] by lol_html, which looks only at the tags its selectors
/// name: a page's text and its charts' long path data are skipped, not
/// tokenized character by character. `None` if lol_html gives up on the page.
fn page_links(html: &[u8]) -> Option<PageLinks> {
    use lol_html::{HtmlRewriter, Settings, element};
    use std::cell::RefCell;

    let links = RefCell::new(Vec::new());
    let ids = RefCell::new(BTreeSet::new());
    let mut handlers = vec![
        element!("[id]", |el| {
            if let Some(id) = el.get_attribute("id") {
                ids.borrow_mut().insert(decode_attribute(&id));
            }
            Ok(())
        }),
        element!("a[name]", |el| {
            if let Some(name) = el.get_attribute("name") {
                ids.borrow_mut().insert(decode_attribute(&name));
            }
            Ok(())
        }),
    ];
    for &(tag, attr) in URL_ATTRS {
        let links = &links;
        handlers.push(element!(format!("{tag}[{attr}]"), move |el| {
            if let Some(value) = el.get_attribute(attr).map(|v| decode_attribute(&v))
                && !value.trim().is_empty()
            {
                links.borrow_mut().push(value);
            }
            Ok(())
        }));
    }
    let settings = handlers
        .into_iter()
        .fold(Settings::new(), |s, h| s.append_element_content_handler(h));
    let mut rewriter = HtmlRewriter::new(settings, |_: &[u8]| {});
    rewriter.write(html).ok()?;
    rewriter.end().ok()?;
    Some((links.into_inner(), ids.into_inner()))
}

/// [`PageLinks`] by html5ever's tokenizer, which reads every character.
fn tag_links(html: &[u8]) -> PageLinks {
    let mut links = Vec::new();
    let mut ids = BTreeSet::new();
    for tag in start_tags(&String::from_utf8_lossy(html)) {
        for (key, value) in tag.attrs {
            if key == "id" || (key == "name" && tag.name == "a") {
                ids.insert(value);
            } else if URL_ATTRS.contains(&(tag.name.as_str(), key.as_str()))
                && !value.trim().is_empty()
            {
                links.push(value);
            }
        }
    }
    (links, ids)
}

/// An error for every link or asset of the files that `checked` accepts (by
/// path) that does not resolve, placed in the section text it came from when
/// it is there. Each broken link is reported once.
pub fn broken(files: &[FileLinks], site: &Site, checked: impl Fn(&str) -> bool) -> Vec<SiteError> {
    let paths: BTreeSet<&str> = files.iter().map(|f| f.path.as_str()).collect();
    let ids: BTreeMap<&str, &BTreeSet<String>> = files
        .iter()
        .filter(|f| f.path.ends_with(".html"))
        .map(|f| (f.path.as_str(), &f.ids))
        .collect();
    let mut errors = Vec::new();
    let mut seen = BTreeSet::new();
    for f in files.iter().filter(|f| checked(&f.path)) {
        for href in &f.links {
            let Some(message) = problem(&f.path, href, &paths, &ids) else {
                continue;
            };
            let sections = sections_for_page(site, &f.path);
            let e = locate(&sections, href, &f.path, message.0).with_help(message.1);
            if seen.insert(e.to_string()) {
                errors.push(e);
            }
        }
    }
    errors
}

/// Section texts that can appear on the page at `page` (`sv/2021/…`): the
/// page's language first, then the default language (shown as fallback).
fn sections_for_page<'a>(site: &'a Site, page: &str) -> Vec<&'a SectionText> {
    let mut parts = page.split('/');
    let (Some(code), Some(year)) = (parts.next(), parts.next()) else {
        return Vec::new();
    };
    let Some(report) = site
        .reports
        .iter()
        .find(|r| r.year.get().to_string() == year)
    else {
        return Vec::new();
    };
    let in_lang = |lang| report.sections.iter().filter_map(move |s| s.text.get(lang));
    let lang = site.languages.iter().copied().find(|l| l.code() == code);
    let default = site.default_lang();
    let mut out: Vec<&SectionText> = lang.into_iter().flat_map(in_lang).collect();
    if lang != Some(default) {
        out.extend(in_lang(default));
    }
    out
}

/// An error at `needle` in a section text if it is there, else in the built page.
fn locate(sections: &[&SectionText], needle: &str, page: &str, message: Message) -> SiteError {
    for s in sections {
        if let Some(i) = s.markdown.find(needle) {
            let start = s.body_offset + i;
            return SiteError::at(
                ErrorKind::BrokenLink,
                &s.file,
                &s.source_text,
                start..start + needle.len(),
                message,
            );
        }
    }
    SiteError::in_file(
        ErrorKind::BrokenLink,
        page,
        MessageId::CheckFromTheme.message("problem", message),
    )
}

/// What is wrong with `href` on `page`, as (message, help); `None` if it resolves.
fn problem(
    page: &str,
    href: &str,
    paths: &BTreeSet<&str>,
    ids: &BTreeMap<&str, &BTreeSet<String>>,
) -> Option<(Message, Message)> {
    match resolve(page, href) {
        Link::External => None,
        Link::RootAbsolute => Some((
            MessageId::LinkRootAbsolute.arg("href", href),
            Message::new(MessageId::LinkRootAbsoluteHelp),
        )),
        Link::OutsideSite => Some((
            MessageId::LinkOutside.arg("href", href),
            Message::new(MessageId::LinkOutsideHelp),
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
                        MessageId::LinkFolder.arg("href", href),
                        MessageId::LinkFolderHelp.arg("page", with_index(href)),
                    )
                } else {
                    (
                        MessageId::LinkMissing.arg("href", href).arg("path", &path),
                        Message::new(MessageId::LinkMissingHelp),
                    )
                });
            }
            let fragment = fragment.filter(|f| !f.is_empty())?;
            let page_ids = ids.get(path.as_str())?;
            (!page_ids.contains(&fragment)).then(|| {
                (
                    MessageId::LinkAnchor
                        .arg("href", href)
                        .arg("fragment", &fragment)
                        .arg("path", &path),
                    Message::new(MessageId::LinkAnchorHelp),
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

    #[test]
    fn lol_html_reads_the_links_and_ids_html5ever_reads() {
        let page = concat!(
            "<!DOCTYPE html><html lang=sv><head><link rel=stylesheet href=\"../assets/style.css\">",
            "<script src='a.js'></script><script>let s = '<a href=\"inte.html\">';</script>",
            "<style>a[href=\"x.html\"] { color: red }</style></head><body>",
            "<A HREF=\"sv/2021/index.html#fram&aring;t\" id=\"l&amp;1\">x</A>",
            "<a name=gammal>g</a><a href=\"  \">tom</a><img src=karta.png alt=Karta/>",
            "<svg viewBox=\"0 0 10 10\"><path d=\"M0 0L10 10\" id=kurva /><a href=\"i-svg.html\">s</a></svg>",
            "<!-- <a href=\"kommentar.html\"> --><object data=\"doc.pdf\"></object>",
            "<div data=\"inte-en-lank\" id=\"sista\"></div><textarea><a href=\"text.html\"></textarea>",
            "</body></html>"
        );
        let by_lol = page_links(page.as_bytes()).expect("lol_html reads the page");
        let by_html5ever = tag_links(page.as_bytes());
        assert_eq!(by_lol, by_html5ever);
        assert_eq!(
            by_lol.0,
            [
                "../assets/style.css",
                "a.js",
                "sv/2021/index.html#framåt",
                "karta.png",
                "i-svg.html",
                "doc.pdf"
            ]
        );
        let ids: Vec<&str> = by_lol.1.iter().map(String::as_str).collect();
        assert_eq!(ids, ["gammal", "kurva", "l&1", "sista"]);
    }

    fn check(page: &str, href: &str) -> Option<String> {
        let paths = BTreeSet::from([
            "index.html",
            "sv/index.html",
            "sv/2021/index.html",
            "assets/style.css",
        ]);
        let framat = BTreeSet::from(["framat".to_string()]);
        let ids = BTreeMap::from([("sv/2021/index.html", &framat)]);
        problem(page, href, &paths, &ids).map(|(m, _)| m.render(crate::lang::Lang::En))
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
        let file =
            |path: &str, text: &str| FileLinks::of(&OutputFile::new(path.into(), text.into()));
        let html = "<a href=\"a.html?x=1&amp;y=2\">x</a><img src='b.png' alt=''><link rel=stylesheet href=c.css><a>no</a><A HREF=\"&auml;.html#&#x61;\"><h2 id=\"kind-a\">x</h2><a name=top></a>";
        let page = file("sv/index.html", html);
        assert_eq!(
            page.links,
            ["a.html?x=1&y=2", "b.png", "c.css", "ä.html#a"],
            "names in any case, every character reference decoded"
        );
        assert_eq!(page.ids, BTreeSet::from(["kind-a".into(), "top".into()]));
        assert_eq!(
            file(
                "assets/a.css",
                "a{background:url( \"x.svg\" )} b{src:url(data:abc)}"
            )
            .links,
            ["x.svg"]
        );
        assert!(file("sv/2021/report.pdf", "<a href=x>").links.is_empty());
    }
}
