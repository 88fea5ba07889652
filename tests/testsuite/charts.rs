//! Charts: the figures on report and archive pages, trends across years, and
//! every kind of bad chart input (ErrorKind, file, line and column; output untouched).

use std::collections::BTreeSet;
use std::fs;

use summering::{BuildError, ErrorKind};

use crate::common::{
    build_ok, built_in_two_processes, cli_build, copy_fixture, fixture, page, sample,
};

const NB: char = '\u{a0}';

/// Every `id=` value of a minified page.
fn ids(html: &str) -> Vec<String> {
    html.match_indices(" id=")
        .map(|(i, _)| {
            let rest = &html[i + 4..];
            match rest.strip_prefix('"') {
                Some(q) => q.split('"').next().unwrap_or("").to_string(),
                None => rest.split([' ', '>']).next().unwrap_or("").to_string(),
            }
        })
        .collect()
}

/// The `<figure …>…</figure>` with this id.
fn figure<'a>(html: &'a str, id: &str) -> &'a str {
    let start = html
        .find(&format!("<figure class=chart id={id}>"))
        .unwrap_or_else(|| panic!("no figure {id}"));
    let end = html[start..].find("</figure>").unwrap() + start;
    &html[start..end]
}

#[test]
fn the_sample_report_shows_the_example_chart_after_its_section_text() {
    let site = sample();
    let sv = &page(&site, "sv/2021/index.html");
    let fig = figure(sv, "viljan-att-samverka-narvaro");
    let section = &sv[sv.find("id=viljan-att-samverka>").unwrap()..];
    assert!(
        section.find("class=prose").unwrap() < section.find("<figure").unwrap(),
        "chart comes after the text"
    );
    // Caption: title and a source that says plainly it is example data.
    assert!(fig.contains("<figcaption"));
    assert!(fig.contains("Källa: <span>Exempeldata"), "{fig}");
    // Two SVGs (wide and phone), each an image with title and desc named by aria-labelledby.
    for v in ["w", "n"] {
        let id = format!("viljan-att-samverka-narvaro-{v}");
        assert!(
            fig.contains(&format!("aria-labelledby=\"{id}-title {id}-desc\"")),
            "{fig}"
        );
        assert!(
            fig.contains(&format!("<title id=\"{id}-title\">Närvaro vid NOSAM-möten")),
            "{fig}"
        );
        assert!(
            fig.contains(&format!("<desc id=\"{id}-desc\">Stapeldiagram:")),
            "{fig}"
        );
    }
    assert_eq!(fig.matches("role=\"img\"").count(), 2);
    assert!(
        !fig.contains("<svg width") && fig.contains("viewBox=\"0 0 640 "),
        "scales with its container"
    );
    // Numbers in Swedish on the chart, in the description and in the table.
    assert!(fig.contains(&format!(">94,5{NB}%")), "value label");
    assert!(
        fig.contains(&format!("Högst är Primärvård med 94,5{NB}%.")),
        "description"
    );
    assert!(fig.contains(&format!("<td>94,5{NB}%</td>")), "table");
    assert!(
        fig.contains("<th scope=col>Organisation</th>")
            && fig.contains("<th scope=row>Primärvård</th>")
    );
    assert!(
        fig.contains("<details class=chart__data>") && fig.contains("class=chart__print-table")
    );

    let en = &page(&site, "en/2021/index.html");
    let fig = figure(en, "viljan-att-samverka-narvaro");
    assert!(fig.contains("Source: <span>Example data"));
    assert!(
        fig.contains("Highest is Primary care at 94.5%.") && fig.contains("<td>94.5%</td>"),
        "{fig}"
    );
}

#[test]
fn ids_are_unique_on_every_page() {
    for root in [fixture("charts"), fixture("trend")] {
        let site = build_ok(&root);
        for f in site.files.iter().filter(|f| f.is_html()) {
            let html = std::str::from_utf8(&f.bytes).unwrap();
            let all = ids(html);
            let unique: BTreeSet<&String> = all.iter().collect();
            assert_eq!(
                unique.len(),
                all.len(),
                "{}: duplicate ids in {all:?}",
                f.path
            );
        }
    }
}

