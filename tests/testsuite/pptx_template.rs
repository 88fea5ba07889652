//! The organisation's own PowerPoint template (issue 17): `pptx_template =
//! "mall.potx"` in `site.toml` over `tests/fixtures/minimal`, with the template
//! of `tests/fixtures/pptx-template` (see its README). A good template is read
//! and not published; each bad one is refused at the key with its kind, and
//! nothing is written.

use std::fs;
use std::io::{Cursor, Read, Write};
use std::path::Path;

use summering::ErrorKind;

use crate::common::*;
use crate::pptx::{part, parts};

const KEY: &str = "pptx_template = \"mall.potx\"";

fn template() -> Vec<u8> {
    fs::read(fixture("pptx-template").join("mall.potx")).unwrap()
}

/// The minimal fixture naming `content/mall.potx`, written with `bytes`.
fn site_with(bytes: &[u8]) -> tempfile::TempDir {
    let dir = copy_fixture("minimal");
    let path = dir.path().join("content/site.toml");
    let text = fs::read_to_string(&path).unwrap();
    let text = text.replacen(
        "theme = \"default\"",
        &format!("theme = \"default\"\n{KEY}"),
        1,
    );
    fs::write(&path, text).unwrap();
    fs::write(dir.path().join("content/mall.potx"), bytes).unwrap();
    dir
}

/// Line and column of the key's value in the copy's site.toml.
fn value_place(dir: &Path) -> (usize, usize) {
    let text = fs::read_to_string(dir.join("content/site.toml")).unwrap();
    let at = text.find(KEY).unwrap() + "pptx_template = ".len();
    let line = text[..at].matches('\n').count() + 1;
    let col = at - text[..at].rfind('\n').map_or(0, |i| i + 1) + 1;
    (line, col)
}

/// The template's ZIP with each part passed through `edit` (`None` drops it).
fn rezip(bytes: &[u8], edit: impl Fn(&str, Vec<u8>) -> Option<Vec<u8>>) -> Vec<u8> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let name = f.name().unwrap().into_owned();
        let mut data = Vec::new();
        f.read_to_end(&mut data).unwrap();
        if let Some(data) = edit(&name, data) {
            out.start_file(name, options).unwrap();
            out.write_all(&data).unwrap();
        }
    }
    out.finish().unwrap().into_inner()
}

/// Builds the site and expects one error of `kind` at the key's value, with
/// nothing written to an output folder that was there before.
fn refused(bytes: &[u8], kind: ErrorKind) {
    let dir = site_with(bytes);
    let err = build(dir.path()).expect_err("a bad template");
    let e = only(&err);
    assert_eq!(e.kind(), kind, "{e}");
    assert_eq!(e.line_col(), Some(value_place(dir.path())), "{e}");
    fs::create_dir_all(dir.path().join("out")).unwrap();
    fs::write(dir.path().join("out/förra.txt"), "förra bygget").unwrap();
    let (code, _, out) = cli_build(dir.path(), &[]);
    assert_ne!(code, 0);
    let left: Vec<_> = fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(left, ["förra.txt"], "the output folder is untouched");
}

/// A package's parts by name, in the ZIP's order.
type Parts = Vec<(String, Vec<u8>)>;

/// The decks of a build: path and parts.
fn decks(site: &summering::BuiltSite) -> Vec<(String, Parts)> {
    site.files
        .iter()
        .filter(|f| f.path.ends_with(".pptx"))
        .map(|f| (f.path.clone(), parts(&f.bytes)))
        .collect()
}

fn slide_count(parts: &[(String, Vec<u8>)]) -> usize {
    parts
        .iter()
        .filter(|(n, _)| n.starts_with("ppt/slides/slide") && n.ends_with(".xml"))
        .count()
}

