//! The chart's text alternative: a generated sentence summarising the data.
//!
//! It names the kind and title, then the largest and smallest value (the
//! largest and smallest stack for stacked charts), and for line charts how each
//! line develops from its first to its last point. Numbers are written as the
//! language writes them, exactly as on the chart and in the table.

use super::numfmt;
use super::strings::{ChartStrings, fill};
use crate::lang::Lang;
use crate::model::{Chart, ChartKind};

/// The description of `chart` in `lang` (used as the SVG's `<desc>`).
pub fn describe(chart: &Chart, lang: Lang, s: &ChartStrings) -> String {
    let decimals = chart.decimals();
    let unit = chart.unit.as_ref().map(|u| u.resolve(lang).value.as_str());
    let fmt = |v: f64| numfmt::value(v, decimals, unit, lang);
    let category = |i: usize| chart.categories[i].resolve(lang).value.as_str();
    let label = |series: usize, cat: usize| {
        if chart.series.len() == 1 {
            category(cat).to_string()
        } else {
            fill(
                &s.describe_pair,
                &[
                    ("category", category(cat)),
                    ("series", chart.series[series].name.resolve(lang).value),
                ],
            )
        }
    };
    let mut sentences = vec![fill(
        &s.describe_intro,
        &[
            ("kind", s.kinds.get(chart.kind)),
            ("title", chart.title.resolve(lang).value),
        ],
    )];
    if chart.kind == ChartKind::Line {
        for series in &chart.series {
            let present: Vec<(usize, f64)> = series
                .values
                .iter()
                .enumerate()
                .filter_map(|(i, v)| v.map(|v| (i, v)))
                .collect();
            let (Some(&(i0, first)), Some(&(i1, last))) = (present.first(), present.last()) else {
                continue;
            };
            if i0 == i1 {
                continue;
            }
            let name = series.name.resolve(lang).value.as_str();
            let scale = first.abs().max(last.abs()).max(f64::MIN_POSITIVE);
            let template = if (last - first).abs() <= scale * 1e-9 {
                &s.describe_flat
            } else if last > first {
                &s.describe_up
            } else {
                &s.describe_down
            };
            sentences.push(fill(
                template,
                &[
                    ("series", name),
                    ("from", &fmt(first)),
                    ("from_label", category(i0)),
                    ("to", &fmt(last)),
                    ("to_label", category(i1)),
                    ("value", &fmt(first)),
                ],
            ));
        }
    }
    let (high, low, high_t, low_t) = if chart.kind.is_stacked() && chart.series.len() > 1 {
        let totals = (0..chart.categories.len())
            .filter_map(|i| chart.total(i).map(|t| (category(i).to_string(), t)));
        let (h, l) = extremes(totals);
        (h, l, &s.describe_highest_total, &s.describe_lowest_total)
    } else {
        let all = chart.series.iter().enumerate().flat_map(|(si, series)| {
            series
                .values
                .iter()
                .enumerate()
                .filter_map(move |(ci, v)| v.map(|v| (si, ci, v)))
        });
        let (h, l) = extremes(all.map(|(si, ci, v)| (label(si, ci), v)));
        (h, l, &s.describe_highest, &s.describe_lowest)
    };
    if let Some((label, v)) = &high {
        sentences.push(fill(high_t, &[("label", label), ("value", &fmt(*v))]));
    }
    if let (Some((label, v)), Some((high_label, _))) = (&low, &high)
        && label != high_label
    {
        sentences.push(fill(low_t, &[("label", label), ("value", &fmt(*v))]));
    }
    sentences.join(" ")
}

/// A labelled value, if there is one.
type Extreme = Option<(String, f64)>;

/// The first largest and first smallest of `items`.
fn extremes(items: impl Iterator<Item = (String, f64)>) -> (Extreme, Extreme) {
    let mut high: Extreme = None;
    let mut low: Extreme = None;
    for (label, v) in items {
        if high.as_ref().is_none_or(|(_, h)| v > *h) {
            high = Some((label.clone(), v));
        }
        if low.as_ref().is_none_or(|(_, l)| v < *l) {
            low = Some((label, v));
        }
    }
    (high, low)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::testdata::{chart, strings};

    const NB: char = '\u{a0}';

    #[test]
    fn bars_name_the_largest_and_smallest_value() {
        let c = chart(
            ChartKind::Bar,
            &[("Deltagare", &[12.5, 1234.5, 40.0])],
            Some("%"),
        );
        assert_eq!(
            describe(&c, Lang::Sv, &strings(Lang::Sv)),
            format!(
                "Stapeldiagram: Närvaro. Högst är Primärvård med 1{NB}234,5{NB}%. Lägst är Kommun med 12,5{NB}%."
            )
        );
        assert_eq!(
            describe(&c, Lang::En, &strings(Lang::En)),
            "Bar chart: Attendance. Highest is Primary care at 1,234.5%. Lowest is Municipality at 12.5%."
        );
    }

    #[test]
    fn several_series_name_category_and_series() {
        let c = chart(
            ChartKind::GroupedBar,
            &[
                ("Möten", &[3.0, 5.0, 4.0]),
                ("Deltagare", &[30.0, 50.0, 2.0]),
            ],
            None,
        );
        let d = describe(&c, Lang::Sv, &strings(Lang::Sv));
        assert!(d.contains("Högst är Primärvård (Deltagare) med 50."), "{d}");
        assert!(d.contains("Lägst är SU (Deltagare) med 2."), "{d}");
    }

    #[test]
    fn stacks_are_described_by_their_totals() {
        let c = chart(
            ChartKind::StackedBar,
            &[("A", &[3.0, 5.0, 4.0]), ("B", &[30.0, 50.0, 2.0])],
            None,
        );
        let d = describe(&c, Lang::En, &strings(Lang::En));
        assert!(d.contains("Largest in total is Primary care at 55."), "{d}");
        assert!(d.contains("Smallest in total is SU at 6."), "{d}");
    }

    #[test]
    fn lines_say_where_they_go() {
        let c = chart(
            ChartKind::Line,
            &[
                ("Möten", &[3.0, 5.0, 4.0]),
                ("Deltagare", &[30.0, 20.0, 2.0]),
                ("Lika", &[7.0, 1.0, 7.0]),
            ],
            None,
        );
        let d = describe(&c, Lang::En, &strings(Lang::En));
        assert!(
            d.contains("Meetings rises from 3 (Municipality) to 4 (SU)."),
            "{d}"
        );
        assert!(
            d.contains("Participants falls from 30 (Municipality) to 2 (SU)."),
            "{d}"
        );
        assert!(
            d.contains("Same stays at 7 from Municipality to SU."),
            "{d}"
        );
    }

    #[test]
    fn one_value_is_not_both_highest_and_lowest() {
        let c = chart(ChartKind::Bar, &[("x", &[5.0, 5.0, 5.0])], None);
        let d = describe(&c, Lang::En, &strings(Lang::En));
        assert!(d.contains("Highest") && !d.contains("Lowest"), "{d}");
    }
}
