//! Where the PowerPoint deck puts things (issue 17): where the HTML deck puts
//! them. The numbers each test expects are read from the built HTML deck (its
//! `--figure-height`, `slide--size-N`, `slide--table-N`) or from the
//! stylesheet's rules, not from summering's PowerPoint code.

use crate::common::{build_ok, copy_fixture, fixture, page, write};
use crate::pptx::{file, part, parts};

/// EMU per design px (12 192 000 EMU across 1280 px).
const EMU: f64 = 9525.0;
/// The bottom of the room a section slide's body is centred in: 720 − 48 px padding.
const ROOM_BOTTOM: f64 = 672.0;
/// The gap under a section slide's title (`.slide__title { margin-bottom }`).
const TITLE_GAP: f64 = 24.0;
/// The gap above a chart (`.slide__figure { margin-top }`).
const FIGURE_GAP: f64 = 16.0;

fn attr(xml: &str, name: &str) -> Option<f64> {
    let at = xml.find(&format!(" {name}=\""))? + name.len() + 3;
    xml[at..].split('"').next()?.parse().ok()
}

/// A shape's name and box in design px (x, y, w, h).
#[derive(Debug, Clone)]
struct Shape {
    name: String,
    chart: bool,
    rect: [f64; 4],
}

/// Every shape of a slide part with a box of its own, in order.
fn shapes(slide: &str) -> Vec<Shape> {
    slide
        .split("<p:cNvPr ")
        .skip(1)
        .filter_map(|s| {
            let name = s.split("name=\"").nth(1)?.split('"').next()?.to_string();
            let shape = s.split("<p:cNvPr ").next().unwrap();
            let off = shape.split("<a:off ").nth(1)?;
            let ext = shape.split("<a:ext ").nth(1)?;
            let px = |xml: &str, a| attr(&format!(" {xml}"), a).unwrap() / EMU;
            Some(Shape {
                name,
                chart: shape.contains("drawingml/2006/chart\""),
                rect: [px(off, "x"), px(off, "y"), px(ext, "cx"), px(ext, "cy")],
            })
        })
        .collect()
}

/// The slide parts of a deck, in slide order.
fn slides(deck: &[u8]) -> Vec<String> {
    let parts = parts(deck);
    let count = parts
        .iter()
        .filter(|(n, _)| n.starts_with("ppt/slides/slide") && n.ends_with(".xml"))
        .count();
    (1..=count)
        .map(|n| part(&parts, &format!("ppt/slides/slide{n}.xml")))
        .collect()
}

/// The number after each `marker`, in order.
fn numbers_after(html: &str, marker: &str) -> Vec<f64> {
    crate::deck_layout::numbers_after(html, marker)
        .into_iter()
        .map(f64::from)
        .collect()
}

#[test]
fn a_chart_is_as_tall_as_the_html_decks_figure_under_a_title_of_one_or_two_lines() {
    // The first chart's Swedish title on two lines, the others' on one.
    let dir = copy_fixture("charts");
    let charts = "content/2021/charts.toml";
    let toml = std::fs::read_to_string(dir.path().join(charts)).unwrap();
    let two_lines = "sv = \"Testdiagram: staplar, med en rubrik som bryts på två rader på bilden\"";
    write(
        dir.path(),
        charts,
        &toml.replace("sv = \"Testdiagram: staplar\"", two_lines),
    );
    let site = build_ok(dir.path());
    for lang in ["sv", "en"] {
        let html = page(&site, &format!("{lang}/2021/slides/index.html"));
        let want = numbers_after(&html, "--figure-height: ");
        let deck = file(&site, &format!("{lang}/2021/slides/slides.pptx"));
        let got: Vec<f64> = slides(deck)
            .iter()
            .flat_map(|s| shapes(s).into_iter().filter(|s| s.chart))
            .map(|s| s.rect[3].round())
            .collect();
        assert_eq!(got, want, "{lang}");
        if lang == "sv" {
            assert!(want[0] < 440.0, "the long title leaves less: {want:?}");
        }
    }
}