/// The internal targets of a relationship part, resolved to part names.
fn targets(rels_name: &str, rels: &str) -> Vec<String> {
    let dir = rels_name.rsplit_once("_rels/").map_or("", |(d, _)| d);
    rels.split("Target=\"")
        .skip(1)
        .filter_map(|t| t.split('"').next())
        .filter(|t| !t.starts_with("http"))
        .map(|t| {
            let mut out: Vec<&str> = dir.split('/').filter(|s| !s.is_empty()).collect();
            for seg in t.split('/') {
                match seg {
                    ".." => {
                        out.pop();
                    }
                    "" | "." => {}
                    s => out.push(s),
                }
            }
            out.join("/")
        })
        .collect()
}

#[test]
fn a_good_template_is_read_and_not_published() {
    let dir = site_with(&template());
    let with = build_ok(dir.path());
    assert!(
        with.files.iter().all(|f| !f.path.contains("mall.potx")),
        "the template is not part of the site"
    );
    let without = build_ok(&fixture("minimal"));
    let (with, without) = (decks(&with), decks(&without));
    assert!(!with.is_empty());
    assert_eq!(with.len(), without.len());
    for ((path, a), (_, b)) in with.iter().zip(&without) {
        assert!(slide_count(a) > 1, "{path}");
        assert_eq!(
            slide_count(a),
            slide_count(b),
            "{path}: same slides as without"
        );
    }
}

#[test]
fn the_decks_use_the_templates_master_and_layouts() {
    let dir = site_with(&template());
    let site = build_ok(dir.path());
    let tpl = parts(&template());
    for (path, deck) in decks(&site) {
        // The template's master and layouts, byte for byte.
        for (name, bytes) in tpl.iter().filter(|(n, _)| {
            n.starts_with("ppt/slideMasters/") || n.starts_with("ppt/slideLayouts/")
        }) {
            let ours = deck.iter().find(|(n, _)| n == name);
            assert_eq!(ours.map(|(_, b)| b), Some(bytes), "{path}: {name}");
        }
        // No built-in layout beside them, no part twice.
        let names: Vec<&String> = deck.iter().map(|(n, _)| n).collect();
        assert!(
            !names.iter().any(|n| n.ends_with("slideLayout4.xml")),
            "{path}"
        );
        let mut sorted = names.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), names.len(), "{path}: a part twice");
        // Every relationship points at a part of the package.
        for (name, bytes) in deck.iter().filter(|(n, _)| n.ends_with(".rels")) {
            let text = String::from_utf8(bytes.clone()).unwrap();
            for t in targets(name, &text) {
                assert!(names.iter().any(|n| **n == t), "{path}: {name} → {t}");
            }
        }
        // The title slide on "Rubrikbild", sections on "Rubrik och innehåll".
        let layout_of = |slide: usize| {
            let rels_name = format!("ppt/slides/_rels/slide{slide}.xml.rels");
            let target = targets(&rels_name, &part(&deck, &rels_name))
                .into_iter()
                .find(|t| t.starts_with("ppt/slideLayouts/"))
                .unwrap();
            let layout = part(&deck, &target);
            layout
                .split("<p:cSld name=\"")
                .nth(1)
                .and_then(|t| t.split('"').next())
                .unwrap()
                .to_string()
        };
        assert_eq!(layout_of(1), "Rubrikbild", "{path}");
        assert_eq!(layout_of(2), "Rubrik och innehåll", "{path}");
        let types = part(&deck, "[Content_Types].xml");
        assert!(
            types.contains("presentationml.presentation.main+xml"),
            "{path}"
        );
        assert!(!types.contains("template.main"), "{path}");
        let pres = part(&deck, "ppt/presentation.xml");
        assert!(
            pres.contains(r#"<p:sldSz cx="12192000" cy="6858000"/>"#),
            "{path}"
        );
    }
}

#[test]
fn two_processes_build_the_same_bytes_with_a_template() {
    let dir = site_with(&template());
    let files = built_in_two_processes(dir.path(), "a template build");
    let decks = files.iter().filter(|(p, _)| p.ends_with(".pptx")).count();
    assert_eq!(decks, 2, "a deck per language");
}

#[test]
fn not_a_zip_is_refused_at_the_key() {
    refused(b"inte en zip", ErrorKind::InvalidValue);
}

