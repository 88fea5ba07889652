//! Validated charts: what a `[[chart]]` table in `charts.toml` means once checked.
//!
//! A [`Chart`] is a table of numbers (categories × series) plus the words around
//! it in every language. Once built, it is known to be drawable: at least one
//! category and one series, every series as long as the categories, no
//! negative value in a stacked chart, at most [`MAX_SERIES`] series.

use serde::Serialize;

use crate::lang::Localized;

/// The most series one chart may have: each needs its own colour and pattern,
/// and more than six cannot be told apart reliably.
pub const MAX_SERIES: usize = 6;

/// How a chart is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ChartKind {
    /// Vertical bars (several series are drawn side by side).
    Bar,
    /// Horizontal bars, for long category names.
    Hbar,
    /// Vertical bars, one per series, side by side in each category.
    GroupedBar,
    /// Vertical bars with the series stacked on each other (parts of a whole).
    StackedBar,
    /// Lines through the categories in order (usually time).
    Line,
}

impl ChartKind {
    /// Every kind, in the order the documentation lists them.
    pub const ALL: [ChartKind; 5] =
        [ChartKind::Bar, ChartKind::Hbar, ChartKind::GroupedBar, ChartKind::StackedBar, ChartKind::Line];

    /// The word editors write (`kind = "grouped-bar"`).
    pub fn key(self) -> &'static str {
        match self {
            ChartKind::Bar => "bar",
            ChartKind::Hbar => "hbar",
            ChartKind::GroupedBar => "grouped-bar",
            ChartKind::StackedBar => "stacked-bar",
            ChartKind::Line => "line",
        }
    }

    /// Parses the word editors write.
    pub fn from_key(key: &str) -> Option<ChartKind> {
        ChartKind::ALL.into_iter().find(|k| k.key() == key)
    }

    /// True for the stacked kind, whose bars show sums.
    pub fn is_stacked(self) -> bool {
        self == ChartKind::StackedBar
    }
}

/// One data series: a name and one value per category.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    /// Name per language (legend, table header).
    pub name: Localized<String>,
    /// One value per category; `None` is a gap (only trend charts have gaps).
    pub values: Vec<Option<f64>>,
}

/// A validated chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    /// The id sections use; lowercase letters, digits and `-`, unique within a year.
    pub id: String,
    /// How it is drawn.
    pub kind: ChartKind,
    /// Title per language.
    pub title: Localized<String>,
    /// What the categories are.
    pub x_label: Localized<String>,
    /// What the values are.
    pub y_label: Localized<String>,
    /// Unit written after values, if any.
    pub unit: Option<Localized<String>>,
    /// Where the numbers come from.
    pub source: Localized<String>,
    /// Category names, in order; never empty.
    pub categories: Vec<Localized<String>>,
    /// The series; between 1 and [`MAX_SERIES`], each as long as `categories`.
    pub series: Vec<Series>,
    /// The file it came from (for messages).
    pub file: String,
}

impl Chart {
    /// Every present value, in series then category order.
    pub fn values(&self) -> impl Iterator<Item = f64> + '_ {
        self.series.iter().flat_map(|s| s.values.iter().flatten().copied())
    }

    /// The sum of the series in category `i` (what a stacked bar shows), if any value is present.
    pub fn total(&self, i: usize) -> Option<f64> {
        let present: Vec<f64> = self.series.iter().filter_map(|s| s.values[i]).collect();
        (!present.is_empty()).then(|| present.iter().sum())
    }

    /// How many decimals the numbers need to be shown as written (at most 3), so
    /// that every number of the chart is shown with the same precision.
    pub fn decimals(&self) -> usize {
        self.values().map(decimals_of).max().unwrap_or(0)
    }
}

/// Decimals needed to show `v` as written: `12` → 0, `12.5` → 1, `0.125` → 3 (capped at 3).
pub fn decimals_of(v: f64) -> usize {
    // Whole numbers (most counts) need no formatting to tell: their shortest form has no point.
    if v.fract() == 0.0 {
        return 0;
    }
    let shortest = format!("{}", v.abs());
    if shortest.contains('e') {
        return 3;
    }
    shortest.split_once('.').map_or(0, |(_, frac)| frac.len()).min(3)
}

/// True if `id` may be used as a chart id (it ends up in HTML ids).
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !id.starts_with('-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_round_trip() {
        for k in ChartKind::ALL {
            assert_eq!(ChartKind::from_key(k.key()), Some(k));
        }
        assert_eq!(ChartKind::from_key("pie"), None);
    }

    #[test]
    fn decimals_follow_what_was_written() {
        assert_eq!(decimals_of(12.0), 0);
        assert_eq!(decimals_of(1234.5), 1);
        assert_eq!(decimals_of(-0.25), 2);
        assert_eq!(decimals_of(1.0 / 3.0), 3);
        assert_eq!(decimals_of(1e-9), 3);
    }

    #[test]
    fn ids_are_html_safe() {
        assert!(is_valid_id("narvaro-2"));
        assert!(!is_valid_id("Närvaro"));
        assert!(!is_valid_id(""));
        assert!(!is_valid_id("a b"));
        assert!(!is_valid_id("-a"));
    }
}
