//! The validated report model: [`Site`] → [`Report`] → [`Section`], built from
//! the raw files with `Site::try_from(raw_site)`.

pub mod accessibility;
mod brand;
pub mod chart;
mod chart_convert;
mod convert;
pub mod fingerprint;
pub mod glossary;
pub mod images;
pub mod markdown;
pub mod placeholder;
mod pptx_template;
mod types;

pub use accessibility::Statement;
pub(crate) use brand::too_little_contrast;
pub use brand::{Brand, BrandColour, Logo, LogoFormat, ThemeColours};
pub use chart::{Chart, ChartKind, Series};
pub use glossary::{Glossary, Term};
pub use images::Picture;
pub use pptx_template::{PptxTemplate, TemplateLayout, TemplatePart};
pub use types::{Date, DeckOptions, Html, Report, Section, SectionKind, SectionText, Site, Year};
