//! How a deck's section slides are laid out (issue 16): a chart is sized to the room its
//! title leaves. How the slides look is checked in Chromium by `tests/browser/slide-fit.mjs`.

use crate::common::{build_ok, copy_fixture, page};

/// The number after each `marker` on a page, in order (`--figure-height: 414`, `slide--size-32`).
pub(crate) fn numbers_after(html: &str, marker: &str) -> Vec<u32> {
    html.split(marker)
        .skip(1)
        .map(|rest| {
            let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
            rest[..digits].parse().unwrap()
        })
        .collect()
}

/// The `--figure-height` of every chart on a deck page, in order.
fn figure_heights(html: &str) -> Vec<u32> {
    numbers_after(html, "--figure-height: ")
}

#[test]
fn a_chart_under_a_title_of_two_lines_gets_less_height_than_under_one() {
    let dir = copy_fixture("charts");
    let path = dir.path().join("content/2021/charts.toml");
    let long = "Testdiagram: staplar med en rubrik så lång att den bryts på två rader i bilden";
    let text = std::fs::read_to_string(&path)
        .unwrap()
        .replace("sv = \"Testdiagram: staplar\"", &format!("sv = \"{long}\""));
    std::fs::write(&path, text).unwrap();
    let site = build_ok(dir.path());
    let sv = figure_heights(&page(&site, "sv/2021/slides/index.html"));
    let en = figure_heights(&page(&site, "en/2021/slides/index.html"));
    assert_eq!(en, [440; 5], "one-line titles: the whole height");
    assert_eq!(sv.len(), 5);
    // Under two title lines the room is 720 − 56 − 48 (padding) − 36 (kind) − 2 × 48 − 24 =
    // 460 px: the chart, its 16 px gap and its 30 px caption line fill it.
    assert_eq!(sv[0], 460 - 16 - 30, "{sv:?}");
    assert_eq!(sv[1..], [440; 4]);
}

/// The type size class of each slide of a deck page, in order.
fn sizes(html: &str) -> Vec<u32> {
    numbers_after(html, "slide--size-")
}

#[test]
fn a_panorama_takes_the_height_of_its_shape_and_leaves_the_text_its_largest_size() {
    // deck-pictures: a 400 × 1600 portrait and a 3000 × 400 panorama, each with text. The
    // panorama set across the body is 1136 × 400 / 3000 ≈ 151 px high; counted as a picture
    // of 240 px, its slide would not fit at 32 px.
    let site = build_ok(&crate::common::fixture("deck-pictures"));
    for lang in ["sv", "en"] {
        let deck = page(&site, &format!("{lang}/2022/slides/index.html"));
        assert_eq!(sizes(&deck)[2], 32, "{lang}: {:?}", sizes(&deck));
        for name in ["portratt.png", "panorama.png"] {
            assert!(deck.contains(name), "{lang}: {name}");
        }
    }
}

#[test]
fn a_table_of_nine_columns_gets_smaller_type_and_a_table_of_four_does_not() {
    // deck-pressure: 06-bred-tabell has nine columns whose header words do not fit whole side
    // by side at the default table size; 05-tabell has four short ones.
    let site = build_ok(&crate::common::fixture("deck-pressure"));
    for (lang, wide, narrow) in [
        ("sv", "nio kolumner", "tjugo rader"),
        ("en", "nine columns", "twenty rows"),
    ] {
        let deck = page(&site, &format!("{lang}/2022/slides/index.html"));
        let slides: Vec<&str> = deck.split("<section ").skip(1).collect();
        let of = |title: &str| -> Vec<Vec<u32>> {
            slides
                .iter()
                .filter(|s| s.contains(title))
                .map(|s| numbers_after(s.split('>').next().unwrap(), "slide--table-"))
                .collect()
        };
        let wide = of(wide);
        assert_eq!(wide.len(), 1, "{lang}");
        assert!(matches!(wide[0][..], [n] if n < 85), "{lang}: {wide:?}");
        let narrow = of(narrow);
        assert!(narrow.len() >= 2, "{lang}: {narrow:?}");
        assert!(narrow.iter().all(Vec::is_empty), "{lang}: {narrow:?}");
    }
}
