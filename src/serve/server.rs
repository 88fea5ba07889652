//! The HTTP side of the preview: hyper's HTTP/1 server on a tokio runtime
//! with one thread.
//!
//! Every cost is bounded: a connection is one task (idle or waiting for news
//! of a rebuild alike), at most [`MAX_CONNECTIONS`] are served at once (more
//! wait in the kernel's queue), request headers must arrive within
//! [`HEADER_TIMEOUT`] and fit in [`MAX_HEADER_BYTES`] (hyper answers 431
//! otherwise), and the same time-out closes a kept-alive connection that sends
//! nothing. What is answered is decided by [`super::http::answer`].

use std::convert::Infallible;
use std::net::{IpAddr, TcpListener};
use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use http_body_util::Full;
use hyper::body::Incoming;
use hyper::header::{HeaderName, HeaderValue};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Request, Response, StatusCode};
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::sync::Semaphore;

use super::guard::Head;
use super::http::{self, Answer, Reply};
use super::state::State;

/// Connections served at once. Below the common limit of 1,024 open files,
/// leaving room for the watcher and the files a rebuild reads; an open page
/// holds one connection (two while it loads).
pub(super) const MAX_CONNECTIONS: usize = 768;

/// Time for a request's headers to arrive, and for a kept-alive connection to
/// start its next request.
pub(super) const HEADER_TIMEOUT: Duration = Duration::from_secs(10);

/// Request line and headers together; a browser's are under 2 KB.
pub(super) const MAX_HEADER_BYTES: usize = 16 * 1024;

/// After a failed `accept` (out of file descriptors, say), wait this long
/// before the next, so the loop does not spin.
const ACCEPT_BACKOFF: Duration = Duration::from_millis(50);

/// Serves `listener` on a new thread until the process ends; `on_page` is
/// called with the path of each HTML page answered with 200.
pub(super) fn spawn(
    listener: TcpListener,
    state: Arc<State>,
    on_page: impl Fn(&str) + Send + Sync + 'static,
) -> std::io::Result<()> {
    listener.set_nonblocking(true)?;
    let bound = listener.local_addr()?.ip();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_io()
        .enable_time()
        .build()?;
    let site = Arc::new(Site {
        state,
        bound,
        on_page: Box::new(on_page),
    });
    std::thread::Builder::new()
        .name("serve-http".into())
        .spawn(move || {
            runtime.block_on(async move {
                // Only fails without a reactor, which `enable_io` provides.
                if let Ok(listener) = tokio::net::TcpListener::from_std(listener) {
                    accept(listener, site).await;
                }
            })
        })?;
    Ok(())
}

/// What every connection's task shares.
struct Site {
    state: Arc<State>,
    bound: IpAddr,
    on_page: Box<dyn Fn(&str) + Send + Sync>,
}

async fn accept(listener: tokio::net::TcpListener, site: Arc<Site>) {
    let slots = Arc::new(Semaphore::new(MAX_CONNECTIONS));
    let mut connection = http1::Builder::new();
    connection
        .timer(TokioTimer::new())
        .header_read_timeout(HEADER_TIMEOUT)
        .max_header_size(MAX_HEADER_BYTES);
    let connection = Arc::new(connection);
    loop {
        let Ok(slot) = Arc::clone(&slots).acquire_owned().await else {
            return; // the semaphore is never closed
        };
        let stream = match listener.accept().await {
            Ok((stream, _)) => stream,
            Err(_) => {
                tokio::time::sleep(ACCEPT_BACKOFF).await;
                continue;
            }
        };
        let (site, connection) = (Arc::clone(&site), Arc::clone(&connection));
        tokio::spawn(async move {
            let service = service_fn(|request| respond(request, Arc::clone(&site)));
            // A connection's error (reset, time-out, malformed request) ends only that connection.
            let _ = connection
                .serve_connection(TokioIo::new(stream), service)
                .await;
            drop(slot);
        });
    }
}

async fn respond(
    request: Request<Incoming>,
    site: Arc<Site>,
) -> Result<Response<Full<Bytes>>, Infallible> {
    let target = request.uri().to_string();
    let header = |name: &str| request.headers().get(name).and_then(|v| v.to_str().ok());
    let head = Head {
        method: request.method().as_str(),
        target: &target,
        host: header("host"),
        origin: header("origin"),
        fetch_site: header("sec-fetch-site"),
        fetch_mode: header("sec-fetch-mode"),
        fetch_dest: header("sec-fetch-dest"),
    };
    let reply = match http::answer(&head, site.bound, &site.state) {
        Answer::Now(reply) => reply,
        Answer::WaitForChange { seen } => {
            http::state_reply(&site.state.wait_for_change(seen, http::POLL).await)
        }
    };
    if reply.status == 200 && reply.content_type.starts_with("text/html") {
        (site.on_page)(request.uri().path());
    }
    Ok(response(reply))
}

fn response(reply: Reply) -> Response<Full<Bytes>> {
    let mut response = Response::new(Full::new(reply.body));
    *response.status_mut() =
        StatusCode::from_u16(reply.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let headers = response.headers_mut();
    let mut set = |name: &'static str, value: HeaderValue| {
        headers.insert(HeaderName::from_static(name), value);
    };
    set("content-type", HeaderValue::from_static(reply.content_type));
    for (name, value) in http::FIXED_HEADERS {
        set(name, HeaderValue::from_static(value));
    }
    if reply.allow {
        set("allow", HeaderValue::from_static("GET, HEAD"));
    }
    // A location made from a request path that is not a valid header value is left out.
    if let Some(location) = reply.location.and_then(|l| HeaderValue::try_from(l).ok()) {
        set("location", location);
    }
    response
}
