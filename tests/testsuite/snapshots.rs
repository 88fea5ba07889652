//! Whole-site snapshots of the HTML: any change to the markup of any page shows up as a
//! reviewable diff. Pages are minified, so each block-level tag is put on its own line.
//! Update after an intended change with `INSTA_UPDATE=always cargo test snapshots` and review the diff.

use crate::common::{build_ok, fixture};

const BLOCK_TAGS: &[&str] = &[
    "<head",
    "<body",
    "<header",
    "<footer",
    "<main",
    "<nav",
    "<section",
    "<article",
    "<div",
    "<p",
    "<h1",
    "<h2",
    "<h3",
    "<h4",
    "<ul",
    "<ol",
    "<li",
    "<table",
    "<tr",
    "<figure",
    "<figcaption",
    "<details",
    "<summary",
    "<meta",
    "<link",
    "<title",
    "<script",
    "<svg",
    "</ul",
    "</ol",
    "</section",
    "</article",
    "</main",
    "</body",
];

/// Puts every block-level tag on a line of its own.
fn readable(html: &str) -> String {
    let mut out = String::with_capacity(html.len() + html.len() / 8);
    let mut rest = html;
    while let Some(i) = rest[1..].find('<').map(|i| i + 1) {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let starts_block = BLOCK_TAGS
            .iter()
            .any(|t| rest.starts_with(t) && rest[t.len()..].starts_with([' ', '>', '/']));
        if starts_block {
            out.push('\n');
        }
    }
    out.push_str(rest);
    out
}

#[test]
fn every_page_of_the_two_year_site() {
    let site = build_ok(&fixture("two-years"));
    let mut pages = 0;
    for f in site.files.iter().filter(|f| f.is_html()) {
        let html = std::str::from_utf8(&f.bytes).unwrap();
        let name = f
            .path
            .replace('/', "__")
            .trim_end_matches(".html")
            .to_string();
        insta::assert_snapshot!(name, readable(html));
        pages += 1;
    }
    assert_eq!(
        pages, 21,
        "landing, 2 archives, per language and year a report, a deck, a handout and a presenter view, and 2 accessibility statements"
    );
}

#[test]
fn readable_splits_blocks_only() {
    assert_eq!(
        readable("<ul><li>a <em>b</em></li></ul>"),
        "<ul>\n<li>a <em>b</em></li>\n</ul>"
    );
}
