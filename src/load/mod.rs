//! Stage 1: read the content folder into raw, parsed-but-unvalidated files.
//!
//! Reading is strict about names (year folders are four digits, sections are
//! `NN-slug.LANG.md`) and sorts everything it lists, so file-system order never
//! leaks into the site. All problems are collected, not just the first.

pub mod accessibility;
pub mod charts;
pub mod frontmatter;
pub mod glossary;
pub mod images;
pub mod limits;
pub mod logo;
pub mod notes;
pub mod pptx_template;
pub mod raw;
mod toml_error;

pub(crate) use toml_error::theme_error;

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use crate::diagnostics::{Catalogued, ErrorKind, IoAction, SiteError};
use crate::messages::{Message, MessageId};
use raw::{RawFrontMatter, RawReport, RawSiteConfig};

/// A file's text and its name as shown to editors (relative to the site root).
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Path relative to the site root, with `/` separators, e.g. `content/2021/report.toml`.
    pub name: String,
    /// The whole text.
    pub text: Arc<str>,
}

impl SourceFile {
    /// A problem at the byte range `span` of this file: the one way the
    /// model's checks place an error in the file they read, whatever it says.
    pub(crate) fn error_at(
        &self,
        kind: ErrorKind,
        span: std::ops::Range<usize>,
        message: impl Into<Message>,
    ) -> SiteError {
        SiteError::at(kind, &self.name, &self.text, span, message)
    }
}

/// A parsed file: its source and the value read from it.
#[derive(Debug, Clone)]
pub struct Parsed<T> {
    /// Where it came from.
    pub source: SourceFile,
    /// What it says.
    pub value: T,
}

/// One Markdown section file, `NN-slug.LANG.md`.
#[derive(Debug, Clone)]
pub struct RawSection {
    /// The file.
    pub source: SourceFile,
    /// The `NN` order number.
    pub number: u32,
    /// The slug, shared by all languages of one section.
    pub slug: String,
    /// The language code from the file name (validated later).
    pub lang_code: String,
    /// The front matter, parsed; spans are relative to `front_offset`.
    pub front: RawFrontMatter,
    /// Where the front matter starts in the file.
    pub front_offset: usize,
    /// The Markdown body: the section text, without the speaker notes.
    pub body: String,
    /// Where the body starts in the file.
    pub body_offset: usize,
    /// The speaker notes after a `???` line (see [`notes`]) and where they start in the file.
    pub notes: Option<(String, usize)>,
}

/// One year folder, `content/YYYY/`.
#[derive(Debug, Clone)]
pub struct RawYear {
    /// The folder name (four digits).
    pub year: u16,
    /// The folder, relative to the site root.
    pub dir_name: String,
    /// `report.toml`, unless it could not be read or parsed (that error is reported by [`load`]).
    pub report: Option<Parsed<RawReport>>,
    /// Section files, sorted by file name.
    pub sections: Vec<RawSection>,
    /// `(number, slug)` of section files that could not be parsed; their problems are
    /// already reported, so validation must not add "missing file" errors for them.
    pub broken_sections: Vec<(u32, String)>,
    /// `charts.toml`, if the year has one and it could be parsed.
    pub charts: Option<Parsed<charts::RawChartsFile>>,
    /// True if `charts.toml` exists but could not be read or parsed (already reported),
    /// so sections naming its charts must not get "unknown chart" errors too.
    pub charts_broken: bool,
    /// The picture files in the folder and the folders below it, by name (see [`images`]).
    pub pictures: Vec<images::RawPicture>,
}

/// Everything read from `content/`.
#[derive(Debug, Clone)]
pub struct RawSite {
    /// `content/site.toml`.
    pub config: Parsed<RawSiteConfig>,
    /// Year folders, sorted by year.
    pub years: Vec<RawYear>,
    /// `content/glossary.toml`, if the site has one.
    pub glossary: Option<Parsed<glossary::RawGlossary>>,
    /// `content/accessibility.toml`, if the site has one and it could be parsed.
    pub accessibility: Option<Parsed<accessibility::RawStatement>>,
    /// The logo `site.toml` names, if it names one and it could be read.
    pub logo: Option<logo::RawLogo>,
    /// The PowerPoint template `site.toml` names, if it names one and it could be read.
    pub pptx_template: Option<pptx_template::RawPptxTemplate>,
}

