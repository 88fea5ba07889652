//! Errors and warnings that editors read.
//!
//! Every problem names the file it is in and, where there is one, the place
//! (line and column, shown as a snippet with a caret) and a help line in plain
//! words. Tests match on [`ErrorKind`], never on the message text.

use std::borrow::Cow;
use std::fmt;
use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

use miette::{
    Diagnostic, LabeledSpan, MietteError, MietteSpanContents, SourceCode, SourceSpan, SpanContents,
};

use crate::lang::Lang;
use crate::messages::{Message, MessageId, Text};

mod constructors;
mod io_action;

pub(crate) use constructors::Catalogued;
pub use io_action::IoAction;

/// What went wrong, as a stable kind that tests and tools can match on.
///
/// Serialised in kebab-case (`broken-link`) for `summering check --format json`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum ErrorKind {
    /// A file or folder could not be read or written.
    Io,
    /// A content path is a named pipe, a device or something else that is not a
    /// regular file (reading it could wait forever).
    NotAFile,
    /// A content file is longer than summering reads (`load::limits::MAX_FILE_BYTES`).
    TooLarge,
    /// Markdown nests deeper than summering accepts (`load::limits::MAX_DEPTH`).
    TooDeep,
    /// The TOML (a `.toml` file or a front matter block) is not valid TOML.
    TomlSyntax,
    /// A key that summering does not know (often a typo).
    UnknownField,
    /// A required key is missing.
    MissingField,
    /// A value has the wrong type or an impossible value.
    InvalidValue,
    /// A section `kind` that is not one of the report's section kinds.
    UnknownSectionKind,
    /// A language that is not listed in `site.toml` (or that summering does not support).
    UnknownLanguage,
    /// A value or file is missing for the site's default language.
    MissingDefaultLanguage,
    /// A Markdown section does not start with a `+++` front matter block.
    MissingFrontMatter,
    /// A file or folder name does not follow the naming scheme.
    BadFileName,
    /// The language versions of one section disagree (for example on `kind`).
    TranslationMismatch,
    /// Two files claim the same place (same section number, or same slug).
    Duplicate,
    /// The content folder has no report at all.
    NoReports,
    /// A theme template does not parse or fails to render.
    Template,
    /// A theme string file or theme asset is wrong.
    Theme,
    /// The output folder exists but was not made by summering, so it is not replaced.
    OutputNotOurs,
    /// Another build is writing into the same output folder right now.
    OutputBusy,
    /// The build was interrupted (Ctrl-C, SIGTERM) before it was put in place.
    Interrupted,
    /// The disk (or the user's quota) is full: the new build did not fit.
    DiskFull,
    /// The output folder is a mount point (a disk or share mounted there), which
    /// cannot be replaced by renaming.
    OutputMountPoint,
    /// The new build could not be put in place and the previous one could not be
    /// moved back: the output folder is missing and the previous build is aside.
    OutputMovedAside,
    /// The speaker-notes marker `???` is somewhere it cannot be (in the front matter,
    /// twice, or with other text on its line).
    NotesMarker,
    /// A report or deck cannot be written as PDF/A: a character the shipped font
    /// lacks, an image, a chart the PDF writer cannot read.
    Pdf,
    /// A deck cannot be written as PowerPoint (a fault in summering, not in the content).
    Pptx,
    /// A block (a code block, a table row, a heading, the title slide …) does not fit on
    /// one slide even at the smallest type size and cannot be split.
    SlideTooFull,
    /// A link or asset in a page points at a file or anchor the site does not have.
    BrokenLink,
    /// An image has no text alternative (WCAG 1.1.1).
    MissingAltText,
    /// A Markdown picture names a file the year folder does not have (or a
    /// place outside it, or on another site).
    MissingPicture,
    /// A picture file is not one of the formats summering publishes (PNG,
    /// JPEG, WebP, SVG), or its contents are not what its extension says.
    UnsupportedPicture,
    /// A `{{placeholder}}` left by `summering new` or `import` is still there.
    Unfinished,
    /// The year folder already exists, so `new` or `import` would overwrite it.
    YearExists,
    /// A slide-deck outline could not be imported.
    Import,
    /// The preview server could not start (address in use, not allowed …).
    Serve,
    /// A chart `kind` that is not one of bar, hbar, grouped-bar, stacked-bar, line.
    UnknownChartKind,
    /// A section lists a chart id that the year's `charts.toml` does not have.
    UnknownChart,
    /// A chart series has a different number of values than the chart has categories.
    SeriesLength,
    /// A number written with a decimal comma (`94,5`), which TOML reads as two numbers
    /// or cannot read at all.
    DecimalComma,
    /// A chart has no series, a series has no values, or the categories are empty.
    EmptySeries,
    /// A stacked chart has a negative value (parts of a whole cannot be negative).
    NegativeInStack,
    /// A chart could not be drawn (a fault in summering, not in the content).
    ChartDrawing,
    /// `summering archive` was given a year the site has no report for.
    UnknownYear,
    /// `summering archive` was given a year that is still a draft (`draft = true`).
    DraftYear,
    /// The archive package's file is already there (and `--force` was not given).
    ArchiveExists,
    /// The archive package would land in `content/`, in the output folder or on a folder.
    ArchivePlace,
    /// An archive package could not be made, or a file given to `--verify` is not one.
    Archive,
}

