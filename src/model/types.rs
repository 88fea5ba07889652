//! The validated report model: values that cannot be invalid once built.

use std::fmt;

use serde::Serialize;

use crate::diagnostics::{Catalogued, ErrorKind, SiteError};
use crate::lang::{Lang, Localized};

/// A report year, taken from its folder name (`content/2021/`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Year(u16);

impl Year {
    /// Accepts the years a report can plausibly be about.
    pub fn new(year: u16) -> Option<Year> {
        (1900..=9999).contains(&year).then_some(Year(year))
    }

    /// The number itself.
    pub fn get(self) -> u16 {
        self.0
    }
}

impl fmt::Display for Year {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// A calendar date (no time of day), such as a publication date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

impl Date {
    /// A valid Gregorian date, or `None`.
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        let leap =
            (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        (day >= 1 && day <= days).then_some(Date { year, month, day })
    }

    /// The date of a Unix timestamp (UTC), for `SOURCE_DATE_EPOCH`.
    pub fn from_unix(seconds: i64) -> Option<Date> {
        // Howard Hinnant's days-to-civil algorithm.
        let z = seconds.div_euclid(86_400) + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = yoe + era * 400 + i64::from(month <= 2);
        Date::new(u16::try_from(year).ok()?, month, day)
    }

    /// Year, month (1–12) and day.
    pub fn parts(self) -> (u16, u8, u8) {
        (self.year, self.month, self.day)
    }

    /// ISO 8601, for `<time datetime>`.
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// The kinds of section a NOSAM summary has, in the order the report shows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SectionKind {
    /// What works well.
    Strength,
    /// What the year's work focused on.
    FocusArea,
    /// What needs to improve.
    DevelopmentArea,
    /// What comes next.
    WayForward,
}

impl SectionKind {
    /// All kinds in report order.
    pub const ALL: [SectionKind; 4] = [
        SectionKind::Strength,
        SectionKind::FocusArea,
        SectionKind::DevelopmentArea,
        SectionKind::WayForward,
    ];

    /// The word editors write in front matter (`kind = "focus-area"`).
    pub fn key(self) -> &'static str {
        match self {
            SectionKind::Strength => "strength",
            SectionKind::FocusArea => "focus-area",
            SectionKind::DevelopmentArea => "development-area",
            SectionKind::WayForward => "way-forward",
        }
    }

    /// Parses the front matter word.
    pub fn from_key(key: &str) -> Option<SectionKind> {
        SectionKind::ALL.into_iter().find(|k| k.key() == key)
    }

    /// The kind an editor most likely meant by a word that is not a key: the
    /// Swedish name of a kind (`styrka`, `fokusområde` …, with or without å, ä,
    /// ö), or a key with capitals, spaces or a plural. Only for the help line:
    /// the front matter keeps one spelling per kind.
    pub fn guess(word: &str) -> Option<SectionKind> {
        const SWEDISH: [(&str, SectionKind); 10] = [
            ("styrka", SectionKind::Strength),
            ("styrkor", SectionKind::Strength),
            ("fokusomrade", SectionKind::FocusArea),
            ("fokusomraden", SectionKind::FocusArea),
            ("aktuell-fraga", SectionKind::FocusArea),
            ("aktuella-fragor", SectionKind::FocusArea),
            ("utvecklingsomrade", SectionKind::DevelopmentArea),
            ("utvecklingsomraden", SectionKind::DevelopmentArea),
            ("framat", SectionKind::WayForward),
            ("vagen-framat", SectionKind::WayForward),
        ];
        let plain: String = word
            .trim()
            .to_lowercase()
            .chars()
            .map(|c| match c {
                'å' | 'ä' => 'a',
                'ö' => 'o',
                ' ' | '_' => '-',
                c => c,
            })
            .collect();
        let singular = plain.strip_suffix('s').unwrap_or(&plain);
        SWEDISH
            .iter()
            .find(|(name, _)| *name == plain)
            .map(|(_, kind)| *kind)
            .or_else(|| SectionKind::from_key(&plain))
            .or_else(|| SectionKind::from_key(singular))
    }
}

/// HTML that is safe to insert into a page as is (rendered and sanitised Markdown).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Html(String);

impl Html {
    /// Wraps HTML the caller has made safe.
    pub(crate) fn trusted(html: String) -> Html {
        Html(html)
    }

    /// The markup.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// One language version of a section.
#[derive(Debug, Clone, PartialEq)]
pub struct SectionText {
    /// The heading.
    pub title: String,
    /// The body, rendered.
    pub body: Html,
    /// The Markdown source of the section text, as written, without the speaker notes
    /// (for slides, checks and search).
    pub markdown: String,
    /// The file it came from, relative to the site root.
    pub file: String,
    /// True if unsafe HTML or links were removed from it.
    pub removed_unsafe: bool,
    /// Speaker notes (the part after a `???` line), rendered; only the slide deck's
    /// notes view and handout show them.
    pub notes: Option<Html>,
    /// The whole file's text, so later stages (slide fitting) can point at a line in it.
    pub source_text: std::sync::Arc<str>,
    /// Where [`SectionText::markdown`] starts in [`SectionText::source_text`].
    pub body_offset: usize,
}

/// A section of a report: one heading and its text, in each language.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    /// The `NN` from the file name; orders sections within a kind.
    pub number: u32,
    /// The shared part of the file names, used as the anchor id.
    pub slug: String,
    /// What kind of section this is.
    pub kind: SectionKind,
    /// The text per language.
    pub text: Localized<SectionText>,
    /// Ids of the year's charts shown after the text, in order (checked to exist).
    pub charts: Vec<String>,
}

