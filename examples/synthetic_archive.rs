//! Writes a synthetic site root with N yearly reports, for benchmarks and load tests.
//!
//! ```text
//! cargo run --release --example synthetic_archive -- --reports 1000 --out /tmp/site1000 [--charts | --no-charts]
//! summering build --root /tmp/site1000 --output /tmp/site1000-out
//! ```
//!
//! It writes `DIR/content/site.toml` and, per report, `DIR/content/YEAR/report.toml`
//! and 5 sections (two strengths, a focus area, a development area and the way
//! forward) in Swedish and English, each about 90 words of bullet points. No
//! theme folder is written: the default theme is built into the binary.
//!
//! With `--charts`, every report also gets `charts.toml` with two charts in the
//! chart format of issue 4, referenced from the sections' front matter. The ids
//! are the same every year, so the archive's cross-year trend is exercised.
//! Charts are on by default; `--no-charts` leaves them out (see [`CHARTS_BY_DEFAULT`]).
//!
//! The text is pseudo-random from a fixed seed (no `rand` crate): the same
//! arguments always give byte-identical files, and a year's files do not depend
//! on N. Years are four digits: the newest report is 2021 (or 1899 + N when N is
//! larger than 122), counting back one year per report.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Whether `charts.toml` is written when neither `--charts` nor `--no-charts` is given.
const CHARTS_BY_DEFAULT: bool = true;

/// Marker file that says `DIR/content` was written by this program and may be replaced.
const MARKER: &str = ".synthetic-archive";

/// The most reports the four-digit years 1900–9999 allow.
const MAX_REPORTS: u32 = 9999 - 1900 + 1;

/// Words that look Swedish enough for realistic text lengths and diacritics.
const SV_WORDS: &[&str] = &[
    "samverkan",
    "kommun",
    "vårdcentral",
    "närområde",
    "patienter",
    "brukare",
    "äldre",
    "barn",
    "unga",
    "utveckla",
    "förbättra",
    "samordnad",
    "individuell",
    "plan",
    "hemsjukvård",
    "rehabilitering",
    "psykisk",
    "hälsa",
    "dialog",
    "möte",
    "gemensam",
    "förståelse",
    "kontaktnät",
    "verksamheter",
    "vårdgrannar",
    "rutiner",
    "utskrivning",
    "inskrivning",
    "tidiga",
    "insatser",
    "undvikbar",
    "slutenvård",
    "fysisk",
    "ohälsa",
    "arbetssätt",
    "kompetens",
    "chefer",
    "medarbetare",
    "struktur",
    "forum",
    "strategiska",
    "operativa",
    "frågor",
    "viktigt",
    "tillsammans",
    "öka",
    "stärka",
    "följa",
    "upp",
    "och",
    "för",
    "med",
    "att",
    "i",
    "på",
    "av",
    "det",
    "som",
    "är",
    "har",
    "kan",
    "ska",
    "mer",
    "nya",
    "över",
    "året",
    "närhet",
    "trygghet",
    "språk",
    "skola",
    "elevhälsa",
    "socialtjänst",
    "primärvård",
    "digitala",
    "lösningar",
    "överenskommelse",
    "handlingsplan",
    "uppföljning",
    "målgrupp",
    "behov",
    "stöd",
];

/// Words that look English, for the English versions.
const EN_WORDS: &[&str] = &[
    "collaboration",
    "municipality",
    "health",
    "centre",
    "local",
    "area",
    "patients",
    "users",
    "older",
    "people",
    "children",
    "young",
    "develop",
    "improve",
    "coordinated",
    "individual",
    "plan",
    "home",
    "care",
    "rehabilitation",
    "mental",
    "dialogue",
    "meeting",
    "shared",
    "understanding",
    "network",
    "services",
    "neighbours",
    "routines",
    "discharge",
    "admission",
    "early",
    "measures",
    "avoidable",
    "inpatient",
    "physical",
    "working",
    "methods",
    "skills",
    "managers",
    "staff",
    "structure",
    "forum",
    "strategic",
    "operational",
    "issues",
    "important",
    "together",
    "increase",
    "strengthen",
    "follow",
    "up",
    "and",
    "for",
    "with",
    "to",
    "in",
    "on",
    "of",
    "the",
    "that",
    "is",
    "has",
    "can",
    "will",
    "more",
    "new",
    "over",
    "year",
    "proximity",
    "safety",
    "language",
    "school",
    "pupil",
    "social",
    "primary",
    "digital",
    "solutions",
    "agreement",
    "action",
    "target",
    "group",
    "needs",
    "support",
];

/// Section order number, slug, kind, Swedish title stem, English title stem.
const SECTIONS: [(u32, &str, &str, &str, &str); 5] = [
    (
        1,
        "struktur",
        "strength",
        "Välfungerande struktur",
        "Well-functioning structure",
    ),
    (
        2,
        "viljan",
        "strength",
        "Viljan att samverka",
        "The will to collaborate",
    ),
    (
        3,
        "aktuellt",
        "focus-area",
        "Aktuella frågor",
        "Current issues",
    ),
    (
        4,
        "utveckling",
        "development-area",
        "Utvecklingsområde",
        "Area for development",
    ),
    (
        5,
        "framat",
        "way-forward",
        "Vägen framåt",
        "The way forward",
    ),
];

