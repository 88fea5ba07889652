//! Validating `charts.toml` into [`Chart`]s and linking sections to them.
//!
//! Every problem points at the value in the file (a number, the `values` list,
//! the `[[chart]]` header …) and says what was expected; all problems are
//! collected, like the rest of the model.

use std::collections::BTreeMap;
use std::ops::Range;

use toml::Spanned;

use super::chart::{Chart, ChartKind, MAX_SERIES, MAX_VALUE, MIN_NONZERO, Series, is_valid_id};
use super::convert::Ctx;
use super::types::Section;
use crate::diagnostics::{Catalogued, ErrorKind, SiteError};
use crate::lang::Localized;
use crate::load::charts::{RawChart, RawNumber, RawSeries, RawUnit};
use crate::load::{RawYear, SourceFile};
use crate::messages::{Message, MessageId};

impl Ctx<'_> {
    /// The year's charts, in file order. Invalid charts are left out (with their errors).
    pub(super) fn charts(&self, raw: &RawYear, errors: &mut Vec<SiteError>) -> Vec<Chart> {
        let Some(file) = &raw.charts else {
            return Vec::new();
        };
        let src = &file.source;
        let mut seen: BTreeMap<&str, Range<usize>> = BTreeMap::new();
        let mut charts = Vec::new();
        for chart in &file.value.chart {
            let id = chart.get_ref().id.get_ref().trim();
            if let Some(first) = seen.get(id) {
                let (line, _) = crate::diagnostics::line_col(&src.text, first.start);
                errors.push(
                    at(
                        ErrorKind::Duplicate,
                        src,
                        chart.get_ref().id.span(),
                        MessageId::ChartIdUsed,
                    )
                    .with_label(MessageId::ChartIdUsedLabel)
                    .with_help(MessageId::ChartIdUsedHelp.count("line", line)),
                );
                continue;
            }
            seen.insert(id, chart.get_ref().id.span());
            if let Some(c) = self.chart(src, chart, errors) {
                charts.push(c);
            }
        }
        charts
    }

    fn chart(
        &self,
        src: &SourceFile,
        spanned: &Spanned<RawChart>,
        errors: &mut Vec<SiteError>,
    ) -> Option<Chart> {
        let raw = spanned.get_ref();
        let before = errors.len();
        let id = raw.id.get_ref().trim();
        if !is_valid_id(id) {
            errors.push(
                at(
                    ErrorKind::InvalidValue,
                    src,
                    raw.id.span(),
                    MessageId::ChartBadId,
                )
                .with_help(MessageId::ChartBadIdHelp),
            );
        }
        let kind = ChartKind::from_key(raw.kind.get_ref().trim());
        if kind.is_none() {
            errors.push(
                at(
                    ErrorKind::UnknownChartKind,
                    src,
                    raw.kind.span(),
                    MessageId::ChartUnknownKind,
                )
                .with_label(MessageId::ChartUnknownKindLabel)
                .with_help(
                    MessageId::SiteUseOneOf.arg(
                        "list",
                        ChartKind::ALL
                            .map(|k| format!("\"{}\"", k.key()))
                            .join(", "),
                    ),
                ),
            );
        }
        let title = self.localized(src, &raw.title, errors);
        let x_label = self.localized(src, &raw.x_label, errors);
        let y_label = self.localized(src, &raw.y_label, errors);
        let source = self.localized(src, &raw.source, errors);
        let unit = raw.unit.as_ref().map(|u| self.unit(src, u, errors));
        let categories = self.categories(src, raw, errors);
        let series = self.all_series(
            src,
            spanned,
            kind,
            categories.as_ref().map(Vec::len),
            errors,
        );
        if errors.len() > before {
            return None;
        }
        Some(Chart {
            id: id.to_string(),
            kind: kind?,
            title: title?,
            x_label: x_label?,
            y_label: y_label?,
            unit: unit.flatten(),
            source: source?,
            categories: categories?,
            series,
            file: src.name.clone(),
        })
    }

    fn unit(
        &self,
        src: &SourceFile,
        raw: &Spanned<RawUnit>,
        errors: &mut Vec<SiteError>,
    ) -> Option<Localized<String>> {
        match raw.get_ref() {
            RawUnit::Same(u) => {
                let values = self
                    .languages
                    .iter()
                    .map(|&l| (l, u.trim().to_string()))
                    .collect();
                Localized::new(self.default_lang(), values).ok()
            }
            RawUnit::PerLanguage(l) => {
                self.localized(src, &Spanned::new(raw.span(), l.clone()), errors)
            }
        }
    }

    fn categories(
        &self,
        src: &SourceFile,
        raw: &RawChart,
        errors: &mut Vec<SiteError>,
    ) -> Option<Vec<Localized<String>>> {
        let list = raw.categories.get_ref();
        if list.is_empty() {
            errors.push(
                at(
                    ErrorKind::EmptySeries,
                    src,
                    raw.categories.span(),
                    MessageId::ChartNoCategories,
                )
                .with_help(MessageId::ChartNoCategoriesHelp),
            );
            return None;
        }
        let before = errors.len();
        let mut seen = BTreeMap::new();
        let mut out = Vec::new();
        for c in list.iter() {
            if let Some(name) = self.localized(src, c, errors) {
                if seen.insert(name.default_value().clone(), ()).is_some() {
                    errors.push(
                        at(
                            ErrorKind::Duplicate,
                            src,
                            c.span(),
                            MessageId::ChartCategoryTwice,
                        )
                        .with_help(MessageId::ChartCategoryTwiceHelp),
                    );
                }
                out.push(name);
            }
        }
        (errors.len() == before).then_some(out)
    }

    fn all_series(
        &self,
        src: &SourceFile,
        chart: &Spanned<RawChart>,
        kind: Option<ChartKind>,
        categories: Option<usize>,
        errors: &mut Vec<SiteError>,
    ) -> Vec<Series> {
        let raw = chart.get_ref();
        if raw.series.is_empty() {
            errors.push(
                at(
                    ErrorKind::EmptySeries,
                    src,
                    chart.span(),
                    MessageId::ChartNoSeries,
                )
                .with_label(MessageId::ChartNoSeriesLabel)
                .with_help(MessageId::ChartNoSeriesHelp),
            );
        }
        if let Some(extra) = raw.series.get(MAX_SERIES) {
            errors.push(
                at(
                    ErrorKind::InvalidValue,
                    src,
                    extra.span(),
                    MessageId::ChartTooManySeries.count("max", MAX_SERIES),
                )
                .with_help(MessageId::ChartTooManySeriesHelp),
            );
        }
        let mut names = BTreeMap::new();
        let mut out = Vec::new();
        for s in &raw.series {
            let name = self.localized(src, &s.get_ref().name, errors);
            if name
                .as_ref()
                .is_some_and(|n| names.insert(n.default_value().clone(), ()).is_some())
            {
                errors.push(
                    at(
                        ErrorKind::Duplicate,
                        src,
                        s.get_ref().name.span(),
                        MessageId::ChartSeriesNameUsed,
                    )
                    .with_help(MessageId::ChartSeriesNameUsedHelp),
                );
            }
            let values = series_values(src, s.get_ref(), kind, categories, errors);
            if let (Some(name), Some(values)) = (name, values) {
                out.push(Series { name, values });
            }
        }
        out
    }

    /// Fills `Section::charts` from the front matter, checking every id exists.
    ///
    /// The default-language file decides which charts a section shows; another
    /// language's file may leave `charts` out, but if it lists them, the lists must agree.
    pub(super) fn link_charts(
        &self,
        raw: &RawYear,
        sections: &mut [Section],
        errors: &mut Vec<SiteError>,
    ) {
        let known: Vec<&str> = raw
            .charts
            .iter()
            .flat_map(|f| {
                f.value
                    .chart
                    .iter()
                    .map(|c| c.get_ref().id.get_ref().trim())
            })
            .collect();
        let default = self.default_lang();
        for section in sections.iter_mut() {
            let files: Vec<_> = raw
                .sections
                .iter()
                .filter(|f| f.number == section.number && f.slug == section.slug)
                .collect();
            let lists: Vec<_> = files
                .iter()
                .filter_map(|f| f.front.charts.as_ref().map(|c| (*f, c)))
                .collect();
            let main = lists.iter().find(|(f, _)| f.lang_code == default.code());
            let main_ids: Vec<&str> = main
                .map(|(_, c)| c.get_ref().iter().map(|i| i.get_ref().trim()).collect())
                .unwrap_or_default();
            for (f, list) in &lists {
                let src = &f.source;
                let ids: Vec<&str> = list.get_ref().iter().map(|i| i.get_ref().trim()).collect();
                if f.lang_code != default.code() {
                    if ids != main_ids {
                        errors.push(
                            at(
                                ErrorKind::TranslationMismatch,
                                src,
                                shift(list.span(), f.front_offset),
                                MessageId::ChartListDiffers,
                            )
                            .with_help(
                                MessageId::ChartListDiffersHelp.arg(
                                    "file",
                                    format!("{:02}-{}.{default}.md", section.number, section.slug),
                                ),
                            ),
                        );
                    }
                    continue;
                }
                for (i, id) in list.get_ref().iter().enumerate() {
                    let name = id.get_ref().trim();
                    let span = shift(id.span(), f.front_offset);
                    if !known.contains(&name) && !raw.charts_broken {
                        let help = if known.is_empty() {
                            MessageId::ChartUnknownAdd
                                .arg("dir", &raw.dir_name)
                                .arg("id", name)
                        } else {
                            MessageId::ChartUnknownSpelling
                                .arg("dir", &raw.dir_name)
                                .arg("known", known.join(", "))
                        };
                        errors.push(
                            at(ErrorKind::UnknownChart, src, span, MessageId::ChartUnknown)
                                .with_label(MessageId::ChartUnknownLabel)
                                .with_help(help),
                        );
                    } else if ids[..i].contains(&name) {
                        errors.push(
                            at(ErrorKind::Duplicate, src, span, MessageId::ChartListedTwice)
                                .with_help(MessageId::ChartListedTwiceHelp),
                        );
                    }
                }
            }
            section.charts = main_ids.iter().map(|s| s.to_string()).collect();
        }
    }
}

