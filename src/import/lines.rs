//! The lines of an exported slide deck, cleaned and classified.
//!
//! Text exported from PowerPoint or a PDF comes with Windows line endings,
//! form feeds between pages, non-breaking spaces, tabs and bullet characters of
//! many kinds — including the private-use glyphs of the Symbol and Wingdings
//! fonts that PowerPoint writes for its bullets (U+F0A7, U+F0B7, U+F0D8 …).

/// What a line is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    /// Empty or only spaces.
    Blank,
    /// A page break (form feed): a new slide.
    Break,
    /// A list item.
    Bullet {
        /// Leading spaces (a tab counts 4).
        indent: usize,
        /// The bullet.
        marker: Marker,
        /// The text after it.
        text: String,
    },
    /// Any other text.
    Text {
        /// Leading spaces.
        indent: usize,
        /// The text, trimmed.
        text: String,
    },
}

/// A list bullet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marker {
    /// A bullet character.
    Glyph(char),
    /// A number, `3.` or `3)`.
    Number(u32),
}

impl Marker {
    /// Same kind of bullet (all numbers count as one kind).
    pub fn same_as(self, other: Marker) -> bool {
        match (self, other) {
            (Marker::Number(_), Marker::Number(_)) => true,
            (a, b) => a == b,
        }
    }
}

/// One line of the file with its 1-based number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// Line number in the file.
    pub number: usize,
    /// What it is.
    pub kind: Kind,
}

/// Characters used as bullets when followed by a space.
const GLYPHS: &[char] = &[
    '•', '◦', '▪', '▫', '‣', '●', '○', '■', '□', '◆', '◇', '►', '▶', '➢', '➤', '✓', '✔', '⁃', '∙',
    '·', '–', '—', '-', '*', '+', 'o',
];

/// Cleans `input` and classifies each line.
pub fn lines(input: &str) -> Vec<Line> {
    let text = input
        .strip_prefix('\u{feff}')
        .unwrap_or(input)
        .replace("\r\n", "\n")
        .replace('\r', "\n");
    let mut out = Vec::new();
    for (i, raw) in text.split('\n').enumerate() {
        let number = i + 1;
        // Form feeds (pdftotext puts one at each page) break the slide wherever they are.
        let parts: Vec<&str> = raw.split('\u{c}').collect();
        for (j, part) in parts.iter().enumerate() {
            if j > 0 {
                out.push(Line {
                    number,
                    kind: Kind::Break,
                });
            }
            if parts.len() == 1 || !part.trim().is_empty() {
                push(&mut out, number, part);
            }
        }
    }
    out
}

fn push(out: &mut Vec<Line>, number: usize, raw: &str) {
    let cleaned: String = raw
        .chars()
        .filter(|c| {
            !matches!(
                c,
                '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{feff}' | '\u{ad}'
            )
        })
        .map(|c| {
            if c == '\u{a0}' || c == '\u{202f}' {
                ' '
            } else {
                c
            }
        })
        .collect();
    let cleaned = cleaned.trim_end();
    if cleaned.trim().is_empty() {
        out.push(Line {
            number,
            kind: Kind::Blank,
        });
        return;
    }
    let indent: usize = cleaned
        .chars()
        .take_while(|c| c.is_whitespace())
        .map(|c| if c == '\t' { 4 } else { 1 })
        .sum();
    let body = cleaned.trim_start();
    let kind = match bullet(body) {
        Some((marker, text)) => Kind::Bullet {
            indent,
            marker,
            text: text.to_string(),
        },
        None => Kind::Text {
            indent,
            text: body.to_string(),
        },
    };
    out.push(Line { number, kind });
}

/// `• text`, `- text`, `3. text`, `\u{f0a7}text` → the bullet and the text.
fn bullet(s: &str) -> Option<(Marker, &str)> {
    let first = s.chars().next()?;
    let after = &s[first.len_utf8()..];
    if ('\u{e000}'..='\u{f8ff}').contains(&first) {
        let text = after.trim_start();
        return (!text.is_empty()).then_some((Marker::Glyph(first), text));
    }
    if GLYPHS.contains(&first) && after.starts_with(char::is_whitespace) {
        let text = after.trim_start();
        // "o" is Word's second-level bullet, but only when what follows is not a word on its own line.
        if first == 'o' && text.chars().next().is_none_or(|c| !c.is_alphabetic()) {
            return None;
        }
        return (!text.is_empty()).then_some((Marker::Glyph(first), text));
    }
    let digits = s.chars().take_while(char::is_ascii_digit).count();
    if (1..=3).contains(&digits) {
        let rest = &s[digits..];
        if let Some(after) = rest.strip_prefix(['.', ')'])
            && after.starts_with(char::is_whitespace)
            && !after.trim().is_empty()
        {
            return Some((
                Marker::Number(s[..digits].parse().ok()?),
                after.trim_start(),
            ));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<Kind> {
        lines(text).into_iter().map(|l| l.kind).collect()
    }

    #[test]
    fn bullets_of_every_kind() {
        let got = kinds("• a\n- b\n * c\n– d\n1. e\n12) f\n\u{f0a7}\tg\n\u{f0b7}h\no i");
        let markers: Vec<Marker> = got
            .iter()
            .map(|k| match k {
                Kind::Bullet { marker, .. } => *marker,
                other => panic!("not a bullet: {other:?}"),
            })
            .collect();
        assert_eq!(
            markers,
            [
                Marker::Glyph('•'),
                Marker::Glyph('-'),
                Marker::Glyph('*'),
                Marker::Glyph('–'),
                Marker::Number(1),
                Marker::Number(12),
                Marker::Glyph('\u{f0a7}'),
                Marker::Glyph('\u{f0b7}'),
                Marker::Glyph('o'),
            ]
        );
        assert_eq!(
            got[2],
            Kind::Bullet {
                indent: 1,
                marker: Marker::Glyph('*'),
                text: "c".into()
            }
        );
    }

    #[test]
    fn not_bullets() {
        for s in ["-5 grader", "2021. Året", "1.5 miljoner", "Text", "o", "* "] {
            assert!(!matches!(kinds(s)[0], Kind::Bullet { .. }), "{s}");
        }
    }

    #[test]
    fn crlf_form_feeds_and_odd_spaces() {
        let got = kinds("Titel\r\n\r\n-\u{a0}punkt  \r\n\u{c}Nästa\u{200b}");
        assert_eq!(
            got,
            [
                Kind::Text {
                    indent: 0,
                    text: "Titel".into()
                },
                Kind::Blank,
                Kind::Bullet {
                    indent: 0,
                    marker: Marker::Glyph('-'),
                    text: "punkt".into()
                },
                Kind::Break,
                Kind::Text {
                    indent: 0,
                    text: "Nästa".into()
                },
            ]
        );
    }
}
