//! Page hierarchy: nothing is said twice in a row — a section titled like its
//! kind, an archive entry whose title holds the year.

use crate::common::{build_ok, copy_fixture, page, visible_text, write};

/// The minimal fixture with its Swedish "way forward" section titled like its kind.
fn framat_titled_like_its_kind() -> tempfile::TempDir {
    let site = copy_fixture("minimal");
    write(
        site.path(),
        "content/2020/02-framat.sv.md",
        "+++\nkind = \"way-forward\"\ntitle = \"Framåt\"\n+++\n\n- Testtext: nästa steg\n",
    );
    site
}

#[test]
fn a_section_titled_like_its_kind_is_shown_once() {
    let site = framat_titled_like_its_kind();
    let built = build_ok(site.path());
    let html = page(&built, "sv/2020/index.html");
    let text = visible_text(&html);
    assert_eq!(
        text.matches("Framåt").count(),
        2,
        "once in the contents and once as the heading: {text}"
    );
    assert!(
        !html.contains("id=framat-title"),
        "no h3 of its own: {html}"
    );
    assert!(html.contains("id=framat"), "the section keeps its anchor");
    assert!(text.contains("Testtext: nästa steg"));
    // The other language's section has a title of its own and keeps it.
    let en = visible_text(&page(&built, "en/2020/index.html"));
    assert_eq!(en.matches("Test text: the way forward").count(), 2, "{en}");
}

#[test]
fn the_archive_names_the_year_once() {
    let built = build_ok(copy_fixture("minimal").path());
    let sv = visible_text(&page(&built, "sv/index.html"));
    assert!(sv.contains("Testsummering 2020"), "{sv}");
    assert!(!sv.contains("2020 Testsummering 2020"), "{sv}");

    let site = copy_fixture("minimal");
    write(
        site.path(),
        "content/2020/report.toml",
        "title = { sv = \"Testsummering\", en = \"Test summary\" }\npublished = 2020-12-31\n",
    );
    let built = build_ok(site.path());
    let sv = visible_text(&page(&built, "sv/index.html"));
    assert!(
        sv.contains("2020 Testsummering"),
        "a title without the year gets it: {sv}"
    );
}
