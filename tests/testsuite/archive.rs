//! `summering archive` (issue 15): the package unpacked with the zip crate,
//! every SHA-256 recomputed against METS.xml and the manifest, every link of
//! its pages resolved inside the package, two runs compared byte for byte,
//! `--verify` on a good and a tampered package, and the refusals.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{Cursor, Read, Write};
use std::path::{Path, PathBuf};

use quick_xml::events::Event;
use sha2::{Digest, Sha256};
use summering::ErrorKind;
use summering::archive::{ArchiveOptions, Problem};

use crate::common::*;

/// Every file of a ZIP, by its path in the ZIP.
fn unzip(bytes: &[u8]) -> BTreeMap<String, Vec<u8>> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).expect("a ZIP");
    let mut files = BTreeMap::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        if f.is_dir() {
            continue;
        }
        let mut data = Vec::new();
        f.read_to_end(&mut data).unwrap();
        files.insert(f.name().unwrap().into_owned(), data);
    }
    files
}

fn sha256(bytes: &[u8]) -> String {
    format!("{:x}", Sha256::digest(bytes))
}

fn options(root: &Path, year: u16, out: Option<PathBuf>) -> ArchiveOptions {
    ArchiveOptions {
        root: root.to_path_buf(),
        year,
        out,
        force: false,
    }
}

/// (path, checksum, checksum type) of every file METS.xml lists.
fn mets_checksums(mets: &str) -> Vec<(String, String, String)> {
    let mut reader = quick_xml::Reader::from_str(mets);
    let mut out = Vec::new();
    let mut file: Option<(String, String)> = None;
    loop {
        match reader.read_event().expect("METS.xml is XML") {
            Event::Eof => break,
            Event::Start(e) | Event::Empty(e) => {
                let attr = |k: &str| {
                    e.attributes()
                        .flatten()
                        .find(|a| a.key.as_ref() == k)
                        .map(|a| {
                            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                                .unwrap()
                                .into_owned()
                        })
                };
                match e.name().as_ref() {
                    "file" => {
                        file = Some((attr("CHECKSUM").unwrap(), attr("CHECKSUMTYPE").unwrap()))
                    }
                    "FLocat" => {
                        let (sum, kind) = file.clone().expect("FLocat inside file");
                        out.push((attr("xlink:href").unwrap(), sum, kind));
                    }
                    "mdRef" => out.push((
                        attr("xlink:href").unwrap(),
                        attr("CHECKSUM").unwrap(),
                        attr("CHECKSUMTYPE").unwrap(),
                    )),
                    _ => {}
                }
            }
            _ => {}
        }
    }
    out
}

