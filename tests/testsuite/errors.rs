//! Bad input: every problem names its file and place, all are collected, output is untouched.

use std::fs;
use std::path::Path;

use summering::{BuildError, BuildOptions, ErrorKind};

use crate::common::{only, write};

/// A broken copy of the minimal fixture; the output folder is checked to be unchanged.
fn broken(edit: impl FnOnce(&Path)) -> BuildError {
    crate::common::broken_build("minimal", edit)
}

fn assert_at(err: &BuildError, kind: ErrorKind, file: &str, line: usize, col: usize) {
    let e = only(err);
    assert_eq!(e.kind(), kind, "{e}");
    assert_eq!(e.file(), Some(file), "{e}");
    assert_eq!(e.line_col(), Some((line, col)), "{e}");
    assert!(
        e.help_text().is_some_and(|h| !h.is_empty()),
        "{e}: every error says how to fix it"
    );
}

#[test]
fn toml_syntax_error_in_site_toml() {
    let err = broken(|root| {
        let path = root.join("content/site.toml");
        let text = fs::read_to_string(&path)
            .unwrap()
            .replace("theme = \"default\"", "theme = default");
        fs::write(path, text).unwrap();
    });
    assert_at(&err, ErrorKind::TomlSyntax, "content/site.toml", 3, 9);
}

#[test]
fn unknown_key_in_report_toml() {
    let err = broken(|root| {
        let path = root.join("content/2020/report.toml");
        let text = fs::read_to_string(&path).unwrap();
        fs::write(path, format!("{text}titel = \"x\"\n")).unwrap();
    });
    assert_at(
        &err,
        ErrorKind::UnknownField,
        "content/2020/report.toml",
        5,
        1,
    );
    assert!(
        only(&err).help_text().unwrap().contains("title"),
        "help lists the allowed keys"
    );
}

#[test]
fn missing_required_key() {
    let err = broken(|root| {
        let path = root.join("content/2020/report.toml");
        let text = fs::read_to_string(&path).unwrap();
        let without: String = text
            .lines()
            .filter(|l| !l.starts_with("published"))
            .map(|l| format!("{l}\n"))
            .collect();
        fs::write(path, without).unwrap();
    });
    let e = only(&err);
    assert_eq!(e.kind(), ErrorKind::MissingField);
    assert_eq!(e.file(), Some("content/2020/report.toml"));
    assert!(e.line_col().is_some());
}

#[test]
fn unknown_section_kind_points_at_the_value() {
    let err = broken(|root| {
        write(
            root,
            "content/2020/01-styrka.sv.md",
            "+++\nkind = \"styrka\"\ntitle = \"T\"\n+++\n- a\n",
        );
    });
    // Both language files are reported? Only the Swedish one is wrong; the English one still says "strength".
    assert_at(
        &err,
        ErrorKind::UnknownSectionKind,
        "content/2020/01-styrka.sv.md",
        2,
        8,
    );
}

#[test]
fn section_in_a_language_the_site_does_not_have() {
    let err = broken(|root| {
        write(
            root,
            "content/2020/01-styrka.de.md",
            "+++\nkind = \"strength\"\ntitle = \"T\"\n+++\n- a\n",
        );
    });
    let e = only(&err);
    assert_eq!(e.kind(), ErrorKind::UnknownLanguage);
    assert_eq!(e.file(), Some("content/2020/01-styrka.de.md"));
}

#[test]
fn text_in_a_language_the_site_does_not_have() {
    let err = broken(|root| {
        let path = root.join("content/2020/report.toml");
        let text = fs::read_to_string(&path)
            .unwrap()
            .replace("en = \"Test summary 2020\"", "de = \"Testbericht\"");
        fs::write(path, text).unwrap();
    });
    assert_at(
        &err,
        ErrorKind::UnknownLanguage,
        "content/2020/report.toml",
        1,
        38,
    );
}

#[test]
fn missing_front_matter_and_unclosed_front_matter() {
    let err = broken(|root| {
        write(root, "content/2020/01-styrka.sv.md", "- bara en lista\n");
        write(
            root,
            "content/2020/02-framat.sv.md",
            "+++\nkind = \"way-forward\"\ntitle = \"T\"\n\n- a\n",
        );
    });
    assert_eq!(
        err.errors.len(),
        2,
        "both files reported: {:?}",
        err.errors.iter().map(|e| e.to_string()).collect::<Vec<_>>()
    );
    assert!(
        err.errors
            .iter()
            .all(|e| e.kind() == ErrorKind::MissingFrontMatter)
    );
    assert_eq!(err.errors[1].line_col(), Some((1, 1)));
}

