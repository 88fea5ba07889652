//! Inline SVGs kept out of the minifier and put into the page after it.
//!
//! The charts are our own compact markup (`charts::svg`), so minifying them
//! again is wasted work (it was about half of the whole build). A page's
//! context therefore holds a short token where each SVG goes; the token is
//! text minify-html and the glossary pass leave exactly as it is (two
//! private-use characters around a number), and [`Splices::apply`] swaps the
//! SVGs in once the page is minified.

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

    /// The minified `page` with each token replaced by its SVG; text that only
    /// looks like a token (no such number) is left alone.
    pub fn apply(&self, page: &[u8]) -> Vec<u8> {
        if self.svgs.is_empty() {
            return page.to_vec();
        }
        let mut open = [0u8; 4];
        let open = OPEN.encode_utf8(&mut open).as_bytes();
        let mut close = [0u8; 4];
        let close = CLOSE.encode_utf8(&mut close).as_bytes();
        let mut out = Vec::with_capacity(page.len() + self.svgs.iter().map(String::len).sum::<usize>());
        let mut rest = page;
        while let Some(at) = find(rest, open) {
            out.extend_from_slice(&rest[..at]);
            let after = &rest[at + open.len()..];
            let digits = after.iter().take_while(|b| b.is_ascii_digit()).count();
            let svg = (digits > 0 && after[digits..].starts_with(close))
                .then(|| std::str::from_utf8(&after[..digits]).ok()?.parse::<usize>().ok())
                .flatten()
                .and_then(|i| self.svgs.get(i));
            match svg {
                Some(svg) => {
                    out.extend_from_slice(svg.as_bytes());
                    rest = &after[digits + close.len()..];
                }
                None => {
                    out.extend_from_slice(open);
                    rest = after;
                }
            }
        }
        out.extend_from_slice(rest);
        out
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_survive_minification_and_are_replaced() {
        let mut s = Splices::default();
        let a = s.hold("<svg><title>A</title></svg>".into());
        let b = s.hold("<svg><title>B</title></svg>".into());
        let page = format!("<!doctype html><html lang=sv><head><title>x</title></head><body><div class=\"x\">\n  {a}\n  {b}\n</div><p>{OPEN}7{CLOSE} {OPEN}x</p></body></html>");
        let mut cfg = minify_html::Cfg::new();
        cfg.keep_closing_tags = true;
        let minified = minify_html::minify(page.as_bytes(), &cfg);
        let text = String::from_utf8(minified.clone()).unwrap();
        assert!(text.contains(&a) && text.contains(&b), "{text}");
        let out = String::from_utf8(s.apply(&minified)).unwrap();
        assert!(out.contains("<svg><title>A</title></svg>"), "{out}");
        assert!(out.contains("<svg><title>B</title></svg>"), "{out}");
        assert!(out.contains(&format!("{OPEN}7{CLOSE} {OPEN}x")), "unknown tokens stay: {out}");
    }
}
