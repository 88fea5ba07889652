//! `summering serve` through the real binary, on 127.0.0.1 with a free port.
//! Every wait is bounded; the server is killed when a test ends.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};
use std::{fs, thread};

use crate::common::{sample_site, summering};

struct Server {
    child: Child,
    client: Client,
    lines: mpsc::Receiver<String>,
}

/// Talks HTTP/1.1 to the server over 127.0.0.1, one connection per request.
#[derive(Clone)]
struct Client {
    addr: String,
}

/// Status, head and body of an answer.
type Answered = (u16, String, String);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    fn start(root: &Path) -> Server {
        let mut child = Command::new(assert_cmd::cargo::cargo_bin("summering"))
            .args(["serve", "--port", "0", "--root"])
            .arg(root)
            .env("NO_COLOR", "1")
            // Its lines are read in English, whatever the machine's locale.
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("LANG")
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, lines) = mpsc::channel();
        thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                let _ = tx.send(line);
            }
        });
        let mut server = Server {
            child,
            client: Client {
                addr: String::new(),
            },
            lines,
        };
        let line = server.wait_for_line("Serving at http://");
        server.client.addr = line
            .split("http://")
            .nth(1)
            .unwrap()
            .split('/')
            .next()
            .unwrap()
            .to_string();
        server
    }

    fn wait_for_line(&self, needle: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(30);
        while let Some(left) = deadline.checked_duration_since(Instant::now()) {
            match self.lines.recv_timeout(left) {
                Ok(line) if line.contains(needle) => return line,
                Ok(_) => {}
                Err(_) => break,
            }
        }
        panic!("the server did not print {needle:?} in time");
    }
}

impl std::ops::Deref for Server {
    type Target = Client;
    fn deref(&self) -> &Client {
        &self.client
    }
}

impl Client {
    /// Sends `target` exactly as given (no client-side normalisation of `..`).
    fn get(&self, target: &str) -> Answered {
        self.request("GET", target, &[])
    }

    /// Sends one request with the server's own `Host` and the extra `headers`.
    fn request(&self, method: &str, target: &str, headers: &[(&str, &str)]) -> Answered {
        let mut raw = format!("{method} {target} HTTP/1.1\r\nHost: {}\r\n", self.addr);
        for (name, value) in headers {
            raw.push_str(&format!("{name}: {value}\r\n"));
        }
        raw.push_str("Connection: close\r\n\r\n");
        self.send_raw(raw.as_bytes())
    }

    /// Sends `raw` as it is and reads the answer until the server closes.
    fn send_raw(&self, raw: &[u8]) -> Answered {
        let mut stream = TcpStream::connect(&self.addr).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(30)))
            .unwrap();
        stream.write_all(raw).unwrap();
        let mut answer = Vec::new();
        stream.read_to_end(&mut answer).unwrap();
        let answer = String::from_utf8_lossy(&answer).to_string();
        let (head, body) = answer.split_once("\r\n\r\n").unwrap_or((&answer, ""));
        let status = head.split_whitespace().nth(1).unwrap().parse().unwrap();
        (status, head.to_string(), body.to_string())
    }

    fn generation(&self) -> u64 {
        let (_, _, body) = self.get("/__summering/state");
        let json: serde_json::Value = serde_json::from_str(&body).unwrap();
        json["generation"].as_u64().unwrap()
    }

    /// Waits (long poll, bounded) for the next build after `since`; returns its state.
    fn next_state(&self, since: u64) -> serde_json::Value {
        let (status, _, body) = self.get(&format!("/__summering/state?since={since}"));
        assert_eq!(status, 200);
        let json: serde_json::Value = serde_json::from_str(&body).unwrap();
        assert_ne!(
            json["generation"].as_u64(),
            Some(since),
            "no rebuild within the poll time"
        );
        json
    }
}

