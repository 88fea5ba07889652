//! Fitting the title slide and the closing slide: the largest type size at which
//! their texts fit, estimated like section slides (see [`super::fit`]).

use super::fit::{SAFETY, SLIDE};
use super::measure::plain_lines;

/// Padding of the title and closing slides, all sides, design px.
pub const COVER_PAD: f32 = 72.0;
/// Title sizes of the title slide, largest first (`slide--size-N` in `slides.css`).
pub const TITLE_SIZES: [f32; 5] = [72.0, 64.0, 56.0, 48.0, 40.0];
/// Statement sizes of the closing slide, largest first.
pub const CLOSING_SIZES: [f32; 5] = [64.0, 56.0, 48.0, 40.0, 32.0];
/// The organisation line on both: size and gap after it.
pub const ORG: (f32, f32) = (26.0, 24.0);
/// The year on the title slide: size (bold, one line).
pub const YEAR: f32 = 32.0;

fn inner() -> (f32, f32) {
    (
        SLIDE.0 - 2.0 * COVER_PAD,
        (SLIDE.1 - 2.0 * COVER_PAD) * SAFETY,
    )
}

fn text(text: &str, size: f32, line: f32, bold: bool) -> f32 {
    plain_lines(text, inner().0, size, bold) as f32 * size * line
}

/// The title size for a title slide, or `None` if it does not fit even at the smallest.
///
/// Layout: organisation, title (bold, line height 1.1, gap 0.4 em), subtitle at half
/// the title size but at least 24 px (line height 1.3, gap 32 px), year.
pub fn title_size(organisation: Option<&str>, title: &str, subtitle: Option<&str>) -> Option<f32> {
    let org = organisation.map_or(0.0, |o| text(o, ORG.0, 1.3, true) + ORG.1);
    TITLE_SIZES.into_iter().find(|&t| {
        let sub = subtitle.map_or(0.0, |s| text(s, subtitle_size(t), 1.3, false) + 32.0);
        org + text(title, t, 1.1, true) + 0.4 * t + sub + YEAR * 1.2 <= inner().1
    })
}

/// The subtitle's size for a title size (`.slide--title .slide__subtitle` in `slides.css`).
pub fn subtitle_size(title: f32) -> f32 {
    (title / 2.0).max(24.0)
}

/// The statement size for a closing slide, or `None` if it does not fit even at the smallest.
///
/// Layout: the statement (bold, line height 1.2), a 40 px gap, the organisation.
pub fn closing_size(statement: &str, organisation: Option<&str>) -> Option<f32> {
    let org = organisation.map_or(0.0, |o| text(o, ORG.0, 1.3, true) + 40.0);
    CLOSING_SIZES
        .into_iter()
        .find(|&s| text(statement, s, 1.2, true) + org <= inner().1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_titles_get_the_largest_size() {
        assert_eq!(
            title_size(
                Some("Kommun och sjukvård"),
                "NOSAM summering 2021",
                Some("Samverkan")
            ),
            Some(72.0)
        );
        assert_eq!(
            closing_size(
                "Ett samarbete värt att satsa på",
                Some("Kommun och sjukvård")
            ),
            Some(64.0)
        );
    }

    #[test]
    fn long_titles_get_smaller_and_absurd_ones_do_not_fit() {
        let long = "Ett långt namn på en rapport ".repeat(4);
        let size = title_size(None, &long, Some(&long)).unwrap();
        assert!(size < 72.0, "{size}");
        assert_eq!(title_size(None, &"ord ".repeat(400), None), None);
        assert!(closing_size(&"ord ".repeat(60), None).unwrap() < 64.0);
        assert_eq!(closing_size(&"ord ".repeat(400), None), None);
    }
}
