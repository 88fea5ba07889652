//! Stage 2: validate the raw files and build the [`Site`] model.
//!
//! Every check that can fail does so with the file, the place and a help line,
//! and all problems of all files are collected before giving up.

use std::collections::BTreeMap;

use rayon::prelude::*;
use toml::Spanned;

use super::images::{Picture, PictureLinks};
use super::markdown;
use super::types::{Date, DeckOptions, Report, Section, SectionKind, SectionText, Site, Year};
use crate::diagnostics::{BuildError, Catalogued, ErrorKind, SiteError};
use crate::lang::{Lang, Localized};
use crate::load::raw::RawLocalized;
use crate::load::{RawSection, RawSite, RawYear, SourceFile};
use crate::messages::MessageId;

impl TryFrom<RawSite> for Site {
    type Error = BuildError;

    fn try_from(raw: RawSite) -> Result<Site, BuildError> {
        let mut errors = Vec::new();
        let src = &raw.config.source;
        let cfg = &raw.config.value;
        let languages = site_languages(src, &cfg.languages, &mut errors);
        let theme = match &cfg.theme {
            Some(t) if is_plain_name(t.get_ref()) => t.get_ref().clone(),
            Some(t) => {
                errors.push(
                    SiteError::at(
                        ErrorKind::InvalidValue,
                        &src.name,
                        &src.text,
                        t.span(),
                        MessageId::SiteNotAThemeName,
                    )
                    .with_help(MessageId::SiteNotAThemeNameHelp),
                );
                String::new()
            }
            None => "default".to_string(),
        };
        let Some(languages) = languages else {
            return Err(BuildError::from(errors));
        };
        let ctx = Ctx {
            languages: &languages,
        };
        let name = ctx.localized(src, &cfg.name, &mut errors);
        let organisation = ctx.localized(src, &cfg.organisation, &mut errors);
        let description = cfg
            .description
            .as_ref()
            .and_then(|d| ctx.localized(src, d, &mut errors));
        let logo = raw
            .logo
            .as_ref()
            .and_then(|l| super::Logo::convert(src, l, &mut errors));
        let pptx_template = raw
            .pptx_template
            .as_ref()
            .and_then(|t| super::PptxTemplate::convert(src, t, &mut errors));
        let brand = super::Brand::convert(src, cfg.brand.as_ref(), &mut errors);
        let contact = cfg
            .contact
            .as_ref()
            .and_then(|c| ctx.localized(src, c, &mut errors));
        let glossary = super::Glossary::convert(raw.glossary.as_ref(), &languages, &mut errors);
        let accessibility = raw
            .accessibility
            .as_ref()
            .and_then(|a| super::Statement::convert(a, &ctx, &mut errors));
        // Years are independent (Markdown rendering is most of the work): convert them in
        // parallel, then merge their reports and problems in year order. Each raw year
        // is freed by the worker that converted it, so freeing is spread over the cores
        // instead of left to one thread at the end.
        let per_year: Vec<(Option<Report>, Vec<SiteError>)> = raw
            .years
            .into_par_iter()
            .with_max_len(1) // one at a time, so that no core idles while another ends a run of them
            .map(|y| {
                let mut errs = Vec::new();
                (ctx.report(&y, &mut errs), errs)
            })
            .collect();
        let mut reports = Vec::with_capacity(per_year.len());
        for (report, errs) in per_year {
            reports.extend(report);
            errors.extend(errs);
        }
        reports.sort_by_key(|r| std::cmp::Reverse(r.year));
        match (name, organisation) {
            (Some(name), Some(organisation)) if errors.is_empty() => Ok(Site {
                languages,
                theme,
                name,
                organisation,
                description,
                reports,
                glossary,
                accessibility,
                deck: DeckOptions {
                    footer: cfg.deck.as_ref().and_then(|d| d.footer).unwrap_or(true),
                },
                logo,
                pptx_template,
                brand,
                contact,
            }),
            _ => Err(BuildError::from(errors)),
        }
    }
}

