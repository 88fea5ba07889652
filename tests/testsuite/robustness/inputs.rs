//! Generators of hostile site content for the robustness tests: TOML files,
//! section files and whole sites, from near-valid to random bytes.
//!
//! Pure random bytes rarely get past the TOML parser, so most inputs are built
//! from fragments editors really write (and get wrong): valid lines mixed with
//! typos, wrong types, bad dates, unclosed quotes and fences, BOMs and CRLF.

use std::collections::BTreeMap;
use std::fmt;

use proptest::prelude::*;
use proptest::sample::select;

/// A site as files: path relative to the site root → bytes.
#[derive(Clone, PartialEq, Eq)]
pub(super) struct SiteFiles(pub BTreeMap<String, Vec<u8>>);

impl SiteFiles {
    /// A small valid site: one report (2021), two sections in both languages.
    pub(super) fn valid() -> SiteFiles {
        let mut files = BTreeMap::new();
        for (path, text) in VALID {
            files.insert(path.to_string(), text.as_bytes().to_vec());
        }
        SiteFiles(files)
    }

    /// This site with `path` replaced (or added).
    pub(super) fn with(mut self, path: &str, bytes: Vec<u8>) -> SiteFiles {
        self.0.insert(path.to_string(), bytes);
        self
    }

    /// This site without the files under `prefix`.
    pub(super) fn without(mut self, prefix: &str) -> SiteFiles {
        self.0.retain(|p, _| !p.starts_with(prefix));
        self
    }
}

/// Prints the files as Rust-escaped text, ready to paste into a regression test.
impl fmt::Debug for SiteFiles {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "SiteFiles {{")?;
        for (path, bytes) in &self.0 {
            match std::str::from_utf8(bytes) {
                Ok(text) => writeln!(f, "  {path:?}: {text:?}")?,
                Err(_) => writeln!(f, "  {path:?}: bytes {bytes:?}")?,
            }
        }
        write!(f, "}}")
    }
}

const VALID: [(&str, &str); 6] = [
    (
        "content/site.toml",
        "languages = [\"sv\", \"en\"]\ntheme = \"default\"\n[name]\nsv = \"Testsajt\"\nen = \"Test site\"\n\
         [organisation]\nsv = \"Testorganisation\"\nen = \"Test organisation\"\n",
    ),
    (
        "content/2021/report.toml",
        "title = { sv = \"Test 2021\", en = \"Test 2021\" }\npublished = 2021-12-31\n",
    ),
    (
        "content/2021/01-styrka.sv.md",
        "+++\nkind = \"strength\"\ntitle = \"Styrka\"\n+++\n\n- Första punkten\n",
    ),
    (
        "content/2021/01-styrka.en.md",
        "+++\nkind = \"strength\"\ntitle = \"Strength\"\n+++\n\n- First point\n",
    ),
    (
        "content/2021/02-framat.sv.md",
        "+++\nkind = \"way-forward\"\ntitle = \"Framåt\"\n+++\n\n- Nästa steg\n",
    ),
    (
        "content/2021/02-framat.en.md",
        "+++\nkind = \"way-forward\"\ntitle = \"Forward\"\n+++\n\n- Next step\n",
    ),
];

/// Lines that belong in `site.toml`, right or nearly right.
const SITE_LINES: &[&str] = &[
    "languages = [\"sv\", \"en\"]",
    "languages = [\"en\", \"sv\"]",
    "languages = [\"sv\"]",
    "languages = []",
    "languages = [\"sv\", \"sv\"]",
    "languages = [\"xx\"]",
    "languages = \"sv\"",
    "languages = [1]",
    "theme = \"default\"",
    "theme = \"../etc\"",
    "theme = \"\"",
    "theme = \"saknas\"",
    "[name]",
    "[organisation]",
    "[description]",
    "[[name]]",
    "name = { sv = \"Namn\", en = \"Name\" }",
    "name = { en = \"Name\" }",
    "organisation = { sv = \"Org\" }",
    "description = \"text\"",
];

