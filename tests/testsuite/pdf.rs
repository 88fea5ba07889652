//! The PDF/A reports (issue 14), read back with lopdf: their text, the claims
//! in their XMP, their catalog, structure tree and languages, and their bytes.

use lopdf::{Document, Object};
use summering::{BuiltSite, ErrorKind};

use crate::common::*;

pub(crate) fn pdf(site: &BuiltSite, path: &str) -> Vec<u8> {
    site.files
        .iter()
        .find(|f| f.path == path)
        .unwrap_or_else(|| panic!("{path} not built"))
        .bytes
        .clone()
}

pub(crate) fn load(bytes: &[u8]) -> Document {
    Document::load_mem(bytes).expect("a PDF lopdf can read")
}

pub(crate) fn text(doc: &Document) -> String {
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    doc.extract_text(&pages).expect("text")
}

fn name(o: &Object) -> String {
    String::from_utf8_lossy(o.as_name().unwrap_or(b"")).into_owned()
}

fn string(o: &Object) -> String {
    match o {
        // A PDF text string is UTF-16BE with a byte-order mark when it is not plain ASCII.
        Object::String(bytes, _) if bytes.starts_with(&[0xFE, 0xFF]) => {
            let units: Vec<u16> = bytes[2..]
                .chunks(2)
                .map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]))
                .collect();
            String::from_utf16_lossy(&units)
        }
        Object::String(bytes, _) => String::from_utf8_lossy(bytes).into_owned(),
        _ => String::new(),
    }
}

/// Every structure element as (role, /Lang, /Alt), in document order.
pub(crate) fn structure(doc: &Document) -> Vec<(String, String, String)> {
    fn walk(doc: &Document, o: &Object, out: &mut Vec<(String, String, String)>) {
        let o = match o {
            Object::Reference(r) => doc.get_object(*r).expect("a structure element"),
            o => o,
        };
        match o {
            Object::Array(items) => items.iter().for_each(|i| walk(doc, i, out)),
            Object::Dictionary(d) => {
                if let Ok(role) = d.get(b"S") {
                    let get = |k: &[u8]| d.get(k).map(string).unwrap_or_default();
                    out.push((name(role), get(b"Lang"), get(b"Alt")));
                }
                if let Ok(kids) = d.get(b"K") {
                    walk(doc, kids, out);
                }
            }
            _ => {}
        }
    }
    let catalog = doc.catalog().expect("a catalog");
    let root = catalog.get(b"StructTreeRoot").expect("a structure tree");
    let root = doc.dereference(root).expect("the structure tree root").1;
    let mut out = Vec::new();
    if let Ok(d) = root.as_dict() {
        walk(
            doc,
            d.get(b"K").expect("structure under the root"),
            &mut out,
        );
    }
    out
}

fn xmp(doc: &Document) -> String {
    let catalog = doc.catalog().unwrap();
    let id = catalog.get(b"Metadata").unwrap().as_reference().unwrap();
    let stream = doc.get_object(id).unwrap().as_stream().unwrap();
    let bytes = stream
        .decompressed_content()
        .unwrap_or_else(|_| stream.content.clone());
    String::from_utf8(bytes).unwrap()
}

#[test]
fn every_seed_line_is_in_the_text_of_the_swedish_report_pdf() {
    let site = sample();
    let doc = load(&pdf(&site, "sv/2021/report.pdf"));
    // The text as read: lines joined, so a seed line broken over two lines is found.
    let text = text(&doc).split_whitespace().collect::<Vec<_>>().join(" ");
    let seed = include_str!("../fixtures/seed-2021.txt");
    let mut checked = 0;
    for line in seed.lines() {
        let line = line.trim().trim_start_matches("- ").trim();
        if line.is_empty() {
            continue;
        }
        // The only edit to the seed: an evident typo (as in report.rs).
        let line = line.replace("arbetsätt", "arbetssätt");
        let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            text.contains(&line) || line.split(' ').all(|w| text.contains(w)),
            "seed line missing from the Swedish report PDF: {line:?}\n{text}"
        );
        checked += 1;
    }
    assert!(checked >= 40, "only {checked} seed lines checked");
    assert!(text.contains("Ett samarbete värt att satsa på"));
}