fn series_values(
    src: &SourceFile,
    raw: &RawSeries,
    kind: Option<ChartKind>,
    categories: Option<usize>,
    errors: &mut Vec<SiteError>,
) -> Option<Vec<Option<f64>>> {
    let before = errors.len();
    let values = raw.values.get_ref();
    if values.is_empty() {
        errors.push(
            at(
                ErrorKind::EmptySeries,
                src,
                raw.values.span(),
                MessageId::ChartNoValues,
            )
            .with_help(MessageId::ChartNoValuesHelp),
        );
        return None;
    }
    let commas = decimal_commas(&src.text, values);
    if let (Some(first), Some(n)) = (commas.first(), categories.filter(|&n| n < values.len())) {
        let written = &src.text[first.clone()];
        errors.push(
            at(
                ErrorKind::DecimalComma,
                src,
                first.clone(),
                MessageId::ChartDecimalComma.arg("written", written),
            )
            .with_label(MessageId::TomlDecimalCommaLabel)
            .with_help(
                Message::new(MessageId::ChartDecimalCommaHelp)
                    .count("n", n)
                    .arg("values", with_points(&src.text, values, &commas)),
            ),
        );
    } else if let Some(n) = categories.filter(|&n| n != values.len()) {
        errors.push(
            at(
                ErrorKind::SeriesLength,
                src,
                raw.values.span(),
                MessageId::ChartSeriesLength
                    .count("values", values.len())
                    .count("n", n),
            )
            .with_label(MessageId::ChartSeriesLengthLabel.count("n", values.len()))
            .with_help(MessageId::ChartSeriesLengthHelp.count("n", n)),
        );
    }
    for v in values.iter() {
        let x = v.get_ref().0;
        if !x.is_finite() {
            errors.push(
                at(
                    ErrorKind::InvalidValue,
                    src,
                    v.span(),
                    MessageId::ChartNotANumber,
                )
                .with_help(MessageId::ChartNotANumberHelp),
            );
        } else if x.abs() > MAX_VALUE {
            errors.push(
                at(
                    ErrorKind::InvalidValue,
                    src,
                    v.span(),
                    MessageId::ChartTooLarge,
                )
                .with_label(MessageId::ChartTooLargeLabel)
                .with_help(MessageId::ChartTooLargeHelp.arg("max", format!("{MAX_VALUE:e}"))),
            );
        } else if x != 0.0 && x.abs() < MIN_NONZERO {
            errors.push(
                at(
                    ErrorKind::InvalidValue,
                    src,
                    v.span(),
                    MessageId::ChartTooSmall,
                )
                .with_label(MessageId::ChartTooSmallLabel)
                .with_help(Message::new(MessageId::ChartTooSmallHelp).decimal(
                    "min",
                    MIN_NONZERO,
                    3,
                )),
            );
        } else if x < 0.0 && kind.is_some_and(ChartKind::is_stacked) {
            errors.push(
                at(
                    ErrorKind::NegativeInStack,
                    src,
                    v.span(),
                    MessageId::ChartNegative,
                )
                .with_label(MessageId::ChartNegativeLabel)
                .with_help(MessageId::ChartNegativeHelp),
            );
        }
    }
    (errors.len() == before).then(|| values.iter().map(|v| Some(v.get_ref().0)).collect())
}

