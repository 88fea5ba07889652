//! The PowerPoint decks (issue 17), unzipped and read back: one file per deck,
//! the HTML deck's slides (count, titles, text), 16:9, outline levels, tables,
//! native charts with their workbooks, the slide-number field, speaker notes,
//! and the same bytes for the same input.

use std::io::{Cursor, Read};

use summering::BuiltSite;

use crate::common::*;

pub(crate) fn file<'a>(site: &'a BuiltSite, path: &str) -> &'a [u8] {
    &site
        .files
        .iter()
        .find(|f| f.path == path)
        .unwrap_or_else(|| panic!("{path} not built"))
        .bytes
}

/// The package's parts by name, in the ZIP's order.
pub(crate) fn parts(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).expect("a ZIP the zip crate can read");
    (0..zip.len())
        .map(|i| {
            let mut f = zip.by_index(i).unwrap();
            let mut data = Vec::new();
            f.read_to_end(&mut data).unwrap();
            (String::from_utf8(f.name_raw().to_vec()).unwrap(), data)
        })
        .collect()
}

pub(crate) fn part(parts: &[(String, Vec<u8>)], name: &str) -> String {
    let (_, bytes) = parts
        .iter()
        .find(|(n, _)| n == name)
        .unwrap_or_else(|| panic!("no part {name}"));
    String::from_utf8(bytes.clone()).unwrap()
}

