//! Branding (issue 16): the logo of `site.toml` in every page header and on the
//! slides, published once and linked relatively; the `[brand]` colours as CSS
//! custom properties, checked for contrast; the contact line on the closing
//! slide; the title slide without a second year. Over `tests/fixtures/brand`.

use std::fs;

use summering::ErrorKind;

use crate::common::*;

/// Every `src` of an `<img>` with `class` on a page (as minify-html writes it).
fn image_sources(html: &str, class: &str) -> Vec<String> {
    html.split("<img ")
        .skip(1)
        .map(|tag| tag.split('>').next().unwrap())
        .filter(|tag| tag.contains(&format!("class={class}")))
        .map(|tag| {
            let src = tag.split("src=").nth(1).unwrap();
            src.trim_start_matches('"')
                .split(['"', ' '])
                .next()
                .unwrap()
                .to_string()
        })
        .collect()
}

/// The site.toml of the fixture with `from` replaced by `to`, in a copy.
fn with_site_toml(from: &str, to: &str) -> tempfile::TempDir {
    let dir = copy_fixture("brand");
    let path = dir.path().join("content/site.toml");
    let text = fs::read_to_string(&path).unwrap();
    assert!(
        text.contains(from),
        "the fixture's site.toml has no {from:?}"
    );
    fs::write(&path, text.replacen(from, to, 1)).unwrap();
    dir
}

/// Line and column of the first occurrence of `needle` in the copy's site.toml.
fn place(dir: &tempfile::TempDir, needle: &str) -> (usize, usize) {
    let text = fs::read_to_string(dir.path().join("content/site.toml")).unwrap();
    let at = text.find(needle).unwrap();
    let line = text[..at].matches('\n').count() + 1;
    let col = at - text[..at].rfind('\n').map_or(0, |i| i + 1) + 1;
    (line, col)
}

#[test]
fn the_logo_is_published_once_and_every_page_links_to_it_relatively() {
    let site = build_ok(&fixture("brand"));
    let logos: Vec<&str> = site
        .files
        .iter()
        .filter(|f| f.path.contains("logo"))
        .map(|f| f.path.as_str())
        .collect();
    assert_eq!(logos, ["assets/logo.svg"]);
    let published = site.files.iter().find(|f| f.path == "assets/logo.svg");
    let original = fs::read(fixture("brand").join("content/logo.svg")).unwrap();
    assert_eq!(published.unwrap().bytes, original, "published unchanged");
    for (page_path, root) in [
        ("index.html", ""),
        ("sv/index.html", "../"),
        ("en/index.html", "../"),
        ("sv/2020/index.html", "../../"),
        ("en/2020/index.html", "../../"),
    ] {
        let html = page(&site, page_path);
        assert_eq!(
            image_sources(&html, "site-logo"),
            [format!("{root}assets/logo.svg")],
            "{page_path}"
        );
    }
    // The header's logo says whose it is; the site's name follows it.
    let report = page(&site, "sv/2020/index.html");
    assert!(report.contains("alt=Testorganisation"), "{report}");
    let en = page(&site, "en/2020/index.html");
    assert!(en.contains("alt=\"Test organisation\""), "{en}");
}

#[test]
fn the_logo_opens_the_title_and_closing_slides_and_sits_small_in_every_footer() {
    let site = build_ok(&fixture("brand"));
    let deck = page(&site, "sv/2020/slides/index.html");
    let src = "../../../assets/logo.svg";
    // Title, two sections, closing.
    assert_eq!(image_sources(&deck, "slide__logo"), [src, src]);
    assert_eq!(image_sources(&deck, "slide__footer-logo"), [src, src, src]);
    let title = deck.split("slide--title").nth(1).unwrap();
    let title = title.split("</section>").next().unwrap();
    assert!(title.contains("class=slide__logo"), "{title}");
    let closing = deck.split("slide--closing").nth(1).unwrap();
    assert!(closing.contains("class=slide__logo"), "{closing}");
    // The footer switch takes the small logo with it.
    let dir = with_site_toml("[brand]", "[deck]\nfooter = false\n\n[brand]");
    let site = build_ok(dir.path());
    let deck = page(&site, "sv/2020/slides/index.html");
    assert!(image_sources(&deck, "slide__footer-logo").is_empty());
    assert!(!deck.contains("slide__footer"));
    assert_eq!(image_sources(&deck, "slide__logo").len(), 2);
}

#[test]
fn without_a_logo_no_page_has_one() {
    let site = build_ok(&fixture("minimal"));
    assert!(!site.files.iter().any(|f| f.path.contains("logo")));
    let html = page(&site, "sv/2020/index.html");
    assert!(!html.contains("site-logo"), "{html}");
    assert!(!page(&site, "sv/2020/slides/index.html").contains("logo"));
}

#[test]
fn a_png_logo_is_published_as_png() {
    let dir = with_site_toml("logo = \"logo.svg\"", "logo = \"logo.png\"");
    fs::copy(
        fixture("brand").join("logo.png"),
        dir.path().join("content/logo.png"),
    )
    .unwrap();
    fs::remove_file(dir.path().join("content/logo.svg")).unwrap();
    let site = build_ok(dir.path());
    assert!(site.files.iter().any(|f| f.path == "assets/logo.png"));
    let html = page(&site, "en/index.html");
    // 120 × 40 px, drawn 40 px high.
    assert!(html.contains("width=120"), "{html}");
    assert_eq!(image_sources(&html, "site-logo"), ["../assets/logo.png"]);
}