#[test]
fn serves_pages_with_types_and_refuses_every_escape() {
    let site = sample_site();
    let outside = tempfile::tempdir().unwrap();
    fs::write(outside.path().join("secret.txt"), "TOP SECRET").unwrap();
    let server = Server::start(site.path());

    let (status, head, body) = server.get("/sv/2021/index.html");
    assert_eq!(status, 200);
    assert!(
        head.to_lowercase()
            .contains("content-type: text/html; charset=utf-8"),
        "{head}"
    );
    assert!(
        body.contains("<script src=\"/__summering/livereload.js\""),
        "the live-reload script is added when serving"
    );
    assert!(
        head.to_lowercase()
            .contains("x-content-type-options: nosniff")
    );
    let (status, head, _) = server.get("/assets/style.css");
    assert_eq!(status, 200);
    assert!(
        head.to_lowercase().contains("content-type: text/css"),
        "{head}"
    );
    let (status, head, _) = server.get("/sv/2021");
    assert_eq!(status, 301);
    assert!(head.contains("/sv/2021/"), "{head}");
    let (status, _, body) = server.get("/sv/1999/index.html");
    assert_eq!(status, 404);
    assert!(body.contains("Sidan finns inte"));

    let secret = outside.path().join("secret.txt");
    let absolute = secret.display().to_string();
    let attempts = [
        "/../../../../../../etc/passwd".to_string(),
        "/%2e%2e/%2e%2e/%2e%2e/etc/passwd".to_string(),
        "/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd".to_string(),
        "/sv/..%5c..%5c..%5cetc%5cpasswd".to_string(),
        "/sv\\..\\..\\etc\\passwd".to_string(),
        format!("/{absolute}"),
        format!("/{}", absolute.replace('/', "%2f")),
        "//etc/passwd".to_string(),
        "/assets/../../content/site.toml".to_string(),
    ];
    for target in &attempts {
        let (status, _, body) = server.get(target);
        assert!(status == 403 || status == 404, "{target} gave {status}");
        assert!(
            !body.contains("root:") && !body.contains("TOP SECRET") && !body.contains("languages"),
            "{target} leaked"
        );
    }
    // The content folder is not served at all: only built files are.
    assert_eq!(server.get("/content/site.toml").0, 404);
}

#[test]
fn a_theme_file_linking_outside_the_site_is_never_served() {
    let site = sample_site();
    let outside = tempfile::tempdir().unwrap();
    fs::write(outside.path().join("secret.txt"), "TOP SECRET").unwrap();
    let assets = site.path().join("themes/default/assets");
    fs::create_dir_all(&assets).unwrap();
    std::os::unix::fs::symlink(outside.path().join("secret.txt"), assets.join("secret.txt"))
        .unwrap();
    let server = Server::start(site.path());
    let (status, _, body) = server.get("/assets/secret.txt");
    assert_ne!(status, 200);
    assert!(!body.contains("TOP SECRET"));
    let (_, _, state) = server.get("/__summering/state");
    assert!(state.contains("outside the theme folder"), "{state}");
}

#[test]
fn a_saved_change_is_served_and_a_failed_rebuild_keeps_the_last_good_site() {
    let site = sample_site();
    let server = Server::start(site.path());
    let file = site.path().join("content/2021/05-framat.sv.md");
    let (_, _, before) = server.get("/sv/2021/index.html");
    assert!(!before.contains("Helt ny punkt"));

    // Change → rebuild → the open page learns of it (long poll) → the new page is served.
    let generation = server.generation();
    // The server watches from before it prints its address, and the waiter
    // asks for any build after `generation`: the order of the two is free.
    let waiter = {
        let client = server.client.clone();
        thread::spawn(move || client.next_state(generation))
    };
    fs::write(
        &file,
        fs::read_to_string(&file).unwrap() + "- Helt ny punkt\n",
    )
    .unwrap();
    let state = waiter.join().unwrap();
    assert!(state["error"].is_null(), "{state}");
    let (_, _, after) = server.get("/sv/2021/index.html");
    assert!(after.contains("Helt ny punkt"));
    let served = server.wait_for_line("Served the new /sv/2021/index.html");
    assert!(served.contains("ms after the change was saved"), "{served}");

    // A broken file: the error is reported to open pages, the last good site stays.
    let generation = state["generation"].as_u64().unwrap();
    fs::write(
        site.path().join("content/2021/06-trasig.sv.md"),
        "+++\nkind = \"styrka\"\ntitle = \"X\"\n+++\n",
    )
    .unwrap();
    let state = server.next_state(generation);
    assert!(
        state["error"]
            .as_str()
            .unwrap()
            .contains("content/2021/06-trasig.sv.md:2:8"),
        "{state}"
    );
    let (status, _, page) = server.get("/sv/2021/index.html");
    assert_eq!(status, 200);
    assert!(page.contains("Helt ny punkt"));

    // Fixing it clears the error.
    let generation = state["generation"].as_u64().unwrap();
    fs::remove_file(site.path().join("content/2021/06-trasig.sv.md")).unwrap();
    let state = server.next_state(generation);
    assert!(state["error"].is_null(), "{state}");
}

