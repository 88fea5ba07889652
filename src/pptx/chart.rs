//! A chart as a native PowerPoint chart: a `c:chartSpace` part that
//! PowerPoint (and LibreOffice, Keynote) draws itself, with the numbers in
//! its cache and in an embedded workbook, so a presenter can change a number
//! and the bars follow.
//!
//! Read from the validated model chart (the same numbers the SVG scene is
//! laid out from), with the theme's series colours; as on the pages, colour
//! is not the only cue: bar series after the first get a hatching, line
//! series each a marker shape of their own.

use std::io;

use crate::charts::theme::Rgb;
use crate::lang::Lang;
use crate::model::{Chart, ChartKind};

use super::office_theme::latin;
use super::palette::{Palette, hex};
use super::xlsx::{self, Cell, SHEET, column};
use super::xml::{self, Res, Xml};

const C: &str = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const A: &str = "http://schemas.openxmlformats.org/drawingml/2006/main";
const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// Hatchings of bar series (the first is solid), white lines on the series colour.
const PATTERNS: [&str; 6] = ["", "ltUpDiag", "ltDnDiag", "wdUpDiag", "wdDnDiag", "dkVert"];
/// Marker shapes of line series.
const MARKERS: [&str; 6] = ["circle", "square", "triangle", "diamond", "x", "star"];

/// Chart text size, hundredths of a point (16 pt, about the HTML slide chart's labels).
const TEXT_SZ: &str = "1600";

/// The chart part (whose relationship `rId1` is the workbook) and the workbook.
pub(super) fn parts(chart: &Chart, lang: Lang, p: &Palette) -> io::Result<(Vec<u8>, Vec<u8>)> {
    Ok((chart_space(chart, lang, p)?, workbook(chart, lang)?))
}

fn workbook(chart: &Chart, lang: Lang) -> io::Result<Vec<u8>> {
    let mut rows = vec![
        std::iter::once(Cell::Text(chart.x_label.resolve(lang).value))
            .chain(
                chart
                    .series
                    .iter()
                    .map(|s| Cell::Text(s.name.resolve(lang).value)),
            )
            .collect::<Vec<_>>(),
    ];
    for (i, cat) in chart.categories.iter().enumerate() {
        rows.push(
            std::iter::once(Cell::Text(cat.resolve(lang).value))
                .chain(
                    chart
                        .series
                        .iter()
                        .map(|s| s.values[i].map_or(Cell::Empty, Cell::Number)),
                )
                .collect(),
        );
    }
    xlsx::workbook(&rows)
}

fn lang_tag(lang: Lang) -> &'static str {
    super::lang_tag(lang)
}

/// The number format of the values: the chart's decimals, then its unit.
fn format_code(chart: &Chart, lang: Lang) -> String {
    unit_format(chart, lang, chart.decimals())
}

/// The value axis's format: whole numbers unless the values are all small, and no
/// unit (the axis title names it), as the pages' ticks.
fn axis_format(chart: &Chart, lang: Lang) -> String {
    let largest = chart.values().map(f64::abs).fold(0.0, f64::max);
    number_format(if largest >= 10.0 { 0 } else { chart.decimals() }, lang)
}

/// The locale of a number format, as Excel writes it (`[$-41D]`: Swedish,
/// Sweden), so a reader that honours it writes the numbers as the pages do
/// (`45,25 %` in the Swedish deck, `45.25%` in the English; LibreOffice does,
/// whatever the machine's own locale). PowerPoint and Excel keep the
/// machine's separators either way.
fn locale(lang: Lang) -> &'static str {
    match lang {
        Lang::Sv => "[$-41D]",
        Lang::En => "[$-809]",
    }
}

fn number_format(decimals: usize, lang: Lang) -> String {
    let locale = locale(lang);
    if decimals == 0 {
        format!("{locale}#,##0")
    } else {
        format!("{locale}#,##0.{}", "0".repeat(decimals))
    }
}