#[test]
fn a_missing_or_unusable_logo_is_named_at_the_logo_key() {
    let cases: [(&str, &str, Option<&[u8]>, ErrorKind); 5] = [
        ("saknas.svg", "saknas.svg", None, ErrorKind::Io),
        (
            "logo.gif",
            "logo.gif",
            Some(b"GIF89a"),
            ErrorKind::InvalidValue,
        ),
        (
            "trasig.svg",
            "trasig.svg",
            Some(b"not an svg"),
            ErrorKind::InvalidValue,
        ),
        (
            "trasig.png",
            "trasig.png",
            Some(b"\x89PNG\r\n\x1a\nno"),
            ErrorKind::InvalidValue,
        ),
        ("../logo.svg", "x", None, ErrorKind::InvalidValue),
    ];
    for (name, file, bytes, kind) in cases {
        let dir = with_site_toml("logo = \"logo.svg\"", &format!("logo = \"{name}\""));
        // An image in content/ that site.toml does not name is refused on its own.
        fs::remove_file(dir.path().join("content/logo.svg")).unwrap();
        if let Some(bytes) = bytes {
            fs::write(dir.path().join("content").join(file), bytes).unwrap();
        }
        let err = build(dir.path()).expect_err(name);
        assert_eq!(err.errors.len(), 1, "{name}: {err}");
        let e = &err.errors[0];
        assert_eq!(e.kind(), kind, "{name}: {e}");
        assert_eq!(e.file(), Some("content/site.toml"), "{name}");
        assert_eq!(
            e.line_col(),
            Some(place(&dir, &format!("\"{name}\""))),
            "{name}: {e}"
        );
        assert!(e.help_text().is_some(), "{name}");
    }
}

#[test]
fn brand_colours_become_custom_properties_on_every_page() {
    let site = build_ok(&fixture("brand"));
    for path in [
        "index.html",
        "sv/index.html",
        "sv/2020/index.html",
        "sv/2020/slides/index.html",
        "sv/2020/slides/handout.html",
        "sv/2020/slides/presenter.html",
    ] {
        let html = page(&site, path);
        // accent_strong is not given: a darker shade of the accent.
        assert!(
            html.contains("<style>:root{--color-accent:#0b5ea8;--color-accent-strong:#084276}"),
            "{path}"
        );
    }
    let plain = build_ok(&fixture("minimal"));
    assert!(!page(&plain, "sv/2020/index.html").contains(":root{--color"));
}

#[test]
fn a_brand_colour_with_too_little_contrast_is_refused_at_its_key() {
    let dir = with_site_toml("accent = \"#0b5ea8\"", "accent = \"#7fb2e5\"");
    let err = build(dir.path()).expect_err("a pale accent");
    assert!(!err.errors.is_empty());
    for e in &err.errors {
        assert_eq!(e.kind(), ErrorKind::InvalidValue, "{e}");
        assert_eq!(e.line_col(), Some(place(&dir, "\"#7fb2e5\"")), "{e}");
    }
    let dir = with_site_toml(
        "accent = \"#0b5ea8\"",
        "accent = \"#0b5ea8\"\non_accent = \"#9aa4b0\"",
    );
    let err = build(dir.path()).expect_err("pale text on the accents");
    assert!(
        err.errors
            .iter()
            .any(|e| e.line_col() == Some(place(&dir, "\"#9aa4b0\""))
                || e.line_col() == Some(place(&dir, "\"#0b5ea8\""))),
        "{err}"
    );
    let dir = with_site_toml("accent = \"#0b5ea8\"", "accent = \"blå\"");
    let err = build(dir.path()).expect_err("not a colour");
    assert_eq!(err.errors[0].kind(), ErrorKind::InvalidValue);
    assert_eq!(err.errors[0].line_col(), Some(place(&dir, "\"blå\"")));
}

#[test]
fn the_closing_slide_carries_the_contact_line_in_each_language() {
    let site = build_ok(&fixture("brand"));
    for (lang, contact) in [
        ("sv", "Kontakt: test@example.se"),
        ("en", "Contact: test@example.se"),
    ] {
        let deck = page(&site, &format!("{lang}/2020/slides/index.html"));
        let closing = deck.split("slide--closing").nth(1).unwrap();
        let closing = closing.split("</section>").next().unwrap();
        assert!(
            closing.contains(&format!("<p class=slide__contact>{contact}</p>")),
            "{closing}"
        );
        assert_eq!(deck.matches("slide__contact").count(), 1, "{lang}");
    }
    let plain = build_ok(&fixture("minimal"));
    assert!(!page(&plain, "sv/2020/slides/index.html").contains("slide__contact"));
}

#[test]
fn the_title_slide_shows_the_year_only_when_the_title_lacks_it() {
    let site = build_ok(&fixture("brand"));
    // "Testsummering 2020" holds the year; "Test summary" does not.
    let sv = page(&site, "sv/2020/slides/index.html");
    assert!(!sv.contains("slide__year"), "{sv}");
    let en = page(&site, "en/2020/slides/index.html");
    assert!(en.contains("<p class=slide__year>2020</p>"), "{en}");
}
