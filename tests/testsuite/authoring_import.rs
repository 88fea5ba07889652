//! `summering import` through the real binary, with the real seed deck.

use std::fs;
use std::path::Path;

use crate::common::{manifest_dir, snapshot, summering};

/// A site with site.toml and glossary but no year yet.
fn empty_site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("content")).unwrap();
    for f in ["site.toml", "glossary.toml"] {
        fs::copy(
            manifest_dir().join("content").join(f),
            dir.path().join("content").join(f),
        )
        .unwrap();
    }
    dir
}

fn seed() -> std::path::PathBuf {
    manifest_dir().join("tests/fixtures/seed-2021.txt")
}

/// All Swedish text of a year: report.toml and the .sv.md files, Markdown escapes undone.
fn swedish_text(year_dir: &Path) -> String {
    let mut all = String::new();
    for entry in fs::read_dir(year_dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if name.ends_with(".sv.md") || name == "report.toml" {
            all.push_str(&fs::read_to_string(&path).unwrap().replace('\\', ""));
        }
    }
    all
}

#[test]
fn the_seed_deck_becomes_a_swedish_report_with_every_line() {
    let site = empty_site();
    let out = summering()
        .args(["import"])
        .arg(seed())
        .args(["--year", "2021", "--lang", "sv", "--root"])
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
        stdout.contains("title slide: \"NOSAM summering 2021\""),
        "{stdout}"
    );
    assert!(
        stdout.contains("closing slide: \"Ett samarbete värt att satsa på\""),
        "{stdout}"
    );
    assert!(stdout.lines().last().unwrap().contains(" ms"), "{stdout}");

    let year = site.path().join("content/2021");
    let text = swedish_text(&year);
    for line in fs::read_to_string(seed()).unwrap().lines() {
        let content = line.trim().trim_start_matches("- ").trim();
        assert!(
            content.is_empty() || text.contains(content),
            "seed line missing from the report: {line:?}"
        );
    }
    let kinds: Vec<(String, String)> = {
        let mut v: Vec<_> = fs::read_dir(&year)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "md"))
            .map(|p| {
                let t = fs::read_to_string(&p).unwrap();
                let kind = t
                    .lines()
                    .find_map(|l| l.strip_prefix("kind = "))
                    .unwrap()
                    .trim_matches('"')
                    .to_string();
                (p.file_name().unwrap().to_string_lossy().to_string(), kind)
            })
            .collect();
        v.sort();
        v
    };
    let expected = [
        ("01-valfungerande-struktur.sv.md", "strength"),
        ("02-viljan-att-samverka.sv.md", "strength"),
        ("03-aktuella-fragor.sv.md", "focus-area"),
        ("04-utvecklingsomrade.sv.md", "development-area"),
        ("05-framat.sv.md", "way-forward"),
    ];
    assert_eq!(kinds, expected.map(|(a, b)| (a.to_string(), b.to_string())));
    let framat = fs::read_to_string(year.join("05-framat.sv.md")).unwrap();
    assert!(
        framat.contains("- Utveckla\n  - samverkan runt avvikelser\n"),
        "nested bullets stay nested: {framat}"
    );
    let report = fs::read_to_string(year.join("report.toml")).unwrap();
    assert!(
        report
            .contains("subtitle = { sv = \"Kommun och sjukvård – Samverkan i Göteborgsområdet\" }"),
        "{report}"
    );

    // The imported year is published (no `draft = true`), so its date
    // placeholder stops `build`, as it keeps check from calling it finished.
    let (code, stderr, _) = crate::common::cli_build(site.path(), &[]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("content/2021/report.toml:"), "{stderr}");
    let out = summering()
        .args(["check", "--root"])
        .arg(site.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains("error[unfinished]"));
}

#[test]
fn crlf_and_powerpoint_bullets_give_the_same_report() {
    let site = empty_site();
    let deck = site.path().join("deck.txt");
    let seed_text = fs::read_to_string(seed()).unwrap();
    let windows = seed_text
        .replace("\n- ", "\n\u{f0a7}\t")
        .replace("\n - ", "\n    \u{f0a7}\t")
        .replace('\n', "\r\n");
    fs::write(&deck, windows).unwrap();
    summering()
        .arg("import")
        .arg(&deck)
        .args(["--year", "2021", "--lang", "sv", "--root"])
        .arg(site.path())
        .assert()
        .success();
    let other = empty_site();
    summering()
        .arg("import")
        .arg(seed())
        .args(["--year", "2021", "--lang", "sv", "--root"])
        .arg(other.path())
        .assert()
        .success();
    assert_eq!(
        snapshot(&site.path().join("content/2021")),
        snapshot(&other.path().join("content/2021"))
    );
}

#[test]
fn an_existing_year_is_refused_unless_forced() {
    let site = empty_site();
    let import = || {
        let mut cmd = summering();
        cmd.arg("import")
            .arg(seed())
            .args(["--year", "2021", "--lang", "sv", "--root"])
            .arg(site.path());
        cmd
    };
    import().assert().success();
    let year = site.path().join("content/2021");
    fs::write(
        year.join("01-valfungerande-struktur.sv.md"),
        "edited by hand",
    )
    .unwrap();
    let before = snapshot(&year);
    let out = import().output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("the year 2021 already exists"));
    assert_eq!(snapshot(&year), before, "a refused import changes nothing");
    import().arg("--force").assert().success();
    assert_ne!(
        fs::read_to_string(year.join("01-valfungerande-struktur.sv.md")).unwrap(),
        "edited by hand"
    );
}

