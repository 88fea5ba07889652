//! The package as one ZIP file that unpacks to a single root folder named
//! after the package (CSIPSTR1–3), made so that the same files always give the
//! same bytes: entries in path order, every timestamp the report's publication
//! date (the ZIP format's earliest, 1980-01-01, for a date it cannot hold),
//! permissions 0644, and no extra fields that carry the time of writing.

use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, System, ZipWriter};

use super::contents::Entry;
use crate::diagnostics::{Catalogued, ErrorKind, SiteError};
use crate::messages::MessageId;
use crate::model::Date;

/// The ZIP of `entries` (sorted by path) under the root folder `package`.
pub(super) fn zip(package: &str, entries: &[Entry], date: Date) -> Result<Vec<u8>, SiteError> {
    let (y, m, d) = date.parts();
    let time = DateTime::from_date_and_time(y, m, d, 0, 0, 0).unwrap_or_default();
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .compression_level(Some(9))
        .last_modified_time(time)
        .unix_permissions(0o644)
        .system(System::Unix)
        .large_file(false);
    let fail = |e: &dyn std::fmt::Display| {
        SiteError::new(ErrorKind::Archive, MessageId::ArchiveZip.arg("error", e))
            .with_help(MessageId::ArchiveFault)
    };
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    for e in entries {
        zip.start_file(format!("{package}/{}", e.path), options)
            .map_err(|e| fail(&e))?;
        zip.write_all(&e.bytes).map_err(|e| fail(&e))?;
    }
    let cursor = zip.finish().map_err(|e| fail(&e))?;
    Ok(cursor.into_inner())
}
