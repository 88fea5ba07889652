//! Estimating how wide a label will be, and wrapping long labels.
//!
//! The SVG's text is drawn by the reader's browser in the page's sans-serif
//! font, so its exact width is unknown at build time. plotters' own estimate
//! counts bytes (so `å` counts double); this one counts characters with a
//! width per kind of character, taken on the wide side (close to DejaVu Sans,
//! the widest common sans-serif), so labels get enough room in any of them.

/// The estimated width of `text` at font size `size` (same units as `size`).
pub(super) fn width(text: &str, size: f64) -> f64 {
    text.chars().map(char_em).sum::<f64>() * size
}

fn char_em(c: char) -> f64 {
    match c {
        'i' | 'j' | 'l' | '\'' | '|' | '.' | ',' | ':' | ';' | '!' => 0.30,
        ' ' | '\u{a0}' | '\u{202f}' | 'f' | 't' | 'r' | 'I' | '(' | ')' | '[' | ']' | '/' | '-' => {
            0.40
        }
        'm' | 'w' | '%' | '‰' => 0.95,
        'M' | 'W' => 0.95,
        '0'..='9' | '\u{2212}' | '+' | '=' => 0.64,
        c if c.is_uppercase() => 0.74,
        _ => 0.62,
    }
}

/// Splits `text` at spaces into lines no wider than `max` (a single word
/// wider than `max` gets its own line: labels are never cut).
pub(super) fn wrap(text: &str, size: f64, max: f64) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if line.is_empty() || width(&candidate, size) <= max {
            line = candidate;
        } else {
            lines.push(std::mem::take(&mut line));
            line = word.to_string();
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// The widest of `lines`.
pub(super) fn widest<'a>(lines: impl IntoIterator<Item = &'a str>, size: f64) -> f64 {
    lines
        .into_iter()
        .map(|l| width(l, size))
        .fold(0.0, f64::max)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn swedish_letters_are_not_counted_double() {
        assert_eq!(width("åäö", 10.0), width("aao", 10.0));
        assert!(width("1\u{a0}234,5", 14.0) < 14.0 * 4.0);
        assert!(width("WWW", 10.0) > width("iii", 10.0) * 2.0);
    }

    #[test]
    fn wrapping_keeps_every_word() {
        let lines = wrap(
            "Sahlgrenska Universitetssjukhuset och primärvården",
            14.0,
            120.0,
        );
        assert!(lines.len() >= 2, "{lines:?}");
        assert_eq!(
            lines.join(" "),
            "Sahlgrenska Universitetssjukhuset och primärvården"
        );
        assert_eq!(wrap("Kommun", 14.0, 10.0), ["Kommun"]);
        assert_eq!(wrap("", 14.0, 10.0), [""]);
    }
}
