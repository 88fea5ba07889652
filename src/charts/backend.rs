//! The plotters drawing backend of the charts: it writes each element plotters
//! draws as SVG markup, appended to a string.
//!
//! plotters' own `SVGBackend` writes a whole document per drawing, with its own
//! `<svg>` root of fixed size; a line break after every element, quotes around
//! every value, and the font family and an opacity on every element; and
//! `font-size` as the size given divided by 1.24 (plotters' text size is a line
//! height). The charts need their own root (see `svg.rs`) and sizes in CSS
//! pixels, and pages carry many charts, so this backend writes the short form:
//! attributes unquoted where HTML allows it and another attribute follows, no
//! `opacity` (the chart palette is opaque), no `font-family` (the root carries
//! it), and the font size exactly as given. Text is escaped as plotters escapes
//! it.

use std::convert::Infallible;
use std::fmt::Write as _;

use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
};

/// Writes the elements of a chart (not the `<svg>` root) into `out`.
pub(super) struct CompactSvg<'a> {
    out: &'a mut String,
    size: (u32, u32),
}

impl<'a> CompactSvg<'a> {
    /// A backend for a drawing of `size` that appends to `out`.
    pub(super) fn new(out: &'a mut String, size: (u32, u32)) -> Self {
        CompactSvg { out, size }
    }

    /// Starts an element: `<name`.
    fn open(&mut self, name: &str) {
        self.out.push('<');
        self.out.push_str(name);
    }

    /// An attribute that another one follows: ` key=value`, quoted only when needed.
    fn attr(&mut self, key: &str, value: impl AttrValue) {
        self.key(key);
        let at = self.out.len();
        value.write(self.out);
        if !value.is_plain() {
            self.escape_from(at);
            let value = &self.out[at..];
            if value.is_empty() || value.bytes().any(|b| b" \t\n\r\x0c=`".contains(&b)) {
                self.out.insert(at, '"');
                self.out.push('"');
            }
        }
    }

    /// The last attribute of an element, always quoted: ` key="value"`.
    fn last_attr(&mut self, key: &str, value: impl AttrValue) {
        self.key(key);
        self.out.push('"');
        let at = self.out.len();
        value.write(self.out);
        if !value.is_plain() {
            self.escape_from(at);
        }
        self.out.push('"');
    }

    /// ` key=`.
    fn key(&mut self, key: &str) {
        self.out.push(' ');
        self.out.push_str(key);
        self.out.push('=');
    }

    /// Escapes what was written since `at`, as plotters does.
    fn escape_from(&mut self, at: usize) {
        if self.out[at..]
            .bytes()
            .any(|b| matches!(b, b'<' | b'>' | b'&' | b'"' | b'\''))
        {
            let raw = self.out.split_off(at);
            escape_into(self.out, &raw);
        }
    }

    fn colour(c: BackendColor) -> Hex {
        Hex(c.rgb)
    }

    fn points(&mut self, key: &str, points: impl IntoIterator<Item = BackendCoord>) {
        self.key(key);
        self.out.push('"');
        let mut digits = itoa::Buffer::new();
        for (i, (x, y)) in points.into_iter().enumerate() {
            if i > 0 {
                self.out.push(' ');
            }
            self.out.push_str(digits.format(x));
            self.out.push(',');
            self.out.push_str(digits.format(y));
        }
        self.out.push('"');
    }
}

/// A value the backend writes into an attribute. Numbers and colours are
/// written with `itoa` and by hand rather than through `fmt::Display` (they
/// are most of the bytes of a chart), and are "plain": they never need
/// escaping or quotes.
trait AttrValue: Copy {
    fn write(self, out: &mut String);
    fn is_plain(self) -> bool {
        false
    }
}

impl AttrValue for i32 {
    fn write(self, out: &mut String) {
        out.push_str(itoa::Buffer::new().format(self));
    }
    fn is_plain(self) -> bool {
        true
    }
}

impl AttrValue for u32 {
    fn write(self, out: &mut String) {
        out.push_str(itoa::Buffer::new().format(self));
    }
    fn is_plain(self) -> bool {
        true
    }
}

impl AttrValue for f64 {
    fn write(self, out: &mut String) {
        // Font sizes are whole numbers nearly always; `Display` writes those without a point too.
        if self.fract() == 0.0 && (1.0..1e15).contains(&self) {
            out.push_str(itoa::Buffer::new().format(self as i64));
        } else {
            let _ = write!(out, "{self}");
        }
    }
    fn is_plain(self) -> bool {
        // Digits, a point and a sign (`Display` never writes an exponent), or NaN/inf.
        true
    }
}

impl AttrValue for &str {
    fn write(self, out: &mut String) {
        out.push_str(self);
    }
}

