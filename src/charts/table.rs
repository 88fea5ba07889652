//! The chart's data as a table: one row per category, one column per series
//! (plus the total for stacked charts), numbers formatted as on the chart.

use serde::Serialize;

use super::FigText;
use super::numfmt;
use super::strings::ChartStrings;
use crate::lang::Lang;
use crate::model::Chart;

/// A data table, ready for the `partials/figure.html` template.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TableView {
    /// The header of the first column (what the categories are).
    pub corner: FigText,
    /// Column headers: series names (and "Total").
    pub columns: Vec<FigText>,
    /// One row per category.
    pub rows: Vec<TableRow>,
}

/// One category's row.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TableRow {
    /// The category (a row header).
    pub header: FigText,
    /// The formatted values, one per column.
    pub cells: Vec<String>,
}

/// The table of `chart` in `lang`.
pub fn table(chart: &Chart, lang: Lang, s: &ChartStrings) -> TableView {
    let decimals = chart.decimals();
    let unit = chart.unit.as_ref().map(|u| u.resolve(lang).value.as_str());
    let fmt = |v: Option<f64>| {
        v.map_or_else(
            || s.missing.clone(),
            |v| numfmt::value(v, decimals, unit, lang),
        )
    };
    let with_total = chart.kind.is_stacked() && chart.series.len() > 1;
    let mut columns: Vec<FigText> = chart
        .series
        .iter()
        .map(|series| FigText::resolve(&series.name, lang))
        .collect();
    if with_total {
        columns.push(FigText {
            text: s.total.clone(),
            lang: None,
        });
    }
    let rows = chart
        .categories
        .iter()
        .enumerate()
        .map(|(i, category)| {
            let mut cells: Vec<String> = chart
                .series
                .iter()
                .map(|series| fmt(series.values[i]))
                .collect();
            if with_total {
                cells.push(fmt(chart.total(i)));
            }
            TableRow {
                header: FigText::resolve(category, lang),
                cells,
            }
        })
        .collect();
    TableView {
        corner: FigText::resolve(&chart.x_label, lang),
        columns,
        rows,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::testdata::{chart, strings};
    use crate::model::ChartKind;

    #[test]
    fn numbers_in_the_table_follow_the_language() {
        let c = chart(
            ChartKind::Bar,
            &[("Deltagare", &[12.5, 1234.5, 40.0])],
            Some("%"),
        );
        let t = table(&c, Lang::Sv, &strings(Lang::Sv));
        assert_eq!(t.corner.text, "Organisation");
        assert_eq!(
            t.columns
                .iter()
                .map(|c| c.text.as_str())
                .collect::<Vec<_>>(),
            ["Deltagare"]
        );
        assert_eq!(t.rows[1].header.text, "Primärvård");
        assert_eq!(t.rows[1].cells, ["1\u{a0}234,5\u{a0}%"]);
        let t = table(&c, Lang::En, &strings(Lang::En));
        assert_eq!(t.rows[1].cells, ["1,234.5%"]);
        assert_eq!(t.rows[0].cells, ["12.5%"]);
    }

    #[test]
    fn stacked_tables_have_a_total_and_gaps_say_so() {
        let mut c = chart(
            ChartKind::StackedBar,
            &[("A", &[1.0, 2.0, 3.0]), ("B", &[10.0, 20.0, 30.0])],
            None,
        );
        c.series[0].values[2] = None;
        let t = table(&c, Lang::En, &strings(Lang::En));
        assert_eq!(t.columns.last().map(|c| c.text.as_str()), Some("Total"));
        assert_eq!(t.rows[0].cells, ["1", "10", "11"]);
        assert_eq!(t.rows[2].cells, ["no data", "30", "30"]);
    }
}
