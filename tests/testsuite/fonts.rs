//! The theme's font on the web (issue 14): the pages, decks and handouts load Noto Sans
//! as WOFF2 from the site's own `assets/fonts/`, copied there once, by URLs relative to
//! the stylesheet (so a site opened from file:// finds them too), and the chart SVGs
//! name the same family first.

use crate::common::{build_ok, fixture, links, page, resolve};

const STYLES: [&str; 4] = ["Regular", "Bold", "Italic", "BoldItalic"];

/// The `url(…)`s of a stylesheet's `@font-face` rules, with their weight and style.
fn font_faces(css: &str) -> Vec<(String, String, String)> {
    css.split("@font-face")
        .skip(1)
        .map(|rule| {
            let body = &rule[..rule.find('}').expect("a closed rule")];
            let get = |name: &str| {
                let at = body
                    .find(&format!("{name}:"))
                    .unwrap_or_else(|| panic!("{name} in {body}"));
                body[at + name.len() + 1..]
                    .split(';')
                    .next()
                    .unwrap()
                    .trim()
                    .to_string()
            };
            assert_eq!(get("font-family").trim_matches('"'), "Noto Sans", "{body}");
            assert_eq!(get("font-display"), "swap", "{body}");
            let src = get("src");
            let url = src["url(".len()..src.find(')').unwrap()].trim_matches('"');
            (url.to_string(), get("font-weight"), get("font-style"))
        })
        .collect()
}

#[test]
fn the_four_styles_are_copied_once_and_found_from_the_stylesheet() {
    let site = build_ok(&fixture("minimal"));
    let css = String::from_utf8_lossy(
        &site
            .files
            .iter()
            .find(|f| f.path == "assets/base.css")
            .expect("assets/base.css")
            .bytes,
    )
    .into_owned();
    let faces = font_faces(&css);
    assert_eq!(faces.len(), 4, "{css}");
    for (url, weight, style) in &faces {
        // Relative to the stylesheet: no leading slash, no scheme.
        assert!(!url.starts_with('/') && !url.contains(':'), "{url}");
        let target = resolve("assets/base.css", url);
        let file = site
            .files
            .iter()
            .find(|f| f.path == target)
            .unwrap_or_else(|| panic!("{url} → {target} is not in the output"));
        assert!(file.bytes.starts_with(b"wOF2"), "{target} is not WOFF2");
        let name = STYLES
            .iter()
            .find(|s| target == format!("assets/fonts/NotoSans-{s}.woff2"))
            .unwrap_or_else(|| panic!("{target}"));
        assert_eq!(weight == "700", name.contains("Bold"), "{target}: {weight}");
        assert_eq!(
            style == "italic",
            name.contains("Italic"),
            "{target}: {style}"
        );
    }
    // Each style once, and once in the whole site (not per language or year).
    let mut urls: Vec<&str> = faces.iter().map(|f| f.0.as_str()).collect();
    urls.dedup();
    assert_eq!(urls.len(), 4);
    let woff2: Vec<&str> = site
        .files
        .iter()
        .map(|f| f.path.as_str())
        .filter(|p| p.ends_with(".woff2"))
        .collect();
    assert_eq!(woff2.len(), 4, "{woff2:?}");
    // The licence travels with the fonts.
    assert!(site.files.iter().any(|f| f.path == "assets/fonts/OFL.txt"));
}

#[test]
fn pages_decks_and_handouts_load_the_stylesheet_with_the_font() {
    let site = build_ok(&fixture("minimal"));
    for path in [
        "sv/2020/index.html",
        "en/2020/index.html",
        "sv/2020/slides/index.html",
        "sv/2020/slides/handout.html",
        "sv/2020/slides/presenter.html",
        "index.html",
    ] {
        let html = page(&site, path);
        assert!(
            links(&html)
                .iter()
                .any(|l| resolve(path, l) == "assets/base.css"),
            "{path} does not load assets/base.css"
        );
    }
    let css = String::from_utf8_lossy(
        &site
            .files
            .iter()
            .find(|f| f.path == "assets/base.css")
            .unwrap()
            .bytes,
    )
    .into_owned();
    assert!(
        css.contains("--font-body:\"Noto Sans\",") || css.contains("--font-body:Noto Sans,"),
        "{css}"
    );
}

#[test]
fn chart_svgs_name_the_theme_font_first() {
    let site = build_ok(&fixture("charts"));
    let svgs: Vec<String> = site
        .files
        .iter()
        .filter(|f| f.is_html())
        .flat_map(|f| {
            let html = String::from_utf8_lossy(&f.bytes).into_owned();
            html.match_indices("<svg")
                .map(|(i, _)| html[i..i + html[i..].find('>').unwrap()].to_string())
                .collect::<Vec<_>>()
        })
        .filter(|tag| tag.contains("chart__svg"))
        .collect();
    assert!(!svgs.is_empty());
    for tag in svgs {
        assert!(tag.contains("font-family=\"Noto Sans, "), "{tag}");
    }
}
