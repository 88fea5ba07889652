//! `summering new YEAR`: a new year's report, scaffolded from the latest one.
//!
//! The new year gets the same section files (same numbers, names, kinds and
//! languages). Headings and text become `{{placeholders}}` that `check`
//! reports as unfinished, so nothing from last year is published by mistake.
//! Last year's "way forward" items become the starting list of this year's
//! focus areas — what was planned is what the year worked on — marked with a
//! placeholder note to prune it. Translations record the fingerprint of the new
//! Swedish text, so `check` tells when they fall behind. The charts come along
//! with the same ids, kinds, categories and series, so the archive's trend
//! charts continue; their numbers are still last year's, and each chart's
//! source is a placeholder saying so until the editor replaces both.

use std::collections::BTreeMap;
use std::path::Path;

use crate::diagnostics::{BuildError, Catalogued, ErrorKind, SiteError};
use crate::lang::{Lang, Localized};
use crate::messages::MessageId;
use crate::model::fingerprint::source_hash;
use crate::model::placeholder::placeholder;
use crate::model::{Date, Report, SectionKind, Site, Year};
use crate::year_writer::{NewFile, ensure_writable, write_year};

/// What `new` made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scaffolded {
    /// The year folder written, relative to the root.
    pub dir: String,
    /// The year it was made from.
    pub from: u16,
    /// The files written, in order.
    pub files: Vec<String>,
    /// How many "way forward" items were carried over (default language).
    pub carried: usize,
    /// The section file that received them.
    pub carried_into: Option<String>,
}

/// Placeholder wording per language.
struct Words {
    heading: &'static str,
    points: &'static str,
    carried: &'static str,
    closing: &'static str,
    date: &'static str,
    draft: &'static str,
    chart_source: &'static str,
    charts_header: &'static str,
}

fn words(lang: Lang) -> Words {
    match lang {
        Lang::Sv => Words {
            heading: "Rubrik, förra året:",
            points: "Skriv punkterna för",
            carried: "Punkterna nedan är förra årets ”Framåt”. Stryk det som inte blev aktuellt och lägg till nya frågor, ta sedan bort den här raden.",
            closing: "Avslutande mening, förra året:",
            date: "Bekräfta publiceringsdatumet och ta sedan bort den här kommentaren",
            draft: "Utkast: summering build publicerar inte året förrän raden nedan är borttagen (förhandsvisa med summering serve)",
            chart_source: "Källa för {new}: siffrorna nedan är {old} års. Ersätt dem med årets siffror och skriv källan här",
            charts_header: "Diagrammen från {old}, med samma id, kategorier och serier så att trenddiagrammen i arkivet fortsätter.\n# Siffrorna är fortfarande förra årets: byt ut dem och skriv varje diagrams källa.",
        },
        Lang::En => Words {
            heading: "Heading, last year:",
            points: "Write the points for",
            carried: "The points below are last year’s “way forward”. Remove what did not happen and add new issues, then delete this line.",
            closing: "Closing sentence, last year:",
            date: "Confirm the publication date, then delete this comment",
            draft: "Draft: summering build does not publish the year until the line below is removed (preview with summering serve)",
            chart_source: "Source for {new}: the numbers below are {old}’s. Replace them with this year’s numbers and name the source here",
            charts_header: "The charts of {old}, with the same ids, categories and series so that the archive’s trend charts continue.\n# The numbers are still last year’s: replace them and name each chart’s source.",
        },
    }
}

