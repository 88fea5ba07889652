//! Helpers shared by the integration tests: fixture paths, temporary copies, page lookup.

#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use summering::{BuildError, BuildOptions, BuiltSite, SiteError};

/// How long one run of the binary may take before the test kills it: a build
/// that hangs fails its test instead of stopping the suite.
const RUN_LIMIT: Duration = Duration::from_secs(120);

/// `summering` as built by cargo, with colour turned off, messages in English
/// whatever the machine's locale (a test asks for Swedish itself), and killed
/// after [`RUN_LIMIT`] (a test may set a shorter limit).
pub(crate) fn summering() -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("summering").expect("the summering binary");
    cmd.env("NO_COLOR", "1")
        .env_remove("SOURCE_DATE_EPOCH")
        .timeout(RUN_LIMIT);
    for locale in ["LC_ALL", "LC_MESSAGES", "LANG"] {
        cmd.env_remove(locale);
    }
    cmd
}

/// `summering build --root ROOT --output ROOT/out EXTRA…` through the binary:
/// (exit code, standard error, the output folder). A run killed at the time
/// limit, or ended by a signal, has the exit code -1.
pub(crate) fn cli_build(root: &Path, extra: &[&str]) -> (i32, String, PathBuf) {
    let out = root.join("out");
    let o = summering()
        .args(["build", "--root"])
        .arg(root)
        .arg("--output")
        .arg(&out)
        .args(extra)
        .output()
        .unwrap();
    (
        o.status.code().unwrap_or(-1),
        String::from_utf8(o.stderr).unwrap(),
        out,
    )
}

/// Runs `cmd`, fails the test with its standard error unless it succeeded,
/// and returns its standard output.
pub(crate) fn succeeds(cmd: &mut assert_cmd::Command) -> String {
    let o = cmd.output().unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stdout).unwrap()
}

/// The crate's folder.
pub(crate) fn manifest_dir() -> PathBuf {
    repo_root()
}

/// The repository root (the sample site lives in its `content/`).
pub(crate) fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A fixture site under `tests/fixtures/NAME`.
pub(crate) fn fixture(name: &str) -> PathBuf {
    repo_root().join("tests/fixtures").join(name)
}

/// Builds `root` in memory.
pub(crate) fn build(root: &Path) -> Result<BuiltSite, BuildError> {
    summering::build_in_memory(&BuildOptions::new(root))
}

/// Builds `root` in memory, panicking with the problems if it fails.
pub(crate) fn build_ok(root: &Path) -> BuiltSite {
    build(root).unwrap_or_else(|e| {
        panic!(
            "{e}: {:#?}",
            e.errors.iter().map(|e| e.to_string()).collect::<Vec<_>>()
        )
    })
}

/// The lines of `tests/fixtures/seed-2021.txt` (the slides the sample report
/// was written from) as the report must show them: trimmed, without bullets
/// or blank lines, and with the seed's one evident typo corrected.
pub(crate) fn seed_lines() -> Vec<String> {
    include_str!("../fixtures/seed-2021.txt")
        .lines()
        .map(|l| l.trim().trim_start_matches("- ").trim())
        .filter(|l| !l.is_empty())
        .map(|l| l.replace("arbetsätt", "arbetssätt"))
        .collect()
}

/// The sample site (the real NOSAM 2021 report), built once per call.
pub(crate) fn sample() -> BuiltSite {
    // Only content/ and (optionally) themes/ of the repo are read.
    build_ok(&repo_root())
}

/// A page of a built site as text.
///
/// The text is the page as minify-html normalises it (attributes sorted, quotes
/// only where needed), so the suites test what a page says, not how the
/// compacted templates happen to spell it; `tests/testsuite/minified.rs` checks
/// the spelling itself.
pub(crate) fn page(site: &BuiltSite, path: &str) -> String {
    normalised(bytes(site, path))
}

/// A file of a built site as text, as summering wrote it (not normalised).
pub(crate) fn as_built(site: &BuiltSite, path: &str) -> String {
    String::from_utf8(bytes(site, path).to_vec()).unwrap()
}

/// The bytes of a file of a built site; fails the test, listing what was built, if there is none.
fn bytes<'a>(site: &'a BuiltSite, path: &str) -> &'a [u8] {
    site.files
        .iter()
        .find(|f| f.path == path)
        .map(|f| f.bytes.as_slice())
        .unwrap_or_else(|| {
            panic!(
                "no {path} in {:?}",
                site.files.iter().map(|f| &f.path).collect::<Vec<_>>()
            )
        })
}

