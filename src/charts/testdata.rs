//! Small charts and the default theme's words and colours, for unit tests.

use std::collections::BTreeMap;
use std::sync::Arc;

use super::strings::ChartStrings;
use super::theme::ChartTheme;
use crate::lang::{Lang, Localized};
use crate::model::{Chart, ChartKind, Series};

/// Swedish → English for the test vocabulary.
fn en(sv: &str) -> &str {
    match sv {
        "Kommun" => "Municipality",
        "Primärvård" => "Primary care",
        "Möten" => "Meetings",
        "Deltagare" => "Participants",
        "Lika" => "Same",
        "Närvaro" => "Attendance",
        "Antal" => "Number",
        "Exempeldata" => "Example data",
        other => other,
    }
}

/// A text in Swedish and English.
pub(crate) fn both(sv: &str) -> Localized<String> {
    Localized::new(
        Lang::Sv,
        BTreeMap::from([(Lang::Sv, sv.to_string()), (Lang::En, en(sv).to_string())]),
    )
    .unwrap()
}

/// A chart "Närvaro" over the categories Kommun, Primärvård, SU with the given series.
pub(crate) fn chart(kind: ChartKind, series: &[(&str, &[f64])], unit: Option<&str>) -> Chart {
    Chart {
        id: "narvaro".into(),
        kind,
        title: both("Närvaro"),
        x_label: both("Organisation"),
        y_label: both("Antal"),
        unit: unit.map(both),
        source: both("Exempeldata"),
        categories: ["Kommun", "Primärvård", "SU"].map(both).to_vec(),
        series: series
            .iter()
            .map(|(name, values)| Series {
                name: both(name),
                values: values.iter().map(|v| Some(*v)).collect(),
            })
            .collect(),
        file: "content/2021/charts.toml".into(),
    }
}

/// The default theme's chart words in `lang`.
pub(crate) fn strings(lang: Lang) -> ChartStrings {
    let path = format!(
        "{}/themes/default/strings/{}.toml",
        env!("CARGO_MANIFEST_DIR"),
        lang.code()
    );
    let all: crate::render::strings::UiStrings =
        toml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    all.charts
}

/// The default theme's chart palette.
pub(crate) fn theme() -> ChartTheme {
    let path = format!("{}/themes/default/charts.toml", env!("CARGO_MANIFEST_DIR"));
    let text: Arc<str> = Arc::from(std::fs::read_to_string(path).unwrap());
    ChartTheme::parse("charts.toml", &text).unwrap()
}
