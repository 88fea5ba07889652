//! What a document is made from, reduced to a SHA-256: the key of its cache entry.
//!
//! A PDF or PowerPoint deck is a pure function of the report (its texts, sections, charts), the
//! site's configuration (languages, organisation, glossary), the theme's strings,
//! chart theme and fonts, and the program that writes it. All of that goes into
//! the key, so an entry is only found again for the very same inputs:
//!
//! - the model's parts by their `Debug` text, fed to the hasher without building
//!   the string (the model holds no hash maps, so the text is the same every run;
//!   the glossary's look-up map is left out, its terms are in);
//! - theme files that override the built-in ones by their bytes (the built-in
//!   ones are part of the program);
//! - the program by its version and by its executable's size and modification
//!   time, so a rebuilt binary of the same version does not reuse another's output.

use std::fmt::Write as _;

use sha2::{Digest, Sha256};

use crate::lang::Lang;
use crate::model::{Report, Site};
use crate::render::Theme;

/// A cache key: 32 bytes of SHA-256.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) struct Key(pub(crate) [u8; 32]);

impl Key {
    /// The key in hex, as a file name.
    pub(crate) fn hex(&self) -> String {
        self.0.iter().fold(String::with_capacity(64), |mut s, b| {
            let _ = write!(s, "{b:02x}");
            s
        })
    }
}

/// Which of a report's documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Kind {
    /// The report as a PDF.
    Report,
    /// The deck as a PDF.
    Slides,
    /// The deck as a PowerPoint file.
    Pptx,
}

impl Kind {
    /// Every document of a report in one language, in the order they are handed on.
    pub(crate) const ALL: [Kind; 3] = [Kind::Report, Kind::Slides, Kind::Pptx];

    /// Whether it is made from the slide plan.
    pub(crate) fn is_deck(self) -> bool {
        self != Kind::Report
    }

    /// Where it goes in the site.
    pub(crate) fn path(self, report: &Report, lang: Lang) -> String {
        match self {
            Kind::Report => crate::pdf::report_path(report, lang),
            Kind::Slides => crate::pdf::slides_path(report, lang),
            Kind::Pptx => crate::pptx::deck_path(report, lang),
        }
    }

    /// The file name extension of its cache entry (what it is).
    pub(crate) fn extension(self) -> &'static str {
        match self {
            Kind::Report | Kind::Slides => "pdf",
            Kind::Pptx => "pptx",
        }
    }

    /// The cache's folder for its entries.
    pub(crate) fn folder(self) -> &'static str {
        match self {
            Kind::Report | Kind::Slides => "pdf",
            Kind::Pptx => "pptx",
        }
    }
}

/// Feeds formatted text straight into the hasher.
struct Feed<'h>(&'h mut Sha256);

impl std::fmt::Write for Feed<'_> {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        self.0.update(s.as_bytes());
        Ok(())
    }
}

fn debug(hasher: &mut Sha256, value: &impl std::fmt::Debug) {
    let _ = write!(Feed(hasher), "{value:?}");
    // A separator, so that two values cannot run into each other.
    hasher.update([0xff]);
}

/// Everything every document of the site depends on, apart from its report.
pub(crate) fn site(site: &Site, theme: &Theme) -> Key {
    let mut h = Sha256::new();
    h.update(b"summering document cache 2\0");
    h.update(env!("CARGO_PKG_VERSION").as_bytes());
    h.update([0]);
    if let Some(meta) = std::env::current_exe()
        .ok()
        .and_then(|p| std::fs::metadata(p).ok())
    {
        debug(&mut h, &(meta.len(), meta.modified().ok()));
    }
    debug(&mut h, &site.languages);
    debug(&mut h, &site.theme);
    debug(&mut h, &site.name);
    debug(&mut h, &site.organisation);
    debug(&mut h, &site.description);
    debug(&mut h, &site.glossary.terms());
    debug(&mut h, &site.glossary.file);
    debug(&mut h, &site.deck);
    // The logo and the contact line change the cover slides' type sizes, the
    // brand colours the PDFs' colours.
    if let Some(logo) = &site.logo {
        h.update(logo.format.extension().as_bytes());
        h.update((logo.bytes.len() as u64).to_le_bytes());
        h.update(&logo.bytes);
    }
    // The PowerPoint template gives the decks their masters, layouts and slide size.
    if let Some(t) = &site.pptx_template {
        debug(&mut h, &(&t.slide_size, &t.first_master_id, &t.layouts));
        for p in &t.parts {
            h.update(p.name.as_bytes());
            h.update([0]);
            h.update(p.content_type.as_bytes());
            h.update([0]);
            h.update((p.bytes.len() as u64).to_le_bytes());
            h.update(&p.bytes);
        }
    }
    debug(&mut h, &site.contact);
    let brand = (
        site.brand.accent.as_ref().map(|c| c.rgb),
        site.brand.accent_strong(),
        site.brand.on_accent.as_ref().map(|c| c.rgb),
    );
    debug(&mut h, &brand);
    debug(&mut h, &theme.strings);
    debug(&mut h, &theme.charts);
    for (path, file) in &theme.files {
        // Built-in files are part of the program, already in the key.
        if !file.display.ends_with("(built in)") {
            h.update(path.as_bytes());
            h.update([0]);
            h.update((file.bytes.len() as u64).to_le_bytes());
            h.update(&file.bytes);
        }
    }
    Key(h.finalize().into())
}

/// The site's key with one report's content.
pub(crate) fn report(site: Key, report: &Report) -> Key {
    let mut h = Sha256::new();
    h.update(site.0);
    debug(&mut h, report);
    Key(h.finalize().into())
}

/// The key of one document of a report (from [`report`]) in one language.
pub(crate) fn document(report: Key, lang: Lang, kind: Kind) -> Key {
    let mut h = Sha256::new();
    h.update(report.0);
    h.update(lang.code().as_bytes());
    h.update([0]);
    h.update(match kind {
        Kind::Report => b"report".as_slice(),
        Kind::Slides => b"slides".as_slice(),
        Kind::Pptx => b"pptx".as_slice(),
    });
    Key(h.finalize().into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_differ_by_language_kind_and_report_and_are_hex_file_names() {
        let a = Key([1; 32]);
        let b = Key([2; 32]);
        let keys = [
            document(a, Lang::Sv, Kind::Report),
            document(a, Lang::En, Kind::Report),
            document(a, Lang::Sv, Kind::Slides),
            document(a, Lang::Sv, Kind::Pptx),
            document(b, Lang::Sv, Kind::Report),
        ];
        for (i, x) in keys.iter().enumerate() {
            for y in &keys[i + 1..] {
                assert_ne!(x, y);
            }
        }
        assert_eq!(keys[0], document(a, Lang::Sv, Kind::Report));
        let hex = keys[0].hex();
        assert_eq!(hex.len(), 64);
        assert!(hex.bytes().all(|c| c.is_ascii_hexdigit()));
    }
}
