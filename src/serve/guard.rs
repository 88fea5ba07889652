//! Which requests the preview server refuses before it looks at the site.
//!
//! While `serve` runs, every web page the user opens can make the browser send
//! requests to it, and a name an attacker controls can be made to resolve to
//! 127.0.0.1 (DNS rebinding). The rules below are those of docs/authoring.md
//! ("What the preview refuses"), learnt from the advisories against Vite and
//! webpack-dev-server:
//!
//! - the `Host` must be `localhost`, a loopback address or the address the
//!   server listens on: a rebinding name arrives with its own name as `Host`;
//! - requests a browser marks as coming from another site are refused, except
//!   a top-level navigation (a link the user clicks), which the other site
//!   cannot read; the live-reload endpoint takes only same-origin requests;
//! - an `Origin` other than the server's own is refused;
//! - only `GET` and `HEAD`, only a path as the target (no `http://…` form).
//!
//! Paths are checked afterwards by [`crate::urlpath::request_to_file`].

use std::net::IpAddr;

/// What the rules read of a request, taken from the HTTP library's request.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Head<'a> {
    /// `GET`, `HEAD`, …
    pub method: &'a str,
    /// The request target as sent: `/sv/2021/?x=1`.
    pub target: &'a str,
    /// The `Host` header.
    pub host: Option<&'a str>,
    /// The `Origin` header.
    pub origin: Option<&'a str>,
    /// `Sec-Fetch-Site`: `same-origin`, `same-site`, `cross-site` or `none`.
    pub fetch_site: Option<&'a str>,
    /// `Sec-Fetch-Mode`: `navigate`, `no-cors`, `cors`, …
    pub fetch_mode: Option<&'a str>,
    /// `Sec-Fetch-Dest`: `document`, `iframe`, `script`, …
    pub fetch_dest: Option<&'a str>,
}

/// Why a request was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Refusal {
    /// Not `GET` or `HEAD`.
    Method,
    /// No `Host`, or one that is not a host name.
    MissingHost,
    /// A `Host` that is not this computer: DNS rebinding, or a name the server does not know.
    ForeignHost,
    /// Sent by a page of another site (`Sec-Fetch-Site` or `Origin`).
    CrossSite,
    /// An absolute (`http://host/path`) or other non-path target.
    Target,
}

impl Refusal {
    /// The HTTP status for the refusal.
    pub(super) fn status(self) -> u16 {
        match self {
            Refusal::Method => 405,
            Refusal::MissingHost | Refusal::Target => 400,
            Refusal::ForeignHost | Refusal::CrossSite => 403,
        }
    }

    /// The body of the refusal, for whoever looks at it.
    pub(super) fn message(self) -> &'static str {
        match self {
            Refusal::Method => "405 Method Not Allowed: only GET and HEAD are supported.\n",
            Refusal::MissingHost => "400 Bad Request: the Host header is missing or malformed.\n",
            Refusal::ForeignHost => {
                "403 Forbidden: the preview answers only to localhost, a loopback address or the address it listens on.\n"
            }
            Refusal::CrossSite => {
                "403 Forbidden: the preview does not answer requests made by pages of other sites.\n"
            }
            Refusal::Target => "400 Bad Request: the request target must be a path.\n",
        }
    }
}

/// Checks `head` against the rules; `bound` is the address the server listens
/// on and `internal` says whether the target is one of the server's own
/// endpoints (live reload), which only the server's own pages may call.
pub(super) fn check(head: &Head<'_>, bound: IpAddr, internal: bool) -> Result<(), Refusal> {
    if head.method != "GET" && head.method != "HEAD" {
        return Err(Refusal::Method);
    }
    let host = head.host.ok_or(Refusal::MissingHost)?;
    let name = host_name(host).ok_or(Refusal::MissingHost)?;
    if !is_allowed_host(name, bound) {
        return Err(Refusal::ForeignHost);
    }
    if let Some(origin) = head.origin {
        let own = origin
            .strip_prefix("http://")
            .is_some_and(|o| o.eq_ignore_ascii_case(host));
        if !own {
            return Err(Refusal::CrossSite);
        }
    }
    match head.fetch_site {
        None | Some("same-origin") | Some("none") => {}
        Some(_) if !internal && is_top_level_navigation(head) => {}
        Some(_) => return Err(Refusal::CrossSite),
    }
    if !head.target.starts_with('/') {
        return Err(Refusal::Target);
    }
    Ok(())
}

/// A page the user opens from a link elsewhere: the linking site cannot read it.
/// Frames are not: a page of another site could show the preview inside its own.
fn is_top_level_navigation(head: &Head<'_>) -> bool {
    head.fetch_mode == Some("navigate") && matches!(head.fetch_dest, None | Some("document"))
}

/// The name or address of a `Host` value, without the port: `[::1]:80` → `::1`.
fn host_name(host: &str) -> Option<&str> {
    let (name, port) = match host.strip_prefix('[') {
        Some(rest) => {
            let (name, after) = rest.split_once(']')?;
            (name, after.strip_prefix(':'))
        }
        None => match host.rsplit_once(':') {
            Some((name, port)) => (name, Some(port)),
            None => (host, None),
        },
    };
    if port.is_some_and(|p| p.parse::<u16>().is_err()) || name.is_empty() {
        return None;
    }
    Some(name)
}

