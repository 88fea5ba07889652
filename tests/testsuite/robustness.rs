//! Robustness: hostile content never makes a build panic. Every input gives
//! either a site or a `BuildError` whose problems all name a file and, where
//! they give a line and column, a place that exists in that file.
//!
//! These are property tests (proptest) rather than cargo-fuzz targets: they run
//! in plain `cargo test` on the stable toolchain, shrink a failure to a small
//! input that prints as a ready-to-paste site, and need no extra tool.
//!
//! - `cargo test` runs a few cases per target from a fixed seed (reproducible, fast).
//! - `PROPTEST_CASES=N` changes the number of cases per round.
//! - `FUZZ_SECONDS=S` runs each target for about S seconds with fresh random
//!   seeds per round: that is what `tests/fuzz.sh` does.
//!
//! Adding a target is one `#[test]` function: a strategy that yields
//! [`SiteFiles`] and [`fuzz`] with [`check_build`]. Chart data is
//! `valid().with("content/2021/charts.toml", …)`; the `import` command has its
//! own check (outline text in, files the build can read or an error out).
//!
//! A crash input found here is kept below as a plain regression test.

mod inputs;

use std::fs;
use std::path::Path;
use std::time::{Duration, Instant};

use proptest::prelude::*;
use proptest::test_runner::{Config, RngSeed, TestCaseResult, TestRunner};
use summering::{BuildOptions, SiteError};

use inputs::SiteFiles;

/// Cases per round when `PROPTEST_CASES` is not set: keeps `cargo test` to seconds.
const DEFAULT_CASES: u32 = 24;

/// Runs `test` on inputs from `strategy`: one round from a fixed seed, or, with
/// `FUZZ_SECONDS`, rounds with random seeds until the time is up. Panics with
/// the smallest failing input found.
fn fuzz<S>(
    name: &'static str,
    strategy: S,
    test: impl Fn(S::Value) -> Result<String, TestCaseError>,
) where
    S: Strategy,
    S::Value: std::fmt::Debug,
{
    let env = |key: &str| {
        std::env::var(key)
            .ok()
            .and_then(|v| v.trim().parse::<u64>().ok())
    };
    let cases = env("PROPTEST_CASES").map_or(DEFAULT_CASES, |n| n as u32);
    let budget = env("FUZZ_SECONDS").map(Duration::from_secs);
    let started = Instant::now();
    let mut rounds = 0u64;
    // How often each outcome came up: shows whether the generators reach deep enough.
    let outcomes = std::cell::RefCell::new(std::collections::BTreeMap::<String, u64>::new());
    let counted = |value: S::Value| -> TestCaseResult {
        let outcome = test(value)?;
        *outcomes.borrow_mut().entry(outcome).or_default() += 1;
        Ok(())
    };
    loop {
        let config = Config {
            cases,
            rng_seed: if budget.is_some() {
                RngSeed::Random
            } else {
                RngSeed::Fixed(0x5EED)
            },
            // Found failures are kept as explicit regression tests instead of seed files,
            // which break whenever a generator changes.
            failure_persistence: None,
            test_name: Some(name),
            max_shrink_time: 60_000,
            ..Config::default()
        };
        let mut runner = TestRunner::new(config);
        if let Err(e) = runner.run(&strategy, counted) {
            panic!("{name}: {e}");
        }
        rounds += 1;
        match budget {
            Some(b) if started.elapsed() < b => continue,
            _ => break,
        }
    }
    if budget.is_some() {
        eprintln!(
            "{name}: {} cases in {:.0?}, no failure; outcomes {:?}",
            rounds * u64::from(cases),
            started.elapsed(),
            outcomes.borrow()
        );
    }
}

/// Writes `files` into a temporary site root and builds it in memory.
fn build(
    files: &SiteFiles,
) -> (
    tempfile::TempDir,
    Result<summering::BuiltSite, summering::BuildError>,
) {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("content")).unwrap();
    for (path, bytes) in &files.0 {
        let path = dir.path().join(path);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, bytes).unwrap();
    }
    let result = summering::build_in_memory(&BuildOptions::new(dir.path()));
    (dir, result)
}

/// The property: the build returns (no panic); a failure lists problems that all
/// name a file, and each line:column given is inside the text of that file.
/// Returns the outcome ("built" or the first problem's kind) for the statistics.
fn check_build(files: SiteFiles) -> Result<String, TestCaseError> {
    let (dir, result) = build(&files);
    match result {
        Ok(site) => {
            prop_assert!(
                site.pages() >= 3,
                "a site that builds has a landing page and pages per language"
            );
            Ok("built".into())
        }
        Err(e) => {
            prop_assert!(!e.errors.is_empty(), "a failed build must say why");
            for err in &e.errors {
                check_error(err, &files, dir.path())?;
            }
            Ok(format!("{:?}", e.errors[0].kind()))
        }
    }
}

fn check_error(err: &SiteError, files: &SiteFiles, root: &Path) -> TestCaseResult {
    let Some(file) = err.file() else {
        return Err(TestCaseError::fail(format!(
            "problem without a file: {err}"
        )));
    };
    prop_assert!(
        err.help_text().is_some(),
        "problem without a help line: {err}"
    );
    let Some((line, col)) = err.line_col() else {
        return Ok(());
    };
    let Some(bytes) = files.0.get(file) else {
        return Err(TestCaseError::fail(format!(
            "{err}: a line and column in a file that was not written ({})",
            root.display()
        )));
    };
    let text = std::str::from_utf8(bytes).map_err(|_| {
        TestCaseError::fail(format!("{err}: a position in a file that is not text"))
    })?;
    let lines: Vec<&str> = text.split('\n').collect();
    prop_assert!(
        line >= 1 && line <= lines.len(),
        "{err}: line {line} of a file with {} lines",
        lines.len()
    );
    let width = lines[line - 1].chars().count();
    prop_assert!(
        col >= 1 && col <= width + 1,
        "{err}: column {col} of a line {width} characters long"
    );
    Ok(())
}