/// Checks a package as an archivist would, returning its files by their
/// path from the package root.
fn check_package(bytes: &[u8], package: &str) -> BTreeMap<String, Vec<u8>> {
    let zipped = unzip(bytes);
    let prefix = format!("{package}/");
    let files: BTreeMap<String, Vec<u8>> = zipped
        .into_iter()
        .map(|(p, b)| {
            let rel = p
                .strip_prefix(&prefix)
                .unwrap_or_else(|| panic!("{p} is outside the root folder {package}/"));
            (rel.to_string(), b)
        })
        .collect();

    // METS.xml: a SHA-256 of every other file, and nothing it lists is missing.
    let mets = String::from_utf8(files["METS.xml"].clone()).unwrap();
    assert!(mets.contains(&format!("OBJID=\"{package}\"")), "{mets}");
    assert!(mets.contains("PROFILE=\"https://earkcsip.dilcis.eu/profile/E-ARK-CSIP.xml\""));
    assert!(mets.contains("<structMap ID=\"structmap\" TYPE=\"PHYSICAL\" LABEL=\"CSIP\">"));
    let listed = mets_checksums(&mets);
    let mut in_mets = BTreeSet::new();
    for (href, sum, kind) in &listed {
        assert_eq!(kind, "SHA-256");
        let bytes = files
            .get(href)
            .unwrap_or_else(|| panic!("METS.xml lists {href}, not in the package"));
        assert_eq!(&sha256(bytes), sum, "{href}");
        in_mets.insert(href.clone());
    }
    let others: BTreeSet<String> = files.keys().filter(|p| *p != "METS.xml").cloned().collect();
    assert_eq!(in_mets, others, "METS.xml lists every other file");

    // The manifest: every file but itself and METS.xml, as sha256sum writes it.
    let manifest = String::from_utf8(files["manifest-sha256.txt"].clone()).unwrap();
    let mut in_manifest = BTreeSet::new();
    for line in manifest.lines() {
        let (sum, path) = line.split_once("  ").expect("HASH  PATH");
        assert_eq!(sha256(&files[path]), sum, "{path}");
        in_manifest.insert(path.to_string());
    }
    let expected: BTreeSet<String> = others
        .iter()
        .filter(|p| *p != "manifest-sha256.txt")
        .cloned()
        .collect();
    assert_eq!(in_manifest, expected);

    // Every link of every page resolves to a file of the package.
    for (path, bytes) in files.iter().filter(|(p, _)| p.ends_with(".html")) {
        let html = String::from_utf8_lossy(bytes);
        for tag in summering::html::start_tags(&html) {
            for (attr, value) in &tag.attrs {
                if !["href", "src", "srcset", "poster", "action", "data", "cite"]
                    .contains(&attr.as_str())
                {
                    continue;
                }
                let value = value.trim();
                let lower = value.to_ascii_lowercase();
                assert!(
                    !lower.contains(':') || lower.starts_with("data:"),
                    "{path}: <{} {attr}=\"{value}\"> leads outside the package",
                    tag.name
                );
                if value.starts_with('#') || value.is_empty() || lower.starts_with("data:") {
                    continue;
                }
                let target = resolve(path, value.split('?').next().unwrap());
                let target = percent_decode(&target);
                assert!(
                    files.contains_key(&target),
                    "{path}: <{} {attr}=\"{value}\"> resolves to {target}, not in the package",
                    tag.name
                );
            }
        }
    }
    files
}

fn percent_decode(s: &str) -> String {
    percent_encoding::percent_decode_str(s)
        .decode_utf8()
        .expect("UTF-8")
        .into_owned()
}

#[test]
fn the_sample_package_checks_out_and_stays_inside_itself() {
    let site = sample_site();
    let archived = summering::archive(&options(site.path(), 2021, None)).expect("archived");
    assert_eq!(archived.package, "nosam-summeringar-2021");
    assert_eq!(
        archived.path,
        site.path().join("archive/nosam-summeringar-2021.zip")
    );
    let files = check_package(&std::fs::read(&archived.path).unwrap(), &archived.package);
    for must in [
        "METS.xml",
        "manifest-sha256.txt",
        "metadata/descriptive/dc.xml",
        "representations/html/data/index.html",
        "representations/html/data/sv/2021/index.html",
        "representations/html/data/en/2021/index.html",
        "representations/html/data/sv/2021/slides/index.html",
        "representations/html/data/en/2021/slides/handout.html",
        "representations/html/data/assets/base.css",
        "representations/html/data/assets/slides.js",
        "representations/pdf/data/sv/2021/report.pdf",
        "representations/pdf/data/en/2021/report.pdf",
        "representations/html/data/sv/tillganglighet/index.html",
        "representations/html/data/en/accessibility/index.html",
    ] {
        assert!(
            files.contains_key(must),
            "{must} missing: {:?}",
            files.keys()
        );
    }
    assert!(
        !files
            .keys()
            .any(|p| p.starts_with("representations/html/data/sv/index.html")),
        "the site's start pages are not the year's"
    );
    assert_eq!(archived.files, files.len());
    let dc = String::from_utf8(files["metadata/descriptive/dc.xml"].clone()).unwrap();
    for expected in [
        "<dc:title xml:lang=\"sv\">NOSAM summering 2021</dc:title>",
        "<dc:title xml:lang=\"en\">NOSAM summary 2021</dc:title>",
        "<dc:creator xml:lang=\"sv\">Kommun och sjukvård – Samverkan i Göteborgsområdet</dc:creator>",
        "<dc:date>2021-12-31</dc:date>",
        "<dc:language>sv</dc:language>",
        "<dc:language>en</dc:language>",
        "<dc:format>application/pdf</dc:format>",
        "<dc:format>text/html</dc:format>",
        "<dc:description xml:lang=\"en\">",
    ] {
        assert!(dc.contains(expected), "{expected} not in\n{dc}");
    }
    // The start page names what is in the package, in both languages.
    let start = String::from_utf8(files["representations/html/data/index.html"].clone()).unwrap();
    assert!(start.contains("href=\"sv/2021/index.html\""), "{start}");
    assert!(
        start.contains("href=\"../../pdf/data/en/2021/report.pdf\""),
        "{start}"
    );
    assert!(start.contains("nosam-summeringar-ÅÅÅÅ.zip"));
    assert!(
        start.contains("href=\"en/accessibility/index.html\""),
        "{start}"
    );
    // DIGG's reporting function is named with its address, as text.
    let statement =
        String::from_utf8(files["representations/html/data/sv/tillganglighet/index.html"].clone())
            .unwrap();
    assert!(
        statement.contains(" (https://www.digg.se/tdosanmalan)"),
        "{statement}"
    );
}