/// `localhost`, a loopback address, or the listening address. When the server
/// listens on every address (`0.0.0.0`), any address literal: a rebinding
/// attack needs a name, and an address literal is where the request went.
fn is_allowed_host(name: &str, bound: IpAddr) -> bool {
    if name.eq_ignore_ascii_case("localhost") || name.eq_ignore_ascii_case("localhost.") {
        return true;
    }
    match name.parse::<IpAddr>() {
        Ok(ip) => ip.is_loopback() || ip == bound || bound.is_unspecified(),
        Err(_) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LOOPBACK: IpAddr = IpAddr::V4(std::net::Ipv4Addr::LOCALHOST);

    fn get(host: &str) -> Head<'_> {
        Head {
            method: "GET",
            target: "/",
            host: Some(host),
            ..Head::default()
        }
    }

    #[test]
    fn hosts_of_this_computer_only() {
        for host in [
            "127.0.0.1:1111",
            "127.0.0.1",
            "127.1.2.3:80",
            "localhost:1111",
            "LOCALHOST",
            "[::1]:1111",
        ] {
            assert_eq!(check(&get(host), LOOPBACK, false), Ok(()), "{host}");
        }
        for host in [
            "evil.example:1111",
            "127.0.0.1.nip.io:1111",
            "localhost.evil.example",
            "2130706433",
            "0x7f.1",
            "192.168.1.10:1111",
        ] {
            assert_eq!(
                check(&get(host), LOOPBACK, false),
                Err(Refusal::ForeignHost),
                "{host}"
            );
        }
        for host in ["", ":1111", "127.0.0.1:http", "[::1", "127.0.0.1:99999"] {
            assert_eq!(
                check(&get(host), LOOPBACK, false),
                Err(Refusal::MissingHost),
                "{host}"
            );
        }
        let no_host = Head {
            host: None,
            ..get("")
        };
        assert_eq!(check(&no_host, LOOPBACK, false), Err(Refusal::MissingHost));
    }

    #[test]
    fn the_listening_address_is_a_host_when_asked_for() {
        let lan: IpAddr = "192.168.1.10".parse().unwrap();
        assert_eq!(check(&get("192.168.1.10:1111"), lan, false), Ok(()));
        assert_eq!(
            check(&get("192.168.1.11:1111"), lan, false),
            Err(Refusal::ForeignHost)
        );
        let every: IpAddr = "0.0.0.0".parse().unwrap();
        assert_eq!(check(&get("192.168.1.11:1111"), every, false), Ok(()));
        assert_eq!(
            check(&get("laptop.local:1111"), every, false),
            Err(Refusal::ForeignHost)
        );
    }

    #[test]
    fn other_sites_may_link_but_not_load_or_frame() {
        let from = |site, mode, dest| Head {
            fetch_site: Some(site),
            fetch_mode: Some(mode),
            fetch_dest: Some(dest),
            ..get("127.0.0.1:1111")
        };
        let link = from("cross-site", "navigate", "document");
        assert_eq!(check(&link, LOOPBACK, false), Ok(()));
        assert_eq!(check(&link, LOOPBACK, true), Err(Refusal::CrossSite));
        for head in [
            from("cross-site", "no-cors", "script"),
            from("cross-site", "cors", "empty"),
            from("same-site", "no-cors", "image"),
            from("cross-site", "navigate", "iframe"),
        ] {
            assert_eq!(check(&head, LOOPBACK, false), Err(Refusal::CrossSite));
        }
        let own = from("same-origin", "cors", "empty");
        assert_eq!(check(&own, LOOPBACK, true), Ok(()));
        let typed = from("none", "navigate", "document");
        assert_eq!(check(&typed, LOOPBACK, true), Ok(()));
    }

    #[test]
    fn only_the_servers_own_origin() {
        let with = |origin| Head {
            origin: Some(origin),
            ..get("127.0.0.1:1111")
        };
        assert_eq!(
            check(&with("http://127.0.0.1:1111"), LOOPBACK, true),
            Ok(())
        );
        for origin in [
            "http://127.0.0.1:2222",
            "http://evil.example",
            "null",
            "https://127.0.0.1:1111",
            "http://10.0.0.1:1111",
        ] {
            assert_eq!(
                check(&with(origin), LOOPBACK, true),
                Err(Refusal::CrossSite),
                "{origin}"
            );
        }
    }

    #[test]
    fn methods_and_targets() {
        for method in [
            "POST", "PUT", "DELETE", "OPTIONS", "CONNECT", "TRACE", "get",
        ] {
            let head = Head {
                method,
                ..get("127.0.0.1")
            };
            assert_eq!(check(&head, LOOPBACK, false), Err(Refusal::Method));
        }
        let head = Head {
            method: "HEAD",
            ..get("127.0.0.1")
        };
        assert_eq!(check(&head, LOOPBACK, false), Ok(()));
        for target in ["http://127.0.0.1/etc/passwd", "*", "etc/passwd"] {
            let head = Head {
                target,
                ..get("127.0.0.1")
            };
            assert_eq!(check(&head, LOOPBACK, false), Err(Refusal::Target));
        }
    }
}
