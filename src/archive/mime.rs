//! Media types of the package's files, for METS `@MIMETYPE` (CSIP68) and the
//! Dublin Core `format`: IANA's names, chosen by file name extension since
//! every file in the package is one summering wrote.

/// The IANA media type of the file at `path`.
pub(super) fn of(path: &str) -> &'static str {
    let ext = path.rsplit_once('.').map_or("", |(_, e)| e);
    match ext.to_ascii_lowercase().as_str() {
        "html" | "htm" => "text/html",
        "css" => "text/css",
        "js" | "mjs" => "text/javascript",
        "pdf" => "application/pdf",
        "xml" => "application/xml",
        "txt" => "text/plain",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "ico" => "image/vnd.microsoft.icon",
        "woff" => "font/woff",
        "woff2" => "font/woff2",
        "ttf" => "font/ttf",
        "otf" => "font/otf",
        "json" => "application/json",
        "pptx" => "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn media_types_by_extension() {
        assert_eq!(super::of("sv/2021/index.html"), "text/html");
        assert_eq!(super::of("sv/2021/report.PDF"), "application/pdf");
        assert_eq!(super::of("assets/slides.js"), "text/javascript");
        assert_eq!(super::of("LICENSE"), "application/octet-stream");
    }
}
