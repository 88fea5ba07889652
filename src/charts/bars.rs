//! Bar layouts: vertical (categories along the bottom) and horizontal
//! (each category's name above its bars, which suits long names and phones).
//!
//! Bars always start at zero. Every bar gets its value written at its end when
//! the labels fit (they always fit horizontally); stacks get their total.

use super::frame::Frame;
use super::marks::bar;
use super::scale::{Bands, Linear, domain};
use super::scene::{HPos, Scene, Shape, VPos};
use super::text;

/// The values that set the scale: the stacks' totals for a stacked chart, else every value.
fn extent(f: &Frame<'_>) -> (f64, f64) {
    let chart = f.chart;
    if chart.kind.is_stacked() {
        domain(
            (0..chart.categories.len()).filter_map(|i| chart.total(i)),
            true,
        )
    } else {
        domain(chart.values(), true)
    }
}

/// What is written at the end of bar `s` of category `i` (or of the stack).
fn end_labels(f: &Frame<'_>) -> Vec<String> {
    let chart = f.chart;
    if chart.kind.is_stacked() {
        (0..chart.categories.len())
            .filter_map(|i| chart.total(i))
            .map(|t| f.value(t))
            .collect()
    } else {
        chart.values().map(|v| f.value(v)).collect()
    }
}

/// Vertical bars, or `None` when a category name cannot fit under its bars
/// (the caller then draws horizontal bars instead).
pub(super) fn vertical(f: &Frame<'_>) -> Option<Scene> {
    let (m, theme, chart) = (&f.m, f.theme, f.chart);
    let n = chart.categories.len();
    let stacked = chart.kind.is_stacked();
    let per_band = if stacked { 1 } else { chart.series.len() };
    let mut scene = Scene {
        width: m.width,
        ..Scene::default()
    };
    let top = f.header(&mut scene, true);
    let (lo, hi) = extent(f);
    let (ticks, tick_labels, left) = f.value_axis(lo, hi);
    let right = m.width - m.pad;
    let bands = Bands::new(
        f64::from(left),
        f64::from(right),
        n,
        if per_band > 1 { 0.8 } else { 0.6 },
    );
    let room = bands.size() - 8.0;
    let names: Vec<Vec<String>> = (0..n)
        .map(|i| text::wrap(f.category(i), m.font, room))
        .collect();
    if names
        .iter()
        .any(|l| l.len() > 3 || text::widest(l.iter().map(String::as_str), m.font) > room)
    {
        return None;
    }
    let gap = if per_band > 1 { 2.0 } else { 0.0 };
    let (_, inner) = bands.inner(0);
    let bar_w = (inner - gap * (per_band as f64 - 1.0)) / per_band as f64;
    let labels_fit = end_labels(f)
        .iter()
        .all(|l| text::width(l, m.small) <= bands.size() / per_band as f64 - 2.0);
    let label_room = (m.small * 1.5).round() as i32;
    let plot_top = top + label_room;
    let plot_bottom = plot_top + m.plot_height;
    let ys = Linear::new((ticks.min, ticks.max), (plot_bottom, plot_top));
    f.gridlines(&mut scene, &tick_labels, &ys, left, right);
    let zero = ys.at(0.0);
    for i in 0..n {
        let (x, w) = bands.inner(i);
        if stacked {
            let mut sum = 0.0;
            for (s, series) in chart.series.iter().enumerate() {
                let Some(v) = series.values[i] else { continue };
                let rect = (
                    x.round() as i32,
                    ys.at(sum),
                    (x + w).round() as i32,
                    ys.at(sum + v),
                );
                bar(&mut scene, rect, f.colour(s), f.pattern(s), theme);
                sum += v;
            }
            if let (Some(total), true) = (chart.total(i), labels_fit) {
                scene.text(
                    f.value(total),
                    (bands.centre(i).round() as i32, ys.at(total) - 4),
                    m.small,
                    theme.text,
                    HPos::Center,
                    VPos::Bottom,
                );
            }
            continue;
        }
        for (s, series) in chart.series.iter().enumerate() {
            let Some(v) = series.values[i] else { continue };
            let x0 = x + s as f64 * (bar_w + gap);
            let end = ys.at(v);
            bar(
                &mut scene,
                (x0.round() as i32, zero, (x0 + bar_w).round() as i32, end),
                f.colour(s),
                f.pattern(s),
                theme,
            );
            if labels_fit {
                let (y, v_pos) = if v < 0.0 {
                    (end + 4, VPos::Top)
                } else {
                    (end - 4, VPos::Bottom)
                };
                scene.text(
                    f.value(v),
                    ((x0 + bar_w / 2.0).round() as i32, y),
                    m.small,
                    theme.text,
                    HPos::Center,
                    v_pos,
                );
            }
        }
    }
    scene.push(Shape::Path {
        points: vec![(left, zero), (right, zero)],
        colour: theme.axis,
        width: 2,
    });
    let below = if lo < 0.0 && labels_fit {
        label_room
    } else {
        0
    };
    let line_h = (m.font * 1.25).round() as i32;
    let names_top = plot_bottom + below + 8;
    for (i, lines) in names.iter().enumerate() {
        for (j, line) in lines.iter().enumerate() {
            let pos = (
                bands.centre(i).round() as i32,
                names_top + j as i32 * line_h,
            );
            scene.text(
                line.clone(),
                pos,
                m.font,
                theme.text,
                HPos::Center,
                VPos::Top,
            );
        }
    }
    let lines = names.iter().map(Vec::len).max().unwrap_or(1) as i32;
    let y = names_top + lines * line_h + 6;
    f.category_axis_footer(&mut scene, left, right, y);
    Some(scene)
}

