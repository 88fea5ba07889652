//! A text as line wrapping sees it: its words' widths and its hard line breaks,
//! looked up once in [`super::metrics`] when the block tree is built.

use super::metrics::{MONO_MILLI, char_milli, latin1_milli};

/// The words of a text as wrapping sees them, looked up once: fitting measures
/// every text at each candidate size, and the widths in em do not depend on the
/// size. Widths are in thousandths of an em (the unit of [`super::metrics`]'s
/// table), so a word's width is an exact sum however it was pieced together.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Glyphs {
    /// The words and hard line breaks, in order.
    pieces: Vec<Piece>,
    /// The word being read: its width so far, and the whitespace before it.
    word: u32,
    space: u32,
    /// Whether any text was added at all (even only whitespace).
    added: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Piece {
    /// A word, with the width of the whitespace character before it (the gap it
    /// needs when it follows another word on the line), in thousandths of an em.
    Word { space: u32, width: u32 },
    /// A hard line break.
    Newline,
}

impl Glyphs {
    /// A whole text in one style.
    pub(crate) fn of(text: &str, bold: bool) -> Glyphs {
        let mut glyphs = Glyphs::default();
        glyphs.add(text, bold, false);
        glyphs.finish()
    }

    /// Appends text; a word may go on in the next piece of text (`**fet**stil`).
    pub(crate) fn add(&mut self, text: &str, bold: bool, mono: bool) {
        self.added = true;
        // About one word per six bytes of text: room once, not a push at a time.
        self.pieces.reserve(text.len() / 6 + 1);
        let ascii = latin1_milli(bold);
        let bytes = text.as_bytes();
        let mut i = 0;
        while let Some(&b) = bytes.get(i) {
            // ASCII (nearly all of it) straight from the table, anything else as a char.
            if b.is_ascii() {
                i += 1;
                let milli = if mono {
                    MONO_MILLI
                } else {
                    u32::from(ascii[usize::from(b)])
                };
                if b.is_ascii_alphanumeric() {
                    self.word += milli;
                } else {
                    self.push(char::from(b), milli);
                }
            } else if let Some(c) = text[i..].chars().next() {
                i += c.len_utf8();
                self.push(
                    c,
                    if mono {
                        MONO_MILLI
                    } else {
                        char_milli(c, bold)
                    },
                );
            }
        }
    }

    fn push(&mut self, c: char, milli: u32) {
        match c {
            '\n' => {
                self.end_word();
                self.pieces.push(Piece::Newline);
            }
            c if c.is_whitespace() => {
                self.end_word();
                self.space = milli;
            }
            _ => self.word += milli,
        }
    }

    fn end_word(&mut self) {
        if self.word > 0 {
            self.pieces.push(Piece::Word {
                space: self.space,
                width: self.word,
            });
            self.word = 0;
        }
    }

    /// The text complete: the last word ends.
    pub(crate) fn finish(mut self) -> Glyphs {
        self.end_word();
        self
    }

    /// Whether any text was added at all (even only whitespace).
    pub(crate) fn added(&self) -> bool {
        self.added
    }

    /// The width of its widest word, in thousandths of an em, once finished.
    pub(crate) fn longest_word(&self) -> u32 {
        self.pieces
            .iter()
            .map(|p| match *p {
                Piece::Word { width, .. } => width,
                Piece::Newline => 0,
            })
            .max()
            .unwrap_or(0)
    }

    /// Nothing but whitespace, once finished (a picture alone in a paragraph takes
    /// no text line): every character that is not whitespace has a width, so it
    /// makes a word.
    pub(crate) fn is_blank(&self) -> bool {
        !self.pieces.iter().any(|p| matches!(p, Piece::Word { .. }))
    }
}

/// How many lines `text` takes in a box `width` wide at font size `fs`: greedy word
/// wrapping, long words broken anywhere (the stylesheet sets `overflow-wrap: anywhere`).
pub(crate) fn lines(text: &Glyphs, width: f32, fs: f32) -> usize {
    let width = width.max(fs);
    let px = fs / 1000.0;
    let mut lines = 1usize;
    let mut x = 0.0f32;
    for piece in &text.pieces {
        match *piece {
            Piece::Newline => {
                lines += 1;
                x = 0.0;
            }
            Piece::Word { space, width: word } => {
                let (space, mut word) = (space as f32 * px, word as f32 * px);
                if x > 0.0 && x + space + word > width {
                    lines += 1;
                    x = 0.0;
                }
                if x > 0.0 {
                    x += space;
                }
                while word > width {
                    word -= width;
                    lines += 1;
                }
                x += word;
            }
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ascii_shortcut_reads_text_as_char_by_char_does() {
        let text: String = (0u8..128)
            .map(char::from)
            .chain("åäö é–€ 漢".chars())
            .flat_map(|c| ['x', c, 'y', ' '])
            .collect();
        for bold in [false, true] {
            // Character by character, as wrapping sees text.
            let (mut expected, mut word, mut space) = (Vec::new(), 0, 0);
            for c in text.chars().chain([' ']) {
                if (c == '\n' || c.is_whitespace()) && word > 0 {
                    expected.push(Piece::Word { space, width: word });
                    word = 0;
                }
                match c {
                    '\n' => expected.push(Piece::Newline),
                    c if c.is_whitespace() => space = char_milli(c, bold),
                    c => word += char_milli(c, bold),
                }
            }
            assert_eq!(Glyphs::of(&text, bold).pieces, expected);
            // A word goes on across pieces of text.
            let mut pieces = Glyphs::default();
            let mut buf = [0; 4];
            text.chars()
                .for_each(|c| pieces.add(c.encode_utf8(&mut buf), bold, false));
            assert_eq!(pieces.finish().pieces, expected);
        }
    }
}
