//! From a [`Scene`] to an accessible, fluid SVG string, drawn by plotters.
//!
//! plotters draws: every shape and text of the scene goes through its
//! `DrawingArea` as one of its elements (`Rectangle`, `PathElement`, `Polygon`,
//! `Circle`, `Text` with a `TextStyle` and anchor), onto [`CompactSvg`], the
//! backend that writes each element as SVG markup. What plotters cannot do is
//! done here: the `<svg>` root with a `viewBox` and no fixed size (the chart
//! scales with its container), `role="img"`, a `<title>` and `<desc>` named by
//! `aria-labelledby`, and the font family, written once on the root.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos as PHPos, Pos, VPos as PVPos};

use super::backend::{CompactSvg, escape_into};
use super::scene::{HPos, Scene, Shape, VPos};
use super::theme::{ChartTheme, Rgb};

/// What the accessible wrapper needs: unique ids, the name and the description.
#[derive(Debug, Clone, Copy)]
pub(super) struct Labels<'a> {
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
pub(super) fn to_svg(
    scene: &Scene,
    theme: &ChartTheme,
    labels: Labels<'_>,
) -> Result<String, DrawError> {
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
            let font = FontDesc::new(FontFamily::Name(family), *size, FontStyle::Normal);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn font_sizes_are_written_as_given() {
        let theme = crate::charts::testdata::theme();
        for (size, written) in [(13.0, "13"), (12.5, "12.5"), (15.0, "15"), (28.0, "28")] {
            let mut scene = Scene {
                width: 10,
                height: 10,
                shapes: vec![],
            };
            scene.text("x", (1, 1), size, theme.text, HPos::Left, VPos::Top);
            let labels = Labels {
                id: "i",
                title: "t",
                desc: "d",
                class: "c",
            };
            let svg = to_svg(&scene, &theme, labels).unwrap();
            assert!(svg.contains(&format!(" font-size={written} ")), "{svg}");
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
