//! What the deck's presenter view, overview and slide footer need beyond the
//! slides themselves: their interface words (the `[deck_views]` table of the
//! theme's `strings/LANG.toml`) and the few facts the footer shows.

use serde::{Deserialize, Serialize};

/// The words of the presenter view (`slides/presenter.html`), the overview and the footer.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct DeckViewStrings {
    /// "Presenter view": the deck's button, the page's title and heading.
    pub presenter: String,
    /// One sentence at the top of the presenter page on how it works.
    pub presenter_intro: String,
    /// Said when the browser refused to open the presenter window.
    pub popup_blocked: String,
    /// Heading over the slide the audience sees.
    pub current: String,
    /// Heading over the slide that comes next.
    pub upcoming: String,
    /// Shown instead of a next slide after the last one.
    pub end_of_deck: String,
    /// Label of the running clock.
    pub clock: String,
    /// Label of the countdown's minutes field.
    pub countdown: String,
    /// Shown beside the countdown when the time is up.
    pub over_time: String,
    /// Button that starts the clock again at 0:00.
    pub restart_clock: String,
    /// "Overview": the deck's button and the overview's name.
    pub overview: String,
    /// Button that closes the overview.
    pub close_overview: String,
}

/// Facts of the report the deck templates show besides the slides, in the page's language.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct DeckExtras {
    /// The publication date, as the report page writes it.
    pub(crate) published: String,
    /// The date as `YYYY-MM-DD`, for `<time datetime>`.
    pub(crate) published_iso: String,
    /// False when `site.toml` says `[deck] footer = false`.
    pub(crate) footer: bool,
    /// Relative link to the presenter view (from the deck and the handout).
    pub(crate) presenter_href: &'static str,
}
