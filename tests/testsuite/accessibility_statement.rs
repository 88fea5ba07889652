//! The accessibility statement (tillgänglighetsredogörelse): `content/accessibility.toml`
//! → `sv/tillganglighet/` and `en/accessibility/`, linked from every page.

use std::fs;

use summering::{ErrorKind, WarningKind};

use crate::common::{
    broken_build, build_ok, copy_fixture, fixture, links, page, resolve, sample, summering,
    visible_text,
};

const SV: &str = "sv/tillganglighet/index.html";
const EN: &str = "en/accessibility/index.html";
const FILE: &str = "content/accessibility.toml";

#[test]
fn both_languages_get_a_statement_with_every_part_in_digg_words() {
    let site = build_ok(&fixture("statement"));
    let sv = page(&site, SV);
    let en = page(&site, EN);
    let (sv_text, en_text) = (visible_text(&sv), visible_text(&en));
    for (text, words) in [
        (&sv_text, "Den här webbplatsen är delvis förenlig med lagen"),
        (&en_text, "This website is partially compliant with the Act"),
    ] {
        assert!(text.contains(words), "{text}");
    }
    for part in [
        "Testmyndigheten",
        "Testsajtens summeringar",
        "Testtext: PDF-filerna",
        "Testtext: inte validerade",
        "Testtext: gamla filmer",
        "Testtext: textning kostar för mycket",
        "Testtext: kartor omfattas inte (9 §)",
        "Vi har gjort en självskattning",
        "30 november 2026",
        "1 december 2026",
    ] {
        assert!(sv_text.contains(part), "{part} missing: {sv_text}");
    }
    for html in [&sv, &en] {
        assert!(
            html.contains("href=https://www.digg.se/tdosanmalan"),
            "{html}"
        );
        assert!(html.contains("href=mailto:tillganglighet@test.example"));
        assert!(html.contains("href=https://test.example/synpunkter"));
        assert!(html.contains("datetime=2026-11-30"));
        assert!(html.contains("datetime=2026-12-01"));
    }
    assert!(en_text.contains("The Test Agency"));
    assert!(en_text.contains("We have assessed this website ourselves"));
    // The out-of-scope entry has no English: the English page shows the Swedish, marked.
    assert!(
        en.contains("<strong lang=sv>Testtext: kartor</strong>"),
        "{en}"
    );
    assert!(site.warnings.iter().any(|w| {
        w.kind == WarningKind::MissingTranslation
            && w.file == FILE
            && w.message.to_string().contains("out_of_scope")
    }));
}

#[test]
fn every_page_links_to_the_statement_in_its_language() {
    let site = build_ok(&fixture("statement"));
    let html: Vec<_> = site.files.iter().filter(|f| f.is_html()).collect();
    assert_eq!(
        html.len(),
        13,
        "landing, 2 archives, 2 reports, 2 decks, 2 handouts, 2 presenter views, 2 statements"
    );
    for f in html {
        let text = page(&site, &f.path);
        let expected = if f.path.starts_with("en/") { EN } else { SV };
        let targets: Vec<String> = links(&text)
            .iter()
            .map(|l| resolve(&f.path, l))
            .filter(|t| {
                t.ends_with("tillganglighet/index.html") || t.ends_with("accessibility/index.html")
            })
            .collect();
        assert!(
            targets.iter().any(|t| t == expected),
            "{} has no link to {expected}: {targets:?}",
            f.path
        );
        for t in &targets {
            assert!(
                site.files.iter().any(|g| &g.path == t),
                "{} links to missing {t}",
                f.path
            );
        }
    }
    // The deck's toolbar has it too, not only pages with a footer.
    let deck = page(&site, "sv/2020/slides/index.html");
    let bar = &deck[deck.find("class=deck-bar").unwrap()..deck.find("</header>").unwrap()];
    assert!(
        bar.contains("href=../../../sv/tillganglighet/index.html"),
        "{bar}"
    );
}

#[test]
fn the_language_switcher_lands_on_the_other_statement() {
    let site = build_ok(&fixture("statement"));
    let sv = page(&site, SV);
    let en = page(&site, EN);
    assert!(
        sv.contains("href=../../en/accessibility/index.html hreflang=en"),
        "{sv}"
    );
    assert!(
        en.contains("href=../../sv/tillganglighet/index.html hreflang=sv"),
        "{en}"
    );
}