/// A colour as `#RRGGBB`.
#[derive(Clone, Copy)]
struct Hex((u8, u8, u8));

impl AttrValue for Hex {
    fn write(self, out: &mut String) {
        const DIGITS: &[u8; 16] = b"0123456789ABCDEF";
        let (r, g, b) = self.0;
        out.push('#');
        for byte in [r, g, b] {
            out.push(char::from(DIGITS[usize::from(byte >> 4)]));
            out.push(char::from(DIGITS[usize::from(byte & 15)]));
        }
    }
    fn is_plain(self) -> bool {
        true
    }
}

impl DrawingBackend for CompactSvg<'_> {
    type ErrorType = Infallible;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<Infallible>> {
        Ok(())
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<Infallible>> {
        Ok(())
    }

    fn draw_pixel(
        &mut self,
        (x, y): BackendCoord,
        color: BackendColor,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        if color.alpha == 0.0 {
            return Ok(());
        }
        self.open("rect");
        self.attr("x", x);
        self.attr("y", y);
        self.attr("width", 1);
        self.attr("height", 1);
        self.attr("stroke", "none");
        self.last_attr("fill", Self::colour(color));
        self.out.push_str("/>");
        Ok(())
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        self.open("line");
        self.attr("stroke", Self::colour(style.color()));
        self.attr("stroke-width", style.stroke_width());
        self.attr("x1", from.0);
        self.attr("y1", from.1);
        self.attr("x2", to.0);
        self.last_attr("y2", to.1);
        self.out.push_str("/>");
        Ok(())
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        self.open("rect");
        self.attr("x", upper_left.0);
        self.attr("y", upper_left.1);
        self.attr("width", bottom_right.0 - upper_left.0);
        self.attr("height", bottom_right.1 - upper_left.1);
        if fill {
            self.attr("fill", Self::colour(style.color()));
            self.last_attr("stroke", "none");
        } else {
            self.attr("fill", "none");
            self.last_attr("stroke", Self::colour(style.color()));
        }
        self.out.push_str("/>");
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        self.open("polyline");
        self.attr("fill", "none");
        self.attr("stroke", Self::colour(style.color()));
        self.attr("stroke-width", style.stroke_width());
        self.points("points", path);
        self.out.push_str("/>");
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        self.open("polygon");
        self.attr("fill", Self::colour(style.color()));
        self.points("points", vert);
        self.out.push_str("/>");
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        self.open("circle");
        self.attr("cx", center.0);
        self.attr("cy", center.1);
        self.attr("r", radius);
        if fill {
            self.attr("fill", Self::colour(style.color()));
            self.attr("stroke", "none");
        } else {
            self.attr("fill", "none");
            self.attr("stroke", Self::colour(style.color()));
        }
        self.last_attr("stroke-width", style.stroke_width());
        self.out.push_str("/>");
        Ok(())
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        (x, y): BackendCoord,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        self.open("text");
        self.attr("x", x);
        self.attr("y", y);
        self.attr(
            "dy",
            match style.anchor().v_pos {
                VPos::Top => "0.76em",
                VPos::Center => "0.5ex",
                VPos::Bottom => "-0.5ex",
            },
        );
        self.attr(
            "text-anchor",
            match style.anchor().h_pos {
                HPos::Left => "start",
                HPos::Right => "end",
                HPos::Center => "middle",
            },
        );
        // CSS pixels, as the layout gave them to plotters' `FontDesc`.
        self.attr("font-size", style.size());
        self.last_attr("fill", Self::colour(color));
        self.out.push('>');
        escape_into(self.out, text);
        self.out.push_str("</text>");
        Ok(())
    }
}

/// Escapes text for an XML element or attribute, exactly as plotters does.
pub(super) fn escape_into(out: &mut String, text: &str) {
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
    fn numbers_are_written_as_display_writes_them() {
        let mut values = vec![
            0.0,
            -0.0,
            1.0,
            -1.0,
            0.5,
            11.5,
            14.0,
            1e15,
            1e16,
            123456789.0,
            f64::NAN,
            f64::INFINITY,
        ];
        values.extend((0..2000).map(|i| f64::from(i) * 0.25 - 100.0));
        for v in values {
            let mut out = String::new();
            v.write(&mut out);
            assert_eq!(out, format!("{v}"), "{v:?}");
            assert!(
                !out.bytes().any(|b| b"\"'<>&= ".contains(&b)),
                "{out} needs quoting"
            );
        }
    }

    #[test]
    fn escaping_matches_plotters() {
        let mut out = String::from("x");
        escape_into(&mut out, "a<b>&\"c\"'d'é");
        assert_eq!(out, "xa&lt;b&gt;&amp;&quot;c&quot;&apos;d&apos;é");
    }
}
