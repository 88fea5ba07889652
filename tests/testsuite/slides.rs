//! Slide decks (issue 3): one deck and one handout per report and language, fitted at
//! build time, speaker notes only where they belong, and bad input reported by kind.

use summering::{ErrorKind, WarningKind};

use crate::common::{
    attr_values, build, build_ok, copy_fixture, error_of, fixture, links, page, resolve, sample,
    visible_text, write,
};

/// The class lists of the slide roots of a deck page (elements whose class list holds `slide`).
fn slide_roots(html: &str) -> Vec<String> {
    attr_values(html, "class")
        .into_iter()
        .filter(|value| value.split_whitespace().any(|c| c == "slide"))
        .map(str::to_string)
        .collect()
}

fn size_of(classes: &str) -> u32 {
    classes
        .split_whitespace()
        .find_map(|c| c.strip_prefix("slide--size-"))
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no size class in {classes:?}"))
}

#[test]
fn every_report_has_a_deck_and_a_handout_in_every_language() {
    let site = sample();
    for lang in ["sv", "en"] {
        for file in ["index.html", "handout.html"] {
            let html = &page(&site, &format!("{lang}/2021/slides/{file}"));
            assert!(
                html.contains(&format!("<html lang={lang}>")),
                "{lang}/{file}"
            );
        }
    }
    assert!(site.files.iter().any(|f| f.path == "assets/slides.css"));
    assert!(site.files.iter().any(|f| f.path == "assets/slides.js"));
}

#[test]
fn a_deck_is_title_sections_their_charts_and_closing_in_order() {
    let built = build_ok(&fixture("deck"));
    let html = &page(&built, "sv/2020/slides/index.html");
    let roots = slide_roots(html);
    // Title, four sections (none needs a second slide), the chart's own slide after
    // its section, closing.
    assert_eq!(roots.len(), 7, "{roots:?}");
    assert!(roots[0].contains("slide--title"));
    assert!(roots[1..6].iter().all(|c| c.contains("slide--section")));
    assert!(roots[6].contains("slide--closing"));
    let text = visible_text(html);
    let order = [
        "Testsummering 2020: bildspel",
        "Testtext: kort",
        "Testtext: diagram",
        "Testdiagram: staplar",
        "Testtext: nio punkter",
        "Testtext: framåt",
        "Testtext: avslutning",
    ];
    let positions: Vec<usize> = order
        .iter()
        .map(|t| text.find(t).unwrap_or_else(|| panic!("{t} missing")))
        .collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "{positions:?}");
    // Slides are named for assistive technology; deep links #1…#7 have a target.
    for n in 1..=7 {
        assert!(
            html.contains(&format!("aria-label=\"Bild {n} av 7\"")),
            "label of slide {n}"
        );
        assert!(html.contains(&format!("id={n}>")), "target of #{n}");
    }
    assert!(!html.contains("aria-label=\"Bild 8 av"));
}

#[test]
fn each_slide_gets_the_largest_type_size_its_text_fits_at() {
    let built = build_ok(&fixture("deck"));
    assert!(
        !built.warnings.iter().any(|w| matches!(
            w.kind,
            WarningKind::SlideSplit | WarningKind::SlideItemSplit
        )),
        "{:?}",
        built.warnings
    );
    for lang in ["sv", "en"] {
        let html = &page(&built, &format!("{lang}/2020/slides/index.html"));
        assert!(!html.contains("(forts.)") && !html.contains("(cont.)"));
        let sizes: Vec<u32> = slide_roots(html).iter().map(|c| size_of(c)).collect();
        // Title; a short list at the largest body size; a paragraph, and its chart
        // at its size; nine long points smaller, still on one slide (the English
        // points are shorter in Noto Sans); one point; closing.
        let nine = if lang == "sv" { 26 } else { 28 };
        assert_eq!(sizes, [72, 32, 32, 32, nine, 32, 64], "{lang}");
    }
}

#[test]
fn report_and_deck_link_to_each_other_and_to_the_handout() {
    let site = sample();
    for lang in ["sv", "en"] {
        let report = format!("{lang}/2021/index.html");
        let deck = format!("{lang}/2021/slides/index.html");
        let handout = format!("{lang}/2021/slides/handout.html");
        let targets = |from: &str| {
            links(&page(&site, from))
                .iter()
                .map(|l| resolve(from, l))
                .collect::<Vec<_>>()
        };
        assert!(targets(&report).contains(&deck), "{report} → deck");
        assert!(targets(&deck).contains(&report), "deck → {report}");
        assert!(targets(&deck).contains(&handout), "deck → handout");
        assert!(targets(&handout).contains(&deck), "handout → deck");
        // Relative links only, so the deck works from a file share (file://).
        for from in [&deck, &handout] {
            for l in links(&page(&site, from)) {
                assert!(!l.starts_with('/') && !l.contains("://"), "{from}: {l}");
                if !l.starts_with('#') {
                    let target = resolve(from, &l);
                    assert!(
                        site.files.iter().any(|f| f.path == target),
                        "{from}: broken link {l}"
                    );
                }
            }
        }
    }
}