fn is_plain_name(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

fn site_languages(
    src: &SourceFile,
    raw: &Spanned<Vec<Spanned<String>>>,
    errors: &mut Vec<SiteError>,
) -> Option<Vec<Lang>> {
    let mut langs = Vec::new();
    let before = errors.len();
    for code in raw.get_ref() {
        match Lang::from_code(code.get_ref()) {
            Some(l) if langs.contains(&l) => errors.push(
                SiteError::at(
                    ErrorKind::Duplicate,
                    &src.name,
                    &src.text,
                    code.span(),
                    MessageId::SiteLanguageTwice,
                )
                .with_help(MessageId::SiteLanguageTwiceHelp),
            ),
            Some(l) => langs.push(l),
            None => errors.push(
                SiteError::at(
                    ErrorKind::UnknownLanguage,
                    &src.name,
                    &src.text,
                    code.span(),
                    MessageId::SiteUnknownLanguage,
                )
                .with_label(MessageId::SiteUnknownLanguageLabel)
                .with_help(MessageId::SiteUseOneOf.arg("list", Lang::supported_codes())),
            ),
        }
    }
    if raw.get_ref().is_empty() {
        errors.push(
            SiteError::at(
                ErrorKind::InvalidValue,
                &src.name,
                &src.text,
                raw.span(),
                MessageId::SiteNoLanguages,
            )
            .with_help(MessageId::SiteNoLanguagesHelp),
        );
    }
    (errors.len() == before).then_some(langs)
}

pub(super) struct Ctx<'a> {
    pub(super) languages: &'a [Lang],
}

