//! Answers one request of the preview server from the in-memory site.
//!
//! Kept apart from the HTTP library so the rules can be tested directly:
//! only files of the built site are served (the site is in memory, so no path
//! can reach the disk, and `..`, `%2e%2e`, backslashes and absolute paths are
//! refused with 403 before any lookup); folders redirect to their slash form
//! so relative links work; unknown paths get a 404 page; HTML pages get the
//! live-reload script. Requests are first checked by [`guard`].

use std::net::IpAddr;
use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;

use super::guard::{self, Head, Refusal};
use super::state::{Snapshot, State};
use crate::lang::Lang;
use crate::messages::MessageId;
use crate::urlpath::{Refused, request_to_file};

/// Where the server's own endpoints live; no site file can be there (a built
/// site never has a folder starting with `__`).
pub(super) const PREFIX: &str = "/__summering/";

/// How long an open page's request for news may wait before it asks again.
pub(super) const POLL: Duration = Duration::from_secs(25);

const SCRIPT: &str = include_str!("livereload.js");

/// An answer, ready to send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Reply {
    /// HTTP status code.
    pub status: u16,
    /// `Content-Type`.
    pub content_type: &'static str,
    /// The body (a site file's bytes are shared, not copied).
    pub body: Bytes,
    /// `Location` for redirects.
    pub location: Option<String>,
    /// True to send `Allow: GET, HEAD` (with a 405).
    pub allow: bool,
}

impl Reply {
    fn new(status: u16, content_type: &'static str, body: impl Into<Bytes>) -> Reply {
        Reply {
            status,
            content_type,
            body: body.into(),
            location: None,
            allow: false,
        }
    }
}

/// What to do with a request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Answer {
    /// Send this now.
    Now(Reply),
    /// An open page asks for news: answer with [`state_reply`] once the
    /// generation differs from `seen`, or after [`POLL`].
    WaitForChange {
        /// The generation the page knows.
        seen: u64,
    },
}

/// Answers the request `head` from the site in `state`; `bound` is the
/// address the server listens on (see [`guard::check`]).
pub(super) fn answer(head: &Head<'_>, bound: IpAddr, state: &State) -> Answer {
    let (path, query) = head.target.split_once('?').unwrap_or((head.target, ""));
    let endpoint = path.strip_prefix(PREFIX);
    if let Err(refusal) = guard::check(head, bound, endpoint.is_some()) {
        let mut reply = Reply::new(refusal.status(), TEXT, refusal.message());
        if refusal == Refusal::Method {
            reply.allow = true;
        }
        return Answer::Now(reply);
    }
    match endpoint {
        Some(endpoint) => internal(endpoint, query, state),
        None => Answer::Now(site_file(path, state)),
    }
}

fn site_file(path: &str, state: &State) -> Reply {
    let snapshot = state.snapshot();
    let file = match request_to_file(path) {
        Ok(file) => file,
        Err(Refused::Escape) => {
            return Reply::new(
                403,
                TEXT,
                "403 Forbidden: only files of the site are served.\n",
            );
        }
        Err(Refused::Malformed) => {
            return Reply::new(400, TEXT, "400 Bad Request: malformed address.\n");
        }
    };
    if snapshot.files.is_empty()
        && let Some(error) = &snapshot.error
    {
        return Reply::new(
            503,
            HTML,
            with_script(&failed_page(error), snapshot.generation),
        );
    }
    match snapshot.files.get(&file) {
        Some(bytes) => {
            let content_type = content_type(&file);
            if content_type == HTML {
                let page = with_script(&String::from_utf8_lossy(bytes), snapshot.generation);
                Reply::new(200, content_type, page)
            } else {
                Reply::new(200, content_type, Bytes::from_owner(Arc::clone(bytes)))
            }
        }
        None if snapshot.files.contains_key(&format!("{file}/index.html")) => {
            let mut reply = Reply::new(301, TEXT, moved(path));
            reply.location = Some(format!("{path}/"));
            reply
        }
        None => Reply::new(404, HTML, with_script(NOT_FOUND, snapshot.generation)),
    }
}