#[test]
fn what_summering_knows_is_listed_as_known_problems() {
    let site = build_ok(&fixture("statement"));
    let en = page(&site, EN);
    let known = &en[en
        .find("statement-list--known")
        .expect("a list of known problems")..];
    let known = &known[..known.find("</ul>").unwrap()];
    // 02-framat has no English file: shown in Swedish, and the title is marked as Swedish.
    assert!(
        known.contains("The 2020 summary, section <strong lang=sv>Testtext: framåt</strong>: not available in English yet"),
        "{known}"
    );
    // The chart whose source says example data is listed; the measured one is not.
    assert!(
        known.contains("<strong>Test chart: example</strong>: the chart shows example data"),
        "{known}"
    );
    assert!(!known.contains("Test chart: measured"), "{known}");
    let sv = visible_text(&page(&site, SV));
    assert!(
        sv.contains("Summeringen 2020, avsnittet Testtext: framåt: finns inte på engelska ännu"),
        "{sv}"
    );
    assert!(
        sv.contains("Summeringen 2020, diagrammet Testdiagram: exempel"),
        "{sv}"
    );
}

#[test]
fn the_sample_site_publishes_its_statement() {
    let site = sample();
    let sv = visible_text(&page(&site, SV));
    assert!(sv.contains("delvis förenlig"), "{sv}");
    assert!(
        sv.contains("Närvaro vid NOSAM-möten per organisation 2021 (exempel)"),
        "{sv}"
    );
    let en = visible_text(&page(&site, EN));
    assert!(en.contains("partially compliant"), "{en}");
    assert!(site.warnings.is_empty(), "{:?}", site.warnings);
}

#[test]
fn a_site_without_a_statement_builds_with_a_warning_and_no_link() {
    let site = build_ok(&fixture("minimal"));
    let warning = site
        .warnings
        .iter()
        .find(|w| w.kind == WarningKind::MissingAccessibilityStatement)
        .expect("a warning about the missing statement");
    assert_eq!(warning.file, FILE);
    assert!(!site.files.iter().any(|f| f.path == SV || f.path == EN));
    for f in site.files.iter().filter(|f| f.is_html()) {
        let text = page(&site, &f.path);
        assert!(
            !text.contains("tillganglighet/") && !text.contains("accessibility/"),
            "{}",
            f.path
        );
    }
}

#[test]
fn fully_compliant_while_summering_knows_problems_is_a_warning() {
    let site = copy_fixture("statement");
    let path = site.path().join(FILE);
    let text = fs::read_to_string(&path).unwrap();
    let head = &text[..text.find("[[problem]]").unwrap()];
    fs::write(&path, head.replace("\"partially\"", "\"fully\"")).unwrap();
    let built = build_ok(site.path());
    assert!(
        built
            .warnings
            .iter()
            .any(|w| w.kind == WarningKind::AccessibilityStatusContradicted && w.file == FILE),
        "{:?}",
        built.warnings
    );
    let sv = visible_text(&page(&built, SV));
    assert!(
        sv.contains("Den här webbplatsen är helt förenlig med lagen"),
        "{sv}"
    );
}

/// Builds the `statement` fixture with its statement replaced by `text` and
/// returns (kind, line, column) of each problem in the statement.
fn problems(text: &str) -> Vec<(ErrorKind, usize, usize)> {
    let err = broken_build("statement", |root| {
        fs::write(root.join(FILE), text).unwrap()
    });
    err.errors
        .iter()
        .map(|e| {
            assert_eq!(e.file(), Some(FILE), "{e}");
            assert!(e.help_text().is_some(), "{e} has no help line");
            let (line, col) = e.line_col().unwrap_or_else(|| panic!("{e} has no place"));
            (e.kind(), line, col)
        })
        .collect()
}

const COMPLETE: &str = r#"public_body = { sv = "Testmyndigheten" }
service = { sv = "Testsajten" }
status = "partially"
method = "self-assessment"
assessed = 2026-11-30
updated = 2026-12-01

[feedback]
email = "a@test.example"