#[test]
fn both_reports_claim_pdf_a_2a_and_pdf_ua_1_and_are_tagged_a4_with_their_language() {
    let site = sample();
    for (lang, title) in [("sv", "NOSAM summering 2021"), ("en", "NOSAM summary 2021")] {
        let doc = load(&pdf(&site, &format!("{lang}/2021/report.pdf")));
        let xmp = xmp(&doc);
        for claim in [
            "<pdfaid:part>2</pdfaid:part>",
            "<pdfaid:conformance>A</pdfaid:conformance>",
            "<pdfuaid:part>1</pdfuaid:part>",
            "2021-12-31",
        ] {
            assert!(
                xmp.contains(claim),
                "{lang}: {claim} not in the XMP:\n{xmp}"
            );
        }
        assert!(xmp.contains(title), "{lang}: the title is in the XMP");
        let catalog = doc.catalog().unwrap();
        assert_eq!(string(catalog.get(b"Lang").unwrap()), lang);
        let viewer = doc
            .dereference(catalog.get(b"ViewerPreferences").unwrap())
            .unwrap()
            .1;
        assert_eq!(
            viewer.as_dict().unwrap().get(b"DisplayDocTitle").unwrap(),
            &Object::Boolean(true)
        );
        let mark = doc
            .dereference(catalog.get(b"MarkInfo").unwrap())
            .unwrap()
            .1;
        assert_eq!(
            mark.as_dict().unwrap().get(b"Marked").unwrap(),
            &Object::Boolean(true)
        );
        assert!(catalog.get(b"Outlines").is_ok(), "{lang}: bookmarks");
        for (_, page) in doc.get_pages() {
            let media = doc.get_dictionary(page).unwrap().get(b"MediaBox").unwrap();
            let media: Vec<f32> = media
                .as_array()
                .unwrap()
                .iter()
                .map(|n| n.as_float().unwrap())
                .collect();
            assert!(
                (media[2] - 595.28).abs() < 0.5 && (media[3] - 841.89).abs() < 0.5,
                "A4: {media:?}"
            );
        }
        let roles: Vec<String> = structure(&doc).into_iter().map(|(r, _, _)| r).collect();
        let count = |r: &str| roles.iter().filter(|x| *x == r).count();
        assert_eq!(count("H1"), 1, "{lang}: one title");
        assert_eq!(count("H3"), 5, "{lang}: one heading per section");
        for role in [
            "H2", "TOC", "TOCI", "Link", "L", "LI", "Lbl", "LBody", "Table", "TR", "TH", "TD",
            "Figure",
        ] {
            assert!(count(role) > 0, "{lang}: no {role} in {roles:?}");
        }
        let figures: Vec<_> = structure(&doc)
            .into_iter()
            .filter(|(r, _, _)| r == "Figure")
            .collect();
        assert!(
            figures.iter().all(|(_, _, alt)| alt.contains("NOSAM")),
            "{lang}: a figure's alternative text is the chart's description: {figures:?}"
        );
    }
}

#[test]
fn an_untranslated_section_is_marked_swedish_in_the_english_pdf() {
    let site = build_ok(&fixture("fallback"));
    let en = load(&pdf(&site, "en/2020/report.pdf"));
    let sections: Vec<_> = structure(&en)
        .into_iter()
        .filter(|(r, _, _)| r == "Sect")
        .collect();
    assert!(
        sections.iter().any(|(_, lang, _)| lang == "sv"),
        "the Swedish fallback section carries /Lang (sv): {sections:?}"
    );
    let sv = load(&pdf(&site, "sv/2020/report.pdf"));
    assert!(
        structure(&sv).iter().all(|(_, lang, _)| lang != "en"),
        "nothing in the Swedish report is English"
    );
}

