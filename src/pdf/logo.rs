//! The organisation's logo in the PDFs, as an SVG tree the page writer
//! draws like a chart (krilla-svg draws vectors, and a PNG inside an SVG
//! `<image>` as an image): an SVG logo as itself, a PNG one wrapped in an
//! SVG of its own size. Linked files are never read.

use crate::diagnostics::{Catalogued, ErrorKind, SiteError};
use crate::messages::MessageId;
use crate::model::{Logo, LogoFormat};

/// The logo as a tree for [`crate::pdf`]'s SVG drawing; an error at the
/// `logo` key of `site.toml` if usvg, which read it when the site was loaded,
/// now cannot.
pub(crate) fn drawn(logo: &Logo, options: &usvg::Options<'_>) -> Result<usvg::Tree, SiteError> {
    tree(logo, options).map_err(|e| {
        logo.error(
            ErrorKind::Pdf,
            MessageId::ErrorLogoNotForPdf.arg("reason", e),
        )
        .with_help(MessageId::ErrorLogoNotForPdfHelp)
    })
}

fn tree(logo: &Logo, options: &usvg::Options<'_>) -> Result<usvg::Tree, String> {
    let svg = match logo.format {
        LogoFormat::Svg => logo.bytes.to_vec(),
        LogoFormat::Png => {
            use base64::Engine as _;
            let (w, h) = logo.size;
            let data = base64::engine::general_purpose::STANDARD.encode(&logo.bytes);
            format!(
                r#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="{w}" height="{h}" viewBox="0 0 {w} {h}"><image width="{w}" height="{h}" xlink:href="data:image/png;base64,{data}"/></svg>"#
            )
            .into_bytes()
        }
    };
    usvg::Tree::from_data_nested(&svg, options).map_err(|e| e.to_string())
}