/// The spans of `94,5`-like pairs in a list of values: two whole numbers with only
/// a comma between them, no space — a decimal comma that TOML read as a separator.
fn decimal_commas(text: &str, values: &[Spanned<RawNumber>]) -> Vec<Range<usize>> {
    let digits =
        |t: Option<&str>| t.is_some_and(|t| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit()));
    let mut found = Vec::new();
    let mut i = 0;
    while i + 1 < values.len() {
        let (a, b) = (values[i].span(), values[i + 1].span());
        let whole = text
            .get(a.clone())
            .map(|t| t.trim_start_matches(['-', '+']));
        if digits(whole) && text.get(a.end..b.start) == Some(",") && digits(text.get(b.clone())) {
            found.push(a.start..b.end);
            i += 2;
        } else {
            i += 1;
        }
    }
    found
}

/// The list of values as written, each decimal-comma pair in `commas` written with a point.
fn with_points(text: &str, values: &[Spanned<RawNumber>], commas: &[Range<usize>]) -> String {
    let mut out = Vec::new();
    let mut i = 0;
    while i < values.len() {
        let span = values[i].span();
        if let Some(pair) = commas.iter().find(|c| c.start == span.start) {
            out.push(text[pair.clone()].replacen(',', ".", 1));
            i += 2;
        } else {
            out.push(text.get(span).unwrap_or("?").to_string());
            i += 1;
        }
    }
    out.join(", ")
}

