//! Inline SVGs kept out of a page until the page is otherwise finished.
//!
//! The charts are our own compact markup (`charts::svg`) and often the larger
//! part of a page. A page's context holds a short token where each SVG goes
//! (two private-use characters around a number), so the glossary pass, which
//! reads every byte of the page, never walks the SVGs; [`Splices::apply`]
//! swaps them in last.

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

    /// True when no SVG is held (the page needs no splicing).
    pub fn is_empty(&self) -> bool {
        self.svgs.is_empty()
    }

    /// The finished `page` with each token replaced by its SVG; text that only
    /// looks like a token (no such number) is left alone.
    pub fn apply(&self, page: &[u8]) -> Vec<u8> {
        if self.svgs.is_empty() {
            return page.to_vec();
        }
        // Pages are UTF-8 (rendered from `String`s); `str::find` of a char is a memchr scan.
        let Ok(page) = std::str::from_utf8(page) else { return page.to_vec() };
        let mut out = String::with_capacity(page.len() + self.svgs.iter().map(String::len).sum::<usize>());
        let mut rest = page;
        while let Some(at) = rest.find(OPEN) {
            out.push_str(&rest[..at]);
            let after = &rest[at + OPEN.len_utf8()..];
            let digits = after.bytes().take_while(u8::is_ascii_digit).count();
            let svg = (digits > 0 && after[digits..].starts_with(CLOSE))
                .then(|| after[..digits].parse::<usize>().ok())
                .flatten()
                .and_then(|i| self.svgs.get(i));
            match svg {
                Some(svg) => {
                    out.push_str(svg);
                    rest = &after[digits + CLOSE.len_utf8()..];
                }
                None => {
                    out.push(OPEN);
                    rest = after;
                }
            }
        }
        out.push_str(rest);
        out.into_bytes()
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
        let page = format!("<!doctype html><html lang=sv><head><title>x</title></head><body><div class=x>{a} {b}</div><p>{OPEN}7{CLOSE} {OPEN}x</p></body></html>");
        let out = String::from_utf8(s.apply(page.as_bytes())).unwrap();
        assert!(out.contains("<div class=x><svg><title>A</title></svg> <svg><title>B</title></svg></div>"), "{out}");
        assert!(out.contains(&format!("{OPEN}7{CLOSE} {OPEN}x")), "unknown tokens stay: {out}");
        assert!(!out.contains(&a) && !out.contains(&b));
    }
}