#[test]
fn a_zip_without_a_presentation_is_refused() {
    refused(
        &rezip(&template(), |n, d| {
            (n != "ppt/presentation.xml").then_some(d)
        }),
        ErrorKind::InvalidValue,
    );
}

#[test]
fn a_four_by_three_template_is_refused() {
    let narrow = rezip(&template(), |n, d| {
        if n != "ppt/presentation.xml" {
            return Some(d);
        }
        let text = String::from_utf8(d).unwrap();
        assert!(text.contains("cx=\"12192000\""), "the fixture is 16:9");
        Some(
            text.replace("cx=\"12192000\"", "cx=\"9144000\"")
                .into_bytes(),
        )
    });
    refused(&narrow, ErrorKind::InvalidValue);
}

#[test]
fn a_template_without_layouts_is_refused() {
    refused(
        &rezip(&template(), |n, d| {
            (!n.starts_with("ppt/slideLayouts/")).then_some(d)
        }),
        ErrorKind::InvalidValue,
    );
}

#[test]
fn a_zip_bomb_is_refused_as_too_large() {
    let bomb = rezip(&template(), |n, d| {
        Some(if n == "ppt/presentation.xml" {
            vec![b' '; 8 * 1024 * 1024]
        } else {
            d
        })
    });
    assert!(bomb.len() < 200_000);
    refused(&bomb, ErrorKind::TooLarge);
}

#[test]
fn a_template_file_above_the_cap_is_refused_unread() {
    let dir = site_with(b"");
    let file = fs::File::create(dir.path().join("content/mall.potx")).unwrap();
    file.set_len(21 * 1024 * 1024).unwrap();
    let err = build(dir.path()).expect_err("too large");
    let e = only(&err);
    assert_eq!(e.kind(), ErrorKind::TooLarge, "{e}");
    assert_eq!(e.line_col(), Some(value_place(dir.path())), "{e}");
}

#[test]
fn a_missing_template_or_a_path_is_refused_at_the_key() {
    let dir = site_with(&template());
    fs::remove_file(dir.path().join("content/mall.potx")).unwrap();
    let err = build(dir.path()).expect_err("missing");
    assert_eq!(only(&err).kind(), ErrorKind::Io);
    assert_eq!(only(&err).line_col(), Some(value_place(dir.path())));

    let dir = copy_fixture("minimal");
    let path = dir.path().join("content/site.toml");
    let text = fs::read_to_string(&path).unwrap();
    fs::write(&path, format!("pptx_template = \"../mall.potx\"\n{text}")).unwrap();
    let err = build(dir.path()).expect_err("a path");
    assert_eq!(only(&err).kind(), ErrorKind::InvalidValue);
    assert_eq!(only(&err).line_col(), Some((1, 17)));
}

#[test]
fn adding_a_template_to_a_built_site_remakes_its_cached_decks() {
    let dir = copy_fixture("minimal");
    let deck = dir.path().join("out/sv/2020/slides/slides.pptx");
    let (code, err, _) = cli_build(dir.path(), &[]);
    assert_eq!(code, 0, "{err}");
    let before = parts(&fs::read(&deck).unwrap());
    assert!(
        !before
            .iter()
            .any(|(n, _)| n == "ppt/slideLayouts/slideLayout6.xml")
    );
    let path = dir.path().join("content/site.toml");
    let text = fs::read_to_string(&path).unwrap();
    fs::write(&path, format!("{KEY}\n{text}")).unwrap();
    fs::write(dir.path().join("content/mall.potx"), template()).unwrap();
    let (code, err, _) = cli_build(dir.path(), &[]);
    assert_eq!(code, 0, "{err}");
    let after = parts(&fs::read(&deck).unwrap());
    assert!(
        after
            .iter()
            .any(|(n, _)| n == "ppt/slideLayouts/slideLayout6.xml"),
        "the cached deck without the template was reused"
    );
}

