//! Importing a deck in another language than the default: a translation of a
//! year that already exists.
//!
//! The deck's sections are matched to the year's sections in order, so the
//! deck must have as many sections as the year. Each becomes the
//! `NN-slug.LANG.md` file next to its Swedish one, with the fingerprint of the
//! Swedish text (`source_hash`), so `check` knows it is up to date. The title
//! and closing slides are not written into `report.toml` (which keeps its
//! comments as they are); the lines to add are printed instead.

use std::collections::BTreeMap;
use std::fs;

use super::outline::Deck;
use super::{
    ImportOptions, Imported, ImportedSection, body, count_lines, framing, lines, unplaced, words,
};
use crate::diagnostics::{BuildError, Catalogued, ErrorKind, IoAction, SiteError};
use crate::lang::Lang;
use crate::load::RawSection;
use crate::messages::MessageId;
use crate::model::fingerprint::source_hash;
use crate::model::placeholder::placeholder;
use crate::scaffold::toml_string;
use crate::year_writer::NewFile;

/// Writes the translation files of an existing year from `deck`.
pub(super) fn import(
    options: &ImportOptions,
    default: Lang,
    deck_lines: &[lines::Line],
    deck: &Deck,
) -> Result<Imported, BuildError> {
    let root = &options.root;
    let lang = options.lang;
    let raw = crate::load::load_strict(root)?;
    let Some(year) = raw.years.iter().find(|y| y.year == options.year) else {
        return Err(SiteError::new(
            ErrorKind::Import,
            MessageId::ImportNoReportToTranslate.arg("year", options.year),
        )
        .with_help(
            MessageId::ImportNoReportToTranslateHelp
                .arg("default", default)
                .arg("lang", lang),
        )
        .into());
    };
    let mut sources: BTreeMap<u32, &RawSection> = BTreeMap::new();
    for s in year
        .sections
        .iter()
        .filter(|s| s.lang_code == default.code())
    {
        sources.insert(s.number, s);
    }
    if sources.len() != deck.slides.len() {
        return Err(SiteError::new(
            ErrorKind::Import,
            MessageId::ImportSectionCount
                .count("slides", deck.slides.len())
                .arg("dir", &year.dir_name)
                .count("sections", sources.len()),
        )
        .with_help(MessageId::ImportSectionCountHelp)
        .into());
    }
    let dir = root.join("content").join(options.year.to_string());
    let mut files = Vec::new();
    let mut sections = Vec::new();
    let mut existing = Vec::new();
    for (source, slide) in sources.values().zip(&deck.slides) {
        let name = format!("{:02}-{}.{lang}.md", source.number, source.slug);
        if dir.join(&name).exists() {
            existing.push(format!("{}/{name}", year.dir_name));
        }
        let title = slide
            .title
            .clone()
            .unwrap_or_else(|| placeholder(words(lang).0));
        let kind = source.front.kind.get_ref().trim();
        let hash = source_hash(source.front.title.get_ref(), &source.body);
        let front = format!(
            "kind = \"{kind}\"\ntitle = {}\nsource_hash = \"{hash}\"\n",
            toml_string(&title)
        );
        files.push(NewFile {
            name: name.clone(),
            text: format!("+++\n{front}+++\n\n{}", body(&slide.parts)),
        });
        let kind = crate::model::SectionKind::from_key(kind)
            .unwrap_or(crate::model::SectionKind::Strength);
        sections.push(ImportedSection {
            file: format!("{}/{name}", year.dir_name),
            title,
            kind,
            guessed: true,
        });
    }
    if !existing.is_empty() && !options.force {
        return Err(SiteError::in_file(
            ErrorKind::YearExists,
            &existing[0],
            MessageId::ImportTranslationsExist
                .count("n", existing.len())
                .arg("lang", lang),
        )
        .with_help(MessageId::ImportTranslationsExistHelp)
        .into());
    }
    for f in &files {
        let path = dir.join(&f.name);
        let tmp = dir.join(format!(".{}.new", f.name));
        fs::write(&tmp, &f.text).map_err(|e| SiteError::io(&path, IoAction::WriteFile, &e))?;
        fs::rename(&tmp, &path).map_err(|e| SiteError::io(&path, IoAction::WriteFile, &e))?;
    }
    let framing = framing(deck, options.year, lang);
    let mut report_values = vec![(
        "title".to_string(),
        format!("{lang} = {}", toml_string(&framing.title)),
    )];
    if !framing.subtitle.is_empty() {
        report_values.push((
            "subtitle".into(),
            format!("{lang} = {}", toml_string(&framing.subtitle)),
        ));
    }
    if let Some(c) = &framing.closing {
        report_values.push(("closing".into(), format!("{lang} = {}", toml_string(c))));
    }
    let mut covered = files.clone();
    covered.push(NewFile {
        name: "report.toml".into(),
        text: format!(
            "{} {} {}",
            framing.title,
            framing.subtitle,
            framing.closing.clone().unwrap_or_default()
        ),
    });
    Ok(Imported {
        dir: year.dir_name.clone(),
        title: framing.title,
        has_title_slide: !deck.title_blocks.is_empty(),
        stated_year: super::deck_year(deck),
        closing: framing.closing,
        sections,
        unplaced: unplaced(deck_lines, &covered),
        lines: count_lines(deck_lines),
        report_values,
    })
}