impl ErrorKind {
    /// The kind's title in the catalogue ("Broken link", "Trasig länk"): the
    /// match has no catch-all, so a new kind cannot lack one.
    pub fn title(self) -> MessageId {
        match self {
            ErrorKind::Io => MessageId::KindIo,
            ErrorKind::NotAFile => MessageId::KindNotAFile,
            ErrorKind::TooLarge => MessageId::KindTooLarge,
            ErrorKind::TooDeep => MessageId::KindTooDeep,
            ErrorKind::TomlSyntax => MessageId::KindTomlSyntax,
            ErrorKind::UnknownField => MessageId::KindUnknownField,
            ErrorKind::MissingField => MessageId::KindMissingField,
            ErrorKind::InvalidValue => MessageId::KindInvalidValue,
            ErrorKind::UnknownSectionKind => MessageId::KindUnknownSectionKind,
            ErrorKind::UnknownLanguage => MessageId::KindUnknownLanguage,
            ErrorKind::MissingDefaultLanguage => MessageId::KindMissingDefaultLanguage,
            ErrorKind::MissingFrontMatter => MessageId::KindMissingFrontMatter,
            ErrorKind::BadFileName => MessageId::KindBadFileName,
            ErrorKind::TranslationMismatch => MessageId::KindTranslationMismatch,
            ErrorKind::Duplicate => MessageId::KindDuplicate,
            ErrorKind::NoReports => MessageId::KindNoReports,
            ErrorKind::Template => MessageId::KindTemplate,
            ErrorKind::Theme => MessageId::KindTheme,
            ErrorKind::OutputNotOurs => MessageId::KindOutputNotOurs,
            ErrorKind::OutputBusy => MessageId::KindOutputBusy,
            ErrorKind::Interrupted => MessageId::KindInterrupted,
            ErrorKind::DiskFull => MessageId::KindDiskFull,
            ErrorKind::OutputMountPoint => MessageId::KindOutputMountPoint,
            ErrorKind::OutputMovedAside => MessageId::KindOutputMovedAside,
            ErrorKind::NotesMarker => MessageId::KindNotesMarker,
            ErrorKind::Pdf => MessageId::KindPdf,
            ErrorKind::Pptx => MessageId::KindPptx,
            ErrorKind::SlideTooFull => MessageId::KindSlideTooFull,
            ErrorKind::BrokenLink => MessageId::KindBrokenLink,
            ErrorKind::MissingAltText => MessageId::KindMissingAltText,
            ErrorKind::MissingPicture => MessageId::KindMissingPicture,
            ErrorKind::UnsupportedPicture => MessageId::KindUnsupportedPicture,
            ErrorKind::Unfinished => MessageId::KindUnfinished,
            ErrorKind::YearExists => MessageId::KindYearExists,
            ErrorKind::Import => MessageId::KindImport,
            ErrorKind::Serve => MessageId::KindServe,
            ErrorKind::UnknownChartKind => MessageId::KindUnknownChartKind,
            ErrorKind::UnknownChart => MessageId::KindUnknownChart,
            ErrorKind::SeriesLength => MessageId::KindSeriesLength,
            ErrorKind::DecimalComma => MessageId::KindDecimalComma,
            ErrorKind::EmptySeries => MessageId::KindEmptySeries,
            ErrorKind::NegativeInStack => MessageId::KindNegativeInStack,
            ErrorKind::ChartDrawing => MessageId::KindChartDrawing,
            ErrorKind::UnknownYear => MessageId::KindUnknownYear,
            ErrorKind::DraftYear => MessageId::KindDraftYear,
            ErrorKind::ArchiveExists => MessageId::KindArchiveExists,
            ErrorKind::ArchivePlace => MessageId::KindArchivePlace,
            ErrorKind::Archive => MessageId::KindArchive,
        }
    }
}

