//! Pictures in the sections: `![Karta över samverkansområdena](karta.png)` beside
//! the section files, published once per year at `images/YEAR/…` and shown on the
//! report page, in the deck and in the handout; checked at the place they are
//! written (missing file, other formats, no text alternative), through the binary,
//! over `tests/fixtures/pictures` (a PNG, a JPEG and a WebP in `bilder/`, an SVG).
//!
//! The attributes are tested as a browser reads them: the pages are read with
//! html5ever's tokenizer ([`summering::html::start_tags`]), not searched as bytes.

use std::fs;
use std::path::Path;

use summering::html::Tag;
use summering::messages::MessageId;
use summering::{BuildError, BuildOptions, ErrorKind, WarningKind};

use crate::common::{broken_build, cli_build, copy_fixture, resolve, succeeds, summering, write};

/// The `<img>` elements of a built page, as a browser reads them.
fn images(out: &Path, page: &str) -> Vec<Tag> {
    let html = fs::read_to_string(out.join(page)).unwrap_or_else(|e| panic!("{page}: {e}"));
    summering::html::start_tags(&html)
        .filter(|t| t.name == "img")
        .collect()
}

/// The file a picture's `src` on `page` loads, relative to the output folder.
fn target(page: &str, src: &str) -> String {
    let decoded = percent_encoding::percent_decode_str(src)
        .decode_utf8()
        .unwrap()
        .into_owned();
    resolve(page, &decoded)
}

/// The fixture copied, `edit`ed, and built as `summering build` builds it: the
/// problems it must have.
fn refused(edit: impl FnOnce(&Path)) -> BuildError {
    let site = copy_fixture("pictures");
    edit(site.path());
    let out = site.path().join("out");
    let options = BuildOptions {
        output: Some(out.clone()),
        ..BuildOptions::new(site.path())
    };
    let err = summering::build(&options).expect_err("the edited site must not build");
    assert!(!out.exists(), "nothing is published");
    err
}

/// The one problem of `err`, of `kind`, at `file:line:col`, with a help line.
fn assert_at(err: &BuildError, kind: ErrorKind, file: &str, line: usize, col: usize) {
    let all: Vec<String> = err.errors.iter().map(|e| e.to_string()).collect();
    assert_eq!(err.errors.len(), 1, "{all:#?}");
    let e = &err.errors[0];
    assert_eq!(e.kind(), kind, "{e}");
    assert_eq!(e.file(), Some(file), "{e}");
    assert_eq!(e.line_col(), Some((line, col)), "{e}");
    assert!(e.help_text().is_some_and(|h| !h.is_empty()), "{e}");
}

/// Appends `text` to the Swedish file of section 01 (whose 10 lines end with a newline).
fn append(root: &Path, text: &str) {
    let path = root.join("content/2021/01-karta.sv.md");
    let before = fs::read_to_string(&path).unwrap();
    assert_eq!(before.lines().count(), 10);
    fs::write(path, format!("{before}\n{text}\n")).unwrap();
}

const FIXTURE: &str = "tests/fixtures/pictures/content/2021";