/// One year's report.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// The year.
    pub year: Year,
    /// Title per language.
    pub title: Localized<String>,
    /// Subtitle per language.
    pub subtitle: Option<Localized<String>>,
    /// Publication date.
    pub published: Date,
    /// Closing statement per language.
    pub closing: Option<Localized<String>>,
    /// Sections, in report order (by kind, then number).
    pub sections: Vec<Section>,
    /// The year's charts from `charts.toml`, in file order.
    pub charts: Vec<super::chart::Chart>,
    /// The pictures the year's sections show (in either language, in the text
    /// or the speaker notes), each once, sorted by name: the build publishes
    /// them (see [`super::images`]).
    pub pictures: Vec<super::Picture>,
    /// `content/YYYY/report.toml`, for messages.
    pub file: String,
    /// `draft = true` in `report.toml`: see [`Report::is_draft`].
    pub(super) draft: bool,
}

/// The whole site: configuration and every report.
#[derive(Debug, Clone, PartialEq)]
pub struct Site {
    /// Languages, the default first; never empty.
    pub languages: Vec<Lang>,
    /// Theme name.
    pub theme: String,
    /// Site name per language.
    pub name: Localized<String>,
    /// Organisation per language.
    pub organisation: Localized<String>,
    /// Description per language.
    pub description: Option<Localized<String>>,
    /// Reports, newest first; never empty.
    pub reports: Vec<Report>,
    /// The abbreviations of `content/glossary.toml` (empty without one).
    pub glossary: super::Glossary,
    /// The accessibility statement of `content/accessibility.toml`, if the site has one.
    pub accessibility: Option<super::Statement>,
    /// How the slide decks look (`[deck]` in `site.toml`).
    pub deck: DeckOptions,
    /// The organisation's logo (`logo = "…"` in `site.toml`), if it has one.
    pub logo: Option<super::Logo>,
    /// The organisation's PowerPoint template (`pptx_template = "…"` in `site.toml`), if it names one.
    pub pptx_template: Option<super::PptxTemplate>,
    /// The organisation's colours (`[brand]` in `site.toml`).
    pub brand: super::Brand,
    /// A contact line for the closing slide (`[contact]` in `site.toml`), per language.
    pub contact: Option<Localized<String>>,
}

/// The `[deck]` choices of `site.toml`, with their defaults filled in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DeckOptions {
    /// Every slide after the title carries organisation, date and "N / total".
    pub footer: bool,
}

impl Report {
    /// True while the year is a draft (`draft = true` in its `report.toml`):
    /// not published by `build`, shown with a banner by `build --drafts` and
    /// `serve`, and not to be archived.
    pub fn is_draft(&self) -> bool {
        self.draft
    }

    /// The picture a Markdown picture of the year names (`karta.png`,
    /// `./bilder/karta.png`), for the writers that embed it (PDF, PowerPoint).
    pub fn picture(&self, dest: &str) -> Option<&super::Picture> {
        super::images::PictureLinks::report(&self.pictures).find(dest)
    }

    /// The chart with this id, if the year has one.
    pub fn chart(&self, id: &str) -> Option<&super::chart::Chart> {
        self.charts.iter().find(|c| c.id == id)
    }
}

impl Site {
    /// The default (first) language.
    pub fn default_lang(&self) -> Lang {
        self.languages[0]
    }

    /// The site without its draft years, as `build` publishes it; an error
    /// when every year is a draft (a site has at least one report).
    pub fn without_drafts(mut self) -> Result<Site, SiteError> {
        let Some(newest) = self.reports.first().map(|r| r.file.clone()) else {
            return Ok(self);
        };
        self.reports.retain(|r| !r.is_draft());
        if self.reports.is_empty() {
            return Err(SiteError::in_file(
                ErrorKind::NoReports,
                newest,
                crate::messages::MessageId::ReportAllDrafts,
            )
            .with_help(crate::messages::MessageId::ReportAllDraftsHelp));
        }
        Ok(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn section_kinds_written_in_swedish_or_loosely_are_guessed() {
        for (word, kind) in [
            ("styrka", SectionKind::Strength),
            ("Styrkor", SectionKind::Strength),
            ("fokusområde", SectionKind::FocusArea),
            ("Aktuella frågor", SectionKind::FocusArea),
            ("utvecklingsområde", SectionKind::DevelopmentArea),
            ("utvecklingsomrade", SectionKind::DevelopmentArea),
            ("framåt", SectionKind::WayForward),
            ("Strengths", SectionKind::Strength),
            ("Focus area", SectionKind::FocusArea),
            ("way_forward", SectionKind::WayForward),
        ] {
            assert_eq!(SectionKind::guess(word), Some(kind), "{word}");
        }
        assert_eq!(SectionKind::guess("svaghet"), None);
        assert_eq!(SectionKind::guess(""), None);
    }

    #[test]
    fn dates_are_validated() {
        assert!(Date::new(2024, 2, 29).is_some());
        assert!(Date::new(2023, 2, 29).is_none());
        assert!(Date::new(2021, 13, 1).is_none());
        assert!(Date::new(2021, 4, 31).is_none());
    }

    #[test]
    fn unix_epoch_dates() {
        assert_eq!(Date::from_unix(0), Date::new(1970, 1, 1));
        assert_eq!(Date::from_unix(1_764_028_800), Date::new(2025, 11, 25));
        assert_eq!(Date::from_unix(951_782_400), Date::new(2000, 2, 29));
    }

    #[test]
    fn section_kinds_round_trip_in_report_order() {
        for k in SectionKind::ALL {
            assert_eq!(SectionKind::from_key(k.key()), Some(k));
        }
        assert!(SectionKind::Strength < SectionKind::WayForward);
        assert_eq!(SectionKind::from_key("styrka"), None);
    }
}
