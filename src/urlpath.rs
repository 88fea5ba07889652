//! URL paths inside the site: percent-decoding, safe segments and relative links.
//!
//! Shared by the link checker (which resolves the relative links of built pages)
//! and the preview server (which must never serve anything outside the site).

/// Decodes `%XX` escapes; `None` if an escape is malformed (`%` not followed by
/// two hex digits) or the result is not UTF-8. The percent-encoding crate
/// passes a malformed escape through as text, as browsers do; a request with
/// one is refused here instead, since no file summering writes has one.
fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let well_formed = s.match_indices('%').all(|(i, _)| {
        bytes
            .get(i + 1..i + 3)
            .is_some_and(|hex| hex.iter().all(u8::is_ascii_hexdigit))
    });
    if !well_formed {
        return None;
    }
    percent_encoding::percent_decode_str(s)
        .decode_utf8()
        .ok()
        .map(std::borrow::Cow::into_owned)
}

/// Why a path was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    /// `..`, `.`, a backslash, a drive letter or a NUL: an attempt to leave the site.
    Escape,
    /// A malformed `%` escape or bytes that are not UTF-8.
    Malformed,
}

/// Turns the path of a request (`/sv/2021/`, query already removed) into a
/// site-relative file path (`sv/2021/index.html`). Segments are checked after
/// decoding, so `%2e%2e` and `..%2f` are refused like `..`.
pub fn request_to_file(path: &str) -> Result<String, Refused> {
    let rest = path.strip_prefix('/').ok_or(Refused::Escape)?;
    let decoded = percent_decode(rest).ok_or(Refused::Malformed)?;
    if decoded.starts_with('/') {
        return Err(Refused::Escape);
    }
    let mut parts = Vec::new();
    for segment in decoded.split('/') {
        let bad = segment == ".."
            || segment == "."
            || segment.contains(['\\', '\0', ':'])
            || segment.chars().any(char::is_control);
        if bad {
            return Err(Refused::Escape);
        }
        parts.push(segment);
    }
    let last_empty = parts.last().is_some_and(|p| p.is_empty());
    parts.retain(|p| !p.is_empty());
    let mut file = parts.join("/");
    if last_empty || file.is_empty() {
        if !file.is_empty() {
            file.push('/');
        }
        file.push_str("index.html");
    }
    Ok(file)
}

/// A link found in a page, split up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Link {
    /// Has a scheme (`https:`, `mailto:`) or starts with `//`: not checked.
    External,
    /// Starts with `/`: breaks when the site is opened from a file share.
    RootAbsolute,
    /// Climbs above the site root with `../`.
    OutsideSite,
    /// A file of the site (path relative to the site root) and an optional `#fragment`.
    Internal {
        /// The file, `sv/2021/index.html`; for a bare `#x` the page itself.
        path: String,
        /// The fragment without `#`, decoded.
        fragment: Option<String>,
    },
}

/// Resolves `href` as written on the page at `page` (a site-relative path).
pub fn resolve(page: &str, href: &str) -> Link {
    let href = href.trim();
    let has_scheme = href.split_once(':').is_some_and(|(s, _)| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || "+.-".contains(c))
    });
    if has_scheme || href.starts_with("//") {
        return Link::External;
    }
    if href.starts_with('/') {
        return Link::RootAbsolute;
    }
    let (before_fragment, fragment) = match href.split_once('#') {
        Some((p, f)) => (p, Some(percent_decode(f).unwrap_or_else(|| f.to_string()))),
        None => (href, None),
    };
    let path = before_fragment.split('?').next().unwrap_or("");
    let path = percent_decode(path).unwrap_or_else(|| path.to_string());
    if path.is_empty() {
        return Link::Internal {
            path: page.to_string(),
            fragment,
        };
    }
    let mut parts: Vec<&str> = page.split('/').collect();
    parts.pop();
    for segment in path.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                if parts.pop().is_none() {
                    return Link::OutsideSite;
                }
            }
            s => parts.push(s),
        }
    }
    // A folder link keeps its slash (`sv/2020/`): the link checker tells the
    // editor to name the page, since folders do not open from a file share.
    let mut resolved = parts.join("/");
    if path.ends_with('/')
        || path.ends_with("/.")
        || path.ends_with("/..")
        || path == "."
        || path == ".."
    {
        resolved.push('/');
    }
    Link::Internal {
        path: resolved,
        fragment,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requests_map_to_files() {
        assert_eq!(request_to_file("/"), Ok("index.html".into()));
        assert_eq!(
            request_to_file("/sv/2021/"),
            Ok("sv/2021/index.html".into())
        );
        assert_eq!(
            request_to_file("/assets/style.css"),
            Ok("assets/style.css".into())
        );
        assert_eq!(request_to_file("/sv/2021"), Ok("sv/2021".into()));
        assert_eq!(request_to_file("/%C3%B6k.html"), Ok("ök.html".into()));
    }

    #[test]
    fn escapes_are_refused() {
        for bad in [
            "/../etc/passwd",
            "/%2e%2e/etc/passwd",
            "/sv/%2E%2E/%2e%2e/x",
            "/..%2f..%2fetc",
            "/a\\..\\b",
            "/%5c..%5cb",
            "//etc/passwd",
            "/%2fetc/passwd",
            "/C:/x",
            "/a/./b",
            "etc/passwd",
            "/a%00b",
        ] {
            assert_eq!(request_to_file(bad), Err(Refused::Escape), "{bad}");
        }
        assert_eq!(request_to_file("/%zz"), Err(Refused::Malformed));
        assert_eq!(request_to_file("/%ff"), Err(Refused::Malformed));
        // `u8::from_str_radix` read "+f" as 15: a sign is not a hex digit.
        assert_eq!(request_to_file("/%+f"), Err(Refused::Malformed));
        assert_eq!(request_to_file("/a%2"), Err(Refused::Malformed));
    }

    #[test]
    fn relative_links_resolve_against_the_page() {
        let page = "sv/2021/index.html";
        let internal = |p: &str, f: Option<&str>| Link::Internal {
            path: p.into(),
            fragment: f.map(String::from),
        };
        assert_eq!(
            resolve(page, "../../assets/style.css"),
            internal("assets/style.css", None)
        );
        assert_eq!(resolve(page, "#framat"), internal(page, Some("framat")));
        assert_eq!(
            resolve(page, "../index.html?x=1#a%20b"),
            internal("sv/index.html", Some("a b"))
        );
        assert_eq!(resolve(page, "../2020/"), internal("sv/2020/", None));
        assert_eq!(
            resolve(page, "a%+f.html"),
            internal("sv/2021/a%+f.html", None),
            "a malformed escape is kept as written"
        );
        assert_eq!(resolve(page, "../../"), internal("/", None));
        assert_eq!(resolve(page, "../../../x.html"), Link::OutsideSite);
        assert_eq!(resolve(page, "/sv/index.html"), Link::RootAbsolute);
        assert_eq!(resolve(page, "https://example.org/"), Link::External);
        assert_eq!(resolve(page, "mailto:a@b.se"), Link::External);
        assert_eq!(
            resolve("index.html", "sv/index.html"),
            internal("sv/index.html", None)
        );
    }
}
