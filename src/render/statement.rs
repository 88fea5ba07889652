//! The accessibility statement page (`sv/tillganglighet/`, `en/accessibility/`):
//! its address per language, its interface words, and its typed context.
//!
//! The page shows the editor's [`Statement`] with DIGG's words for the status
//! (from the theme's strings, never from the editor), then the problems
//! summering knows itself ([`known_problems`]), worded per language.

use serde::{Deserialize, Serialize};

use super::context::Text;
use super::strings::UiStrings;
use super::theme::Theme;
use crate::diagnostics::{Catalogued, ErrorKind, SiteError};
use crate::lang::Lang;
use crate::messages::MessageId;
use crate::model::accessibility::{Compliance, Item, KnownProblem, Method, known_problems};
use crate::model::{Date, Site, Statement};

/// Where the statement goes in `lang`: a folder name in that language, ASCII
/// only (archiving tools stumble over å, ä, ö in file names).
pub fn path(lang: Lang) -> String {
    let folder = match lang {
        Lang::Sv => "tillganglighet",
        Lang::En => "accessibility",
    };
    format!("{lang}/{folder}/index.html")
}

/// The words of the statement page in one language: the `[statement]` table
/// of the theme's `strings/LANG.toml`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct StatementStrings {
    /// The link to the statement in every page's footer and the deck's toolbar.
    pub link: String,
    /// The page's heading.
    pub title: String,
    /// What the page is for.
    pub intro: String,
    /// Label of the list of facts at the top.
    pub summary: String,
    /// "Public body".
    pub public_body: String,
    /// "Website".
    pub service: String,
    /// "Compliance status".
    pub status_label: String,
    /// "Assessment" (the method).
    pub method_label: String,
    /// "Assessed on".
    pub assessed: String,
    /// "Statement last updated".
    pub updated: String,
    /// Heading of the status.
    pub status_heading: String,
    /// The status sentence; `{status}` is replaced by DIGG's words, emphasised.
    pub status_sentence: String,
    /// Added to the status sentence when the site is not fully compliant.
    pub status_exceptions: String,
    /// Heading of the content that is not accessible.
    pub problems_heading: String,
    /// When the editor lists no problem.
    pub no_problems: String,
    /// Heading of the problems summering finds itself.
    pub known_heading: String,
    /// Before that list.
    pub known_intro: String,
    /// When summering finds none.
    pub no_known: String,
    /// "The {year} summary, section" before a section's title.
    pub section_in: String,
    /// "The {year} summary, chart" before a chart's title.
    pub chart_in: String,
    /// An untranslated section: `{missing}` and `{original}` are languages (`in_language`).
    pub untranslated: String,
    /// A chart with example data.
    pub example_data: String,
    /// Heading of the disproportionate burden exemptions.
    pub burden_heading: String,
    /// Before their list.
    pub burden_intro: String,
    /// When there are none.
    pub no_burden: String,
    /// Heading of the content outside the law.
    pub out_of_scope_heading: String,
    /// Before its list.
    pub out_of_scope_intro: String,
    /// When there is none.
    pub no_out_of_scope: String,
    /// Heading of the method.
    pub method_heading: String,
    /// Heading of the feedback part.
    pub feedback_heading: String,
    /// Before the feedback links.
    pub feedback_intro: String,
    /// "E-mail".
    pub email: String,
    /// The feedback web link's text.
    pub web: String,
    /// Heading of the supervision part.
    pub supervision_heading: String,
    /// DIGG is the supervisory authority.
    pub supervision: String,
    /// The text of the link to DIGG's reporting function.
    pub report_link: String,
    /// DIGG's reporting function, https://www.digg.se/tdosanmalan.
    pub report_url: String,
    /// DIGG's words for each status.
    pub status: StatusWords,
    /// Each method's name.
    pub method: MethodWords,
    /// Each method as a sentence.
    pub method_text: MethodWords,
    /// "in Swedish", "in English", as this language writes them.
    pub in_language: LanguageWords,
}

/// DIGG's words per status ("delvis förenlig" / "partially compliant").
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct StatusWords {
    /// Fully compliant.
    pub fully: String,
    /// Partially compliant.
    pub partially: String,
    /// Not compliant.
    pub not: String,
}

impl StatusWords {
    fn get(&self, c: Compliance) -> &str {
        match c {
            Compliance::Fully => &self.fully,
            Compliance::Partially => &self.partially,
            Compliance::Not => &self.not,
        }
    }
}

/// A text per assessment method.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct MethodWords {
    /// Self-assessment.
    pub self_assessment: String,
    /// External review.
    pub external_review: String,
}

impl MethodWords {
    fn get(&self, m: Method) -> &str {
        match m {
            Method::SelfAssessment => &self.self_assessment,
            Method::ExternalReview => &self.external_review,
        }
    }
}

/// A phrase per language ("på engelska").
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct LanguageWords {
    /// Swedish.
    pub sv: String,
    /// English.
    pub en: String,
}

impl LanguageWords {
    fn get(&self, l: Lang) -> &str {
        match l {
            Lang::Sv => &self.sv,
            Lang::En => &self.en,
        }
    }
}

