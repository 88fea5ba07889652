//! `summering check` through the real binary.

use std::fs;

use crate::common::{check_json, kinds, sample_site, snapshot, summering};

#[test]
fn the_sample_site_is_ready_with_only_the_unconfirmed_glossary_entries() {
    let site = sample_site();
    let before = snapshot(site.path());
    let (code, json) = check_json(site.path());
    assert_eq!(code, 0);
    assert_eq!(
        (
            json["format"].as_str(),
            json["version"].as_u64(),
            json["ok"].as_bool()
        ),
        (Some("summering-check"), Some(1), Some(true))
    );
    assert_eq!(
        kinds(&json, "warnings"),
        ["unconfirmed-term", "unconfirmed-term"]
    );
    let statuses: Vec<&str> = json["translations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["status"].as_str().unwrap())
        .collect();
    assert_eq!(statuses, ["up-to-date"; 5]);
    assert_eq!(
        json["summary"]["pages"].as_u64(),
        Some(13),
        "landing, 2 archives, 2 reports, 2 decks, 2 handouts, 2 presenter views, 2 accessibility statements"
    );
    assert_eq!(
        snapshot(site.path()),
        before,
        "check must not write anything"
    );
}

#[test]
fn broken_links_missing_alt_text_and_placeholders_are_errors_with_places() {
    let site = sample_site();
    let file = site.path().join("content/2021/05-framat.sv.md");
    let mut text = fs::read_to_string(&file).unwrap();
    text.push_str(
        "\nSe [förra året](../2020/index.html), [här](#saknas) och ![](bild.png). {{Skriv mer}}\n",
    );
    fs::write(&file, text).unwrap();
    // The picture is there, only its description is missing.
    fs::copy(
        crate::common::fixture("pictures").join("content/2021/karta.png"),
        site.path().join("content/2021/bild.png"),
    )
    .unwrap();
    let (code, json) = check_json(site.path());
    assert_eq!(code, 1);
    let errors = json["errors"].as_array().unwrap();
    let got: Vec<(&str, u64, u64)> = errors
        .iter()
        .map(|e| {
            (
                e["kind"].as_str().unwrap(),
                e["line"].as_u64().unwrap(),
                e["column"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("broken-link", 15, 17),
            ("broken-link", 15, 44),
            ("missing-alt-text", 15, 57),
            ("unfinished", 15, 72)
        ]
    );
    assert!(
        errors
            .iter()
            .all(|e| e["file"] == "content/2021/05-framat.sv.md" && e["help"].is_string())
    );
}

#[test]
fn a_changed_swedish_text_makes_its_translation_outdated_until_the_hash_is_updated() {
    let site = sample_site();
    let sv = site.path().join("content/2021/05-framat.sv.md");
    fs::write(&sv, fs::read_to_string(&sv).unwrap() + "- Ny punkt\n").unwrap();
    let (code, json) = check_json(site.path());
    assert_eq!(code, 0, "an outdated translation is a warning");
    let outdated: Vec<&serde_json::Value> = json["translations"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| t["status"] == "outdated")
        .collect();
    assert_eq!(outdated.len(), 1);
    assert_eq!(outdated[0]["file"], "content/2021/05-framat.en.md");
    let new_hash = outdated[0]["source_hash"].as_str().unwrap().to_string();
    let warning = json["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|w| w["kind"] == "outdated-translation")
        .unwrap();
    assert_eq!(
        (warning["line"].as_u64(), warning["column"].as_u64()),
        (Some(4), Some(15))
    );
    assert!(warning["help"].as_str().unwrap().contains(&new_hash));

    // What a translator does after updating the English text: write the new fingerprint.
    let en = site.path().join("content/2021/05-framat.en.md");
    let text = fs::read_to_string(&en).unwrap();
    let old_hash = text.split("source_hash = \"").nth(1).unwrap()[..16].to_string();
    fs::write(&en, text.replace(&old_hash, &new_hash)).unwrap();
    let (_, json) = check_json(site.path());
    assert!(
        json["translations"]
            .as_array()
            .unwrap()
            .iter()
            .all(|t| t["status"] == "up-to-date")
    );
}

#[test]
fn translations_without_a_hash_are_unverified_and_missing_ones_are_listed() {
    let site = sample_site();
    let en = site
        .path()
        .join("content/2021/01-valfungerande-struktur.en.md");
    let text = fs::read_to_string(&en).unwrap();
    let without: String = text
        .lines()
        .filter(|l| !l.starts_with("source_hash"))
        .map(|l| format!("{l}\n"))
        .collect();
    fs::write(&en, without).unwrap();
    fs::remove_file(
        site.path()
            .join("content/2021/02-viljan-att-samverka.en.md"),
    )
    .unwrap();
    let (code, json) = check_json(site.path());
    assert_eq!(code, 0);
    let statuses: Vec<&str> = json["translations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["status"].as_str().unwrap())
        .collect();
    assert_eq!(
        statuses,
        [
            "unverified",
            "missing",
            "up-to-date",
            "up-to-date",
            "up-to-date"
        ]
    );
    assert!(kinds(&json, "warnings").contains(&"unverified-translation".to_string()));
    assert!(kinds(&json, "warnings").contains(&"missing-translation".to_string()));
}

#[test]
fn undefined_capital_words_are_glossary_warnings() {
    let site = sample_site();
    let file = site.path().join("content/2021/04-utvecklingsomrade.sv.md");
    fs::write(
        &file,
        fs::read_to_string(&file).unwrap() + "- Samverkan med VGR och MAS\n",
    )
    .unwrap();
    let (code, json) = check_json(site.path());
    assert_eq!(code, 0);
    let w: Vec<&serde_json::Value> = json["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|w| w["kind"] == "undefined-abbreviation")
        .collect();
    assert_eq!(w.len(), 1, "MAS is in the glossary, VGR is not: {w:?}");
    assert!(w[0]["message"].as_str().unwrap().contains("\"VGR\""));
    assert_eq!(
        (w[0]["line"].as_u64(), w[0]["column"].as_u64()),
        (Some(15), Some(17))
    );
}

#[test]
fn build_errors_fail_the_check_and_text_output_has_no_colour() {
    let site = sample_site();
    fs::write(
        site.path().join("content/2021/06-x.sv.md"),
        "+++\nkind = \"styrka\"\ntitle = \"X\"\n+++\n",
    )
    .unwrap();
    let out = summering()
        .args(["check", "--root"])
        .arg(site.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.contains("error[unknown-section-kind]"), "{stdout}");
    assert!(stdout.contains("content/2021/06-x.sv.md:2:8"), "{stdout}");
    assert!(!stdout.contains('\u{1b}'), "colour with NO_COLOR: {stdout}");
    let last = stdout.lines().last().unwrap();
    assert!(
        last.starts_with("Check stopped") && last.contains(" ms: 1 error"),
        "{last}"
    );
}
