//! The errors the report and the deck writer share: a character the font
//! lacks, a chart that cannot be drawn into the PDF, a document krilla would
//! not finish. One place, so both documents say the same in both languages.

use crate::diagnostics::{Catalogued, ErrorKind, SiteError};
use crate::messages::MessageId;
use crate::model::Chart;

/// `ch`, in the text of `file`, is not in the theme's font.
pub(crate) fn char_not_in_font(file: String, ch: char) -> SiteError {
    SiteError::in_file(
        ErrorKind::Pdf,
        file,
        MessageId::ErrorPdfCharNotInFont
            .arg("char", format!("{ch:?}"))
            .arg("code", format!("{:04X}", u32::from(ch))),
    )
    .with_help(MessageId::ErrorPdfCharNotInFontHelp)
}

/// `chart` cannot be drawn into the PDF, for `reason`.
pub(crate) fn chart_not_for_pdf(chart: &Chart, reason: String) -> SiteError {
    SiteError::in_file(
        ErrorKind::Pdf,
        &chart.file,
        MessageId::ErrorChartNotForPdf
            .arg("id", &chart.id)
            .arg("reason", reason),
    )
    .with_help(MessageId::ErrorChartNotForPdfHelp)
}

/// The document (`what`: the report's or the deck's message) of `file` in
/// `lang` could not be written, for `reason`: a fault of the writer.
pub(crate) fn not_written(
    what: MessageId,
    file: &str,
    lang: crate::lang::Lang,
    reason: impl std::fmt::Display,
) -> SiteError {
    SiteError::in_file(
        ErrorKind::Pdf,
        file,
        what.arg("lang", lang.code()).arg("reason", reason),
    )
    .with_help(MessageId::ErrorPdfWriterBugHelp)
}
