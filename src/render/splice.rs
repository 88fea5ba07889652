//! Inline SVGs kept out of a page until the page is otherwise finished.
//!
//! The charts are our own compact markup (`charts::svg`) and often the larger
//! part of a page. A page's context holds a short token where each SVG goes
//! (two private-use characters around a number). The glossary pass, which
//! reads every byte of the page, copies each SVG in whole where its token is
//! ([`Splices::pieces`]): it never looks for terms inside a chart, nor inside
//! a token (a term such as `1177` must not break one).

const OPEN: char = '\u{E000}';
const CLOSE: char = '\u{E001}';

/// The SVGs of one page, in the order their tokens were handed out.
#[derive(Debug, Default)]
pub struct Splices {
    svgs: Vec<String>,
}

impl Splices {
    /// Keeps `svg` for later and returns the token that stands for it.
    pub fn hold(&mut self, svg: String) -> String {
        let token = format!("{OPEN}{}{CLOSE}", self.svgs.len());
        self.svgs.push(svg);
        token
    }

    /// The pieces of `text`: the text between tokens, and the SVG each token
    /// stands for (text that only looks like a token, with no such number, is text).
    pub fn pieces<'a>(&'a self, text: &'a str) -> Pieces<'a> {
        Pieces {
            svgs: &self.svgs,
            rest: text,
        }
    }

    /// Appends `text` to `out` with each token replaced by its SVG.
    pub fn push_str(&self, out: &mut String, text: &str) {
        if self.svgs.is_empty() {
            out.push_str(text);
            return;
        }
        for piece in self.pieces(text) {
            match piece {
                Piece::Text(t) => out.push_str(t),
                Piece::Svg(svg) => out.push_str(svg),
            }
        }
    }

    /// The finished `page` with each token replaced by its SVG.
    pub fn apply(&self, page: &str) -> String {
        let mut out =
            String::with_capacity(page.len() + self.svgs.iter().map(String::len).sum::<usize>());
        self.push_str(&mut out, page);
        out
    }
}

/// A piece of a page's text, from [`Splices::pieces`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Piece<'a> {
    /// Text of the page as rendered.
    Text(&'a str),
    /// The SVG a token stood for.
    Svg(&'a str),
}

/// Iterator returned by [`Splices::pieces`].
#[derive(Debug)]
pub struct Pieces<'a> {
    svgs: &'a [String],
    rest: &'a str,
}

impl<'a> Iterator for Pieces<'a> {
    type Item = Piece<'a>;

    fn next(&mut self) -> Option<Piece<'a>> {
        if self.rest.is_empty() {
            return None;
        }
        // `str::find` of a char is a memchr scan; a lookalike is skipped over.
        let mut from = 0;
        while let Some(at) = self.rest[from..].find(OPEN).map(|i| from + i) {
            let after = &self.rest[at + OPEN.len_utf8()..];
            let digits = after.bytes().take_while(u8::is_ascii_digit).count();
            let svg = (digits > 0 && after[digits..].starts_with(CLOSE))
                .then(|| after[..digits].parse::<usize>().ok())
                .flatten()
                .and_then(|i| self.svgs.get(i));
            match svg {
                Some(_) if at > 0 => {
                    let (text, rest) = self.rest.split_at(at);
                    self.rest = rest;
                    return Some(Piece::Text(text));
                }
                Some(svg) => {
                    self.rest = &after[digits + CLOSE.len_utf8()..];
                    return Some(Piece::Svg(svg));
                }
                None => from = at + OPEN.len_utf8(),
            }
        }
        let text = self.rest;
        self.rest = "";
        Some(Piece::Text(text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_replaced_and_lookalikes_kept() {
        let mut s = Splices::default();
        let a = s.hold("<svg><title>A</title></svg>".into());
        let b = s.hold("<svg><title>B</title></svg>".into());
        let page = format!(
            "<!doctype html><html lang=sv><head><title>x</title></head><body><div class=x>{a} {b}</div><p>{OPEN}7{CLOSE} {OPEN}x</p></body></html>"
        );
        let out = s.apply(&page);
        assert!(
            out.contains(
                "<div class=x><svg><title>A</title></svg> <svg><title>B</title></svg></div>"
            ),
            "{out}"
        );
        assert!(
            out.contains(&format!("{OPEN}7{CLOSE} {OPEN}x")),
            "unknown tokens stay: {out}"
        );
        assert!(!out.contains(&a) && !out.contains(&b));
        let text = format!("x{a}{OPEN}{b}");
        let pieces: Vec<Piece<'_>> = s.pieces(&text).collect();
        assert_eq!(
            pieces,
            [
                Piece::Text("x"),
                Piece::Svg("<svg><title>A</title></svg>"),
                Piece::Text("\u{E000}"),
                Piece::Svg("<svg><title>B</title></svg>")
            ]
        );
        assert_eq!(
            Splices::default().apply("a\u{E000}0\u{E001}"),
            "a\u{E000}0\u{E001}"
        );
    }
}
