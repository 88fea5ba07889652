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

#[test]
fn a_good_template_is_read_and_not_published() {
    let dir = site_with(&template());
    let with = build_ok(dir.path());
    assert!(
        with.files.iter().all(|f| !f.path.contains("mall.potx")),
        "the template is not part of the site"
    );
    let without = build_ok(&fixture("minimal"));
    assert_eq!(
        with.files
            .iter()
            .filter(|f| f.path.ends_with(".pptx"))
            .count(),
        without
            .files
            .iter()
            .filter(|f| f.path.ends_with(".pptx"))
            .count()
    );
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
