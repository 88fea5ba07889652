//! The real `summering` binary writes the same bytes with one worker thread as
//! with rayon's default pool: parallel rendering and minifying never changes
//! order or content. Compared byte for byte, folder against folder.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::process::Command;

use crate::common::{copy_fixture, repo_root};

/// Runs `summering build --root ROOT --output OUT` with `RAYON_NUM_THREADS` set
/// to `threads`, or unset for rayon's default (one thread per core).
fn build_with(root: &Path, out: &Path, threads: Option<&str>) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_summering"));
    cmd.args(["build", "--root"])
        .arg(root)
        .arg("--output")
        .arg(out)
        .env_remove("SOURCE_DATE_EPOCH");
    match threads {
        Some(n) => cmd.env("RAYON_NUM_THREADS", n),
        None => cmd.env_remove("RAYON_NUM_THREADS"),
    };
    let result = cmd.output().unwrap();
    assert!(
        result.status.success(),
        "build of {} with RAYON_NUM_THREADS={threads:?} failed:\n{}",
        root.display(),
        String::from_utf8_lossy(&result.stderr)
    );
}

/// Every file under `dir`: relative path → bytes.
fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(base: &Path, dir: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(base, &path, out);
            } else {
                let rel = path
                    .strip_prefix(base)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                out.insert(rel, fs::read(&path).unwrap());
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

fn assert_same_with_one_thread_and_default(root: &Path) {
    let tmp = tempfile::tempdir().unwrap();
    let (one, default) = (tmp.path().join("one"), tmp.path().join("default"));
    build_with(root, &one, Some("1"));
    build_with(root, &default, None);
    let (a, b) = (snapshot(&one), snapshot(&default));
    assert!(
        a.keys().any(|p| p.ends_with(".html")),
        "no pages built from {}",
        root.display()
    );
    assert_eq!(
        a.keys().collect::<Vec<_>>(),
        b.keys().collect::<Vec<_>>(),
        "different files"
    );
    for (path, bytes) in &a {
        assert!(
            bytes == &b[path],
            "{path} differs between 1 thread and the default pool"
        );
    }
}

#[test]
fn sample_site_is_the_same_with_one_thread() {
    assert_same_with_one_thread_and_default(&repo_root());
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
    assert_same_with_one_thread_and_default(site.path());
}
