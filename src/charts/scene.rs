//! A chart laid out: shapes and texts in viewBox units, for any writer to draw.
//!
//! The layouts (`bars.rs`, `line.rs`, with `frame.rs` and `marks.rs`) decide
//! everything that depends on the data, the language and the text widths:
//! ticks, where labels fit, wrapped category names, when vertical bars turn
//! horizontal, hatchings and markers. What they produce is this scene, so a
//! writer only draws: [`super::svg`] draws it through plotters for the HTML
//! pages and slides (and the PDF writer can embed that SVG); a PowerPoint
//! writer can map each [`Shape`] to one DrawingML shape (a rectangle, a
//! custom-geometry path or polygon, an ellipse, a text box anchored like
//! [`HPos`]/[`VPos`]) without laying anything out again.
//!
//! Page coordinates rather than data coordinates: laying out needs the text
//! widths, and doing it once here keeps every writer's chart the same.

use super::theme::Rgb;

/// Where a text's x lies: at its start, centre or end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum HPos {
    /// x is the start.
    Left,
    /// x is the centre.
    Center,
    /// x is the end.
    Right,
}

/// Where a text's y lies: at its top, middle or bottom.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum VPos {
    /// y is the top.
    Top,
    /// y is the middle.
    Center,
    /// y is the bottom.
    Bottom,
}

/// One thing to draw, in viewBox units (y grows downwards).
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Shape {
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
pub(super) struct Scene {
    /// viewBox width.
    pub width: i32,
    /// viewBox height.
    pub height: i32,
    /// Shapes in drawing order.
    pub shapes: Vec<Shape>,
}

impl Scene {
    /// Adds a shape.
    pub(super) fn push(&mut self, shape: Shape) {
        self.shapes.push(shape);
    }

    /// Adds a text.
    pub(super) fn text(
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