fn at(
    kind: ErrorKind,
    src: &SourceFile,
    span: Range<usize>,
    message: impl Into<Message>,
) -> SiteError {
    SiteError::at(kind, &src.name, &src.text, span, message.into())
}

fn shift(span: Range<usize>, by: usize) -> Range<usize> {
    span.start + by..span.end + by
}

#[cfg(test)]
mod tests {
    //! Every number TOML can hold, through the public chart path: `charts.toml`
    //! text → raw structs → [`Chart`] → figures and slide SVGs in both languages.

    use std::sync::{Arc, mpsc};
    use std::time::Duration;

    use proptest::prelude::*;

    use super::*;
    use crate::charts::testdata::{strings, theme};
    use crate::lang::Lang;
    use crate::load::Parsed;

    const FILE: &str = "content/2021/charts.toml";

    /// A number as TOML writes it: an integer or a float (`nan`, `inf` included).
    #[derive(Debug, Clone, Copy)]
    enum Number {
        Int(i64),
        Float(f64),
    }

    impl Number {
        fn toml(self) -> String {
            match self {
                Number::Int(i) => i.to_string(),
                Number::Float(f) if f.is_nan() => "nan".into(),
                // `Debug` writes the shortest form that reads back (1e307, 5e-324, -0.0, inf).
                Number::Float(f) => format!("{f:?}"),
            }
        }

        fn value(self) -> f64 {
            match self {
                Number::Int(i) => i as f64,
                Number::Float(f) => f,
            }
        }
    }