/// Lines that belong in `report.toml`, right or nearly right.
const REPORT_LINES: &[&str] = &[
    "title = { sv = \"Titel\", en = \"Title\" }",
    "title = { en = \"Title\" }",
    "title = \"Titel\"",
    "[title]",
    "subtitle = { sv = \"Under\", en = \"Sub\" }",
    "closing = { sv = \"Slut\" }",
    "published = 2021-12-31",
    "published = 2021-02-30",
    "published = 2021-13-01",
    "published = 1899-01-01",
    "published = 0000-01-01",
    "published = 9999-12-31",
    "published = 2021-12-31T10:00:00Z",
    "published = 10:00:00",
    "published = \"2021-12-31\"",
    "published = 20211231",
    "titel = { sv = \"x\" }",
    "[[chart]]",
];

/// Lines that may stand in any TOML file: table rows, noise and broken syntax.
const TOML_NOISE: &[&str] = &[
    "",
    "# kommentar",
    "sv = \"Svensk text\"",
    "en = \"English text\"",
    "xx = \"okänt språk\"",
    "sv = 3",
    "sv = \"\"",
    "en = \"\"\"\nflera\nrader\"\"\"",
    "\"Gävle\" = 12",
    "Gävle = 12",
    "sv = \"oavslutad",
    "sv = 'literal'",
    "sv = \"\\q\"",
    "sv = \"\\u00e5\"",
    "[",
    "]",
    "=",
    "= 1",
    "[name.sv]",
    "a.b.c = 1",
    "sv = \"a\" en = \"b\"",
    "\t",
    "+++",
    "sv = [\"a\"]",
    "sv = { }",
    "sv = 1e999",
    "sv = nan",
    "[organisation]\nsv = \"x\"\n[organisation]",
    "\u{feff}",
    "\r",
    "sv = \"\u{0}\"",
    "sv = \"ab\u{202e}cd\"",
];

/// Values for generated `key = value` lines.
const VALUES: &[&str] = &[
    "\"text\"",
    "\"Gävle\"",
    "\"\"",
    "\"oavslutad",
    "3",
    "-1",
    "1.5",
    "true",
    "2021-12-31",
    "2021-02-30",
    "2021-12-31T10:00:00Z",
    "[]",
    "[\"sv\", \"en\"]",
    "[\"sv\", \"sv\"]",
    "[\"xx\"]",
    "[1, 2]",
    "[\"a\", 1]",
    "{ sv = \"a\", en = \"b\" }",
    "{ sv = \"a\" }",
    "{ en = \"b\" }",
    "{ xx = \"c\", sv = \"a\" }",
    "{ sv = 1 }",
    "{}",
    "'literal'",
    "\"\\u00e5\"",
    "\"\\x\"",
    "{ sv = \"a\", sv = \"b\" }",
];

/// Keys for generated `key = value` lines: every key summering knows, plus typos.
const KEYS: &[&str] = &[
    "languages",
    "theme",
    "name",
    "organisation",
    "description",
    "title",
    "subtitle",
    "published",
    "closing",
    "kind",
    "charts",
    "titel",
    "sv",
    "en",
    "\"Gävle\"",
    "\"\"",
    "id",
    "values",
];

/// Front matter lines of a section file.
const FRONT_LINES: &[&str] = &[
    "kind = \"strength\"",
    "kind = \"focus-area\"",
    "kind = \"development-area\"",
    "kind = \"way-forward\"",
    "kind = \"styrka\"",
    "kind = \"\"",
    "kind = 1",
    "title = \"Rubrik\"",
    "title = \"\"",
    "title = \"  \"",
    "title = \"<script>alert(1)</script>\"",
    "title = \"”citat” & <b>\"",
    "title = 3",
    "charts = [\"narvaro\"]",
    "titel = \"x\"",
    "+++",
    "++",
];