/// Reads and parses `ROOT/content/`.
///
/// Returns what could be read together with every problem found, so that the
/// model stage can still check the good files and the editor sees all problems
/// at once. There is no site at all only when `site.toml` itself is unusable.
pub fn load(root: &Path) -> (Option<RawSite>, Vec<SiteError>) {
    let content = root.join("content");
    let mut errors = Vec::new();
    let config =
        read_toml::<RawSiteConfig>(root, &content.join("site.toml")).map_err(|e| errors.push(e));
    let logo = config
        .as_ref()
        .ok()
        .and_then(|c| logo::read(root, c, &mut errors));
    let logo_name = config
        .as_ref()
        .ok()
        .and_then(|c| logo::file_name(&c.value))
        .map(str::to_string);
    let pptx_template = config
        .as_ref()
        .ok()
        .and_then(|c| pptx_template::read(root, c, &mut errors));
    let template_name = config
        .as_ref()
        .ok()
        .and_then(|c| pptx_template::file_name(&c.value))
        .map(str::to_string);
    let glossary = glossary::read(root, &mut errors);
    let accessibility = accessibility::read(root, &mut errors);
    // Year folders in name order, with the problems of other entries in between.
    let mut year_dirs: Vec<Result<(PathBuf, u16), SiteError>> = Vec::new();
    match sorted_entries(&content) {
        Ok(entries) => {
            for Entry { path, kind } in entries {
                let name = file_name(&path);
                if name.starts_with('.')
                    || name == "site.toml"
                    || logo_name.as_deref() == Some(name.as_str())
                    || template_name.as_deref() == Some(name.as_str())
                {
                    continue;
                }
                if kind != EntryKind::Dir {
                    if !name.ends_with(".toml") {
                        year_dirs.push(Err(SiteError::in_file(
                            ErrorKind::BadFileName,
                            display(root, &path),
                            MessageId::LoadUnexpectedFile,
                        )
                        .with_help(MessageId::LoadUnexpectedFileHelp)));
                    }
                    continue;
                }
                match name.parse::<u16>() {
                    Ok(year) if name.len() == 4 => year_dirs.push(Ok((path, year))),
                    _ => year_dirs.push(Err(SiteError::in_file(
                        ErrorKind::BadFileName,
                        display(root, &path),
                        MessageId::LoadNotAYear,
                    )
                    .with_help(MessageId::LoadNotAYearHelp))),
                }
            }
        }
        Err(e) => errors.push(e),
    }
    // Year folders are read in parallel (thousands of small files), then merged in
    // year order so that problems are listed the same way on every run.
    let loaded: Vec<Result<(RawYear, Vec<SiteError>), SiteError>> = year_dirs
        .into_par_iter()
        .with_max_len(1) // one at a time, so that no core idles while another ends a run of them
        .map(|entry| {
            entry.map(|(path, year)| {
                let mut errs = Vec::new();
                (load_year(root, &path, year, &mut errs), errs)
            })
        })
        .collect();
    let mut years = Vec::with_capacity(loaded.len());
    for entry in loaded {
        match entry {
            Ok((year, errs)) => {
                years.push(year);
                errors.extend(errs);
            }
            Err(e) => errors.push(e),
        }
    }
    if years.is_empty() && errors.is_empty() {
        errors.push(
            SiteError::in_file(ErrorKind::NoReports, "content", MessageId::LoadNoReport)
                .with_help(MessageId::LoadNoReportHelp),
        );
    }
    (
        config.ok().map(|config| RawSite {
            config,
            years,
            glossary,
            accessibility,
            logo,
            pptx_template,
        }),
        errors,
    )
}

/// Like [`load`], but any problem fails the whole load (for tools that need every file).
pub fn load_strict(root: &Path) -> Result<RawSite, crate::diagnostics::BuildError> {
    match load(root) {
        (Some(site), errors) if errors.is_empty() => Ok(site),
        (_, errors) => Err(errors.into()),
    }
}

/// Reads `ROOT/content/site.toml` alone, for commands that need the site's
/// languages but must work while a year folder is broken (`import --force`).
pub fn load_config(root: &Path) -> Result<Parsed<RawSiteConfig>, SiteError> {
    read_toml::<RawSiteConfig>(root, &root.join("content").join("site.toml"))
}

