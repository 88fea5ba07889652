//! Bounded work (issue 12): content above the documented limits is refused with
//! its file (and line where there is one), never a hang or a stack overflow;
//! only regular files are read; long sections build and lose nothing.

use std::path::Path;
use std::sync::mpsc;
use std::time::Duration;

use summering::load::limits::{MAX_DEPTH, MAX_FILE_BYTES};
use summering::{BuildError, BuildOptions, BuiltSite, ErrorKind, WarningKind};

use crate::common::{broken_build, build_ok, copy_fixture, only, page, visible_text, write};

const SECTION: &str = "content/2020/01-styrka.sv.md";

/// A section file of the minimal fixture: front matter (lines 1–4), a blank line, `body`.
fn section(body: &str) -> String {
    format!("+++\nkind = \"strength\"\ntitle = \"Testtext: styrka\"\n+++\n\n{body}")
}

/// Builds `root` on another thread and fails the test if that takes longer than
/// a minute: a build that reads a pipe or loops must show up as a failure, not
/// as a test run that never ends.
fn build_within_a_minute(root: &Path) -> Result<BuiltSite, BuildError> {
    let (tx, rx) = mpsc::channel();
    let options = BuildOptions::new(root);
    std::thread::spawn(move || {
        let _ = tx.send(summering::build_in_memory(&options));
    });
    rx.recv_timeout(Duration::from_secs(60))
        .expect("the build neither finished nor failed within a minute")
}

#[test]
fn a_content_file_above_the_size_limit_is_refused_by_name() {
    let line = "- Testtext: en punkt om samverkan mellan vården och kommunen\n";
    let count = MAX_FILE_BYTES as usize / line.len() + 1;
    let err = broken_build("minimal", |root| {
        write(root, SECTION, &section(&line.repeat(count)))
    });
    let e = only(&err);
    assert_eq!(e.kind(), ErrorKind::TooLarge, "{e}");
    assert_eq!(e.file(), Some(SECTION));
    assert!(e.help_text().is_some_and(|h| !h.is_empty()));
}

#[test]
fn a_toml_file_above_the_size_limit_is_refused_by_name() {
    let err = broken_build("minimal", |root| {
        let pad = format!("# {}\n", "x".repeat(1000));
        let text = std::fs::read_to_string(root.join("content/site.toml")).unwrap();
        let padding = pad.repeat(MAX_FILE_BYTES as usize / pad.len() + 1);
        write(root, "content/site.toml", &format!("{text}{padding}"));
    });
    let e = only(&err);
    assert_eq!(e.kind(), ErrorKind::TooLarge, "{e}");
    assert_eq!(e.file(), Some("content/site.toml"));
}

#[test]
fn thirty_thousand_quote_markers_are_refused_at_their_line() {
    let body = format!(
        "- Testtext: första punkten\n\n{} djupt\n",
        ">".repeat(30_000)
    );
    let err = broken_build("minimal", |root| write(root, SECTION, &section(&body)));
    let e = only(&err);
    assert_eq!(e.kind(), ErrorKind::TooDeep, "{e}");
    assert_eq!(e.file(), Some(SECTION));
    // Line 8 holds the markers; the first level too many opens at the next one.
    assert_eq!(e.line_col(), Some((8, MAX_DEPTH + 1)), "{e}");
    assert!(e.help_text().is_some_and(|h| !h.is_empty()));
}

#[test]
fn deeply_nested_lists_in_the_speaker_notes_are_refused_at_their_line() {
    let list: String = (0..MAX_DEPTH)
        .map(|i| format!("{}- nivå {i}\n", "  ".repeat(i)))
        .collect();
    let body = format!("- Testtext: första punkten\n\n???\n\n{list}");
    let err = broken_build("minimal", |root| write(root, SECTION, &section(&body)));
    let e = only(&err);
    assert_eq!(e.kind(), ErrorKind::TooDeep, "{e}");
    assert_eq!(e.file(), Some(SECTION));
    // A list and an item per level: level 65 is the item of the 33rd list.
    let line = 10 + MAX_DEPTH / 2;
    assert_eq!(e.line_col().map(|(l, _)| l), Some(line), "{e}");
}

#[test]
fn nesting_a_report_could_use_builds() {
    let site = copy_fixture("minimal");
    let body =
        "- punkt\n  - under\n    - > citat med **fet *kursiv [länk](https://example.org)***\n";
    write(site.path(), SECTION, &section(body));
    let built = build_ok(site.path());
    assert!(page(&built, "sv/2020/index.html").contains("<blockquote>"));
}

