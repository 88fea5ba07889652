//! The words around charts, per language: the `[charts]` table of the theme's
//! `strings/LANG.toml`.
//!
//! The description sentences are templates with `{placeholders}`, so a
//! translator can change the word order without touching code.

use serde::{Deserialize, Serialize};

use crate::model::ChartKind;

/// Chart words in one language.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ChartStrings {
    /// "Källa" before the source in the caption.
    pub source: String,
    /// Summary of the `<details>` that holds the data table.
    pub data_table: String,
    /// Header of the total column of stacked charts.
    pub total: String,
    /// Shown in the table (and said in the description) where a value is missing.
    pub missing: String,
    /// The category axis of trend charts ("År").
    pub year: String,
    /// Heading of the trends on the archive page.
    pub trends_heading: String,
    /// One sentence under that heading.
    pub trends_intro: String,
    /// Title of a trend chart: `{title}`, `{first}`, `{last}` (years).
    pub trend_title: String,
    /// Title of a trend chart of one series: `{title}`, `{series}`, `{first}`, `{last}`.
    pub trend_series_title: String,
    /// First sentence of every description: `{kind}`, `{title}`.
    pub describe_intro: String,
    /// `{label}`, `{value}`: the largest value.
    pub describe_highest: String,
    /// `{label}`, `{value}`: the smallest value.
    pub describe_lowest: String,
    /// `{label}`, `{value}`: the largest stack.
    pub describe_highest_total: String,
    /// `{label}`, `{value}`: the smallest stack.
    pub describe_lowest_total: String,
    /// `{category}`, `{series}`: how one value of a chart with several series is named.
    pub describe_pair: String,
    /// `{series}`, `{from}`, `{from_label}`, `{to}`, `{to_label}`: a line that rises.
    pub describe_up: String,
    /// Same placeholders: a line that falls.
    pub describe_down: String,
    /// `{series}`, `{value}`, `{from_label}`, `{to_label}`: a line that ends where it began.
    pub describe_flat: String,
    /// The name of each kind of chart, as said in the description.
    pub kinds: ChartKindNames,
}

/// Names of the chart kinds.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ChartKindNames {
    /// Vertical bars.
    pub bar: String,
    /// Horizontal bars.
    pub hbar: String,
    /// Grouped bars.
    pub grouped_bar: String,
    /// Stacked bars.
    pub stacked_bar: String,
    /// Lines.
    pub line: String,
}

impl ChartKindNames {
    /// The name of `kind`.
    pub fn get(&self, kind: ChartKind) -> &str {
        match kind {
            ChartKind::Bar => &self.bar,
            ChartKind::Hbar => &self.hbar,
            ChartKind::GroupedBar => &self.grouped_bar,
            ChartKind::StackedBar => &self.stacked_bar,
            ChartKind::Line => &self.line,
        }
    }
}

/// Replaces each `{name}` in `template` by its value; unknown names stay as written.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}').map(|close| (&after[..close], close)) {
            Some((name, close)) if values.iter().any(|(k, _)| *k == name) => {
                let (_, v) = values.iter().find(|(k, _)| *k == name).expect("checked");
                out.push_str(v);
                rest = &after[close + 1..];
            }
            _ => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::strings::UiStrings;

    #[test]
    fn placeholders_are_filled() {
        assert_eq!(fill("{a} och {b}", &[("a", "1"), ("b", "2")]), "1 och 2");
        assert_eq!(fill("{a} {x} {", &[("a", "1")]), "1 {x} {");
    }

    #[test]
    fn default_templates_use_every_placeholder() {
        for code in ["sv", "en"] {
            let path = format!(
                "{}/themes/default/strings/{code}.toml",
                env!("CARGO_MANIFEST_DIR")
            );
            let s: UiStrings = toml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
            let c = &s.charts;
            let expect: [(&str, &[&str]); 11] = [
                (&c.trend_title, &["title", "first", "last"]),
                (&c.trend_series_title, &["title", "series", "first", "last"]),
                (&c.describe_intro, &["kind", "title"]),
                (&c.describe_highest, &["label", "value"]),
                (&c.describe_lowest, &["label", "value"]),
                (&c.describe_highest_total, &["label", "value"]),
                (&c.describe_lowest_total, &["label", "value"]),
                (&c.describe_pair, &["category", "series"]),
                (
                    &c.describe_up,
                    &["series", "from", "from_label", "to", "to_label"],
                ),
                (
                    &c.describe_down,
                    &["series", "from", "from_label", "to", "to_label"],
                ),
                (
                    &c.describe_flat,
                    &["series", "value", "from_label", "to_label"],
                ),
            ];
            for (template, names) in expect {
                for n in names {
                    assert!(
                        template.contains(&format!("{{{n}}}")),
                        "{code}: {template} lacks {{{n}}}"
                    );
                }
            }
        }
    }
}
