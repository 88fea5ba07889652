//! `summering import FILE --year YEAR --lang LANG`: a slide-deck outline (the
//! text of a PowerPoint or PDF deck) turned into a year of the content model.
//!
//! [`lines`] cleans and classifies the lines, [`outline`] finds the title
//! slide, the sections and the closing slide, [`names`] guesses each
//! section's kind from its title and makes its file name. Nothing of the deck
//! is lost: after writing, every line of the deck is looked up in the new
//! files, and any line that could not be placed is reported.

pub mod lines;
pub mod names;
pub mod outline;
mod translation;

use std::path::PathBuf;

use crate::diagnostics::{BuildError, Catalogued, ErrorKind, IoAction, SiteError};
use crate::lang::Lang;
use crate::messages::MessageId;
use crate::model::SectionKind;
use crate::model::placeholder::placeholder;
use crate::scaffold::toml_string;
use crate::year_writer::{NewFile, ensure_writable, write_year};
use outline::{Deck, Part, join_statement};

/// What to import and where.
#[derive(Debug, Clone)]
pub struct ImportOptions {
    /// The outline text file.
    pub file: PathBuf,
    /// The report year.
    pub year: u16,
    /// The language of the deck.
    pub lang: Lang,
    /// The site root.
    pub root: PathBuf,
    /// Replace an existing year.
    pub force: bool,
}

/// One imported section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedSection {
    /// Its file, relative to the root.
    pub file: String,
    /// Its heading.
    pub title: String,
    /// The kind given to it.
    pub kind: SectionKind,
    /// False when the title did not tell the kind and the editor must check it.
    pub guessed: bool,
}

/// What `import` made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    /// The year folder, relative to the root.
    pub dir: String,
    /// The report's title, from the title slide.
    pub title: String,
    /// True if a title slide was found.
    pub has_title_slide: bool,
    /// The year the title slide names, if it names one: when it is not the year
    /// imported into, the editor is told (a 2021 deck imported as 2020).
    pub stated_year: Option<u16>,
    /// The closing statement, if a closing slide was found.
    pub closing: Option<String>,
    /// The sections, in deck order.
    pub sections: Vec<ImportedSection>,
    /// Lines of the deck that are not in the new files (should be none), with their numbers.
    pub unplaced: Vec<(usize, String)>,
    /// Lines of text read.
    pub lines: usize,
    /// For a translation: the values to add to report.toml, as (key, TOML line).
    pub report_values: Vec<(String, String)>,
}

/// Imports the deck; refuses an existing year unless `force`.
pub fn import(options: &ImportOptions) -> Result<Imported, BuildError> {
    let root = &options.root;
    // With `force` this only checks that there is a site at all.
    ensure_writable(root, options.year, true, MessageId::ImportForce)?;
    let config = crate::load::load_config(root)?;
    let languages: Vec<Lang> = config
        .value
        .languages
        .get_ref()
        .iter()
        .filter_map(|c| Lang::from_code(c.get_ref()))
        .collect();
    let Some(&default) = languages.first() else {
        return Err(SiteError::in_file(
            ErrorKind::InvalidValue,
            &config.source.name,
            MessageId::ImportNoLanguages,
        )
        .with_help(MessageId::ImportNoLanguagesHelp)
        .into());
    };
    if !languages.contains(&options.lang) {
        return Err(SiteError::new(
            ErrorKind::UnknownLanguage,
            MessageId::ImportNotASiteLanguage.arg("lang", options.lang),
        )
        .with_help(
            MessageId::ImportNotASiteLanguageHelp.arg("list", crate::messages::codes(&languages)),
        )
        .into());
    }
    if options.lang != default {
        let (lines, deck) = read_deck(&options.file)?;
        return translation::import(options, default, &lines, &deck);
    }
    ensure_writable(root, options.year, options.force, MessageId::ImportForce)?;
    let (lines, deck) = read_deck(&options.file)?;
    let (files, mut imported) = files(&deck, options);
    let dir = write_year(root, options.year, &files, options.force)?;
    imported.dir = crate::load::display(root, &dir);
    imported.unplaced = unplaced(&lines, &files);
    imported.lines = count_lines(&lines);
    Ok(imported)
}

/// The year the deck's title slide names (`NOSAM summering 2021`), for `import`
/// without `--year`; `None` when it names none. Reads the file like [`import`].
pub fn stated_year(file: &std::path::Path) -> Result<Option<u16>, BuildError> {
    Ok(deck_year(&read_deck(file)?.1))
}

/// The first four-digit number from 1900 to 2099 standing alone on the title slide.
fn deck_year(deck: &Deck) -> Option<u16> {
    deck.title_blocks
        .iter()
        .flatten()
        .flat_map(|line| line.split(|c: char| !c.is_ascii_digit()))
        .filter(|digits| digits.len() == 4)
        .filter_map(|digits| digits.parse().ok())
        .find(|year| (1900..2100).contains(year))
}