/// Scaffolds `content/YEAR/` from the latest report of the site at `root`.
pub fn new_year(root: &Path, year: u16) -> Result<Scaffolded, BuildError> {
    ensure_writable(root, year, false, MessageId::NewChooseAnotherYear)?;
    if Year::new(year).is_none() {
        return Err(SiteError::new(
            ErrorKind::InvalidValue,
            MessageId::NewNotAYear.arg("year", year),
        )
        .with_help(MessageId::NewNotAYearHelp)
        .into());
    }
    let site = crate::load_site(root)?;
    let latest = &site.reports[0];
    let files = scaffold(&site, latest, year);
    let carried_into = files
        .iter()
        .find(|(_, carried)| *carried > 0)
        .map(|(f, _)| format!("content/{year}/{}", f.name));
    let carried = files.iter().map(|(_, c)| *c).max().unwrap_or(0);
    let files: Vec<NewFile> = files.into_iter().map(|(f, _)| f).collect();
    let dir = write_year(root, year, &files, false)?;
    Ok(Scaffolded {
        dir: crate::load::display(root, &dir),
        from: latest.year.get(),
        files: files
            .iter()
            .map(|f| format!("content/{year}/{}", f.name))
            .collect(),
        carried,
        carried_into,
    })
}

/// The new year's files, each with the number of items carried into it.
fn scaffold(site: &Site, latest: &Report, year: u16) -> Vec<(NewFile, usize)> {
    let default = site.default_lang();
    let old_year = latest.year.to_string();
    let new_year = year.to_string();
    let bump = |s: &str| s.replace(&old_year, &new_year);
    let mut out = vec![(
        NewFile {
            name: "report.toml".into(),
            text: report_toml(site, latest, year, &bump),
        },
        0,
    )];
    if !latest.charts.is_empty() {
        out.push((
            NewFile {
                name: "charts.toml".into(),
                text: charts_toml(site, latest, year, &bump),
            },
            0,
        ));
    }

    // "Way forward" items per language, in section order.
    let mut carried: BTreeMap<Lang, String> = BTreeMap::new();
    for s in latest
        .sections
        .iter()
        .filter(|s| s.kind == SectionKind::WayForward)
    {
        for lang in s.text.langs() {
            let body = s.text.get(lang).expect("listed language").markdown.trim();
            let entry = carried.entry(lang).or_default();
            if !body.is_empty() {
                entry.push_str(body);
                entry.push('\n');
            }
        }
    }
    let focus = latest
        .sections
        .iter()
        .filter(|s| s.kind == SectionKind::FocusArea)
        .map(|s| s.number)
        .min();
    let mut sections = latest.sections.clone();
    sections.sort_by_key(|s| s.number);
    for s in &sections {
        let receives = Some(s.number) == focus && !carried.is_empty();
        let mut texts: Vec<(Lang, String, String)> = Vec::new();
        for lang in s.text.langs() {
            let w = words(lang);
            let old_title = &s.text.get(lang).expect("listed language").title;
            let title = placeholder(&format!("{} {old_title}", w.heading));
            let body = match carried.get(&lang).or_else(|| carried.get(&default)) {
                Some(items) if receives => format!("{}\n\n{items}", placeholder(w.carried)),
                _ => format!("- {}\n", placeholder(&format!("{} {new_year}", w.points))),
            };
            texts.push((lang, title, body));
        }
        let hash = texts
            .iter()
            .find(|(l, ..)| *l == default)
            .map(|(_, t, b)| source_hash(t, b));
        for (lang, title, body) in texts {
            let mut front = format!(
                "kind = \"{}\"\ntitle = {}\n",
                s.kind.key(),
                toml_string(&title)
            );
            if lang != default
                && let Some(h) = &hash
            {
                front.push_str(&format!("source_hash = \"{h}\"\n"));
            }
            let count = if receives {
                count_items(carried.get(&lang).map_or("", String::as_str))
            } else {
                0
            };
            let name = format!("{:02}-{}.{lang}.md", s.number, s.slug);
            out.push((
                NewFile {
                    name,
                    text: format!("+++\n{front}+++\n\n{body}"),
                },
                if lang == default { count } else { 0 },
            ));
        }
    }
    out
}