#[test]
fn site_toml_never_panics() {
    fuzz(
        "site_toml",
        inputs::site_toml().prop_map(|t| SiteFiles::valid().with("content/site.toml", t)),
        check_build,
    );
}

#[test]
fn report_toml_never_panics() {
    fuzz(
        "report_toml",
        inputs::report_toml().prop_map(|t| SiteFiles::valid().with("content/2021/report.toml", t)),
        check_build,
    );
}

#[test]
fn section_files_never_panic() {
    let sections =
        proptest::collection::vec((inputs::section_name(), inputs::section_file()), 1..4);
    fuzz(
        "section_files",
        sections.prop_map(|files| {
            files
                .into_iter()
                .fold(SiteFiles::valid(), |site, (name, text)| {
                    site.with(&format!("content/2021/{name}"), text)
                })
        }),
        check_build,
    );
}

#[test]
fn chart_data_never_panics() {
    fuzz(
        "charts_toml",
        (inputs::charts_toml(), inputs::section_with_chart()).prop_map(|(charts, section)| {
            SiteFiles::valid()
                .with("content/2021/charts.toml", charts)
                .with("content/2021/01-styrka.sv.md", section)
        }),
        check_build,
    );
}

#[test]
fn accessibility_statement_never_panics() {
    fuzz(
        "accessibility_toml",
        inputs::statement_toml()
            .prop_map(|t| SiteFiles::valid().with("content/accessibility.toml", t)),
        check_build,
    );
}

/// The property for `import`: outline text in, never a panic; either files that
/// the build then reads without panicking, or an error that says what to do.
fn check_import(text: Vec<u8>) -> Result<String, TestCaseError> {
    let (dir, _) = build(&SiteFiles::valid());
    let deck = dir.path().join("deck.txt");
    fs::write(&deck, &text).unwrap();
    let options = summering::import::ImportOptions {
        file: deck,
        year: 2021,
        lang: summering::lang::Lang::Sv,
        root: dir.path().to_path_buf(),
        force: true,
    };
    match summering::import::import(&options) {
        Ok(_) => match summering::build_in_memory(&BuildOptions::new(dir.path())) {
            Ok(_) => Ok("imported, built".into()),
            Err(e) => {
                for err in &e.errors {
                    prop_assert!(err.file().is_some() && err.help_text().is_some(), "{err}");
                }
                Ok(format!("imported, {:?}", e.errors[0].kind()))
            }
        },
        Err(e) => {
            prop_assert!(!e.errors.is_empty(), "a failed import must say why");
            prop_assert!(
                e.errors.iter().all(|err| err.help_text().is_some()),
                "{e:?}"
            );
            Ok(format!("refused, {:?}", e.errors[0].kind()))
        }
    }
}

#[test]
fn import_of_outline_text_never_panics() {
    fuzz("import", inputs::outline_text(), check_import);
}

#[test]
fn markdown_bodies_never_panic() {
    fuzz(
        "markdown_body",
        inputs::section_body()
            .prop_map(|t| SiteFiles::valid().with("content/2021/01-styrka.sv.md", t)),
        check_build,
    );
}

/// The compactor that replaces per-page minification (`summering::compact`)
/// must never change what minify-html makes of a fragment.
#[test]
fn compacted_html_means_what_the_original_means() {
    fuzz(
        "compact",
        (
            inputs::html_fragment(),
            proptest::collection::vec(inputs::html_fragment(), 0..3),
        ),
        |(first, rest)| {
            let html = std::iter::once(first)
                .chain(rest)
                .collect::<Vec<_>>()
                .join("\n");
            let compact = summering::compact::fragment(&html);
            let page = |body: &str| {
                format!(
                    "<!doctype html><html lang=sv><head><title>t</title></head><body><div>{body}</div></body></html>"
                )
            };
            let (ours, theirs) = (
                crate::common::normalised(page(&compact).as_bytes()),
                crate::common::normalised(page(&html).as_bytes()),
            );
            prop_assert_eq!(
                &ours,
                &theirs,
                "fragment: {:?}\ncompacted: {:?}",
                html,
                compact
            );
            Ok(if compact.len() < html.len() {
                "smaller".into()
            } else {
                "same size".into()
            })
        },
    );
}

#[test]
fn whole_sites_never_panic() {
    fuzz("whole_site", inputs::whole_site(), check_build);
}

#[test]
fn the_valid_base_site_builds() {
    // Guards the generators: if the base were broken, every case would only test one error path.
    let (_dir, result) = build(&SiteFiles::valid());
    assert!(
        result.is_ok(),
        "{:?}",
        result
            .err()
            .map(|e| e.errors.iter().map(|e| e.to_string()).collect::<Vec<_>>())
    );
}

// Fixed inputs: edge cases worth running every time, and crash inputs found by
// the targets above (pasted from the failure message), kept as plain tests.

/// Runs [`check_build`] on one input and fails with its reason.
fn regression(files: SiteFiles) {
    if let Err(e) = check_build(files) {
        panic!("{e}");
    }
}

#[test]
fn edge_cases_empty_bom_only_and_missing_files() {
    regression(SiteFiles::valid().with("content/site.toml", b"\xef\xbb\xbf".to_vec()));
    regression(SiteFiles::valid().with("content/2021/report.toml", Vec::new()));
    regression(
        SiteFiles::valid().with("content/2021/01-styrka.sv.md", b"\xef\xbb\xbf+++".to_vec()),
    );
    regression(SiteFiles::valid().without("content/site.toml"));
}