fn unit_format(chart: &Chart, lang: Lang, decimals: usize) -> String {
    let mut code = number_format(decimals, lang);
    if let Some(unit) = &chart.unit {
        let unit = unit.resolve(lang).value.trim().replace('"', "");
        if !unit.is_empty() {
            let space = if lang == Lang::En && (unit == "%" || unit == "‰") {
                ""
            } else {
                " "
            };
            code.push_str(&format!("\"{space}{unit}\""));
        }
    }
    code
}

fn chart_space(chart: &Chart, lang: Lang, p: &Palette) -> io::Result<Vec<u8>> {
    xml::part(|w| {
        xml::el(
            w,
            "c:chartSpace",
            &[("xmlns:c", C), ("xmlns:a", A), ("xmlns:r", R)],
            |w| {
                xml::empty(w, "c:date1904", &[("val", "0")])?;
                xml::empty(w, "c:lang", &[("val", lang_tag(lang))])?;
                xml::empty(w, "c:roundedCorners", &[("val", "0")])?;
                xml::el(w, "c:chart", &[], |w| {
                    // The slide's title is the chart's title.
                    xml::empty(w, "c:autoTitleDeleted", &[("val", "1")])?;
                    xml::el(w, "c:plotArea", &[], |w| {
                        xml::empty(w, "c:layout", &[])?;
                        plot(w, chart, lang, p)?;
                        axes(w, chart, lang, p)
                    })?;
                    if chart.series.len() > 1 {
                        xml::el(w, "c:legend", &[], |w| {
                            xml::empty(w, "c:legendPos", &[("val", "b")])?;
                            xml::empty(w, "c:overlay", &[("val", "0")])?;
                            text_props(w, p.text, lang)
                        })?;
                    }
                    xml::empty(w, "c:plotVisOnly", &[("val", "1")])?;
                    xml::empty(w, "c:dispBlanksAs", &[("val", "gap")])
                })?;
                xml::el(w, "c:spPr", &[], |w| {
                    xml::empty(w, "a:noFill", &[])?;
                    xml::el(w, "a:ln", &[], |w| xml::empty(w, "a:noFill", &[]))
                })?;
                text_props(w, p.text, lang)?;
                xml::el(w, "c:externalData", &[("r:id", "rId1")], |w| {
                    xml::empty(w, "c:autoUpdate", &[("val", "0")])
                })
            },
        )
    })
}

fn plot(w: &mut Xml, chart: &Chart, lang: Lang, p: &Palette) -> Res {
    let line = chart.kind == ChartKind::Line;
    let tag = if line { "c:lineChart" } else { "c:barChart" };
    xml::el(w, tag, &[], |w| {
        if !line {
            let dir = if chart.kind == ChartKind::Hbar {
                "bar"
            } else {
                "col"
            };
            xml::empty(w, "c:barDir", &[("val", dir)])?;
        }
        let grouping = match chart.kind {
            ChartKind::StackedBar => "stacked",
            ChartKind::Line => "standard",
            _ => "clustered",
        };
        xml::empty(w, "c:grouping", &[("val", grouping)])?;
        xml::empty(w, "c:varyColors", &[("val", "0")])?;
        for (i, _) in chart.series.iter().enumerate() {
            series(w, chart, i, lang, p)?;
        }
        labels(w, chart, lang, p)?;
        if line {
            xml::empty(w, "c:marker", &[("val", "1")])?;
        } else {
            xml::empty(w, "c:gapWidth", &[("val", "60")])?;
            if chart.kind.is_stacked() {
                xml::empty(w, "c:overlap", &[("val", "100")])?;
            }
        }
        xml::empty(w, "c:axId", &[("val", "1001")])?;
        xml::empty(w, "c:axId", &[("val", "1002")])
    })
}

fn colour(p: &Palette, i: usize) -> Rgb {
    p.series
        .get(i % p.series.len().max(1))
        .copied()
        .unwrap_or(p.accent)
}

