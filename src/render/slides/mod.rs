//! Slide decks: the report's content as a 16:9 deck per report and language, at
//! `LANG/YEAR/slides/index.html`, with a handout (every slide with its speaker
//! notes) at `LANG/YEAR/slides/handout.html`.
//!
//! [`plan`] runs before rendering: it fits every slide (shrinking and cutting at
//! build time, see [`fit`]) and collects a warning for every cut, so the command
//! line shows them. [`context`] turns a planned deck into the template context of
//! `templates/slides.html` and `templates/handout.html`; `assets/slides.css` and
//! `assets/slides.js` make it a presentation in the browser and in print.

pub mod blocks;
pub mod context;
pub mod covers;
pub mod fit;
pub mod measure;
pub mod metrics;
pub mod plan;
pub mod strings;

pub use plan::{Deck, Decks, plan};

#[cfg(test)]
mod tests {
    use super::covers::{CLOSING_SIZES, TITLE_SIZES};
    use super::fit::SIZES;

    const SLIDES_CSS: &str = include_str!("../../../themes/default/assets/slides.css");
    const REPORT_CSS: &str = include_str!("../../../themes/default/assets/style.css");

    #[test]
    fn every_type_size_the_fit_can_choose_has_a_css_class() {
        for size in SIZES.iter().chain(&TITLE_SIZES).chain(&CLOSING_SIZES) {
            let rule = format!(".slide--size-{size} {{ --size: {size}; }}");
            assert!(SLIDES_CSS.contains(&rule), "slides.css lacks {rule}");
        }
    }

    #[test]
    fn decks_print_on_16_9_pages_and_the_report_keeps_a4() {
        assert!(SLIDES_CSS.contains("@page { size: 254mm 142.875mm; margin: 0; }"));
        assert!(SLIDES_CSS.contains(".deck__item + .deck__item { break-before: page; }"));
        assert!(SLIDES_CSS.contains("print-color-adjust: exact"));
        assert!(REPORT_CSS.contains("@page { size: A4;"));
        assert!(
            !REPORT_CSS.contains("254mm"),
            "the report stylesheet must not carry slide print rules"
        );
    }
}
