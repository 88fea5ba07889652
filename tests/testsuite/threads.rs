//! The real `summering` binary writes the same bytes with one worker thread as
//! with four: parallel rendering and minifying never changes order or content.
//! Compared byte for byte, folder against folder, each build its own process,
//! on a temporary copy of the site with no document cache between the builds.

use std::fs;
use std::path::Path;

use crate::common::{built_in_two_processes_with, copy_fixture, sample_site};

/// One worker against four, named rather than left to rayon's default: on a
/// one-core machine the default is one worker too, and the test could not fail.
fn assert_same_with_one_thread_and_four(root: &Path) {
    let files = built_in_two_processes_with(
        root,
        "1 thread against 4",
        [&[("RAYON_NUM_THREADS", "1")], &[("RAYON_NUM_THREADS", "4")]],
    );
    assert!(
        files.iter().any(|(p, _)| p.ends_with(".html")),
        "no pages built from {}",
        root.display()
    );
}

#[test]
fn sample_site_is_the_same_with_one_thread() {
    let site = sample_site();
    assert_same_with_one_thread_and_four(site.path());
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