/// `html` minified by minify-html with the settings summering's pages meet;
/// inline SVGs (summering's own chart markup, tested as written) are left as they are.
pub(crate) fn normalised(html: &[u8]) -> String {
    let html = std::str::from_utf8(html).unwrap();
    let mut svgs = Vec::new();
    let mut held = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find("<svg") {
        let end = start + rest[start..].find("</svg>").expect("closed svg") + "</svg>".len();
        held.push_str(&rest[..start]);
        held.push_str(&format!("\u{E000}{}\u{E001}", svgs.len()));
        svgs.push(&rest[start..end]);
        rest = &rest[end..];
    }
    held.push_str(rest);
    let mut cfg = minify_html::Cfg::new();
    cfg.keep_closing_tags = true;
    cfg.keep_html_and_head_opening_tags = true;
    let mut out = String::from_utf8(minify_html::minify(held.as_bytes(), &cfg)).unwrap();
    for (i, svg) in svgs.iter().enumerate() {
        out = out.replacen(&format!("\u{E000}{i}\u{E001}"), svg, 1);
    }
    out
}

/// A writable copy of a fixture site in a temporary folder.
pub(crate) fn copy_fixture(name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&fixture(name), dir.path());
    dir
}

/// Copies a folder recursively.
pub(crate) fn copy_dir(from: &Path, to: &Path) {
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

/// Writes `text` to `root/rel`, creating folders.
pub(crate) fn write(root: &Path, rel: &str, text: &str) {
    let path = root.join(rel);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

/// Text with HTML tags removed and entities for quotes/ampersands decoded, for "is this text on the page" checks.
pub(crate) fn visible_text(html: &str) -> String {
    // Inline elements (an <abbr> inside "SIP-arbetet") must not split words.
    let mut html = html.to_string();
    for inline in ["abbr", "em", "strong", "span", "time", "a"] {
        html = html.replace(&format!("</{inline}>"), "");
        let open = format!("<{inline}");
        while let Some(i) = html.find(&open) {
            let after = html.as_bytes().get(i + open.len());
            if !matches!(after, Some(b' ' | b'>')) {
                break;
            }
            let end = i + html[i..].find('>').unwrap() + 1;
            html.replace_range(i..end, "");
        }
    }
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                out.push(' ');
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    let out = out
        .replace("&amp;", "&")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">");
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Every `href="…"`/`src="…"` value in minified or plain HTML (quoted or not).
pub(crate) fn links(html: &str) -> Vec<String> {
    ["href", "src"]
        .iter()
        .flat_map(|attr| attr_values(html, attr))
        .map(str::to_string)
        .collect()
}

/// Every value of attribute `name` in minified or plain HTML, quoted or not, in order.
pub(crate) fn attr_values<'a>(html: &'a str, name: &str) -> Vec<&'a str> {
    let attr = format!("{name}=");
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find(&attr) {
        let preceded_ok = i == 0 || rest.as_bytes()[i - 1].is_ascii_whitespace();
        rest = &rest[i + attr.len()..];
        if !preceded_ok {
            continue;
        }
        let value = match rest.chars().next() {
            Some(q @ ('"' | '\'')) => rest[1..].split(q).next().unwrap_or(""),
            _ => rest
                .split(|c: char| c.is_whitespace() || c == '>')
                .next()
                .unwrap_or(""),
        };
        out.push(value);
    }
    out
}

/// Resolves a relative link from a page path to a site path (without fragment).
pub(crate) fn resolve(from_page: &str, link: &str) -> String {
    let link = link.split('#').next().unwrap();
    let mut parts: Vec<&str> = from_page.split('/').collect();
    parts.pop();
    for seg in link.split('/') {
        match seg {
            ".." => {
                parts.pop();
            }
            "." | "" => {}
            s => parts.push(s),
        }
    }
    parts.join("/")
}

/// A temporary copy of the sample site (the repository's own `content/`).
pub(crate) fn sample_site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&manifest_dir().join("content"), &dir.path().join("content"));
    dir
}

/// A temporary copy of `tests/fixtures/NAME` (the archive suite's name for [`copy_fixture`]).
pub(crate) fn fixture_site(name: &str) -> tempfile::TempDir {
    copy_fixture(name)
}

/// Every file under `dir` as (relative path, bytes), sorted: to show nothing changed.
pub(crate) fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    fn walk(base: &Path, dir: &Path, out: &mut Vec<(String, Vec<u8>)>) {
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(base, &path, out);
            } else {
                out.push((
                    path.strip_prefix(base).unwrap().display().to_string(),
                    fs::read(&path).unwrap(),
                ));
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out);
    out.sort();
    out
}

