//! Planning every deck before rendering: fit each slide, render each slide body,
//! and collect the warnings (cuts, empty sections) and errors (too full) for editors.

use std::collections::BTreeMap;

use rayon::prelude::*;

use super::fit::{self, TooFull};
use super::tree::{self, Node};
use super::{covers, geometry};
use crate::diagnostics::{BuildError, Catalogued, ErrorKind, SiteError, Warning, WarningKind};
use crate::lang::Lang;
use crate::messages::{Message, MessageId};
use crate::model::images::PictureLinks;
use crate::model::markdown;
use crate::model::{Picture, Report, Section, Site};
use crate::render::Theme;

/// Every deck of the site, by report (index into `site.reports`) and language.
#[derive(Debug, Clone, Default)]
pub struct Decks {
    decks: BTreeMap<(usize, Lang), Deck>,
    /// What the editor should know: every section cut over several slides, every
    /// point cut inside its text, every empty section. In a stable order, no repeats.
    pub warnings: Vec<Warning>,
}

impl Decks {
    /// The deck of report `report` in `lang`.
    ///
    /// # Panics
    /// If [`plan`] did not plan it (every report in every site language is planned).
    pub fn get(&self, report: usize, lang: Lang) -> &Deck {
        &self.decks[&(report, lang)]
    }
}

/// One report's deck in one language, fitted.
#[derive(Debug, Clone, PartialEq)]
pub struct Deck {
    /// The title slide's title size, design px.
    pub title_size: f32,
    /// The slides of each section, in report order (parallel to `report.sections`).
    pub sections: Vec<Vec<SectionPart>>,
    /// The closing slide's statement size, when the report has a closing statement.
    pub closing_size: Option<f32>,
    /// Chart slides: each chart a section lists gets a slide of its own after the section's text.
    pub charts: usize,
}

impl Deck {
    /// Number of slides.
    pub fn len(&self) -> usize {
        1 + self.sections.iter().map(Vec::len).sum::<usize>()
            + self.charts
            + usize::from(self.closing_size.is_some())
    }

    /// A deck always has its title slide.
    pub fn is_empty(&self) -> bool {
        false
    }
}

/// One slide of a section.
#[derive(Debug, Clone, PartialEq)]
pub struct SectionPart {
    /// The body, rendered, sanitised and compacted like the report page's.
    pub html: String,
    /// Body type size, design px.
    pub size: f32,
    /// Type size of its tables, em of the body: smaller for a wide table
    /// ([`geometry::TABLE_SCALES`]).
    pub table: f32,
    /// 0 for the section's first slide, 1… for its continuations.
    pub index: usize,
    /// True when the body starts with the rest of a point cut on the slide before.
    pub continues_item: bool,
    /// The Markdown the body was rendered from, with the footnotes and link
    /// definitions it needs: what [`SectionPart::blocks`] reads.
    pub(crate) markdown: String,
}

impl SectionPart {
    /// The body's block tree, for the PDF and PowerPoint writers: built from the
    /// Markdown the HTML was rendered from, written in `lang`, with the year's
    /// `pictures` as the deck page shows them; so each says what the HTML says.
    pub(crate) fn blocks(&self, lang: Lang, pictures: &[Picture]) -> Vec<Node> {
        let links = PictureLinks::deck(pictures, Some(geometry::IMAGE_HEIGHT));
        tree::body(&self.markdown, lang, &links)
    }
}

/// Fits every deck; fails with every slide that cannot be made to fit.
pub fn plan(site: &Site, theme: &Theme) -> Result<Decks, BuildError> {
    let pairs: Vec<(usize, Lang)> = (0..site.reports.len())
        .flat_map(|i| site.languages.iter().map(move |&lang| (i, lang)))
        .collect();
    // Decks are independent: fitted in parallel, gathered in report order.
    let planned: Vec<_> = pairs
        .par_iter()
        .with_max_len(1) // one at a time, so that no core idles while another ends a run of them
        .map(|&(i, lang)| {
            let mut warnings = Vec::new();
            let strings = &theme.strings[&lang].slides;
            let deck = plan_deck(
                site,
                &site.reports[i],
                lang,
                &strings.continued,
                &mut warnings,
            );
            ((i, lang), deck, warnings)
        })
        .collect();
    let mut decks = Decks::default();
    let mut errors = Vec::new();
    for (key, deck, warnings) in planned {
        decks.warnings.extend(warnings);
        match deck {
            Ok(deck) => {
                decks.decks.insert(key, deck);
            }
            Err(e) => errors.extend(e),
        }
    }
    let mut seen = std::collections::BTreeSet::new();
    decks
        .warnings
        .retain(|w| seen.insert((w.file.clone(), w.message.to_string())));
    errors.retain(|e| seen.insert((e.file().unwrap_or_default().to_string(), e.to_string())));
    if errors.is_empty() {
        Ok(decks)
    } else {
        Err(errors.into())
    }
}