/// Reads and outlines the deck; a deck without any section is refused.
fn read_deck(file: &std::path::Path) -> Result<(Vec<lines::Line>, Deck), BuildError> {
    let text = std::fs::read(file).map_err(|e| {
        SiteError::io(file, IoAction::ReadFile, &e).with_help(MessageId::ImportDeckPathHelp)
    })?;
    let text = String::from_utf8(text).map_err(|_| {
        SiteError::in_file(
            ErrorKind::Import,
            file.display().to_string(),
            MessageId::ImportNotUtf8,
        )
        .with_help(MessageId::ImportNotUtf8Help)
    })?;
    let lines = lines::lines(&text);
    let deck = outline::outline(&lines);
    if deck.slides.is_empty() {
        return Err(SiteError::in_file(
            ErrorKind::Import,
            file.display().to_string(),
            MessageId::ImportNoSlides,
        )
        .with_help(MessageId::ImportNoSlidesHelp)
        .into());
    }
    Ok((lines, deck))
}

pub(crate) fn count_lines(lines: &[lines::Line]) -> usize {
    lines
        .iter()
        .filter(|l| {
            matches!(
                l.kind,
                lines::Kind::Text { .. } | lines::Kind::Bullet { .. }
            )
        })
        .count()
}

/// Placeholder words per language.
pub(crate) fn words(lang: Lang) -> (&'static str, &'static str, &'static str, &'static str) {
    match lang {
        Lang::Sv => (
            "Rubrik",
            "Kontrollera kind: rubriken avgjorde inte vilken sorts avsnitt detta är",
            "Bekräfta publiceringsdatumet (bildspelet anger inget) och ta sedan bort den här kommentaren",
            "Rapportens titel",
        ),
        Lang::En => (
            "Heading",
            "Check kind: the title did not tell what kind of section this is",
            "Confirm the publication date (the deck gives none), then delete this comment",
            "Title of the report",
        ),
    }
}

/// The report's title, subtitle and closing statement, from the title and closing slides.
pub(crate) struct Framing {
    pub(crate) title: String,
    pub(crate) subtitle: String,
    pub(crate) closing: Option<String>,
}

pub(crate) fn framing(deck: &Deck, year: u16, lang: Lang) -> Framing {
    let year = year.to_string();
    // The title slide: the block naming the year is the title, the rest the subtitle.
    let blocks: Vec<String> = deck
        .title_blocks
        .iter()
        .map(|b| join_statement(b))
        .collect();
    let title_at = blocks
        .iter()
        .position(|b| b.contains(&year))
        .or_else(|| blocks.len().checked_sub(1));
    let title = title_at.map_or_else(
        || placeholder(&format!("{} {year}", words(lang).3)),
        |i| blocks[i].clone(),
    );
    let subtitle: Vec<&str> = blocks
        .iter()
        .enumerate()
        .filter(|(i, _)| Some(*i) != title_at)
        .map(|(_, b)| b.as_str())
        .collect();
    let subtitle = subtitle.join(" – ");
    // The closing slide, without the organisation and title it repeats.
    let known = format!("{title} {subtitle}").to_lowercase();
    let closing_lines: Vec<String> = deck
        .closing_blocks
        .iter()
        .map(|b| join_statement(b))
        .filter(|b| !known.contains(&b.to_lowercase()))
        .collect();
    let closing = (!closing_lines.is_empty()).then(|| {
        closing_lines
            .iter()
            .skip(1)
            .fold(closing_lines[0].clone(), |acc, l| {
                outline::join_wrapped(&acc, l)
            })
    });
    Framing {
        title,
        subtitle,
        closing,
    }
}