#[test]
fn two_runs_give_the_same_bytes() {
    let site = sample_site();
    let one = site.path().join("one.zip");
    let two = site.path().join("two.zip");
    summering::archive(&options(site.path(), 2021, Some(one.clone()))).unwrap();
    summering::archive(&options(site.path(), 2021, Some(two.clone()))).unwrap();
    let (one, two) = (std::fs::read(one).unwrap(), std::fs::read(two).unwrap());
    assert!(one == two, "two packages of the same input differ");
    // Every entry carries the publication date, not the time of packing.
    let mut zip = zip::ZipArchive::new(Cursor::new(&one)).unwrap();
    for i in 0..zip.len() {
        let f = zip.by_index(i).unwrap();
        let t = f.last_modified().unwrap();
        assert_eq!((t.year(), t.month(), t.day(), t.hour()), (2021, 12, 31, 0));
        assert_eq!(f.unix_mode(), Some(0o100644), "{}", f.name().unwrap());
    }
}

#[test]
fn other_years_are_not_in_the_package_and_their_links_lead_to_its_start_page() {
    let site = fixture_site("two-years");
    let out = site.path().join("p.zip");
    let archived = summering::archive(&options(site.path(), 2020, Some(out.clone()))).unwrap();
    let files = check_package(&std::fs::read(&out).unwrap(), &archived.package);
    assert!(
        files.keys().all(|p| !p.contains("/2021/")),
        "{:?}",
        files.keys()
    );
    assert!(files.contains_key("representations/html/data/sv/2020/index.html"));
}

