//! The report page printed from the browser (issue 16): its title goes into the printed page's
//! top margin through a CSS string in the page's `<style>`, so that string must stay a string
//! whatever the title says. How the pages look printed is looked at, not tested here.

use std::fs;

use crate::common::{build_ok, copy_fixture, page};

/// The text of the report page's `<style>` element.
fn style_of(html: &str) -> &str {
    let start = html.find("<style>").expect("a <style> in the report page") + "<style>".len();
    let end = html[start..].find("</style>").expect("closed") + start;
    &html[start..end]
}

#[test]
fn the_report_title_is_in_the_printed_top_margin() {
    let site = build_ok(&crate::common::fixture("minimal"));
    let css = style_of(&page(&site, "sv/2020/index.html")).to_string();
    assert!(css.contains("@top-left"), "{css}");
    assert!(css.contains("\"Testsummering 2020\""), "{css}");
    // Not above the first page, which shows the title large.
    assert!(css.contains(":first"), "{css}");
    let en = style_of(&page(&site, "en/2020/index.html")).to_string();
    assert!(en.contains("\"Test summary 2020\""), "{en}");
}

#[test]
fn quotes_backslashes_and_tags_in_a_title_stay_inside_the_css_string() {
    let dir = copy_fixture("minimal");
    let path = dir.path().join("content/2020/report.toml");
    let text = fs::read_to_string(&path).unwrap().replace(
        "sv = \"Testsummering 2020\"",
        r#"sv = "Test \"citat\" \\ </style><b>x</b> 2020""#,
    );
    fs::write(&path, text).unwrap();
    let site = build_ok(dir.path());
    let html = page(&site, "sv/2020/index.html");
    let css = style_of(&html);
    assert!(
        css.contains(r#"content:"Test \22 citat\22  \5c  \3c /style>\3c b>x\3c /b> 2020""#),
        "{css}"
    );
    // The style element ends where summering ends it, not inside the title.
    assert!(css.ends_with("{content:none}}"), "{css}");
}
