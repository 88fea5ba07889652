//! Pages come out minified without minifying each page: the templates and the
//! Markdown are compacted once (`summering::compact`). These tests hold that
//! compaction to minify-html itself, so it can never change what a page says.

use summering::BuildOptions;

use crate::common::{fixture, normalised, repo_root};

fn sites() -> Vec<std::path::PathBuf> {
    let mut sites = vec![repo_root()];
    sites.extend(
        [
            "minimal",
            "report",
            "two-years",
            "markdown",
            "charts",
            "fallback",
            "long-section",
            "trend",
        ]
        .map(fixture),
    );
    sites
}

#[test]
fn compacted_templates_render_what_minify_html_makes_of_the_templates_as_written() {
    let mut pages = 0;
    for root in sites() {
        let compact = summering::build_in_memory(&BuildOptions::new(&root)).unwrap();
        let readable = summering::build_in_memory(&BuildOptions {
            readable: true,
            ..BuildOptions::new(&root)
        })
        .unwrap();
        assert_eq!(compact.files.len(), readable.files.len());
        for (c, r) in compact
            .files
            .iter()
            .zip(&readable.files)
            .filter(|(c, _)| c.is_html())
        {
            assert_eq!(c.path, r.path);
            assert!(
                r.bytes.len() > c.bytes.len(),
                "{}: the readable page is the longer one",
                c.path
            );
            let (c_norm, r_norm) = (normalised(&c.bytes), normalised(&r.bytes));
            if c_norm != r_norm {
                let at = c_norm
                    .bytes()
                    .zip(r_norm.bytes())
                    .take_while(|(a, b)| a == b)
                    .count();
                let from = at.saturating_sub(80);
                panic!(
                    "{} in {}: compacted and readable pages differ after minify-html\n compacted: …{}\n readable:  …{}",
                    c.path,
                    root.display(),
                    &c_norm[c_norm.floor_char_boundary(from)
                        ..c_norm.floor_char_boundary((at + 80).min(c_norm.len()))],
                    &r_norm[r_norm.floor_char_boundary(from)
                        ..r_norm.floor_char_boundary((at + 80).min(r_norm.len()))],
                );
            }
            pages += 1;
        }
    }
    assert!(pages >= 40, "only {pages} pages compared");
}

#[test]
fn minify_html_finds_little_left_to_remove() {
    let site = crate::common::sample();
    let (mut ours, mut theirs) = (0usize, 0usize);
    for f in site.files.iter().filter(|f| f.is_html()) {
        let minified = normalised(&f.bytes).len();
        assert!(
            minified as f64 >= 0.93 * f.bytes.len() as f64,
            "{}: {} bytes, minify-html makes {minified}",
            f.path,
            f.bytes.len()
        );
        ours += f.bytes.len();
        theirs += minified;
    }
    // What is left are quotes around attribute values that come from template
    // code (the compactor cannot know they will be plain) and attribute order.
    assert!(
        theirs as f64 >= 0.96 * ours as f64,
        "{ours} bytes, minify-html makes {theirs}"
    );
}

#[test]
fn markdown_fragments_compact_as_minify_html_would() {
    let texts = [
        "- ett\n- två\n  fortsätter\n\n  stycke\n\n1. a\n2. b\n",
        "Text med *kursiv*, **fet** och `kod  med  mellanrum`\noch en radbrytning.\n",
        "```\nkod\n    indrag\n```\n\n> citat\n> två rader\n",
        "| a | b |\n|---|--:|\n| 1 | 2 |\n\nFotnot[^1].\n\n[^1]: Här.\n",
        "<div class=\"ruta\">\n  <p>rå  html</p>\n</div>\n\nEfter <em>inline</em> html.\n",
        "### Rubrik\n\nText<br>\nny rad  \nhård radbrytning\n\n---\n",
    ];
    for md in texts {
        let mut raw = String::new();
        pulldown_cmark::html::push_html(
            &mut raw,
            pulldown_cmark::Parser::new_ext(md, pulldown_cmark::Options::all()),
        );
        let compact = summering::compact::fragment(&raw);
        assert!(compact.len() < raw.len(), "{md:?}");
        let wrap = |body: &str| {
            format!(
                "<!doctype html><html lang=sv><head><title>t</title></head><body><div>{body}</div></body></html>"
            )
        };
        assert_eq!(
            normalised(wrap(&compact).as_bytes()),
            normalised(wrap(&raw).as_bytes()),
            "{md:?}\n{raw}"
        );
    }
}

#[test]
fn an_image_keeps_the_alt_text_a_browser_reads_back() {
    // Issue 13: `<img src=karta.png alt=Karta/>` is read as alt="Karta/".
    let site = crate::common::fixture_site("minimal");
    let file = site.path().join("content/2020/01-styrka.sv.md");
    let text = std::fs::read_to_string(&file).unwrap() + "\n![Karta](karta.png)\n";
    std::fs::write(&file, text).unwrap();
    std::fs::copy(
        crate::common::fixture("pictures").join("content/2021/karta.png"),
        site.path().join("content/2020/karta.png"),
    )
    .unwrap();
    let built = crate::common::build(site.path()).unwrap();
    let page = built
        .files
        .iter()
        .find(|f| f.path == "sv/2020/index.html")
        .unwrap();
    let html = String::from_utf8(page.bytes.clone()).unwrap();
    let alts: Vec<String> = summering::html::start_tags(&html)
        .filter(|t| t.name == "img" && t.attr("src") == Some("../../images/2020/karta.png"))
        .map(|t| t.attr("alt").unwrap_or("(none)").to_string())
        .collect();
    assert_eq!(alts, ["Karta"], "{html}");
}
