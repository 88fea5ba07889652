//! How wide text is, in the theme's font.
//!
//! The table holds the advance width of each character of Noto Sans, the font the
//! pages, the decks and the PDFs set text in (`themes/default/fonts/`, shipped to
//! the browser as WOFF2), in thousandths of an em: for "regular" the wider of
//! Regular and Italic, for "bold" the wider of Bold and Bold Italic (the estimate
//! does not track emphasis). Kerning and ligatures only ever narrow a word in this
//! font, so a sum of advances errs on the wide side, as the fitter wants.
//!
//! The table is read from the font files with ttf-parser, ahead of time, like the
//! minified stylesheets: the test `the_width_table_is_the_fonts_own` fails when it
//! differs from the shipped fonts (`SUMMERING_BLESS=1 cargo test width_table`
//! writes it again). Made ahead, it is a constant: nothing to build or pass around
//! at run time, and the fit estimate looks a character up as fast as before.
//! Characters the font lacks are drawn by the browser in a fallback font; they count
//! as [`UNKNOWN_MILLI`] (wide CJK and emoji as 1 em).

/// Width of a character the font does not have, in thousandths of an em, regular
/// and bold: a whole em, as wide as any symbol a fallback font draws for it.
pub(crate) const UNKNOWN_MILLI: (u16, u16) = (1000, 1000);

/// Width of a monospaced character (DejaVu Sans Mono, Liberation Mono), in em.
pub(crate) const MONO_EM: f32 = 0.61;
/// Width of a character of inline code, which is set at 0.9 em: 0.9 × [`MONO_EM`]
/// in thousandths of an em.
pub(crate) const MONO_MILLI: u32 = 549;

/// `(char, regular, bold)` widths in thousandths of an em, sorted by char: every
/// character of the theme's font (generated; see the module documentation).
const WIDTHS: &[(char, u16, u16)] = &include!("noto_sans_widths.in");

/// [`WIDTHS`] as a direct table for U+0000–U+00FF (the fit estimate looks up
/// every character of every slide; a binary search per character was the hot
/// spot), with the same values [`char_milli`] gives.
static LATIN1: [u16; 256] = latin1(false);
static LATIN1_BOLD: [u16; 256] = latin1(true);

const fn latin1(bold: bool) -> [u16; 256] {
    let mut table = [if bold {
        UNKNOWN_MILLI.1
    } else {
        UNKNOWN_MILLI.0
    }; 256];
    let mut i = 0;
    while i < WIDTHS.len() {
        let (c, normal, heavy) = WIDTHS[i];
        if (c as u32) < 256 {
            table[c as usize] = if bold { heavy } else { normal };
        }
        i += 1;
    }
    table
}

/// The widths of U+0000–U+00FF in thousandths of an em, regular or bold: the
/// same values as [`char_milli`], for callers that walk text byte by byte.
pub(crate) fn latin1_milli(bold: bool) -> &'static [u16; 256] {
    if bold { &LATIN1_BOLD } else { &LATIN1 }
}

/// The width of `c` in thousandths of an em (exact to sum: the fit estimate adds
/// up whole words).
pub(crate) fn char_milli(c: char, bold: bool) -> u32 {
    if let Some(&milli) = latin1_milli(bold).get(c as usize) {
        return u32::from(milli);
    }
    u32::from(match WIDTHS.binary_search_by_key(&c, |(ch, _, _)| *ch) {
        Ok(i) => {
            if bold {
                WIDTHS[i].2
            } else {
                WIDTHS[i].1
            }
        }
        Err(_) if is_wide(c) => 1000,
        Err(_) if bold => UNKNOWN_MILLI.1,
        Err(_) => UNKNOWN_MILLI.0,
    })
}