#[test]
fn a_port_in_use_is_a_clear_error() {
    let site = sample_site();
    let server = Server::start(site.path());
    let port = server.addr.rsplit(':').next().unwrap();
    let out = summering()
        .args(["serve", "--port", port, "--root"])
        .arg(site.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("could not listen on 127.0.0.1:"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// What a page of another site, or a name rebound to 127.0.0.1, can make a
/// browser send: each is refused, and no byte of the site goes back.
#[test]
fn requests_other_sites_can_make_are_refused() {
    let site = sample_site();
    let server = Server::start(site.path());
    let port = server.addr.rsplit(':').next().unwrap().to_string();
    let leaks = |body: &str| body.contains("<html") || body.contains("generation");

    // DNS rebinding: the browser sends the attacker's name as Host.
    for host in [
        format!("evil.example:{port}"),
        format!("127.0.0.1.nip.io:{port}"),
        format!("localhost.evil.example:{port}"),
    ] {
        for target in ["/sv/2021/index.html", "/__summering/state"] {
            let raw = format!("GET {target} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n");
            let (status, _, body) = server.send_raw(raw.as_bytes());
            assert_eq!(status, 403, "{host}{target}");
            assert!(!leaks(&body), "{host}{target}: {body}");
        }
    }
    let (status, _, _) = server.send_raw(b"GET / HTTP/1.0\r\n\r\n");
    assert_eq!(status, 400, "a request without Host");
    for host in ["localhost", "127.0.0.1", "[::1]"] {
        let raw = format!("GET / HTTP/1.1\r\nHost: {host}:{port}\r\nConnection: close\r\n\r\n");
        assert_eq!(server.send_raw(raw.as_bytes()).0, 200, "{host}");
    }

    // Another site's page: loading the theme's script or asking for news is
    // refused (webpack-dev-server CVE-2025-30359/30360); a link to the
    // preview still opens it.
    let cross = |mode: &'static str, dest: &'static str| {
        [
            ("Sec-Fetch-Site", "cross-site"),
            ("Sec-Fetch-Mode", mode),
            ("Sec-Fetch-Dest", dest),
        ]
    };
    for (target, headers) in [
        ("/assets/style.css", cross("no-cors", "style")),
        ("/__summering/livereload.js", cross("no-cors", "script")),
        ("/__summering/state", cross("cors", "empty")),
        ("/__summering/state", cross("navigate", "document")),
        ("/sv/2021/index.html", cross("navigate", "iframe")),
    ] {
        let (status, _, body) = server.request("GET", target, &headers);
        assert_eq!(status, 403, "{target} {headers:?}");
        assert!(!leaks(&body), "{target}: {body}");
    }
    let origin = [("Origin", "http://evil.example")];
    let (status, head, _) = server.request("GET", "/__summering/state", &origin);
    assert_eq!(status, 403);
    assert!(
        !head.to_lowercase().contains("access-control-allow"),
        "{head}"
    );
    let (status, _, page) =
        server.request("GET", "/sv/2021/index.html", &cross("navigate", "document"));
    assert_eq!(status, 200);
    assert!(page.contains("<html"));
    let own = format!("http://{}", server.addr);
    let ours = [
        ("Sec-Fetch-Site", "same-origin"),
        ("Sec-Fetch-Mode", "cors"),
        ("Origin", own.as_str()),
    ];
    assert_eq!(server.request("GET", "/__summering/state", &ours).0, 200);

    // Only GET and HEAD; only a path as the target.
    for method in ["POST", "PUT", "DELETE", "OPTIONS", "PATCH"] {
        let (status, head, _) = server.request(method, "/sv/2021/index.html", &[]);
        assert_eq!(status, 405, "{method}");
        assert!(head.to_lowercase().contains("allow: get, head"), "{head}");
    }
    let (status, head, body) = server.request("HEAD", "/sv/2021/index.html", &[]);
    assert_eq!((status, body.as_str()), (200, ""), "{head}");
    let (status, _, body) = server.get(&format!("http://127.0.0.1:{port}/sv/2021/index.html"));
    assert_eq!(status, 400);
    assert!(!leaks(&body));

    // Every answer tells older browsers, too, to keep it from other sites.
    let (_, head, _) = server.get("/assets/style.css");
    let head = head.to_lowercase();
    assert!(
        head.contains("cross-origin-resource-policy: same-origin"),
        "{head}"
    );
    assert!(head.contains("x-frame-options: sameorigin"), "{head}");
}

#[test]
fn an_address_the_network_can_reach_needs_allow_network() {
    let site = sample_site();
    let out = summering()
        .args(["serve", "--bind", "0.0.0.0", "--port", "0", "--root"])
        .arg(site.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("--allow-network"), "{stderr}");
    assert!(out.stdout.is_empty(), "nothing was served");
}

/// Reads what the server sends until it closes; `None` if it still has not
/// after `within` (or resets the connection first, which counts as closing).
fn read_until_closed(stream: &mut TcpStream, within: Duration) -> Option<String> {
    stream.set_read_timeout(Some(within)).unwrap();
    let mut answer = Vec::new();
    match stream.read_to_end(&mut answer) {
        Ok(_) => Some(String::from_utf8_lossy(&answer).to_string()),
        Err(e) if e.kind() == std::io::ErrorKind::ConnectionReset => Some(String::new()),
        Err(_) => None,
    }
}

#[test]
fn oversized_and_stalled_requests_are_cut_off() {
    let site = sample_site();
    let server = Server::start(site.path());

    // A 1 MB header: refused (431) or cut off, never answered with the page.
    let mut stream = TcpStream::connect(&server.addr).unwrap();
    let big = format!(
        "GET /sv/2021/index.html HTTP/1.1\r\nHost: {}\r\nX-Filler: {}\r\n\r\n",
        server.addr,
        "x".repeat(1 << 20)
    );
    let writer = {
        let mut stream = stream.try_clone().unwrap();
        thread::spawn(move || {
            let _ = stream.write_all(big.as_bytes());
        })
    };
    let answer = read_until_closed(&mut stream, Duration::from_secs(30))
        .expect("the server kept reading a 1 MB header");
    assert!(
        answer.is_empty() || answer.starts_with("HTTP/1.1 431"),
        "{answer:.200}"
    );
    writer.join().unwrap();

    // Half a request, and connections that send nothing: all closed after
    // the header time-out (10 s), while other requests are answered.
    let mut half = TcpStream::connect(&server.addr).unwrap();
    write!(half, "GET / HTTP/1.1\r\nHost: {}\r\n", server.addr).unwrap();
    let mut silent = TcpStream::connect(&server.addr).unwrap();
    // And one kept alive after an answered request, then silent.
    let mut kept = TcpStream::connect(&server.addr).unwrap();
    write!(kept, "HEAD / HTTP/1.1\r\nHost: {}\r\n\r\n", server.addr).unwrap();
    assert_eq!(server.get("/sv/2021/index.html").0, 200);
    let silent = thread::spawn(move || read_until_closed(&mut silent, Duration::from_secs(30)));
    let kept = thread::spawn(move || read_until_closed(&mut kept, Duration::from_secs(30)));
    assert!(
        read_until_closed(&mut half, Duration::from_secs(30)).is_some(),
        "a half-sent request held its connection"
    );
    assert!(
        silent.join().unwrap().is_some(),
        "an idle connection was held"
    );
    let kept = kept
        .join()
        .unwrap()
        .expect("a kept-alive idle connection was held");
    assert!(kept.starts_with("HTTP/1.1 200"), "{kept:.200}");
}

#[test]
fn idle_connections_cost_no_threads() {
    let site = sample_site();
    let server = Server::start(site.path());
    let threads = || {
        fs::read_dir(format!("/proc/{}/task", server.child.id()))
            .unwrap()
            .count()
    };
    let before = threads();
    let idle: Vec<TcpStream> = (0..300)
        .map(|_| TcpStream::connect(&server.addr).unwrap())
        .collect();
    // Pages waiting for news of a rebuild, too (long polls).
    let generation = server.generation();
    let waiting: Vec<TcpStream> = (0..50)
        .map(|_| {
            let mut s = TcpStream::connect(&server.addr).unwrap();
            write!(
                s,
                "GET /__summering/state?since={generation} HTTP/1.1\r\nHost: {}\r\n\r\n",
                server.addr
            )
            .unwrap();
            s
        })
        .collect();
    // Answered while all of them are open; by then the server has accepted them.
    let (status, _, page) = server.get("/sv/2021/index.html");
    assert_eq!(status, 200);
    assert!(page.contains("<html"));
    let during = threads();
    assert!(
        during <= before + 2,
        "{before} threads before, {during} with 350 open connections"
    );
    drop((idle, waiting));
}
