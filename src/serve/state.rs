//! What the preview server serves: the last good build, kept in memory, and
//! the error of the last rebuild if it failed.
//!
//! Every change (a new build or a failed one) raises the generation number;
//! open pages wait for it to change (long polling) and then reload or show the
//! error. A waiting page is one task on the server's runtime, woken through a
//! `tokio::sync::watch` channel that the rebuild thread sends on.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use tokio::sync::watch;

use crate::output::OutputFile;

/// The built files by site-relative path.
pub(super) type Files = BTreeMap<String, Arc<[u8]>>;

/// A snapshot for one request.
#[derive(Debug, Clone)]
pub(super) struct Snapshot {
    /// The last good build.
    pub files: Arc<Files>,
    /// Raised by every rebuild, good or failed.
    pub generation: u64,
    /// The error of the last rebuild, if it failed (the files are then the previous build's).
    pub error: Option<Arc<str>>,
}

struct Inner {
    snapshot: Snapshot,
    /// When the change behind the newest build was saved, until a page of it is served.
    change_saved: Option<Instant>,
}

/// Shared between the rebuild thread and the server's tasks.
pub(super) struct State {
    inner: Mutex<Inner>,
    /// The generation, sent after each change of the snapshot.
    generation: watch::Sender<u64>,
}

impl State {
    /// State holding a first build (or, after a failed first build, no files and the error).
    pub(super) fn new(files: Files, error: Option<String>) -> State {
        State {
            inner: Mutex::new(Inner {
                snapshot: Snapshot {
                    files: Arc::new(files),
                    generation: 1,
                    error: error.map(Arc::from),
                },
                change_saved: None,
            }),
            generation: watch::Sender::new(1),
        }
    }

    fn lock(&self) -> MutexGuard<'_, Inner> {
        // A panicking request thread must not take the server down with it.
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The current state.
    pub(super) fn snapshot(&self) -> Snapshot {
        self.lock().snapshot.clone()
    }

    /// True if `files` (the pages, no PDFs) is exactly what is being served (so nothing needs reloading).
    pub(super) fn is_current(&self, files: &[OutputFile]) -> bool {
        let inner = self.lock();
        let served = &inner.snapshot.files;
        inner.snapshot.error.is_none()
            && served.keys().filter(|p| !is_document(p)).count() == files.len()
            && files
                .iter()
                .all(|f| served.get(&f.path).is_some_and(|b| **b == *f.bytes))
    }

    /// Serves a new good build (its pages; the last documents stay until [`State::set_documents`]);
    /// `saved` is when the change behind it was saved.
    pub(super) fn publish(&self, files: Vec<OutputFile>, saved: Instant) {
        let mut files: Files = files
            .into_iter()
            .map(|f| (f.path, Arc::from(f.bytes)))
            .collect();
        let mut inner = self.lock();
        for (path, bytes) in inner.snapshot.files.iter().filter(|(p, _)| is_document(p)) {
            files
                .entry(path.clone())
                .or_insert_with(|| Arc::clone(bytes));
        }
        inner.snapshot = Snapshot {
            files: Arc::new(files),
            generation: inner.snapshot.generation + 1,
            error: None,
        };
        inner.change_saved = Some(saved);
        let generation = inner.snapshot.generation;
        drop(inner);
        self.generation.send_replace(generation);
    }

    /// Serves `pdfs` (the PDFs and PowerPoint decks) instead of the last build's. Made after the pages,
    /// they reload nothing: the generation stays.
    pub(super) fn set_documents(&self, pdfs: Vec<OutputFile>) {
        let mut inner = self.lock();
        let mut files: Files = inner
            .snapshot
            .files
            .iter()
            .filter(|(p, _)| !is_document(p))
            .map(|(p, b)| (p.clone(), Arc::clone(b)))
            .collect();
        files.extend(pdfs.into_iter().map(|f| (f.path, Arc::from(f.bytes))));
        inner.snapshot.files = Arc::new(files);
    }

    /// Keeps serving the last good build and reports `error` to open pages.
    pub(super) fn fail(&self, error: String) {
        let mut inner = self.lock();
        inner.snapshot.generation += 1;
        inner.snapshot.error = Some(Arc::from(error));
        let generation = inner.snapshot.generation;
        drop(inner);
        self.generation.send_replace(generation);
    }