    fn number() -> impl Strategy<Value = Number> {
        let next_up = |v: f64| f64::from_bits(v.to_bits() + 1);
        let next_down = |v: f64| f64::from_bits(v.to_bits() - 1);
        let edges = vec![
            0.0,
            -0.0,
            MAX_VALUE,
            next_up(MAX_VALUE),
            -MAX_VALUE,
            MIN_NONZERO,
            next_down(MIN_NONZERO),
            -MIN_NONZERO,
            5e-324,
            f64::MIN_POSITIVE,
            1e307,
            -1e308,
            1e308,
            f64::MAX,
            f64::MIN,
        ];
        prop_oneof![
            // Literally any f64: huge, tiny, subnormal, either sign, NaN and ±inf.
            any::<f64>().prop_map(Number::Float),
            (-1e4..1e4f64).prop_map(Number::Float),
            (-2e15..2e15f64).prop_map(Number::Float),
            // Every power of ten a double has, with either sign.
            (-330i32..310, any::<bool>()).prop_map(|(e, neg)| {
                let v = format!("{}1e{e}", if neg { "-" } else { "" });
                Number::Float(v.parse().unwrap())
            }),
            prop::sample::select(edges).prop_map(Number::Float),
            any::<i64>().prop_map(Number::Int),
            (-100i64..100).prop_map(Number::Int),
        ]
    }

    /// A chart of `kind` with one list of numbers per series (all as long as the first).
    fn chart_text() -> impl Strategy<Value = (ChartKind, Vec<Vec<Number>>)> {
        (
            prop::sample::select(ChartKind::ALL.to_vec()),
            1usize..5,
            1usize..4,
        )
            .prop_flat_map(|(kind, categories, series)| {
                let values = prop::collection::vec(number(), categories);
                (Just(kind), prop::collection::vec(values, series))
            })
    }

    /// The `charts.toml` text and the byte offset of every number in it.
    fn write(kind: ChartKind, series: &[Vec<Number>]) -> (String, Vec<(usize, Number)>) {
        let categories = (0..series[0].len())
            .map(|i| format!("{{ sv = \"k{i}\" }}"))
            .collect::<Vec<_>>()
            .join(", ");
        let mut text = format!(
            "[[chart]]\nid = \"c\"\nkind = \"{}\"\ntitle = {{ sv = \"T\" }}\nx_label = {{ sv = \"X\" }}\n\
             y_label = {{ sv = \"Y\" }}\nsource = {{ sv = \"S\" }}\ncategories = [{categories}]\n",
            kind.key()
        );
        let mut at = Vec::new();
        for (s, values) in series.iter().enumerate() {
            text.push_str(&format!(
                "[[chart.series]]\nname = {{ sv = \"s{s}\" }}\nvalues = ["
            ));
            for (i, v) in values.iter().enumerate() {
                if i > 0 {
                    text.push_str(", ");
                }
                at.push((text.len(), *v));
                text.push_str(&v.toml());
            }
            text.push_str("]\n");
        }
        (text, at)
    }

    /// What the build does with `text` as a year's `charts.toml`: validated charts, or errors.
    fn convert(text: &str) -> (Vec<Chart>, Vec<SiteError>) {
        let text: Arc<str> = Arc::from(text);
        let value = toml::from_str(&text).expect("the generator writes valid TOML");
        let raw = RawYear {
            year: 2021,
            dir_name: "content/2021".into(),
            report: None,
            sections: Vec::new(),
            broken_sections: Vec::new(),
            charts: Some(Parsed {
                source: SourceFile {
                    name: FILE.into(),
                    text,
                },
                value,
            }),
            charts_broken: false,
            pictures: Vec::new(),
        };
        let mut errors = Vec::new();
        let ctx = Ctx {
            languages: &[Lang::Sv, Lang::En],
        };
        (ctx.charts(&raw, &mut errors), errors)
    }

    /// True if the model must refuse `v` in a chart of `kind`.
    fn refused(v: f64, kind: ChartKind) -> bool {
        !v.is_finite()
            || v.abs() > MAX_VALUE
            || (v != 0.0 && v.abs() < MIN_NONZERO)
            || (kind.is_stacked() && v < 0.0)
    }

    /// Converts and draws `text` on another thread, failing if that takes more than `limit`.
    fn draw_within(text: String, limit: Duration) -> (Vec<SiteError>, usize) {
        let (send, receive) = mpsc::channel();
        std::thread::spawn(move || {
            let (charts, errors) = convert(&text);
            let theme = theme();
            let mut svgs = 0;
            for chart in &charts {
                for lang in [Lang::Sv, Lang::En] {
                    let strings = strings(lang);
                    let f = crate::charts::figure(chart, lang, "p", &theme, &strings)
                        .expect("a validated chart draws");
                    let slide = crate::charts::slide_svg(chart, lang, "s", &theme, &strings)
                        .expect("a validated chart draws on a slide");
                    for svg in [&f.svg_wide, &f.svg_narrow, &slide] {
                        assert!(svg.starts_with("<svg ") && svg.ends_with("</svg>"));
                        assert!(!svg.contains("NaN") && !svg.contains("inf"), "{svg}");
                        svgs += 1;
                    }
                }
            }
            let _ = send.send((errors, svgs));
        });
        match receive.recv_timeout(limit) {
            Ok(result) => result,
            Err(mpsc::RecvTimeoutError::Timeout) => panic!("no result within {limit:?}: a hang"),
            Err(mpsc::RecvTimeoutError::Disconnected) => panic!("converting or drawing panicked"),
        }
    }

