//! The glossary in built pages.

use std::fs;

use crate::common::{cli_build, copy_fixture};

#[test]
fn first_use_becomes_abbr_never_inside_links_and_each_report_lists_its_terms() {
    // A fixture whose glossary has SIP, ÖK and an unconfirmed TG without
    // expansion, and whose text uses all three.
    let site = copy_fixture("report");
    let file = site.path().join("content/2021/01-styrka.sv.md");
    // A link whose address and text hold a term, before the term's first use in text.
    let text = fs::read_to_string(&file).unwrap().replacen(
        "- Testtext: SIP görs",
        "- Läs [om SIP](https://example.org/SIP?x=SIP)\n- Testtext: SIP görs",
        1,
    );
    fs::write(&file, text).unwrap();
    let (code, stderr, out) = cli_build(site.path(), &[]);
    assert_eq!(code, 0, "{stderr}");
    let sv = fs::read_to_string(out.join("sv/2021/index.html")).unwrap();
    assert!(
        sv.contains("<a href=\"https://example.org/SIP?x=SIP\">om SIP</a>"),
        "the link must stay as written"
    );
    assert_eq!(
        sv.matches("<abbr title=\"samordnad individuell plan\">SIP</abbr>")
            .count(),
        1,
        "only the first use in text"
    );
    assert!(sv.contains("<h2 id=glossary-heading>Förkortningar</h2>"));
    assert!(
        sv.contains("<abbr title=\"överenskommelse\">ÖK</abbr>"),
        "a term that is not ASCII is marked too"
    );
    assert!(sv.contains("<dfn>ÖK</dfn></dt><dd class=glossary__expansion>överenskommelse</dd>"));
    assert!(
        sv.contains("TG träffas"),
        "the unconfirmed term is in the text"
    );
    assert!(
        !sv.contains("<dfn>TG</dfn>"),
        "unconfirmed terms without expansion are not published"
    );
    let en = fs::read_to_string(out.join("en/2021/index.html")).unwrap();
    assert!(en.contains("<abbr title=\"coordinated individual plan\">SIP</abbr>"));
    assert!(en.contains("<h2 id=glossary-heading>Abbreviations</h2>"));
    assert!(
        !sv.contains("__summering") && !en.contains("__summering"),
        "no live-reload script in built pages"
    );
}

#[test]
fn a_broken_glossary_names_file_line_and_column() {
    let site = copy_fixture("report");
    let g = site.path().join("content/glossary.toml");
    let glossary = fs::read_to_string(&g).unwrap();
    // The duplicate's `abbr` value: two lines after the file's end and a blank line.
    let line = glossary.lines().count() + 3;
    fs::write(&g, glossary + "\n[[term]]\nabbr = \"SIP\"\n").unwrap();
    let (code, stderr, _) = cli_build(site.path(), &[]);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains(&format!(
            "content/glossary.toml:{line}:8: this abbreviation is already in the glossary"
        )),
        "{stderr}"
    );
}

#[test]
fn ten_thousand_terms_and_html_nested_a_hundred_thousand_deep_build() {
    let site = copy_fixture("report");
    let content = site.path().join("content");
    let terms = 10_000;
    let mut glossary = String::new();
    for i in 0..terms {
        glossary.push_str(&format!(
            "[[term]]\nabbr = \"T{i:05}\"\nexpansion = {{ sv = \"term {i}\", en = \"term {i}\" }}\n"
        ));
    }
    fs::write(content.join("glossary.toml"), glossary).unwrap();
    let words: Vec<String> = (0..terms).step_by(7).map(|i| format!("T{i:05}")).collect();
    let text = |lang: &str| {
        format!(
            "+++\nkind = \"strength\"\ntitle = \"{lang}\"\n+++\n\n- {}\n\n{}inne{}\n",
            words.join(" "),
            "<div>".repeat(100_000),
            "</div>".repeat(100_000)
        )
    };
    fs::write(content.join("2021/01-styrka.sv.md"), text("sv")).unwrap();
    fs::write(content.join("2021/01-styrka.en.md"), text("en")).unwrap();
    let built = crate::common::build(site.path()).expect("the site builds");
    // As built (the tests' `page` minifies, and minify-html recurses once per level).
    let sv = crate::common::as_built(&built, "sv/2021/index.html");
    assert!(sv.contains("inne"));
    for (i, word) in words.iter().enumerate().step_by(97) {
        let n = i * 7;
        assert!(
            sv.contains(&format!("<abbr title=\"term {n}\">{word}</abbr>")),
            "{word} is marked"
        );
    }
}