#[test]
fn pictures_are_published_once_and_shown_on_the_report_the_deck_and_the_handout() {
    let site = copy_fixture("pictures");
    let (code, stderr, out) = cli_build(site.path(), &[]);
    assert_eq!(code, 0, "{stderr}");
    // Once per year, for every language, byte for byte.
    for name in [
        "karta.png",
        "diagram.svg",
        "bilder/foto.jpg",
        "bilder/ram.webp",
    ] {
        let published = fs::read(out.join("images/2021").join(name)).unwrap();
        let source = fs::read(crate::common::repo_root().join(FIXTURE).join(name)).unwrap();
        assert_eq!(published, source, "{name}");
        for lang in ["sv", "en"] {
            assert!(
                !out.join(lang).join("2021").join(name).exists(),
                "{lang}: {name}"
            );
        }
    }
    let sizes = [
        ("images/2021/karta.png", ("800", "500")),
        ("images/2021/diagram.svg", ("640", "360")),
        ("images/2021/bilder/foto.jpg", ("1200", "800")),
        ("images/2021/bilder/ram.webp", ("1200", "60")),
    ];
    let sv = [
        "Karta över samverkansområdena",
        "Diagram över deltagande per år",
        "",
        "Deltagare samlade kring en karta",
    ];
    let en = [
        "Map of the cooperation areas",
        "Chart of participation per year",
        "",
        "Participants gathered around a map",
    ];
    for (lang, alts) in [("sv", sv), ("en", en)] {
        for page in ["index.html", "slides/index.html", "slides/handout.html"] {
            let page = format!("{lang}/2021/{page}");
            let found = images(&out, &page);
            assert!(found.len() >= 5, "{page}: {found:?}");
            let mut seen_alts = Vec::new();
            for img in &found {
                let src = img.attr("src").unwrap_or_else(|| panic!("{page}: {img:?}"));
                let file = target(&page, src);
                assert!(
                    out.join(&file).is_file(),
                    "{page}: {src} loads {file}, which is not there"
                );
                let (_, (w, h)) = sizes
                    .iter()
                    .find(|(f, _)| *f == file)
                    .unwrap_or_else(|| panic!("{page}: {file} is not a picture of the year"));
                assert_eq!(
                    (img.attr("width"), img.attr("height")),
                    (Some(*w), Some(*h)),
                    "{page}: {file}"
                );
                let alt = img
                    .attr("alt")
                    .unwrap_or_else(|| panic!("{page}: {file} has no alt"));
                assert!(!alt.ends_with('/'), "{page}: alt {alt:?}");
                seen_alts.push(alt.to_string());
            }
            for alt in alts {
                assert!(
                    seen_alts.iter().any(|a| a == alt),
                    "{page}: no picture with alt {alt:?} in {seen_alts:?}"
                );
            }
            // The decorative band: alt="" and not the title that marked it.
            let of = |name: &str| {
                found
                    .iter()
                    .find(|t| t.attr("src").is_some_and(|s| s.ends_with(name)))
                    .unwrap()
            };
            let band = of("ram.webp");
            assert_eq!(
                (band.attr("alt"), band.attr("title")),
                (Some(""), None),
                "{page}"
            );
            // A title that is not the decorative mark stays.
            let photo = of("foto.jpg");
            assert!(
                photo
                    .attr("title")
                    .is_some_and(|t| t.starts_with(if lang == "sv" {
                        "Övningen"
                    } else {
                        "The exercise"
                    })),
                "{page}: {photo:?}"
            );
        }
    }
    // The speaker notes' picture is in the handout (its notes) too.
    let notes = fs::read_to_string(out.join("sv/2021/slides/handout.html")).unwrap();
    let notes_start = notes
        .find("Testtext: visa fotot.")
        .expect("the notes are in the handout");
    assert!(summering::html::start_tags(&notes[notes_start..]).any(|t| t.name == "img"));
}

#[test]
fn the_model_names_the_published_file_for_the_pdf_and_powerpoint_writers() {
    let site = summering::load_site(&crate::common::fixture("pictures")).unwrap();
    let report = &site.reports[0];
    let names: Vec<&str> = report.pictures.iter().map(|p| p.name()).collect();
    assert_eq!(
        names,
        [
            "bilder/foto.jpg",
            "bilder/ram.webp",
            "diagram.svg",
            "karta.png"
        ]
    );
    for dest in ["karta.png", "./karta.png", "karta%2Epng"] {
        let p = report.picture(dest).unwrap_or_else(|| panic!("{dest}"));
        assert_eq!(p.output(), "images/2021/karta.png");
        assert_eq!(p.file(), "content/2021/karta.png");
        assert_eq!(p.size(), (800, 500));
        let source = fs::read(crate::common::repo_root().join(FIXTURE).join("karta.png")).unwrap();
        assert_eq!(&p.bytes()[..], &source[..]);
    }
    assert_eq!(
        report.picture("bilder/foto.jpg").unwrap().format(),
        summering::model::images::Format::Jpeg
    );
    assert!(report.picture("borta.png").is_none());
}