#[test]
fn every_kind_renders_in_both_languages_with_local_numbers() {
    let site = build_ok(&fixture("charts"));
    let sv = &page(&site, "sv/2021/index.html");
    let en = &page(&site, "en/2021/index.html");
    for id in ["staplar", "liggande", "grupperade", "staplade", "linjer"] {
        for html in [sv, en] {
            let fig = figure(html, &format!("diagram-{id}"));
            assert_eq!(fig.matches("<svg ").count(), 2, "{id}");
            assert!(fig.contains("<table>"), "{id}");
        }
    }
    // Thousands, decimals and minus per language: on the axis, the bar, the description and in the table.
    let fig = figure(sv, "diagram-staplar");
    assert!(fig.contains(&format!(">1{NB}000<")), "tick in Swedish");
    assert!(
        fig.contains(&format!(">1{NB}234,5<")),
        "value label in Swedish"
    );
    assert!(fig.contains(&format!("Högst är Kommun med 1{NB}234,5.")));
    assert!(fig.contains("<td>\u{2212}40,0</td>"), "Swedish minus sign");
    let fig = figure(en, "diagram-staplar");
    assert!(fig.contains(">1,000<") && fig.contains(">1,234.5<") && fig.contains("<td>-40.0</td>"));
    // Stacked: a total column; lines: the trend of each line in the description.
    assert!(figure(en, "diagram-staplade").contains("<th scope=col>Total</th>"));
    let lines = figure(en, "diagram-linjer");
    assert!(
        lines.contains("Referrals rises from 120 (Jan) to 158 (Jun)."),
        "{lines}"
    );
    assert!(lines.contains("Readmissions falls from 40 (Jan) to 28 (Jun)."));
}

#[test]
fn two_processes_draw_the_same_bytes() {
    // Two runs of the binary, not two calls in one process: hash seeds, addresses and
    // anything else that differs between processes must not reach a chart (or a page).
    // No document cache between them (built_in_two_processes), else the second
    // would take the first's PDFs and decks and only pages and SVGs were compared.
    for name in ["charts", "trend"] {
        let site = copy_fixture(name);
        let a = built_in_two_processes(site.path(), name);
        assert!(
            a.iter().any(|(path, _)| path.ends_with("index.html")),
            "{name}: no pages"
        );
        assert!(
            a.iter()
                .any(|(_, bytes)| bytes.windows(5).any(|w| w == b"<svg ")),
            "{name}: charts drawn"
        );
    }
}

#[test]
fn a_chart_in_several_years_gets_a_trend_on_the_archive_page() {
    let site = build_ok(&fixture("trend"));
    let sv = &page(&site, "sv/index.html");
    assert!(sv.contains("Utveckling över åren"));
    // One trend for the one-series chart, one per series for the two-series chart, none for a chart of one year.
    let narvaro = figure(sv, "trend-narvaro");
    assert!(figure(sv, "trend-moten-1").contains("Testdiagram: möten – Möten, 2020–2021"));
    assert!(figure(sv, "trend-moten-2").contains("Testdiagram: möten – Deltagare, 2020–2021"));
    assert!(!sv.contains("trend-enkat"));
    // Years along the bottom, one line per category, a gap where a year lacks the category.
    assert!(narvaro.contains("Testdiagram: närvaro, 2020–2021"));
    assert!(
        narvaro.contains("<th scope=col>År</th><th scope=col>Kommun</th>"),
        "{narvaro}"
    );
    assert!(narvaro.contains("<th scope=row>2020</th><td>80,0\u{a0}%</td><td>90,0\u{a0}%</td><td>50,0\u{a0}%</td><td>uppgift saknas</td>"), "{narvaro}");
    assert!(narvaro.contains("Källa: <span>Testdata 2021; Testdata 2020"));
    assert!(narvaro.contains("Kommun ökar från 80,0\u{a0}% (2020) till 85,0\u{a0}% (2021)."));
    let en = &page(&site, "en/index.html");
    assert!(figure(en, "trend-narvaro").contains("<td>no data</td>"));
    // Report pages of a site without repeated charts have no trends section.
    assert!(!page(&build_ok(&fixture("charts")), "sv/index.html").contains("trend-"));
}

/// Breaks `file` of a copy of the `charts` fixture with `edit` (the output folder is
/// checked to be unchanged); returns the problems and the broken text.
fn broken(file: &str, edit: impl FnOnce(&str) -> String) -> (BuildError, String) {
    let mut text = String::new();
    let err = crate::common::broken_build("charts", |root| {
        let path = root.join(file);
        text = edit(&fs::read_to_string(&path).unwrap());
        fs::write(&path, &text).unwrap();
    });
    (err, text)
}

