//! The line layout: categories (usually years) along the bottom, one line per
//! series with its own marker shape, gaps where a value is missing.
//!
//! The value axis starts at zero unless the values are far from it (a line's
//! slope, unlike a bar's length, stays honest without zero).

use super::frame::Frame;
use super::marks::Marker;
use super::scale::{Bands, Linear, domain};
use super::scene::{HPos, Scene, Shape, VPos};
use super::text;

/// Lays out a line chart.
pub(super) fn layout(f: &Frame<'_>) -> Scene {
    let (m, theme, chart) = (&f.m, f.theme, f.chart);
    let n = chart.categories.len();
    let mut scene = Scene {
        width: m.width,
        ..Scene::default()
    };
    let top = f.header(&mut scene, false);
    let (lo, hi) = domain(chart.values(), false);
    let (ticks, tick_labels, left) = f.value_axis(lo, hi);
    let right = m.width - m.pad;
    let bands = Bands::new(f64::from(left), f64::from(right), n, 1.0);
    let single = chart.series.len() == 1;
    let labels_fit = single
        && chart
            .values()
            .all(|v| text::width(&f.value(v), m.small) <= bands.size() - 4.0);
    let plot_top = top + (m.small * 1.5).round() as i32;
    let plot_bottom = plot_top + m.plot_height;
    let ys = Linear::new((ticks.min, ticks.max), (plot_bottom, plot_top));
    f.gridlines(&mut scene, &tick_labels, &ys, left, right);
    let base = if ticks.min <= 0.0 && ticks.max >= 0.0 {
        ys.at(0.0)
    } else {
        plot_bottom
    };
    scene.push(Shape::Path {
        points: vec![(left, base), (right, base)],
        colour: theme.axis,
        width: 2,
    });
    let x_of = |i: usize| bands.centre(i).round() as i32;
    for (s, series) in chart.series.iter().enumerate() {
        let colour = f.colour(s);
        let mut run: Vec<(i32, i32)> = Vec::new();
        for (i, v) in series.values.iter().enumerate() {
            match v {
                Some(v) => run.push((x_of(i), ys.at(*v))),
                None => flush(&mut scene, &mut run, colour, m.line),
            }
        }
        flush(&mut scene, &mut run, colour, m.line);
        for (i, v) in series.values.iter().enumerate() {
            let Some(v) = v else { continue };
            let point = (x_of(i), ys.at(*v));
            Marker::of(s).draw(&mut scene, point, m.marker, colour);
            if labels_fit {
                scene.text(
                    f.value(*v),
                    (point.0, point.1 - m.marker - 4),
                    m.small,
                    theme.text,
                    HPos::Center,
                    VPos::Bottom,
                );
            }
        }
    }
    // Category names; when they are too wide for their band, only every k-th is written.
    let names: Vec<&str> = (0..n).map(|i| f.category(i)).collect();
    let widest = text::widest(names.iter().copied(), m.font);
    let every = ((widest + 8.0) / bands.size()).ceil().max(1.0) as usize;
    let names_top = plot_bottom + 8;
    for (i, name) in names.iter().enumerate().filter(|(i, _)| i % every == 0) {
        scene.text(
            *name,
            (x_of(i), names_top),
            m.font,
            theme.text,
            HPos::Center,
            VPos::Top,
        );
    }
    let y = names_top + (m.font * 1.25).round() as i32 + 6;
    f.category_axis_footer(&mut scene, left, right, y);
    scene
}

/// Draws the points collected so far as one polyline (a single point is only its marker).
fn flush(scene: &mut Scene, run: &mut Vec<(i32, i32)>, colour: super::theme::Rgb, width: u32) {
    if run.len() >= 2 {
        scene.push(Shape::Path {
            points: std::mem::take(run),
            colour,
            width,
        });
    }
    run.clear();
}
