//! Markdown: tables, footnotes, Swedish quotation marks, and no way to inject script.

use summering::WarningKind;

use crate::common::{build_ok, fixture, page};

#[test]
fn hostile_html_cannot_inject_script() {
    let site = build_ok(&fixture("markdown"));
    let sv = &page(&site, "sv/2020/index.html");
    for bad in ["<script", "onerror", "javascript:", "alert("] {
        assert!(!sv.contains(bad), "{bad} survived in the page");
    }
    assert!(
        site.warnings
            .iter()
            .any(|w| w.kind == WarningKind::UnsafeHtmlRemoved
                && w.file.ends_with("01-markdown.sv.md"))
    );
    assert!(
        sv.contains("klick") && sv.contains("länk"),
        "link texts are kept"
    );
}

#[test]
fn swedish_quotes_tables_and_footnotes() {
    let site = build_ok(&fixture("markdown"));
    let sv = &page(&site, "sv/2020/index.html");
    assert!(sv.contains("”dubbla citattecken”"), "Swedish double quotes");
    assert!(sv.contains("’enkla citattecken’"), "Swedish single quotes");
    assert!(
        !sv.contains('“') && !sv.contains('‘'),
        "no English opening quotes on the Swedish page"
    );
    assert!(sv.contains("<table>") && sv.contains("<th"), "tables");
    assert!(
        sv.contains("href=#markdown-1"),
        "footnote reference, prefixed with the section"
    );
    assert!(sv.contains("id=markdown-1"), "footnote definition");
}
