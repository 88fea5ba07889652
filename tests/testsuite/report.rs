//! The sample site: the real NOSAM 2021 report in both languages.

use crate::common::{build_ok, fixture, links, page, resolve, sample, seed_lines, visible_text};

#[test]
fn every_seed_line_is_in_the_swedish_report() {
    let site = sample();
    let text = visible_text(&page(&site, "sv/2021/index.html"));
    let seed = seed_lines();
    // Every line of the seed file, word for word (not only its words somewhere on the page).
    assert_eq!(seed.len(), 51, "the seed's non-empty lines");
    for line in &seed {
        assert!(
            text.contains(line.as_str()),
            "seed line missing from the Swedish report: {line:?}"
        );
    }
    assert!(text.contains("Kommun och sjukvård – Samverkan i Göteborgsområdet"));
    assert!(text.contains("Ett samarbete värt att satsa på"));
}

#[test]
fn english_report_is_complete_and_in_english() {
    // A fixture with one section of each kind, so the counts below are the
    // fixture's and fail when a section, a list item or a heading goes missing.
    let site = build_ok(&fixture("report"));
    let sv = &page(&site, "sv/2021/index.html");
    let en = &page(&site, "en/2021/index.html");
    assert!(en.contains("<html lang=en>"), "English page lang");
    assert!(sv.contains("<html lang=sv>"));
    assert!(
        !en.contains("notice--untranslated"),
        "no Swedish fallback text expected in the English report"
    );
    // The sections: what follows the table of contents in <main>.
    let sections = |html: &str| {
        let main = &html[html.find("<main").expect("a <main>")..];
        let start = main.find("</nav>").expect("a table of contents");
        main[start..main.find("</main>").expect("a </main>")].to_string()
    };
    let count = |html: &str, needle: &str| sections(html).matches(needle).count();
    // Five points and one sub-point in each language.
    let items = 6;
    assert_eq!(count(sv, "<li>"), items, "Swedish list items\n{sv}");
    assert_eq!(count(en, "<li>"), items, "English list items\n{en}");
    assert_eq!(count(en, "<h3"), 4, "one heading per section");
    for heading in [
        "Strengths",
        "Current focus areas",
        "Areas for development",
        "The way forward",
        "Contents",
        "Test text: sub-point",
    ] {
        assert!(visible_text(en).contains(heading), "{heading}");
    }
    assert!(visible_text(en).contains("31 December 2021"));
    assert!(visible_text(sv).contains("31 december 2021"));
}

#[test]
fn pages_exist_with_one_h1_and_ordered_headings() {
    let site = sample();
    for path in [
        "index.html",
        "sv/index.html",
        "en/index.html",
        "sv/2021/index.html",
        "en/2021/index.html",
    ] {
        let html = &page(&site, path);
        assert_eq!(html.matches("<h1").count(), 1, "{path}: exactly one h1");
        let mut last = 1;
        for (i, _) in html.match_indices("<h") {
            let Some(level) = html[i + 2..].chars().next().and_then(|c| c.to_digit(10)) else {
                continue;
            };
            assert!(
                level <= last + 1,
                "{path}: heading level jumps from h{last} to h{level}"
            );
            last = level;
        }
        assert!(html.contains("<main id=main"), "{path}: main landmark");
        assert!(
            html.contains("class=skip-link href=#main"),
            "{path}: skip link"
        );
    }
}

#[test]
fn every_relative_link_resolves_to_a_file_and_anchor() {
    let site = sample();
    let paths: Vec<&str> = site.files.iter().map(|f| f.path.as_str()).collect();
    let mut checked = 0;
    for f in site.files.iter().filter(|f| f.is_html()) {
        let html = std::str::from_utf8(&f.bytes).unwrap();
        for link in links(html) {
            assert!(
                !link.starts_with('/'),
                "{}: root-absolute link {link}",
                f.path
            );
            if link.starts_with("http") || link.starts_with("mailto:") || link == "data:," {
                continue;
            }
            let target = if link.starts_with('#') {
                f.path.clone()
            } else {
                resolve(&f.path, &link)
            };
            assert!(
                paths.contains(&target.as_str()),
                "{}: {link} → {target} does not exist",
                f.path
            );
            if let Some((_, anchor)) = link.split_once('#') {
                let target_html = &page(&site, &target);
                assert!(
                    target_html.contains(&format!("id={anchor}>"))
                        || target_html.contains(&format!("id={anchor} "))
                        || target_html.contains(&format!("id=\"{anchor}\"")),
                    "{}: anchor #{anchor} missing in {target}",
                    f.path
                );
            }
            checked += 1;
        }
    }
    assert!(checked > 30, "only {checked} links checked");
}

#[test]
fn language_switcher_lands_on_the_same_page() {
    let site = sample();
    for (path, other, other_lang) in [
        ("sv/2021/index.html", "en/2021/index.html", "en"),
        ("en/2021/index.html", "sv/2021/index.html", "sv"),
        ("sv/index.html", "en/index.html", "en"),
        ("en/index.html", "sv/index.html", "sv"),
    ] {
        let html = &page(&site, path);
        let depth = "../".repeat(path.matches('/').count());
        let href = format!("href={depth}{other}");
        assert!(
            html.contains(&format!("{href} hreflang={other_lang} lang={other_lang}")),
            "{path}: switcher to {other}"
        );
        assert!(
            html.contains(&format!(
                "<link {href} hreflang={other_lang} rel=alternate>"
            )),
            "{path}: hreflang alternate"
        );
    }
}

#[test]
fn landing_page_links_both_languages_latest_report_and_archive() {
    let site = sample();
    let html = &page(&site, "index.html");
    for target in [
        "sv/2021/index.html",
        "en/2021/index.html",
        "sv/index.html",
        "en/index.html",
    ] {
        assert!(
            html.contains(&format!("href={target}")),
            "landing links {target}"
        );
    }
    assert!(!html.contains("http-equiv"), "no redirect");
    assert!(html.contains("lang=en"), "English block marked as English");
}