fn series(w: &mut Xml, chart: &Chart, i: usize, lang: Lang, p: &Palette) -> Res {
    let s = &chart.series[i];
    let n = chart.categories.len();
    let col = column(i + 1);
    let idx = i.to_string();
    let c = colour(p, i);
    xml::el(w, "c:ser", &[], |w| {
        xml::empty(w, "c:idx", &[("val", &idx)])?;
        xml::empty(w, "c:order", &[("val", &idx)])?;
        xml::el(w, "c:tx", &[], |w| {
            xml::el(w, "c:strRef", &[], |w| {
                xml::text(w, "c:f", &[], &format!("{SHEET}!${col}$1"))?;
                str_cache(w, &[s.name.resolve(lang).value.as_str()])
            })
        })?;
        xml::el(w, "c:spPr", &[], |w| {
            if chart.kind == ChartKind::Line {
                xml::el(w, "a:ln", &[("w", "38100"), ("cap", "rnd")], |w| {
                    super::shapes::solid(w, c)?;
                    xml::empty(w, "a:round", &[])
                })
            } else {
                match PATTERNS[i % PATTERNS.len()] {
                    "" => super::shapes::solid(w, c)?,
                    prst => xml::el(w, "a:pattFill", &[("prst", prst)], |w| {
                        xml::el(w, "a:fgClr", &[], |w| {
                            xml::empty(w, "a:srgbClr", &[("val", &hex(p.bg))])
                        })?;
                        xml::el(w, "a:bgClr", &[], |w| {
                            xml::empty(w, "a:srgbClr", &[("val", &hex(c))])
                        })
                    })?,
                }
                xml::el(w, "a:ln", &[("w", "9525")], |w| super::shapes::solid(w, c))
            }
        })?;
        if chart.kind == ChartKind::Line {
            xml::el(w, "c:marker", &[], |w| {
                xml::empty(w, "c:symbol", &[("val", MARKERS[i % MARKERS.len()])])?;
                xml::empty(w, "c:size", &[("val", "9")])?;
                xml::el(w, "c:spPr", &[], |w| {
                    super::shapes::solid(w, c)?;
                    xml::el(w, "a:ln", &[("w", "9525")], |w| super::shapes::solid(w, c))
                })
            })?;
        } else {
            xml::empty(w, "c:invertIfNegative", &[("val", "0")])?;
        }
        xml::el(w, "c:cat", &[], |w| {
            xml::el(w, "c:strRef", &[], |w| {
                xml::text(w, "c:f", &[], &format!("{SHEET}!$A$2:$A${}", n + 1))?;
                let names: Vec<&str> = chart
                    .categories
                    .iter()
                    .map(|c| c.resolve(lang).value.as_str())
                    .collect();
                str_cache(w, &names)
            })
        })?;
        xml::el(w, "c:val", &[], |w| {
            xml::el(w, "c:numRef", &[], |w| {
                xml::text(w, "c:f", &[], &format!("{SHEET}!${col}$2:${col}${}", n + 1))?;
                xml::el(w, "c:numCache", &[], |w| {
                    xml::text(w, "c:formatCode", &[], &format_code(chart, lang))?;
                    xml::empty(w, "c:ptCount", &[("val", &n.to_string())])?;
                    for (k, v) in s.values.iter().enumerate() {
                        if let Some(v) = v {
                            xml::el(w, "c:pt", &[("idx", &k.to_string())], |w| {
                                xml::text(w, "c:v", &[], &v.to_string())
                            })?;
                        }
                    }
                    Ok(())
                })
            })
        })?;
        if chart.kind == ChartKind::Line {
            xml::empty(w, "c:smooth", &[("val", "0")])?;
        }
        Ok(())
    })
}

fn str_cache(w: &mut Xml, values: &[&str]) -> Res {
    xml::el(w, "c:strCache", &[], |w| {
        xml::empty(w, "c:ptCount", &[("val", &values.len().to_string())])?;
        for (i, v) in values.iter().enumerate() {
            xml::el(w, "c:pt", &[("idx", &i.to_string())], |w| {
                xml::text(w, "c:v", &[], v)
            })?;
        }
        Ok(())
    })
}

