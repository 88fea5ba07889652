//! Fitting the title slide and the closing slide: the largest type size at which
//! their texts fit, estimated like section slides (see [`super::fit`]).

use super::fit::SAFETY;
use super::geometry::{
    CLOSING_SIZES, COVER_PAD, DECK_TITLE, ORG, SLIDE, STATEMENT, SUBTITLE, TITLE_SIZES, YEAR,
};
use super::measure::plain_lines;

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
/// Layout ([`super::geometry`]): organisation, title (bold), subtitle at half
/// the title size but at least its smallest, year (bold, one line, with a rule above it).
pub(crate) fn title_size(
    organisation: Option<&str>,
    title: &str,
    subtitle: Option<&str>,
) -> Option<f32> {
    let org = organisation.map_or(0.0, |o| text(o, ORG.0, ORG.1, true) + ORG.2);
    let year = YEAR.0 * YEAR.1 + YEAR.2;
    TITLE_SIZES.into_iter().find(|&t| {
        let sub = subtitle.map_or(0.0, |s| {
            text(s, subtitle_size(t), SUBTITLE.2, false) + SUBTITLE.3
        });
        org + text(title, t, DECK_TITLE.0, true) + DECK_TITLE.1 * t + sub + year <= inner().1
    })
}

/// The subtitle's size for a title size (`.slide__subtitle` in `slides.css`).
fn subtitle_size(title: f32) -> f32 {
    (title * SUBTITLE.0).max(SUBTITLE.1)
}

/// The statement size for a closing slide, or `None` if it does not fit even at the smallest.
///
/// Layout: the statement (bold), its gap, the organisation.
pub(crate) fn closing_size(statement: &str, organisation: Option<&str>) -> Option<f32> {
    let org = organisation.map_or(0.0, |o| text(o, ORG.0, ORG.1, true) + STATEMENT.1);
    CLOSING_SIZES
        .into_iter()
        .find(|&s| text(statement, s, STATEMENT.0, true) + org <= inner().1)
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
