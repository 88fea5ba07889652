//! Watching `content/` and `themes/` and rebuilding after a change.
//!
//! Events are debounced (an editor's save is often several events: write a
//! temporary file, rename it, change its times), so one save gives one
//! rebuild. The debouncer keeps the time of the first event, which is what the
//! "change → page served" measurement starts from.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use notify_debouncer_full::notify::RecommendedWatcher;
use notify_debouncer_full::notify::{EventKind, RecursiveMode};
use notify_debouncer_full::{
    DebounceEventResult, DebouncedEvent, Debouncer, RecommendedCache, new_debouncer,
};

use crate::diagnostics::{Catalogued, ErrorKind, SiteError};
use crate::messages::MessageId;

/// How long the file system must be quiet before a rebuild starts.
pub(super) const DEBOUNCE: Duration = Duration::from_millis(80);

/// A batch of changes.
#[derive(Debug, Clone)]
pub(super) struct Change {
    /// The changed files, relative to the site root.
    pub paths: Vec<String>,
    /// When the first of them was seen.
    pub first_seen: Instant,
}

/// The folders watched: `content/` and, when present, `themes/`.
pub(super) fn folders(root: &Path) -> Vec<PathBuf> {
    ["content", "themes"]
        .iter()
        .map(|f| root.join(f))
        .filter(|p| p.is_dir())
        .collect()
}

/// The site's folders, watched from [`start`] on: a change saved after it
/// returns is seen.
pub(super) struct Watcher {
    root: PathBuf,
    events: mpsc::Receiver<DebounceEventResult>,
    // Dropping the debouncer stops the watching.
    _debouncer: Debouncer<RecommendedWatcher, RecommendedCache>,
}

/// Starts watching the site's folders.
pub(super) fn start(root: &Path) -> Result<Watcher, SiteError> {
    let (tx, events) = mpsc::channel::<DebounceEventResult>();
    let mut debouncer = new_debouncer(DEBOUNCE, None, tx).map_err(|e| watch_error(root, &e))?;
    for folder in folders(root) {
        debouncer
            .watch(&folder, RecursiveMode::Recursive)
            .map_err(|e| watch_error(&folder, &e))?;
    }
    Ok(Watcher {
        root: root.to_path_buf(),
        events,
        _debouncer: debouncer,
    })
}

impl Watcher {
    /// Calls `on_change` for each debounced batch, on this thread, until the
    /// watcher stops.
    pub(super) fn run(self, mut on_change: impl FnMut(Change)) -> Result<(), SiteError> {
        for result in &self.events {
            let Ok(events) = result else { continue };
            if let Some(change) = relevant(&self.root, &events) {
                on_change(change);
            }
        }
        Ok(())
    }
}

fn watch_error(path: &Path, e: &impl std::fmt::Display) -> SiteError {
    SiteError::in_file(
        ErrorKind::Serve,
        path.display().to_string(),
        MessageId::ServeCannotWatch.arg("error", e),
    )
    .with_help(MessageId::ServeCannotWatchHelp)
}

/// The changes worth a rebuild: not mere reads, not editors' temporary files.
fn relevant(root: &Path, events: &[DebouncedEvent]) -> Option<Change> {
    let mut paths = Vec::new();
    let mut first_seen: Option<Instant> = None;
    // The watcher reports absolute paths; show them relative to the site root.
    let absolute_root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let root = absolute_root.as_path();
    for e in events {
        if matches!(e.kind, EventKind::Access(_)) {
            continue;
        }
        for p in e.paths.iter().filter(|p| !is_scratch(p)) {
            let shown = crate::load::display(root, p);
            if !paths.contains(&shown) {
                paths.push(shown);
            }
            first_seen = Some(first_seen.map_or(e.time, |t| t.min(e.time)));
        }
    }
    paths.sort();
    Some(Change {
        paths,
        first_seen: first_seen?,
    })
}

/// Swap, backup and lock files of editors, and hidden files.
fn is_scratch(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    name.starts_with('.')
        || name.starts_with('#')
        || name.ends_with('~')
        || [".swp", ".swx", ".tmp", ".bak"]
            .iter()
            .any(|ext| name.ends_with(ext))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn editor_scratch_files_are_ignored() {
        for p in [
            ".01-a.sv.md.swp",
            "01-a.sv.md~",
            "#01-a.sv.md#",
            ".goutputstream-X1",
            "4913.tmp",
        ] {
            assert!(is_scratch(Path::new(p)), "{p}");
        }
        assert!(!is_scratch(Path::new("content/2021/01-a.sv.md")));
    }
}