#[test]
fn two_processes_write_the_same_pdfs() {
    // The sample's report and deck PDFs from two runs of the binary, with no
    // document cache between them: two builds in one process could not differ.
    let site = sample_site();
    let files = built_in_two_processes(site.path(), "the sample's PDFs");
    let pdfs: Vec<&str> = files
        .iter()
        .map(|(p, _)| p.as_str())
        .filter(|p| p.ends_with(".pdf"))
        .collect();
    for lang in ["sv", "en"] {
        for path in [
            format!("{lang}/2021/report.pdf"),
            format!("{lang}/2021/slides/slides.pdf"),
        ] {
            assert!(pdfs.contains(&path.as_str()), "{path} not built: {pdfs:?}");
        }
    }
}

#[test]
fn a_character_the_font_lacks_is_an_error_naming_the_file_and_the_output_stays() {
    let err = broken_build("fallback", |root| {
        let file = root.join("content/2020/02-framat.sv.md");
        let text = std::fs::read_to_string(&file).unwrap();
        std::fs::write(&file, format!("{text}\nSamverkan 漢\n")).unwrap();
    });
    let e = err
        .errors
        .iter()
        .find(|e| e.kind() == ErrorKind::Pdf)
        .unwrap_or_else(|| panic!("no PDF error in {err}"));
    assert_eq!(e.file(), Some("content/2020/02-framat.sv.md"));
}

/// Each page's (width, height) in points.
fn page_sizes(doc: &Document) -> Vec<(f32, f32)> {
    doc.get_pages()
        .values()
        .map(|&page| {
            let media = doc.get_dictionary(page).unwrap().get(b"MediaBox").unwrap();
            let m: Vec<f32> = media
                .as_array()
                .unwrap()
                .iter()
                .map(|n| n.as_float().unwrap())
                .collect();
            (m[2] - m[0], m[3] - m[1])
        })
        .collect()
}

/// The slides of a built deck page.
fn html_slides(site: &BuiltSite, path: &str) -> usize {
    page(site, path).matches("aria-roledescription=").count()
}

#[test]
fn the_deck_pdf_has_a_16_9_page_per_slide_of_the_html_deck_with_its_splits() {
    for (root, year) in [(repo_root(), "2021"), (fixture("long-section"), "")] {
        let site = build_ok(&root);
        let decks: Vec<String> = site
            .files
            .iter()
            .filter(|f| f.path.ends_with("/slides/slides.pdf"))
            .map(|f| f.path.clone())
            .filter(|p| p.contains(year))
            .collect();
        assert!(decks.len() >= 2, "a deck PDF per language: {decks:?}");
        for path in decks {
            let doc = load(&pdf(&site, &path));
            let html = path.replace("slides.pdf", "index.html");
            let sizes = page_sizes(&doc);
            assert_eq!(
                sizes.len(),
                html_slides(&site, &html),
                "{path}: one page per slide"
            );
            for (w, h) in sizes {
                assert!(
                    (w / h - 16.0 / 9.0).abs() < 0.01,
                    "{path}: 16:9, not {w} × {h}"
                );
            }
            let text = text(&doc);
            let lang = &path[..2];
            let continued = if lang == "sv" { "(forts.)" } else { "(cont.)" };
            let html_page = page(&site, &html);
            assert_eq!(
                text.matches(continued).count(),
                html_page.matches(continued).count(),
                "{path}: the same continuation slides as the HTML deck"
            );
        }
    }
}