/// The `<table>…</table>` elements of a page, in order.
fn tables(html: &str) -> Vec<&str> {
    html.split("<table")
        .skip(1)
        .map(|t| t.split("</table>").next().unwrap_or(t))
        .collect()
}

#[test]
fn a_table_taller_than_a_slide_continues_with_its_header_row_and_the_report_shows_it_whole() {
    let built = build_ok(&fixture("deck-pressure"));
    for (lang, word, header) in [("sv", "Värde", "Kolumn 1"), ("en", "Value", "Column 1")] {
        let file = format!("content/2022/05-tabell.{lang}.md");
        assert!(
            built
                .warnings
                .iter()
                .any(|w| w.file == file && w.kind == WarningKind::SlideTableSplit),
            "{lang}: {:?}",
            built.warnings
        );
        let row = |i: usize| format!("{word} {i}.1<");
        let deck = page(&built, &format!("{lang}/2022/slides/index.html"));
        let deck_tables: Vec<&str> = tables(&deck)
            .into_iter()
            .filter(|t| t.contains(&row(1)) || t.contains(header) && t.contains(word))
            .collect();
        assert!(
            deck_tables.len() >= 2,
            "{lang}: {} tables",
            deck_tables.len()
        );
        let mut next = 1;
        for t in &deck_tables {
            let head = t.split("<tbody").next().unwrap();
            assert!(
                head.contains("<th") && head.contains(header),
                "{lang}: no header row: {t}"
            );
            while t.contains(&row(next)) {
                next += 1;
            }
        }
        assert_eq!(
            next, 21,
            "{lang}: every row once, in order, over the slides"
        );
        let report = page(&built, &format!("{lang}/2022/index.html"));
        let whole: Vec<&str> = tables(&report)
            .into_iter()
            .filter(|t| t.contains(&row(1)))
            .collect();
        assert_eq!(whole.len(), 1, "{lang}");
        assert!(
            (1..=20).all(|i| whole[0].contains(&row(i))),
            "{lang}: the page shows it whole"
        );
    }
}

#[test]
fn a_long_section_is_split_with_warnings_and_loses_no_words() {
    let built = build_ok(&fixture("long-section"));
    for (lang, cont) in [("sv", "(forts.)"), ("en", "(cont.)")] {
        let file = format!("content/2020/01-manga-punkter.{lang}.md");
        let kinds: Vec<_> = built
            .warnings
            .iter()
            .filter(|w| w.file == file)
            .map(|w| w.kind)
            .collect();
        assert!(
            kinds.contains(&WarningKind::SlideSplit),
            "{lang}: {kinds:?}"
        );
        assert!(
            kinds.contains(&WarningKind::SlideItemSplit),
            "{lang}: {kinds:?}"
        );
        let html = &page(&built, &format!("{lang}/2020/slides/index.html"));
        let roots = slide_roots(html);
        let parts = roots
            .iter()
            .filter(|c| c.contains("slide--kind-strength"))
            .count();
        assert!(parts >= 3, "{lang}: {parts} slides for the long section");
        assert_eq!(
            html.matches(cont).count(),
            parts - 1,
            "{lang}: every continuation is marked"
        );
        // Split at item boundaries (or inside the one huge point): every point and every
        // sentence of the 400-word point is on exactly one slide.
        let text = visible_text(html);
        let source = std::fs::read_to_string(fixture("long-section").join(&file)).unwrap();
        let body = &source[source.rfind("+++").unwrap() + 3..source.find("???").unwrap()];
        for point in body.lines().filter(|l| l.starts_with("- ")) {
            for sentence in point[2..].split_inclusive(". ") {
                let sentence = sentence.trim();
                assert_eq!(text.matches(sentence).count(), 1, "{lang}: {sentence:?}");
            }
        }
        // All parts of the split section share the size at which it needs fewest slides.
        let sizes: Vec<u32> = roots
            .iter()
            .filter(|c| c.contains("slide--kind-strength"))
            .map(|c| size_of(c))
            .collect();
        assert_eq!(sizes, vec![24; parts], "{lang}");
    }
}

#[test]
fn speaker_notes_are_in_the_deck_and_handout_but_never_on_the_report_page() {
    let built = build_ok(&fixture("long-section"));
    let notes = "Testtext: talarmanus för den långa sektionen";
    let report = &page(&built, "sv/2020/index.html");
    assert!(
        !report.contains(notes) && !report.contains("???"),
        "notes leaked onto the report page"
    );
    assert!(
        report.contains("Testtext: punkt 20"),
        "the section text is still there"
    );
    let deck = &page(&built, "sv/2020/slides/index.html");
    assert_eq!(
        deck.matches(notes).count(),
        1,
        "once, on the section's first slide"
    );
    // In the deck the notes sit outside the slide root, in a disclosure the print style hides.
    let notes_at = deck.find(notes).unwrap();
    let details_at = deck[..notes_at].rfind("<details").unwrap();
    assert!(deck[details_at..].starts_with("<details class=slide-notes"));
    assert!(&page(&built, "sv/2020/slides/handout.html").contains(notes));
    assert!(
        &page(&built, "en/2020/slides/index.html")
            .contains("Test text: speaker notes for the long section")
    );
}

