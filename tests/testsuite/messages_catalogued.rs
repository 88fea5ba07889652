//! The errors of the accessibility statement, the site's colours, the theme
//! (its strings, templates and chart palette) and the slides come from the
//! catalogue: each family is refused with its kind, its place and its
//! [`MessageId`] through the library, and `build --lang sv` prints the same
//! error in Swedish at the same place — the words read from the catalogue
//! through the error itself, never copied here.

use std::fs;
use std::path::Path;

use summering::ErrorKind;
use summering::lang::Lang;
use summering::messages::MessageId;

use crate::common::{build, copy_fixture, summering, write};

/// Where `build` refuses `site`: the first problem of `kind` is in `file` at
/// `place` (`None`: the whole file), says `id` and has a catalogued help
/// line; and the binary says it in Swedish, not in English, at that place.
fn refused(site: &Path, kind: ErrorKind, file: &str, place: Option<(usize, usize)>, id: MessageId) {
    let err = build(site).expect_err("the edited site must not build");
    let e = err
        .errors
        .iter()
        .find(|e| e.kind() == kind)
        .unwrap_or_else(|| panic!("no {kind:?} in {:#?}", err.errors));
    assert_eq!(e.file(), Some(file), "{e}");
    assert_eq!(e.line_col(), place, "{e}");
    assert_eq!(e.catalogued().map(|m| m.id()), Some(id), "{e}");
    assert!(e.catalogued_help().is_some(), "{e} has no catalogued help");

    let out = summering()
        .args(["build", "--lang", "sv", "--root"])
        .arg(site)
        .arg("--output")
        .arg(site.join("ut"))
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    let at = match place {
        Some((line, col)) => format!("{file}:{line}:{col}"),
        None => file.to_string(),
    };
    assert!(stderr.contains(&at), "{at} in {stderr}");
    let (sv, en) = (e.message_in(Lang::Sv), e.message_in(Lang::En));
    assert_ne!(sv, en, "{id:?} has the same text in both languages");
    assert!(stderr.contains(sv.as_ref()), "{sv} in {stderr}");
    assert!(!stderr.contains(en.as_ref()), "English {en} in {stderr}");
    let help = e.help_in(Lang::Sv).unwrap();
    assert!(stderr.contains(help.as_ref()), "{help} in {stderr}");
}

/// The `statement` fixture with `from` replaced by `to` in its statement.
fn statement(from: &str, to: &str) -> tempfile::TempDir {
    let site = copy_fixture("statement");
    let path = site.path().join("content/accessibility.toml");
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{from}");
    fs::write(path, text.replacen(from, to, 1)).unwrap();
    site
}

/// The `minimal` fixture with `text` appended to its `site.toml`.
fn with_site_toml(text: &str) -> tempfile::TempDir {
    let site = copy_fixture("minimal");
    let path = site.path().join("content/site.toml");
    let before = fs::read_to_string(&path).unwrap();
    fs::write(path, format!("{before}\n{text}\n")).unwrap();
    site
}

/// A copy of the default theme's file `rel` into `site`'s own default
/// theme, with `from` replaced by `to`; returns the line `to` is on.
fn theme_file(site: &Path, rel: &str, from: &str, to: &str) -> usize {
    let default = crate::common::repo_root().join("themes/default").join(rel);
    let text = fs::read_to_string(default).unwrap();
    assert!(text.contains(from), "{from}");
    let text = text.replacen(from, to, 1);
    write(site, &format!("themes/default/{rel}"), &text);
    text.lines().position(|l| l.contains(to)).unwrap() + 1
}

#[test]
fn the_statements_errors_are_catalogued() {
    const FILE: &str = "content/accessibility.toml";
    let site = statement("tillganglighet@test.example", "mailto:a@test.example");
    refused(
        site.path(),
        ErrorKind::InvalidValue,
        FILE,
        Some((10, 9)),
        MessageId::StatementNotAnEmail,
    );
    let site = statement("method = \"self-assessment\"\n", "");
    refused(
        site.path(),
        ErrorKind::MissingField,
        FILE,
        Some((8, 1)),
        MessageId::StatementMissing,
    );
    let site = statement("status = \"partially\"", "status = \"fully\"");
    refused(
        site.path(),
        ErrorKind::InvalidValue,
        FILE,
        Some((4, 10)),
        MessageId::StatementFullyWithExceptions,
    );
}

#[test]
fn the_sites_colours_are_refused_in_the_catalogues_words() {
    const FILE: &str = "content/site.toml";
    let site = with_site_toml("[brand]\naccent = \"blå\"");
    refused(
        site.path(),
        ErrorKind::InvalidValue,
        FILE,
        Some((18, 10)),
        MessageId::ColourNotAColour,
    );
    let site = with_site_toml("[brand]\naccent = \"#7fb2e5\"");
    refused(
        site.path(),
        ErrorKind::InvalidValue,
        FILE,
        Some((18, 10)),
        MessageId::ColourContrast,
    );
}

#[test]
fn the_themes_errors_are_catalogued() {
    let site = copy_fixture("minimal");
    let line = theme_file(
        site.path(),
        "strings/sv.toml",
        "language_name =",
        "languag_name =",
    );
    refused(
        site.path(),
        ErrorKind::Theme,
        "themes/default/strings/sv.toml",
        Some((line, 1)),
        MessageId::ThemeToml,
    );

    let site = copy_fixture("minimal");
    let line = theme_file(site.path(), "charts.toml", "\"#1c2430\"", "\"#dddddd\"");
    refused(
        site.path(),
        ErrorKind::Theme,
        "themes/default/charts.toml",
        Some((line, 8)),
        MessageId::ColourContrast,
    );

    // The status sentence is shown only on a site with a statement.
    let site = copy_fixture("statement");
    theme_file(
        site.path(),
        "strings/sv.toml",
        "är {status} med",
        "är förenlig med",
    );
    refused(
        site.path(),
        ErrorKind::Theme,
        "themes/default/strings/sv.toml",
        None,
        MessageId::ThemeNoStatusMarker,
    );

    let site = copy_fixture("minimal");
    let path = site.path().join("content/site.toml");
    let text = fs::read_to_string(&path).unwrap();
    fs::write(
        &path,
        text.replace("theme = \"default\"", "theme = \"egen\""),
    )
    .unwrap();
    refused(
        site.path(),
        ErrorKind::Theme,
        "content/site.toml",
        None,
        MessageId::ThemeMissing,
    );
}

#[test]
fn a_broken_template_is_refused_in_the_catalogues_words() {
    let site = copy_fixture("minimal");
    write(
        site.path(),
        "themes/default/templates/partials/footer.html",
        "<footer>\n{% if %}\n</footer>\n",
    );
    let err = build(site.path()).expect_err("a broken template");
    let col = err.errors[0].line_col().map(|(_, c)| c);
    refused(
        site.path(),
        ErrorKind::Template,
        "themes/default/templates/partials/footer.html",
        col.map(|c| (2, c)),
        MessageId::ThemeTemplate,
    );
}

#[test]
fn a_block_too_long_for_a_slide_is_refused_in_the_catalogues_words() {
    let site = copy_fixture("minimal");
    let code = format!("\nIntro.\n\n```\n{}```\n", "kodrad\n".repeat(60));
    write(
        site.path(),
        "content/2020/01-styrka.sv.md",
        &format!("+++\nkind = \"strength\"\ntitle = \"Testtext\"\n+++\n{code}"),
    );
    refused(
        site.path(),
        ErrorKind::SlideTooFull,
        "content/2020/01-styrka.sv.md",
        Some((8, 1)),
        MessageId::SlideBlockTooLong,
    );
}