#[test]
fn a_tables_type_is_the_size_the_plan_chose_for_its_slide() {
    let site = build_ok(&fixture("deck-pressure"));
    let mut smaller = 0;
    for lang in ["sv", "en"] {
        let html = page(&site, &format!("{lang}/2022/slides/index.html"));
        let classes: Vec<&str> = html
            .split("<section ")
            .skip(1)
            .map(|s| s.split('>').next().unwrap())
            .collect();
        let deck = file(&site, &format!("{lang}/2022/slides/slides.pptx"));
        let slides = slides(deck);
        assert_eq!(slides.len(), classes.len(), "{lang}");
        for (n, (slide, class)) in slides.iter().zip(&classes).enumerate() {
            let Some(tbl) = slide.split("<a:tbl>").nth(1) else {
                continue;
            };
            let size = numbers_after(class, "slide--size-")[0];
            let scale = numbers_after(class, "slide--table-")
                .first()
                .map_or(0.85, |n| n / 100.0);
            smaller += usize::from(scale < 0.85);
            // DrawingML sizes are hundredths of a point, 0.75 pt a design px
            // (one hundredth either way for the rounding).
            let sz = attr(tbl, "sz").unwrap();
            let want = scale * size * 75.0;
            assert!(
                (sz - want).abs() <= 1.0,
                "{lang} slide {}: {sz}, not {want}",
                n + 1
            );
        }
    }
    assert!(
        smaller >= 2,
        "the nine-column table is set smaller in both decks"
    );
}

/// The body's shapes of a section slide: everything but the head and the footer.
fn body(shapes: &[Shape]) -> Vec<&Shape> {
    // The shape tree itself has an empty name.
    const NOT_BODY: [&str; 7] = [
        "",
        "Band",
        "Kind",
        "Title",
        "Footer",
        "Slide Number",
        "Logo",
    ];
    shapes
        .iter()
        .filter(|s| !NOT_BODY.contains(&s.name.as_str()))
        .collect()
}

#[test]
fn a_section_slides_body_sits_in_the_room_under_its_title_two_parts_above_to_three_below() {
    let mut centred = 0;
    for (name, year) in [
        ("deck-pressure", 2022),
        ("deck-pictures", 2022),
        ("charts", 2021),
    ] {
        let site = build_ok(&fixture(name));
        for lang in ["sv", "en"] {
            let deck = file(&site, &format!("{lang}/{year}/slides/slides.pptx"));
            for (n, slide) in slides(deck).iter().enumerate() {
                let shapes = shapes(slide);
                let Some(title) = shapes.iter().find(|s| s.name == "Title") else {
                    continue;
                };
                if slide.contains("type=\"ctrTitle\"") {
                    continue;
                }
                let body = body(&shapes);
                if body.is_empty() {
                    continue;
                }
                // A chart's figure begins its 16 px margin above it (`.slide__figure`).
                let top = body
                    .iter()
                    .map(|s| s.rect[1] - if s.chart { FIGURE_GAP } else { 0.0 })
                    .fold(f64::MAX, f64::min);
                let bottom = body
                    .iter()
                    .map(|s| s.rect[1] + s.rect[3])
                    .fold(f64::MIN, f64::max);
                let room_top = title.rect[1] + title.rect[3] + TITLE_GAP;
                let (above, below) = (top - room_top, ROOM_BOTTOM - bottom);
                let at = format!(
                    "{name} {lang} slide {}: {above} above, {below} below, {body:?}",
                    n + 1
                );
                assert!(above > -0.01, "{at}");
                if below < 0.01 {
                    // As tall as the room or taller: it starts right under the title.
                    assert!(above < 0.01, "{at}");
                } else {
                    assert!((above * 3.0 - below * 2.0).abs() < 0.05, "{at}");
                    centred += 1;
                }
            }
        }
    }
    assert!(centred >= 10, "{centred} slides with room to spare");
}

#[test]
fn a_picture_takes_the_height_of_its_own_shape() {
    // deck-pictures: a 400 × 1600 portrait, capped at the stylesheet's 240 px, and a
    // 3000 × 400 panorama across the 1136 px body: 1136 × 400 / 3000 px high.
    let site = build_ok(&fixture("deck-pictures"));
    for lang in ["sv", "en"] {
        let deck = file(&site, &format!("{lang}/2022/slides/slides.pptx"));
        let pictures: Vec<Shape> = slides(deck)
            .iter()
            .flat_map(|s| shapes(s))
            .filter(|s| s.name.ends_with(".png"))
            .collect();
        let size = |file: &str| {
            let s = pictures.iter().find(|s| s.name == file).unwrap();
            (
                (s.rect[2] * 100.0).round() / 100.0,
                (s.rect[3] * 100.0).round() / 100.0,
            )
        };
        assert_eq!(size("portratt.png"), (60.0, 240.0), "{lang}");
        assert_eq!(size("panorama.png"), (1136.0, 151.47), "{lang}");
    }
}