    /// Waits until the generation differs from `seen`, at most `timeout`;
    /// needs a tokio runtime with time enabled.
    pub(super) async fn wait_for_change(&self, seen: u64, timeout: Duration) -> Snapshot {
        let mut generation = self.generation.subscribe();
        // Checks the current value first, so a change just before subscribing is not missed.
        let _ = tokio::time::timeout(timeout, generation.wait_for(|g| *g != seen)).await;
        self.snapshot()
    }

    /// Once per build: the time since its change was saved, when its first page is served.
    pub(super) fn take_change_saved(&self) -> Option<Instant> {
        self.lock().change_saved.take()
    }
}

/// A PDF or PowerPoint deck: made after the pages ([`State::set_documents`]).
fn is_document(path: &str) -> bool {
    path.ends_with(".pdf") || path.ends_with(".pptx")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(path: &str, text: &str) -> OutputFile {
        OutputFile::new(path.into(), text.as_bytes().to_vec())
    }

    #[test]
    fn failed_rebuilds_keep_the_last_good_files() {
        let state = State::new(Files::new(), None);
        state.publish(vec![file("index.html", "ett")], Instant::now());
        assert!(state.is_current(&[file("index.html", "ett")]));
        state.fail("trasig".into());
        let s = state.snapshot();
        assert_eq!((s.generation, s.error.as_deref()), (3, Some("trasig")));
        assert_eq!(&*s.files["index.html"], b"ett");
        assert!(
            !state.is_current(&[file("index.html", "ett")]),
            "a failed state must be cleared by the next good build"
        );
        assert!(state.take_change_saved().is_some());
        assert!(state.take_change_saved().is_none());
    }

    #[test]
    fn pdfs_come_after_the_pages_without_a_reload_and_stay_until_replaced() {
        let state = State::new(Files::new(), None);
        let pages = [file("index.html", "ett")];
        state.publish(pages.to_vec(), Instant::now());
        state.set_documents(vec![file("sv/2021/report.pdf", "%PDF a")]);
        let s = state.snapshot();
        assert_eq!(s.generation, 2, "no reload for the PDFs");
        assert_eq!(&*s.files["sv/2021/report.pdf"], b"%PDF a");
        assert!(state.is_current(&pages), "the pages alone are compared");
        state.publish(vec![file("index.html", "två")], Instant::now());
        assert_eq!(&*state.snapshot().files["sv/2021/report.pdf"], b"%PDF a");
        state.set_documents(Vec::new());
        assert!(!state.snapshot().files.contains_key("sv/2021/report.pdf"));
    }

    #[test]
    fn waiting_returns_on_change_or_timeout() {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_time()
            .build()
            .unwrap();
        let state = Arc::new(State::new(Files::new(), None));
        let timed_out = runtime.block_on(state.wait_for_change(1, Duration::from_millis(10)));
        assert_eq!(timed_out.generation, 1);
        // A change from another thread (the rebuild) wakes the waiting task.
        let (tx, rx) = std::sync::mpsc::channel();
        let waiter = {
            let state = Arc::clone(&state);
            std::thread::spawn(move || {
                runtime.block_on(async {
                    let mut waiting =
                        std::pin::pin!(state.wait_for_change(1, Duration::from_secs(30)));
                    // Polled once, the task is parked on the channel; only then may the change come.
                    let parked = std::future::poll_fn(|cx| {
                        std::task::Poll::Ready(waiting.as_mut().poll(cx).is_pending())
                    })
                    .await;
                    assert!(parked);
                    tx.send(()).unwrap();
                    waiting.await.generation
                })
            })
        };
        rx.recv().unwrap();
        state.fail("x".into());
        assert_eq!(waiter.join().unwrap(), 2);
        // A change made before the wait starts is seen at once.
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_time()
            .build()
            .unwrap();
        let seen_before = runtime.block_on(state.wait_for_change(1, Duration::from_secs(30)));
        assert_eq!(seen_before.generation, 2);
    }
}