/// Markdown lines, ordinary and hostile.
const MARKDOWN_LINES: &[&str] = &[
    "",
    "- punkt",
    "* item",
    "  - nested",
    "1. ett",
    "2) två",
    "# Rubrik",
    "###### h6",
    "Setext\n===",
    "> citat",
    "\"citat\" och 'enkel'",
    "**fet** _kursiv_ ~~struken~~",
    "[länk](https://example.org)",
    "[js](javascript:alert(1))",
    "[rel](../../annan/index.html)",
    "<https://example.org>",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<div style=\"color:red\">",
    "</div>",
    "<style>body{display:none}</style>",
    "<svg><style>x{}</style><script>1</script></svg>",
    "<!-- oavslutad",
    "| a | b |",
    "|---|---|",
    "| 1 | 2 |",
    "```",
    "```rust",
    "~~~",
    "    indragen kod",
    "[^1]",
    "[^1]: fotnot",
    "---",
    "***",
    "&amp; &#0; &#x110000; &nosuch;",
    "\\",
    "<",
    ">",
    "`",
    "- [ ] uppgift",
    "## Rubrik {#id}",
    "😀 åäö ÅÄÖ",
    "\u{202e}baklänges",
    "\u{0}",
    "\u{feff}",
    "<p>",
    "</p></div></section></main>",
    "<textarea>",
    "<plaintext>",
    "<title>",
    "<iframe src=x>",
    "![bild](x.png)",
    "![](javascript:x)",
];

/// Section file names, valid and broken.
const SECTION_NAMES: &[&str] = &[
    "01-styrka.sv.md",
    "01-styrka.en.md",
    "02-framat.sv.md",
    "02-framat.en.md",
    "03-ny.sv.md",
    "03-ny.en.md",
    "01-styrka.sv.md",
    "01-styrka.en.md",
    "02-framat.sv.md",
    "02-framat.en.md",
    "03-ny.sv.md",
    "03-ny.en.md",
    "01-annan.sv.md",
    "01-styrka.de.md",
    "01-styrka.xx.md",
    "01-Styrka.sv.md",
    "1-x.sv.md",
    "01-.sv.md",
    "01-styrka.md",
    "-x.sv.md",
    "01-å.sv.md",
    "00-x.sv.md",
    "99999999999-x.sv.md",
    "01-styrka.sv.md.md",
    ".01-dold.sv.md",
    "01-styrka.SV.md",
    "01_styrka.sv.md",
    "anteckning.txt",
];

/// Year folder names, valid and broken.
const YEAR_NAMES: &[&str] = &[
    "2021", "2020", "1900", "1899", "0000", "9999", "20211", "abcd", "202", ".2019",
];

/// Line endings editors produce.
fn eol() -> impl Strategy<Value = &'static str> + Clone {
    select(&["\n", "\r\n", "\r"][..])
}

/// A `key = value` line from the known keys and values, or with a random key.
fn key_value() -> impl Strategy<Value = String> + Clone {
    let key = prop_oneof![4 => select(KEYS).prop_map(str::to_string), 1 => "[a-zåäö_\"-]{0,8}"];
    let value = prop_oneof![4 => select(VALUES).prop_map(str::to_string), 1 => "\"[^\"\\\\\n]{0,12}\"", 1 => "\\PC{0,12}"];
    (key, value).prop_map(|(k, v)| format!("{k} = {v}"))
}

/// Lines of a TOML file: its own kind of lines, noise, `key = value` and any text.
fn toml_line(own: &'static [&'static str]) -> impl Strategy<Value = String> + Clone {
    prop_oneof![
        6 => select(own).prop_map(str::to_string),
        3 => select(TOML_NOISE).prop_map(str::to_string),
        3 => key_value(),
        1 => "\\PC{0,30}",
    ]
}

/// Joins lines with a line ending, maybe after a byte-order mark.
fn join(bom: bool, eol: &str, lines: &[String], final_eol: bool) -> Vec<u8> {
    let mut text = if bom {
        "\u{feff}".to_string()
    } else {
        String::new()
    };
    text.push_str(&lines.join(eol));
    if final_eol {
        text.push_str(eol);
    }
    text.into_bytes()
}

/// Any bytes at all, now and then: the file might not even be UTF-8.
fn random_bytes() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        proptest::collection::vec(any::<u8>(), 0..96),
        "\\PC{0,96}".prop_map(String::into_bytes)
    ]
}

/// A change to a valid file: replace, insert or delete one line.
#[derive(Debug, Clone)]
enum Edit {
    Replace(proptest::sample::Index, String),
    Insert(proptest::sample::Index, String),
    Delete(proptest::sample::Index),
}

fn edit(line: impl Strategy<Value = String> + Clone) -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<proptest::sample::Index>(), line.clone()).prop_map(|(i, l)| Edit::Replace(i, l)),
        (any::<proptest::sample::Index>(), line).prop_map(|(i, l)| Edit::Insert(i, l)),
        any::<proptest::sample::Index>().prop_map(Edit::Delete),
    ]
}

