//! `summering new YEAR` through the real binary.

use std::fs;

use crate::common::{check_json, kinds, sample_site, snapshot, summering};

#[test]
fn a_new_year_copies_the_structure_with_placeholders_and_carries_the_way_forward_over() {
    let site = sample_site();
    let out = summering()
        .args(["new", "2022", "--root"])
        .arg(site.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.contains(
            "carried 5 \"way forward\" items from 2021 into content/2022/03-aktuella-fragor.sv.md"
        ),
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
    let focus =
        fs::read_to_string(site.path().join("content/2022/03-aktuella-fragor.sv.md")).unwrap();
    assert!(
        focus.contains("- Aktiviteter från 2021 skjuts fram till HP 2022\n"),
        "{focus}"
    );
    assert!(focus.contains("  - projekt Mobil röntgen\n"), "{focus}");
    assert!(
        !focus.contains("Stort fokus på pandemin"),
        "last year's text must not be copied: {focus}"
    );
    let report = fs::read_to_string(site.path().join("content/2022/report.toml")).unwrap();
    assert!(report.contains("NOSAM summering 2022"), "{report}");

    // It builds (for the preview) but check calls it unfinished.
    summering()
        .args(["build", "--root"])
        .arg(site.path())
        .arg("--output")
        .arg(site.path().join("out"))
        .assert()
        .success();
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
        up_to_date, 5,
        "the scaffolded translations record the new Swedish text"
    );
}

#[test]
fn a_new_year_keeps_the_charts_with_last_years_numbers_marked_unfinished() {
    let site = sample_site();
    summering()
        .args(["new", "2022", "--root"])
        .arg(site.path())
        .assert()
        .success();
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
    let out = summering()
        .args(["build", "--root"])
        .arg(site.path())
        .arg("--output")
        .arg(site.path().join("out"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("content/2022/charts.toml:"), "{stderr}");
}

#[test]
fn an_existing_year_is_never_overwritten() {
    let site = sample_site();
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
