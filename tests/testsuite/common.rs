//! Helpers shared by the integration tests: the real binary and temporary copies of sites.

#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};

/// The crate's folder.
pub fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `summering` as built by cargo, with colour turned off.
pub fn summering() -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("summering").expect("the summering binary");
    cmd.env("NO_COLOR", "1").env_remove("SOURCE_DATE_EPOCH");
    cmd
}

/// Copies a folder recursively.
pub fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// A temporary copy of the sample site (the repository's own `content/`).
pub fn sample_site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&manifest_dir().join("content"), &dir.path().join("content"));
    dir
}

/// A temporary copy of `tests/fixtures/NAME`.
pub fn fixture_site(name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&manifest_dir().join("tests/fixtures").join(name), dir.path());
    dir
}

/// Every file under `dir` as (relative path, bytes), sorted: to show nothing changed.
pub fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    fn walk(base: &Path, dir: &Path, out: &mut Vec<(String, Vec<u8>)>) {
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(base, &path, out);
            } else {
                out.push((path.strip_prefix(base).unwrap().display().to_string(), fs::read(&path).unwrap()));
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out);
    out.sort();
    out
}

/// Runs `summering check --format json` and parses the result.
pub fn check_json(root: &Path) -> (i32, serde_json::Value) {
    let out = summering().args(["check", "--format", "json", "--root"]).arg(root).output().unwrap();
    let json = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stdout)));
    (out.status.code().unwrap(), json)
}

/// The kinds of the findings in a check report's `errors` or `warnings`.
pub fn kinds(json: &serde_json::Value, list: &str) -> Vec<String> {
    json[list].as_array().unwrap().iter().map(|f| f["kind"].as_str().unwrap().to_string()).collect()
}