fn load_year(root: &Path, dir: &Path, year: u16, errors: &mut Vec<SiteError>) -> RawYear {
    let report = read_toml::<RawReport>(root, &dir.join("report.toml"))
        .map_err(|e| errors.push(e))
        .ok();
    let entries = sorted_entries(dir)
        .map_err(|e| errors.push(e))
        .unwrap_or_default();
    let charts_path = dir.join("charts.toml");
    let has_charts = entries
        .iter()
        .any(|e| e.kind == EntryKind::File && e.path == charts_path);
    let charts = if has_charts {
        read_toml::<charts::RawChartsFile>(root, &charts_path)
            .map_err(|e| errors.push(e))
            .ok()
    } else {
        None
    };
    let charts_broken = has_charts && charts.is_none();
    let pictures = images::read(root, &entries, errors);
    let mut sections = Vec::new();
    let mut broken_sections = Vec::new();
    for Entry { path, .. } in entries {
        let name = file_name(&path);
        if name.starts_with('.') || name == "report.toml" || name == "charts.toml" {
            continue;
        }
        if name.ends_with(".md") {
            match load_section(root, &path) {
                Ok(s) => sections.push(s),
                Err(e) => {
                    if let Some((number, slug, _)) = parse_section_name(&name) {
                        broken_sections.push((number, slug));
                    }
                    errors.push(e);
                }
            }
        }
    }
    RawYear {
        year,
        dir_name: display(root, dir),
        report,
        sections,
        broken_sections,
        charts,
        charts_broken,
        pictures,
    }
}

fn load_section(root: &Path, path: &Path) -> Result<RawSection, SiteError> {
    let source = read(root, path)?;
    let name = file_name(path);
    let (number, slug, lang_code) = parse_section_name(&name).ok_or_else(|| {
        let error = SiteError::in_file(
            ErrorKind::BadFileName,
            &source.name,
            MessageId::LoadSectionName,
        );
        match suggest_section_name(&name) {
            Some(better) => error.with_help(MessageId::LoadSectionNameRename.arg("better", better)),
            None => error.with_help(MessageId::LoadSectionNameHelp),
        }
    })?;
    let split = frontmatter::split(&source.text).map_err(|e| match e {
        frontmatter::SplitError::NoOpening => SiteError::at(
            ErrorKind::MissingFrontMatter,
            &source.name,
            &source.text,
            0..0,
            MessageId::LoadNoFrontMatter,
        )
        .with_help(MessageId::LoadNoFrontMatterHelp),
        frontmatter::SplitError::Unclosed(span) => SiteError::at(
            ErrorKind::MissingFrontMatter,
            &source.name,
            &source.text,
            span,
            MessageId::LoadUnclosed,
        )
        .with_label(MessageId::LoadUnclosedLabel)
        .with_help(MessageId::LoadUnclosedHelp),
    })?;
    if let Some(span) = notes::first_marker(split.front) {
        return Err(notes_error(
            &source,
            shift(span, split.front_offset),
            MessageId::LoadNotesInFrontMatter,
        )
        .with_help(MessageId::LoadNotesInFrontMatterHelp));
    }
    let front = toml_error::parse::<RawFrontMatter>(
        &source.name,
        &source.text,
        split.front_offset,
        split.front,
    )?;
    let parts = notes::split(split.body).map_err(|e| {
        let span = shift(e.span, split.body_offset);
        match e.problem {
            notes::MarkerProblem::Twice => notes_error(&source, span, MessageId::LoadNotesTwice)
                .with_help(MessageId::LoadNotesTwiceHelp),
            notes::MarkerProblem::ExtraText => {
                notes_error(&source, span, MessageId::LoadNotesExtraText)
                    .with_help(MessageId::LoadNotesExtraTextHelp)
            }
        }
    })?;
    check_depth(&source, parts.text, split.body_offset)?;
    if let Some((notes, at)) = parts.notes {
        check_depth(&source, notes, split.body_offset + at)?;
    }
    Ok(RawSection {
        number,
        slug,
        lang_code,
        front,
        front_offset: split.front_offset,
        body: parts.text.to_string(),
        body_offset: split.body_offset,
        notes: parts
            .notes
            .map(|(text, at)| (text.to_string(), split.body_offset + at)),
        source,
    })
}

