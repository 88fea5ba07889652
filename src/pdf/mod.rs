//! PDF/A-2a + PDF/UA-1 documents of the reports, written in-process.
//!
//! Why krilla and a layout of our own rather than Typst as a library: Typst
//! would lay out and hyphenate for us, but a cold release build of `typst` +
//! `typst-pdf` takes about 13 minutes on two cores (wasmi, syntect, hayagriva,
//! vello come with it and cannot be switched off), which alone breaks the
//! README's promise of a cold build within 10 minutes. krilla (the PDF layer
//! under Typst) with krilla-svg adds about 2½ minutes; the layout a yearly
//! report needs — paragraphs, lists, tables, figures, page breaks — is the few
//! hundred lines in [`layout`]. The numbers are in the README.
//!
//! The writer reads the model and the theme and draws with the theme's font
//! (`themes/NAME/fonts/`); it uses the charts' public API for the figures, and
//! of the HTML renderer only the slide plan's result
//! ([`crate::render::slides::Deck`]), so the PDF deck has the HTML deck's slides.
//!
//! - [`blocks`]: a section's or a planned slide's block tree → blocks;
//! - [`layout`]: lines and pages of drawing operations, with the structure tree ([`tags`]);
//! - [`report`]: the report's pages; [`slides`]: the deck's; [`picture`]: the pictures of both;
//! - [`emit`]: → PDF bytes, through krilla, which checks both standards as it writes.
//!
//! Which PDFs a build makes, and which it takes from the cache, is [`crate::documents`]' business.

mod blocks;
#[cfg(test)]
mod deck_placement_tests;
mod emit;
mod errors;
mod fonts;
mod layout;
mod logo;
mod picture;
mod report;
mod slides;
mod svg;
mod tags;

pub(crate) use slides::write as slides;

use crate::diagnostics::SiteError;
use crate::lang::Lang;
use crate::model::{Report, Site};
use crate::render::Theme;

/// Where the report's PDF goes in the site: `LANG/YEAR/report.pdf`.
pub fn report_path(report: &Report, lang: Lang) -> String {
    format!("{}/{}/report.pdf", lang.code(), report.year)
}

/// Where the deck's PDF goes in the site: `LANG/YEAR/slides/slides.pdf`, beside the deck page.
pub fn slides_path(report: &Report, lang: Lang) -> String {
    format!("{}/{}/slides/slides.pdf", lang.code(), report.year)
}

/// The report in `lang` as an A4 PDF/A-2a + PDF/UA-1 document. The same
/// input gives the same bytes: the only date in it is the publication date.
pub fn report(
    site: &Site,
    report: &Report,
    lang: Lang,
    theme: &Theme,
) -> Result<Vec<u8>, SiteError> {
    report::write(site, report, lang, theme)
}
