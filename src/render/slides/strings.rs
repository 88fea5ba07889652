//! Interface words of the slide deck and handout, per language: the `[slides]`
//! table of the theme's `strings/LANG.toml`.

use serde::{Deserialize, Serialize};

/// The words of the deck pages in one language.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SlideStrings {
    /// "Slides": the deck's name in titles and labels.
    pub deck: String,
    /// Link from the report page to its deck.
    pub open_deck: String,
    /// Link from the deck back to the report page.
    pub back_to_report: String,
    /// Link to (and title of) the handout page: every slide with its notes.
    pub handout: String,
    /// Link from the deck to its PowerPoint file (`slides.pptx`).
    pub download_pptx: String,
    /// One sentence at the top of the handout page on how to print it.
    pub handout_intro: String,
    /// What one slide is called for screen readers (`aria-roledescription`), lower case.
    pub slide: String,
    /// "Slide {n} of {total}": slide labels and the spoken status.
    pub slide_of: String,
    /// Label of the row of deck buttons.
    pub controls: String,
    /// "Previous" button.
    pub previous: String,
    /// "Next" button.
    pub next: String,
    /// "Speaker notes": the notes button, disclosure and heading.
    pub notes: String,
    /// Shown in the notes view for a slide without notes.
    pub no_notes: String,
    /// "Full screen" button.
    pub fullscreen: String,
    /// Which keys do what, in one sentence.
    pub keys: String,
    /// Added to the title of a continuation slide: "(cont.)".
    pub continued: String,
    /// Short mark on a slide whose text is shown in the default language.
    pub untranslated: String,
}

impl SlideStrings {
    /// "Slide 3 of 12".
    pub fn slide_of(&self, n: usize, total: usize) -> String {
        self.slide_of
            .replace("{n}", &n.to_string())
            .replace("{total}", &total.to_string())
    }
}
