//! The output folder: no timestamp unless asked, atomic, free of stale files, never someone
//! else's folder (the same bytes from one thread and four: `threads.rs`).

use std::fs;

use summering::{BuildOptions, ErrorKind};

use crate::common::{copy_fixture, write};

#[test]
fn no_timestamp_unless_source_date_epoch_asks() {
    let site = copy_fixture("minimal");
    let plain = summering::build_in_memory(&BuildOptions::new(site.path())).unwrap();
    let dated = summering::build_in_memory(&BuildOptions {
        build_date: summering::model::Date::from_unix(1_764_028_800),
        ..BuildOptions::new(site.path())
    })
    .unwrap();
    let page = |s: &summering::BuiltSite| {
        String::from_utf8(
            s.files
                .iter()
                .find(|f| f.path == "sv/index.html")
                .unwrap()
                .bytes
                .clone(),
        )
        .unwrap()
    };
    assert!(!page(&plain).contains("2025"));
    assert!(page(&dated).contains("25 november 2025"));
}

#[test]
fn a_rebuild_removes_files_the_site_no_longer_has() {
    let site = copy_fixture("two-years");
    let out = site.path().join("out");
    let options = BuildOptions {
        output: Some(out.clone()),
        ..BuildOptions::new(site.path())
    };
    summering::build(&options).unwrap();
    assert!(out.join("sv/2020/index.html").is_file());
    fs::remove_dir_all(site.path().join("content/2020")).unwrap();
    summering::build(&options).unwrap();
    assert!(
        !out.join("sv/2020/index.html").exists(),
        "stale report left behind"
    );
    assert!(out.join("sv/2021/index.html").is_file());
}

#[test]
fn refuses_to_replace_a_folder_summering_did_not_write() {
    let site = copy_fixture("minimal");
    let out = site.path().join("documents");
    write(&out, "budget.xlsx", "precious");
    let err = summering::build(&BuildOptions {
        output: Some(out.clone()),
        ..BuildOptions::new(site.path())
    })
    .unwrap_err();
    assert!(err.has(ErrorKind::OutputNotOurs));
    assert_eq!(
        fs::read_to_string(out.join("budget.xlsx")).unwrap(),
        "precious"
    );
}

#[test]
fn pages_are_minified() {
    let site = crate::common::sample();
    for f in site.files.iter().filter(|f| f.is_html()) {
        let html = std::str::from_utf8(&f.bytes).unwrap();
        assert!(html.starts_with("<!doctype html><html lang="), "{}", f.path);
        assert!(!html.contains("\n  "), "{}: indentation left", f.path);
        assert!(html.ends_with("</html>"), "{}: closing tags kept", f.path);
    }
}
