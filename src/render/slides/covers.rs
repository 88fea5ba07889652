//! Fitting the title slide and the closing slide: the largest type size at which
//! their texts (and the logo, the contact line) fit, estimated like section
//! slides (see [`super::fit`]); and whether the title slide shows the year.

use super::fit::SAFETY;
use super::geometry::{
    CLOSING_SIZES, CONTACT, COVER_PAD, DECK_TITLE, LOGO, ORG, SLIDE, STATEMENT, SUBTITLE,
    TITLE_SIZES, YEAR,
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

/// What the title slide shows, for [`title_size`].
pub(crate) struct Cover<'a> {
    /// The organisation line, unless the subtitle says it.
    pub(crate) organisation: Option<&'a str>,
    /// The report's title.
    pub(crate) title: &'a str,
    /// The subtitle.
    pub(crate) subtitle: Option<&'a str>,
    /// The year line, unless the title already holds the year ([`shows_year`]).
    pub(crate) year: bool,
    /// The logo above it all (`logo` in `site.toml`).
    pub(crate) logo: bool,
}

/// True when the title slide shows the year under the title: not when the
/// title already says it ("NOSAM summering 2021" over "2021" read it twice).
pub(crate) fn shows_year(title: &str, year: u16) -> bool {
    !title.contains(&year.to_string())
}

/// The title size for a title slide, or `None` if it does not fit even at the smallest.
///
/// Layout ([`super::geometry`]): logo, organisation, title (bold), subtitle at
/// half the title size but at least its smallest, year (bold, one line, with a
/// rule above it).
pub(crate) fn title_size(cover: &Cover<'_>) -> Option<f32> {
    let logo = if cover.logo { LOGO.0 + LOGO.1 } else { 0.0 };
    let org = cover
        .organisation
        .map_or(0.0, |o| text(o, ORG.0, ORG.1, true) + ORG.2);
    let year = if cover.year {
        YEAR.0 * YEAR.1 + YEAR.2
    } else {
        0.0
    };
    TITLE_SIZES.into_iter().find(|&t| {
        let sub = cover.subtitle.map_or(0.0, |s| {
            text(s, subtitle_size(t), SUBTITLE.2, false) + SUBTITLE.3
        });
        logo + org + text(cover.title, t, DECK_TITLE.0, true) + DECK_TITLE.1 * t + sub + year
            <= inner().1
    })
}

/// The subtitle's size for a title size (`.slide__subtitle` in `slides.css`).
fn subtitle_size(title: f32) -> f32 {
    (title * SUBTITLE.0).max(SUBTITLE.1)
}

/// What the closing slide shows besides its statement, for [`closing_size`].
pub(crate) struct Closing<'a> {
    /// The organisation line under the statement.
    pub(crate) organisation: Option<&'a str>,
    /// The contact line under it (`contact` in `site.toml`).
    pub(crate) contact: Option<&'a str>,
    /// The logo above the statement.
    pub(crate) logo: bool,
}

/// The statement size for a closing slide, or `None` if it does not fit even at the smallest.
///
/// Layout: the logo, the statement (bold), its gap, the organisation, the contact line.
pub(crate) fn closing_size(statement: &str, rest: &Closing<'_>) -> Option<f32> {
    let logo = if rest.logo { LOGO.0 + LOGO.1 } else { 0.0 };
    let org = rest
        .organisation
        .map_or(0.0, |o| text(o, ORG.0, ORG.1, true) + STATEMENT.1);
    let contact = rest
        .contact
        .map_or(0.0, |c| text(c, CONTACT.0, CONTACT.1, false) + CONTACT.2);
    CLOSING_SIZES
        .into_iter()
        .find(|&s| logo + text(statement, s, STATEMENT.0, true) + org + contact <= inner().1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_titles_get_the_largest_size() {
        let cover = Cover {
            organisation: Some("Kommun och sjukvård"),
            title: "NOSAM summering 2021",
            subtitle: Some("Samverkan"),
            year: false,
            logo: true,
        };
        assert_eq!(title_size(&cover), Some(72.0));
        let rest = Closing {
            organisation: Some("Kommun och sjukvård"),
            contact: Some("nosam@example.se"),
            logo: true,
        };
        assert_eq!(
            closing_size("Ett samarbete värt att satsa på", &rest),
            Some(64.0)
        );
    }

    #[test]
    fn long_titles_get_smaller_and_absurd_ones_do_not_fit() {
        let long = "Ett långt namn på en rapport ".repeat(5);
        let cover = |title, subtitle, logo| Cover {
            organisation: None,
            title,
            subtitle,
            year: true,
            logo,
        };
        let size = title_size(&cover(&long, Some(&long), false)).unwrap();
        assert!(size < 72.0, "{size}");
        let many = "ord ".repeat(400);
        assert_eq!(title_size(&cover(&many, None, false)), None);
        let bare = Closing {
            organisation: None,
            contact: None,
            logo: false,
        };
        assert!(closing_size(&"ord ".repeat(70), &bare).unwrap() < 64.0);
        assert_eq!(closing_size(&many, &bare), None);
    }

    #[test]
    fn the_logo_and_the_contact_line_take_room_from_the_text() {
        let long = "Ett långt namn på en rapport om samverkan ".repeat(3);
        let cover = |logo| Cover {
            organisation: Some("Kommun och sjukvård"),
            title: &long,
            subtitle: Some("Samverkan i Göteborgsområdet"),
            year: true,
            logo,
        };
        assert!(title_size(&cover(true)).unwrap() < title_size(&cover(false)).unwrap());
        let statement =
            "Ett samarbete värt att satsa på, år efter år, för alla som bor här ".repeat(2);
        let rest = |contact, logo| Closing {
            organisation: Some("Kommun och sjukvård"),
            contact,
            logo,
        };
        let plain = closing_size(&statement, &rest(None, false)).unwrap();
        let branded = closing_size(
            &statement,
            &rest(Some("Kontakt: nosam@goteborg.se, 031-000 00 00"), true),
        )
        .unwrap();
        assert!(branded < plain, "{branded} < {plain}");
    }

    #[test]
    fn the_year_is_shown_only_when_the_title_lacks_it() {
        assert!(!shows_year("NOSAM summering 2021", 2021));
        assert!(shows_year("NOSAM summering", 2021));
        assert!(shows_year("Summering 2020", 2021));
    }
}
