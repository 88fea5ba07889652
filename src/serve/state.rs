//! What the preview server serves: the last good build, kept in memory, and
//! the error of the last rebuild if it failed.
//!
//! Every change (a new build or a failed one) raises the generation number;
//! open pages wait for it to change (long polling) and then reload or show the
//! error.

use std::collections::BTreeMap;
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use crate::output::OutputFile;

/// The built files by site-relative path.
pub type Files = BTreeMap<String, Arc<[u8]>>;

/// A snapshot for one request.
#[derive(Debug, Clone)]
pub struct Snapshot {
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

/// Shared between the rebuild thread and the request threads.
pub struct State {
    inner: Mutex<Inner>,
    changed: Condvar,
}

impl State {
    /// State holding a first build (or, after a failed first build, no files and the error).
    pub fn new(files: Files, error: Option<String>) -> State {
        State {
            inner: Mutex::new(Inner {
                snapshot: Snapshot {
                    files: Arc::new(files),
                    generation: 1,
                    error: error.map(Arc::from),
                },
                change_saved: None,
            }),
            changed: Condvar::new(),
        }
    }

    fn lock(&self) -> MutexGuard<'_, Inner> {
        // A panicking request thread must not take the server down with it.
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The current state.
    pub fn snapshot(&self) -> Snapshot {
        self.lock().snapshot.clone()
    }

    /// True if `files` is exactly what is being served (so nothing needs reloading).
    pub fn is_current(&self, files: &[OutputFile]) -> bool {
        let inner = self.lock();
        let served = &inner.snapshot.files;
        inner.snapshot.error.is_none()
            && served.len() == files.len()
            && files
                .iter()
                .all(|f| served.get(&f.path).is_some_and(|b| **b == *f.bytes))
    }

    /// Serves a new good build; `saved` is when the change behind it was saved.
    pub fn publish(&self, files: Vec<OutputFile>, saved: Instant) {
        let files: Files = files
            .into_iter()
            .map(|f| (f.path, Arc::from(f.bytes)))
            .collect();
        let mut inner = self.lock();
        inner.snapshot = Snapshot {
            files: Arc::new(files),
            generation: inner.snapshot.generation + 1,
            error: None,
        };
        inner.change_saved = Some(saved);
        drop(inner);
        self.changed.notify_all();
    }

    /// Keeps serving the last good build and reports `error` to open pages.
    pub fn fail(&self, error: String) {
        let mut inner = self.lock();
        inner.snapshot.generation += 1;
        inner.snapshot.error = Some(Arc::from(error));
        drop(inner);
        self.changed.notify_all();
    }

    /// Waits until the generation differs from `seen`, at most `timeout`.
    pub fn wait_for_change(&self, seen: u64, timeout: Duration) -> Snapshot {
        let inner = self.lock();
        let (inner, _) = self
            .changed
            .wait_timeout_while(inner, timeout, |i| i.snapshot.generation == seen)
            .unwrap_or_else(|e| e.into_inner());
        inner.snapshot.clone()
    }

    /// Once per build: the time since its change was saved, when its first page is served.
    pub fn take_change_saved(&self) -> Option<Instant> {
        self.lock().change_saved.take()
    }
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
    fn waiting_returns_on_change_or_timeout() {
        let state = Arc::new(State::new(Files::new(), None));
        assert_eq!(
            state
                .wait_for_change(1, Duration::from_millis(10))
                .generation,
            1
        );
        let s2 = Arc::clone(&state);
        let t =
            std::thread::spawn(move || s2.wait_for_change(1, Duration::from_secs(10)).generation);
        std::thread::sleep(Duration::from_millis(20));
        state.fail("x".into());
        assert_eq!(t.join().unwrap(), 2);
    }
}
