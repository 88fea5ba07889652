//! The editor's language: every message the binary prints comes from the
//! catalogue in Swedish or English, chosen by `--lang` or the locale
//! (`LC_ALL`, `LC_MESSAGES`, `LANG`). The expected words are read from the
//! catalogue through the library, never copied here.

use std::path::Path;

use summering::ErrorKind;
use summering::lang::Lang;
use summering::messages::{Message, MessageId};

use crate::common::{copy_fixture, summering, write};

fn text(id: MessageId, lang: Lang) -> String {
    Message::new(id).render(lang)
}

/// The minimal fixture with a misspelt key on report.toml's first line.
fn misspelt_key() -> tempfile::TempDir {
    let site = copy_fixture("minimal");
    let file = site.path().join("content/2020/report.toml");
    let report = std::fs::read_to_string(&file).unwrap();
    write(
        site.path(),
        "content/2020/report.toml",
        &report.replacen("title =", "titel =", 1),
    );
    site
}

/// Runs `summering ARGS --root ROOT` with `env` set, returning (exit code, stdout, stderr).
fn run(root: &Path, env: &[(&str, &str)], args: &[&str]) -> (Option<i32>, String, String) {
    let mut all: Vec<&std::ffi::OsStr> = args.iter().map(std::ffi::OsStr::new).collect();
    all.extend(["--root".as_ref(), root.as_os_str()]);
    run_line(env, &all)
}