#[test]
fn the_deck_pdfs_are_tagged_and_claim_both_standards() {
    let a = sample();
    for lang in ["sv", "en"] {
        let path = format!("{lang}/2021/slides/slides.pdf");
        let doc = load(&pdf(&a, &path));
        let xmp = xmp(&doc);
        for claim in [
            "<pdfaid:part>2</pdfaid:part>",
            "<pdfaid:conformance>A</pdfaid:conformance>",
            "<pdfuaid:part>1</pdfuaid:part>",
        ] {
            assert!(xmp.contains(claim), "{path}: {claim} not in the XMP");
        }
        assert_eq!(string(doc.catalog().unwrap().get(b"Lang").unwrap()), lang);
        let structure = structure(&doc);
        let count = |r: &str| structure.iter().filter(|(x, _, _)| x == r).count();
        assert_eq!(count("H1"), 1, "{path}: the title slide's title");
        assert_eq!(
            count("Sect"),
            html_slides(&a, &path.replace("slides.pdf", "index.html"))
        );
        for role in ["H2", "L", "LI", "LBody", "Figure"] {
            assert!(count(role) > 0, "{path}: no {role}");
        }
        assert!(
            structure
                .iter()
                .filter(|(r, _, _)| r == "Figure")
                .all(|(_, _, alt)| alt.contains("NOSAM")),
            "{path}: a chart's figure has its description as alternative text"
        );
        let text = text(&doc);
        assert!(text.contains("Ett samarbete värt att satsa på") || lang == "en");
    }
    let report_page = page(&a, "sv/2021/index.html");
    assert!(report_page.contains("report.pdf") && report_page.contains("Ladda ner som PDF/A"));
    let deck = page(&a, "sv/2021/slides/index.html");
    assert!(deck.contains("slides.pdf") && deck.contains("Ladda ner som PDF/A"));
}

/// The text alternatives of a PDF's figures, in order.
fn figures(doc: &Document) -> Vec<String> {
    structure(doc)
        .into_iter()
        .filter(|(role, _, _)| role == "Figure")
        .map(|(_, _, alt)| alt)
        .collect()
}

/// The Swedish figures of the pictures fixture: its pictures but the decorative one.
const FIXTURE_FIGURES: [&str; 4] = [
    "Karta över samverkansområdena",
    "Diagram över deltagande per år",
    "Deltagare samlade kring en karta",
    "Karta över samverkansområdena",
];

/// The images a PDF embeds: width, height and filter, sorted.
fn images(doc: &Document) -> Vec<(i64, i64, String)> {
    let mut images: Vec<(i64, i64, String)> = doc
        .objects
        .values()
        .filter_map(|o| o.as_stream().ok())
        .filter(|s| s.dict.get(b"Subtype").map(name).unwrap_or_default() == "Image")
        .map(|s| {
            let int = |k: &[u8]| s.dict.get(k).and_then(|v| v.as_i64()).unwrap_or(0);
            let filter = s.dict.get(b"Filter").map(name).unwrap_or_default();
            (int(b"Width"), int(b"Height"), filter)
        })
        .collect();
    images.sort();
    images
}

#[test]
fn pictures_are_figures_with_their_text_and_decorative_ones_artifacts() {
    let site = build_ok(&fixture("pictures"));
    let doc = load(&pdf(&site, "sv/2021/report.pdf"));
    assert_eq!(
        figures(&doc),
        FIXTURE_FIGURES,
        "the decorative band is no figure"
    );
    // PNG, WebP (as pixels) and JPEG (as itself) embedded, the map once; the SVG as vectors.
    let images = images(&doc);
    let sizes: Vec<(i64, i64)> = images.iter().map(|(w, h, _)| (*w, *h)).collect();
    assert_eq!(sizes, [(800, 500), (1200, 60), (1200, 800)], "{images:?}");
    assert!(
        images.iter().any(|(_, _, f)| f == "DCTDecode"),
        "{images:?}"
    );
}