impl Ctx<'_> {
    pub(super) fn default_lang(&self) -> Lang {
        self.languages[0]
    }

    /// Checks a `{ sv = "…", en = "…" }` value: known languages only, default present.
    pub(super) fn localized(
        &self,
        src: &SourceFile,
        raw: &Spanned<RawLocalized>,
        errors: &mut Vec<SiteError>,
    ) -> Option<Localized<String>> {
        let mut values = BTreeMap::new();
        let before = errors.len();
        for (code, text) in &raw.get_ref().0 {
            match Lang::from_code(code.get_ref()).filter(|l| self.languages.contains(l)) {
                Some(lang) => {
                    values.insert(lang, text.get_ref().trim().to_string());
                }
                None => errors.push(self.unknown_lang(src, code.span(), code.get_ref())),
            }
        }
        if errors.len() > before {
            return None;
        }
        Localized::new(self.default_lang(), values)
            .map_err(|_| {
                errors.push(
                    SiteError::at(
                        ErrorKind::MissingDefaultLanguage,
                        &src.name,
                        &src.text,
                        raw.span(),
                        MessageId::SiteNoDefaultText.arg("lang", self.default_lang()),
                    )
                    .with_help(MessageId::SiteNoDefaultTextHelp.arg("lang", self.default_lang())),
                )
            })
            .ok()
    }

    fn unknown_lang(
        &self,
        src: &SourceFile,
        span: std::ops::Range<usize>,
        code: &str,
    ) -> SiteError {
        SiteError::at(
            ErrorKind::UnknownLanguage,
            &src.name,
            &src.text,
            span,
            MessageId::SiteLanguageNotListed.arg("code", code),
        )
        .with_label(MessageId::SiteLanguageNotListedLabel)
        .with_help(
            MessageId::SiteLanguageNotListedHelp
                .arg("list", crate::messages::codes(self.languages)),
        )
    }

    fn report(&self, raw: &RawYear, errors: &mut Vec<SiteError>) -> Option<Report> {
        let pictures =
            super::images::resolve(raw.year, &raw.pictures, &super::images::texts(raw), errors);
        let Some(report) = &raw.report else {
            // report.toml is broken (already reported): still check the sections and charts.
            let mut sections = self.sections(raw, &pictures, errors);
            self.charts(raw, errors);
            self.link_charts(raw, &mut sections, errors);
            return None;
        };
        let src = &report.source;
        let r = &report.value;
        let before = errors.len();
        let year = Year::new(raw.year);
        if year.is_none() {
            errors.push(
                SiteError::in_file(
                    ErrorKind::BadFileName,
                    &raw.dir_name,
                    MessageId::ReportYearOutOfRange,
                )
                .with_help(MessageId::ReportYearOutOfRangeHelp),
            );
        }
        let title = self.localized(src, &r.title, errors);
        let subtitle = r.subtitle.as_ref().map(|s| self.localized(src, s, errors));
        let closing = r.closing.as_ref().map(|s| self.localized(src, s, errors));
        let published = date(src, &r.published, errors);
        let mut sections = self.sections(raw, &pictures, errors);
        let charts = self.charts(raw, errors);
        self.link_charts(raw, &mut sections, errors);
        if errors.len() > before {
            return None;
        }
        Some(Report {
            year: year?,
            title: title?,
            subtitle: subtitle.flatten(),
            published: published?,
            closing: closing.flatten(),
            sections,
            charts,
            pictures,
            file: src.name.clone(),
            draft: r.draft,
        })
    }

    fn sections(
        &self,
        raw: &RawYear,
        pictures: &[Picture],
        errors: &mut Vec<SiteError>,
    ) -> Vec<Section> {
        // Group the language files of each section by (number, slug).
        let mut groups: BTreeMap<(u32, &str), Vec<&RawSection>> = BTreeMap::new();
        let mut by_number: BTreeMap<u32, &RawSection> = BTreeMap::new();
        let mut by_slug: BTreeMap<&str, &RawSection> = BTreeMap::new();
        for s in &raw.sections {
            for (clash, what) in [
                (
                    by_number.insert(s.number, s).filter(|o| o.slug != s.slug),
                    MessageId::SectionNumberUsed,
                ),
                (
                    by_slug.insert(&s.slug, s).filter(|o| o.number != s.number),
                    MessageId::SectionNameUsed,
                ),
            ] {
                if let Some(other) = clash {
                    errors.push(
                        SiteError::in_file(
                            ErrorKind::Duplicate,
                            &s.source.name,
                            what.arg("other", &other.source.name),
                        )
                        .with_help(MessageId::SectionUsedHelp),
                    );
                }
            }
            groups.entry((s.number, &s.slug)).or_default().push(s);
        }
        let mut sections = Vec::new();
        for ((number, slug), files) in groups {
            let broken = raw
                .broken_sections
                .iter()
                .any(|(n, s)| *n == number && s == slug);
            if let Some(section) = self.section(number, slug, &files, broken, pictures, errors) {
                sections.push(section);
            }
        }
        sections.sort_by_key(|s| (s.kind, s.number));
        sections
    }

    fn section(
        &self,
        number: u32,
        slug: &str,
        files: &[&RawSection],
        has_broken_file: bool,
        pictures: &[Picture],
        errors: &mut Vec<SiteError>,
    ) -> Option<Section> {
        let before = errors.len();
        let mut texts = BTreeMap::new();
        let mut kinds = Vec::new();
        for f in files {
            let src = &f.source;
            let Some(lang) = Lang::from_code(&f.lang_code).filter(|l| self.languages.contains(l))
            else {
                errors.push(
                    SiteError::in_file(
                        ErrorKind::UnknownLanguage,
                        &src.name,
                        MessageId::SectionLanguageNotListed.arg("code", &f.lang_code),
                    )
                    .with_help(
                        MessageId::SectionLanguageNotListedHelp
                            .arg("list", crate::messages::codes(self.languages))
                            .arg("default", self.default_lang()),
                    ),
                );
                continue;
            };
            let kind_span = shift(f.front.kind.span(), f.front_offset);
            match SectionKind::from_key(f.front.kind.get_ref().trim()) {
                Some(kind) => kinds.push((kind, f, kind_span)),
                None => errors.push(
                    SiteError::at(
                        ErrorKind::UnknownSectionKind,
                        &src.name,
                        &src.text,
                        kind_span,
                        MessageId::SectionUnknownKind,
                    )
                    .with_label(MessageId::SectionUnknownKindLabel)
                    .with_help(
                        match SectionKind::guess(f.front.kind.get_ref()) {
                            Some(kind) => MessageId::SectionKindInEnglish.arg("kind", kind.key()),
                            None => MessageId::SiteUseOneOf.arg(
                                "list",
                                SectionKind::ALL
                                    .map(|k| format!("\"{}\"", k.key()))
                                    .join(", "),
                            ),
                        },
                    ),
                ),
            }
            let title = f.front.title.get_ref().trim();
            if title.is_empty() {
                errors.push(
                    SiteError::at(
                        ErrorKind::InvalidValue,
                        &src.name,
                        &src.text,
                        shift(f.front.title.span(), f.front_offset),
                        MessageId::SectionEmptyTitle,
                    )
                    .with_help(MessageId::SectionEmptyTitleHelp),
                );
            }
            let rendered = markdown::render(&f.body, lang, slug, &PictureLinks::report(pictures));
            // The speaker notes are shown only with the deck (handout, presenter view).
            let notes = f.notes.as_ref().map(|(md, _)| {
                markdown::render(
                    md,
                    lang,
                    &format!("{slug}-notes"),
                    &PictureLinks::deck(pictures, None),
                )
            });
            texts.insert(
                lang,
                SectionText {
                    title: title.to_string(),
                    body: super::types::Html::trusted(rendered.html),
                    markdown: f.body.clone(),
                    file: src.name.clone(),
                    removed_unsafe: rendered.removed_unsafe
                        || notes.as_ref().is_some_and(|n| n.removed_unsafe),
                    notes: notes.map(|n| super::types::Html::trusted(n.html)),
                    source_text: std::sync::Arc::clone(&src.text),
                    body_offset: f.body_offset,
                },
            );
        }
        let default = self.default_lang();
        let default_kind = kinds
            .iter()
            .find(|(_, f, _)| f.lang_code == default.code())
            .map(|(k, _, _)| *k);
        for (kind, f, span) in &kinds {
            if default_kind.is_some_and(|d| d != *kind) {
                errors.push(
                    SiteError::at(
                        ErrorKind::TranslationMismatch,
                        &f.source.name,
                        &f.source.text,
                        span.clone(),
                        MessageId::SectionKindDiffers,
                    )
                    .with_help(
                        MessageId::SectionKindDiffersHelp
                            .arg("file", format!("{number:02}-{slug}.{default}.md")),
                    ),
                );
            }
        }
        if !texts.contains_key(&default) && errors.len() == before && !has_broken_file {
            errors.push(
                SiteError::in_file(
                    ErrorKind::MissingDefaultLanguage,
                    &files[0].source.name,
                    MessageId::SectionNoDefault.arg("lang", default),
                )
                .with_help(
                    MessageId::SectionNoDefaultHelp
                        .arg("file", format!("{number:02}-{slug}.{default}.md")),
                ),
            );
        }
        if errors.len() > before || has_broken_file {
            return None;
        }
        Some(Section {
            number,
            slug: slug.to_string(),
            kind: default_kind?,
            text: Localized::new(default, texts).ok()?,
            charts: Vec::new(),
        })
    }
}

fn shift(span: std::ops::Range<usize>, by: usize) -> std::ops::Range<usize> {
    span.start + by..span.end + by
}

pub(super) fn date(
    src: &SourceFile,
    raw: &Spanned<toml::value::Datetime>,
    errors: &mut Vec<SiteError>,
) -> Option<Date> {
    let dt = raw.get_ref();
    let parsed = match (dt.date, dt.time, dt.offset) {
        (Some(d), None, None) => Date::new(d.year, d.month, d.day),
        _ => None,
    };
    if parsed.is_none() {
        errors.push(
            SiteError::at(
                ErrorKind::InvalidValue,
                &src.name,
                &src.text,
                raw.span(),
                MessageId::ReportNotADate,
            )
            .with_help(MessageId::ReportNotADateHelp),
        );
    }
    parsed
}
