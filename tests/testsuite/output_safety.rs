//! The output folder cannot be lost and never takes anyone else's files with it:
//! symbolic links, files added since the last build, leftovers of killed builds,
//! two builds at once, and the messages about them. (Kills at exact moments, a
//! full disk and mount points are in `tests/faults.sh`.)

use std::fs;
use std::path::{Path, PathBuf};

use summering::{BuildOptions, ErrorKind};

use crate::common::{copy_fixture, write};

fn options(site: &Path, out: &Path) -> BuildOptions {
    BuildOptions {
        output: Some(out.to_path_buf()),
        ..BuildOptions::new(site)
    }
}

/// Every file under `dir`, relative, with its bytes.
fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        for entry in fs::read_dir(&d).unwrap() {
            let entry = entry.unwrap();
            if entry.file_type().unwrap().is_dir() {
                todo.push(entry.path());
            } else {
                let rel = entry.path().strip_prefix(dir).unwrap().to_path_buf();
                files.push((rel, fs::read(entry.path()).unwrap()));
            }
        }
    }
    files.sort();
    files
}

#[cfg(unix)]
#[test]
fn a_linked_output_is_built_into_its_target_and_the_link_stays() {
    let site = copy_fixture("minimal");
    let www = tempfile::tempdir().unwrap();
    let target = www.path().join("report");
    fs::create_dir(&target).unwrap();
    let link = site.path().join("output");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    // The default output (ROOT/output) and an explicit --output alike.
    for opts in [BuildOptions::new(site.path()), options(site.path(), &link)] {
        summering::build(&opts).unwrap();
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(fs::read_link(&link).unwrap(), target);
        assert!(target.join("index.html").is_file());
        assert!(target.join("sv/2020/index.html").is_file());
    }
    // Nothing but the target and what the build itself leaves beside it.
    let beside: Vec<String> = fs::read_dir(www.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !n.ends_with(".lock"))
        .collect();
    assert_eq!(beside, ["report"]);
}

#[cfg(unix)]
#[test]
fn a_foreign_file_in_a_linked_target_survives_and_the_build_says_which() {
    let site = copy_fixture("minimal");
    let www = tempfile::tempdir().unwrap();
    let target = www.path().join("report");
    fs::create_dir(&target).unwrap();
    let link = site.path().join("public");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    summering::build(&options(site.path(), &link)).unwrap();
    write(&target, ".htaccess", "Options -Indexes");
    let before = snapshot(&target);
    let err = summering::build(&options(site.path(), &link)).unwrap_err();
    assert!(err.has(ErrorKind::OutputNotOurs), "{err:?}");
    // The message names the file through the path the user gave.
    assert_eq!(
        err.errors[0].file(),
        Some(link.join(".htaccess").display().to_string().as_str())
    );
    assert_eq!(snapshot(&target), before, "the target was changed");
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
}

#[cfg(unix)]
#[test]
fn a_link_to_nothing_is_refused_and_left_alone() {
    let site = copy_fixture("minimal");
    let link = site.path().join("output");
    std::os::unix::fs::symlink(site.path().join("no-such-folder"), &link).unwrap();
    let err = summering::build(&BuildOptions::new(site.path())).unwrap_err();
    assert!(err.has(ErrorKind::OutputNotOurs), "{err:?}");
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(!site.path().join("no-such-folder").exists());
}

#[test]
fn a_file_added_to_a_built_output_stops_the_next_build_and_survives() {
    let site = copy_fixture("minimal");
    let out = site.path().join("out");
    summering::build(&options(site.path(), &out)).unwrap();
    write(&out, "sv/2020/minutes.docx", "precious");
    let before = snapshot(&out);
    let err = summering::build(&options(site.path(), &out)).unwrap_err();
    assert!(err.has(ErrorKind::OutputNotOurs), "{err:?}");
    assert!(
        err.errors[0]
            .file()
            .unwrap()
            .ends_with("sv/2020/minutes.docx")
    );
    assert_eq!(snapshot(&out), before);
    // Moved away, the build goes through again.
    fs::remove_file(out.join("sv/2020/minutes.docx")).unwrap();
    summering::build(&options(site.path(), &out)).unwrap();
}

/// A PID no process has: past the kernel's default pid_max.
const GONE: u32 = 4_000_000;

fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[cfg(unix)]
#[test]
fn leftovers_of_killed_builds_are_removed_and_nothing_else() {
    let site = copy_fixture("minimal");
    let out = site.path().join("out");
    summering::build(&options(site.path(), &out)).unwrap();
    // What killed builds leave: a staging folder and a previous build, both marked.
    let marked = |name: &str| {
        write(
            &site.path().join(name),
            ".summering",
            "This folder is written by `summering build`",
        );
        write(&site.path().join(name), "sv/index.html", "old");
    };
    marked(&format!(".out.new-{GONE}"));
    marked(&format!(".out.old-{}", GONE + 1));
    // Not provably ours: no marker; a live process (PID 1); another output's.
    write(
        &site.path().join(format!(".out.new-{}", GONE + 2)),
        "notes.txt",
        "mine",
    );
    marked(".out.new-1");
    marked(&format!(".public.new-{GONE}"));
    summering::build(&options(site.path(), &out)).unwrap();
    assert_eq!(
        names_in(site.path()),
        [
            ".out.new-1".to_string(),
            format!(".out.new-{}", GONE + 2),
            format!(".public.new-{GONE}"),
            // The PDF cache, summering's own.
            ".summering-cache".to_string(),
            "content".to_string(),
            "out".to_string(),
        ]
    );
}

#[test]
fn a_new_year_removes_what_a_killed_one_left() {
    let site = copy_fixture("minimal");
    let content = site.path().join("content");
    write(
        &content.join(format!(".2021.new-{GONE}")),
        "01-styrka.sv.md",
        "+++",
    );
    write(
        &content.join(format!(".2021.new-{}", GONE + 1)),
        "bilder/a.png",
        "mine",
    );
    crate::common::summering()
        .args(["new", "2021", "--root"])
        .arg(site.path())
        .assert()
        .success();
    assert_eq!(
        names_in(&content),
        [
            format!(".2021.new-{}", GONE + 1),
            "2020".to_string(),
            "2021".to_string(),
            "site.toml".to_string(),
        ]
    );
}

#[test]
fn a_second_build_into_the_same_output_is_refused_while_the_first_runs() {
    let site = copy_fixture("minimal");
    let out = site.path().join("out");
    summering::build(&options(site.path(), &out)).unwrap();
    let before = snapshot(&out);
    // Hold the lock as a running build does (the build's own open file is another
    // lock holder to the system, even in this process).
    let mut held = fs::File::create(site.path().join(".out.lock")).unwrap();
    held.try_lock().unwrap();
    std::io::Write::write_all(&mut held, b"4242").unwrap();
    let err = summering::build(&options(site.path(), &out)).unwrap_err();
    assert!(err.has(ErrorKind::OutputBusy), "{err:?}");
    let (code, stderr, _) = crate::common::cli_build(site.path(), &[]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("process 4242"), "{stderr}");
    assert_eq!(snapshot(&out), before);
    drop(held);
    summering::build(&options(site.path(), &out)).unwrap();
    assert!(!site.path().join(".out.lock").exists(), "lock file left");
}
