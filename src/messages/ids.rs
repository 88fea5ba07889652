//! Every message id, and the key of its texts in `catalogue.toml`.
//!
//! An id is a value, not a string: a caller cannot name a message the
//! catalogue lacks, and the unit tests in `super` check every id of
//! [`MessageId::ALL`] against the catalogue in both languages.

/// Declares [`MessageId`], its [`MessageId::ALL`] and [`MessageId::key`].
macro_rules! ids {
    ($($name:ident = $key:literal,)*) => {
        /// A message of the catalogue; its texts are in `catalogue.toml` under [`MessageId::key`].
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        #[allow(missing_docs, reason = "each id's text, in catalogue.toml, says what it is")]
        pub enum MessageId {
            $($name,)*
        }

        impl MessageId {
            /// Every id, for the tests that each has both languages.
            pub const ALL: &[MessageId] = &[$(MessageId::$name,)*];

            /// The id's key in `catalogue.toml` (`group.name`).
            pub fn key(self) -> &'static str {
                match self {
                    $(MessageId::$name => $key,)*
                }
            }
        }
    };
}

ids! {
    // The title of each error kind (diagnostics::ErrorKind::title).
    KindIo = "kind.io",
    KindNotAFile = "kind.not-a-file",
    KindTooLarge = "kind.too-large",
    KindTooDeep = "kind.too-deep",
    KindTomlSyntax = "kind.toml-syntax",
    KindUnknownField = "kind.unknown-field",
    KindMissingField = "kind.missing-field",
    KindInvalidValue = "kind.invalid-value",
    KindUnknownSectionKind = "kind.unknown-section-kind",
    KindUnknownLanguage = "kind.unknown-language",
    KindMissingDefaultLanguage = "kind.missing-default-language",
    KindMissingFrontMatter = "kind.missing-front-matter",
    KindBadFileName = "kind.bad-file-name",
    KindTranslationMismatch = "kind.translation-mismatch",
    KindDuplicate = "kind.duplicate",
    KindNoReports = "kind.no-reports",
    KindTemplate = "kind.template",
    KindTheme = "kind.theme",
    KindOutputNotOurs = "kind.output-not-ours",
    KindOutputBusy = "kind.output-busy",
    KindInterrupted = "kind.interrupted",
    KindDiskFull = "kind.disk-full",
    KindOutputMountPoint = "kind.output-mount-point",
    KindOutputMovedAside = "kind.output-moved-aside",
    KindNotesMarker = "kind.notes-marker",
    KindPdf = "kind.pdf",
    KindPptx = "kind.pptx",
    KindSlideTooFull = "kind.slide-too-full",
    KindBrokenLink = "kind.broken-link",
    KindMissingAltText = "kind.missing-alt-text",
    KindMissingPicture = "kind.missing-picture",
    KindUnsupportedPicture = "kind.unsupported-picture",
    KindUnfinished = "kind.unfinished",
    KindYearExists = "kind.year-exists",
    KindImport = "kind.import",
    KindServe = "kind.serve",
    KindUnknownChartKind = "kind.unknown-chart-kind",
    KindUnknownChart = "kind.unknown-chart",
    KindSeriesLength = "kind.series-length",
    KindDecimalComma = "kind.decimal-comma",
    KindEmptySeries = "kind.empty-series",
    KindNegativeInStack = "kind.negative-in-stack",
    KindChartDrawing = "kind.chart-drawing",
    KindUnknownYear = "kind.unknown-year",
    KindDraftYear = "kind.draft-year",
    KindArchiveExists = "kind.archive-exists",
    KindArchivePlace = "kind.archive-place",
    KindArchive = "kind.archive",
    // How problems are framed.
    FrameError = "frame.error",
    FrameWarning = "frame.warning",
    FrameHelp = "frame.help",
    FrameIo = "frame.io",
    BuildFailed = "build.failed",
    BuildOutputUnchanged = "build.output-unchanged",
    BuildOutputMovedAside = "build.output-moved-aside",
    // What a failed command did not do.
    NothingCreated = "outcome.nothing-created",
    NothingImported = "outcome.nothing-imported",
    ServeNotStarted = "outcome.serve-not-started",
    NoPackage = "outcome.no-package",
    InterruptedUnchanged = "outcome.interrupted-unchanged",
    InterruptedBuilt = "outcome.interrupted-built",
}