#[test]
fn a_missing_picture_stops_the_build_at_its_place() {
    let site = copy_fixture("pictures");
    append(site.path(), "Se ![Karta som saknas](borta.png) här.");
    let (code, stderr, out) = cli_build(site.path(), &[]);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("content/2021/01-karta.sv.md:12:4"),
        "{stderr}"
    );
    assert!(!out.exists(), "nothing is published");
    let err = refused(|root| append(root, "Se ![Karta som saknas](borta.png) här."));
    assert_at(
        &err,
        ErrorKind::MissingPicture,
        "content/2021/01-karta.sv.md",
        12,
        4,
    );
    // A name in the wrong case is named in the help.
    let err = refused(|root| append(root, "![Karta](Karta.PNG)"));
    assert_at(
        &err,
        ErrorKind::MissingPicture,
        "content/2021/01-karta.sv.md",
        12,
        1,
    );
    assert!(
        err.errors[0].help_text().unwrap().contains("karta.png"),
        "{}",
        err.errors[0]
    );
}

#[test]
fn a_picture_elsewhere_than_the_year_folder_is_refused() {
    for dest in [
        "https://example.org/karta.png",
        "/karta.png",
        "../2020/karta.png",
        "//cdn.example.org/k.png",
    ] {
        let err = refused(|root| append(root, &format!("![Karta]({dest})")));
        assert_at(
            &err,
            ErrorKind::MissingPicture,
            "content/2021/01-karta.sv.md",
            12,
            1,
        );
    }
}

#[test]
fn a_picture_without_alt_text_stops_the_build_with_help() {
    let err = refused(|root| append(root, "Text ![](karta.png)"));
    assert_at(
        &err,
        ErrorKind::MissingAltText,
        "content/2021/01-karta.sv.md",
        12,
        6,
    );
    let help = err.errors[0].help_text().unwrap();
    assert!(help.contains("![") && help.contains("dekorativ"), "{help}");
    // Spaces are no description either; an English text is checked the same way.
    let err = refused(|root| {
        let path = root.join("content/2021/02-ovning.en.md");
        let text = fs::read_to_string(&path)
            .unwrap()
            .replace("![Participants gathered around a map]", "![ ]");
        fs::write(path, text).unwrap();
    });
    assert_at(
        &err,
        ErrorKind::MissingAltText,
        "content/2021/02-ovning.en.md",
        10,
        1,
    );
    // Marked decorative and described at once: which one is meant is the editor's to say.
    let err = refused(|root| append(root, "![Karta](karta.png \"dekorativ\")"));
    assert_at(
        &err,
        ErrorKind::InvalidValue,
        "content/2021/01-karta.sv.md",
        12,
        1,
    );
}

#[test]
fn formats_other_than_png_jpeg_webp_and_svg_are_refused() {
    // Each refused at the picture's place in the section: line 12, column 1.
    let at_the_picture = |err: &BuildError| {
        assert_at(
            err,
            ErrorKind::UnsupportedPicture,
            "content/2021/01-karta.sv.md",
            12,
            1,
        )
    };
    at_the_picture(&refused(|root| {
        fs::write(
            root.join("content/2021/rorlig.gif"),
            b"GIF89a\x01\x00\x01\x00\x00\x00\x00;",
        )
        .unwrap();
        append(root, "![Rörlig bild](rorlig.gif)");
    }));
    // A file whose contents are not what its name says.
    at_the_picture(&refused(|root| {
        fs::copy(
            root.join("content/2021/bilder/foto.jpg"),
            root.join("content/2021/foto.png"),
        )
        .unwrap();
        append(root, "![Foto](foto.png)");
    }));
    // An SVG with a script.
    let err = refused(|root| {
        write(
            root,
            "content/2021/diagram.svg",
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>"#,
        );
    });
    assert_eq!(
        err.errors[0].kind(),
        ErrorKind::UnsupportedPicture,
        "{}",
        err.errors[0]
    );
}

#[test]
fn a_large_picture_gets_a_warning() {
    let site = copy_fixture("pictures");
    let path = site.path().join("content/2021/karta.png");
    let mut bytes = fs::read(&path).unwrap();
    // Bytes after a PNG's end are not shown, but every reader loads them.
    bytes.resize(1_200_000, 0);
    fs::write(&path, bytes).unwrap();
    let built = summering::build_in_memory(&BuildOptions::new(site.path())).unwrap();
    let large: Vec<_> = built
        .warnings
        .iter()
        .filter(|w| w.kind == WarningKind::LargePicture)
        .collect();
    assert_eq!(large.len(), 1, "{large:?}");
    assert_eq!(large[0].file, "content/2021/karta.png");
    let (code, stderr, _) = cli_build(site.path(), &[]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("content/2021/karta.png"), "{stderr}");
}