/// The text of a folder's redirect, in the language of the pages it leads
/// to (`/sv/2021` → Swedish), or in both for a folder of no one language.
/// The reader is whoever opened the address, so the path says the language.
fn moved(path: &str) -> String {
    let first = path.trim_start_matches('/').split('/').next().unwrap_or("");
    let langs = match Lang::from_code(first) {
        Some(lang) => vec![lang],
        None => Lang::ALL.to_vec(),
    };
    langs
        .iter()
        .map(|&lang| format!("{}\n", MessageId::ServeMovedToFolder.text(lang)))
        .collect()
}

fn internal(endpoint: &str, query: &str, state: &State) -> Answer {
    match endpoint {
        "livereload.js" => Answer::Now(Reply::new(200, JS, SCRIPT)),
        "state" => {
            let since = query
                .split('&')
                .find_map(|p| p.strip_prefix("since="))
                .and_then(|v| v.parse::<u64>().ok());
            match since {
                Some(seen) => Answer::WaitForChange { seen },
                None => Answer::Now(state_reply(&state.snapshot())),
            }
        }
        _ => Answer::Now(Reply::new(404, TEXT, "404 Not Found\n")),
    }
}

/// The answer to an open page asking for news: the generation and the error, if any.
pub(super) fn state_reply(snapshot: &Snapshot) -> Reply {
    Reply::new(200, JSON, state_json(snapshot))
}

fn state_json(s: &Snapshot) -> String {
    serde_json::json!({ "generation": s.generation, "error": s.error.as_deref() }).to_string()
}

/// Adds the live-reload script before `</body>`; only the preview server does this.
pub(super) fn with_script(html: &str, generation: u64) -> String {
    let tag =
        format!("<script src=\"{PREFIX}livereload.js\" data-generation=\"{generation}\"></script>");
    match html.rfind("</body>") {
        Some(i) => format!("{}{tag}{}", &html[..i], &html[i..]),
        None => format!("{html}{tag}"),
    }
}

/// Sent with every answer: never cached (a rebuild must show at once), never
/// sniffed into another type, and — for browsers without `Sec-Fetch-*`
/// headers — not loadable by pages of other sites nor shown in their frames.
/// Names are in lower case, as HTTP/2 and hyper's static names want them.
pub(super) const FIXED_HEADERS: [(&str, &str); 4] = [
    ("cache-control", "no-store"),
    ("x-content-type-options", "nosniff"),
    ("cross-origin-resource-policy", "same-origin"),
    ("x-frame-options", "SAMEORIGIN"),
];

const HTML: &str = "text/html; charset=utf-8";
const TEXT: &str = "text/plain; charset=utf-8";
const JS: &str = "text/javascript; charset=utf-8";
const JSON: &str = "application/json";

/// The content type of a site file, by extension.
pub(super) fn content_type(path: &str) -> &'static str {
    let ext = path
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "html" | "htm" => HTML,
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => JS,
        "json" => JSON,
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "ico" => "image/x-icon",
        "pdf" => "application/pdf",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        "txt" => TEXT,
        "xml" => "application/xml",
        "csv" => "text/csv; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// The preview server's own 404 page (a built site has no 404 page of its own).
const NOT_FOUND: &str = "<!DOCTYPE html><html lang=\"sv\"><head><meta charset=\"utf-8\">\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>Sidan finns inte – Page not found</title></head>\
<body><main><h1>Sidan finns inte</h1><p>Adressen finns inte i webbplatsen. <a href=\"/index.html\">Till startsidan</a></p>\
<section lang=\"en\"><h2>Page not found</h2><p>This address is not part of the site. <a href=\"/index.html\">To the start page</a></p></section>\
</main></body></html>";