/// One problem found while building, with its file and place.
///
/// Boxed inside, so a `Result<_, SiteError>` stays one pointer wide.
#[derive(Debug, Clone)]
pub struct SiteError {
    inner: Box<Inner>,
}

#[derive(Debug, Clone)]
struct Inner {
    kind: ErrorKind,
    file: Option<String>,
    message: Text,
    help: Option<Text>,
    label: Option<Text>,
    source: Option<FileSource>,
    text: Option<Arc<str>>,
    span: Option<Range<usize>>,
}

impl SiteError {
    /// A problem with `message`, not yet in a file: what the constructors of
    /// [`Catalogued`] start from.
    fn with_message(kind: ErrorKind, message: Text) -> Self {
        SiteError {
            inner: Box::new(Inner {
                kind,
                file: None,
                message,
                help: None,
                label: None,
                source: None,
                text: None,
                span: None,
            }),
        }
    }

    /// The problem placed in a whole file.
    fn in_whole(mut self, file: String) -> Self {
        self.inner.file = Some(file);
        self
    }

    /// The problem placed at a byte range of a file whose text we have.
    fn placed(mut self, file: String, text: &Arc<str>, span: Range<usize>) -> Self {
        let end = span.end.min(text.len());
        let start = span.start.min(end);
        self.inner.source = Some(FileSource {
            name: file.clone(),
            text: Arc::clone(text),
        });
        self.inner.text = Some(Arc::clone(text));
        self.inner.span = Some(start..end);
        self.inner.file = Some(file);
        self
    }

    fn set_help(mut self, help: Text) -> Self {
        self.inner.help = Some(help);
        self
    }

    fn set_label(mut self, label: Text) -> Self {
        self.inner.label = (!label.render(Lang::En).is_empty()).then_some(label);
        self
    }

    /// An I/O failure on a path, keeping the path (a bare `io::Error` loses it):
    /// "could not `action`: why", both in the editor's language.
    pub fn io(path: &Path, action: IoAction, err: &std::io::Error) -> Self {
        SiteError::with_message(ErrorKind::Io, action.failed(err).into())
            .in_whole(path.display().to_string())
    }

    /// The kind of problem.
    pub fn kind(&self) -> ErrorKind {
        self.inner.kind
    }

    /// The file the problem is in, relative to the site root where possible.
    pub fn file(&self) -> Option<&str> {
        self.inner.file.as_deref()
    }

    /// The message without file or snippet, in English (as tools read it).
    pub fn message(&self) -> Cow<'_, str> {
        self.inner.message.render(Lang::En)
    }

    /// The help line, if any, in English.
    pub fn help_text(&self) -> Option<Cow<'_, str>> {
        self.help_in(Lang::En)
    }

    /// The message in `lang`, without file or snippet.
    pub fn message_in(&self, lang: Lang) -> Cow<'_, str> {
        self.inner.message.render(lang)
    }

    /// The help line in `lang`, if any.
    pub fn help_in(&self, lang: Lang) -> Option<Cow<'_, str>> {
        self.inner.help.as_ref().map(|h| h.render(lang))
    }

    /// The message as the catalogue has it (id and arguments), if it is there yet.
    pub fn catalogued(&self) -> Option<&Message> {
        self.inner.message.message()
    }

    /// The help line as the catalogue has it, if there is one and it is there yet.
    pub fn catalogued_help(&self) -> Option<&Message> {
        self.inner.help.as_ref()?.message()
    }

    fn labels_in(&self, lang: Lang) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let span = self.inner.span.clone()?;
        let label = self
            .inner
            .label
            .as_ref()
            .map(|l| l.render(lang).into_owned());
        Some(Box::new(std::iter::once(LabeledSpan::new_with_span(
            label, span,
        ))))
    }

    /// The error to show in `lang`: message, help and label in that language,
    /// for [`fmt::Display`] and miette's report.
    pub fn in_lang(&self, lang: Lang) -> InLang<'_> {
        InLang { error: self, lang }
    }

    /// Line and column (both 1-based, column in characters) where the problem starts.
    pub fn line_col(&self) -> Option<(usize, usize)> {
        let (text, span) = (self.inner.text.as_ref()?, self.inner.span.as_ref()?);
        Some(line_col(text, span.start))
    }
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text[..floor_char_boundary(text, offset)];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