/// `valid` with a few line edits: errors deep in otherwise good files, and
/// sometimes still a good file (the build then goes all the way to the pages).
fn edited(
    valid: &'static str,
    line: impl Strategy<Value = String> + Clone,
) -> impl Strategy<Value = Vec<u8>> {
    (
        any::<bool>(),
        eol(),
        proptest::collection::vec(edit(line), 0..3),
        any::<bool>(),
    )
        .prop_map(move |(bom, eol, edits, fin)| {
            let mut lines: Vec<String> = valid.lines().map(str::to_string).collect();
            for e in edits {
                match e {
                    Edit::Replace(i, l) if !lines.is_empty() => {
                        let i = i.index(lines.len());
                        lines[i] = l;
                    }
                    Edit::Insert(i, l) => lines.insert(i.index(lines.len() + 1), l),
                    Edit::Delete(i) if !lines.is_empty() => {
                        lines.remove(i.index(lines.len()));
                    }
                    _ => {}
                }
            }
            join(bom, eol, &lines, fin)
        })
}

/// A TOML file: mostly the valid one edited, else made of `own` lines, else random bytes.
pub(super) fn toml_file(
    valid: &'static str,
    own: &'static [&'static str],
) -> impl Strategy<Value = Vec<u8>> {
    let lines = (
        any::<bool>(),
        eol(),
        proptest::collection::vec(toml_line(own), 0..10),
        any::<bool>(),
    )
        .prop_map(|(bom, eol, lines, fin)| join(bom, eol, &lines, fin));
    prop_oneof![6 => edited(valid, toml_line(own)), 3 => lines, 1 => random_bytes()]
}

/// `content/site.toml`.
pub(super) fn site_toml() -> impl Strategy<Value = Vec<u8>> {
    toml_file(VALID[0].1, SITE_LINES)
}

/// `content/YEAR/report.toml`.
pub(super) fn report_toml() -> impl Strategy<Value = Vec<u8>> {
    toml_file(VALID[1].1, REPORT_LINES)
}

/// A `title = "…"` line with any text that TOML accepts in a basic string.
fn title_line() -> impl Strategy<Value = String> {
    "[^\"\\\\\\x00-\\x1f\\x7f]{0,24}".prop_map(|t| format!("title = \"{t}\""))
}

/// A Markdown section file: fences (maybe broken), front matter, body.
pub(super) fn section_file() -> impl Strategy<Value = Vec<u8>> {
    let kind = select(&FRONT_LINES[..4]).prop_map(str::to_string);
    let good_front = (kind, title_line()).prop_map(|(k, t)| vec![k, t]);
    let other_front =
        prop_oneof![6 => select(FRONT_LINES).prop_map(str::to_string), 2 => toml_line(TOML_NOISE)];
    let front = prop_oneof![4 => good_front, 1 => proptest::collection::vec(other_front, 0..5)];
    let body_line =
        prop_oneof![6 => select(MARKDOWN_LINES).prop_map(str::to_string), 1 => "\\PC{0,40}"];
    let open =
        prop_oneof![6 => Just("+++"), 1 => select(&["+++ ", "+++\t", "++", "---", " +++", ""][..])];
    let close =
        prop_oneof![6 => Just("+++"), 1 => select(&["+++ ", "", "++++", " +++", "+++ x"][..])];
    let parts = (
        (any::<bool>(), eol(), 0..3usize),
        open,
        front,
        close,
        proptest::collection::vec(body_line, 0..14),
        any::<bool>(),
    );
    let text = parts.prop_map(|((bom, eol, blank), open, front, close, body, fin)| {
        let mut lines = vec![String::new(); blank];
        lines.push(open.to_string());
        lines.extend(front);
        lines.push(close.to_string());
        lines.extend(body);
        join(bom, eol, &lines, fin)
    });
    prop_oneof![10 => text, 1 => random_bytes()]
}

