//! How wide text is, estimated without a browser.
//!
//! The table holds the advance width of each character in em, regular and bold,
//! measured in Chromium (canvas `measureText`) for DejaVu Sans and Liberation Sans
//! (metrically the same as Arial) and taking the wider of the two. DejaVu Sans is
//! what `system-ui` resolves to on Linux and is wider than Segoe UI, Roboto or
//! San Francisco, so estimates err on the wide side everywhere the theme's font
//! stack lands. Characters not in the table count as [`UNKNOWN_MILLI`] (wide CJK as 1 em).

/// Width of a character not in the table, in thousandths of an em, regular and
/// bold (wider than any Latin letter on average; bold 10 % wider).
pub const UNKNOWN_MILLI: (u16, u16) = (700, 770);

/// Width of a monospaced character (DejaVu Sans Mono, Liberation Mono), in em.
pub const MONO_EM: f32 = 0.61;
/// Width of a character of inline code, which is set at 0.9 em: 0.9 × [`MONO_EM`]
/// in thousandths of an em.
pub const MONO_MILLI: u32 = 549;

/// `(char, regular, bold)` widths in thousandths of an em, sorted by char.
#[rustfmt::skip]
const WIDTHS: &[(char, u16, u16)] = &[
    (' ', 318, 349), ('!', 401, 457), ('"', 460, 521), ('#', 838, 838), ('$', 637, 696), ('%', 951, 1002),
    ('&', 780, 873), ('\'', 275, 307), ('(', 391, 458), (')', 391, 458), ('*', 500, 523), ('+', 838, 838),
    (',', 318, 380), ('-', 361, 416), ('.', 318, 380), ('/', 337, 366), ('0', 637, 696), ('1', 637, 696),
    ('2', 637, 696), ('3', 637, 696), ('4', 637, 696), ('5', 637, 696), ('6', 637, 696), ('7', 637, 696),
    ('8', 637, 696), ('9', 637, 696), (':', 337, 400), (';', 337, 400), ('<', 838, 838), ('=', 838, 838),
    ('>', 838, 838), ('?', 557, 611), ('@', 1016, 1000), ('A', 685, 774), ('B', 687, 763), ('C', 723, 734),
    ('D', 771, 831), ('E', 667, 684), ('F', 611, 684), ('G', 778, 821), ('H', 752, 837), ('I', 295, 373),
    ('J', 500, 557), ('K', 667, 775), ('L', 558, 638), ('M', 863, 996), ('N', 749, 837), ('O', 788, 851),
    ('P', 667, 733), ('Q', 788, 851), ('R', 723, 771), ('S', 667, 721), ('T', 611, 683), ('U', 732, 813),
    ('V', 685, 774), ('W', 989, 1104), ('X', 686, 771), ('Y', 667, 725), ('Z', 686, 726), ('[', 391, 458),
    ('\\', 337, 366), (']', 391, 458), ('^', 838, 838), ('_', 557, 557), ('`', 500, 500), ('a', 613, 675),
    ('b', 635, 716), ('c', 550, 593), ('d', 635, 716), ('e', 616, 679), ('f', 353, 436), ('g', 635, 716),
    ('h', 634, 712), ('i', 278, 343), ('j', 278, 343), ('k', 580, 666), ('l', 278, 343), ('m', 975, 1042),
    ('n', 634, 712), ('o', 612, 688), ('p', 635, 716), ('q', 635, 716), ('r', 412, 494), ('s', 521, 596),
    ('t', 393, 479), ('u', 634, 712), ('v', 592, 652), ('w', 818, 924), ('x', 592, 646), ('y', 592, 652),
    ('z', 525, 583), ('{', 637, 712), ('|', 337, 366), ('}', 637, 712), ('~', 838, 838), ('§', 557, 557),
    ('°', 500, 500), ('±', 838, 838), ('½', 970, 1036), ('À', 685, 774), ('Á', 685, 774), ('Â', 685, 774),
    ('Ã', 685, 774), ('Ä', 685, 774), ('Å', 685, 774), ('Æ', 1000, 1085), ('Ç', 723, 734), ('È', 667, 684),
    ('É', 667, 684), ('Ê', 667, 684), ('Ë', 667, 684), ('Ì', 295, 373), ('Í', 295, 373), ('Î', 295, 373),
    ('Ï', 295, 373), ('Ð', 775, 838), ('Ñ', 749, 837), ('Ò', 788, 851), ('Ó', 788, 851), ('Ô', 788, 851),
    ('Õ', 788, 851), ('Ö', 788, 851), ('×', 838, 838), ('Ø', 788, 851), ('Ù', 732, 813), ('Ú', 732, 813),
    ('Û', 732, 813), ('Ü', 732, 813), ('Ý', 667, 725), ('Þ', 667, 738), ('ß', 630, 720), ('à', 613, 675),
    ('á', 613, 675), ('â', 613, 675), ('ã', 613, 675), ('ä', 613, 675), ('å', 613, 675), ('æ', 982, 1048),
    ('ç', 550, 593), ('è', 616, 679), ('é', 616, 679), ('ê', 616, 679), ('ë', 616, 679), ('ì', 278, 343),
    ('í', 278, 343), ('î', 278, 343), ('ï', 278, 343), ('ð', 612, 688), ('ñ', 634, 712), ('ò', 612, 688),
    ('ó', 612, 688), ('ô', 612, 688), ('õ', 612, 688), ('ö', 612, 688), ('÷', 838, 838), ('ø', 612, 688),
    ('ù', 634, 712), ('ú', 634, 712), ('û', 634, 712), ('ü', 634, 712), ('ý', 592, 652), ('þ', 635, 716),
    ('ÿ', 592, 652), ('–', 557, 557), ('—', 1000, 1000), ('‘', 318, 380), ('’', 318, 380), ('“', 519, 658),
    ('”', 519, 658), ('•', 590, 640), ('…', 1000, 1000), ('€', 637, 696), ('→', 1000, 1000), ('≤', 838, 838),
    ('≥', 838, 838),
];

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
pub fn latin1_milli(bold: bool) -> &'static [u16; 256] {
    if bold { &LATIN1_BOLD } else { &LATIN1 }
}

/// The width of `c` in thousandths of an em (exact to sum: the fit estimate adds
/// up whole words).
pub fn char_milli(c: char, bold: bool) -> u32 {
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
        assert_eq!(char_milli('漢', false), 1000);
        assert_eq!(char_milli('\u{2603}', false), 700);
        assert_eq!(char_milli('\u{2603}', true), 770);
        assert_eq!(MONO_MILLI, (MONO_EM * 900.0).round() as u32);
        // "Utvecklingsområde" in DejaVu Sans is about 9.6 em.
        let w: u32 = "Utvecklingsområde"
            .chars()
            .map(|c| char_milli(c, false))
            .sum();
        assert!((9400..10200).contains(&w), "{w}");
    }
}
