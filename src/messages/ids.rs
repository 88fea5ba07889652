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
    // The title of each warning kind (diagnostics::WarningKind::title).
    WarningKindMissingTranslation = "warning-kind.missing-translation",
    WarningKindUnsafeHtmlRemoved = "warning-kind.unsafe-html-removed",
    WarningKindSlideSplit = "warning-kind.slide-split",
    WarningKindSlideItemSplit = "warning-kind.slide-item-split",
    WarningKindSlideTableSplit = "warning-kind.slide-table-split",
    WarningKindEmptySection = "warning-kind.empty-section",
    WarningKindOutdatedTranslation = "warning-kind.outdated-translation",
    WarningKindUnverifiedTranslation = "warning-kind.unverified-translation",
    WarningKindUndefinedAbbreviation = "warning-kind.undefined-abbreviation",
    WarningKindUnconfirmedTerm = "warning-kind.unconfirmed-term",
    WarningKindMissingAccessibilityStatement = "warning-kind.missing-accessibility-statement",
    WarningKindAccessibilityStatusContradicted = "warning-kind.accessibility-status-contradicted",
    WarningKindLargePicture = "warning-kind.large-picture",
    // How problems are framed.
    FrameError = "frame.error",
    FrameWarning = "frame.warning",
    FrameHelp = "frame.help",
    FrameIo = "frame.io",
    BuildFailed = "build.failed",
    BuildOutputUnchanged = "build.output-unchanged",
    BuildOutputMovedAside = "build.output-moved-aside",
    // Warnings.
    WarnMissingValue = "warn.missing-value",
    WarnNotTranslated = "warn.not-translated",
    WarnUnsafeHtmlRemoved = "warn.unsafe-html-removed",
    WarnEmptySection = "warn.empty-section",
    WarnSlideSplit = "warn.slide-split",
    WarnSlideItemSplit = "warn.slide-item-split",
    WarnSlideTableSplit = "warn.slide-table-split",
    WarnNoAccessibilityStatement = "warn.no-accessibility-statement",
    WarnStatusContradicted = "warn.status-contradicted",
    WarnTermUnconfirmedShown = "warn.term-unconfirmed-shown",
    WarnTermUnconfirmedHidden = "warn.term-unconfirmed-hidden",
    WarnTermUnconfirmedHelp = "warn.term-unconfirmed-help",
    WarnUndefinedAbbreviation = "warn.undefined-abbreviation",
    WarnUndefinedAbbreviationHelp = "warn.undefined-abbreviation-help",
    WarnOutdated = "warn.outdated",
    WarnBadFingerprint = "warn.bad-fingerprint",
    WarnOutdatedHelp = "warn.outdated-help",
    WarnUnverified = "warn.unverified",
    WarnUnverifiedHelp = "warn.unverified-help",
    WarnLargePicture = "warn.large-picture",
    // What the commands print.
    BuildBuilt = "build.built",
    BuildWarnings = "build.warnings",
    ServeListening = "serve.listening",
    ServeAnd = "serve.and",
    ServeVisibleOnNetwork = "serve.visible-on-network",
    ServeBuilt = "serve.built",
    ServeAfterChange = "serve.after-change",
    ServeNoPageChanged = "serve.no-page-changed",
    ServeWarnings = "serve.warnings",
    ServeFailed = "serve.failed",
    ServeStillServing = "serve.still-serving",
    ServeServed = "serve.served",
    ImportStatedYearDiffers = "import.stated-year-differs",
    ImportYearFromTitle = "import.year-from-title",
    ImportNoYear = "import.no-year",
    ImportTitleSlide = "import.title-slide",
    ImportSection = "import.section",
    ImportAsTranslated = "import.as-translated",
    ImportFromTitle = "import.from-title",
    ImportNotRecognised = "import.not-recognised",
    ImportAddToReport = "import.add-to-report",
    ImportClosingSlide = "import.closing-slide",
    ImportUnplaced = "import.unplaced",
    ImportDone = "import.done",
    ImportDoneTranslated = "import.done-translated",
    ImportUnsure = "import.unsure",
    NewCreatedFile = "new.created-file",
    NewCarried = "new.carried",
    NewDone = "new.done",
    ArchiveVerified = "archive.verified",
    ArchiveOk = "archive.ok",
    ArchiveProblem = "archive.problem",
    ArchiveProblems = "archive.problems",
    ArchiveDone = "archive.done",
    CheckTranslations = "check.translations",
    CheckChecked = "check.checked",
    CheckStopped = "check.stopped",
    CheckErrors = "check.errors",
    CheckWarnings = "check.warnings",
    CheckReady = "check.ready",
    CheckNotReady = "check.not-ready",
    CheckSummary = "check.summary",
    CheckByFile = "check.by-file",
    CheckFileLine = "check.file-line",
    CheckNoFile = "check.no-file",
    // Errors of the content.
    ErrorUnfinished = "error.unfinished",
    ErrorUnfinishedLabel = "error.unfinished-label",
    ErrorUnfinishedHelp = "error.unfinished-help",
    // What a failed command did not do.
    NothingCreated = "outcome.nothing-created",
    NothingImported = "outcome.nothing-imported",
    ServeNotStarted = "outcome.serve-not-started",
    NoPackage = "outcome.no-package",
    InterruptedUnchanged = "outcome.interrupted-unchanged",
    InterruptedBuilt = "outcome.interrupted-built",
}