/// The text of every `<a:t>` of a part, joined by spaces.
fn text(xml: &str) -> String {
    let mut out = Vec::new();
    for piece in xml.split("<a:t>").skip(1) {
        let t = piece.split("</a:t>").next().unwrap();
        out.push(
            t.replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&apos;", "'")
                .replace("&amp;", "&"),
        );
    }
    out.join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn slide_count(parts: &[(String, Vec<u8>)]) -> usize {
    parts
        .iter()
        .filter(|(n, _)| n.starts_with("ppt/slides/slide") && n.ends_with(".xml"))
        .count()
}

/// The HTML deck's slides, each as its HTML (its `<section>`, without the notes).
fn html_slides(site: &BuiltSite, deck: &str) -> Vec<String> {
    let html = page(site, deck);
    html.split("<div class=deck__item")
        .skip(1)
        .map(|s| {
            let s = s.split_once('>').unwrap().1;
            s.split("</section>").next().unwrap().to_string()
        })
        .collect()
}

#[test]
fn every_deck_has_a_pptx_with_the_html_decks_slides_in_16_9() {
    for (site, decks) in [
        (sample(), vec!["sv/2021", "en/2021"]),
        (
            build_ok(&fixture("long-section")),
            vec!["sv/2020", "en/2020"],
        ),
        (build_ok(&fixture("charts")), vec!["sv/2021", "en/2021"]),
        (build_ok(&fixture("markdown")), vec!["sv/2020"]),
    ] {
        for deck in decks {
            let parts = parts(file(&site, &format!("{deck}/slides/slides.pptx")));
            assert_eq!(parts[0].0, "[Content_Types].xml");
            let pres = part(&parts, "ppt/presentation.xml");
            assert!(
                pres.contains(r#"<p:sldSz cx="12192000" cy="6858000"/>"#),
                "{pres}"
            );
            let html = html_slides(&site, &format!("{deck}/slides/index.html"));
            assert_eq!(
                slide_count(&parts),
                html.len(),
                "{deck}: slides of the pptx vs the HTML deck"
            );
            for (i, slide_html) in html.iter().enumerate() {
                let xml = part(&parts, &format!("ppt/slides/slide{}.xml", i + 1));
                let got = text(&xml);
                let squeezed: String = got.split_whitespace().collect();
                // Chart slides: the chart draws its own ticks; their title and caption are text.
                let html = match slide_html.split_once("<svg") {
                    Some((before, after)) => {
                        format!("{before}{}", after.split("</svg>").last().unwrap())
                    }
                    None => slide_html.clone(),
                };
                for word in visible_text(&html).split(' ') {
                    assert!(
                        squeezed.contains(word),
                        "{deck} slide {}: {word:?} of the HTML slide is not in the pptx slide's text:\n{got}",
                        i + 1
                    );
                }
            }
        }
    }
}

#[test]
fn every_seed_line_is_text_in_the_swedish_deck() {
    let site = sample();
    let parts = parts(file(&site, "sv/2021/slides/slides.pptx"));
    let all: Vec<String> = (1..=slide_count(&parts))
        .map(|i| text(&part(&parts, &format!("ppt/slides/slide{i}.xml"))))
        .collect();
    let all = all.join(" ");
    // The sample against its own seed (tests/fixtures/seed-2021.txt), every line of it.
    let seed = seed_lines();
    assert_eq!(seed.len(), 51, "the seed's non-empty lines");
    for line in &seed {
        let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            all.contains(&line),
            "seed line missing from the pptx: {line:?}\n{all}"
        );
    }
}

#[test]
fn bullets_are_paragraphs_with_outline_levels_and_the_footer_has_a_slide_number_field() {
    // The report fixture: title, one slide per section, closing. The third section
    // ("utveckla") has one point with one sub-point; the others only top-level points.
    let site = build_ok(&fixture("report"));
    let parts = parts(file(&site, "sv/2021/slides/slides.pptx"));
    let slides: Vec<String> = (1..=slide_count(&parts))
        .map(|i| part(&parts, &format!("ppt/slides/slide{i}.xml")))
        .collect();
    let levels = |lvl: &str| {
        let attr = format!(r#"lvl="{lvl}""#);
        slides
            .iter()
            .map(|x| x.matches(&attr).count())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        levels("0"),
        [0, 2, 1, 1, 1, 0],
        "top-level points per slide"
    );
    assert_eq!(levels("1"), [0, 0, 0, 1, 0, 0], "sub-points per slide");
    let utveckla = &slides[3];
    assert!(
        text(utveckla).contains("Testtext: underpunkt"),
        "{utveckla}"
    );
    assert!(utveckla.contains(r#"<p:ph type="body" idx="1"/>"#));
    assert!(utveckla.contains(r#"<p:ph type="title"/>"#));
    assert!(utveckla.contains(r#"<a:fld id="#) && utveckla.contains(r#"type="slidenum""#));
    // The HTML deck's footer: organisation · date, then "N / total".
    let footer = text(utveckla);
    assert!(
        footer.contains("Testorganisation · 31 december 2021"),
        "{footer}"
    );
    assert!(footer.contains("4 / 6"), "{footer}");
    // The masters: four layouts by name, the theme's font.
    for name in ["Title", "Section", "Chart", "Closing"] {
        assert!(
            (1..=4).any(
                |i| part(&parts, &format!("ppt/slideLayouts/slideLayout{i}.xml"))
                    .contains(&format!(r#"<p:cSld name="{name}">"#))
            ),
            "no layout {name}"
        );
    }
    let theme = part(&parts, "ppt/theme/theme1.xml");
    assert!(theme.contains(r#"typeface="Noto Sans""#) && theme.contains(r#"pitchFamily="34""#));
    assert!(
        theme.contains(r#"<a:dk2><a:srgbClr val="003F63"/>"#),
        "the accent colour of base.css"
    );
}

#[test]
fn tables_are_powerpoint_tables() {
    let site = build_ok(&fixture("markdown"));
    let parts = parts(file(&site, "sv/2020/slides/slides.pptx"));
    let slide = (1..=slide_count(&parts))
        .map(|i| part(&parts, &format!("ppt/slides/slide{i}.xml")))
        .find(|x| x.contains("<a:tbl>"))
        .expect("a slide with a table");
    assert_eq!(slide.matches("<a:tr ").count(), 3);
    assert_eq!(slide.matches("<a:gridCol ").count(), 2);
    assert!(text(&slide).contains("Testtext: SIP 12"));
    // The script and the javascript: links the sanitiser removed stay removed.
    assert!(!slide.contains("alert") && !slide.contains("javascript"));
}

#[test]
fn charts_are_native_charts_with_an_embedded_workbook_and_alt_text() {
    let site = sample();
    let parts = parts(file(&site, "sv/2021/slides/slides.pptx"));
    let chart = part(&parts, "ppt/charts/chart1.xml");
    assert!(chart.contains("<c:barChart>") && chart.contains(r#"<c:externalData r:id="rId1">"#));
    for v in ["94.5", "88", "71", "62.5"] {
        assert!(
            chart.contains(&format!("<c:v>{v}</c:v>")),
            "{v} not in the chart's cache"
        );
    }
    assert!(chart.contains("<c:v>Primärvård</c:v>"));
    let rels = part(&parts, "ppt/charts/_rels/chart1.xml.rels");
    assert!(rels.contains("../embeddings/Microsoft_Excel_Worksheet1.xlsx"));
    let (_, book) = parts
        .iter()
        .find(|(n, _)| n == "ppt/embeddings/Microsoft_Excel_Worksheet1.xlsx")
        .unwrap();
    let book = self::parts(book);
    let sheet = part(&book, "xl/worksheets/sheet1.xml");
    assert!(sheet.contains(r#"<c r="B2"><v>94.5</v></c>"#), "{sheet}");
    let slide = (1..=slide_count(&parts))
        .map(|i| part(&parts, &format!("ppt/slides/slide{i}.xml")))
        .find(|x| x.contains("drawingml/2006/chart"))
        .unwrap();
    let descr = slide
        .split(r#"descr=""#)
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap();
    let page = page(&site, "sv/2021/slides/index.html");
    assert!(
        descr.len() > 40 && page.contains(descr),
        "alt text {descr:?} is not the chart's description"
    );
}

#[test]
fn speaker_notes_are_notes_slides_of_their_slides() {
    let site = build_ok(&fixture("long-section"));
    let parts = parts(file(&site, "sv/2020/slides/slides.pptx"));
    let html = page(&site, "sv/2020/slides/index.html");
    let with_notes: Vec<usize> = html
        .split("<div class=deck__item")
        .skip(1)
        .enumerate()
        .filter(|(_, s)| s.contains("<details"))
        .map(|(i, _)| i + 1)
        .collect();
    assert_eq!(with_notes.len(), 2);
    for n in with_notes {
        let rels = part(&parts, &format!("ppt/slides/_rels/slide{n}.xml.rels"));
        assert!(rels.contains(&format!("../notesSlides/notesSlide{n}.xml")));
        let notes = text(&part(&parts, &format!("ppt/notesSlides/notesSlide{n}.xml")));
        assert!(notes.starts_with("Testtext: talarmanus"), "{notes}");
    }
    assert!(part(&parts, "[Content_Types].xml").contains("notesSlide+xml"));
}

#[test]
fn every_part_is_dated_1980_01_01() {
    // Not the time of the build, so the bytes stay the same from one day to the next.
    // That two builds give the same bytes is checked across processes by
    // built_in_two_processes (the sample, pictures, a template build).
    let a = sample();
    for path in ["sv/2021/slides/slides.pptx", "en/2021/slides/slides.pptx"] {
        let mut zip = zip::ZipArchive::new(Cursor::new(file(&a, path))).unwrap();
        for i in 0..zip.len() {
            let f = zip.by_index(i).unwrap();
            let t = f.last_modified().unwrap();
            assert_eq!(
                (t.year(), t.month(), t.day()),
                (1980, 1, 1),
                "{:?}",
                f.name_raw()
            );
        }
    }
}

#[test]
fn the_deck_page_links_its_pptx() {
    let site = sample();
    for (lang, words) in [
        ("sv", "Ladda ner som PowerPoint"),
        ("en", "Download as PowerPoint"),
    ] {
        let page = page(&site, &format!("{lang}/2021/slides/index.html"));
        assert!(
            page.contains("href=slides.pptx") && page.contains(words),
            "{lang}"
        );
    }
}

/// One `<p:pic>` of a slide: its name, alternative text, whether it is marked
/// decorative, whether it carries an SVG, and its box in EMU (x, y, cx, cy).
#[derive(Debug)]
struct Pic {
    name: String,
    descr: Option<String>,
    decorative: bool,
    svg: bool,
    rect: [i64; 4],
}

fn attr(xml: &str, name: &str) -> Option<String> {
    let at = xml.find(&format!(" {name}=\""))? + name.len() + 3;
    Some(xml[at..].split('"').next()?.to_string())
}

fn pics(slide: &str) -> Vec<Pic> {
    slide
        .split("<p:pic>")
        .skip(1)
        .map(|p| {
            let p = p.split("</p:pic>").next().unwrap();
            let c_nv_pr = p.split("<p:cNvPr").nth(1).unwrap();
            let c_nv_pr = c_nv_pr.split("<p:cNvPicPr").next().unwrap();
            let off = p.split("<a:off").nth(1).unwrap();
            let ext = p.split("<a:ext cx").nth(1).map(|e| format!(" cx{e}")).unwrap();
            let n = |s: &str, a| attr(s, a).unwrap().parse::<i64>().unwrap();
            Pic {
                name: attr(c_nv_pr, "name").unwrap(),
                descr: attr(c_nv_pr, "descr"),
                decorative: c_nv_pr.contains(r#"<adec:decorative xmlns:adec="http://schemas.microsoft.com/office/drawing/2017/decorative" val="1"/>"#),
                svg: p.contains("<asvg:svgBlip"),
                rect: [n(off, "x"), n(off, "y"), n(&ext, "cx"), n(&ext, "cy")],
            }
        })
        .collect()
}

#[test]
fn pictures_are_picture_shapes_with_their_text_in_the_slide_and_the_same_bytes_in_two_processes() {
    let site = build_ok(&fixture("pictures"));
    let bytes = file(&site, "sv/2021/slides/slides.pptx");
    let parts = parts(bytes);
    let mut shown: Vec<(usize, Pic)> = Vec::new();
    for i in 1..=slide_count(&parts) {
        for pic in pics(&part(&parts, &format!("ppt/slides/slide{i}.xml"))) {
            shown.push((i, pic));
        }
    }
    let names: Vec<&str> = shown.iter().map(|(_, p)| p.name.as_str()).collect();
    // The HTML deck's pictures, in its order: the map and the chart, then the
    // frame, the photo and the map again.
    assert_eq!(
        names,
        [
            "karta.png",
            "diagram.svg",
            "ram.webp",
            "foto.jpg",
            "karta.png"
        ],
        "{shown:#?}"
    );
    let by_name = |n: &str| &shown.iter().find(|(_, p)| p.name == n).unwrap().1;
    assert_eq!(
        by_name("karta.png").descr.as_deref(),
        Some("Karta över samverkansområdena")
    );
    assert_eq!(
        by_name("foto.jpg").descr.as_deref(),
        Some("Deltagare samlade kring en karta")
    );
    let chart = by_name("diagram.svg");
    assert!(chart.svg && chart.descr.as_deref() == Some("Diagram över deltagande per år"));
    let frame = by_name("ram.webp");
    assert!(
        frame.decorative && frame.descr.is_none(),
        "the decorative picture: {frame:?}"
    );
    assert!(shown.iter().filter(|(_, p)| p.decorative).count() == 1);

    // Every picture inside the slide, in its own shape (1200 × 60, 800 × 500, 640 × 360 …).
    let natural = |n: &str| match n {
        "karta.png" => 800.0 / 500.0,
        "diagram.svg" => 640.0 / 360.0,
        "ram.webp" => 1200.0 / 60.0,
        _ => 1200.0 / 800.0,
    };
    for (i, p) in &shown {
        let [x, y, cx, cy] = p.rect;
        assert!(
            x >= 0 && y >= 0 && cx > 0 && cy > 0 && x + cx <= 12_192_000 && y + cy <= 6_858_000,
            "slide {i}: {p:?} is not inside the slide"
        );
        let aspect = cx as f64 / cy as f64;
        assert!(
            (aspect / natural(&p.name) - 1.0).abs() < 0.01,
            "slide {i}: {p:?} is not in its shape"
        );
        // Never more than the deck's picture height (240 of 720 design px).
        assert!(
            cy <= 240 * 9525,
            "slide {i}: {p:?} taller than the deck lets it be"
        );
    }

    // Each picture is one media part however many slides show it; WebP is given as PNG.
    let media: Vec<&str> = parts
        .iter()
        .map(|(n, _)| n.as_str())
        .filter(|n| n.starts_with("ppt/media/image"))
        .collect();
    assert_eq!(
        media,
        [
            "ppt/media/image1.png",
            "ppt/media/image2.png",
            "ppt/media/image2.svg",
            "ppt/media/image3.png",
            "ppt/media/image4.jpeg",
        ]
    );
    let (_, webp_copy) = parts
        .iter()
        .find(|(n, _)| n == "ppt/media/image3.png")
        .unwrap();
    assert_eq!(
        imagesize::image_type(webp_copy).unwrap(),
        imagesize::ImageType::Png
    );
    let size = imagesize::blob_size(webp_copy).unwrap();
    assert_eq!((size.width, size.height), (1200, 60));
    let (_, photo) = parts
        .iter()
        .find(|(n, _)| n == "ppt/media/image4.jpeg")
        .unwrap();
    assert_eq!(
        photo.as_slice(),
        std::fs::read(fixture("pictures").join("content/2021/bilder/foto.jpg")).unwrap()
    );
    let types = part(&parts, "[Content_Types].xml");
    assert!(
        types.contains(r#"<Override PartName="/ppt/media/image4.jpeg" ContentType="image/jpeg"/>"#)
    );
    assert!(
        types.contains(
            r#"<Override PartName="/ppt/media/image2.svg" ContentType="image/svg+xml"/>"#
        )
    );

    // The pictures (and the PNG copies drawn from the SVG) the same in another process.
    let site = copy_fixture("pictures");
    let files = built_in_two_processes(site.path(), "the deck with pictures");
    assert!(
        files
            .iter()
            .any(|(p, b)| p == "sv/2021/slides/slides.pptx" && b == bytes),
        "the deck of the first process is not the one built here"
    );
}

/// Each `<a:p>` of a slide with its outline level and its bullet: the
/// character and the font it is drawn in.
fn bullets(slide: &str) -> Vec<(String, Option<(String, String)>)> {
    slide
        .split("<a:p>")
        .skip(1)
        .filter_map(|p| {
            let ppr = p.split("</a:pPr>").next()?;
            let level = attr(ppr, "lvl")?;
            let ch = ppr.split("<a:buChar").nth(1).and_then(|t| attr(t, "char"));
            let font = ppr
                .split("<a:buFont")
                .nth(1)
                .and_then(|t| attr(t, "typeface"));
            Some((level, ch.zip(font)))
        })
        .collect()
}

#[test]
fn nested_bullets_are_the_html_decks_disc_circle_and_square_in_a_font_that_has_them() {
    // deck-pressure: "en lista i tre nivåer" nests three levels deep.
    let site = build_ok(&fixture("deck-pressure"));
    let parts = parts(file(&site, "sv/2022/slides/slides.pptx"));
    let slide = (1..=slide_count(&parts))
        .map(|i| part(&parts, &format!("ppt/slides/slide{i}.xml")))
        .find(|x| text(x).contains("nivå tre 1.1.1"))
        .expect("the three-level list");
    let found = bullets(&slide);
    for (level, ch) in [("0", "•"), ("1", "◦"), ("2", "▪")] {
        let at: Vec<_> = found
            .iter()
            .filter(|(l, b)| l == level && b.is_some())
            .collect();
        assert!(!at.is_empty(), "no bullet at level {level}");
        for (_, b) in at {
            // Noto Sans has no ◦ or ▪ (docs/fonts.md): the bullet names Arial.
            assert_eq!(
                b.as_ref().map(|(c, f)| (c.as_str(), f.as_str())),
                Some((ch, "Arial")),
                "level {level}"
            );
        }
    }
    let master = part(&parts, "ppt/slideMasters/slideMaster1.xml");
    assert!(
        master.contains(r#"<a:buChar char="▪"/>"#),
        "the master's third level"
    );
}

#[test]
fn a_logo_the_documents_cannot_draw_is_an_error_at_the_logo_key() {
    let root = fixture("brand");
    let mut site = summering::load_site(&root).unwrap();
    // Read when the site was loaded, then spoiled: neither usvg (the PDFs) nor
    // resvg (the decks' PNG copy) can draw it (the one problem left to find so late).
    site.logo.as_mut().expect("the fixture's logo").bytes = std::sync::Arc::from(&b"<svg"[..]);
    let err = summering::build_site(site, &summering::BuildOptions::new(&root))
        .expect_err("a logo that cannot be drawn");
    let toml = std::fs::read_to_string(root.join("content/site.toml")).unwrap();
    let at = toml.find("logo = ").unwrap() + "logo = ".len();
    let line = toml[..at].matches('\n').count() + 1;
    let col = at - toml[..at].rfind('\n').map_or(0, |i| i + 1) + 1;
    for kind in [summering::ErrorKind::Pdf, summering::ErrorKind::Pptx] {
        let e = error_of(&err, kind);
        assert_eq!(e.file(), Some("content/site.toml"), "{e}");
        assert_eq!(e.line_col(), Some((line, col)), "{kind:?}: {e}");
    }
}
