//! Stopping a build from another thread: the binary's Ctrl-C / SIGTERM handler.
//!
//! The library never installs signal handlers; the binary does and holds a
//! [`Cancel`] for the build. [`Cancel::cancel`] asks the build to stop: it writes
//! no further file, refuses to swap, removes its staging folder and returns
//! [`crate::ErrorKind::Interrupted`]. If the build is busy elsewhere (loading, or
//! rendering a long page) the handler can call [`Cancel::clean_up`] and exit:
//! that removes the staging folder at once, waiting only for files being written
//! at that moment. Either way the output folder is left as it was, unless the
//! swap had already happened, which [`Cancel::clean_up`] reports.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, PoisonError, RwLock, RwLockReadGuard, RwLockWriteGuard};

/// A handle to stop a build and remove what it staged (cheap to clone; all
/// clones are the same handle).
#[derive(Debug, Clone, Default)]
pub struct Cancel {
    inner: Arc<Inner>,
}

#[derive(Debug, Default)]
struct Inner {
    cancelled: AtomicBool,
    swapped: AtomicBool,
    /// The staging folders of the build. Writers hold it shared while they write
    /// a file; the swap and [`Cancel::clean_up`] hold it alone, so neither can
    /// happen in the middle of the other.
    staged: RwLock<Vec<PathBuf>>,
}

/// What [`Cancel::clean_up`] found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CleanedUp {
    /// The new build was not put in place; its staging folder is removed and the
    /// output folder is as it was.
    OutputUnchanged,
    /// The new build had already been put in place; only the previous build's
    /// remains were removed.
    AlreadyBuilt,
}

impl Cancel {
    /// Asks the build to stop at its next file (and never to swap).
    pub fn cancel(&self) {
        self.inner.cancelled.store(true, Ordering::SeqCst);
    }

    /// True once [`Cancel::cancel`] was called.
    pub fn is_cancelled(&self) -> bool {
        self.inner.cancelled.load(Ordering::SeqCst)
    }

    /// Cancels the build and removes its staging folders now, for a handler
    /// that is about to end the process.
    pub fn clean_up(&self) -> CleanedUp {
        self.cancel();
        // Taken alone: the files being written are finished, and every later
        // write sees the cancel and writes nothing, so the lock can go before
        // the folders do (the build's threads must be free to stop).
        let staged: Vec<PathBuf> = self.write().drain(..).collect();
        for dir in staged {
            super::remove_build(&dir, super::Threads::Alone);
        }
        if self.inner.swapped.load(Ordering::SeqCst) {
            CleanedUp::AlreadyBuilt
        } else {
            CleanedUp::OutputUnchanged
        }
    }

    pub(super) fn read(&self) -> RwLockReadGuard<'_, Vec<PathBuf>> {
        self.inner
            .staged
            .read()
            .unwrap_or_else(PoisonError::into_inner)
    }

    pub(super) fn write(&self) -> RwLockWriteGuard<'_, Vec<PathBuf>> {
        self.inner
            .staged
            .write()
            .unwrap_or_else(PoisonError::into_inner)
    }

    pub(super) fn mark_swapped(&self) {
        self.inner.swapped.store(true, Ordering::SeqCst);
    }
}