fn files(deck: &Deck, options: &ImportOptions) -> (Vec<NewFile>, Imported) {
    let lang = options.lang;
    let (heading_word, kind_note, date_note, _) = words(lang);
    let year = options.year.to_string();
    let Framing {
        title,
        subtitle,
        closing,
    } = framing(deck, options.year, lang);

    let mut report = format!("title = {{ {lang} = {} }}\n", toml_string(&title));
    if !subtitle.is_empty() {
        report.push_str(&format!(
            "subtitle = {{ {lang} = {} }}\n",
            toml_string(&subtitle)
        ));
    }
    report.push_str(&format!(
        "# {}\npublished = {year}-12-31\n",
        placeholder(date_note)
    ));
    if let Some(c) = &closing {
        report.push_str(&format!("closing = {{ {lang} = {} }}\n", toml_string(c)));
    }
    let mut files = vec![NewFile {
        name: "report.toml".into(),
        text: report,
    }];

    let mut sections = Vec::new();
    let mut slugs: Vec<String> = Vec::new();
    let mut previous = SectionKind::Strength;
    for (i, slide) in deck.slides.iter().enumerate() {
        let title = slide
            .title
            .clone()
            .unwrap_or_else(|| placeholder(heading_word));
        let guess = names::guess_kind(&title);
        let kind = guess.unwrap_or(previous);
        previous = kind;
        let mut slug = names::slug(slide.title.as_deref().unwrap_or(""));
        if slugs.contains(&slug) {
            slug = format!("{slug}-{}", i + 1);
        }
        slugs.push(slug.clone());
        let name = format!("{:02}-{slug}.{lang}.md", i + 1);
        let mut front = String::new();
        if guess.is_none() {
            front.push_str(&format!("# {}\n", placeholder(kind_note)));
        }
        front.push_str(&format!(
            "kind = \"{}\"\ntitle = {}\n",
            kind.key(),
            toml_string(&title)
        ));
        files.push(NewFile {
            name: name.clone(),
            text: format!("+++\n{front}+++\n\n{}", body(&slide.parts)),
        });
        sections.push(ImportedSection {
            file: format!("content/{year}/{name}"),
            title,
            kind,
            guessed: guess.is_some(),
        });
    }
    let imported = Imported {
        dir: String::new(),
        title,
        has_title_slide: !deck.title_blocks.is_empty(),
        stated_year: deck_year(deck),
        closing,
        sections,
        unplaced: Vec::new(),
        lines: 0,
        report_values: Vec::new(),
    };
    (files, imported)
}

/// A section body as Markdown: nested lists and paragraphs.
pub(crate) fn body(parts: &[Part]) -> String {
    let mut out = String::new();
    for part in parts {
        if !out.is_empty() {
            out.push('\n');
        }
        match part {
            Part::Paragraph(lines) => {
                for l in lines {
                    out.push_str(&escape(l));
                    out.push('\n');
                }
            }
            Part::List(items) => {
                // The indentation of a nested item is the width of its parent's marker.
                let mut widths: Vec<usize> = Vec::new();
                for item in items {
                    widths.truncate(item.depth);
                    let indent: usize = widths.iter().sum();
                    let marker = item
                        .number
                        .map_or_else(|| "-".to_string(), |n| format!("{n}."));
                    out.push_str(&format!(
                        "{}{marker} {}\n",
                        " ".repeat(indent),
                        escape(&item.text)
                    ));
                    widths.push(marker.chars().count() + 1);
                }
            }
        }
    }
    out
}

/// Escapes what Markdown would otherwise read as formatting, so the text shows as written.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, c) in text.chars().enumerate() {
        let at_start = i == 0;
        if matches!(c, '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '|')
            || (at_start && matches!(c, '#' | '>' | '+' | '-' | '='))
        {
            out.push('\\');
        }
        out.push(c);
    }
    // "1. text" or "1) text" at the start of an item would start a new list.
    if let Some(pos) = out.find(['.', ')'])
        && pos > 0
        && pos <= 9
        && out[..pos].chars().all(|c| c.is_ascii_digit())
    {
        out.insert(pos, '\\');
    }
    out
}

/// Undoes [`escape`], for comparing with the deck.
fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            if let Some(n) = chars.next() {
                out.push(n);
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Lines of the deck whose text is not in the new files.
pub(crate) fn unplaced(lines: &[lines::Line], files: &[NewFile]) -> Vec<(usize, String)> {
    let all: String = files
        .iter()
        .map(|f| unescape(&f.text))
        .collect::<Vec<_>>()
        .join("\n");
    lines
        .iter()
        .filter_map(|l| match &l.kind {
            lines::Kind::Text { text, .. } | lines::Kind::Bullet { text, .. } => {
                Some((l.number, text.clone()))
            }
            _ => None,
        })
        .filter(|(_, text)| !all.contains(text.as_str()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_and_numbered_lists_become_markdown() {
        let parts = [Part::List(vec![
            outline::Item {
                depth: 0,
                number: None,
                text: "Utveckla".into(),
            },
            outline::Item {
                depth: 1,
                number: Some(1),
                text: "samverkan *runt* avvikelser".into(),
            },
            outline::Item {
                depth: 2,
                number: None,
                text: "2021. ett år".into(),
            },
            outline::Item {
                depth: 0,
                number: None,
                text: "- streck".into(),
            },
        ])];
        assert_eq!(
            body(&parts),
            "- Utveckla\n  1. samverkan \\*runt\\* avvikelser\n     - 2021\\. ett år\n- \\- streck\n"
        );
        assert_eq!(unescape(&escape("a*b_c [x] 1. <y>")), "a*b_c [x] 1. <y>");
    }
}
