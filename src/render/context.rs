//! Typed, serialisable page contexts that borrow the model.
//!
//! Each template gets exactly one of these, so a template can only use what the
//! page really has, and the Rust compiler checks the shape instead of a JSON map.

use serde::Serialize;

use super::strings::UiStrings;
use crate::lang::{Lang, Resolved};

/// Text in a page, with `lang` set only when it differs from the page's language
/// (a fallback), so screen readers pronounce it right (WCAG 3.1.2).
#[derive(Debug, Clone, Serialize)]
pub struct Text<'a> {
    /// The text.
    pub text: &'a str,
    /// Its language, when not the page's.
    pub lang: Option<&'static str>,
}

impl<'a> Text<'a> {
    /// Text resolved for a page in `page_lang`.
    pub fn from_resolved(r: Resolved<'a, String>, page_lang: Lang) -> Text<'a> {
        Text {
            text: r.value.as_str(),
            lang: (r.lang != page_lang).then(|| r.lang.code()),
        }
    }
}

/// A link to the same page in another language.
#[derive(Debug, Clone, Serialize)]
pub struct Alternate<'a> {
    /// Language code.
    pub lang: &'static str,
    /// Relative URL.
    pub href: String,
    /// The language's own name ("English").
    pub name: &'a str,
    /// "Read this page in English", in that language.
    pub label: &'a str,
    /// True for the page's own language.
    pub current: bool,
}

/// What every page has: language, relative root, site name, switcher (the interface
/// strings are added as `t`, converted once per language by `Templates`).
#[derive(Debug, Clone, Serialize)]
pub struct Page<'a, P: Serialize> {
    /// The page's language code (`<html lang>`).
    pub lang: &'static str,
    /// Relative path from this page to the site root: `""`, `"../"`, `"../../"`.
    pub root: String,
    /// Site name.
    pub site_name: Text<'a>,
    /// Organisation.
    pub organisation: Text<'a>,
    /// `<title>` text.
    pub title: String,
    /// Meta description.
    pub description: Option<&'a str>,
    /// The page in every language (including this one), for the switcher and hreflang.
    pub alternates: Vec<Alternate<'a>>,
    /// Relative link to this language's archive.
    pub archive_href: String,
    /// Relative link to the landing page.
    pub home_href: String,
    /// Relative link to the accessibility statement in this language, when the site has one.
    pub statement_href: Option<String>,
    /// Build date, only when `SOURCE_DATE_EPOCH` asked for one.
    pub build_date: Option<String>,
    /// True on the pages of a draft year (`build --drafts`, `serve`): a
    /// "Draft" banner and `noindex`.
    pub draft: bool,
    /// The organisation's logo (`logo` in `site.toml`), for the header and the slides.
    pub logo: Option<super::brand::LogoView<'a>>,
    /// The `[brand]` colours of `site.toml` as CSS, for a `<style>` in the head.
    pub brand_css: Option<String>,
    /// The page-specific part.
    pub page: P,
}

/// A report page.
#[derive(Debug, Clone, Serialize)]
pub struct ReportPage<'a> {
    /// The year.
    pub year: u16,
    /// Title.
    pub title: Text<'a>,
    /// Subtitle.
    pub subtitle: Option<Text<'a>>,
    /// Relative link to the report's slide deck.
    pub slides_href: &'static str,
    /// Publication date, formatted for the language.
    pub published: String,
    /// Publication date as ISO 8601.
    pub published_iso: String,
    /// Sections grouped by kind, in report order.
    pub groups: Vec<KindGroup<'a>>,
    /// Closing statement.
    pub closing: Option<Text<'a>>,
    /// The glossary terms this page uses, in alphabetical order.
    pub glossary: Vec<GlossaryItem<'a>>,
}

/// One abbreviation in a report's glossary.
#[derive(Debug, Clone, Serialize)]
pub struct GlossaryItem<'a> {
    /// The abbreviation as written (`SIP`).
    pub abbr: &'a str,
    /// What it stands for.
    pub expansion: Option<Text<'a>>,
    /// A short explanation.
    pub explanation: Option<Text<'a>>,
}

/// The sections of one kind, under one heading.
#[derive(Debug, Clone, Serialize)]
pub struct KindGroup<'a> {
    /// Anchor id.
    pub id: String,
    /// The kind's heading ("Styrkor").
    pub heading: &'a str,
    /// The sections.
    pub sections: Vec<SectionView<'a>>,
    /// True when some section has a title of its own, so the contents list it
    /// under the heading.
    pub lists_sections: bool,
}

/// One section as shown on a page.
#[derive(Debug, Clone, Serialize)]
pub struct SectionView<'a> {
    /// Anchor id (the slug).
    pub id: &'a str,
    /// Heading.
    pub title: &'a str,
    /// True when the title only repeats its kind's heading ("Framåt" under
    /// "Framåt"): the page and the contents then show it once, as the kind's.
    pub repeats_heading: bool,
    /// Rendered, sanitised and compacted Markdown.
    pub body: String,
    /// The language of the text when it is a fallback.
    pub lang: Option<&'static str>,
    /// Charts shown after the text, for `partials/figure.html`.
    pub figures: Vec<crate::charts::FigureView>,
}

/// The archive page of one language.
#[derive(Debug, Clone, Serialize)]
pub struct ArchivePage<'a> {
    /// Every report, newest first.
    pub entries: Vec<ArchiveEntry<'a>>,
    /// Trend charts of charts that appear in several years (for `partials/figure.html`).
    pub trends: Vec<crate::charts::FigureView>,
}

/// One year in the archive.
#[derive(Debug, Clone, Serialize)]
pub struct ArchiveEntry<'a> {
    /// The year.
    pub year: u16,
    /// True when the title does not say the year itself, so the entry shows it
    /// ("2021 NOSAM summering 2021" read the year twice).
    pub show_year: bool,
    /// Title.
    pub title: Text<'a>,
    /// Subtitle.
    pub subtitle: Option<Text<'a>>,
    /// Publication date, formatted.
    pub published: String,
    /// Publication date, ISO.
    pub published_iso: String,
    /// Relative link to the report.
    pub href: String,
}

/// The landing page: one block per language.
#[derive(Debug, Clone, Serialize)]
pub struct LandingPage<'a> {
    /// A block per language, the default first.
    pub blocks: Vec<LandingBlock<'a>>,
}

/// One language's part of the landing page.
#[derive(Debug, Clone, Serialize)]
pub struct LandingBlock<'a> {
    /// Language code.
    pub lang: &'static str,
    /// True for the page's own (default) language.
    pub is_page_lang: bool,
    /// Strings in that language.
    pub t: &'a UiStrings,
    /// Site name in that language.
    pub site_name: Text<'a>,
    /// Description in that language.
    pub description: Option<Text<'a>>,
    /// The newest report's title.
    pub latest_title: Text<'a>,
    /// Link to the newest report.
    pub latest_href: String,
    /// Link to the archive.
    pub archive_href: String,
}
