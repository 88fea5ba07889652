//! Word and Outlook habits: the help names the real cause and shows the fix.

use std::fs;
use std::path::Path;

use summering::{BuildError, ErrorKind, SiteError};

use crate::common::{broken_build, check_json, copy_fixture, summering};

fn only(err: &BuildError) -> &SiteError {
    assert_eq!(err.errors.len(), 1, "{:#?}", err.errors);
    &err.errors[0]
}

fn edit(root: &Path, file: &str, from: &str, to: &str) {
    let path = root.join(file);
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{file} holds {from}");
    fs::write(path, text.replacen(from, to, 1)).unwrap();
}

const REPORT: &str = "content/2020/report.toml";

#[test]
fn typographic_quotes_are_named_with_the_straightened_line() {
    for (open, close) in [('”', '”'), ('“', '”'), ('‘', '’')] {
        let err = broken_build("minimal", |root| {
            edit(
                root,
                REPORT,
                "closing = { sv = \"Testtext: avslutning\"",
                &format!("closing = {open}Testtext{close}\n#"),
            )
        });
        let e = only(&err);
        assert_eq!(e.kind(), ErrorKind::TomlSyntax, "{e}");
        assert_eq!(e.line_col(), Some((4, 11)), "{e}");
        let help = e.help_text().unwrap();
        assert!(help.contains(open), "{help}");
        assert!(help.ends_with("closing = \"Testtext\""), "{help}");
    }
}

#[test]
fn a_date_in_quotes_or_in_words_gets_the_toml_date() {
    for written in ["\"2020-12-31\"", "31 december 2020", "31/12/2020"] {
        let err = broken_build("minimal", |root| {
            edit(
                root,
                REPORT,
                "published = 2020-12-31",
                &format!("published = {written}"),
            )
        });
        let e = only(&err);
        assert_eq!(e.line_col().map(|(line, _)| line), Some(3), "{e}");
        let help = e.help_text().unwrap();
        assert!(
            help.ends_with("published = 2020-12-31"),
            "{written}: {help}"
        );
    }
}

#[test]
fn a_section_kind_in_swedish_is_corrected_by_name() {
    let err = broken_build("minimal", |root| {
        edit(
            root,
            "content/2020/01-styrka.sv.md",
            "kind = \"strength\"",
            "kind = \"Styrka\"",
        )
    });
    let e = only(&err);
    assert_eq!(e.kind(), ErrorKind::UnknownSectionKind, "{e}");
    assert_eq!(e.line_col(), Some((2, 8)), "{e}");
    assert!(
        e.help_text().unwrap().contains("kind = \"strength\""),
        "{e:?}"
    );
}

#[test]
fn a_file_name_with_capitals_spaces_or_swedish_letters_gets_a_suggestion() {
    let err = broken_build("minimal", |root| {
        let year = root.join("content/2020");
        fs::rename(
            year.join("01-styrka.sv.md"),
            year.join("01 Styrka åäö.sv.md"),
        )
        .unwrap();
        fs::rename(
            year.join("01-styrka.en.md"),
            year.join("01-styrka-aao.en.md"),
        )
        .unwrap();
    });
    let e = err
        .errors
        .iter()
        .find(|e| e.kind() == ErrorKind::BadFileName)
        .expect("a file name error");
    assert_eq!(e.file(), Some("content/2020/01 Styrka åäö.sv.md"));
    assert!(
        e.help_text().unwrap().contains("01-styrka-aao.sv.md"),
        "{e:?}"
    );
}

