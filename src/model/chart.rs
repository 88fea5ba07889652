//! Validated charts: what a `[[chart]]` table in `charts.toml` means once checked.
//!
//! A [`Chart`] is a table of numbers (categories × series) plus the words around
//! it in every language. Once built, it is known to be drawable: at least one
//! category and one series, every series as long as the categories, no
//! negative value in a stacked chart, at most [`MAX_SERIES`] series, and every
//! value finite, at most [`MAX_VALUE`] in size and either 0 or at least
//! [`MIN_NONZERO`] in size.

use serde::Serialize;

use crate::lang::Localized;

/// The most series one chart may have: each needs its own colour and pattern,
/// and more than six cannot be told apart reliably.
pub const MAX_SERIES: usize = 6;

/// The largest size a chart value may have (10^15).
///
/// Up to it every whole number, and every sum of [`MAX_SERIES`] of them (a
/// stack), is exact in an `f64` (exact up to 2^53 ≈ 9.007 × 10^15), so bars,
/// ticks and labels show the numbers as written. Beyond it they could not, and
/// near `f64::MAX` the axis arithmetic itself overflows.
pub const MAX_VALUE: f64 = 1e15;

/// The smallest size a non-zero chart value may have (0.001).
///
/// Charts write at most three decimals (see [`Chart::decimals`]), so a smaller
/// value would be labelled 0 on the chart, in the description and in the
/// table while its bar or point says otherwise.
pub const MIN_NONZERO: f64 = 0.001;

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
    pub const ALL: [ChartKind; 5] = [
        ChartKind::Bar,
        ChartKind::Hbar,
        ChartKind::GroupedBar,
        ChartKind::StackedBar,
        ChartKind::Line,
    ];

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
        self.series
            .iter()
            .flat_map(|s| s.values.iter().flatten().copied())
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
    if v.fract() == 0.0 || !v.is_finite() {
        return 0;
    }
    let v = v.abs();
    if v >= 1e12 {
        // v × 1000 may not be exact up there: ask the formatter.
        let shortest = format!("{v}");
        return shortest
            .split_once('.')
            .map_or(0, |(_, frac)| frac.len())
            .min(3);
    }
    // The shortest form that reads back as `v` has d decimals for the least d at which
    // the d-decimal number k / 10^d nearest to v reads back as v. Reading "k / 10^d"
    // gives the double nearest to it, which is what the (correctly rounded) division
    // gives, and k and 10^d are exact: so no formatting is needed to tell.
    (1..=3)
        .find(|&d| {
            let scale = [10.0, 100.0, 1000.0][d - 1];
            (v * scale).round() / scale == v
        })
        .unwrap_or(3)
}

/// True if `id` may be used as a chart id (it ends up in HTML ids).
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
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
        assert_eq!(decimals_of(f64::INFINITY), 0);
    }

    #[test]
    fn decimals_are_those_of_the_shortest_form() {
        let by_formatting = |v: f64| {
            if v.fract() == 0.0 {
                return 0;
            }
            let shortest = format!("{}", v.abs());
            shortest
                .split_once('.')
                .map_or(0, |(_, frac)| frac.len())
                .min(3)
        };
        let mut values: Vec<f64> = vec![
            0.1 + 0.2,
            92.6,
            41.9,
            1e-4,
            0.0005,
            0.125,
            2.675,
            1.005,
            1e15 + 0.5,
            4503599627370495.5,
            999_999_999_999.875,
            1e12 + 0.25,
        ];
        values.extend((0..200_000).map(|i| 1e11 + f64::from(i) * 0.001));
        // Every value with up to four decimals in 0..1000, and ratios that have many.
        values.extend((0..10_000_000).step_by(7).map(|i| f64::from(i) / 10_000.0));
        values.extend((1..5000).map(|i| f64::from(i) / 7.0));
        values.extend((1..5000).map(|i| f64::from(i) * 0.1 - 250.0));
        for v in values {
            assert_eq!(decimals_of(v), by_formatting(v), "{v}");
        }
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