/// A section file with good front matter and any Markdown body: reaches the
/// Markdown renderer, the sanitizer, the templates and the minifier every time.
pub(super) fn section_body() -> impl Strategy<Value = Vec<u8>> {
    let line = prop_oneof![6 => select(MARKDOWN_LINES).prop_map(str::to_string), 1 => "\\PC{0,40}"];
    let body = prop_oneof![6 => proptest::collection::vec(line, 0..24).prop_map(|l| l.join("\n")), 1 => "\\PC{0,200}"];
    (select(&["\n", "\r\n"][..]), body).prop_map(|(eol, body)| {
        format!("+++{eol}kind = \"strength\"{eol}title = \"Styrka\"{eol}+++{eol}{body}")
            .into_bytes()
    })
}

/// A section file name: mostly valid names, sometimes broken or random.
pub(super) fn section_name() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => select(&SECTION_NAMES[..12]).prop_map(str::to_string),
        3 => select(SECTION_NAMES).prop_map(str::to_string),
        1 => "[0-9]{0,3}-[a-z0-9å-]{0,6}\\.[a-z]{0,3}\\.md",
    ]
}

/// A year folder name: mostly valid years, sometimes broken.
pub(super) fn year_name() -> impl Strategy<Value = String> {
    prop_oneof![3 => select(YEAR_NAMES).prop_map(str::to_string), 1 => "[0-9]{4}"]
}

/// A year folder's name, its report.toml if any, and its section files (name, bytes).
pub(super) type YearFolder = (String, Option<Vec<u8>>, Vec<(String, Vec<u8>)>);

/// One year folder: its name, maybe a report.toml, and section files.
pub(super) fn year_folder() -> impl Strategy<Value = YearFolder> {
    (
        year_name(),
        proptest::option::weighted(
            0.9,
            prop_oneof![3 => Just(VALID[1].1.as_bytes().to_vec()), 1 => report_toml()],
        ),
        proptest::collection::vec((section_name(), section_file()), 0..5),
    )
}

/// A whole site where every file may be broken, and stray files appear.
pub(super) fn whole_site() -> impl Strategy<Value = SiteFiles> {
    let site_toml = prop_oneof![2 => Just(VALID[0].1.as_bytes().to_vec()), 1 => site_toml()];
    let stray =
        proptest::collection::vec(("[a-z][a-z0-9]{0,5}\\.(toml|md|txt)", random_bytes()), 0..2);
    (
        proptest::option::weighted(0.95, site_toml),
        proptest::collection::vec(year_folder(), 0..3),
        stray,
    )
        .prop_map(|(site, years, stray)| {
            let mut files = SiteFiles(BTreeMap::new());
            if let Some(site) = site {
                files = files.with("content/site.toml", site);
            }
            for (year, report, sections) in years {
                if let Some(report) = report {
                    files = files.with(&format!("content/{year}/report.toml"), report);
                }
                for (name, text) in sections {
                    files = files.with(&format!("content/{year}/{name}"), text);
                }
            }
            for (name, bytes) in stray {
                files = files.with(&format!("content/{name}"), bytes);
            }
            files
        })
}

/// A valid `charts.toml` for the base site: one grouped bar chart that `01-styrka` shows.
const VALID_CHARTS: &str = "[[chart]]\nid = \"narvaro\"\nkind = \"grouped-bar\"\n\
title = { sv = \"Närvaro\", en = \"Attendance\" }\nx_label = { sv = \"Organisation\", en = \"Organisation\" }\n\
y_label = { sv = \"Andel\", en = \"Share\" }\nunit = \"%\"\nsource = { sv = \"Testdata\", en = \"Test data\" }\n\
categories = [{ sv = \"Kommun\", en = \"Municipality\" }, { sv = \"SU\", en = \"SU\" }]\n\
[[chart.series]]\nname = { sv = \"2021\", en = \"2021\" }\nvalues = [94.5, 62.5]\n\
[[chart.series]]\nname = { sv = \"2020\", en = \"2020\" }\nvalues = [90, 1234.5]\n";

