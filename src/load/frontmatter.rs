//! Splitting a Markdown section file into its `+++` TOML front matter and body.

use std::ops::Range;

/// A section file cut into front matter and body, with byte offsets into the file
/// so that errors in either part point at the right line of the whole file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split<'a> {
    /// The TOML between the `+++` lines.
    pub front: &'a str,
    /// Where the front matter starts in the file.
    pub front_offset: usize,
    /// The Markdown after the closing `+++`.
    pub body: &'a str,
    /// Where the body starts in the file.
    pub body_offset: usize,
}

/// Why a file could not be split.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SplitError {
    /// The file does not begin with a `+++` line.
    NoOpening,
    /// The opening `+++` (at this range) is never closed.
    Unclosed(Range<usize>),
}

/// Splits `text` at its `+++` fences. A UTF-8 byte-order mark and blank lines before
/// the opening fence are allowed (editors on Windows add them).
pub fn split(text: &str) -> Result<Split<'_>, SplitError> {
    let mut pos = text
        .strip_prefix('\u{feff}')
        .map_or(0, |_| '\u{feff}'.len_utf8());
    let mut lines = LineIter { text, pos };
    let opening = loop {
        match lines.next() {
            Some((range, line)) if line.trim().is_empty() => pos = range.end,
            Some((range, line)) if line.trim_end() == "+++" => break range,
            _ => return Err(SplitError::NoOpening),
        }
    };
    let front_offset = opening.end;
    for (range, line) in lines.by_ref() {
        if line.trim_end() == "+++" {
            return Ok(Split {
                front: &text[front_offset..range.start],
                front_offset,
                body: &text[range.end..],
                body_offset: range.end,
            });
        }
    }
    let _ = pos;
    Err(SplitError::Unclosed(opening.start..opening.start + 3))
}

/// Lines with their byte ranges, including the line break.
struct LineIter<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Iterator for LineIter<'a> {
    type Item = (Range<usize>, &'a str);
    fn next(&mut self) -> Option<Self::Item> {
        if self.pos >= self.text.len() {
            return None;
        }
        let start = self.pos;
        let end = self.text[start..]
            .find('\n')
            .map_or(self.text.len(), |i| start + i + 1);
        self.pos = end;
        let line = self.text[start..end].trim_end_matches(['\n', '\r']);
        Some((start..end, line))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_front_matter_and_body_with_offsets() {
        let text = "+++\nkind = \"strength\"\n+++\n\n- a\n";
        let s = split(text).unwrap();
        assert_eq!(s.front, "kind = \"strength\"\n");
        assert_eq!(&text[s.front_offset..s.front_offset + 4], "kind");
        assert_eq!(s.body, "\n- a\n");
        assert_eq!(s.body_offset, text.len() - 5);
    }

    #[test]
    fn accepts_bom_crlf_and_leading_blank_lines() {
        let text = "\u{feff}\r\n+++\r\ntitle = \"x\"\r\n+++\r\nbody";
        let s = split(text).unwrap();
        assert_eq!(s.front, "title = \"x\"\r\n");
        assert_eq!(s.body, "body");
    }

    #[test]
    fn reports_missing_and_unclosed_fences() {
        assert_eq!(split("- just a list\n"), Err(SplitError::NoOpening));
        assert_eq!(split(""), Err(SplitError::NoOpening));
        assert_eq!(split("+++\ntitle = 1\n"), Err(SplitError::Unclosed(0..3)));
    }
}
