//! The validated report model: [`Site`] → [`Report`] → [`Section`], built from
//! the raw files with `Site::try_from(raw_site)`.

mod convert;
pub mod markdown;
mod types;

pub use types::{Date, Html, Report, Section, SectionKind, SectionText, Site, Year};