/// The statement page's own part of its context.
#[derive(Debug, Clone, Serialize)]
pub(super) struct StatementPage<'a> {
    public_body: Text<'a>,
    service: Text<'a>,
    /// `fully`, `partially` or `not`, for a class name.
    status: &'static str,
    /// DIGG's words for the status.
    status_words: &'a str,
    /// The status sentence around the words.
    status_before: &'a str,
    status_after: &'a str,
    /// Added when not fully compliant.
    status_exceptions: Option<&'a str>,
    method: &'a str,
    method_text: &'a str,
    method_note: Option<Text<'a>>,
    assessed: String,
    assessed_iso: String,
    updated: String,
    updated_iso: String,
    problems: Vec<ItemView<'a>>,
    known: Vec<KnownView<'a>>,
    burden: Vec<ItemView<'a>>,
    out_of_scope: Vec<ItemView<'a>>,
    email: Option<Email<'a>>,
    web: Option<&'a str>,
}

/// The feedback address: the `mailto:` link and the address shown.
#[derive(Debug, Clone, Serialize)]
struct Email<'a> {
    href: String,
    address: &'a str,
}

/// One listed piece of content and why.
#[derive(Debug, Clone, Serialize)]
struct ItemView<'a> {
    what: Text<'a>,
    why: Text<'a>,
}

/// One problem summering found: where, which (in its own language), what.
#[derive(Debug, Clone, Serialize)]
struct KnownView<'a> {
    place: String,
    subject: Text<'a>,
    text: String,
}

/// The `<title>` of the statement page.
pub(super) fn title(site: &Site, lang: Lang, t: &UiStrings) -> String {
    format!("{} – {}", t.statement.title, site.name.resolve(lang).value)
}

/// The context of the statement in `lang`.
pub(super) fn page<'a>(
    site: &'a Site,
    statement: &'a Statement,
    lang: Lang,
    t: &'a UiStrings,
    theme: &Theme,
) -> Result<StatementPage<'a>, SiteError> {
    let s = &t.statement;
    let Some((before, after)) = s.status_sentence.split_once("{status}") else {
        let file = format!("strings/{}.toml", lang.code());
        let shown = theme
            .files
            .get(&file)
            .map_or(file.clone(), |f| f.display.clone());
        return Err(SiteError::in_file(
            ErrorKind::Theme,
            shown,
            MessageId::ThemeNoStatusMarker.arg("marker", "{status}"),
        )
        .with_help(MessageId::ThemeNoStatusMarkerHelp.arg("marker", "{status}")));
    };
    let text = |l: &'a crate::lang::Localized<String>| Text::from_resolved(l.resolve(lang), lang);
    let items = |items: &'a [Item]| -> Vec<ItemView<'a>> {
        items
            .iter()
            .map(|i| ItemView {
                what: text(i.what()),
                why: text(i.why()),
            })
            .collect()
    };
    let date = |d: Date| (t.format_date(d), d.iso());
    let (assessed, assessed_iso) = date(statement.assessed());
    let (updated, updated_iso) = date(statement.updated());
    let feedback = statement.feedback();
    Ok(StatementPage {
        public_body: text(statement.public_body()),
        service: text(statement.service()),
        status: statement.status().key(),
        status_words: s.status.get(statement.status()),
        status_before: before,
        status_after: after,
        status_exceptions: (statement.status() != Compliance::Fully)
            .then_some(s.status_exceptions.as_str()),
        method: s.method.get(statement.method()),
        method_text: s.method_text.get(statement.method()),
        method_note: statement.method_note().map(text),
        assessed,
        assessed_iso,
        updated,
        updated_iso,
        problems: items(statement.problems()),
        known: known_problems(site)
            .into_iter()
            .map(|k| known(k, site, lang, s))
            .collect(),
        burden: items(statement.disproportionate_burden()),
        out_of_scope: items(statement.out_of_scope()),
        email: feedback.email().map(|address| Email {
            href: format!("mailto:{address}"),
            address,
        }),
        web: feedback.link(),
    })
}

fn known<'a>(k: KnownProblem<'a>, site: &Site, lang: Lang, s: &StatementStrings) -> KnownView<'a> {
    match k {
        KnownProblem::Untranslated {
            year,
            section,
            missing,
        } => {
            let shown = section.text.resolve(missing);
            KnownView {
                place: s.section_in.replace("{year}", &year.to_string()),
                subject: Text {
                    text: &shown.value.title,
                    lang: (shown.lang != lang).then(|| shown.lang.code()),
                },
                text: s
                    .untranslated
                    .replace("{missing}", s.in_language.get(missing))
                    .replace("{original}", s.in_language.get(site.default_lang())),
            }
        }
        KnownProblem::ExampleData { year, chart } => KnownView {
            place: s.chart_in.replace("{year}", &year.to_string()),
            subject: Text::from_resolved(chart.title.resolve(lang), lang),
            text: s.example_data.clone(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_ascii_and_per_language() {
        assert_eq!(path(Lang::Sv), "sv/tillganglighet/index.html");
        assert_eq!(path(Lang::En), "en/accessibility/index.html");
        assert!(Lang::ALL.into_iter().all(|l| path(l).is_ascii()));
    }
}