fn failed_page(error: &str) -> String {
    let escaped = error
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    format!(
        "<!DOCTYPE html><html lang=\"sv\"><head><meta charset=\"utf-8\"><title>Bygget misslyckades – The build failed</title></head>\
<body><main><h1>Bygget misslyckades</h1><p lang=\"en\">The build failed. Fix the problem below and save; this page reloads by itself.</p>\
<pre>{escaped}</pre></main></body></html>"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::OutputFile;
    use crate::serve::state::Files;
    use std::time::Instant;

    const LOOPBACK: IpAddr = IpAddr::V4(std::net::Ipv4Addr::LOCALHOST);

    /// A request as the server's own page sends it.
    fn send(method: &str, target: &str, s: &State) -> Reply {
        let head = Head {
            method,
            target,
            host: Some("127.0.0.1:1111"),
            ..Head::default()
        };
        match answer(&head, LOOPBACK, s) {
            Answer::Now(reply) => reply,
            Answer::WaitForChange { seen } => panic!("waits for a change after {seen}"),
        }
    }

    fn state() -> State {
        let state = State::new(Files::new(), None);
        state.publish(
            vec![
                OutputFile::new(
                    "index.html".into(),
                    b"<html><body>start</body></html>".to_vec(),
                ),
                OutputFile::new(
                    "sv/2021/index.html".into(),
                    b"<html><body>rapport</body></html>".to_vec(),
                ),
                OutputFile::new("assets/style.css".into(), b"body{}".to_vec()),
            ],
            Instant::now(),
        );
        state
    }

    #[test]
    fn serves_files_with_types_and_the_script_in_html_only() {
        let s = state();
        let page = send("GET", "/sv/2021/", &s);
        assert_eq!((page.status, page.content_type), (200, HTML));
        let text = String::from_utf8(page.body.to_vec()).unwrap();
        assert!(text.ends_with("rapport<script src=\"/__summering/livereload.js\" data-generation=\"2\"></script></body></html>"), "{text}");
        let css = send("GET", "/assets/style.css?v=1", &s);
        assert_eq!(
            (css.status, css.content_type, &css.body[..]),
            (200, "text/css; charset=utf-8", &b"body{}"[..])
        );
        assert_eq!(send("GET", "/", &s).status, 200);
    }

    #[test]
    fn folders_redirect_and_unknown_paths_get_404() {
        let s = state();
        let r = send("GET", "/sv/2021", &s);
        assert_eq!((r.status, r.location.as_deref()), (301, Some("/sv/2021/")));
        let sv = MessageId::ServeMovedToFolder.text(Lang::Sv);
        let en = MessageId::ServeMovedToFolder.text(Lang::En);
        assert_eq!(r.body, format!("{sv}\n"));
        assert_eq!(moved("/en/2021"), format!("{en}\n"));
        assert_eq!(moved("/images/2021"), format!("{sv}\n{en}\n"));
        let r = send("GET", "/sv/1999/index.html", &s);
        assert_eq!((r.status, r.content_type), (404, HTML));
        let post = send("POST", "/", &s);
        assert_eq!((post.status, post.allow), (405, true));
        assert_eq!(send("GET", "/__summering/nothing", &s).status, 404);
    }

    #[test]
    fn escapes_are_forbidden() {
        let s = state();
        for target in [
            "/../etc/passwd",
            "/%2e%2e/%2e%2e/etc/passwd",
            "/sv/..%5c..%5cx",
            "//etc/passwd",
        ] {
            assert_eq!(send("GET", target, &s).status, 403, "{target}");
        }
        assert_eq!(send("GET", "http://x/etc/passwd", &s).status, 400);
    }

    #[test]
    fn a_failed_first_build_shows_its_error() {
        let s = State::new(Files::new(), Some("content/site.toml:1:1: <trasig>".into()));
        let r = send("GET", "/", &s);
        assert_eq!(r.status, 503);
        assert!(
            String::from_utf8(r.body.to_vec())
                .unwrap()
                .contains("&lt;trasig&gt;")
        );
        let r = send("GET", "/__summering/state", &s);
        assert_eq!(
            String::from_utf8(r.body.to_vec()).unwrap(),
            r#"{"error":"content/site.toml:1:1: <trasig>","generation":1}"#
        );
    }

    #[test]
    fn a_page_asking_for_news_waits_and_others_are_refused_first() {
        let s = state();
        let head = |host| Head {
            method: "GET",
            target: "/__summering/state?since=2",
            host: Some(host),
            ..Head::default()
        };
        assert_eq!(
            answer(&head("127.0.0.1:1111"), LOOPBACK, &s),
            Answer::WaitForChange { seen: 2 }
        );
        match answer(&head("evil.example:1111"), LOOPBACK, &s) {
            Answer::Now(r) => assert_eq!(r.status, 403),
            other => panic!("{other:?}"),
        }
    }
}