fn section(kind: &str, title: &str, body: &str) -> String {
    format!("+++\nkind = \"{kind}\"\ntitle = \"{title}\"\n+++\n{body}")
}

#[test]
fn notes_marker_in_the_front_matter_is_an_error_at_its_line() {
    let dir = copy_fixture("minimal");
    write(
        dir.path(),
        "content/2020/01-styrka.sv.md",
        "+++\nkind = \"strength\"\n???\ntitle = \"Testtext\"\n+++\n- a\n",
    );
    let e = build(dir.path()).unwrap_err();
    let err = error_of(&e, ErrorKind::NotesMarker);
    assert_eq!(err.file(), Some("content/2020/01-styrka.sv.md"));
    assert_eq!(err.line_col(), Some((3, 1)));
}

#[test]
fn a_second_notes_marker_and_a_marker_with_text_are_errors() {
    let dir = copy_fixture("minimal");
    write(
        dir.path(),
        "content/2020/01-styrka.sv.md",
        &section(
            "strength",
            "Testtext",
            "\n- a\n\n???\nNotes.\n\n???\nMore.\n",
        ),
    );
    write(
        dir.path(),
        "content/2020/02-framat.sv.md",
        &section("way-forward", "Testtext", "\n- a\n\n??? Anteckningar\n"),
    );
    let e = build(dir.path()).unwrap_err();
    let at: Vec<_> = e
        .errors
        .iter()
        .filter(|e| e.kind() == ErrorKind::NotesMarker)
        .map(|e| (e.file().unwrap().to_string(), e.line_col()))
        .collect();
    assert_eq!(
        at,
        [
            ("content/2020/01-styrka.sv.md".to_string(), Some((11, 1))),
            ("content/2020/02-framat.sv.md".to_string(), Some((8, 1))),
        ]
    );
}

#[test]
fn an_empty_section_is_a_warning_and_a_title_only_slide() {
    let dir = copy_fixture("minimal");
    write(
        dir.path(),
        "content/2020/01-styrka.sv.md",
        &section("strength", "Testtext: tom", "\n"),
    );
    write(
        dir.path(),
        "content/2020/02-framat.sv.md",
        &section(
            "way-forward",
            "Testtext: bara manus",
            "\n???\nBara talarmanus.\n",
        ),
    );
    let built = build_ok(dir.path());
    let empty: Vec<_> = built
        .warnings
        .iter()
        .filter(|w| w.kind == WarningKind::EmptySection)
        .map(|w| w.file.as_str())
        .collect();
    assert_eq!(
        empty,
        [
            "content/2020/01-styrka.sv.md",
            "content/2020/02-framat.sv.md"
        ]
    );
    let deck = &page(&built, "sv/2020/slides/index.html");
    assert_eq!(slide_roots(deck).len(), 4, "title, two sections, closing");
    assert!(deck.contains("Testtext: tom") && deck.contains("Bara talarmanus."));
}

#[test]
fn a_block_that_cannot_be_divided_is_an_error_at_its_line() {
    let dir = copy_fixture("minimal");
    let code = format!("\nIntro.\n\n```\n{}```\n", "kodrad\n".repeat(60));
    write(
        dir.path(),
        "content/2020/01-styrka.sv.md",
        &section("strength", "Testtext", &code),
    );
    let e = build(dir.path()).unwrap_err();
    let err = error_of(&e, ErrorKind::SlideTooFull);
    assert_eq!(err.file(), Some("content/2020/01-styrka.sv.md"));
    assert_eq!(err.line_col(), Some((8, 1)), "points at the ``` line");
    assert!(err.help_text().is_some());
}

#[test]
fn a_title_too_long_for_the_title_slide_is_an_error_naming_report_toml() {
    let dir = copy_fixture("minimal");
    let title = "Testtext ".repeat(150);
    write(
        dir.path(),
        "content/2020/report.toml",
        &format!("title = {{ sv = \"{title}\", en = \"Test\" }}\npublished = 2020-12-31\n"),
    );
    let e = build(dir.path()).unwrap_err();
    let err = error_of(&e, ErrorKind::SlideTooFull);
    assert_eq!(err.file(), Some("content/2020/report.toml"));
}

#[test]
fn an_untranslated_section_is_marked_on_the_slide_and_in_its_language() {
    let built = build_ok(&fixture("fallback"));
    let deck = &page(&built, "en/2020/slides/index.html");
    assert!(deck.contains("Not translated"));
    assert!(
        deck.contains("lang=sv"),
        "the Swedish text is marked as Swedish"
    );
}
