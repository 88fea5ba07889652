//! Cross-year trends: a chart id that appears in several years' reports gets a
//! line chart with the years along the bottom, built automatically for the
//! archive page.
//!
//! Rules (so editors can predict the result):
//! - Charts are matched by `id`; categories and series by their name in the
//!   default language. Names shown are those of the newest year that has them.
//! - Each category becomes one line. If the chart has one series every year,
//!   there is one trend chart; if it has several, there is one trend chart per
//!   series name that appears in at least two years (titled "title: series").
//! - Only years whose unit matches the newest year's unit are used; a year
//!   without a category shows a gap (and "no data" in the table).
//! - A trend with more lines than [`MAX_SERIES`] is left out (it could not be
//!   told apart); split such a chart into smaller ones.

use std::collections::BTreeMap;

use super::strings::{ChartStrings, fill};
use crate::lang::{Lang, Localized};
use crate::model::chart::MAX_SERIES;
use crate::model::{Chart, ChartKind, Series, Site, Year};

/// The trend charts of the site, in the order their ids first appear (newest report first).
pub fn trends<'a>(site: &Site, strings: impl Fn(Lang) -> &'a ChartStrings) -> Vec<Chart> {
    let mut ids: Vec<&str> = Vec::new();
    for report in &site.reports {
        for chart in &report.charts {
            if !ids.contains(&chart.id.as_str()) {
                ids.push(&chart.id);
            }
        }
    }
    let mut out = Vec::new();
    for id in ids {
        // Oldest first, so the x axis runs forward in time.
        let mut years: Vec<(Year, &Chart)> = site
            .reports
            .iter()
            .rev()
            .filter_map(|r| r.chart(id).map(|c| (r.year, c)))
            .collect();
        let Some(&(_, newest)) = years.last() else {
            continue;
        };
        let unit = newest.unit.as_ref().map(Localized::default_value);
        years.retain(|(_, c)| c.unit.as_ref().map(Localized::default_value) == unit);
        if years.len() < 2 {
            continue;
        }
        if years.iter().all(|(_, c)| c.series.len() == 1) {
            out.extend(build(site, id.to_string(), &years, None, &strings));
            continue;
        }
        let mut keys: Vec<&str> = Vec::new();
        for (_, c) in years.iter().rev() {
            for s in &c.series {
                if !keys.contains(&s.name.default_value().as_str()) {
                    keys.push(s.name.default_value());
                }
            }
        }
        for (n, key) in keys.iter().enumerate() {
            out.extend(build(
                site,
                format!("{id}-{}", n + 1),
                &years,
                Some(key),
                &strings,
            ));
        }
    }
    out
}

/// The series of `c` a trend follows: the one named `key`, or the only one.
fn pick<'c>(c: &'c Chart, key: Option<&str>) -> Option<&'c Series> {
    match key {
        None => c.series.first(),
        Some(k) => c.series.iter().find(|s| s.name.default_value() == k),
    }
}

/// One trend chart from `years` (oldest first), of series `key` (or the only series).
fn build<'a>(
    site: &Site,
    id: String,
    years: &[(Year, &Chart)],
    key: Option<&str>,
    strings: &impl Fn(Lang) -> &'a ChartStrings,
) -> Option<Chart> {
    let years: Vec<(Year, &Chart, &Series)> = years
        .iter()
        .filter_map(|&(y, c)| pick(c, key).map(|s| (y, c, s)))
        .collect();
    if years.len() < 2 {
        return None;
    }
    let (_, newest, newest_series) = *years.last()?;
    // Lines: every category, newest year's order first, names from the newest year that has it.
    let mut lines: Vec<(&str, &Localized<String>)> = Vec::new();
    for (_, c, _) in years.iter().rev() {
        for cat in &c.categories {
            if !lines.iter().any(|(k, _)| k == cat.default_value()) {
                lines.push((cat.default_value(), cat));
            }
        }
    }
    if lines.len() > MAX_SERIES {
        return None;
    }
    let series = lines
        .iter()
        .map(|(k, name)| Series {
            name: (*name).clone(),
            values: years
                .iter()
                .map(|(_, c, s)| {
                    c.categories
                        .iter()
                        .position(|cat| cat.default_value() == k)
                        .and_then(|i| s.values[i])
                })
                .collect(),
        })
        .collect();
    let (first, last) = (years[0].0.to_string(), years[years.len() - 1].0.to_string());
    let per_lang = |f: &dyn Fn(Lang) -> String| -> Localized<String> {
        let values: BTreeMap<Lang, String> = site.languages.iter().map(|&l| (l, f(l))).collect();
        Localized::new(site.default_lang(), values).expect("every site language is present")
    };
    let title = per_lang(&|l| {
        let title = newest.title.resolve(l).value.as_str();
        match key {
            None => fill(
                &strings(l).trend_title,
                &[("title", title), ("first", &first), ("last", &last)],
            ),
            Some(_) => fill(
                &strings(l).trend_series_title,
                &[
                    ("title", title),
                    ("series", newest_series.name.resolve(l).value),
                    ("first", &first),
                    ("last", &last),
                ],
            ),
        }
    });
    let source = per_lang(&|l| {
        let mut sources: Vec<&str> = Vec::new();
        for (_, c, _) in years.iter().rev() {
            let s = c.source.resolve(l).value.as_str();
            if !sources.contains(&s) {
                sources.push(s);
            }
        }
        sources.join("; ")
    });
    Some(Chart {
        id,
        kind: ChartKind::Line,
        title,
        x_label: per_lang(&|l| strings(l).year.clone()),
        y_label: newest.y_label.clone(),
        unit: newest.unit.clone(),
        source,
        categories: years
            .iter()
            .map(|(y, _, _)| per_lang(&|_| y.to_string()))
            .collect(),
        series,
        file: newest.file.clone(),
    })
}