#[test]
fn pictures_inside_pictures_and_many_in_one_block_fit_on_a_slide() {
    let site = copy_fixture("pictures");
    // A picture inside another's text is that text (one <img>), and eight
    // pictures in one paragraph share one picture's height on the slide.
    let eight = ["![Karta över samverkansområdena](karta.png)"; 8].join("\n");
    let path = site.path().join("content/2021/03-bilder.sv.md");
    fs::write(
        &path,
        format!("+++\nkind = \"way-forward\"\ntitle = \"Testtext: bilder\"\n+++\n\n![a ![b](karta.png)](karta.png)\n\n{eight}\n"),
    )
    .unwrap();
    let (code, stderr, out) = cli_build(site.path(), &[]);
    assert_eq!(code, 0, "{stderr}");
    let deck = images(&out, "sv/2021/slides/index.html");
    let nested: Vec<_> = deck
        .iter()
        .filter(|t| t.attr("alt") == Some("a b"))
        .collect();
    assert_eq!(nested.len(), 1, "{deck:?}");
    let shared: Vec<_> = deck
        .iter()
        .filter(|t| t.attr("style") == Some("max-height:calc(30.0 * var(--u))"))
        .collect();
    assert_eq!(shared.len(), 8, "{deck:?}");
    // The report page shows them at their own size.
    let report = images(&out, "sv/2021/index.html");
    assert!(
        report.iter().all(|t| t.attr("style").is_none()),
        "{report:?}"
    );
}

#[test]
fn check_reports_a_picture_without_alt_text_once() {
    let site = copy_fixture("pictures");
    append(site.path(), "![](karta.png)");
    let report = summering::check::check(site.path());
    let missing: Vec<_> = report
        .errors
        .iter()
        .filter(|e| e.kind() == ErrorKind::MissingAltText)
        .collect();
    assert_eq!(missing.len(), 1, "{missing:?}");
    assert_eq!(missing[0].line_col(), Some((12, 1)));
}

#[test]
fn the_preview_shows_a_picture_still_to_be_described() {
    // Like a {{placeholder}}: the preview (serve) builds while the text is written;
    // only `build` of a published year and `check` refuse it.
    let site = copy_fixture("pictures");
    append(site.path(), "![](karta.png)");
    let built = summering::build_in_memory(&BuildOptions::new(site.path())).unwrap();
    let html = crate::common::as_built(&built, "sv/2021/index.html");
    let shown = summering::html::start_tags(&html)
        .filter(|t| t.name == "img" && t.attr("src") == Some("../../images/2021/karta.png"))
        .count();
    assert_eq!(shown, 3, "{html}");
}

#[test]
fn the_archive_package_holds_the_pictures_its_pages_show() {
    let site = copy_fixture("pictures");
    succeeds(
        summering()
            .args(["archive", "2021", "--root"])
            .arg(site.path()),
    );
    let zip = site.path().join("archive/testsajt-2021.zip");
    let mut package = zip::ZipArchive::new(fs::File::open(&zip).unwrap()).unwrap();
    let mut files = std::collections::BTreeMap::new();
    for i in 0..package.len() {
        let mut f = package.by_index(i).unwrap();
        let mut data = Vec::new();
        std::io::Read::read_to_end(&mut f, &mut data).unwrap();
        files.insert(f.name().unwrap().into_owned(), data);
    }
    for picture in [
        "karta.png",
        "diagram.svg",
        "bilder/foto.jpg",
        "bilder/ram.webp",
    ] {
        let path = format!("testsajt-2021/representations/html/data/images/2021/{picture}");
        let source = fs::read(site.path().join("content/2021").join(picture)).unwrap();
        assert_eq!(files.get(&path), Some(&source), "{path}");
    }
    succeeds(summering().args(["archive", "--verify"]).arg(&zip));
}

/// The one problem of `err`: of `kind`, at `file:line:col`, saying `id`.
fn assert_says(err: &BuildError, kind: ErrorKind, place: (&str, usize, usize), id: MessageId) {
    let (file, line, col) = place;
    assert_at(err, kind, file, line, col);
    let e = &err.errors[0];
    assert_eq!(e.catalogued().map(|m| m.id()), Some(id), "{e}");
}

