//! Raw shapes of `content/YEAR/charts.toml`, exactly as editors write them.
//!
//! ```toml
//! [[chart]]
//! id = "narvaro"
//! kind = "bar"
//! title = { sv = "…", en = "…" }
//! x_label = { sv = "…", en = "…" }   # names the categories
//! y_label = { sv = "…", en = "…" }   # names the values
//! unit = "%"                         # optional; or { sv = "st", en = "pcs" }
//! source = { sv = "…", en = "…" }
//! categories = [{ sv = "Kommun", en = "Municipality" }]
//! [[chart.series]]
//! name = { sv = "…", en = "…" }
//! values = [12.5]
//! ```
//!
//! Like the other raw types these reject unknown keys, keep positions
//! ([`Spanned`]) for messages and are validated in [`crate::model`].

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

use super::raw::{List, RawLocalized};

/// The whole `charts.toml` file: a list of `[[chart]]` tables.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawChartsFile {
    /// The charts, in file order; the span is the `[[chart]]` header.
    #[serde(default)]
    pub chart: Vec<Spanned<RawChart>>,
}

/// One `[[chart]]` table.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawChart {
    /// Short name that sections use to show the chart (`charts = ["narvaro"]`).
    pub id: Spanned<String>,
    /// `bar`, `hbar`, `grouped-bar`, `stacked-bar` or `line`.
    pub kind: Spanned<String>,
    /// Title per language.
    pub title: Spanned<RawLocalized>,
    /// What the categories are (for example "Organisation").
    pub x_label: Spanned<RawLocalized>,
    /// What the values are (for example "Number of participants").
    pub y_label: Spanned<RawLocalized>,
    /// Unit of the values, written after each number.
    #[serde(default)]
    pub unit: Option<Spanned<RawUnit>>,
    /// Where the numbers come from, per language.
    pub source: Spanned<RawLocalized>,
    /// The categories (bars, or points along a line), in order.
    pub categories: Spanned<List<Spanned<RawLocalized>>>,
    /// The data series; the span of each is its `[[chart.series]]` header.
    #[serde(default)]
    pub series: Vec<Spanned<RawSeries>>,
}

/// One `[[chart.series]]` table.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSeries {
    /// The series' name per language (shown in the legend and table).
    pub name: Spanned<RawLocalized>,
    /// One number per category.
    pub values: Spanned<List<Spanned<RawNumber>>>,
}

/// A number as editors write it: `12`, `12.5` (no quotes).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RawNumber(pub f64);

/// What serde says a chart value should be; the TOML error conversion knows
/// these words and says them in the editor's language.
pub(crate) const EXPECT_NUMBER: &str =
    "a number like 12 or 1234.5, without quotes and with a point as decimal mark";

/// What serde says a unit should be (see [`EXPECT_NUMBER`]).
pub(crate) const EXPECT_UNIT: &str =
    r#"a unit like "%", or one per language like { sv = "st", en = "pcs" }"#;

impl<'de> Deserialize<'de> for RawNumber {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = RawNumber;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(EXPECT_NUMBER)
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<RawNumber, E> {
                Ok(RawNumber(v as f64))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<RawNumber, E> {
                Ok(RawNumber(v as f64))
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<RawNumber, E> {
                Ok(RawNumber(v))
            }
        }
        d.deserialize_any(Visitor)
    }
}

/// A unit: one text for every language (`"%"`) or one per language.
#[derive(Debug, Clone)]
pub enum RawUnit {
    /// The same in every language.
    Same(String),
    /// Per language.
    PerLanguage(RawLocalized),
}

impl<'de> Deserialize<'de> for RawUnit {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = RawUnit;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(EXPECT_UNIT)
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<RawUnit, E> {
                Ok(RawUnit::Same(v.to_string()))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<RawUnit, A::Error> {
                let mut out = BTreeMap::new();
                while let Some((k, v)) = map.next_entry::<Spanned<String>, Spanned<String>>()? {
                    out.insert(k, v);
                }
                Ok(RawUnit::PerLanguage(RawLocalized(out)))
            }
        }
        d.deserialize_any(Visitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_accept_integers_and_decimals() {
        let f: RawChartsFile = toml::from_str(
            "[[chart]]\nid = \"a\"\nkind = \"bar\"\ntitle = { sv = \"t\" }\nx_label = { sv = \"x\" }\n\
             y_label = { sv = \"y\" }\nsource = { sv = \"s\" }\nunit = \"%\"\ncategories = [{ sv = \"k\" }, { sv = \"l\" }]\n\
             [[chart.series]]\nname = { sv = \"n\" }\nvalues = [12, 1234.5]\n",
        )
        .unwrap();
        let chart = f.chart[0].get_ref();
        let values: Vec<f64> = chart.series[0]
            .get_ref()
            .values
            .get_ref()
            .iter()
            .map(|v| v.get_ref().0)
            .collect();
        assert_eq!(values, [12.0, 1234.5]);
        assert!(
            matches!(chart.unit.as_ref().map(|u| u.get_ref()), Some(RawUnit::Same(u)) if u == "%")
        );
    }

    #[test]
    fn a_quoted_number_is_rejected_at_its_place() {
        let text = "[[chart]]\nid = \"a\"\nkind = \"bar\"\ntitle = { sv = \"t\" }\nx_label = { sv = \"x\" }\n\
                    y_label = { sv = \"y\" }\nsource = { sv = \"s\" }\ncategories = [{ sv = \"k\" }, { sv = \"l\" }]\n\
                    [[chart.series]]\nname = { sv = \"n\" }\nvalues = [1, \"2\"]\n";
        let e = toml::from_str::<RawChartsFile>(text).unwrap_err();
        assert_eq!(e.span().map(|s| &text[s]), Some("\"2\""));
        assert!(e.message().contains("a number like 12"), "{}", e.message());
    }
}