#[test]
fn titles_that_do_not_tell_the_kind_are_left_to_the_editor() {
    let site = empty_site();
    let deck = site.path().join("deck.txt");
    fs::write(
        &deck,
        "Rapport 2023\n\n\n\nStyrkor\n\n• Bra möten\n\n\n\nDeltagare\n\n• Alla kom\n",
    )
    .unwrap();
    let out = summering()
        .arg("import")
        .arg(&deck)
        .args(["--year", "2023", "--lang", "sv", "--root"])
        .arg(site.path())
        .output()
        .unwrap();
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.contains("content/2023/02-deltagare.sv.md: strength (NOT recognised from the title"),
        "{stdout}"
    );
    assert!(stdout.contains("1 left for you to give a kind"), "{stdout}");
    let file = fs::read_to_string(site.path().join("content/2023/02-deltagare.sv.md")).unwrap();
    assert!(file.starts_with("+++\n# {{Kontrollera kind"), "{file}");
}

#[test]
fn an_english_deck_translates_an_existing_year_section_by_section() {
    let site = empty_site();
    let import = |deck: &Path, lang: &str| {
        let mut cmd = summering();
        cmd.arg("import")
            .arg(deck)
            .args(["--year", "2021", "--lang", lang, "--root"])
            .arg(site.path());
        cmd
    };
    // Without the Swedish year there is nothing to translate.
    let deck = site.path().join("deck-en.txt");
    fs::write(
        &deck,
        "NOSAM summary 2021\r\n\r\nStrengths\r\n• Networks of contacts\r\n  have grown\r\n\r\n\r\nWilling\r\n• Yes\r\n\r\n\r\n\
         Current issues\r\n• MHFA\r\n\r\n\r\nDevelopment\r\n• More dialogue\r\n\r\n\r\nThe way forward\r\n• Develop\r\n– deviations\r\n\r\n\r\n\r\n\
         A collaboration worth investing in\r\n",
    )
    .unwrap();
    assert_eq!(import(&deck, "en").output().unwrap().status.code(), Some(1));
    import(&seed(), "sv").assert().success();

    let out = import(&deck, "en").output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.contains("in closing = { … }: en = \"A collaboration worth investing in\""),
        "{stdout}"
    );
    let framat = fs::read_to_string(site.path().join("content/2021/05-framat.en.md")).unwrap();
    assert!(
        framat.contains("kind = \"way-forward\"\ntitle = \"The way forward\"\nsource_hash = "),
        "{framat}"
    );
    assert!(framat.ends_with("- Develop\n  - deviations\n"), "{framat}");
    let first = fs::read_to_string(
        site.path()
            .join("content/2021/01-valfungerande-struktur.en.md"),
    )
    .unwrap();
    assert!(
        first.contains("- Networks of contacts have grown\n"),
        "{first}"
    );
    let (_, json) = crate::common::check_json(site.path());
    assert!(
        json["translations"]
            .as_array()
            .unwrap()
            .iter()
            .all(|t| t["status"] == "up-to-date"),
        "{json}"
    );

    // Importing again is refused (the files exist) unless forced.
    let out = import(&deck, "en").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("already exist"));
    import(&deck, "en").arg("--force").assert().success();
}

#[test]
fn a_language_the_site_lacks_and_an_empty_deck_are_refused() {
    let site = empty_site();
    let out = summering()
        .arg("import")
        .arg(seed())
        .args(["--year", "2021", "--lang", "de", "--root"])
        .arg(site.path())
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(2),
        "clap refuses a language summering does not know"
    );
    let deck = site.path().join("empty.txt");
    fs::write(&deck, "\r\n\r\nBara en rad\r\n").unwrap();
    let out = summering()
        .arg("import")
        .arg(&deck)
        .args(["--year", "2021", "--lang", "sv", "--root"])
        .arg(site.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("found no slide with a heading and bullet points")
    );
    assert!(!site.path().join("content/2021").exists());
}

/// The deck's own year: a 2021 title slide imported as 2020 is named in a warning; without
/// `--year` the title's year is used, and a deck whose title names none needs `--year`.
#[test]
fn the_title_slides_year_is_noticed() {
    let import = |site: &Path, deck: &Path, year: Option<&str>| {
        let mut cmd = summering();
        cmd.arg("import")
            .arg(deck)
            .args(["--lang", "sv", "--root"])
            .arg(site);
        if let Some(year) = year {
            cmd.args(["--year", year]);
        }
        cmd.output().unwrap()
    };

    let site = empty_site();
    let out = import(site.path(), &seed(), Some("2020"));
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    let warning = stderr
        .lines()
        .find(|l| l.starts_with("warning"))
        .unwrap_or("");
    assert!(
        warning.contains("2021") && warning.contains("2020"),
        "{stderr}"
    );
    assert!(site.path().join("content/2020/report.toml").is_file());

    let site = empty_site();
    let out = import(site.path(), &seed(), None);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(site.path().join("content/2021/report.toml").is_file());
    assert!(!String::from_utf8_lossy(&out.stderr).contains("warning"));

    let site = empty_site();
    let deck = site.path().join("deck.txt");
    let seed_text = fs::read_to_string(seed()).unwrap();
    fs::write(&deck, seed_text.replace("2021", "")).unwrap();
    let out = import(site.path(), &deck, None);
    assert_eq!(
        out.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        !site.path().join("content").read_dir().unwrap().any(|e| {
            e.unwrap()
                .file_name()
                .to_string_lossy()
                .chars()
                .all(|c| c.is_ascii_digit())
        }),
        "no year folder was made"
    );
}