fn plan_deck(
    site: &Site,
    report: &Report,
    lang: Lang,
    continued: &str,
    warnings: &mut Vec<Warning>,
) -> Result<Deck, Vec<SiteError>> {
    let mut errors = Vec::new();
    let title = report.title.resolve(lang).value;
    let subtitle = report
        .subtitle
        .as_ref()
        .map(|s| s.resolve(lang).value.as_str());
    let org = title_organisation(site, report, lang);
    let cover = covers::Cover {
        organisation: org,
        title,
        subtitle,
        year: covers::shows_year(title, report.year.get()),
        logo: site.logo.is_some(),
    };
    let title_size = covers::title_size(&cover).unwrap_or_else(|| {
        errors.push(too_full_cover(
            report,
            MessageId::SlideTitleTooLong,
            MessageId::SlideTitleTooLongHelp,
        ));
        geometry::TITLE_SIZES[geometry::TITLE_SIZES.len() - 1]
    });
    let closing_size = report.closing.as_ref().map(|c| {
        let rest = covers::Closing {
            organisation: Some(site.organisation.resolve(lang).value),
            contact: site
                .contact
                .as_ref()
                .map(|c| c.resolve(lang).value.as_str()),
            logo: site.logo.is_some(),
        };
        covers::closing_size(c.resolve(lang).value, &rest).unwrap_or_else(|| {
            errors.push(too_full_cover(
                report,
                MessageId::SlideClosingTooLong,
                MessageId::SlideClosingTooLongHelp,
            ));
            geometry::CLOSING_SIZES[geometry::CLOSING_SIZES.len() - 1]
        })
    });
    let mut sections = Vec::new();
    for section in &report.sections {
        match plan_section(section, &report.pictures, lang, continued, warnings) {
            Ok(parts) => sections.push(parts),
            Err(e) => errors.push(e),
        }
    }
    let charts = report.sections.iter().map(|s| s.charts.len()).sum();
    if errors.is_empty() {
        Ok(Deck {
            title_size,
            sections,
            closing_size,
            charts,
        })
    } else {
        Err(errors)
    }
}

/// The organisation line of the title slide, left out when the subtitle already says it.
pub fn title_organisation<'a>(site: &'a Site, report: &Report, lang: Lang) -> Option<&'a str> {
    let org = site.organisation.resolve(lang).value.as_str();
    let subtitle = report
        .subtitle
        .as_ref()
        .map(|s| s.resolve(lang).value.as_str());
    (subtitle != Some(org)).then_some(org)
}

fn plan_section(
    section: &Section,
    pictures: &[Picture],
    lang: Lang,
    continued: &str,
    warnings: &mut Vec<Warning>,
) -> Result<Vec<SectionPart>, SiteError> {
    let text = section.text.resolve(lang);
    let t = text.value;
    let title = t.title.as_str();
    let continued_title = format!("{title} {continued}");
    if t.markdown.trim().is_empty() {
        warnings.push(Warning {
            kind: WarningKind::EmptySection,
            file: t.file.clone(),
            message: MessageId::WarnEmptySection.into(),
        });
    }
    // A picture's src is relative to the page, which is one folder deeper than the report page.
    let links = PictureLinks::deck(pictures, Some(geometry::IMAGE_HEIGHT));
    let fitted = fit::fit_section(&t.markdown, title, &continued_title, &links).map_err(
        |TooFull { offset }| {
            let at = t.body_offset + offset;
            let end = t.source_text[at..]
                .find('\n')
                .map_or(t.source_text.len(), |i| at + i);
            SiteError::at(
                ErrorKind::SlideTooFull,
                &t.file,
                &t.source_text,
                at..end,
                MessageId::SlideBlockTooLong,
            )
            .with_label(MessageId::SlideBlockTooLongLabel)
            .with_help(MessageId::SlideBlockTooLongHelp)
        },
    )?;
    let cut = fitted.cut_tables.iter().chain(&fitted.cut_units);
    if !crate::warnings::split_is_its_cuts(fitted.parts.len(), cut.map(|&(_, n)| n)) {
        warnings.push(Warning {
            kind: WarningKind::SlideSplit,
            file: t.file.clone(),
            message: Message::new(MessageId::WarnSlideSplit)
                .arg("title", title)
                .arg("min", geometry::MIN_SIZE)
                .arg("lang", lang)
                .count("n", fitted.parts.len())
                .arg("continued", continued)
                .into(),
        });
    }
    let cuts = [
        (
            WarningKind::SlideTableSplit,
            MessageId::WarnSlideTableSplit,
            &fitted.cut_tables,
        ),
        (
            WarningKind::SlideItemSplit,
            MessageId::WarnSlideItemSplit,
            &fitted.cut_units,
        ),
    ];
    for (kind, id, cut) in cuts {
        for (offset, pieces) in cut {
            let (line, _) = crate::diagnostics::line_col(&t.source_text, t.body_offset + offset);
            warnings.push(Warning {
                kind,
                file: t.file.clone(),
                message: Message::new(id)
                    .count("line", line)
                    .arg("lang", lang)
                    .arg("pieces", pieces)
                    .into(),
            });
        }
    }
    let whole = fitted.parts.len() == 1;
    let has_pictures = t.markdown.contains("![");
    Ok(fitted
        .parts
        .into_iter()
        .enumerate()
        .map(|(index, part)| SectionPart {
            // A section on one slide shows what the report page shows: its body is
            // reused (footnote ids are the one thing that would differ).
            html: crate::compact::fragment(&if whole
                && part.markdown.trim_end() == t.markdown.trim_end()
                && !t.markdown.contains("[^")
                && !has_pictures
            {
                t.body.as_str().to_string()
            } else {
                let prefix = format!("{}-{}", section.slug, index + 1);
                match part.events {
                    Some(events) => {
                        markdown::render_events(
                            events,
                            part.markdown.len() * 2,
                            text.lang,
                            &prefix,
                            &links,
                        )
                        .html
                    }
                    None => markdown::render(&part.markdown, text.lang, &prefix, &links).html,
                }
            }),
            size: part.size,
            table: part.table,
            index,
            continues_item: part.continues_item,
            markdown: part.markdown,
        })
        .collect())
}

fn too_full_cover(report: &Report, message: MessageId, help: MessageId) -> SiteError {
    SiteError::in_file(ErrorKind::SlideTooFull, &report.file, message).with_help(help)
}