/// Checks the only problem: its kind, its file, and that it points at the `nth` occurrence of `at` in `text`.
fn assert_at(err: &BuildError, kind: ErrorKind, file: &str, text: &str, at: &str, nth: usize) {
    let e = crate::common::only(err);
    let offset = text
        .match_indices(at)
        .nth(nth)
        .unwrap_or_else(|| panic!("{at} not in the file"))
        .0;
    let line = text[..offset].matches('\n').count() + 1;
    let col = text[..offset].rsplit('\n').next().unwrap().chars().count() + 1;
    assert_eq!(
        (e.kind(), e.file(), e.line_col()),
        (kind, Some(file), Some((line, col))),
        "{e}"
    );
    assert!(
        e.help_text().is_some_and(|h| !h.is_empty()),
        "{e}: says how to fix it"
    );
}

const CHARTS: &str = "content/2021/charts.toml";

#[test]
fn a_value_that_is_not_a_number() {
    let (err, text) = broken(CHARTS, |t| {
        t.replace("values = [1234.5, 860,", "values = [1234.5, \"860\",")
    });
    assert_at(&err, ErrorKind::InvalidValue, CHARTS, &text, "\"860\"", 0);
    assert!(
        err.errors[0].message().contains("a number"),
        "{}",
        err.errors[0]
    );
}

#[test]
fn a_series_shorter_than_the_categories() {
    let (err, text) = broken(CHARTS, |t| {
        t.replace(
            "values = [1234.5, 860, 12.5, -40]",
            "values = [1234.5, 860, 12.5]",
        )
    });
    assert_at(
        &err,
        ErrorKind::SeriesLength,
        CHARTS,
        &text,
        "[1234.5, 860, 12.5]",
        0,
    );
    assert!(
        err.errors[0].message().contains("3 values")
            && err.errors[0].message().contains("4 categories")
    );
}

#[test]
fn an_unknown_kind() {
    let (err, text) = broken(CHARTS, |t| t.replace("kind = \"hbar\"", "kind = \"pie\""));
    assert_at(
        &err,
        ErrorKind::UnknownChartKind,
        CHARTS,
        &text,
        "\"pie\"",
        0,
    );
    assert!(
        err.errors[0]
            .help_text()
            .unwrap()
            .contains("\"stacked-bar\"")
    );
}

#[test]
fn an_empty_series() {
    let (err, text) = broken(CHARTS, |t| {
        t.replace("values = [45.25, 30, 24.75]", "values = []")
    });
    assert_at(&err, ErrorKind::EmptySeries, CHARTS, &text, "[]", 0);
}

#[test]
fn a_chart_without_any_series() {
    let (err, text) = broken(CHARTS, |t| {
        let start = t.find("[[chart.series]]\nname = { sv = \"Andel\"").unwrap();
        let end = t[start..].find("\n\n").unwrap() + start;
        format!("{}{}", &t[..start], &t[end + 1..])
    });
    // Points at the chart's own [[chart]] header (the second chart).
    assert_at(&err, ErrorKind::EmptySeries, CHARTS, &text, "[[chart]]", 1);
}

