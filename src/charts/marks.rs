//! What tells series apart without colour: a hatching per bar series, a marker
//! shape per line series, and the legend that shows both. Also the sizes of the
//! two layouts.

use super::scene::{HPos, Scene, Shape, VPos};
use super::text;
use super::theme::{ChartTheme, Rgb};

/// The layouts of a chart: on pages, a wide one (and in print) and one for
/// phones, switched by a CSS container query; on slides, one with large type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Variant {
    /// viewBox 640 wide.
    Wide,
    /// viewBox 320 wide, shown about 1:1 on a phone; bars are always horizontal.
    Narrow,
    /// viewBox 1120 wide with large type, for a chart slide of a 1280 × 720 deck.
    Slide,
}

/// Sizes of a layout, in viewBox units.
#[derive(Debug, Clone, Copy)]
pub(super) struct Metrics {
    /// viewBox width.
    pub width: i32,
    /// Labels and legend (CSS pixels, as every font size here).
    pub font: f64,
    /// Ticks, axis names, value labels.
    pub small: f64,
    /// Height of the plot of vertical charts.
    pub plot_height: i32,
    /// Most ticks on the value axis.
    pub max_ticks: usize,
    /// Thickness of a horizontal bar.
    pub bar: i32,
    /// Outer margin.
    pub pad: i32,
    /// Stroke width of a line series.
    pub line: u32,
    /// "Radius" of a line marker.
    pub marker: i32,
}

impl Variant {
    /// The sizes of this layout.
    pub(super) fn metrics(self) -> Metrics {
        match self {
            Variant::Wide => Metrics {
                width: 640,
                font: 16.0,
                small: 14.0,
                plot_height: 300,
                max_ticks: 6,
                bar: 26,
                pad: 12,
                line: 3,
                marker: 6,
            },
            Variant::Narrow => Metrics {
                width: 320,
                font: 14.0,
                small: 12.5,
                plot_height: 220,
                max_ticks: 5,
                bar: 22,
                pad: 8,
                line: 3,
                marker: 5,
            },
            Variant::Slide => Metrics {
                width: 1120,
                font: 28.0,
                small: 24.0,
                plot_height: 280,
                max_ticks: 6,
                bar: 36,
                pad: 12,
                line: 5,
                marker: 9,
            },
        }
    }

    /// The CSS class of this layout's `<svg>`.
    pub(super) fn class(self) -> &'static str {
        match self {
            Variant::Wide => "chart__svg--wide",
            Variant::Narrow => "chart__svg--narrow",
            Variant::Slide => "chart__svg--slide",
        }
    }
}

/// A hatching drawn over a bar in the background colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Pattern {
    /// Plain colour.
    Solid,
    /// Rising diagonal lines.
    Diagonal,
    /// Horizontal lines.
    Horizontal,
    /// Falling diagonal lines.
    BackDiagonal,
    /// Both diagonals.
    Cross,
    /// Vertical lines.
    Vertical,
}

impl Pattern {
    /// The pattern of series `i` (a chart with one series is plain).
    pub(super) fn of(i: usize) -> Pattern {
        const ALL: [Pattern; 6] = [
            Pattern::Solid,
            Pattern::Diagonal,
            Pattern::Horizontal,
            Pattern::BackDiagonal,
            Pattern::Cross,
            Pattern::Vertical,
        ];
        ALL[i % ALL.len()]
    }
}

/// A marker shape for line series.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Marker {
    /// ●
    Circle,
    /// ■
    Square,
    /// ▲
    Triangle,
    /// ◆
    Diamond,
    /// ▼
    TriangleDown,
    /// ✚
    Plus,
}

impl Marker {
    /// The marker of series `i`.
    pub(super) fn of(i: usize) -> Marker {
        const ALL: [Marker; 6] = [
            Marker::Circle,
            Marker::Square,
            Marker::Triangle,
            Marker::Diamond,
            Marker::TriangleDown,
            Marker::Plus,
        ];
        ALL[i % ALL.len()]
    }

