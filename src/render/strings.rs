//! Interface text per language, from the theme's `strings/LANG.toml`.
//!
//! Templates never hard-code words: every heading, label and month name comes
//! from here, so a theme (or a translator) changes them without touching code.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::model::{Date, SectionKind};

/// The words of the interface in one language.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct UiStrings {
    /// The language's own name ("Svenska", "English"), shown in the other language's switcher.
    pub language_name: String,
    /// "Read this page in Swedish": the switcher's accessible description.
    pub read_in_language: String,
    /// Skip link text.
    pub skip_to_content: String,
    /// Table of contents heading.
    pub contents: String,
    /// Archive link and heading.
    pub archive: String,
    /// Archive page intro.
    pub archive_intro: String,
    /// Label before the newest report on the landing page.
    pub latest_report: String,
    /// "Published".
    pub published: String,
    /// Notice on text shown in the default language because it is not translated.
    pub not_translated: String,
    /// The banner on a draft year's pages (`build --drafts`, `serve`).
    pub draft: String,
    /// Closing statement heading (visually hidden).
    pub closing: String,
    /// Label of the main navigation landmark.
    pub site_navigation: String,
    /// Label of the language switcher.
    pub language_switcher: String,
    /// Footer: "Built on" before a build date.
    pub built_on: String,
    /// Footer credit.
    pub made_with: String,
    /// Home (landing page) link.
    pub home: String,
    /// "Reports" heading on the archive page.
    pub reports: String,
    /// Heading of a report's list of abbreviations.
    pub glossary: String,
    /// Link to the PDF/A file of the report (on its page) or of the deck (on the deck page).
    pub download_pdf: String,
    /// Month names, January first.
    pub months: [String; 12],
    /// Headings of the section kinds.
    pub kinds: KindNames,
    /// Words of the slide deck and handout pages.
    pub slides: super::slides::strings::SlideStrings,
    /// Words of the deck's presenter view, overview and slide footer.
    pub deck_views: super::deck_views::DeckViewStrings,
    /// Words around charts (captions, tables, descriptions).
    pub charts: crate::charts::ChartStrings,
    /// Words of the accessibility statement page.
    pub statement: super::statement::StatementStrings,
}

/// Headings per section kind.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct KindNames {
    /// Strengths.
    pub strength: String,
    /// Focus areas.
    pub focus_area: String,
    /// Development areas.
    pub development_area: String,
    /// Way forward.
    pub way_forward: String,
}

impl KindNames {
    /// The heading of a kind.
    pub fn get(&self, kind: SectionKind) -> &str {
        match kind {
            SectionKind::Strength => &self.strength,
            SectionKind::FocusArea => &self.focus_area,
            SectionKind::DevelopmentArea => &self.development_area,
            SectionKind::WayForward => &self.way_forward,
        }
    }
}

impl UiStrings {
    /// "22 november 2026": day, month name, year, as both Swedish and English write it.
    pub fn format_date(&self, date: Date) -> String {
        let (y, m, d) = date.parts();
        format!("{d} {} {y}", self.months[usize::from(m) - 1])
    }
}

/// The strings of every language, by language.
pub type StringTable = BTreeMap<crate::lang::Lang, UiStrings>;

#[cfg(test)]
mod tests {
    use super::*;

    fn load(code: &str) -> UiStrings {
        let path = format!(
            "{}/themes/default/strings/{code}.toml",
            env!("CARGO_MANIFEST_DIR")
        );
        toml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
    }

    #[test]
    fn dates_per_language() {
        let date = Date::new(2026, 11, 22).unwrap();
        assert_eq!(load("sv").format_date(date), "22 november 2026");
        assert_eq!(load("en").format_date(date), "22 November 2026");
    }
}