/// Refuses Markdown nested deeper than [`limits::MAX_DEPTH`] (`text` starts at
/// `offset` in the file).
fn check_depth(source: &SourceFile, text: &str, offset: usize) -> Result<(), SiteError> {
    match limits::too_deep(text) {
        None => Ok(()),
        Some(span) => Err(SiteError::at(
            ErrorKind::TooDeep,
            &source.name,
            &source.text,
            shift(span, offset),
            MessageId::LoadTooDeep.count("max", limits::MAX_DEPTH),
        )
        .with_label(MessageId::LoadTooDeepLabel)
        .with_help(MessageId::LoadTooDeepHelp)),
    }
}

fn notes_error(source: &SourceFile, span: std::ops::Range<usize>, message: MessageId) -> SiteError {
    SiteError::at(
        ErrorKind::NotesMarker,
        &source.name,
        &source.text,
        span,
        message,
    )
    .with_label(MessageId::FrameHere)
}

fn shift(span: std::ops::Range<usize>, by: usize) -> std::ops::Range<usize> {
    span.start + by..span.end + by
}

/// `01-strengths.sv.md` → (1, "strengths", "sv").
fn parse_section_name(name: &str) -> Option<(u32, String, String)> {
    let stem = name.strip_suffix(".md")?;
    let (rest, lang) = stem.rsplit_once('.')?;
    let (number, slug) = rest.split_once('-')?;
    let valid_slug = !slug.is_empty()
        && slug
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    let valid_lang = !lang.is_empty() && lang.chars().all(|c| c.is_ascii_lowercase());
    if number.is_empty()
        || !number.chars().all(|c| c.is_ascii_digit())
        || !valid_slug
        || !valid_lang
    {
        return None;
    }
    Some((number.parse().ok()?, slug.to_string(), lang.to_string()))
}

/// The name a section file was probably meant to have (`01 Styrkor.SV.md` →
/// `01-styrkor.sv.md`), when its language part can be told; a missing number
/// becomes `01`, for the editor to change.
fn suggest_section_name(name: &str) -> Option<String> {
    let stem = name.get(..name.len().checked_sub(3)?)?;
    if !name[stem.len()..].eq_ignore_ascii_case(".md") {
        return None;
    }
    let (rest, lang) = stem.rsplit_once('.')?;
    let lang = lang.to_ascii_lowercase();
    if lang.len() != 2 || !lang.chars().all(|c| c.is_ascii_lowercase()) {
        return None;
    }
    let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let number = if digits == 0 { "01" } else { &rest[..digits] };
    let slug = slug::slugify(&rest[digits..]);
    let better = format!("{number}-{slug}.{lang}.md");
    (!slug.is_empty() && better != name).then_some(better)
}

fn read_toml<T: serde::de::DeserializeOwned>(
    root: &Path,
    path: &Path,
) -> Result<Parsed<T>, SiteError> {
    let source = read(root, path)?;
    let value = toml_error::parse(&source.name, &source.text, 0, &source.text)?;
    Ok(Parsed { source, value })
}

/// Reads a UTF-8 text file, naming it relative to the root on failure. Only a
/// regular file of at most [`limits::MAX_FILE_BYTES`] is read (see [`limits`]).
pub fn read(root: &Path, path: &Path) -> Result<SourceFile, SiteError> {
    let name = display(root, path);
    let bytes = limits::read_regular(path).map_err(|e| match e {
        limits::ReadError::Io(e) => {
            let help = if e.kind() == std::io::ErrorKind::NotFound {
                MessageId::LoadReadNotFoundHelp
            } else {
                MessageId::LoadReadHelp
            };
            SiteError::in_file(ErrorKind::Io, &name, IoAction::ReadFile.failed(&e)).with_help(help)
        }
        limits::ReadError::NotAFile(what) => SiteError::in_file(
            ErrorKind::NotAFile,
            &name,
            MessageId::LoadNotAFile.message("what", what),
        )
        .with_help(MessageId::LoadNotAFileHelp),
        limits::ReadError::TooLarge(len) => SiteError::in_file(
            ErrorKind::TooLarge,
            &name,
            Message::new(MessageId::LoadTooLarge)
                .count("kib", len.div_ceil(1024))
                .count("max", limits::MAX_FILE_BYTES / 1024),
        )
        .with_help(MessageId::LoadTooLargeHelp),
    })?;
    let text = String::from_utf8(bytes).map_err(|e| {
        SiteError::in_file(
            ErrorKind::InvalidValue,
            &name,
            MessageId::LoadNotUtf8.count("at", e.utf8_error().valid_up_to()),
        )
        .with_help(MessageId::LoadNotUtf8Help)
    })?;
    Ok(SourceFile {
        name,
        text: Arc::from(text),
    })
}