    /// Adds the marker centred on (x, y) with "radius" r.
    pub(super) fn draw(self, scene: &mut Scene, (x, y): (i32, i32), r: i32, fill: Rgb) {
        let poly = |pts: &[(i32, i32)]| Shape::Polygon {
            points: pts.iter().map(|(dx, dy)| (x + dx, y + dy)).collect(),
            fill,
        };
        let t = r / 3 + 1;
        scene.push(match self {
            Marker::Circle => Shape::Circle {
                x,
                y,
                r: r as u32,
                fill,
            },
            Marker::Square => poly(&[
                (-r + 1, -r + 1),
                (r - 1, -r + 1),
                (r - 1, r - 1),
                (-r + 1, r - 1),
            ]),
            Marker::Triangle => poly(&[(0, -r - 1), (r + 1, r), (-r - 1, r)]),
            Marker::Diamond => poly(&[(0, -r - 1), (r + 1, 0), (0, r + 1), (-r - 1, 0)]),
            Marker::TriangleDown => poly(&[(-r - 1, -r), (r + 1, -r), (0, r + 1)]),
            Marker::Plus => poly(&[
                (-t, -r),
                (t, -r),
                (t, -t),
                (r, -t),
                (r, t),
                (t, t),
                (t, r),
                (-t, r),
                (-t, t),
                (-r, t),
                (-r, -t),
                (-t, -t),
            ]),
        });
    }
}

/// Adds a bar from (x0, y0) to (x1, y1) in `fill` with `pattern`, outlined so
/// the hatching never touches the bar's edge.
pub(super) fn bar(
    scene: &mut Scene,
    (x0, y0, x1, y1): (i32, i32, i32, i32),
    fill: Rgb,
    pattern: Pattern,
    theme: &ChartTheme,
) {
    let (x0, x1) = (x0.min(x1), x0.max(x1));
    let (y0, y1) = (y0.min(y1), y0.max(y1));
    if x1 == x0 || y1 == y0 {
        return;
    }
    scene.push(Shape::Rect {
        x0,
        y0,
        x1,
        y1,
        fill,
    });
    if x1 - x0 < 4 || y1 - y0 < 4 {
        return;
    }
    for points in hatch((x0, y0, x1, y1), pattern) {
        scene.push(Shape::Path {
            points,
            colour: theme.background,
            width: 2,
        });
    }
    if pattern != Pattern::Solid {
        // The hatching runs along the edges between its lines; this covers it.
        let mid = (x0 + x1) / 2;
        let outline = vec![(mid, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0), (mid, y0)];
        scene.push(Shape::Path {
            points: outline,
            colour: fill,
            width: 2,
        });
    }
}

const SPACING: i32 = 7;

/// The hatching of a rectangle as polylines that zigzag along its edges (one
/// element per direction instead of one per line keeps the SVG small).
pub(super) fn hatch(r: (i32, i32, i32, i32), pattern: Pattern) -> Vec<Vec<(i32, i32)>> {
    let (x0, y0, x1, y1) = r;
    let mirror = |pts: Vec<(i32, i32)>| {
        pts.into_iter()
            .map(|(x, y)| (x0 + x1 - x, y))
            .collect::<Vec<_>>()
    };
    let transpose = |pts: Vec<(i32, i32)>| pts.into_iter().map(|(x, y)| (y, x)).collect::<Vec<_>>();
    let lines = match pattern {
        Pattern::Solid => vec![],
        Pattern::Diagonal => vec![diagonal(r)],
        Pattern::BackDiagonal => vec![mirror(diagonal(r))],
        Pattern::Cross => vec![diagonal(r), mirror(diagonal(r))],
        Pattern::Horizontal => vec![stripes(r)],
        Pattern::Vertical => vec![transpose(stripes((y0, x0, y1, x1)))],
    };
    lines.into_iter().filter(|l| l.len() >= 2).collect()
}

fn stripes((x0, y0, x1, y1): (i32, i32, i32, i32)) -> Vec<(i32, i32)> {
    let mut pts = Vec::new();
    let mut y = (y0 / SPACING + 1) * SPACING;
    let mut left_to_right = true;
    while y < y1 {
        let (a, b) = if left_to_right { (x0, x1) } else { (x1, x0) };
        pts.push((a, y));
        pts.push((b, y));
        left_to_right = !left_to_right;
        y += SPACING;
    }
    pts
}

/// Lines x + y = k (rising to the right on screen), k on a fixed grid so that
/// neighbouring bars' hatchings line up.
fn diagonal((x0, y0, x1, y1): (i32, i32, i32, i32)) -> Vec<(i32, i32)> {
    let lower = |k: i32| {
        if k - x0 <= y1 {
            (x0, k - x0)
        } else {
            (k - y1, y1)
        }
    };
    let upper = |k: i32| {
        if k - y0 <= x1 {
            (k - y0, y0)
        } else {
            (x1, k - x1)
        }
    };
    let mut pts: Vec<(i32, i32)> = Vec::new();
    let mut k = ((x0 + y0) / SPACING + 1) * SPACING;
    let mut up = true;
    while k < x1 + y1 {
        let (from, to) = if up {
            (lower(k), upper(k))
        } else {
            (upper(k), lower(k))
        };
        if let Some(&last) = pts.last() {
            // Walk along the edge, around the corner if the two ends are on different edges.
            let corner = if up { (x0, y1) } else { (x1, y0) };
            if last.0 != from.0 && last.1 != from.1 {
                pts.push(corner);
            }
        }
        pts.push(from);
        pts.push(to);
        up = !up;
        k += SPACING;
    }
    pts
}

