//! `summering new YEAR` through the real binary, over `tests/fixtures/last-year`
//! (2021: a strength, a focus area, a way forward of three points, one with a
//! sub-point, and a chart).

use std::fs;
use std::path::Path;

use crate::common::{check_json, cli_build, copy_fixture, kinds, snapshot, succeeds, summering};

/// `summering new YEAR --root ROOT`, which must succeed: its standard output.
fn new_year(root: &Path, year: &str) -> String {
    succeeds(summering().args(["new", year, "--root"]).arg(root))
}

#[test]
fn a_new_year_copies_the_structure_with_placeholders_and_carries_the_way_forward_over() {
    let site = copy_fixture("last-year");
    let stdout = new_year(site.path(), "2022");
    assert!(
        stdout
            .contains("carried 3 \"way forward\" items from 2021 into content/2022/02-fokus.sv.md"),
        "{stdout}"
    );
    let names = |y: &str| -> Vec<String> {
        let mut v: Vec<String> = fs::read_dir(site.path().join("content").join(y))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into())
            .collect();
        v.sort();
        v
    };
    // Every file, charts.toml too (its numbers marked for the editor).
    assert_eq!(names("2022"), names("2021"));
    let focus = fs::read_to_string(site.path().join("content/2022/02-fokus.sv.md")).unwrap();
    for point in [
        "- Testtext: första steget\n",
        "- Testtext: andra steget\n  - Testtext: en del av det andra\n",
        "- Testtext: tredje steget\n",
    ] {
        assert!(focus.contains(point), "{point:?} not carried: {focus}");
    }
    let english = fs::read_to_string(site.path().join("content/2022/02-fokus.en.md")).unwrap();
    assert!(
        english.contains("  - Test text: a part of the second\n"),
        "{english}"
    );
    for year in ["2022/01-styrka.sv.md", "2022/02-fokus.sv.md"] {
        let text = fs::read_to_string(site.path().join("content").join(year)).unwrap();
        assert!(
            !text.contains("- Testtext: förra årets"),
            "last year's text must not be copied: {text}"
        );
    }
    let report = fs::read_to_string(site.path().join("content/2022/report.toml")).unwrap();
    assert!(report.contains("Testsummering 2022"), "{report}");

    // It builds (for the preview) but check calls it unfinished.
    let (code, stderr, _) = cli_build(site.path(), &[]);
    assert_eq!(code, 0, "{stderr}");
    let (code, json) = check_json(site.path());
    assert_eq!(code, 1);
    assert!(kinds(&json, "errors").iter().all(|k| k == "unfinished"));
    assert!(
        json["errors"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["file"] == "content/2022/report.toml")
    );
    assert!(
        json["errors"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["file"] == "content/2022/charts.toml"),
        "the charts' numbers are last year's until replaced: {json}"
    );
    let up_to_date = json["translations"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| t["year"] == 2022 && t["status"] == "up-to-date")
        .count();
    assert_eq!(
        up_to_date, 3,
        "the scaffolded translations record the new Swedish text"
    );
}

#[test]
fn a_new_year_keeps_the_charts_with_last_years_numbers_marked_unfinished() {
    let site = copy_fixture("last-year");
    new_year(site.path(), "2022");
    let read = |y: &str| -> toml::Value {
        toml::from_str(
            &fs::read_to_string(site.path().join(format!("content/{y}/charts.toml"))).unwrap(),
        )
        .unwrap()
    };
    let (old, new) = (read("2021"), read("2022"));
    let charts = |v: &toml::Value| v["chart"].as_array().unwrap().clone();
    assert_eq!(charts(&new).len(), charts(&old).len());
    assert!(!charts(&old).is_empty());
    for (o, n) in charts(&old).iter().zip(charts(&new).iter()) {
        // What the archive's trend charts join on stays the same.
        for key in [
            "id",
            "kind",
            "x_label",
            "y_label",
            "unit",
            "categories",
            "series",
        ] {
            assert_eq!(o.get(key), n.get(key), "{key} of chart {}", o["id"]);
        }
        let title = n["title"]["sv"].as_str().unwrap();
        assert!(title.contains("2022") && !title.contains("2021"), "{title}");
        for lang in ["sv", "en"] {
            let source = n["source"][lang].as_str().unwrap();
            assert!(
                source.starts_with("{{") && source.ends_with("}}") && source.contains("2021"),
                "{lang} source must be a placeholder naming the old year: {source}"
            );
        }
    }

    // Published, the year is refused until the charts are finished.
    let report_path = site.path().join("content/2022/report.toml");
    let report = fs::read_to_string(&report_path).unwrap();
    let published: String = report
        .lines()
        .filter(|l| *l != "draft = true" && !l.contains("{{"))
        .map(|l| format!("{l}\n"))
        .collect();
    fs::write(&report_path, published).unwrap();
    let (code, stderr, _) = cli_build(site.path(), &[]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("content/2022/charts.toml:"), "{stderr}");
}

#[test]
fn an_existing_year_is_never_overwritten() {
    let site = copy_fixture("last-year");
    let before = snapshot(site.path());
    let out = summering()
        .args(["new", "2021", "--root"])
        .arg(site.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("the year 2021 already exists") && stderr.contains("Nothing was created."),
        "{stderr}"
    );
    assert_eq!(snapshot(site.path()), before);
}

#[test]
fn help_has_an_example_for_every_command() {
    for cmd in ["build", "check", "serve", "new", "import"] {
        let out = summering().args([cmd, "--help"]).output().unwrap();
        let help = String::from_utf8(out.stdout).unwrap();
        assert!(
            help.contains(&format!("Example: summering {cmd}")),
            "{cmd}: {help}"
        );
    }
}
