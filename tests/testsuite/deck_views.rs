//! The deck's presenter view, overview button and slide footer (issue 16): which pages exist,
//! what every slide after the title carries, and the `[deck] footer` switch of `site.toml`.
//! How they behave in a browser is tests/browser/deck-views.mjs.

use std::fs;

use summering::ErrorKind;

use crate::common::{build, build_ok, copy_fixture, fixture, page, visible_text};

/// The footers of a page, in order (the text of each `<footer class="slide__footer">`).
fn footers(html: &str) -> Vec<String> {
    html.split("<footer class=slide__footer>")
        .skip(1)
        .map(|rest| visible_text(rest.split("</footer>").next().unwrap_or("")))
        .collect()
}

#[test]
fn every_deck_has_a_presenter_view_in_every_language() {
    let site = build_ok(&fixture("deck"));
    for lang in ["sv", "en"] {
        let html = &page(&site, &format!("{lang}/2020/slides/presenter.html"));
        assert!(html.contains(&format!("<html lang={lang}>")), "{lang}");
        assert!(
            html.contains("assets/slides.js"),
            "{lang}: the view needs the deck script"
        );
        // Every slide (the fixture's deck has seven: slides.rs), each with a
        // place for its notes, and the next-slide box.
        assert_eq!(html.matches("presenter__item\"").count(), 7, "{lang}");
        assert_eq!(html.matches("aria-labelledby=notes-").count(), 7, "{lang}");
        assert!(html.contains("data-presenter=next"), "{lang}");
        assert!(html.contains("data-presenter=clock"), "{lang}");
        let deck = &page(&site, &format!("{lang}/2020/slides/index.html"));
        assert!(
            deck.contains("href=presenter.html"),
            "{lang}: the deck links its presenter view"
        );
        assert!(
            deck.contains("data-deck=overview"),
            "{lang}: the deck has an overview button"
        );
    }
    let sv = visible_text(&page(&site, "sv/2020/slides/presenter.html"));
    assert!(sv.contains("Presentatörsvy"), "{sv}");
    let en = visible_text(&page(&site, "en/2020/slides/presenter.html"));
    assert!(en.contains("Presenter view"), "{en}");
}

#[test]
fn every_slide_after_the_title_has_a_footer_with_organisation_date_and_number() {
    let site = build_ok(&fixture("deck"));
    let html = &page(&site, "sv/2020/slides/index.html");
    let all = footers(html);
    assert_eq!(all.len(), 6, "seven slides, the title without: {all:?}");
    for (k, footer) in all.iter().enumerate() {
        assert!(footer.contains("Testorganisation"), "{footer}");
        assert!(footer.contains("31 december 2020"), "{footer}");
        assert!(footer.ends_with(&format!("{} / 7", k + 2)), "{footer}");
    }
    let first_slide_end = html.find("</section>").unwrap();
    assert!(
        !html[..first_slide_end].contains("slide__footer"),
        "the title slide has none"
    );
    let en = footers(&page(&site, "en/2020/slides/index.html"));
    assert!(en[0].contains("31 December 2020"), "{en:?}");
    // The handout and the presenter view show the same slides.
    for view in ["handout", "presenter"] {
        let html = &page(&site, &format!("sv/2020/slides/{view}.html"));
        assert_eq!(footers(html), all, "{view}");
    }
}

#[test]
fn the_footer_can_be_switched_off_in_site_toml() {
    let dir = copy_fixture("minimal");
    let path = dir.path().join("content/site.toml");
    let text = fs::read_to_string(&path).unwrap();
    fs::write(&path, format!("{text}\n[deck]\nfooter = false\n")).unwrap();
    let site = build_ok(dir.path());
    for file in ["index.html", "handout.html", "presenter.html"] {
        let html = &page(&site, &format!("sv/2020/slides/{file}"));
        assert!(!html.contains("slide__footer"), "{file}");
    }
    let on = build_ok(&fixture("minimal"));
    assert!(page(&on, "sv/2020/slides/index.html").contains("slide__footer"));
}

#[test]
fn a_misspelt_deck_switch_is_an_error_at_its_place() {
    let dir = copy_fixture("minimal");
    let path = dir.path().join("content/site.toml");
    let text = fs::read_to_string(&path).unwrap();
    let broken = format!("{text}\n[deck]\nfooters = false\n");
    let line = broken
        .lines()
        .position(|l| l.starts_with("footers"))
        .unwrap()
        + 1;
    fs::write(&path, broken).unwrap();
    let err = build(dir.path()).expect_err("an unknown key must not build");
    assert_eq!(err.errors.len(), 1, "{:?}", err.errors);
    let e = &err.errors[0];
    assert_eq!(e.kind(), ErrorKind::UnknownField, "{e}");
    assert_eq!(e.file(), Some("content/site.toml"), "{e}");
    assert_eq!(e.line_col(), Some((line, 1)), "{e}");
    assert!(e.help_text().is_some_and(|h| h.contains("footer")), "{e}");
}