/// One legend entry: a swatch like the series' marks, then its name.
pub(super) struct LegendItem<'a> {
    /// Series name.
    pub name: &'a str,
    /// Series colour.
    pub colour: Rgb,
    /// Bar hatching, or `None` for a line swatch.
    pub pattern: Option<Pattern>,
    /// Line marker.
    pub marker: Marker,
}

/// Lays out the legend in rows from (x, y) within `max_x`; returns the y below it.
pub(super) fn legend(
    scene: &mut Scene,
    items: &[LegendItem<'_>],
    (x, y): (i32, i32),
    max_x: i32,
    m: &Metrics,
    theme: &ChartTheme,
) -> i32 {
    let swatch = (m.font * 1.1).round() as i32;
    let row = (m.font * 1.7).round() as i32;
    let (mut cx, mut cy) = (x, y);
    for item in items {
        let swatch_w = if item.pattern.is_some() {
            swatch
        } else {
            swatch * 2
        };
        let w = swatch_w + 6 + text::width(item.name, m.font).ceil() as i32;
        if cx > x && cx + w > max_x {
            cx = x;
            cy += row;
        }
        let mid = cy + row / 2;
        match item.pattern {
            Some(p) => bar(
                scene,
                (cx, mid - swatch / 2, cx + swatch, mid + swatch / 2),
                item.colour,
                p,
                theme,
            ),
            None => {
                scene.push(Shape::Path {
                    points: vec![(cx, mid), (cx + swatch_w, mid)],
                    colour: item.colour,
                    width: m.line,
                });
                item.marker
                    .draw(scene, (cx + swatch_w / 2, mid), m.marker, item.colour);
            }
        }
        scene.text(
            item.name,
            (cx + swatch_w + 6, mid),
            m.font,
            theme.text,
            HPos::Left,
            VPos::Center,
        );
        cx += w + (m.font * 1.2).round() as i32;
    }
    cy + row
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inside(p: (i32, i32), (x0, y0, x1, y1): (i32, i32, i32, i32)) -> bool {
        p.0 >= x0 && p.0 <= x1 && p.1 >= y0 && p.1 <= y1
    }

    #[test]
    fn hatchings_stay_inside_their_bar_and_move_along_edges() {
        for r in [
            (10, 20, 50, 220),
            (0, 0, 300, 26),
            (5, 5, 9, 9),
            (3, 100, 40, 107),
        ] {
            for p in [
                Pattern::Diagonal,
                Pattern::BackDiagonal,
                Pattern::Cross,
                Pattern::Horizontal,
                Pattern::Vertical,
            ] {
                for line in hatch(r, p) {
                    assert!(
                        line.iter().all(|&pt| inside(pt, r)),
                        "{p:?} {r:?}: {line:?}"
                    );
                    // Every other step runs along an edge (hidden by the outline).
                    for (i, w) in line.windows(2).enumerate() {
                        let on_edge = |pt: (i32, i32)| {
                            pt.0 == r.0 || pt.0 == r.2 || pt.1 == r.1 || pt.1 == r.3
                        };
                        assert!(
                            on_edge(w[0]) && on_edge(w[1]),
                            "{p:?} {r:?} step {i}: {w:?}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn diagonal_lines_are_at_45_degrees() {
        let line = &hatch((0, 0, 40, 100), Pattern::Diagonal)[0];
        // Points come in (from, to) pairs per hatch line, possibly with a corner between.
        let slopes = line
            .windows(2)
            .filter(|w| w[0].0 != w[1].0 && w[0].1 != w[1].1);
        for w in slopes {
            assert_eq!((w[1].0 - w[0].0).abs(), (w[1].1 - w[0].1).abs(), "{w:?}");
        }
    }

    #[test]
    fn solid_bars_have_no_hatching_and_series_differ() {
        assert!(hatch((0, 0, 50, 50), Pattern::Solid).is_empty());
        let patterns: Vec<_> = (0..6).map(Pattern::of).collect();
        let markers: Vec<_> = (0..6).map(Marker::of).collect();
        for i in 0..6 {
            for j in 0..i {
                assert_ne!(patterns[i], patterns[j]);
                assert_ne!(markers[i], markers[j]);
            }
        }
    }
}
