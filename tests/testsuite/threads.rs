//! The real `summering` binary writes the same bytes with one worker thread as
//! with four: parallel rendering and minifying never changes order or content.
//! Compared byte for byte, folder against folder, each build its own process.

use std::fs;
use std::path::Path;

use crate::common::{assert_same_files, copy_fixture, repo_root, summering};

/// Builds `root` into `out` through the binary with `RAYON_NUM_THREADS=threads`.
fn build_with(root: &Path, out: &Path, threads: &str) {
    summering()
        .args(["build", "--root"])
        .arg(root)
        .arg("--output")
        .arg(out)
        .env("RAYON_NUM_THREADS", threads)
        .assert()
        .success();
}

/// One worker against four, named rather than left to rayon's default: on a
/// one-core machine the default is one worker too, and the test could not fail.
fn assert_same_with_one_thread_and_four(root: &Path) {
    let tmp = tempfile::tempdir().unwrap();
    let (one, four) = (tmp.path().join("one"), tmp.path().join("four"));
    build_with(root, &one, "1");
    build_with(root, &four, "4");
    let files = assert_same_files(&one, &four, "1 thread against 4");
    assert!(
        files.iter().any(|(p, _)| p.ends_with(".html")),
        "no pages built from {}",
        root.display()
    );
}

#[test]
fn sample_site_is_the_same_with_one_thread() {
    assert_same_with_one_thread_and_four(&repo_root());
}

#[test]
fn many_years_are_the_same_with_one_thread() {
    // More pages than threads, so work is really split: the two-year fixture
    // copied into twelve more years.
    let site = copy_fixture("two-years");
    let content = site.path().join("content");
    for year in 2008..2020 {
        let to = content.join(year.to_string());
        fs::create_dir_all(&to).unwrap();
        for entry in fs::read_dir(content.join("2021")).unwrap() {
            let entry = entry.unwrap();
            let text = fs::read_to_string(entry.path())
                .unwrap()
                .replace("2021", &year.to_string());
            fs::write(to.join(entry.file_name()), text).unwrap();
        }
    }
    assert_same_with_one_thread_and_four(site.path());
}