#[cfg(unix)]
#[test]
fn a_named_pipe_among_the_sections_is_refused_not_read() {
    let site = copy_fixture("minimal");
    let pipe = site.path().join("content/2020/03-ror.sv.md");
    let made = std::process::Command::new("mkfifo")
        .arg(&pipe)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    let err = build_within_a_minute(site.path()).expect_err("a pipe is not a section");
    let e = only(&err);
    assert_eq!(e.kind(), ErrorKind::NotAFile, "{e}");
    assert_eq!(e.file(), Some("content/2020/03-ror.sv.md"));
    assert!(e.help_text().is_some_and(|h| !h.is_empty()));
}

#[cfg(unix)]
#[test]
fn links_to_devices_are_refused_not_read() {
    for (link, target) in [
        ("content/2020/03-noll.sv.md", "/dev/zero"),
        ("content/glossary.toml", "/dev/urandom"),
        ("content/2020/report.toml", "/dev/null"),
    ] {
        let site = copy_fixture("minimal");
        let path = site.path().join(link);
        let _ = std::fs::remove_file(&path);
        std::os::unix::fs::symlink(target, &path).unwrap();
        let err = build_within_a_minute(site.path()).expect_err("a device is not content");
        let refused: Vec<_> = err
            .errors
            .iter()
            .filter(|e| e.kind() == ErrorKind::NotAFile)
            .collect();
        assert_eq!(refused.len(), 1, "{link}: {err}");
        assert_eq!(refused[0].file(), Some(link));
    }
}

/// The minimal fixture with a first section of `n` points.
fn long_section(n: usize) -> (tempfile::TempDir, Vec<String>) {
    let site = copy_fixture("minimal");
    let points: Vec<String> = (1..=n)
        .map(|i| format!("Punkt {i} om samverkan mellan vården och kommunen"))
        .collect();
    let body: String = points.iter().map(|p| format!("- {p}\n")).collect();
    write(site.path(), SECTION, &section(&body));
    (site, points)
}

#[test]
fn a_two_thousand_point_section_builds_with_every_point_once_in_order() {
    let (site, points) = long_section(2000);
    let built = build_ok(site.path());
    let deck = visible_text(&page(&built, "sv/2020/slides/index.html"));
    let mut at = 0;
    for p in &points {
        let found = deck[at..]
            .find(p.as_str())
            .unwrap_or_else(|| panic!("{p} missing or out of order"));
        // "Punkt 1 …" must not be found inside "Punkt 10 …": each point is whole.
        at += found + p.len();
    }
    let continued = deck.matches("Testtext: styrka (forts.)").count();
    assert!(continued >= 100, "{continued} continuation slides");
    assert!(
        built
            .warnings
            .iter()
            .any(|w| w.kind == WarningKind::SlideSplit && w.file == SECTION)
    );
    // The report page shows the whole list too.
    let report = visible_text(&page(&built, "sv/2020/index.html"));
    assert!(report.contains(&points[1999]));
}

#[test]
fn a_section_of_one_long_line_is_cut_into_slides_without_losing_a_word() {
    let site = copy_fixture("minimal");
    let words = 128 * 1024 / "samverkan ".len();
    let line: String = (0..words).map(|i| format!("ord{i} ")).collect();
    write(site.path(), SECTION, &section(line.trim_end()));
    let built = build_ok(site.path());
    let deck = visible_text(&page(&built, "sv/2020/slides/index.html"));
    let mut at = 0;
    for i in 0..words {
        let w = format!("ord{i} ");
        let w = if i + 1 == words {
            w.trim_end().to_string()
        } else {
            w
        };
        at += deck[at..]
            .find(&w)
            .unwrap_or_else(|| panic!("{w:?} missing or out of order"))
            + w.len();
    }
    assert!(
        built
            .warnings
            .iter()
            .any(|w| w.kind == WarningKind::SlideItemSplit && w.file == SECTION)
    );
}

#[test]
fn four_thousand_footnotes_each_reach_the_slide_that_cites_them() {
    let site = copy_fixture("minimal");
    let n = 4000;
    let mut body: String = (1..=n)
        .map(|i| format!("- Punkt {i} med not[^n{i}]\n"))
        .collect();
    body.push('\n');
    body.extend((1..=n).map(|i| format!("[^n{i}]: Noten till punkt {i}.\n\n")));
    write(site.path(), SECTION, &section(&body));
    let built = build_ok(site.path());
    let deck = page(&built, "sv/2020/slides/index.html");
    // Each slide is one `deck__item`; a slide's notes follow its points.
    let slides: Vec<&str> = deck.split("deck__item").skip(1).collect();
    for i in [1, 2, 1999, 4000] {
        let point = format!("Punkt {i} med not");
        let note = format!("Noten till punkt {i}.");
        let with_point: Vec<usize> = (0..slides.len())
            .filter(|&s| slides[s].contains(&point))
            .collect();
        let with_note: Vec<usize> = (0..slides.len())
            .filter(|&s| slides[s].contains(&note))
            .collect();
        assert_eq!(with_point.len(), 1, "{point}");
        assert_eq!(with_note, with_point, "{note}");
    }
}