/// The shapes (`<p:sp>`) of a slide that fill the placeholder `ph` (`<p:ph type="title"/>` …).
fn placeholders<'a>(slide: &'a str, ph: &str) -> Vec<&'a str> {
    slide
        .split("<p:sp>")
        .skip(1)
        .filter(|sp| sp.contains(ph))
        .collect()
}

#[test]
fn on_a_template_the_section_slides_placeholders_take_its_font_colours_and_bullets() {
    let dir = site_with(&template());
    let (with, without) = (build_ok(dir.path()), build_ok(&fixture("minimal")));
    for (site, on_template) in [(&with, true), (&without, false)] {
        for (path, deck) in decks(site) {
            let slides: Vec<String> = (1..=slide_count(&deck))
                .map(|i| part(&deck, &format!("ppt/slides/slide{i}.xml")))
                .collect();
            let mut bulleted = 0;
            for slide in slides
                .iter()
                .filter(|s| s.contains(r#"<p:ph type="title"/>"#))
            {
                for sp in placeholders(slide, r#"<p:ph type="title"/>"#)
                    .into_iter()
                    .chain(placeholders(slide, r#"<p:ph type="body" idx="1"/>"#))
                {
                    let text = sp.split("<p:txBody>").nth(1).unwrap();
                    // The shape keeps the box the plan fitted its text to.
                    assert!(sp.contains("<a:xfrm>"), "{path}: {sp}");
                    assert_eq!(
                        text.contains("<a:solidFill>") || text.contains("<a:latin "),
                        !on_template,
                        "{path}: own colour or font: {sp}"
                    );
                    if text.contains("<a:buChar") || text.contains(r#"lvl="1""#) {
                        bulleted += 1;
                        assert_eq!(text.contains("<a:buChar"), !on_template, "{path}: {sp}");
                    }
                }
            }
            assert!(bulleted > 0, "{path}: no bulleted body");
            // The title slide keeps its accent background and its light text.
            assert!(slides[0].contains("<p:bg>"), "{path}");
            assert!(slides[0].contains("<a:solidFill>"), "{path}");
        }
    }
}

/// The footer's text and slide number of each slide: whether the slide stands
/// on the accent background, and whether the footer's runs give a colour or typeface.
fn footers(deck: &[(String, Vec<u8>)]) -> Vec<(bool, bool)> {
    (1..=slide_count(deck))
        .map(|i| part(deck, &format!("ppt/slides/slide{i}.xml")))
        .flat_map(|slide| {
            let dark = slide.contains("<p:bg>");
            placeholders(&slide, r#"<p:ph type="ftr""#)
                .into_iter()
                .chain(placeholders(&slide, r#"<p:ph type="sldNum""#))
                .map(|sp| {
                    let text = sp.split("<p:txBody>").nth(1).unwrap();
                    (
                        dark,
                        text.contains("<a:solidFill>") || text.contains("<a:latin "),
                    )
                })
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn on_a_template_the_footer_takes_its_look_and_text_without_one_has_the_themes_font() {
    let dir = site_with(&template());
    let (with, without) = (build_ok(dir.path()), build_ok(&fixture("minimal")));
    for (site, on_template) in [(&with, true), (&without, false)] {
        for (path, deck) in decks(site) {
            // Text that names no font (a template's footer, a box added in
            // PowerPoint) is in the theme's body font and first text colour.
            let presentation = part(&deck, "ppt/presentation.xml");
            let style = presentation
                .split("<p:defaultTextStyle>")
                .nth(1)
                .expect("a default text style");
            assert!(style.contains(r#"<a:latin typeface="+mn-lt"/>"#), "{path}");
            assert!(style.contains(r#"<a:schemeClr val="tx1"/>"#), "{path}");
            let footers = footers(&deck);
            assert!(footers.iter().any(|(dark, _)| !dark), "{path}: {footers:?}");
            assert!(footers.iter().any(|(dark, _)| *dark), "{path}: {footers:?}");
            for (dark, own_look) in footers {
                // The closing slide keeps its accent background and light text.
                assert_eq!(own_look, dark || !on_template, "{path}: dark {dark}");
            }
        }
    }
}