/// East Asian wide characters and emoji take a full em.
fn is_wide(c: char) -> bool {
    matches!(u32::from(c), 0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFF00..=0xFF60 | 0x1F300..=0x1FAFF)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::theme::DEFAULT_THEME;

    /// The table as read from the default theme's font files now.
    fn from_fonts() -> Vec<(char, u16, u16)> {
        let face = |style: &str| {
            let path = format!("fonts/NotoSans-{style}.ttf");
            let bytes = DEFAULT_THEME.iter().find(|(p, _)| *p == path).unwrap().1;
            rustybuzz::ttf_parser::Face::parse(bytes, 0).unwrap()
        };
        let faces = ["Regular", "Italic", "Bold", "BoldItalic"].map(face);
        let mut chars = std::collections::BTreeSet::new();
        for table in faces[0].tables().cmap.unwrap().subtables {
            if table.is_unicode() {
                table.codepoints(|cp| {
                    chars.extend(char::from_u32(cp));
                });
            }
        }
        let milli = |face: &rustybuzz::ttf_parser::Face<'_>, c: char| {
            let glyph = face.glyph_index(c)?;
            let advance = u32::from(face.glyph_hor_advance(glyph)?);
            let per_em = u32::from(face.units_per_em());
            u16::try_from((advance * 1000).div_ceil(per_em)).ok()
        };
        chars
            .into_iter()
            .filter_map(|c| {
                let wider =
                    |a: usize, b: usize| Some(milli(&faces[a], c)?.max(milli(&faces[b], c)?));
                Some((c, wider(0, 1)?, wider(2, 3)?))
            })
            .collect()
    }

    /// Regenerate with `SUMMERING_BLESS=1 cargo test width_table`.
    #[test]
    fn the_width_table_is_the_fonts_own() {
        let fresh = from_fonts();
        let mut text = String::from(
            "// Generated from themes/default/fonts/NotoSans-*.ttf by the test\n\
             // the_width_table_is_the_fonts_own in metrics.rs: (char, regular, bold) in 1/1000 em.\n[\n",
        );
        for (c, regular, bold) in &fresh {
            text.push_str(&format!(
                "    ('\\u{{{:04x}}}', {regular}, {bold}),\n",
                u32::from(*c)
            ));
        }
        text.push_str("]\n");
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("src/render/slides/noto_sans_widths.in");
        if std::env::var_os("SUMMERING_BLESS").is_some() {
            std::fs::write(&path, &text).unwrap();
            return;
        }
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            text,
            "the width table is out of date: SUMMERING_BLESS=1 cargo test width_table"
        );
        assert_eq!(WIDTHS, &fresh[..]);
        // Swedish letters, typographic punctuation and the minus sign are all there.
        for c in "åäöÅÄÖé–—’”•…€\u{2212}\u{a0}".chars() {
            assert!(WIDTHS.iter().any(|w| w.0 == c), "{c:?}");
        }
    }

    #[test]
    fn table_is_sorted_for_binary_search() {
        assert!(WIDTHS.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn the_latin1_table_gives_what_the_list_gives() {
        for c in (0u8..=255).map(char::from) {
            for bold in [false, true] {
                let listed = match WIDTHS.binary_search_by_key(&c, |(ch, _, _)| *ch) {
                    Ok(i) => u32::from(if bold { WIDTHS[i].2 } else { WIDTHS[i].1 }),
                    Err(_) => u32::from(if bold {
                        UNKNOWN_MILLI.1
                    } else {
                        UNKNOWN_MILLI.0
                    }),
                };
                assert_eq!(char_milli(c, bold), listed, "{c:?} bold={bold}");
            }
        }
    }

    #[test]
    fn widths_are_plausible() {
        assert!(char_milli('i', false) < char_milli('m', false));
        assert!(char_milli('a', false) < char_milli('a', true));
        assert!((500..700).contains(&char_milli('å', false)));
        assert_eq!(char_milli('å', false), char_milli('a', false));
        assert_eq!(char_milli('漢', false), 1000);
        // Noto Sans has no snowman: a fallback font draws it.
        assert_eq!(char_milli('\u{2603}', false), u32::from(UNKNOWN_MILLI.0));
        assert_eq!(char_milli('\u{2603}', true), u32::from(UNKNOWN_MILLI.1));
        assert_eq!(MONO_MILLI, (MONO_EM * 900.0).round() as u32);
        // "Utvecklingsområde" in Noto Sans is about 8.8 em (9.6 in DejaVu Sans, the
        // widest common sans-serif, which the estimate used before the theme had a font).
        let w: u32 = "Utvecklingsområde"
            .chars()
            .map(|c| char_milli(c, false))
            .sum();
        assert!((8400..9200).contains(&w), "{w}");
    }
}