/// Every value written at its bar or point, as on the pages' charts.
fn labels(w: &mut Xml, chart: &Chart, lang: Lang, p: &Palette) -> Res {
    xml::el(w, "c:dLbls", &[], |w| {
        xml::empty(
            w,
            "c:numFmt",
            &[
                ("formatCode", &format_code(chart, lang)),
                ("sourceLinked", "0"),
            ],
        )?;
        xml::el(w, "c:spPr", &[], |w| {
            xml::empty(w, "a:noFill", &[])?;
            xml::el(w, "a:ln", &[], |w| xml::empty(w, "a:noFill", &[]))
        })?;
        text_props(w, p.text, lang)?;
        let pos = match chart.kind {
            ChartKind::StackedBar => "ctr",
            ChartKind::Line => "t",
            _ => "outEnd",
        };
        // A stacked segment's number sits inside it; the others outside their bar.
        xml::empty(w, "c:dLblPos", &[("val", pos)])?;
        for (tag, on) in [
            ("c:showLegendKey", "0"),
            ("c:showVal", "1"),
            ("c:showCatName", "0"),
            ("c:showSerName", "0"),
            ("c:showPercent", "0"),
            ("c:showBubbleSize", "0"),
        ] {
            xml::empty(w, tag, &[("val", on)])?;
        }
        Ok(())
    })
}

fn axes(w: &mut Xml, chart: &Chart, lang: Lang, p: &Palette) -> Res {
    let horizontal = chart.kind == ChartKind::Hbar;
    let y_title = match &chart.unit {
        Some(u) if !u.resolve(lang).value.trim().is_empty() => {
            format!(
                "{} ({})",
                chart.y_label.resolve(lang).value,
                u.resolve(lang).value.trim()
            )
        }
        _ => chart.y_label.resolve(lang).value.clone(),
    };
    xml::el(w, "c:catAx", &[], |w| {
        xml::empty(w, "c:axId", &[("val", "1001")])?;
        xml::el(w, "c:scaling", &[], |w| {
            // Horizontal bars list the first category at the top, as the page does.
            let o = if horizontal { "maxMin" } else { "minMax" };
            xml::empty(w, "c:orientation", &[("val", o)])
        })?;
        xml::empty(w, "c:delete", &[("val", "0")])?;
        xml::empty(w, "c:axPos", &[("val", if horizontal { "l" } else { "b" })])?;
        axis_title(w, chart.x_label.resolve(lang).value, p, lang)?;
        xml::empty(
            w,
            "c:numFmt",
            &[("formatCode", "General"), ("sourceLinked", "1")],
        )?;
        xml::empty(w, "c:majorTickMark", &[("val", "none")])?;
        xml::empty(w, "c:minorTickMark", &[("val", "none")])?;
        xml::empty(w, "c:tickLblPos", &[("val", "nextTo")])?;
        axis_line(w, p.muted)?;
        text_props(w, p.muted, lang)?;
        xml::empty(w, "c:crossAx", &[("val", "1002")])?;
        xml::empty(w, "c:crosses", &[("val", "autoZero")])?;
        xml::empty(w, "c:auto", &[("val", "1")])?;
        xml::empty(w, "c:lblAlgn", &[("val", "ctr")])?;
        xml::empty(w, "c:lblOffset", &[("val", "100")])?;
        xml::empty(w, "c:noMultiLvlLbl", &[("val", "0")])
    })?;
    xml::el(w, "c:valAx", &[], |w| {
        xml::empty(w, "c:axId", &[("val", "1002")])?;
        xml::el(w, "c:scaling", &[], |w| {
            xml::empty(w, "c:orientation", &[("val", "minMax")])
        })?;
        xml::empty(w, "c:delete", &[("val", "0")])?;
        xml::empty(w, "c:axPos", &[("val", if horizontal { "b" } else { "l" })])?;
        xml::el(w, "c:majorGridlines", &[], |w| {
            xml::el(w, "c:spPr", &[], |w| {
                xml::el(w, "a:ln", &[("w", "9525")], |w| {
                    super::shapes::solid(w, p.border)
                })
            })
        })?;
        axis_title(w, &y_title, p, lang)?;
        xml::empty(
            w,
            "c:numFmt",
            &[
                ("formatCode", &axis_format(chart, lang)),
                ("sourceLinked", "0"),
            ],
        )?;
        xml::empty(w, "c:majorTickMark", &[("val", "none")])?;
        xml::empty(w, "c:minorTickMark", &[("val", "none")])?;
        xml::empty(w, "c:tickLblPos", &[("val", "nextTo")])?;
        xml::el(w, "c:spPr", &[], |w| {
            xml::el(w, "a:ln", &[], |w| xml::empty(w, "a:noFill", &[]))
        })?;
        text_props(w, p.muted, lang)?;
        xml::empty(w, "c:crossAx", &[("val", "1001")])?;
        // With the categories reversed, the value axis stays at the bottom.
        xml::empty(
            w,
            "c:crosses",
            &[("val", if horizontal { "max" } else { "autoZero" })],
        )?;
        xml::empty(w, "c:crossBetween", &[("val", "between")])
    })
}

