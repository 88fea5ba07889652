//! What every layout shares: the chart in one language, its number format,
//! and the header (legend and value-axis name) drawn above the plot.

use super::marks::{LegendItem, Marker, Metrics, Pattern, legend};
use super::numfmt;
use super::scale::{Linear, Ticks};
use super::scene::{HPos, Scene, Shape, VPos};
use super::text;
use super::theme::{ChartTheme, Rgb};
use crate::lang::Lang;
use crate::model::Chart;

/// A chart prepared for drawing in one language and one layout.
pub(super) struct Frame<'a> {
    /// The chart.
    pub chart: &'a Chart,
    /// The language of every word and number.
    pub lang: Lang,
    /// Colours and font.
    pub theme: &'a ChartTheme,
    /// Sizes of the layout.
    pub m: Metrics,
    decimals: usize,
    unit: Option<&'a str>,
}

impl<'a> Frame<'a> {
    /// Prepares `chart` for `lang` with the sizes `m`.
    pub(super) fn new(
        chart: &'a Chart,
        lang: Lang,
        theme: &'a ChartTheme,
        m: Metrics,
    ) -> Frame<'a> {
        Frame {
            chart,
            lang,
            theme,
            m,
            decimals: chart.decimals(),
            unit: chart.unit.as_ref().map(|u| u.resolve(lang).value.as_str()),
        }
    }

    /// A data value with the chart's precision and unit.
    pub(super) fn value(&self, v: f64) -> String {
        numfmt::value(v, self.decimals, self.unit, self.lang)
    }

    /// A tick value (no unit; the axis name carries it).
    pub(super) fn tick(&self, v: f64, ticks: &Ticks) -> String {
        numfmt::number(v, ticks.decimals, self.lang)
    }

    /// Category `i`'s name.
    pub(super) fn category(&self, i: usize) -> &'a str {
        self.chart.categories[i].resolve(self.lang).value
    }

    /// The colour of series `i`.
    pub(super) fn colour(&self, i: usize) -> Rgb {
        self.theme.series[i % self.theme.series.len()]
    }

    /// The hatching of series `i` (none when there is only one series).
    pub(super) fn pattern(&self, i: usize) -> Pattern {
        if self.chart.series.len() == 1 {
            Pattern::Solid
        } else {
            Pattern::of(i)
        }
    }

    /// The value axis' name, with the unit in parentheses unless the name already has it.
    pub(super) fn value_axis_name(&self) -> String {
        let name = self.chart.y_label.resolve(self.lang).value.as_str();
        match self
            .unit
            .map(str::trim)
            .filter(|u| !u.is_empty() && !name.contains(*u))
        {
            Some(u) => format!("{name} ({u})"),
            None => name.to_string(),
        }
    }

    /// Draws the category axis' name centred under the plot, between `left`
    /// and `right` from `y` down, and ends the scene below it.
    pub(super) fn category_axis_footer(&self, scene: &mut Scene, left: i32, right: i32, y: i32) {
        let name = self.chart.x_label.resolve(self.lang).value;
        let y = self.small_lines(
            scene,
            name,
            ((left + right) / 2, y),
            right - left,
            HPos::Center,
        );
        scene.height = y + self.m.pad;
    }

    /// Draws `text` in the small muted type, wrapped to `width`, from `at` down
    /// (aligned to `at.0` as `h` says); returns the y below the last line.
    fn small_lines(
        &self,
        scene: &mut Scene,
        text: &str,
        at: (i32, i32),
        width: i32,
        h: HPos,
    ) -> i32 {
        let (x, mut y) = at;
        for line in text::wrap(text, self.m.small, f64::from(width)) {
            scene.text(line, (x, y), self.m.small, self.theme.muted, h, VPos::Top);
            y += (self.m.small * 1.3).round() as i32;
        }
        y
    }

    /// Draws the legend (if there are several series) and the value axis' name;
    /// returns the y where the plot may start.
    pub(super) fn header(&self, scene: &mut Scene, bars: bool) -> i32 {
        let m = &self.m;
        let mut y = m.pad;
        if self.chart.series.len() > 1 {
            let items: Vec<LegendItem<'_>> = self
                .chart
                .series
                .iter()
                .enumerate()
                .map(|(i, s)| LegendItem {
                    name: s.name.resolve(self.lang).value,
                    colour: self.colour(i),
                    pattern: bars.then(|| self.pattern(i)),
                    marker: Marker::of(i),
                })
                .collect();
            y = legend(scene, &items, (m.pad, y), m.width - m.pad, m, self.theme)
                + (m.small * 0.4).round() as i32;
        }
        let name = self.value_axis_name();
        let y = self.small_lines(scene, &name, (m.pad, y), m.width - 2 * m.pad, HPos::Left);
        y + (m.small * 0.3).round() as i32
    }

    /// A vertical value axis for `lo..=hi`: its ticks, their labels, and the x
    /// where the plot starts (right of the widest label).
    pub(super) fn value_axis(&self, lo: f64, hi: f64) -> (Ticks, Vec<(f64, String)>, i32) {
        let ticks = Ticks::nice_for(lo, hi, self.m.max_ticks, self.decimals);
        let labels: Vec<(f64, String)> = ticks
            .values()
            .into_iter()
            .map(|v| (v, self.tick(v, &ticks)))
            .collect();
        let widest = text::widest(labels.iter().map(|(_, l)| l.as_str()), self.m.small);
        let left = self.m.pad + widest.ceil() as i32 + 8;
        (ticks, labels, left)
    }

    /// Draws a gridline and its label at each tick of a vertical value axis.
    pub(super) fn gridlines(
        &self,
        scene: &mut Scene,
        labels: &[(f64, String)],
        ys: &Linear,
        left: i32,
        right: i32,
    ) {
        for (v, label) in labels {
            let y = ys.at(*v);
            scene.push(Shape::Path {
                points: vec![(left, y), (right, y)],
                colour: self.theme.grid,
                width: 1,
            });
            scene.text(
                label.clone(),
                (left - 8, y),
                self.m.small,
                self.theme.muted,
                HPos::Right,
                VPos::Center,
            );
        }
    }

    /// Ticks for `lo..=hi` whose labels fit side by side in `room` (for a horizontal value axis).
    pub(super) fn ticks_fitting(&self, lo: f64, hi: f64, room: f64) -> Ticks {
        let mut n = self.m.max_ticks;
        loop {
            let ticks = Ticks::nice_for(lo, hi, n, self.decimals);
            let labels = ticks
                .values()
                .iter()
                .map(|&v| self.tick(v, &ticks))
                .collect::<Vec<_>>();
            let widest = text::widest(labels.iter().map(String::as_str), self.m.small);
            let count = labels.len() as f64;
            if n <= 2 || (widest + 12.0) * (count - 1.0) <= room {
                return ticks;
            }
            n -= 1;
        }
    }
}
