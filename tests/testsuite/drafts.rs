//! Draft years (`draft = true` in `report.toml`) and what `build` refuses to
//! publish: through the binary, over `tests/fixtures/drafts` (2020 published,
//! 2021 a draft with a placeholder and a link to a year the site lacks, both
//! with the same two charts, so together they make trend charts).

use std::fs;
use std::path::Path;

use summering::{BuildOptions, ErrorKind};

use crate::common::{cli_build, copy_fixture, snapshot, succeeds, summering};

fn read(out: &Path, rel: &str) -> String {
    fs::read_to_string(out.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

const NOINDEX: &str = "<meta name=robots content=noindex>";

#[test]
fn build_leaves_a_draft_year_out_of_every_page_and_file() {
    let site = copy_fixture("drafts");
    let (code, stderr, out) = cli_build(site.path(), &[]);
    assert_eq!(code, 0, "{stderr}");
    for gone in [
        "sv/2021",
        "en/2021",
        "sv/2021/index.html",
        "sv/2021/report.pdf",
        "en/2021/report.pdf",
    ] {
        assert!(!out.join(gone).exists(), "{gone} must not be built");
    }
    assert!(out.join("sv/2020/index.html").is_file());
    assert!(out.join("sv/2020/report.pdf").is_file());
    for page in ["index.html", "sv/index.html", "en/index.html"] {
        let html = read(&out, page);
        assert!(!html.contains("2021"), "{page} mentions the draft year");
        assert!(
            !html.contains(NOINDEX) && !html.contains("draft-banner"),
            "{page}"
        );
    }
    // One published year: no trend across years on the archive page.
    assert!(!read(&out, "sv/index.html").contains("id=trend"));
    assert!(!read(&out, "sv/2020/index.html").contains(NOINDEX));
}

#[test]
fn build_with_drafts_shows_them_with_a_banner_and_noindex() {
    let site = copy_fixture("drafts");
    let (code, stderr, out) = cli_build(site.path(), &["--drafts"]);
    assert_eq!(
        code, 0,
        "the draft's placeholder and link do not stop it: {stderr}"
    );
    for (page, banner) in [
        ("sv/2021/index.html", "Utkast"),
        ("en/2021/index.html", "Draft"),
        ("sv/2021/slides/index.html", "Utkast"),
        ("en/2021/slides/handout.html", "Draft"),
        ("index.html", "Utkast"),
    ] {
        let html = read(&out, page);
        assert!(html.contains(NOINDEX), "{page}: noindex");
        let start = html
            .find("<p class=draft-banner>")
            .unwrap_or_else(|| panic!("{page}: no banner"));
        assert!(
            html[start..].starts_with(&format!("<p class=draft-banner>{banner}")),
            "{page}"
        );
    }
    // The archives list the draft year, but are no draft's page.
    for page in [
        "sv/2020/index.html",
        "sv/2020/slides/index.html",
        "en/index.html",
    ] {
        let html = read(&out, page);
        assert!(
            !html.contains(NOINDEX) && !html.contains("draft-banner"),
            "{page}"
        );
    }
    assert!(out.join("sv/2021/report.pdf").is_file());
    assert!(
        read(&out, "sv/index.html").contains("id=trend"),
        "both years in the trends"
    );
}

#[test]
fn a_site_whose_every_year_is_a_draft_has_nothing_to_publish() {
    let site = copy_fixture("drafts");
    let report = site.path().join("content/2020/report.toml");
    fs::write(
        &report,
        format!("draft = true\n{}", fs::read_to_string(&report).unwrap()),
    )
    .unwrap();
    let err = summering::build(&BuildOptions {
        output: Some(site.path().join("out")),
        ..BuildOptions::new(site.path())
    })
    .unwrap_err();
    assert!(err.has(ErrorKind::NoReports), "{err:?}");
    let (code, _, out) = cli_build(site.path(), &[]);
    assert_eq!(code, 1);
    assert!(!out.exists(), "nothing written");
    assert_eq!(cli_build(site.path(), &["--drafts"]).0, 0);
}

/// Publishes 2021 (removes its `draft = true`), builds it over a previous
/// build, and expects the build to stop at `file:line:col` of `kind`, with
/// the previous output untouched.
fn refused(kind: ErrorKind, at: &str) {
    let site = copy_fixture("drafts");
    let (code, stderr, out) = cli_build(site.path(), &[]);
    assert_eq!(code, 0, "{stderr}");
    let before = snapshot(&out);
    let report = site.path().join("content/2021/report.toml");
    let text = fs::read_to_string(&report)
        .unwrap()
        .replace("draft = true\n", "");
    fs::write(&report, text).unwrap();
    let err = summering::build(&BuildOptions {
        output: Some(out.clone()),
        ..BuildOptions::new(site.path())
    })
    .unwrap_err();
    let found: Vec<_> = err
        .errors
        .iter()
        .filter(|e| e.kind() == kind)
        .map(|e| {
            format!(
                "{}:{}:{}",
                e.file().unwrap_or("?"),
                e.line_col().unwrap().0,
                e.line_col().unwrap().1
            )
        })
        .collect();
    assert_eq!(found, [at], "{err:?}");
    let (code, stderr, _) = cli_build(site.path(), &[]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains(at), "the binary names the place: {stderr}");
    assert_eq!(
        snapshot(&out),
        before,
        "a refused build leaves the output as it was"
    );
}

#[test]
fn a_published_year_with_a_placeholder_stops_the_build() {
    refused(ErrorKind::Unfinished, "content/2021/01-narvaro.sv.md:7:20");
}

#[test]
fn a_published_year_with_a_broken_link_stops_the_build() {
    refused(ErrorKind::BrokenLink, "content/2021/01-narvaro.sv.md:9:39");
}

#[test]
fn new_makes_a_draft_and_says_so() {
    let site = copy_fixture("drafts");
    let stdout = succeeds(summering().args(["new", "2022", "--root"]).arg(site.path()));
    assert!(stdout.contains("as a draft"), "{stdout}");
    let report = fs::read_to_string(site.path().join("content/2022/report.toml")).unwrap();
    assert!(report.lines().any(|l| l == "draft = true"), "{report}");
    let (code, stderr, out) = cli_build(site.path(), &[]);
    assert_eq!(
        code, 0,
        "the new year's placeholders do not stop the build: {stderr}"
    );
    assert!(!out.join("sv/2022").exists());
}
