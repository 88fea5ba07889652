//! From a laid-out [`Scene`] to an accessible SVG string, drawn by plotters.
//!
//! The layout code (`bars.rs`, `line.rs`) computes every shape in
//! viewBox units; this module replays them through plotters' `SVGBackend` and
//! then makes the result accessible and fluid: the fixed `width`/`height` that
//! plotters writes are replaced by a `viewBox` only (the chart scales with its
//! container), and `role="img"`, `<title>`, `<desc>` and `aria-labelledby` are
//! added (plotters writes none of them).

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos as PHPos, Pos, VPos as PVPos};

use super::backend::CompactSvg;
use super::theme::{ChartTheme, Rgb};

/// Where a text's x lies: at its start, centre or end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HPos {
    /// x is the start.
    Left,
    /// x is the centre.
    Center,
    /// x is the end.
    Right,
}

/// Where a text's y lies: at its top, middle or bottom.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VPos {
    /// y is the top.
    Top,
    /// y is the middle.
    Center,
    /// y is the bottom.
    Bottom,
}

/// One thing to draw, in viewBox units (y grows downwards).
#[derive(Debug, Clone, PartialEq)]
pub enum Shape {
    /// A filled rectangle between two corners.
    Rect {
        /// Left.
        x0: i32,
        /// Top.
        y0: i32,
        /// Right.
        x1: i32,
        /// Bottom.
        y1: i32,
        /// Colour.
        fill: Rgb,
    },
    /// An open polyline.
    Path {
        /// Corner points, in order.
        points: Vec<(i32, i32)>,
        /// Stroke colour.
        colour: Rgb,
        /// Stroke width.
        width: u32,
    },
    /// A filled polygon.
    Polygon {
        /// Corner points, in order.
        points: Vec<(i32, i32)>,
        /// Colour.
        fill: Rgb,
    },
    /// A filled circle.
    Circle {
        /// Centre x.
        x: i32,
        /// Centre y.
        y: i32,
        /// Radius.
        r: u32,
        /// Colour.
        fill: Rgb,
    },
    /// A line of text anchored at (x, y).
    Text {
        /// The text (escaped when written).
        text: String,
        /// Anchor x.
        x: i32,
        /// Anchor y.
        y: i32,
        /// Font size.
        size: f64,
        /// Colour.
        colour: Rgb,
        /// Which part of the text sits at x.
        h: HPos,
        /// Which part of the text sits at y.
        v: VPos,
    },
}

/// A chart laid out and ready to draw.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Scene {
    /// viewBox width.
    pub width: i32,
    /// viewBox height.
    pub height: i32,
    /// Shapes in drawing order.
    pub shapes: Vec<Shape>,
}

impl Scene {
    /// Adds a shape.
    pub fn push(&mut self, shape: Shape) {
        self.shapes.push(shape);
    }

    /// Adds a text.
    pub fn text(
        &mut self,
        text: impl Into<String>,
        (x, y): (i32, i32),
        size: f64,
        colour: Rgb,
        h: HPos,
        v: VPos,
    ) {
        self.shapes.push(Shape::Text {
            text: text.into(),
            x,
            y,
            size,
            colour,
            h,
            v,
        });
    }
}

/// What the accessible wrapper needs: unique ids, the name and the description.
#[derive(Debug, Clone, Copy)]
pub struct Labels<'a> {
    /// Prefix of the `<title>`/`<desc>` ids; unique on the page.
    pub id: &'a str,
    /// The accessible name (the chart title).
    pub title: &'a str,
    /// The description sentence.
    pub desc: &'a str,
    /// Extra class on the `<svg>` (which layout it is).
    pub class: &'a str,
}

/// Why a chart could not be drawn (never caused by content; a fault in summering).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DrawError(pub String);

/// Draws `scene` with plotters and wraps it as an accessible, fluid SVG.
pub fn to_svg(scene: &Scene, theme: &ChartTheme, labels: Labels<'_>) -> Result<String, DrawError> {
    let id = labels.id;
    let mut out = String::with_capacity(8 * 1024);
    out.push_str(&format!(
        "<svg class=\"chart__svg {class}\" viewBox=\"0 0 {w} {h}\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" font-family=\"",
        class = labels.class,
        w = scene.width,
        h = scene.height,
    ));
    escape_into(&mut out, &theme.font_family);
    out.push_str(&format!("\"><title id=\"{id}-title\">"));
    escape_into(&mut out, labels.title);
    out.push_str(&format!("</title><desc id=\"{id}-desc\">"));
    escape_into(&mut out, labels.desc);
    out.push_str("</desc>");
    {
        // The root carries the font once; the backend writes the elements compactly.
        let size = (scene.width.max(1) as u32, scene.height.max(1) as u32);
        let area = CompactSvg::new(&mut out, size).into_drawing_area();
        area.fill(&colour(theme.background)).map_err(err)?;
        for shape in &scene.shapes {
            draw(&area, shape, &theme.font_family)?;
        }
        area.present().map_err(err)?;
    }
    out.push_str("</svg>");
    Ok(out)
}