/// Runs `summering ARGS` (no `--root`) with `env` set: (exit code, stdout, stderr).
fn run_line<S: AsRef<std::ffi::OsStr>>(
    env: &[(&str, &str)],
    args: &[S],
) -> (Option<i32>, String, String) {
    let mut cmd = summering();
    cmd.args(args);
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().unwrap();
    (
        out.status.code(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// "fel[unknown-field]: Okänd nyckel" as the binary heads an error in `lang`.
fn heading(kind: ErrorKind, name: &str, lang: Lang) -> String {
    format!(
        "{}[{name}]: {}",
        text(MessageId::FrameError, lang),
        text(kind.title(), lang)
    )
}

#[test]
fn a_swedish_locale_gives_swedish_build_errors_at_the_same_place() {
    let site = misspelt_key();
    let (code, _, stderr) = run(site.path(), &[("LANG", "sv_SE.UTF-8")], &["build"]);
    assert_eq!(code, Some(1), "{stderr}");
    let sv = Lang::Sv;
    assert!(
        stderr.contains(&heading(ErrorKind::UnknownField, "unknown-field", sv)),
        "{stderr}"
    );
    assert!(stderr.contains("content/2020/report.toml:1:1"), "{stderr}");
    assert!(
        stderr.contains(&format!("  {}: ", text(MessageId::FrameHelp, sv))),
        "{stderr}"
    );
    let failed = Message::new(MessageId::BuildFailed).count("n", 1u64);
    let last = stderr.lines().last().unwrap();
    assert!(last.starts_with(&failed.render(sv)), "{last}");
    assert!(
        last.ends_with(&text(MessageId::BuildOutputUnchanged, sv)),
        "{last}"
    );
    // And nothing of it is the English wording.
    assert!(!stderr.contains(&failed.render(Lang::En)), "{stderr}");
    assert!(
        !stderr.contains(&text(ErrorKind::UnknownField.title(), Lang::En)),
        "{stderr}"
    );
}

#[test]
fn lang_en_wins_over_a_swedish_locale() {
    let site = misspelt_key();
    let env = [("LANG", "sv_SE.UTF-8")];
    let (code, _, stderr) = run(site.path(), &env, &["build", "--lang", "en"]);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(
        stderr.contains(&heading(ErrorKind::UnknownField, "unknown-field", Lang::En)),
        "{stderr}"
    );
    assert!(stderr.contains("content/2020/report.toml:1:1"), "{stderr}");
    assert!(
        !stderr.contains(&text(MessageId::BuildOutputUnchanged, Lang::Sv)),
        "{stderr}"
    );
}

#[test]
fn lc_all_wins_over_lang_and_no_locale_means_english() {
    let site = misspelt_key();
    let env = [("LC_ALL", "en_US.UTF-8"), ("LANG", "sv_SE.UTF-8")];
    let (_, _, stderr) = run(site.path(), &env, &["build"]);
    let en = heading(ErrorKind::UnknownField, "unknown-field", Lang::En);
    assert!(stderr.contains(&en), "{stderr}");
    let (_, _, stderr) = run(site.path(), &[], &["build"]);
    assert!(stderr.contains(&en), "{stderr}");
    let env = [("LC_ALL", "sv_FI.UTF-8"), ("LANG", "en_GB.UTF-8")];
    let (_, _, stderr) = run(site.path(), &env, &["build"]);
    let sv = heading(ErrorKind::UnknownField, "unknown-field", Lang::Sv);
    assert!(stderr.contains(&sv), "{stderr}");
}

#[test]
fn check_heads_each_error_with_its_kind_in_the_editors_language() {
    let site = misspelt_key();
    let (code, stdout, _) = run(site.path(), &[], &["--lang", "sv", "check"]);
    assert_eq!(code, Some(1), "{stdout}");
    let sv = heading(ErrorKind::UnknownField, "unknown-field", Lang::Sv);
    assert!(stdout.contains(&sv), "{stdout}");
    assert!(stdout.contains("content/2020/report.toml:1:1"), "{stdout}");
}

#[test]
fn a_failed_command_says_what_it_did_not_do_in_swedish() {
    let site = copy_fixture("minimal");
    // 2020 exists: `new 2020` refuses, and says nothing was created.
    let (code, _, stderr) = run(site.path(), &[("LANG", "sv_SE")], &["new", "2020"]);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(
        stderr.contains(&heading(ErrorKind::YearExists, "year-exists", Lang::Sv)),
        "{stderr}"
    );
    assert_eq!(
        stderr.lines().last(),
        Some(text(MessageId::NothingCreated, Lang::Sv).as_str()),
        "{stderr}"
    );
}

#[test]
fn an_unknown_message_language_is_refused_with_the_choices() {
    let site = copy_fixture("minimal");
    let (code, _, stderr) = run(site.path(), &[], &["check", "--lang", "de"]);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(stderr.contains("sv, en"), "{stderr}");
}

/// The first word of a catalogue text ("Byggde", "Built"): how a summary line
/// whose numbers vary starts.
fn first_word(id: MessageId, lang: Lang) -> String {
    text(id, lang)
        .split_whitespace()
        .next()
        .unwrap()
        .to_string()
}

#[test]
fn new_and_check_on_a_fresh_year_speak_swedish() {
    let site = copy_fixture("minimal");
    let sv = [("LANG", "sv_SE.UTF-8")];
    let (code, stdout, stderr) = run(site.path(), &sv, &["new", "2021"]);
    assert_eq!(code, Some(0), "{stderr}");
    let created = Message::new(MessageId::NewCreatedFile).arg("file", "content/2021/report.toml");
    assert!(stdout.contains(&created.render(Lang::Sv)), "{stdout}");
    let last = stdout.lines().last().unwrap();
    assert!(
        last.starts_with(&first_word(MessageId::NewDone, Lang::Sv)),
        "{last}"
    );

    let (code, stdout, _) = run(site.path(), &sv, &["check"]);
    assert_eq!(code, Some(1), "{stdout}");
    assert!(
        stdout.contains(&heading(ErrorKind::Unfinished, "unfinished", Lang::Sv)),
        "{stdout}"
    );
    let help = format!(
        "  {}: {}",
        text(MessageId::FrameHelp, Lang::Sv),
        text(MessageId::ErrorUnfinishedHelp, Lang::Sv)
    );
    assert!(stdout.contains(&help), "{stdout}");
    assert!(stdout.contains("content/2021/01-styrka.sv.md:"), "{stdout}");
    let last = stdout.lines().last().unwrap();
    assert!(
        last.ends_with(&text(MessageId::CheckNotReady, Lang::Sv)),
        "{last}"
    );
    assert!(
        last.starts_with(&first_word(MessageId::CheckChecked, Lang::Sv)),
        "{last}"
    );
}

#[test]
fn build_warnings_and_summary_follow_the_language() {
    let site = copy_fixture("fallback");
    for lang in [Lang::Sv, Lang::En] {
        let (code, stdout, stderr) = run(site.path(), &[], &["build", "--lang", lang.code()]);
        assert_eq!(code, Some(0), "{stderr}");
        let warning = format!("{}: ", text(MessageId::FrameWarning, lang));
        assert!(stderr.lines().any(|l| l.starts_with(&warning)), "{stderr}");
        let untranslated = Message::new(MessageId::WarnNotTranslated)
            .arg("lang", "en")
            .arg("expected", "content/2020/02-framat.en.md")
            .arg("default", "sv");
        let line = format!(
            "{warning}content/2020/02-framat.sv.md: {}",
            untranslated.render(lang)
        );
        assert!(stderr.lines().any(|l| l == line), "{line}\n{stderr}");
        assert!(
            stdout.starts_with(&first_word(MessageId::BuildBuilt, lang)),
            "{stdout}"
        );
    }
}

#[test]
fn check_lists_each_file_with_errors_on_one_line_before_the_frames() {
    let site = copy_fixture("minimal");
    let (code, _, stderr) = run(site.path(), &[], &["new", "2021"]);
    assert_eq!(code, Some(0), "{stderr}");
    for lang in [Lang::Sv, Lang::En] {
        let (code, stdout, _) = run(site.path(), &[], &["check", "--lang", lang.code()]);
        assert_eq!(code, Some(1), "{stdout}");
        let lines: Vec<&str> = stdout.lines().collect();
        assert_eq!(lines[0], text(MessageId::CheckByFile, lang), "{stdout}");
        let first_frame = lines
            .iter()
            .position(|l| l.starts_with(&format!("{}[", text(MessageId::FrameError, lang))))
            .expect("the frames follow");
        let summary = &lines[1..first_frame];
        let unfinished = text(ErrorKind::Unfinished.title(), lang);
        // Every file with an error has one line, naming its kind and places.
        let files: Vec<&str> = stdout
            .lines()
            .filter_map(|l| l.trim_start().strip_prefix("× "))
            .filter_map(|l| l.split(':').next())
            .collect();
        for file in &files {
            let line: Vec<&&str> = summary
                .iter()
                .filter(|l| l.trim_start().starts_with(&format!("{file}: ")))
                .collect();
            assert_eq!(line.len(), 1, "{file}: {summary:#?}");
            assert!(line[0].contains(&unfinished), "{}", line[0]);
        }
        assert!(files.len() > 1, "{stdout}");
        let errors = Message::new(MessageId::CheckErrors).count("n", 2u64);
        let report = "content/2021/01-styrka.sv.md";
        assert!(
            summary
                .iter()
                .any(|l| l.contains(report) && l.contains(&errors.render(lang))),
            "{summary:#?}"
        );
    }
}

#[test]
fn check_does_not_panic_when_its_output_cannot_be_written() {
    let site = misspelt_key();
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("summering"))
        .args(["check", "--lang", "en", "--root"])
        .arg(site.path())
        .env("NO_COLOR", "1")
        .stdout(full)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(out.status.code(), Some(1), "{stderr}");
}

/// `/dev/full` as a standard output: every write fails, as on a full disk.
fn full_output() -> std::fs::File {
    std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap()
}

/// Runs `summering ARGS` with standard output on `/dev/full`: (exit code, stderr).
fn run_into_full(args: &[&std::ffi::OsStr]) -> (Option<i32>, String) {
    let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("summering"))
        .args(args)
        .env("NO_COLOR", "1")
        .stdout(full_output())
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn import_and_archive_do_not_panic_when_their_output_cannot_be_written() {
    let site = tempfile::tempdir().unwrap();
    let content = site.path().join("content");
    std::fs::create_dir_all(&content).unwrap();
    std::fs::copy(
        crate::common::manifest_dir().join("content/site.toml"),
        content.join("site.toml"),
    )
    .unwrap();
    let deck = crate::common::manifest_dir().join("tests/fixtures/seed-2021.txt");
    let (code, stderr) = run_into_full(&[
        "import".as_ref(),
        deck.as_os_str(),
        "--year".as_ref(),
        "2021".as_ref(),
        "--lang".as_ref(),
        "sv".as_ref(),
        "--root".as_ref(),
        site.path().as_os_str(),
    ]);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(code, Some(0), "{stderr}");

    let sample = crate::common::sample_site();
    let zip = sample.path().join("package.zip");
    let (code, stderr) = run_into_full(&[
        "archive".as_ref(),
        "2021".as_ref(),
        "--root".as_ref(),
        sample.path().as_os_str(),
        "--out".as_ref(),
        zip.as_os_str(),
    ]);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(code, Some(0), "{stderr}");
    let (code, stderr) = run_into_full(&["archive".as_ref(), "--verify".as_ref(), zip.as_os_str()]);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(code, Some(0), "{stderr}");
}

/// `summering serve | head -1`: the reader goes away after the first line,
/// and the next rebuild's line meets a closed pipe. The preview goes on
/// rebuilding (the line is dropped, not a panic of the rebuilding thread).
#[test]
fn serve_goes_on_when_its_output_is_closed() {
    use std::io::{BufRead, BufReader, Read, Write};
    use std::process::Stdio;
    use std::time::{Duration, Instant};

    let site = crate::common::sample_site();
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("summering"))
        .args(["serve", "--lang", "en", "--port", "0", "--root"])
        .arg(site.path())
        .env("NO_COLOR", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // The first lines, up to the address (the first build's line comes first).
    let mut first = String::new();
    let mut lines = BufReader::new(child.stdout.take().unwrap());
    while !first.contains("http://") {
        first.clear();
        assert_ne!(lines.read_line(&mut first).unwrap(), 0, "no address");
    }
    // `head` has what it wanted and exits: the pipe's reading end closes here.
    drop(lines);
    let addr = first
        .split("http://")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .unwrap_or_else(|| panic!("no address in {first:?}"))
        .to_string();
    let generation = || -> Option<u64> {
        let mut stream = std::net::TcpStream::connect(&addr).ok()?;
        stream
            .set_read_timeout(Some(Duration::from_secs(10)))
            .ok()?;
        let request =
            format!("GET /__summering/state HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n");
        stream.write_all(request.as_bytes()).ok()?;
        let mut answer = String::new();
        stream.read_to_string(&mut answer).ok()?;
        let body = answer.split_once("\r\n\r\n")?.1;
        serde_json::from_str::<serde_json::Value>(body).ok()?["generation"].as_u64()
    };
    let report = site
        .path()
        .join("content/2021/01-valfungerande-struktur.sv.md");
    let mut seen = generation().expect("the preview answers");
    // Two saves: the first rebuild writes its line into the closed pipe; the
    // second shows the rebuilding went on after that.
    for n in 0..2 {
        let text = std::fs::read_to_string(&report).unwrap();
        std::fs::write(&report, format!("{text}\nÄndring {n}.\n")).unwrap();
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            let now = generation();
            if now.is_some_and(|g| g > seen) {
                seen = now.unwrap();
                break;
            }
            assert!(Instant::now() < deadline, "no rebuild after change {n}");
            std::thread::sleep(Duration::from_millis(100));
        }
    }
    let _ = child.kill();
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    let _ = child.wait();
    assert!(!stderr.contains("panicked"), "{stderr}");
}

/// `--help` follows the language too: Swedish with `--lang sv` (before or
/// after the command) or a Swedish locale, English without either.
#[test]
fn help_is_in_the_editors_language() {
    let help = |env: &[(&str, &str)], args: &[&str]| {
        let (code, stdout, _) = run_line(env, args);
        assert_eq!(code, Some(0), "{args:?}");
        stdout
    };
    let sv = help(&[], &["--lang", "sv", "--help"]);
    assert!(
        sv.contains(&text(MessageId::CliBuildAbout, Lang::Sv)),
        "{sv}"
    );
    assert!(
        sv.contains(&format!("{}:", text(MessageId::CliCommands, Lang::Sv))),
        "{sv}"
    );
    assert!(
        !sv.contains(&text(MessageId::CliBuildAbout, Lang::En)),
        "{sv}"
    );
    let build = help(&[("LANG", "sv_SE.UTF-8")], &["build", "--help"]);
    assert!(
        build.contains(&text(MessageId::CliBuildLong, Lang::Sv)),
        "{build}"
    );
    assert!(
        build.contains(&text(MessageId::CliRoot, Lang::Sv)),
        "{build}"
    );
    let check = help(&[], &["check", "--help", "--lang", "sv"]);
    assert!(
        check.contains(&text(MessageId::CliCheckFormat, Lang::Sv)),
        "{check}"
    );
    let en = help(&[("LANG", "C")], &["build", "--help"]);
    assert!(
        en.contains(&text(MessageId::CliBuildLong, Lang::En)),
        "{en}"
    );
    assert!(en.contains("Options:"), "{en}");
    assert!(en.contains("Usage: summering build [OPTIONS]"), "{en}");
}

/// The usage line of `args`' help in `lang`: "Användning: summering new [FLAGGOR] <ÅR>".
fn usage_line(lang: Lang, args: &[&str]) -> String {
    let (code, stdout, _) = run_line(&[("LANG", "C")], args);
    assert_eq!(code, Some(0), "{args:?}");
    let usage = format!("{}: ", text(MessageId::CliUsage, lang));
    let line = stdout.lines().find(|l| l.starts_with(&usage));
    line.unwrap_or_else(|| panic!("no {usage} in {stdout}"))
        .to_string()
}

#[test]
fn the_usage_line_is_in_the_editors_language() {
    let t = |id| text(id, Lang::Sv);
    let (options, command) = (t(MessageId::CliUsageOptions), t(MessageId::CliUsageCommand));
    let root = usage_line(Lang::Sv, &["--lang", "sv", "--help"]);
    assert!(
        root.ends_with(&format!("summering [{options}] <{command}>")),
        "{root}"
    );
    let new = usage_line(Lang::Sv, &["new", "--help", "--lang", "sv"]);
    let year = t(MessageId::CliValueYear);
    assert!(
        new.ends_with(&format!("summering new [{options}] <{year}>")),
        "{new}"
    );
    // The options list names the same values.
    let (_, help, _) = run_line(&[], &["build", "--lang", "sv", "--help"]);
    assert!(
        help.contains(&format!("--root <{}>", t(MessageId::CliValueRoot))),
        "{help}"
    );
    // A refused command line shows the same line.
    let (code, _, stderr) = run_line(&[], &["--lang", "sv", "new"]);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(stderr.contains(&new), "{new} in {stderr}");
    for english in ["[OPTIONS]", "<COMMAND>", "<YEAR>", "Usage:"] {
        assert!(!stderr.contains(english), "{english} in {stderr}");
        assert!(
            !root.contains(english) && !new.contains(english),
            "{english}"
        );
    }
    let en = usage_line(Lang::En, &["new", "--help"]);
    assert_eq!(en, "Usage: summering new [OPTIONS] <YEAR>");
}

/// A command line clap refuses is refused in the editor's language, naming
/// what was written; English keeps clap's own words.
#[test]
fn a_wrong_command_line_is_refused_in_swedish() {
    let refused = |env: &[(&str, &str)], args: &[&str]| {
        let (code, _, stderr) = run_line(env, args);
        assert_eq!(code, Some(2), "{args:?}");
        stderr
    };
    let sv = refused(&[], &["--lang", "sv", "bygg"]);
    let unknown = Message::new(MessageId::UsageUnknownCommand).arg("command", "bygg");
    assert!(
        sv.starts_with(&format!(
            "{}: {}",
            text(MessageId::FrameError, Lang::Sv),
            unknown.render(Lang::Sv)
        )),
        "{sv}"
    );
    assert!(
        sv.contains(&text(MessageId::UsageMoreHelp, Lang::Sv)),
        "{sv}"
    );
    let sv = refused(&[("LANG", "sv_SE.UTF-8")], &["check", "--lang", "de"]);
    let choices = Message::new(MessageId::SiteUseOneOf).arg("list", "sv, en");
    assert!(sv.contains(&choices.render(Lang::Sv)), "{sv}");
    let en = refused(&[("LANG", "C")], &["bygg"]);
    assert!(
        en.starts_with("error: unrecognized subcommand 'bygg'"),
        "{en}"
    );
}