#[test]
fn the_deck_pdf_shows_the_pictures_as_figures_and_a_new_picture_makes_a_new_deck() {
    let site = fixture_site("pictures");
    let out = site.path().join("output");
    let options = summering::BuildOptions {
        output: Some(out.clone()),
        ..summering::BuildOptions::new(site.path())
    };
    summering::build(&options).unwrap();
    let deck_path = out.join("sv/2021/slides/slides.pdf");
    let before = std::fs::read(&deck_path).unwrap();
    let doc = load(&before);
    // As on the HTML slides; the decorative band is an artifact, no figure.
    assert_eq!(figures(&doc), FIXTURE_FIGURES);
    let sizes: Vec<(i64, i64)> = images(&doc).iter().map(|(w, h, _)| (*w, *h)).collect();
    assert_eq!(sizes, [(800, 500), (1200, 60), (1200, 800)], "the map once");

    // Another picture under the same name: the cached deck is not reused.
    std::fs::copy(
        fixture("brand").join("logo.png"),
        site.path().join("content/2021/karta.png"),
    )
    .unwrap();
    summering::build(&options).unwrap();
    let after = std::fs::read(&deck_path).unwrap();
    assert_ne!(before, after, "the deck PDF still shows the old picture");
    assert!(
        images(&load(&after)).iter().all(|(w, _, _)| *w != 800),
        "the old map is still in the deck"
    );
}

/// How many XObjects (images and drawings) each page of `doc` names.
fn xobjects_per_page(doc: &Document) -> Vec<usize> {
    doc.get_pages()
        .values()
        .map(|&id| {
            let (own, inherited) = doc.get_page_resources(id).unwrap();
            let dicts = own
                .into_iter()
                .chain(inherited.iter().filter_map(|r| doc.get_dictionary(*r).ok()));
            dicts
                .filter_map(|d| d.get(b"XObject").ok())
                .filter_map(|x| doc.dereference(x).ok()?.1.as_dict().ok())
                .map(|x| x.len())
                .sum()
        })
        .collect()
}

#[test]
fn the_logo_heads_the_report_and_sits_in_the_deck_pdfs_footer() {
    // A PNG logo, which the PDF embeds as an image (an SVG one is drawn into the page).
    let dir = fixture_site("brand");
    let content = dir.path().join("content");
    let toml = std::fs::read_to_string(content.join("site.toml")).unwrap();
    std::fs::write(
        content.join("site.toml"),
        toml.replace("logo = \"logo.svg\"", "logo = \"logo.png\""),
    )
    .unwrap();
    std::fs::copy(fixture("brand").join("logo.png"), content.join("logo.png")).unwrap();
    std::fs::remove_file(content.join("logo.svg")).unwrap();
    let site = build_ok(dir.path());
    let report = load(&pdf(&site, "sv/2020/report.pdf"));
    let figures: Vec<(String, String, String)> = structure(&report)
        .into_iter()
        .filter(|(role, _, _)| role == "Figure")
        .collect();
    assert_eq!(
        figures.first().map(|f| f.2.as_str()),
        Some("Testorganisation"),
        "the report's first figure is the logo, named by the organisation"
    );
    assert!(xobjects_per_page(&report)[0] >= 1);
    // The deck: the logo on the title and closing slides (figures), and small in
    // the footer of the slides between (page furniture, beside the organisation's name).
    let deck = load(&pdf(&site, "sv/2020/slides/slides.pdf"));
    let per_page = xobjects_per_page(&deck);
    assert_eq!(per_page.len(), 4);
    assert!(
        per_page.iter().all(|&n| n >= 1),
        "a page without the logo: {per_page:?}"
    );
    let logo_figures = structure(&deck)
        .into_iter()
        .filter(|(role, _, alt)| role == "Figure" && alt == "Testorganisation")
        .count();
    assert_eq!(logo_figures, 2, "the footer's logo is no figure");
    // Without a logo the text slides show no drawing at all.
    let plain = build_ok(&fixture("long-section"));
    let deck = load(&pdf(&plain, "sv/2020/slides/slides.pdf"));
    assert!(xobjects_per_page(&deck).iter().all(|&n| n == 0));
}