/// Lines that belong in `charts.toml`, right or nearly right: the problems editors make with chart data.
const CHART_LINES: &[&str] = &[
    "[[chart]]",
    "[[chart.series]]",
    "[chart]",
    "id = \"narvaro\"",
    "id = \"annan\"",
    "id = \"\"",
    "id = \"Ä ö\"",
    "kind = \"bar\"",
    "kind = \"hbar\"",
    "kind = \"stacked-bar\"",
    "kind = \"line\"",
    "kind = \"pie\"",
    "kind = 1",
    "title = { sv = \"T\", en = \"T\" }",
    "title = { en = \"T\" }",
    "source = { sv = \"Exempeldata\" }",
    "categories = []",
    "categories = [{ sv = \"A\" }]",
    "categories = [\"A\", \"B\"]",
    "categories = [{ sv = \"A\", en = \"A\" }, { sv = \"B\", en = \"B\" }, { sv = \"C\", en = \"C\" }]",
    "values = []",
    "values = [1]",
    "values = [1, 2]",
    "values = [-1, 2]",
    "values = [\"12\", 3]",
    "values = [1e308, 1e308]",
    "values = [0, 0]",
    "values = [nan, inf]",
    "values = [-0.0, 0.000001]",
    "values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]",
    "name = { sv = \"S\", en = \"S\" }",
    "name = \"S\"",
    "unit = \"%\"",
    "unit = { sv = \"st\", en = \"pcs\" }",
    "unit = \"\"",
    "x_label = 3",
    "y_label = { xx = \"y\" }",
];

/// `content/YEAR/charts.toml`.
pub(super) fn charts_toml() -> impl Strategy<Value = Vec<u8>> {
    toml_file(VALID_CHARTS, CHART_LINES)
}

/// A complete `content/accessibility.toml`.
const VALID_STATEMENT: &str = "public_body = { sv = \"Myndigheten\", en = \"The agency\" }\n\
service = { sv = \"Sajten\", en = \"The site\" }\nstatus = \"partially\"\nmethod = \"self-assessment\"\n\
assessed = 2026-11-30\nupdated = 2026-12-01\n\n[feedback]\nemail = \"a@example.se\"\n\n\
[[problem]]\nwhat = { sv = \"PDF\", en = \"PDF\" }\nwhy = { sv = \"Inte kontrollerad\", en = \"Not checked\" }\n";

/// Lines that belong in `accessibility.toml`, right or nearly right.
const STATEMENT_LINES: &[&str] = &[
    "[feedback]",
    "[[problem]]",
    "[[disproportionate_burden]]",
    "[[out_of_scope]]",
    "status = \"fully\"",
    "status = \"not\"",
    "status = \"delvis förenlig\"",
    "status = 1",
    "method = \"external-review\"",
    "method = \"egen\"",
    "assessed = 2026-02-30",
    "assessed = \"2026-11-30\"",
    "updated = 2020-01-01",
    "updated = 2026-12-01T10:00:00",
    "email = \"\"",
    "email = \"mailto:a@b.se\"",
    "url = \"https://example.se/\"",
    "url = \"javascript:alert(1)\"",
    "what = { sv = \"\" }",
    "what = { en = \"only English\" }",
    "why = { sv = \"S\", xx = \"?\" }",
    "why = \"plain\"",
    "public_body = { sv = \"M\" }",
    "service = []",
    "problem = 3",
];

/// `content/accessibility.toml`.
pub(super) fn statement_toml() -> impl Strategy<Value = Vec<u8>> {
    toml_file(VALID_STATEMENT, STATEMENT_LINES)
}

/// The base site's first section, showing the chart `narvaro` (or naming one that may not exist).
pub(super) fn section_with_chart() -> impl Strategy<Value = Vec<u8>> {
    select(&["[\"narvaro\"]", "[\"narvaro\", \"narvaro\"]", "[\"saknas\"]", "[]", "\"narvaro\""][..]).prop_map(|ids| {
        format!("+++\nkind = \"strength\"\ntitle = \"Styrka\"\ncharts = {ids}\n+++\n\n- Första punkten\n").into_bytes()
    })
}

