//! Slide decks: the report's content as a 16:9 deck per report and language, at
//! `LANG/YEAR/slides/index.html`, with a handout (every slide with its speaker
//! notes) at `LANG/YEAR/slides/handout.html`.
//!
//! [`plan`] runs before rendering: it fits every slide (shrinking and cutting at
//! build time, see [`fit`]) and collects a warning for every cut, so the command
//! line shows them. [`context`] turns a planned deck into the template context of
//! `templates/slides.html` and `templates/handout.html`; `assets/slides.css` and
//! `assets/slides.js` make it a presentation in the browser and in print.
//! [`tree`] is the one block tree of a slide's Markdown: the fitter measures it,
//! and the PDF and PowerPoint decks lay a planned slide out from it
//! ([`plan::SectionPart::blocks`]).

mod blocks;
pub(crate) mod context;
pub(crate) mod covers;
pub(crate) mod fit;
pub(crate) mod geometry;
mod glyphs;
pub(crate) mod measure;
mod metrics;
pub mod plan;
pub mod strings;
mod tables;
pub(crate) mod tree;

pub(crate) use fit::figure_height;
pub use plan::{Deck, Decks, plan};
