//! `summering serve` through the real binary, on 127.0.0.1 with a free port.
//! Every wait is bounded; the server is killed when a test ends.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};
use std::{fs, thread};

use crate::common::sample_site;

struct Server {
    child: Child,
    addr: String,
    lines: mpsc::Receiver<String>,
}

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
            addr: String::new(),
            lines,
        };
        let line = server.wait_for_line("Serving at http://");
        server.addr = line
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

    /// Sends `target` exactly as given (no client-side normalisation of `..`).
    fn get(&self, target: &str) -> (u16, String, String) {
        let mut stream = TcpStream::connect(&self.addr).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(30)))
            .unwrap();
        write!(
            stream,
            "GET {target} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
            self.addr
        )
        .unwrap();
        let mut raw = Vec::new();
        stream.read_to_end(&mut raw).unwrap();
        let raw = String::from_utf8_lossy(&raw).to_string();
        let (head, body) = raw.split_once("\r\n\r\n").unwrap_or((&raw, ""));
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
    let waiter = {
        let addr = server.addr.clone();
        thread::spawn(move || {
            let s = Server {
                child: Command::new("true").spawn().unwrap(),
                addr,
                lines: mpsc::channel().1,
            };
            s.next_state(generation)
        })
    };
    thread::sleep(Duration::from_millis(300));
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
    let out = assert_cmd::Command::cargo_bin("summering")
        .unwrap()
        .args(["serve", "--port", port, "--root"])
        .arg(site.path())
        .env("NO_COLOR", "1")
        .timeout(Duration::from_secs(60))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("could not listen on 127.0.0.1:"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