/// Horizontal bars: each category's name on its own line, its bars below it.
pub(super) fn horizontal(f: &Frame<'_>) -> Scene {
    let (m, theme, chart) = (&f.m, f.theme, f.chart);
    let stacked = chart.kind.is_stacked();
    let mut scene = Scene {
        width: m.width,
        ..Scene::default()
    };
    let top = f.header(&mut scene, true);
    let (lo, hi) = extent(f);
    let label_w = text::widest(end_labels(f).iter().map(String::as_str), m.small).ceil() as i32 + 6;
    let mut left = m.pad + if lo < 0.0 { label_w } else { 0 };
    let mut right = m.width - m.pad - label_w;
    let ticks = f.ticks_fitting(lo, hi, f64::from(right - left));
    // The outer tick labels are centred on their ticks: keep them inside the picture.
    let half = |v: f64| (text::width(&f.tick(v, &ticks), m.small) / 2.0).ceil() as i32;
    left = left.max(m.pad + half(ticks.min));
    right = right.min(m.width - m.pad - half(ticks.max));
    let xs = Linear::new((ticks.min, ticks.max), (left, right));
    let zero = xs.at(0.0);
    let line_h = (m.font * 1.3).round() as i32;
    let top = top + 4;
    let mut marks = Scene::default();
    let mut y = top;
    for i in 0..chart.categories.len() {
        for line in text::wrap(f.category(i), m.font, f64::from(m.width - 2 * m.pad)) {
            // A patch of background behind the name keeps grid lines from crossing it.
            let x1 = m.pad + text::width(&line, m.font).ceil() as i32 + 4;
            marks.push(Shape::Rect {
                x0: m.pad - 2,
                y0: y,
                x1,
                y1: y + line_h,
                fill: theme.background,
            });
            marks.text(line, (m.pad, y), m.font, theme.text, HPos::Left, VPos::Top);
            y += line_h;
        }
        y += 2;
        if stacked {
            let mut sum = 0.0;
            for (s, series) in chart.series.iter().enumerate() {
                let Some(v) = series.values[i] else { continue };
                bar(
                    &mut marks,
                    (xs.at(sum), y, xs.at(sum + v), y + m.bar),
                    f.colour(s),
                    f.pattern(s),
                    theme,
                );
                sum += v;
            }
            if let Some(total) = chart.total(i) {
                marks.text(
                    f.value(total),
                    (xs.at(total) + 6, y + m.bar / 2),
                    m.small,
                    theme.text,
                    HPos::Left,
                    VPos::Center,
                );
            }
            y += m.bar + 3;
        } else {
            for (s, series) in chart.series.iter().enumerate() {
                if let Some(v) = series.values[i] {
                    let end = xs.at(v);
                    bar(
                        &mut marks,
                        (zero, y, end, y + m.bar),
                        f.colour(s),
                        f.pattern(s),
                        theme,
                    );
                    let (x, h) = if v < 0.0 {
                        (end - 6, HPos::Right)
                    } else {
                        (end + 6, HPos::Left)
                    };
                    marks.text(
                        f.value(v),
                        (x, y + m.bar / 2),
                        m.small,
                        theme.text,
                        h,
                        VPos::Center,
                    );
                }
                y += m.bar + 3;
            }
        }
        y += (m.font * 0.6).round() as i32;
    }
    let bottom = y;
    for v in ticks.values() {
        let x = xs.at(v);
        scene.push(Shape::Path {
            points: vec![(x, top), (x, bottom)],
            colour: theme.grid,
            width: 1,
        });
        scene.text(
            f.tick(v, &ticks),
            (x, bottom + 4),
            m.small,
            theme.muted,
            HPos::Center,
            VPos::Top,
        );
    }
    scene.push(Shape::Path {
        points: vec![(zero, top), (zero, bottom)],
        colour: theme.axis,
        width: 2,
    });
    scene.shapes.append(&mut marks.shapes);
    scene.height = bottom + 4 + (m.small * 1.4).round() as i32 + m.pad;
    scene
}