/// The heading's `file:line:col` and the snippet frame's agree on a line with å, ä, ö.
#[test]
fn positions_agree_on_lines_with_swedish_letters() {
    let site = copy_fixture("minimal");
    edit(
        site.path(),
        REPORT,
        "closing = { sv = \"Testtext: avslutning\"",
        "closing = { sv = \"Åäö åäö åäö\", sv = \"dubbel\"",
    );
    let out = summering()
        .args(["build", "--root"])
        .arg(site.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let heading = stderr
        .split(&format!("{REPORT}:"))
        .nth(1)
        .and_then(|rest| rest.split(':').take(2).collect::<Vec<_>>().into())
        .map(|parts: Vec<&str>| parts.join(":"))
        .expect("a heading with file:line:col");
    let frame = format!("[{REPORT}:{heading}]");
    assert!(heading.starts_with("4:"), "{stderr}");
    assert!(stderr.contains(&frame), "frame {frame} not in:\n{stderr}");
}

const CHARTS: &str = "content/2021/charts.toml";
const SHARES: &str = "values = [45.25, 30, 24.75]";

/// `check` through the binary on the charts fixture with `SHARES` replaced by
/// `values`: the findings' kinds, places and help lines.
fn checked_charts(values: &str) -> Vec<(String, u64, u64, String)> {
    let site = copy_fixture("charts");
    edit(site.path(), CHARTS, SHARES, values);
    let (code, json) = check_json(site.path());
    assert_eq!(code, 1, "{json}");
    json["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            assert_eq!(e["file"], CHARTS, "{e}");
            (
                e["kind"].as_str().unwrap().to_string(),
                e["line"].as_u64().unwrap(),
                e["column"].as_u64().unwrap(),
                e["help"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// The line of `SHARES` in the charts fixture.
fn shares_line() -> u64 {
    let text = fs::read_to_string(crate::common::fixture("charts").join(CHARTS)).unwrap();
    let at = text.find(SHARES).unwrap();
    text[..at].matches('\n').count() as u64 + 1
}

/// `[45,25, 30, 24,75]` is valid TOML — five numbers for three categories —
/// so the chart names the comma at the number instead of the count.
#[test]
fn a_decimal_comma_in_a_chart_list_is_named_at_the_number() {
    let line = shares_line();
    let found = checked_charts("values = [45,25, 30, 24,75]");
    assert_eq!(found.len(), 1, "{found:#?}");
    let (kind, at_line, column, help) = &found[0];
    assert_eq!(
        (kind.as_str(), *at_line, *column),
        ("decimal-comma", line, 11)
    );
    assert!(help.ends_with("values = [45.25, 30, 24.75]"), "{help}");
}

/// Written apart (`45, 25`), the numbers are meant as numbers: the count is wrong.
#[test]
fn too_many_values_written_apart_keep_the_count_error() {
    let found = checked_charts("values = [45, 25, 30, 24]");
    let kinds: Vec<(&str, u64, u64)> = found
        .iter()
        .map(|(k, l, c, _)| (k.as_str(), *l, *c))
        .collect();
    assert_eq!(kinds, [("series-length", shares_line(), 10)]);
}

/// Where the decimal comma stops the TOML parser itself (a single value, or a
/// decimal part with a leading zero), the same help, at the number.
#[test]
fn a_decimal_comma_the_toml_parser_stops_at_is_named_at_the_number() {
    let line = shares_line();
    for (values, fixed) in [
        ("values = 45,5", "values = 45.5"),
        ("values = [45,05, 30, 24]", "45.05"),
    ] {
        let found = checked_charts(values);
        assert_eq!(found.len(), 1, "{values}: {found:#?}");
        let (kind, at_line, column, help) = &found[0];
        let column_of_number = values.find("45").unwrap() as u64 + 1;
        assert_eq!(
            (kind.as_str(), *at_line, *column),
            ("decimal-comma", line, column_of_number),
            "{values}"
        );
        assert!(help.contains("45,") && help.ends_with(fixed), "{help}");
    }
}

/// `build` through the binary names the file, line and column of the number.
#[test]
fn build_names_the_place_of_the_decimal_comma() {
    let site = copy_fixture("charts");
    edit(site.path(), CHARTS, SHARES, "values = [45,25, 30, 24,75]");
    let out = summering()
        .args(["build", "--root"])
        .arg(site.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let place = format!("{CHARTS}:{}:11", shares_line());
    assert!(stderr.contains(&place), "{place} not in:\n{stderr}");
    assert!(stderr.contains("45.25"), "{stderr}");
    assert!(!site.path().join("output").exists());
}

/// One Word or Outlook habit (or another everyday mistake) made to the
/// minimal fixture, and what the editor should be told about it.
struct Habit {
    name: &'static str,
    edit: fn(&Path),
    kind: ErrorKind,
    file: &'static str,
    /// The 1-based line and column, when the problem has a place in the file.
    at: Option<(usize, usize)>,
    help: summering::messages::MessageId,
}

fn habits() -> Vec<Habit> {
    use summering::messages::MessageId as M;
    vec![
        Habit {
            name: "typographic quotes",
            edit: |root| {
                edit(
                    root,
                    REPORT,
                    "closing = { sv = \"Testtext: avslutning\"",
                    "closing = ”Testtext”\n#",
                )
            },
            kind: ErrorKind::TomlSyntax,
            file: REPORT,
            at: Some((4, 11)),
            help: M::TomlTypographicQuotes,
        },
        Habit {
            name: "a quoted date",
            edit: |root| {
                edit(
                    root,
                    REPORT,
                    "published = 2020-12-31",
                    "published = \"2020-12-31\"",
                )
            },
            kind: ErrorKind::InvalidValue,
            file: REPORT,
            at: Some((3, 13)),
            help: M::TomlDate,
        },
        Habit {
            name: "a decimal comma",
            edit: |root| {
                edit(
                    root,
                    REPORT,
                    "published = 2020-12-31",
                    "published = 2020-12-31\nshare = 94,5",
                )
            },
            kind: ErrorKind::DecimalComma,
            file: REPORT,
            at: Some((4, 9)),
            help: M::TomlDecimalCommaHelp,
        },
        Habit {
            name: "yes and no in words",
            edit: |root| {
                edit(
                    root,
                    REPORT,
                    "published = 2020-12-31",
                    "published = 2020-12-31\ndraft = \"ja\"",
                )
            },
            kind: ErrorKind::InvalidValue,
            file: REPORT,
            at: Some((4, 9)),
            help: M::TomlWrongValueHelp,
        },
        Habit {
            name: "a section kind in Swedish",
            edit: |root| {
                edit(
                    root,
                    "content/2020/01-styrka.sv.md",
                    "kind = \"strength\"",
                    "kind = \"styrka\"",
                )
            },
            kind: ErrorKind::UnknownSectionKind,
            file: "content/2020/01-styrka.sv.md",
            at: Some((2, 8)),
            help: M::SectionKindInEnglish,
        },
        Habit {
            name: "a misspelt key",
            edit: |root| edit(root, REPORT, "published =", "publicerad ="),
            kind: ErrorKind::UnknownField,
            file: REPORT,
            at: Some((3, 1)),
            help: M::TomlUnknownKeySpelling,
        },
        Habit {
            name: "a file name as Word saves it",
            edit: |root| {
                let year = root.join("content/2020");
                fs::rename(year.join("01-styrka.sv.md"), year.join("01 Styrka.sv.md")).unwrap();
            },
            kind: ErrorKind::BadFileName,
            file: "content/2020/01 Styrka.sv.md",
            at: None,
            help: M::LoadSectionNameRename,
        },
        Habit {
            name: "a missing report.toml",
            edit: |root| fs::remove_file(root.join(REPORT)).unwrap(),
            kind: ErrorKind::Io,
            file: REPORT,
            at: None,
            help: M::LoadReadNotFoundHelp,
        },
    ]
}

/// Through the real binary with `--lang sv`: each problem is headed by its
/// kind in Swedish at its place, and its help line is the catalogue's Swedish
/// text (the same help the library gives, not the English one).
#[test]
fn swedish_editors_get_swedish_help_for_word_habits_at_the_right_place() {
    use summering::lang::Lang;
    use summering::messages::{Message, MessageId};
    for habit in habits() {
        let err = broken_build("minimal", habit.edit);
        let e = err
            .errors
            .iter()
            .find(|e| e.kind() == habit.kind)
            .unwrap_or_else(|| panic!("{}: no {:?} in {:#?}", habit.name, habit.kind, err.errors));
        assert_eq!(e.file(), Some(habit.file), "{}", habit.name);
        assert_eq!(e.line_col(), habit.at, "{}: {e}", habit.name);
        let help = e
            .catalogued_help()
            .unwrap_or_else(|| panic!("{}: {e:?}", habit.name));
        assert_eq!(help.id(), habit.help, "{}", habit.name);
        let (sv, en) = (help.render(Lang::Sv), help.render(Lang::En));
        assert_ne!(
            sv, en,
            "{}: the Swedish help is the English one",
            habit.name
        );
        let message = e.catalogued().expect("a catalogued message");
        assert_ne!(
            message.render(Lang::Sv),
            message.render(Lang::En),
            "{}",
            habit.name
        );

        let site = copy_fixture("minimal");
        (habit.edit)(site.path());
        let out = summering()
            .args(["build", "--lang", "sv", "--root"])
            .arg(site.path())
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{}", habit.name);
        let stderr = String::from_utf8_lossy(&out.stderr);
        let title = Message::new(habit.kind.title()).render(Lang::Sv);
        let word = Message::new(MessageId::FrameError).render(Lang::Sv);
        assert!(
            stderr.contains(&format!("{word}[")),
            "{}:\n{stderr}",
            habit.name
        );
        assert!(
            stderr.contains(&title),
            "{}: {title} not in:\n{stderr}",
            habit.name
        );
        let place = match habit.at {
            Some((line, col)) => format!("{}:{line}:{col}: ", habit.file),
            None => format!("{}: ", habit.file),
        };
        // miette wraps a long message; its start follows the place.
        let start: String = e.message_in(Lang::Sv).chars().take(20).collect();
        let message = format!("{place}{start}");
        assert!(
            stderr.contains(&message),
            "{}: {message} not in:\n{stderr}",
            habit.name
        );
        let help_word = Message::new(MessageId::FrameHelp).render(Lang::Sv);
        let line = format!("{help_word}: {sv}");
        assert!(
            stderr.contains(&line),
            "{}: {line} not in:\n{stderr}",
            habit.name
        );
        assert!(
            !stderr.contains(&en),
            "{}: English help in:\n{stderr}",
            habit.name
        );
    }
}