#[test]
fn all_problems_of_all_files_are_reported_together() {
    let err = broken(|root| {
        write(
            root,
            "content/2020/01-styrka.sv.md",
            "+++\nkind = \"styrka\"\ntitle = \"T\"\n+++\n",
        );
        write(
            root,
            "content/2020/report.toml",
            "title = { sv = \"x\" }\npublished = 2020-12-31T10:00:00\n",
        );
        write(
            root,
            "content/site.toml",
            "languages = [\"sv\", \"xx\"]\n[name]\nsv = \"a\"\n[organisation]\nsv = \"b\"\n",
        );
    });
    let kinds: Vec<ErrorKind> = err.errors.iter().map(|e| e.kind()).collect();
    assert!(kinds.contains(&ErrorKind::UnknownLanguage), "{kinds:?}");
    // With the language list broken, the rest cannot be checked against it; fix that and see the others.
    let err = broken(|root| {
        write(
            root,
            "content/2020/01-styrka.sv.md",
            "+++\nkind = \"styrka\"\ntitle = \"T\"\n+++\n",
        );
        write(
            root,
            "content/2020/report.toml",
            "title = { sv = \"x\" }\npublished = 2020-12-31T10:00:00\n",
        );
        write(
            root,
            "content/2020/02-framat.sv.md",
            "+++\nkind = \"way-forward\"\ntitel = \"T\"\n+++\n",
        );
    });
    let kinds: Vec<ErrorKind> = err.errors.iter().map(|e| e.kind()).collect();
    assert!(kinds.contains(&ErrorKind::UnknownSectionKind), "{kinds:?}");
    assert!(
        kinds.contains(&ErrorKind::InvalidValue),
        "a date with a time: {kinds:?}"
    );
    assert!(
        kinds.contains(&ErrorKind::UnknownField),
        "a parse error in one file does not hide the others: {kinds:?}"
    );
}

#[test]
fn translation_with_another_kind() {
    let err = broken(|root| {
        write(
            root,
            "content/2020/01-styrka.en.md",
            "+++\nkind = \"way-forward\"\ntitle = \"T\"\n+++\n- a\n",
        );
    });
    assert_at(
        &err,
        ErrorKind::TranslationMismatch,
        "content/2020/01-styrka.en.md",
        2,
        8,
    );
}

#[test]
fn section_without_the_default_language() {
    let err = broken(|root| {
        fs::remove_file(root.join("content/2020/01-styrka.sv.md")).unwrap();
    });
    let e = only(&err);
    assert_eq!(e.kind(), ErrorKind::MissingDefaultLanguage);
    assert_eq!(e.file(), Some("content/2020/01-styrka.en.md"));
}

#[test]
fn wrong_type_of_value_names_no_rust_types() {
    let err = broken(|root| {
        write(
            root,
            "content/2020/report.toml",
            "title = \"bara svenska\"\npublished = 2020-12-31\n",
        );
    });
    let e = only(&err);
    assert_eq!(e.kind(), ErrorKind::InvalidValue);
    assert_eq!(e.line_col(), Some((1, 9)));
    for rust in ["struct", "RawLocalized", "BTreeMap", "Spanned"] {
        assert!(!e.message().contains(rust), "{}", e.message());
    }
}

#[test]
fn broken_template_in_a_site_theme() {
    let err = broken(|root| {
        write(
            root,
            "themes/default/templates/partials/footer.html",
            "<footer>\n{% if %}\n</footer>\n",
        );
    });
    let e = only(&err);
    assert_eq!(e.kind(), ErrorKind::Template);
    assert_eq!(
        e.file(),
        Some("themes/default/templates/partials/footer.html")
    );
    assert_eq!(e.line_col().map(|(l, _)| l), Some(2));
}

#[test]
fn no_content_folder() {
    let dir = tempfile::tempdir().unwrap();
    let err = summering::build_in_memory(&BuildOptions::new(dir.path())).unwrap_err();
    assert!(
        err.errors
            .iter()
            .any(|e| e.kind() == ErrorKind::Io && e.file() == Some("content/site.toml"))
    );
}
