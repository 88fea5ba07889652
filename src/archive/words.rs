//! The package's own words, in each language: the page that says what the
//! package holds and where the rest of the archive is, and the description in
//! the Dublin Core record.
//!
//! Kept here rather than in a theme's `strings/*.toml`: they describe the
//! archival package, whose form is fixed by this tool and its documentation
//! (docs/archive.md), and must not change with a site's theme.

use serde::Serialize;

use crate::lang::Lang;

/// The words of the package's start page in one language.
#[derive(Debug, Clone, Serialize)]
pub(super) struct Words {
    /// Heading: "Arkivpaket".
    pub(super) heading: &'static str,
    /// Before the report title: "Det här paketet innehåller".
    pub(super) holds: &'static str,
    /// "som webbsidor och som PDF/A-filer, utgiven av".
    pub(super) forms: &'static str,
    /// "Innehåll".
    pub(super) contents: &'static str,
    /// Names of the pages, by kind.
    pub(super) report: &'static str,
    /// The slide deck.
    pub(super) deck: &'static str,
    /// The printable handout of the deck.
    pub(super) handout: &'static str,
    /// The accessibility statement.
    pub(super) statement: &'static str,
    /// The report as PDF/A.
    pub(super) report_pdf: &'static str,
    /// The deck as PDF/A.
    pub(super) deck_pdf: &'static str,
    /// Heading: where the rest of the archive is.
    pub(super) elsewhere: &'static str,
    /// The text under it, before the file name pattern.
    pub(super) elsewhere_text: &'static str,
    /// After the file name pattern.
    pub(super) elsewhere_after: &'static str,
    /// Why some links are plain text.
    pub(super) external: &'static str,
    /// Heading: checking the package.
    pub(super) checking: &'static str,
    /// The text under it.
    pub(super) checking_text: &'static str,
    /// What stands for the year in the file name pattern.
    pub(super) year_placeholder: &'static str,
    /// The language's name, heading its part of the page.
    pub(super) language_name: &'static str,
}

/// The words in `lang`.
pub(super) fn words(lang: Lang) -> Words {
    match lang {
        Lang::Sv => Words {
            heading: "Arkivpaket",
            holds: "Det här paketet innehåller",
            forms: "som webbsidor och som PDF/A-filer. Utgivare:",
            contents: "Innehåll",
            report: "Rapporten",
            deck: "Bildspelet",
            handout: "Åhörarkopior",
            statement: "Tillgänglighetsredogörelse",
            report_pdf: "Rapporten som PDF/A",
            deck_pdf: "Bildspelet som PDF/A",
            elsewhere: "Andra år och resten av webbplatsen",
            elsewhere_text: "Varje års rapport arkiveras som ett eget paket med namnet",
            elsewhere_after: "där ÅÅÅÅ är året. Länkar i sidorna till webbplatsens startsida, arkivsida eller andra år leder hit.",
            external: "Länkar till andra webbplatser är gjorda till vanlig text med adressen inom parentes, så att inget i paketet leder ut ur det.",
            checking: "Kontroll",
            checking_text: "METS.xml och manifest-sha256.txt i paketets rotmapp har en SHA-256-kontrollsumma för varje fil. Kontrollera med: sha256sum -c manifest-sha256.txt",
            year_placeholder: "ÅÅÅÅ",
            language_name: "Svenska",
        },
        Lang::En => Words {
            heading: "Archive package",
            holds: "This package holds",
            forms: "as web pages and as PDF/A files. Publisher:",
            contents: "Contents",
            report: "The report",
            deck: "The slide deck",
            handout: "Handout",
            statement: "Accessibility statement",
            report_pdf: "The report as PDF/A",
            deck_pdf: "The slide deck as PDF/A",
            elsewhere: "Other years and the rest of the site",
            elsewhere_text: "Each year's report is archived as a package of its own, named",
            elsewhere_after: "where YYYY is the year. Links in these pages to the site's start page, archive page or other years lead here.",
            external: "Links to other websites are turned into plain text with the address in brackets, so that nothing in the package leads out of it.",
            checking: "Checking",
            checking_text: "METS.xml and manifest-sha256.txt in the package's root folder hold a SHA-256 checksum of every file. Check with: sha256sum -c manifest-sha256.txt",
            year_placeholder: "YYYY",
            language_name: "English",
        },
    }
}

/// One sentence for the Dublin Core description of the report `title` in `lang`.
pub(super) fn description(lang: Lang, title: &str) -> String {
    match lang {
        Lang::Sv => {
            format!("{title} som webbsidor (rapport, bildspel, åhörarkopior) och som PDF/A-filer.")
        }
        Lang::En => {
            format!("{title} as web pages (report, slide deck, handout) and as PDF/A files.")
        }
    }
}