fn axis_line(w: &mut Xml, c: Rgb) -> Res {
    xml::el(w, "c:spPr", &[], |w| {
        xml::el(w, "a:ln", &[("w", "12700")], |w| super::shapes::solid(w, c))
    })
}

fn axis_title(w: &mut Xml, text: &str, p: &Palette, lang: Lang) -> Res {
    xml::el(w, "c:title", &[], |w| {
        xml::el(w, "c:tx", &[], |w| {
            xml::el(w, "c:rich", &[], |w| {
                xml::empty(w, "a:bodyPr", &[])?;
                xml::empty(w, "a:lstStyle", &[])?;
                xml::el(w, "a:p", &[], |w| {
                    xml::el(w, "a:pPr", &[], |w| def_r_pr(w, p.muted, lang))?;
                    xml::el(w, "a:r", &[], |w| {
                        xml::el(
                            w,
                            "a:rPr",
                            &[("lang", lang_tag(lang)), ("sz", TEXT_SZ), ("b", "0")],
                            |w| {
                                super::shapes::solid(w, p.muted)?;
                                latin(w, "a:latin")
                            },
                        )?;
                        xml::text(w, "a:t", &[], text)
                    })
                })
            })
        })?;
        xml::empty(w, "c:overlay", &[("val", "0")])
    })
}

fn def_r_pr(w: &mut Xml, c: Rgb, _lang: Lang) -> Res {
    xml::el(w, "a:defRPr", &[("sz", TEXT_SZ), ("b", "0")], |w| {
        super::shapes::solid(w, c)?;
        latin(w, "a:latin")
    })
}

fn text_props(w: &mut Xml, c: Rgb, lang: Lang) -> Res {
    xml::el(w, "c:txPr", &[], |w| {
        xml::empty(w, "a:bodyPr", &[])?;
        xml::empty(w, "a:lstStyle", &[])?;
        xml::el(w, "a:p", &[], |w| {
            xml::el(w, "a:pPr", &[], |w| def_r_pr(w, c, lang))?;
            xml::empty(w, "a:endParaRPr", &[("lang", lang_tag(lang))])
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_formats_follow_the_decimals_and_the_unit_spacing() {
        let c =
            crate::charts::testdata::chart(ChartKind::Hbar, &[("A", &[45.25, 30.0])], Some("%"));
        assert_eq!(format_code(&c, Lang::Sv), "[$-41D]#,##0.00\" %\"");
        assert_eq!(format_code(&c, Lang::En), "[$-809]#,##0.00\"%\"");
        assert_eq!(axis_format(&c, Lang::Sv), "[$-41D]#,##0");
    }

    #[test]
    fn horizontal_bars_are_bars_and_the_others_columns() {
        let theme =
            crate::render::Theme::load(std::path::Path::new("/nonexistent"), "default", &[])
                .unwrap();
        let p = Palette::of(&theme, &crate::model::Brand::default());
        for (kind, dir) in [
            (ChartKind::Hbar, Some("bar")),
            (ChartKind::Bar, Some("col")),
            (ChartKind::GroupedBar, Some("col")),
            (ChartKind::StackedBar, Some("col")),
            (ChartKind::Line, None),
        ] {
            let c = crate::charts::testdata::chart(kind, &[("A", &[1.0, 2.0, 3.0])], None);
            let xml = String::from_utf8(chart_space(&c, Lang::Sv, &p).unwrap()).unwrap();
            let found = xml
                .split("<c:barDir val=\"")
                .nth(1)
                .and_then(|t| t.split('"').next());
            assert_eq!(found, dir, "{kind:?}");
        }
    }
}