/// Lines of a slide deck exported to text: titles, every bullet style, nesting, wraps, noise.
const OUTLINE_LINES: &[&str] = &[
    "",
    " ",
    "NOSAM summering 2021",
    "Kommun",
    "och sjukvård",
    "Samverkan i Göteborgsområdet",
    "Styrkor",
    "Välfungerande struktur för samverkan",
    "Aktuella frågor under 2021",
    "Utvecklingsområde",
    "Framåt",
    "Ett samarbete",
    "värt att satsa på",
    "- punkt",
    "• punkt",
    "* punkt",
    "– punkt",
    "\u{f0b7} punkt",
    "\u{f0a7} punkt",
    "o punkt",
    "1. punkt",
    "2) punkt",
    " - underpunkt",
    "    – djupare",
    "\t• tabb",
    "- en lång punkt som bryts",
    "mitt i meningen och fortsätter",
    "-",
    "•",
    "1.",
    "\u{c}",
    "\u{a0}- nbsp",
    "- ”citat” & <b>html</b>",
    "???",
    "+++",
    "[[chart]]",
    "{{platshållare}}",
];

/// The text of an exported deck: outline lines (or random text), any line ending, maybe a BOM.
pub(super) fn outline_text() -> impl Strategy<Value = Vec<u8>> {
    let line = prop_oneof![8 => select(OUTLINE_LINES).prop_map(str::to_string), 1 => "\\PC{0,30}"];
    let lines = (
        any::<bool>(),
        eol(),
        proptest::collection::vec(line, 0..40),
        any::<bool>(),
    )
        .prop_map(|(bom, eol, lines, fin)| join(bom, eol, &lines, fin));
    prop_oneof![9 => lines, 1 => random_bytes()]
}

/// Whitespace as authors and Markdown renderers leave it between pieces of HTML.
fn gap() -> impl Strategy<Value = &'static str> {
    prop_oneof![
        Just(""),
        Just(" "),
        Just("\n"),
        Just("\n  "),
        Just("  \n\n ")
    ]
}

/// Text with spaces, line breaks, entities and a non-breaking space.
fn words() -> impl Strategy<Value = &'static str> {
    prop_oneof![
        Just("ord"),
        Just("två ord"),
        Just("a &amp; b"),
        Just("1\u{a0}234,5"),
        Just("rad\nbrytning"),
        Just("  luft  ")
    ]
}

/// Inline content: text and inline elements, nested.
fn inline_html() -> impl Strategy<Value = String> {
    (gap(), words(), gap())
        .prop_map(|(a, t, b)| format!("{a}{t}{b}"))
        .prop_recursive(3, 16, 4, |inner| {
            let names = prop_oneof![
                Just("a href=\"x.html\""),
                Just("strong"),
                Just("em"),
                Just("span"),
                Just("abbr title=\"t\"")
            ];
            (names, proptest::collection::vec((inner, gap()), 0..4)).prop_map(|(open, kids)| {
                let name = open.split(' ').next().unwrap_or(open);
                let body: String = kids.into_iter().map(|(k, g)| format!("{k}{g}")).collect();
                format!("<{open}>{body}</{name}>")
            })
        })
}

/// Well-formed HTML of the kind Markdown and the templates give: blocks that
/// hold blocks, blocks that hold inline content, lists of items, preformatted text.
pub(super) fn html_fragment() -> impl Strategy<Value = String> {
    let text_block = (
        prop_oneof![Just("p"), Just("h3"), Just("figcaption"), Just("li")],
        proptest::collection::vec((inline_html(), gap()), 0..4),
    )
        .prop_map(|(name, kids)| {
            format!(
                "<{name}>{}</{name}>",
                kids.into_iter()
                    .map(|(k, g)| format!("{k}{g}"))
                    .collect::<String>()
            )
        });
    let pre = (gap(), words()).prop_map(|(g, t)| format!("<pre><code>{g}{t}{g}</code></pre>"));
    prop_oneof![text_block, pre].prop_recursive(3, 24, 4, |inner| {
        let containers = prop_oneof![
            Just("div"),
            Just("section"),
            Just("blockquote"),
            Just("figure"),
            Just("li"),
            Just("ul")
        ];
        (
            containers,
            gap(),
            proptest::collection::vec((inner, gap()), 0..4),
        )
            .prop_map(|(name, lead, kids)| {
                let body: String = kids
                    .into_iter()
                    .map(|(k, g)| {
                        if name == "ul" && !k.starts_with("<li>") {
                            format!("<li>{k}</li>{g}")
                        } else {
                            format!("{k}{g}")
                        }
                    })
                    .collect();
                format!("<{name}>{lead}{body}</{name}>")
            })
    })
}