/// A file's text as miette reads it for the snippet frame, with the column in
/// characters like [`line_col`]: miette counts bytes, so on a line with å, ä or ö
/// the frame's `file:line:col` disagreed with the heading's.
#[derive(Debug, Clone)]
struct FileSource {
    name: String,
    text: Arc<str>,
}

impl SourceCode for FileSource {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let inner = self
            .text
            .read_span(span, context_lines_before, context_lines_after)?;
        // miette gives a column only for a span read without lines before it;
        // that is the one its frame heading shows.
        let column = if context_lines_before == 0 {
            line_col(&self.text, span.offset()).1 - 1
        } else {
            inner.column()
        };
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            inner.data(),
            *inner.span(),
            inner.line(),
            column,
            inner.line_count(),
        )))
    }
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

impl fmt::Display for SiteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.in_lang(Lang::En).fmt(f)
    }
}

impl std::error::Error for SiteError {}

/// English, like [`fmt::Display`].
impl Diagnostic for SiteError {
    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.inner
            .help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.inner.source.as_ref().map(|s| s as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        self.labels_in(Lang::En)
    }
}

/// A [`SiteError`] shown in one language ([`SiteError::in_lang`]).
///
/// Its miette report has the snippet and label but no help line: miette
/// writes the word "help" in English, so the caller prints the help itself
/// ([`SiteError::help_in`]) after the frame.
#[derive(Debug, Clone, Copy)]
pub struct InLang<'a> {
    error: &'a SiteError,
    lang: Lang,
}

impl fmt::Display for InLang<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let inner = &self.error.inner;
        let message = inner.message.render(self.lang);
        match (&inner.file, self.error.line_col()) {
            (Some(file), Some((line, col))) => write!(f, "{file}:{line}:{col}: {message}"),
            (Some(file), None) => write!(f, "{file}: {message}"),
            _ => f.write_str(&message),
        }
    }
}

impl std::error::Error for InLang<'_> {}

impl Diagnostic for InLang<'_> {
    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.error.source_code()
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        self.error.labels_in(self.lang)
    }
}

/// Every problem of a failed build: content errors are collected, not stopped at the first.
#[derive(Debug)]
pub struct BuildError {
    /// The problems, in file order.
    pub errors: Vec<SiteError>,
}

impl BuildError {
    /// True if any problem is of the given kind (handy in tests).
    pub fn has(&self, kind: ErrorKind) -> bool {
        self.errors.iter().any(|e| e.kind() == kind)
    }
}

impl From<SiteError> for BuildError {
    fn from(e: SiteError) -> Self {
        BuildError { errors: vec![e] }
    }
}

impl BuildError {
    /// Every value of `results`, or else every distinct problem among them,
    /// in order: a broken template or a full disk fails every file the same
    /// way, and is said once.
    pub(crate) fn collect<T>(
        results: impl IntoIterator<Item = Result<T, SiteError>>,
    ) -> Result<Vec<T>, BuildError> {
        let mut kept = Vec::new();
        let mut errors: Vec<SiteError> = Vec::new();
        for r in results {
            match r {
                Ok(k) => kept.push(k),
                Err(e) => errors.push(e),
            }
        }
        if errors.is_empty() {
            return Ok(kept);
        }
        let mut seen = std::collections::HashSet::new();
        errors.retain(|e| seen.insert(e.to_string()));
        Err(errors.into())
    }
}

impl From<Vec<SiteError>> for BuildError {
    fn from(errors: Vec<SiteError>) -> Self {
        BuildError { errors }
    }
}

impl BuildError {
    /// "the build failed: N problems".
    pub fn summary(&self) -> Message {
        Message::new(MessageId::BuildFailed).count("n", self.errors.len())
    }
}

/// English, like [`BuildError::summary`] in English.
impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.summary().render(Lang::En))
    }
}

impl std::error::Error for BuildError {}