    proptest! {
        #[test]
        fn every_number_is_drawn_or_refused_at_its_place((kind, series) in chart_text()) {
            let (text, numbers) = write(kind, &series);
            let (errors, svgs) = draw_within(text.clone(), Duration::from_secs(60));
            let expected: Vec<(usize, usize)> = numbers
                .iter()
                .filter(|(_, n)| refused(n.value(), kind))
                .map(|(at, _)| crate::diagnostics::line_col(&text, *at))
                .collect();
            let found: Vec<(usize, usize)> = errors.iter().filter_map(SiteError::line_col).collect();
            prop_assert_eq!(&found, &expected, "{}", text);
            for e in &errors {
                prop_assert!(matches!(e.kind(), ErrorKind::InvalidValue | ErrorKind::NegativeInStack));
                prop_assert_eq!(e.file(), Some(FILE));
                prop_assert!(e.help_text().is_some_and(|h| !h.is_empty()));
            }
            // No error: the chart is drawn, wide, narrow and on a slide, in both languages.
            prop_assert_eq!(svgs, if expected.is_empty() { 6 } else { 0 });
        }
    }

    #[test]
    fn a_decimal_comma_is_named_at_the_number_with_the_list_written_with_points() {
        let (text, _) = write(ChartKind::Bar, &[vec![Number::Int(1), Number::Int(2)]]);
        for (values, at, fixed) in [
            ("[94,5, 88]", "94,5", "values = [94.5, 88]"),
            ("[-1,25, 3,5]", "-1,25", "values = [-1.25, 3.5]"),
            ("[ 94,5 ,88]", "94,5", "values = [94.5, 88]"),
        ] {
            let text = text.replace("[1, 2]", values);
            let (_, errors) = convert(&text);
            assert_eq!(errors.len(), 1, "{values}: {errors:#?}");
            let e = &errors[0];
            assert_eq!(e.kind(), ErrorKind::DecimalComma, "{values}");
            let start = text.find(at).unwrap();
            let expected = crate::diagnostics::line_col(&text, start);
            assert_eq!(e.line_col(), Some(expected), "{values}");
            assert!(e.help_text().unwrap().ends_with(fixed), "{e:?}");
        }
        // Too many values, but each written apart: the count is the problem.
        for values in ["[94, 5, 88]", "[1.5,2, 3]", "[1,2.5, 3]"] {
            let (_, errors) = convert(&text.replace("[1, 2]", values));
            let kinds: Vec<_> = errors.iter().map(SiteError::kind).collect();
            assert_eq!(kinds, [ErrorKind::SeriesLength], "{values}");
        }
        // As many values as categories: `1,2` is two values, as written.
        let (charts, errors) = convert(&text.replace("[1, 2]", "[1,2]"));
        assert!(errors.is_empty() && charts.len() == 1, "{errors:#?}");
    }

    #[test]
    fn the_numbers_that_once_broke_charts_are_refused_at_their_place() {
        for values in [
            &[Number::Float(1e307)][..],
            &[-1e308, 1e308, 0.0, 1.0].map(Number::Float),
        ] {
            let (text, numbers) = write(ChartKind::Bar, &[values.to_vec()]);
            let (errors, _) = draw_within(text.clone(), Duration::from_secs(60));
            let huge: Vec<_> = numbers
                .iter()
                .filter(|(_, n)| n.value().abs() > 1.0)
                .map(|(at, _)| Some(crate::diagnostics::line_col(&text, *at)))
                .collect();
            assert_eq!(
                errors.iter().map(SiteError::line_col).collect::<Vec<_>>(),
                huge
            );
            assert!(errors.iter().all(|e| e.kind() == ErrorKind::InvalidValue));
        }
    }
}
