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

/// The fixture with `logo.png` (beside it) as its logo instead of `logo.svg`.
fn with_png_logo() -> tempfile::TempDir {
    let dir = with_site_toml("logo = \"logo.svg\"", "logo = \"logo.png\"");
    let content = dir.path().join("content");
    fs::copy(fixture("brand").join("logo.png"), content.join("logo.png")).unwrap();
    fs::remove_file(content.join("logo.svg")).unwrap();
    dir
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
    let site = build_ok(with_png_logo().path());
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

/// The parts of a built PowerPoint deck.
fn deck_parts(site: &summering::BuiltSite, path: &str) -> Vec<(String, Vec<u8>)> {
    crate::pptx::parts(crate::pptx::file(site, path))
}

/// The targets of a slide's image relationships, in order.
fn image_targets(rels: &str) -> Vec<String> {
    rels.split("<Relationship ")
        .filter(|r| r.contains("relationships/image\""))
        .map(|r| {
            r.split("Target=\"")
                .nth(1)
                .unwrap()
                .split('"')
                .next()
                .unwrap()
                .to_string()
        })
        .collect()
}

#[test]
fn the_powerpoint_decks_show_the_logo_where_the_html_deck_does() {
    let site = build_ok(&fixture("brand"));
    let parts = deck_parts(&site, "sv/2020/slides/slides.pptx");
    let media: Vec<&str> = parts
        .iter()
        .filter(|(n, _)| n.starts_with("ppt/media/"))
        .map(|(n, _)| n.as_str())
        .collect();
    assert_eq!(media, ["ppt/media/logo.png", "ppt/media/logo.svg"]);
    let svg = &parts
        .iter()
        .find(|(n, _)| n == "ppt/media/logo.svg")
        .unwrap()
        .1;
    assert_eq!(
        *svg,
        fs::read(fixture("brand").join("content/logo.svg")).unwrap()
    );
    // The SVG's PNG copy for readers without SVG: 240 × 80 drawn 336 px high.
    let png = &parts
        .iter()
        .find(|(n, _)| n == "ppt/media/logo.png")
        .unwrap()
        .1;
    let info = png::Decoder::new(std::io::Cursor::new(png))
        .read_info()
        .unwrap();
    assert_eq!((info.info().width, info.info().height), (1008, 336));
    let types = crate::pptx::part(&parts, "[Content_Types].xml");
    assert!(
        types.contains(r#"<Override PartName="/ppt/media/logo.png" ContentType="image/png"/>"#)
    );
    assert!(
        types.contains(r#"<Override PartName="/ppt/media/logo.svg" ContentType="image/svg+xml"/>"#)
    );
    // Title, two section slides (in the footer), closing: each relates to both images
    // and draws one picture that embeds them, with the organisation as its description.
    for n in 1..=4 {
        let rels = crate::pptx::part(&parts, &format!("ppt/slides/_rels/slide{n}.xml.rels"));
        assert_eq!(
            image_targets(&rels),
            ["../media/logo.png", "../media/logo.svg"],
            "slide {n}"
        );
        let xml = crate::pptx::part(&parts, &format!("ppt/slides/slide{n}.xml"));
        assert_eq!(xml.matches("<p:pic>").count(), 1, "slide {n}");
        assert!(
            xml.contains(r#"name="Logo" descr="Testorganisation""#),
            "slide {n}"
        );
        assert!(xml.contains("<asvg:svgBlip"), "slide {n}");
    }
    // Without the footer, the section slides have no logo; title and closing keep theirs.
    let dir = with_site_toml("[brand]", "[deck]\nfooter = false\n\n[brand]");
    let site = build_ok(dir.path());
    let parts = deck_parts(&site, "sv/2020/slides/slides.pptx");
    let pictures: Vec<usize> = (1..=4)
        .map(|n| {
            crate::pptx::part(&parts, &format!("ppt/slides/slide{n}.xml"))
                .matches("<p:pic>")
                .count()
        })
        .collect();
    assert_eq!(pictures, [1, 0, 0, 1]);
}

#[test]
fn a_png_logo_goes_into_the_powerpoint_deck_unchanged() {
    let site = build_ok(with_png_logo().path());
    let parts = deck_parts(&site, "en/2020/slides/slides.pptx");
    let png = &parts
        .iter()
        .find(|(n, _)| n == "ppt/media/logo.png")
        .unwrap()
        .1;
    assert_eq!(*png, fs::read(fixture("brand").join("logo.png")).unwrap());
    assert!(!parts.iter().any(|(n, _)| n == "ppt/media/logo.svg"));
    let xml = crate::pptx::part(&parts, "ppt/slides/slide1.xml");
    assert!(!xml.contains("svgBlip"));
    assert_eq!(
        image_targets(&crate::pptx::part(
            &parts,
            "ppt/slides/_rels/slide1.xml.rels"
        )),
        ["../media/logo.png"]
    );
    let plain = build_ok(&fixture("minimal"));
    let parts = deck_parts(&plain, "sv/2020/slides/slides.pptx");
    assert!(!parts.iter().any(|(n, _)| n.starts_with("ppt/media/")));
}

#[test]
fn the_powerpoint_title_and_closing_slides_follow_the_html_deck() {
    let site = build_ok(&fixture("brand"));
    let sv = deck_parts(&site, "sv/2020/slides/slides.pptx");
    let en = deck_parts(&site, "en/2020/slides/slides.pptx");
    // The year only under a title that lacks it.
    assert!(!crate::pptx::part(&sv, "ppt/slides/slide1.xml").contains(r#"name="Year""#));
    let en_title = crate::pptx::part(&en, "ppt/slides/slide1.xml");
    assert!(en_title.contains(r#"name="Year""#) && en_title.contains("<a:t>2020</a:t>"));
    // The contact line under the organisation on the closing slide, in the deck's language.
    assert!(
        crate::pptx::part(&sv, "ppt/slides/slide4.xml")
            .contains("<a:t>Kontakt: test@example.se</a:t>")
    );
    assert!(
        crate::pptx::part(&en, "ppt/slides/slide4.xml")
            .contains("<a:t>Contact: test@example.se</a:t>")
    );
    // The brand colours: the title slide's background is the strong accent made from the accent.
    assert!(
        crate::pptx::part(&sv, "ppt/slides/slide1.xml").contains(r#"<a:srgbClr val="084276"/>"#)
    );
    // Same input, same bytes (the logo's PNG copy included).
    let again = build_ok(&fixture("brand"));
    assert_eq!(
        crate::pptx::file(&site, "sv/2020/slides/slides.pptx"),
        crate::pptx::file(&again, "sv/2020/slides/slides.pptx")
    );
}

#[test]
fn the_pdfs_take_the_brand_colours_and_their_cache_sees_a_new_one() {
    let dir = copy_fixture("brand");
    let options = summering::BuildOptions::new(dir.path());
    let deck = dir.path().join("output/sv/2020/slides/slides.pdf");
    let report = dir.path().join("output/sv/2020/report.pdf");
    summering::build(&options).unwrap();
    let (deck_a, report_a) = (fs::read(&deck).unwrap(), fs::read(&report).unwrap());
    // Built again from the cache: the same files.
    summering::build(&options).unwrap();
    assert_eq!(fs::read(&deck).unwrap(), deck_a);
    // Another accent: both PDFs are made anew, not taken from the cache.
    let site_toml = dir.path().join("content/site.toml");
    let text = fs::read_to_string(&site_toml).unwrap();
    fs::write(&site_toml, text.replace("#0b5ea8", "#1d6b45")).unwrap();
    summering::build(&options).unwrap();
    assert_ne!(
        fs::read(&deck).unwrap(),
        deck_a,
        "the deck's title slide is the new colour"
    );
    assert_ne!(
        fs::read(&report).unwrap(),
        report_a,
        "the report's headings are"
    );
}

/// The alternative texts of the figures of a built PDF that are the logo.
fn pdf_logos(site: &summering::BuiltSite, path: &str, alt: &str) -> usize {
    let doc = crate::pdf::load(&crate::pdf::pdf(site, path));
    crate::pdf::structure(&doc)
        .iter()
        .filter(|(role, _, a)| role == "Figure" && a == alt)
        .count()
}

#[test]
fn the_deck_pdf_has_the_logo_on_its_covers_and_the_contact_line() {
    let site = build_ok(&fixture("brand"));
    // Tagged figures named by the organisation, on the title and the closing slide.
    assert_eq!(
        pdf_logos(&site, "sv/2020/slides/slides.pdf", "Testorganisation"),
        2
    );
    assert_eq!(
        pdf_logos(&site, "en/2020/slides/slides.pdf", "Test organisation"),
        2
    );
    let doc = crate::pdf::load(&crate::pdf::pdf(&site, "sv/2020/slides/slides.pdf"));
    assert!(crate::pdf::text(&doc).contains("Kontakt: test@example.se"));
    let png = build_ok(with_png_logo().path());
    assert_eq!(
        pdf_logos(&png, "sv/2020/slides/slides.pdf", "Testorganisation"),
        2
    );
    let plain = build_ok(&fixture("minimal"));
    assert_eq!(
        pdf_logos(&plain, "sv/2020/slides/slides.pdf", "Testorganisation"),
        0
    );
}