fn draw(
    area: &DrawingArea<CompactSvg<'_>, Shift>,
    shape: &Shape,
    family: &str,
) -> Result<(), DrawError> {
    match shape {
        Shape::Rect {
            x0,
            y0,
            x1,
            y1,
            fill,
        } => area
            .draw(&Rectangle::new(
                [(*x0, *y0), (*x1, *y1)],
                colour(*fill).filled(),
            ))
            .map_err(err),
        Shape::Path {
            points,
            colour: c,
            width,
        } => area
            .draw(&PathElement::new(
                points.clone(),
                colour(*c).stroke_width(*width),
            ))
            .map_err(err),
        Shape::Polygon { points, fill } => area
            .draw(&Polygon::new(points.clone(), colour(*fill).filled()))
            .map_err(err),
        Shape::Circle { x, y, r, fill } => area
            .draw(&Circle::new((*x, *y), *r, colour(*fill).filled()))
            .map_err(err),
        Shape::Text {
            text,
            x,
            y,
            size,
            colour: c,
            h,
            v,
        } => {
            let font = FontDesc::new(
                FontFamily::Name(family),
                plotters_size(*size),
                FontStyle::Normal,
            );
            let h = match h {
                HPos::Left => PHPos::Left,
                HPos::Center => PHPos::Center,
                HPos::Right => PHPos::Right,
            };
            let v = match v {
                VPos::Top => PVPos::Top,
                VPos::Center => PVPos::Center,
                VPos::Bottom => PVPos::Bottom,
            };
            let fill = colour(*c);
            let text_style = TextStyle::from(font).color(&fill).pos(Pos::new(h, v));
            area.draw(&Text::new(text.as_str(), (*x, *y), text_style))
                .map_err(err)
        }
    }
}

fn colour(c: Rgb) -> RGBColor {
    RGBColor(c.0, c.1, c.2)
}

fn err<E: std::fmt::Debug>(e: E) -> DrawError {
    DrawError(format!("{e:?}"))
}

/// plotters writes `font-size` as the size given divided by 1.24; this finds the
/// size that comes out as exactly `px` (so the SVG says `14`, not `14.000000000000002`).
pub fn plotters_size(px: f64) -> f64 {
    let guess = px * 1.24;
    let bits = guess.to_bits();
    (0..64u64)
        .flat_map(|k| [bits.wrapping_add(k), bits.wrapping_sub(k)])
        .map(f64::from_bits)
        .find(|s| s / 1.24 == px)
        .unwrap_or(guess)
}

/// Escapes text for an XML element or attribute, exactly as plotters does.
pub fn escape_into(out: &mut String, text: &str) {
    let mut plain = 0;
    for (i, b) in text.bytes().enumerate() {
        let entity = match b {
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'&' => "&amp;",
            b'"' => "&quot;",
            b'\'' => "&apos;",
            _ => continue,
        };
        out.push_str(&text[plain..i]);
        out.push_str(entity);
        plain = i + 1;
    }
    out.push_str(&text[plain..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn font_sizes_come_out_exact() {
        use crate::charts::Variant;
        for m in [
            Variant::Wide.metrics(),
            Variant::Narrow.metrics(),
            Variant::Slide.metrics(),
        ] {
            for px in [m.font, m.small] {
                assert_eq!(plotters_size(px) / 1.24, px, "{px}");
            }
        }
    }

    #[test]
    fn the_svg_is_accessible_and_has_no_fixed_size() {
        let theme = crate::charts::testdata::theme();
        let mut scene = Scene {
            width: 100,
            height: 50,
            shapes: vec![],
        };
        scene.text("a < b", (10, 10), 14.0, theme.text, HPos::Left, VPos::Top);
        let svg = to_svg(
            &scene,
            &theme,
            Labels {
                id: "x-1",
                title: "T & U",
                desc: "D \"q\"",
                class: "c",
            },
        )
        .unwrap();
        assert!(
            svg.starts_with("<svg class=\"chart__svg c\" viewBox=\"0 0 100 50\""),
            "{svg}"
        );
        assert!(svg.contains("role=\"img\" aria-labelledby=\"x-1-title x-1-desc\""));
        assert!(svg.contains("<title id=\"x-1-title\">T &amp; U</title>"));
        assert!(svg.contains("<desc id=\"x-1-desc\">D &quot;q&quot;</desc>"));
        assert!(!svg.split('>').next().unwrap().contains("width="), "{svg}");
        assert!(svg.contains("a &lt; b"));
        assert!(svg.contains("font-size=14 "), "{svg}");
        assert!(
            svg.contains("<rect x=0 y=0 width=100 height=50 fill=#FFFFFF stroke=\"none\"/>"),
            "{svg}"
        );
        assert!(svg.ends_with("</svg>"));
        assert!(!svg.contains('\n'), "{svg}");
    }
}