#[test]
fn numbers_too_large_or_too_small_to_draw_are_refused_at_their_place() {
    // The limits themselves are drawn.
    let site = copy_fixture("charts");
    let path = site.path().join(CHARTS);
    let text = fs::read_to_string(&path).unwrap().replace(
        "values = [1234.5, 860, 12.5, -40]",
        "values = [1e15, 860, 0.001, -1e15]",
    );
    fs::write(&path, text).unwrap();
    let html = page(&build_ok(site.path()), "en/2021/index.html");
    assert!(figure(&html, "diagram-staplar").contains("<td>1,000,000,000,000,000.000</td>"));
    for (values, bad) in [
        ("[1e307, 860, 12.5, -40]", vec!["1e307"]),
        ("[-1e308, 1e308, 0, 1]", vec!["-1e308", "1e308"]),
        (
            "[1e16, 0.0004, 5e-324, -40]",
            vec!["1e16", "0.0004", "5e-324"],
        ),
        (
            "[nan, inf, -inf, 9223372036854775807]",
            vec!["nan", "inf", "-inf", "9223372036854775807"],
        ),
    ] {
        let (err, text) = broken(CHARTS, |t| {
            t.replace(
                "values = [1234.5, 860, 12.5, -40]",
                &format!("values = {values}"),
            )
        });
        let list = text.find(values).unwrap();
        let mut expected = Vec::new();
        let mut from = 0;
        for b in &bad {
            // The n-th bad number in the list, searched after the previous one (1e308 is in -1e308).
            let at = values[from..].find(b).unwrap() + from;
            from = at + b.len();
            let offset = list + at;
            let line = text[..offset].matches('\n').count() + 1;
            let col = text[..offset].rsplit('\n').next().unwrap().chars().count() + 1;
            expected.push((ErrorKind::InvalidValue, Some(CHARTS), Some((line, col))));
        }
        let found: Vec<_> = err
            .errors
            .iter()
            .map(|e| (e.kind(), e.file(), e.line_col()))
            .collect();
        assert_eq!(found, expected, "{values}");
    }
}