/// A copy of the package's ZIP with `edit` applied to its files.
fn tampered(bytes: &[u8], edit: impl FnOnce(&mut BTreeMap<String, Vec<u8>>)) -> Vec<u8> {
    let mut files = unzip(bytes);
    edit(&mut files);
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (path, data) in files {
        zip.start_file(path, zip::write::SimpleFileOptions::default())
            .unwrap();
        zip.write_all(&data).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

#[test]
fn verify_passes_a_package_and_names_what_was_tampered_with() {
    let site = sample_site();
    summering()
        .args(["archive", "2021", "--root"])
        .arg(site.path())
        .assert()
        .success();
    let zip = site.path().join("archive/nosam-summeringar-2021.zip");
    let ok = summering()
        .args(["archive", "--verify"])
        .arg(&zip)
        .assert()
        .success();
    let out = String::from_utf8_lossy(&ok.get_output().stdout).into_owned();
    assert!(out.contains("nosam-summeringar-2021"), "{out}");

    let root = "nosam-summeringar-2021/";
    let page = "representations/html/data/sv/2021/index.html";
    let gone = "representations/html/data/assets/style.css";
    let bad = tampered(&std::fs::read(&zip).unwrap(), |files| {
        files
            .get_mut(&format!("{root}{page}"))
            .unwrap()
            .extend_from_slice(b"<!-- x -->");
        files.remove(&format!("{root}{gone}"));
        files.insert(format!("{root}extra.txt"), b"?".to_vec());
    });
    let bad_zip = site.path().join("bad.zip");
    std::fs::write(&bad_zip, bad).unwrap();

    let v = summering::archive::verify(&bad_zip).unwrap();
    let has = |f: &dyn Fn(&Problem) -> bool| v.problems.iter().any(f);
    for list in ["METS.xml", "manifest-sha256.txt"] {
        assert!(
            has(
                &|p| matches!(p, Problem::Mismatch { path, list: l, .. } if path == page && *l == list)
            ),
            "{list}: {:?}",
            v.problems
        );
        assert!(
            has(&|p| matches!(p, Problem::Missing { path, list: l } if path == gone && *l == list)),
            "{list}: {:?}",
            v.problems
        );
        assert!(
            has(
                &|p| matches!(p, Problem::NotListed { path, list: l } if path == "extra.txt" && *l == list)
            ),
            "{list}: {:?}",
            v.problems
        );
    }
    let failed = summering()
        .args(["archive", "--verify"])
        .arg(&bad_zip)
        .assert()
        .code(1);
    let out = String::from_utf8_lossy(&failed.get_output().stdout).into_owned();
    for path in [page, gone, "extra.txt"] {
        assert!(out.contains(path), "{path} not named in\n{out}");
    }

    // Not a package at all.
    std::fs::write(site.path().join("x.zip"), b"not a zip").unwrap();
    let e = summering::archive::verify(&site.path().join("x.zip")).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Archive);
}

#[test]
fn refusals_come_before_anything_is_written() {
    let site = fixture_site("minimal");
    let root = site.path();
    let e = summering::archive(&options(root, 1999, None)).unwrap_err();
    assert!(e.has(ErrorKind::UnknownYear), "{e:?}");
    assert!(!root.join("archive").exists());

    for inside in [
        "content/p.zip",
        "output/p.zip",
        "archive/../content/2020/p.zip",
    ] {
        let e = summering::archive(&options(root, 2020, Some(root.join(inside)))).unwrap_err();
        assert!(e.has(ErrorKind::ArchivePlace), "{inside}: {e:?}");
    }
    assert!(!root.join("content/p.zip").exists());

    let out = root.join("kept.zip");
    std::fs::write(&out, b"earlier").unwrap();
    let e = summering::archive(&options(root, 2020, Some(out.clone()))).unwrap_err();
    assert!(e.has(ErrorKind::ArchiveExists), "{e:?}");
    assert_eq!(std::fs::read(&out).unwrap(), b"earlier");
    let forced = ArchiveOptions {
        force: true,
        ..options(root, 2020, Some(out.clone()))
    };
    summering::archive(&forced).unwrap();
    assert!(std::fs::read(&out).unwrap().starts_with(b"PK"));
    let left: Vec<String> = std::fs::read_dir(root)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("partial"))
        .collect();
    assert!(left.is_empty(), "{left:?}");

    summering()
        .args(["archive", "1999", "--root"])
        .arg(root)
        .assert()
        .code(1);
}

#[test]
fn a_draft_year_is_refused_by_name_and_nothing_is_written() {
    let site = fixture_site("drafts");
    let root = site.path();
    let e = summering::archive(&options(root, 2021, None)).unwrap_err();
    assert!(e.has(ErrorKind::DraftYear), "{e:?}");
    assert!(!e.has(ErrorKind::UnknownYear), "{e:?}");
    assert!(!root.join("archive").exists());
    // The published year beside it is archived as usual.
    let done = summering::archive(&options(root, 2020, None)).unwrap();
    assert!(done.path.exists());
}