/// A folder entry and what it is (a link counts as what it points to).
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Entry {
    path: PathBuf,
    kind: EntryKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum EntryKind {
    Dir,
    File,
    Other,
}

/// The entries of `dir` in name order. What each is comes with the listing on
/// most file systems, so a site of a thousand years is not stat'ed file by file.
fn sorted_entries(dir: &Path) -> Result<Vec<Entry>, SiteError> {
    let mut out = Vec::new();
    let entries = fs::read_dir(dir).map_err(|e| SiteError::io(dir, IoAction::ListFolder, &e))?;
    for entry in entries {
        let entry = entry.map_err(|e| SiteError::io(dir, IoAction::ListFolder, &e))?;
        let path = entry.path();
        let kind = match entry.file_type() {
            Ok(t) if t.is_dir() => EntryKind::Dir,
            Ok(t) if t.is_file() => EntryKind::File,
            // A link, or a file system that does not say: ask about the target.
            _ if path.is_dir() => EntryKind::Dir,
            _ if path.is_file() => EntryKind::File,
            _ => EntryKind::Other,
        };
        out.push(Entry { path, kind });
    }
    out.sort();
    Ok(out)
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// A path relative to the site root with `/` separators, for messages.
pub fn display(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    if rel.is_absolute() {
        return rel.display().to_string();
    }
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggested_section_names_follow_the_pattern() {
        for (written, better) in [
            ("01 Styrkor.sv.md", "01-styrkor.sv.md"),
            ("02-Fokusområde.SV.md", "02-fokusomrade.sv.md"),
            ("Vägen framåt.en.md", "01-vagen-framat.en.md"),
            ("03_utveckling.sv.MD", "03-utveckling.sv.md"),
        ] {
            assert_eq!(suggest_section_name(written).as_deref(), Some(better));
            assert!(parse_section_name(better).is_some(), "{better}");
        }
        assert_eq!(suggest_section_name("01-styrkor.sv.md"), None);
        assert_eq!(suggest_section_name("anteckningar.md"), None);
        assert_eq!(suggest_section_name("01-!!!.sv.md"), None);
    }

    #[test]
    fn section_names() {
        assert_eq!(
            parse_section_name("01-styrkor.sv.md"),
            Some((1, "styrkor".into(), "sv".into()))
        );
        assert_eq!(
            parse_section_name("10-way-forward.en.md"),
            Some((10, "way-forward".into(), "en".into()))
        );
        assert_eq!(parse_section_name("styrkor.sv.md"), None);
        assert_eq!(parse_section_name("01-styrkor.md"), None);
        assert_eq!(parse_section_name("01-Styrkor.sv.md"), None);
        assert_eq!(parse_section_name("01-.sv.md"), None);
    }

    #[cfg(unix)]
    #[test]
    fn entries_know_folders_files_and_what_links_point_to() {
        use std::os::unix::fs::symlink;
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        fs::create_dir(d.join("2021")).unwrap();
        fs::write(d.join("charts.toml"), "").unwrap();
        symlink(d.join("2021"), d.join("2022")).unwrap();
        symlink(d.join("charts.toml"), d.join("linked.toml")).unwrap();
        symlink(d.join("nowhere"), d.join("broken")).unwrap();
        let kinds: Vec<(String, EntryKind)> = sorted_entries(d)
            .unwrap()
            .into_iter()
            .map(|e| (file_name(&e.path), e.kind))
            .collect();
        let expected = [
            ("2021", EntryKind::Dir),
            ("2022", EntryKind::Dir),
            ("broken", EntryKind::Other),
            ("charts.toml", EntryKind::File),
            ("linked.toml", EntryKind::File),
        ];
        assert_eq!(kinds, expected.map(|(n, k)| (n.to_string(), k)));
    }
}