#[test]
fn the_binary_refuses_the_numbers_that_used_to_panic_or_hang() {
    // 1e307 panicked ("capacity overflow"); [-1e308, 1e308, 0, 1] made the axis loop forever.
    for (values, bad) in [
        ("[1e307, 860, 12.5, -40]", &["1e307"][..]),
        ("[-1e308, 1e308, 0, 1]", &["-1e308", " 1e308"]),
    ] {
        let site = copy_fixture("charts");
        let path = site.path().join(CHARTS);
        let text = fs::read_to_string(&path)
            .unwrap()
            .replace("[1234.5, 860, 12.5, -40]", values);
        fs::write(&path, &text).unwrap();
        let (code, stderr, out) = cli_build(site.path(), &[]);
        assert_eq!(code, 1, "{stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
        // One problem per number (the kind is checked by the test above; the binary shows the place).
        assert_eq!(
            stderr
                .lines()
                .filter(|l| l.trim_start().starts_with('×'))
                .count(),
            bad.len(),
            "{stderr}"
        );
        for b in bad {
            let offset = text.find(values).unwrap()
                + values.find(b).unwrap()
                + (b.len() - b.trim_start().len());
            let line = text[..offset].matches('\n').count() + 1;
            let col = text[..offset].rsplit('\n').next().unwrap().chars().count() + 1;
            assert!(
                stderr.contains(&format!("{CHARTS}:{line}:{col}")),
                "{b}: {stderr}"
            );
        }
        assert!(!out.exists(), "a failed build writes no output");
    }
}

#[test]
fn a_section_naming_a_chart_that_does_not_exist() {
    let file = "content/2021/01-diagram.sv.md";
    let (err, text) = broken(file, |t| t.replace("\"grupperade\"", "\"grupperad\""));
    assert_at(
        &err,
        ErrorKind::UnknownChart,
        file,
        &text,
        "\"grupperad\"",
        0,
    );
    assert!(
        err.errors[0].help_text().unwrap().contains("grupperade"),
        "help lists the ids that exist"
    );
}

#[test]
fn a_duplicate_chart_id() {
    let (err, text) = broken(CHARTS, |t| {
        let first = &t[t.find("[[chart]]").unwrap()..t.find("\n\n[[chart]]").unwrap()];
        format!("{t}\n{first}\n")
    });
    assert_at(&err, ErrorKind::Duplicate, CHARTS, &text, "\"staplar\"", 1);
    assert!(
        err.errors[0].help_text().unwrap().contains("line 3"),
        "help names the first one"
    );
}

#[test]
fn a_negative_value_in_a_stacked_chart() {
    let (err, text) = broken(CHARTS, |t| {
        t.replace("values = [10, 3, 2]", "values = [10, -3, 2]")
    });
    assert_at(&err, ErrorKind::NegativeInStack, CHARTS, &text, "-3", 0);
}

#[test]
fn every_chart_problem_of_a_file_is_reported_at_once() {
    let (err, _) = broken(CHARTS, |t| {
        t.replace("kind = \"hbar\"", "kind = \"pie\"")
            .replace("values = [10, 3, 2]", "values = [10, -3, 2]")
    });
    let kinds: Vec<ErrorKind> = err.errors.iter().map(|e| e.kind()).collect();
    assert_eq!(
        kinds,
        [ErrorKind::UnknownChartKind, ErrorKind::NegativeInStack]
    );
}

#[test]
fn a_chart_gets_its_own_slide_after_its_section() {
    // The deck fixture: title, a section, the section naming the chart, then
    // the chart's own slide, the fourth.
    let site = build_ok(&fixture("deck"));
    for (lang, title, caption) in [
        ("sv", "Testdiagram: staplar", "Källa: Testdata"),
        ("en", "Test chart: bars", "Source: Test data"),
    ] {
        for file in ["index.html", "handout.html"] {
            let html = &page(&site, &format!("{lang}/2020/slides/{file}"));
            let at = html
                .find("aria-labelledby=\"slide-4-staplar-s-title slide-4-staplar-s-desc\"")
                .unwrap_or_else(|| panic!("{lang}/{file}"));
            let slide = &html[html[..at].rfind("<section").unwrap()..];
            let slide = &slide[..slide.find("</section>").unwrap()];
            assert!(slide.contains(title) && slide.contains(caption), "{slide}");
            assert!(
                slide.contains("role=\"img\"") && slide.contains("viewBox=\"0 0 1120 "),
                "{slide}"
            );
            assert_eq!(
                slide.matches("<svg").count(),
                1,
                "one large-type SVG, no phone variant on a slide"
            );
        }
    }
}

#[test]
fn an_untranslated_chart_text_is_shown_in_swedish_marked_and_warned_about() {
    let site = copy_fixture("charts");
    let path = site.path().join(CHARTS);
    let text = fs::read_to_string(&path).unwrap().replace(
        "title = { sv = \"Testdiagram: staplar\", en = \"Test chart: bars\" }",
        "title = { sv = \"Testdiagram: staplar\" }",
    );
    fs::write(&path, text).unwrap();
    let built = build_ok(site.path());
    let warning = built
        .warnings
        .iter()
        .find(|w| w.message.to_string().contains("chart \"staplar\": title"))
        .expect("a warning");
    assert_eq!(warning.file, CHARTS);
    let html = page(&built, "en/2021/index.html");
    let fig = figure(&html, "diagram-staplar");
    assert!(
        fig.contains("<span class=chart__title lang=sv>Testdiagram: staplar</span>"),
        "{fig}"
    );
}

#[test]
fn private_use_characters_in_content_stay_text_and_never_become_a_chart() {
    // U+E000 and U+E001 around a number were once the token a chart's SVG was
    // swapped in for: content holding them (typed, or from an imported deck) put
    // a chart inside an attribute or a paragraph. They are text like any other.
    // (The PDF's font has no glyph for them, so here they stand where the PDF
    // does not go: a link's title and the speaker notes.)
    let site = copy_fixture("charts");
    let md = site.path().join("content/2021/01-diagram.sv.md");
    let text = fs::read_to_string(&md).unwrap();
    let (in_attribute, in_text) = ("\u{E000}0\u{E001}", "\u{E000}1\u{E001}");
    fs::write(
        &md,
        format!("{text}\n[En länk](https://example.org \"{in_attribute}\").\n\n???\n\nNoter {in_text} här.\n"),
    )
    .unwrap();
    let build = |root: &std::path::Path| {
        let (code, stderr, out) = cli_build(root, &[]);
        assert_eq!(code, 0, "{stderr}");
        out
    };
    let plain = copy_fixture("charts");
    let (planted_out, plain_out) = (build(site.path()), build(plain.path()));
    for path in [
        "sv/2021/index.html",
        "sv/2021/slides/index.html",
        "sv/2021/slides/handout.html",
    ] {
        let planted = fs::read_to_string(planted_out.join(path)).unwrap();
        let plain = fs::read_to_string(plain_out.join(path)).unwrap();
        assert_eq!(
            planted.matches("<svg").count(),
            plain.matches("<svg").count(),
            "{path}: the characters must not add a chart"
        );
        assert!(
            planted.contains(&format!("title=\"{in_attribute}\""))
                || planted.contains(&format!("title={in_attribute}>")),
            "{path}: the attribute stays as written"
        );
        if path.contains("slides") {
            assert!(
                planted.contains(&format!("Noter {in_text} här")),
                "{path}: the notes stay as written"
            );
        }
    }
}