[[problem]]
what = { sv = "Testtext: något" }
why = { sv = "Testtext: därför" }
"#;

#[test]
fn the_complete_statement_builds() {
    let site = copy_fixture("statement");
    fs::write(site.path().join(FILE), COMPLETE).unwrap();
    build_ok(site.path());
}

#[test]
fn a_missing_part_is_an_error_where_top_level_keys_go() {
    for (line, part) in [
        (1, "public_body"),
        (2, "service"),
        (3, "status"),
        (4, "method"),
        (5, "assessed"),
        (6, "updated"),
    ] {
        let text: String = COMPLETE
            .lines()
            .enumerate()
            .filter(|&(i, _)| i + 1 != line)
            .map(|(_, l)| format!("{l}\n"))
            .collect();
        let err = broken_build("statement", |root| {
            fs::write(root.join(FILE), &text).unwrap()
        });
        let e = crate::common::only(&err);
        assert_eq!(e.kind(), ErrorKind::MissingField, "{part}: {e}");
        assert!(
            e.message().contains(part),
            "the message names the part: {e}"
        );
        // Reported at the first table, [feedback] (one line up, since a line was removed).
        assert_eq!(e.line_col(), Some((7, 1)), "{part}: {e}");
    }
}

#[test]
fn missing_feedback_and_a_problem_without_why_are_errors_with_places() {
    let no_feedback = COMPLETE.replace("[feedback]\nemail = \"a@test.example\"\n", "");
    assert_eq!(problems(&no_feedback), [(ErrorKind::MissingField, 9, 1)]);
    let empty_feedback = COMPLETE.replace("email = \"a@test.example\"\n", "");
    assert_eq!(problems(&empty_feedback)[0].0, ErrorKind::MissingField);
    let no_why = COMPLETE.replace("why = { sv = \"Testtext: därför\" }\n", "");
    assert_eq!(problems(&no_why), [(ErrorKind::MissingField, 11, 1)]);
}

#[test]
fn wrong_values_are_errors_at_the_value() {
    let digg_words = COMPLETE.replace("\"partially\"", "\"delvis förenlig\"");
    assert_eq!(problems(&digg_words), [(ErrorKind::InvalidValue, 3, 10)]);
    let method = COMPLETE.replace("\"self-assessment\"", "\"egen\"");
    assert_eq!(problems(&method), [(ErrorKind::InvalidValue, 4, 10)]);
    let backwards = COMPLETE.replace("updated = 2026-12-01", "updated = 2026-11-01");
    assert_eq!(problems(&backwards), [(ErrorKind::InvalidValue, 6, 11)]);
    let quoted = COMPLETE.replace("assessed = 2026-11-30", "assessed = \"2026-11-30\"");
    assert_eq!(problems(&quoted)[0].0, ErrorKind::InvalidValue);
    let email = COMPLETE.replace("a@test.example", "mailto:a@test.example");
    assert_eq!(problems(&email), [(ErrorKind::InvalidValue, 9, 9)]);
    let url = COMPLETE.replace("email = \"a@test.example\"", "url = \"www.test.example\"");
    assert_eq!(problems(&url), [(ErrorKind::InvalidValue, 9, 7)]);
    let typo = COMPLETE.replace("service =", "servise =");
    assert_eq!(problems(&typo), [(ErrorKind::UnknownField, 2, 1)]);
}

#[test]
fn the_status_must_agree_with_the_lists() {
    let fully = COMPLETE.replace("\"partially\"", "\"fully\"");
    assert_eq!(problems(&fully), [(ErrorKind::InvalidValue, 3, 10)]);
    let no_problem = &COMPLETE[..COMPLETE.find("[[problem]]").unwrap()];
    assert_eq!(problems(no_problem), [(ErrorKind::MissingField, 3, 10)]);
    let not = no_problem.replace("\"partially\"", "\"not\"");
    assert_eq!(problems(&not), [(ErrorKind::MissingField, 3, 10)]);
}

#[test]
fn new_never_writes_a_statement() {
    let site = copy_fixture("minimal");
    crate::common::succeeds(summering().args(["new", "2021", "--root"]).arg(site.path()));
    assert!(!site.path().join(FILE).exists(), "new made up a statement");
}