/// Fails unless the folders `a` and `b` hold the same files with the same
/// bytes; `what` names the comparison in the message. Returns the files of `a`.
pub(crate) fn assert_same_files(a: &Path, b: &Path, what: &str) -> Vec<(String, Vec<u8>)> {
    let (a, b) = (snapshot(a), snapshot(b));
    let names = |s: &[(String, Vec<u8>)]| s.iter().map(|(p, _)| p.clone()).collect::<Vec<_>>();
    assert_eq!(names(&a), names(&b), "{what}: different files");
    for ((path, x), (_, y)) in a.iter().zip(&b) {
        assert!(x == y, "{what}: {path} differs");
    }
    a
}

/// Builds `root` twice through the binary, each build its own process, and fails
/// unless both output folders hold the same bytes; returns the files. Two builds in
/// one process could not catch a hash seed or an address reaching the output.
pub(crate) fn built_in_two_processes(root: &Path, what: &str) -> Vec<(String, Vec<u8>)> {
    built_in_two_processes_with(root, what, [&[], &[]])
}

/// [`built_in_two_processes`] with the environment of each build: `envs[0]` for
/// the first, `envs[1]` for the second (one worker thread against four).
/// The site's document cache is removed before each build, else the second would
/// take the first's PDFs and decks from it and the comparison could not fail;
/// so `root` must be a temporary copy, never the repository.
pub(crate) fn built_in_two_processes_with(
    root: &Path,
    what: &str,
    envs: [&[(&str, &str)]; 2],
) -> Vec<(String, Vec<u8>)> {
    assert!(
        !root.starts_with(repo_root()),
        "{what}: build a temporary copy, not {}",
        root.display()
    );
    let tmp = tempfile::tempdir().unwrap();
    let outputs = ["a", "b"].map(|o| tmp.path().join(o));
    for (out, env) in outputs.iter().zip(envs) {
        let cache = root.join(".summering-cache");
        if cache.exists() {
            fs::remove_dir_all(&cache).unwrap();
        }
        summering()
            .args(["build", "--root"])
            .arg(root)
            .arg("--output")
            .arg(out)
            .envs(env.iter().copied())
            .assert()
            .success();
    }
    assert_same_files(&outputs[0], &outputs[1], what)
}

/// The one problem of a failed build; fails the test if there are more or none.
pub(crate) fn only(err: &BuildError) -> &SiteError {
    assert_eq!(
        err.errors.len(),
        1,
        "{:#?}",
        err.errors.iter().map(|e| e.to_string()).collect::<Vec<_>>()
    );
    &err.errors[0]
}

/// The first problem of kind `kind` of a failed build; fails the test if there is none.
pub(crate) fn error_of(err: &BuildError, kind: summering::ErrorKind) -> &SiteError {
    err.errors
        .iter()
        .find(|e| e.kind() == kind)
        .unwrap_or_else(|| panic!("no {kind:?} in {:#?}", err.errors))
}

/// Builds a copy of fixture `name` into an output folder holding an earlier good build,
/// breaks it with `edit`, and checks that the failed build left the output folder
/// byte-for-byte unchanged. Returns the problems.
pub(crate) fn broken_build(name: &str, edit: impl FnOnce(&Path)) -> summering::BuildError {
    let site = copy_fixture(name);
    let out = site.path().join("output");
    let options = BuildOptions {
        output: Some(out.clone()),
        ..BuildOptions::new(site.path())
    };
    summering::build(&options).expect("the unbroken fixture builds");
    let before = snapshot(&out);
    edit(site.path());
    let err = summering::build(&options).expect_err("the broken site must not build");
    assert_eq!(
        snapshot(&out),
        before,
        "a failed build changed the output folder"
    );
    let leftovers: Vec<_> = std::fs::read_dir(site.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with(".output."))
        .collect();
    assert!(
        leftovers.is_empty(),
        "a failed build left {leftovers:?} beside the output folder"
    );
    err
}

/// Runs `summering check --format json` and parses the result.
pub(crate) fn check_json(root: &Path) -> (i32, serde_json::Value) {
    let out = summering()
        .args(["check", "--format", "json", "--root"])
        .arg(root)
        .output()
        .unwrap();
    let json = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stdout)));
    (out.status.code().unwrap(), json)
}

/// The kinds of the findings in a check report's `errors` or `warnings`.
pub(crate) fn kinds(json: &serde_json::Value, list: &str) -> Vec<String> {
    json[list]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["kind"].as_str().unwrap().to_string())
        .collect()
}