/// A WebP file that is only a VP8X header saying 10 000 × 10 000 pixels
/// (100 megapixels, 400 MB decoded) in 30 bytes.
fn huge_webp() -> Vec<u8> {
    let mut chunk = vec![0u8; 4];
    let side = 10_000u32 - 1;
    chunk.extend_from_slice(&side.to_le_bytes()[..3]);
    chunk.extend_from_slice(&side.to_le_bytes()[..3]);
    let mut riff = b"WEBPVP8X".to_vec();
    riff.extend_from_slice(&(chunk.len() as u32).to_le_bytes());
    riff.extend_from_slice(&chunk);
    let mut out = b"RIFF".to_vec();
    out.extend_from_slice(&(riff.len() as u32).to_le_bytes());
    out.extend_from_slice(&riff);
    out
}

#[test]
fn a_webp_too_large_or_cut_short_is_refused_where_it_is_shown_for_every_writer() {
    // Section 02 shows bilder/ram.webp on line 6, column 1 (reported at its
    // first use, the English text: the files are read in name order); the model refuses
    // it there, so no writer (page, report PDF, deck PDF, PowerPoint) gets it,
    // and the earlier build in the output folder stays as it was.
    let place = ("content/2021/02-ovning.en.md", 6, 1);
    let err = broken_build("pictures", |root| {
        fs::write(root.join("content/2021/bilder/ram.webp"), huge_webp()).unwrap();
    });
    assert_says(
        &err,
        ErrorKind::UnsupportedPicture,
        place,
        MessageId::PictureTooManyPixels,
    );
    let err = broken_build("pictures", |root| {
        let path = root.join("content/2021/bilder/ram.webp");
        let whole = fs::read(&path).unwrap();
        fs::write(&path, &whole[..whole.len() / 2]).unwrap();
    });
    assert_says(
        &err,
        ErrorKind::UnsupportedPicture,
        place,
        MessageId::PictureDamaged,
    );
    // Through the binary, in Swedish, at the same place.
    let site = copy_fixture("pictures");
    let path = site.path().join("content/2021/bilder/ram.webp");
    let whole = fs::read(&path).unwrap();
    fs::write(&path, &whole[..whole.len() / 2]).unwrap();
    let (code, stderr, out) = cli_build(site.path(), &["--lang", "sv"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("content/2021/02-ovning.en.md:6:1"),
        "{stderr}"
    );
    assert!(!out.exists(), "nothing is published");
}

#[cfg(unix)]
#[test]
fn a_picture_linked_from_outside_content_is_refused_where_it_is_shown() {
    use std::os::unix::fs::symlink;
    let elsewhere = tempfile::tempdir().unwrap();
    fs::copy(
        format!("{FIXTURE}/karta.png"),
        elsewhere.path().join("hemlig.png"),
    )
    .unwrap();
    let place = ("content/2021/01-karta.sv.md", 12, 1);
    // A linked file, and a file in a linked folder.
    let err = refused(|root| {
        symlink(
            elsewhere.path().join("hemlig.png"),
            root.join("content/2021/lankad.png"),
        )
        .unwrap();
        append(root, "![Länkad karta](lankad.png)");
    });
    assert_says(
        &err,
        ErrorKind::MissingPicture,
        place,
        MessageId::PictureLinkOutside,
    );
    let err = refused(|root| {
        symlink(elsewhere.path(), root.join("content/2021/extra")).unwrap();
        append(root, "![Länkad karta](extra/hemlig.png)");
    });
    assert_says(
        &err,
        ErrorKind::MissingPicture,
        place,
        MessageId::PictureLinkOutside,
    );
    // A link to a file in content/ publishes that file.
    let site = copy_fixture("pictures");
    symlink(
        site.path().join("content/2021/karta.png"),
        site.path().join("content/2021/kopia.png"),
    )
    .unwrap();
    append(site.path(), "![Kartan igen](kopia.png)");
    let (code, stderr, out) = cli_build(site.path(), &[]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        fs::read(out.join("images/2021/kopia.png")).unwrap(),
        fs::read(format!("{FIXTURE}/karta.png")).unwrap()
    );
}