/// Chart ids, the same every year; which section (by order number) shows each.
const CHARTS: [(&str, u32); 2] = [("narvaro", 3), ("sip-per-kvartal", 4)];

/// splitmix64: a tiny, well-mixed deterministic generator (no dependency needed).
struct Rng(u64);

impl Rng {
    /// A generator for one file, seeded from a fixed seed and the file's identity,
    /// so each file is the same whatever N is.
    fn for_file(year: u16, part: u32, lang: &str) -> Rng {
        let mut seed = 0x5EED_2021_u64 ^ (u64::from(year) << 32) ^ (u64::from(part) << 8);
        for b in lang.bytes() {
            seed = seed.rotate_left(8) ^ u64::from(b);
        }
        Rng(seed)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `lo..=hi`.
    fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next() % (hi - lo + 1)
    }

    fn pick<'a>(&mut self, words: &[&'a str]) -> &'a str {
        words[(self.next() % words.len() as u64) as usize]
    }
}

/// What to generate, from the command line.
struct Args {
    reports: u32,
    out: PathBuf,
    charts: bool,
}

fn parse_args() -> Result<Args, String> {
    let mut reports = None;
    let mut out = None;
    let mut charts = CHARTS_BY_DEFAULT;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--reports" => {
                let n = args.next().ok_or("--reports needs a number")?;
                reports = Some(
                    n.parse::<u32>()
                        .map_err(|_| format!("--reports {n}: not a whole number"))?,
                );
            }
            "--out" => out = Some(PathBuf::from(args.next().ok_or("--out needs a folder")?)),
            "--charts" => charts = true,
            "--no-charts" => charts = false,
            other => return Err(format!("unknown argument {other}")),
        }
    }
    let reports = reports.ok_or("give --reports N")?;
    if reports == 0 || reports > MAX_REPORTS {
        return Err(format!(
            "--reports must be between 1 and {MAX_REPORTS} (years are 1900–9999)"
        ));
    }
    Ok(Args {
        reports,
        out: out.ok_or("give --out DIR")?,
        charts,
    })
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!(
                "synthetic_archive: {e}\nusage: synthetic_archive --reports N --out DIR [--charts | --no-charts]"
            );
            return ExitCode::from(2);
        }
    };
    match write_site(&args) {
        Ok(files) => {
            println!(
                "Wrote {files} files ({} reports × 2 languages{}) into {}",
                args.reports,
                if args.charts { ", with charts" } else { "" },
                args.out.join("content").display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("synthetic_archive: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The years of the reports, newest first.
fn years(reports: u32) -> impl Iterator<Item = u16> {
    let newest = 2021.max(1899 + reports);
    (0..reports).map(move |i| (newest - i) as u16)
}

fn write_site(args: &Args) -> Result<usize, String> {
    let content = args.out.join("content");
    prepare(&content)?;
    let mut files = 0;
    let mut put = |rel: String, text: String| -> Result<(), String> {
        let path = content.join(&rel);
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
        fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))?;
        files += 1;
        Ok(())
    };
    put(
        MARKER.into(),
        "Written by examples/synthetic_archive.rs; replaced when it runs again.\n".into(),
    )?;
    put("site.toml".into(), SITE_TOML.into())?;
    for year in years(args.reports) {
        put(format!("{year}/report.toml"), report_toml(year))?;
        if args.charts {
            put(format!("{year}/charts.toml"), charts_toml(year))?;
        }
        for (number, slug, kind, sv_title, en_title) in SECTIONS {
            for (lang, title, words) in [("sv", sv_title, SV_WORDS), ("en", en_title, EN_WORDS)] {
                let charts: Vec<&str> = if args.charts {
                    CHARTS
                        .iter()
                        .filter(|c| c.1 == number)
                        .map(|c| c.0)
                        .collect()
                } else {
                    Vec::new()
                };
                let text = section(
                    year,
                    number,
                    lang,
                    kind,
                    &format!("{title} {year}"),
                    words,
                    &charts,
                );
                put(format!("{year}/{number:02}-{slug}.{lang}.md"), text)?;
            }
        }
    }
    Ok(files)
}

/// Makes sure `content` is empty or ours, and empties it.
fn prepare(content: &Path) -> Result<(), String> {
    if content.exists() {
        if !content.join(MARKER).is_file() {
            return Err(format!(
                "{} exists and was not written by synthetic_archive; choose another --out folder",
                content.display()
            ));
        }
        fs::remove_dir_all(content).map_err(|e| format!("{}: {e}", content.display()))?;
    }
    Ok(())
}

const SITE_TOML: &str = r#"# Synthetic site written by examples/synthetic_archive.rs, for benchmarks.
# No themes/ folder: the default theme is built into summering.
languages = ["sv", "en"]
theme = "default"

[name]
sv = "Syntetiskt arkiv"
en = "Synthetic archive"

[organisation]
sv = "Testorganisation för prestandamätning"
en = "Test organisation for performance measurement"

[description]
sv = "Genererad text för prestandamätning av summering: många år, två språk, samma struktur som en riktig summering."
en = "Generated text for measuring summering: many years, two languages, the same structure as a real summary."
"#;

fn report_toml(year: u16) -> String {
    format!(
        "title = {{ sv = \"Syntetisk summering {year}\", en = \"Synthetic summary {year}\" }}\n\
         subtitle = {{ sv = \"Genererad testdata\", en = \"Generated test data\" }}\n\
         published = {year}-12-31\n\
         closing = {{ sv = \"Ett samarbete värt att satsa på år {year}\", en = \"A collaboration worth investing in, {year}\" }}\n"
    )
}

/// One section file: front matter, then bullets until about 90 words.
fn section(
    year: u16,
    number: u32,
    lang: &str,
    kind: &str,
    title: &str,
    words: &[&str],
    charts: &[&str],
) -> String {
    let mut rng = Rng::for_file(year, number, lang);
    let mut out = format!("+++\nkind = \"{kind}\"\ntitle = \"{title}\"\n");
    if !charts.is_empty() {
        let ids: Vec<String> = charts.iter().map(|c| format!("\"{c}\"")).collect();
        let _ = writeln!(out, "charts = [{}]", ids.join(", "));
    }
    out.push_str("+++\n\n");
    let mut count = 0;
    while count < 90 {
        let n = rng.range(8, 15) as usize;
        let mut bullet: Vec<String> = (0..n).map(|_| rng.pick(words).to_string()).collect();
        let mut first = bullet[0].chars();
        let capital: String = first
            .next()
            .map(|c| c.to_uppercase().chain(first).collect())
            .unwrap_or_default();
        bullet[0] = capital;
        if rng.range(0, 3) == 0 {
            let i = rng.range(0, n as u64 - 1) as usize;
            bullet[i] = format!("**{}**", bullet[i]);
        }
        let _ = writeln!(out, "- {}", bullet.join(" "));
        count += n;
    }
    out
}

/// Two charts with ids that recur every year, values varying by year.
fn charts_toml(year: u16) -> String {
    let mut rng = Rng::for_file(year, 100, "charts");
    let mut out = String::from("# Example data, generated for benchmarks.\n");
    let orgs = [
        ("Kommun", "Municipality"),
        ("Primärvård", "Primary care"),
        ("Sjukhus", "Hospital"),
        ("Skola", "School"),
    ];
    let _ = write!(
        out,
        "[[chart]]\nid = \"{}\"\nkind = \"bar\"\n\
         title = {{ sv = \"Närvaro på dialogmötet {year}\", en = \"Attendance at the dialogue meeting {year}\" }}\n\
         x_label = {{ sv = \"Organisation\", en = \"Organisation\" }}\n\
         y_label = {{ sv = \"Andel närvarande\", en = \"Share present\" }}\n\
         unit = \"%\"\n\
         source = {{ sv = \"Exempeldata\", en = \"Example data\" }}\n\
         categories = [{}]\n\n[[chart.series]]\nname = {{ sv = \"Närvaro\", en = \"Attendance\" }}\nvalues = [{}]\n\n",
        CHARTS[0].0,
        orgs.iter()
            .map(|(sv, en)| format!("{{ sv = \"{sv}\", en = \"{en}\" }}"))
            .collect::<Vec<_>>()
            .join(", "),
        (0..orgs.len())
            .map(|_| format!("{}.{}", rng.range(40, 99), rng.range(0, 9)))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let quarters = ["1", "2", "3", "4"];
    let _ = write!(
        out,
        "[[chart]]\nid = \"{}\"\nkind = \"line\"\n\
         title = {{ sv = \"Samordnade individuella planer per kvartal {year}\", en = \"Coordinated individual plans per quarter {year}\" }}\n\
         x_label = {{ sv = \"Kvartal\", en = \"Quarter\" }}\n\
         y_label = {{ sv = \"Antal planer\", en = \"Number of plans\" }}\n\
         source = {{ sv = \"Exempeldata\", en = \"Example data\" }}\n\
         categories = [{}]\n",
        CHARTS[1].0,
        quarters
            .iter()
            .map(|q| format!("{{ sv = \"Kv {q}\", en = \"Q{q}\" }}"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    for (sv, en) in [
        ("Barn och unga", "Children and young people"),
        ("Vuxna", "Adults"),
    ] {
        let values: Vec<String> = quarters
            .iter()
            .map(|_| rng.range(100, 2500).to_string())
            .collect();
        let _ = write!(
            out,
            "\n[[chart.series]]\nname = {{ sv = \"{sv}\", en = \"{en}\" }}\nvalues = [{}]\n",
            values.join(", ")
        );
    }
    out
}