/// What a warning is about, for tools and tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum WarningKind {
    /// A section or value is not translated; the default language is shown instead.
    MissingTranslation,
    /// Markdown contained HTML or a link that was removed for safety.
    UnsafeHtmlRemoved,
    /// A section did not fit on one slide and was continued on more slides at item boundaries.
    SlideSplit,
    /// A single point or paragraph was too long for one slide and was split inside its text.
    SlideItemSplit,
    /// A table was taller than a slide; the deck shows its rows over several
    /// slides, the header row repeated on each (the report page shows it whole).
    SlideTableSplit,
    /// A section has no text (only a title, or only speaker notes).
    EmptySection,
    /// The Swedish source changed after the translation was made (`source_hash` differs).
    OutdatedTranslation,
    /// A translation has no `source_hash`, so nobody can tell whether it is up to date.
    UnverifiedTranslation,
    /// An all-capital word (an abbreviation?) that `content/glossary.toml` does not define.
    UndefinedAbbreviation,
    /// A glossary entry whose expansion or explanation is not confirmed yet.
    UnconfirmedTerm,
    /// The site has no `content/accessibility.toml`, so no accessibility
    /// statement is published (the law requires one of a public body).
    MissingAccessibilityStatement,
    /// The statement says "fully compliant" while summering itself lists known
    /// problems of the pages (untranslated sections, example data).
    AccessibilityStatusContradicted,
    /// A picture file is larger than a web page should load (over 1 MB).
    LargePicture,
}

impl WarningKind {
    /// The kind's title in the catalogue ("Not translated", "Inte översatt").
    pub fn title(self) -> MessageId {
        match self {
            WarningKind::MissingTranslation => MessageId::WarningKindMissingTranslation,
            WarningKind::UnsafeHtmlRemoved => MessageId::WarningKindUnsafeHtmlRemoved,
            WarningKind::SlideSplit => MessageId::WarningKindSlideSplit,
            WarningKind::SlideItemSplit => MessageId::WarningKindSlideItemSplit,
            WarningKind::SlideTableSplit => MessageId::WarningKindSlideTableSplit,
            WarningKind::EmptySection => MessageId::WarningKindEmptySection,
            WarningKind::OutdatedTranslation => MessageId::WarningKindOutdatedTranslation,
            WarningKind::UnverifiedTranslation => MessageId::WarningKindUnverifiedTranslation,
            WarningKind::UndefinedAbbreviation => MessageId::WarningKindUndefinedAbbreviation,
            WarningKind::UnconfirmedTerm => MessageId::WarningKindUnconfirmedTerm,
            WarningKind::MissingAccessibilityStatement => {
                MessageId::WarningKindMissingAccessibilityStatement
            }
            WarningKind::AccessibilityStatusContradicted => {
                MessageId::WarningKindAccessibilityStatusContradicted
            }
            WarningKind::LargePicture => MessageId::WarningKindLargePicture,
        }
    }
}

/// A problem that does not stop the build but that the editor should see.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Warning {
    /// What the warning is about.
    pub kind: WarningKind,
    /// The file concerned, relative to the site root.
    pub file: String,
    /// What happened and what to do, in plain words.
    pub message: Text,
}

impl Warning {
    /// "file: message" in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        format!("{}: {}", self.file, self.message.render(lang))
    }
}

/// English, like [`Warning::render`] in English.
impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::{Catalogued, ErrorKind, SiteError, line_col};
    use crate::lang::Lang;
    use crate::messages::MessageId;

    #[test]
    fn line_and_column_are_one_based_and_count_characters() {
        let text = "ab\nåäö x";
        assert_eq!(line_col(text, 0), (1, 1));
        assert_eq!(line_col(text, 3), (2, 1));
        let x = text.find('x').unwrap();
        assert_eq!(line_col(text, x), (2, 5));
    }

    #[test]
    fn display_names_file_line_and_column() {
        let text: Arc<str> = Arc::from("a = 1\nb = ?\n");
        let e = SiteError::at(
            ErrorKind::TomlSyntax,
            "content/site.toml",
            &text,
            10..11,
            MessageId::FrameHere,
        );
        assert_eq!(e.to_string(), "content/site.toml:2:5: here");
        assert_eq!(
            e.in_lang(Lang::Sv).to_string(),
            "content/site.toml:2:5: här"
        );
        assert_eq!(e.line_col(), Some((2, 5)));
    }
}