fn report_toml(site: &Site, r: &Report, year: u16, bump: &dyn Fn(&str) -> String) -> String {
    let default = site.default_lang();
    let mut text = format!("# {}\ndraft = true\n", words(default).draft);
    text.push_str(&format!(
        "title = {}\n",
        localized(&r.title, &|_, v| bump(v))
    ));
    if let Some(sub) = &r.subtitle {
        text.push_str(&format!("subtitle = {}\n", localized(sub, &|_, v| bump(v))));
    }
    // The same day, the same distance from the report's year, as last time.
    let (py, pm, pd) = r.published.parts();
    let shifted =
        (i32::from(py) + i32::from(year) - i32::from(r.year.get())).clamp(1900, 9999) as u16;
    let published = Date::new(shifted, pm, pd)
        .or_else(|| Date::new(shifted, pm, 28))
        .map_or_else(|| format!("{year}-12-31"), Date::iso);
    text.push_str(&format!("# {}\n", placeholder(words(default).date)));
    text.push_str(&format!("published = {published}\n"));
    if let Some(closing) = &r.closing {
        text.push_str(&format!(
            "closing = {}\n",
            localized(closing, &|lang, v| placeholder(&format!(
                "{} {}",
                words(lang).closing,
                v
            )))
        ));
    }
    text
}

/// Last year's `charts.toml` for the new year: the same charts, titles with
/// the year bumped, last year's numbers kept (so the file builds and the
/// editor sees what to replace) and each source a placeholder saying so.
fn charts_toml(site: &Site, r: &Report, year: u16, bump: &dyn Fn(&str) -> String) -> String {
    let old = r.year.to_string();
    let new = year.to_string();
    let fill = |t: &str| t.replace("{old}", &old).replace("{new}", &new);
    let mut text = format!("# {}\n", fill(words(site.default_lang()).charts_header));
    for chart in &r.charts {
        text.push_str(&format!("\n[[chart]]\nid = {}\n", toml_string(&chart.id)));
        text.push_str(&format!("kind = {}\n", toml_string(chart.kind.key())));
        text.push_str(&format!(
            "title = {}\n",
            localized(&chart.title, &|_, v| bump(v))
        ));
        let same = |_: Lang, v: &str| v.to_string();
        text.push_str(&format!("x_label = {}\n", localized(&chart.x_label, &same)));
        text.push_str(&format!("y_label = {}\n", localized(&chart.y_label, &same)));
        if let Some(unit) = &chart.unit {
            // One unit for all languages is written as one, as editors write it.
            let mut units = unit.langs().filter_map(|l| unit.get(l));
            let first = units.next();
            let shown = match first {
                Some(u) if units.all(|v| v == u) => toml_string(u),
                _ => localized(unit, &same),
            };
            text.push_str(&format!("unit = {shown}\n"));
        }
        let source = |lang: Lang, _: &str| placeholder(&fill(words(lang).chart_source));
        text.push_str(&format!("source = {}\n", localized(&chart.source, &source)));
        text.push_str("categories = [\n");
        for c in &chart.categories {
            text.push_str(&format!("  {},\n", localized(c, &same)));
        }
        text.push_str("]\n");
        for series in &chart.series {
            // A chart from `charts.toml` has every value (only trend charts,
            // made across years, have gaps).
            let values: Vec<String> = series.values.iter().flatten().map(f64::to_string).collect();
            text.push_str(&format!(
                "\n[[chart.series]]\nname = {}\nvalues = [{}]\n",
                localized(&series.name, &same),
                values.join(", ")
            ));
        }
    }
    text
}

/// An inline TOML table with one value per language, each made by `f`.
fn localized(l: &Localized<String>, f: &dyn Fn(Lang, &str) -> String) -> String {
    let parts: Vec<String> = l
        .langs()
        .map(|lang| {
            let v = f(lang, l.get(lang).expect("listed language"));
            format!("{lang} = {}", toml_string(&v))
        })
        .collect();
    format!("{{ {} }}", parts.join(", "))
}

/// A TOML basic string with the needed escapes.
pub fn toml_string(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// Top-level list items of a Markdown list.
fn count_items(markdown: &str) -> usize {
    markdown
        .lines()
        .filter(|l| l.starts_with("- ") || l.starts_with("* ") || l.starts_with("+ "))
        .count()
}
