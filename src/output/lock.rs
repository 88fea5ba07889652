//! One build at a time into one output folder.
//!
//! A build holds an exclusive lock (std's `File::try_lock`: `flock` on Unix,
//! `LockFileEx` on Windows) on `.NAME.lock` beside the output folder from before
//! it stages anything until its swap is done and the previous build removed. A
//! second build into the same folder is refused at once with the first one's
//! process id, before it writes anything. The system releases the lock when a
//! process ends, however it ends, so a killed build never blocks the next one.
//!
//! On Unix the lock file is removed when the build ends, so it does not linger
//! beside the output. That is safe because a build that got the lock checks that
//! the name still leads to the file it locked (and tries again if not): a build
//! that opened the file just before it was removed cannot hold a lock nobody
//! else can see.

use std::fs::{self, File, OpenOptions};
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};

use crate::diagnostics::{Catalogued, ErrorKind, IoAction, SiteError};
use crate::messages::{Message, MessageId};

/// The held lock; released (and on Unix its file removed) when dropped.
#[derive(Debug)]
pub(super) struct OutputLock {
    file: File,
    path: PathBuf,
}

/// Takes the lock for the output folder `real` (named `shown` in messages).
pub(super) fn lock(parent: &Path, name: &str, shown: &Path) -> Result<OutputLock, SiteError> {
    let path = parent.join(format!(".{name}.lock"));
    let io = |e: std::io::Error| SiteError::io(shown, IoAction::LockOutput, &e);
    loop {
        let mut file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .map_err(io)?;
        match file.try_lock() {
            Ok(()) => {}
            Err(fs::TryLockError::WouldBlock) => {
                let mut pid = String::new();
                let _ = file.read_to_string(&mut pid);
                let message = match pid.trim().parse::<u32>() {
                    Ok(pid) => MessageId::OutputBusyProcess.arg("pid", pid),
                    Err(_) => Message::new(MessageId::OutputBusy),
                };
                return Err(SiteError::in_file(
                    ErrorKind::OutputBusy,
                    shown.display().to_string(),
                    message,
                )
                .with_help(MessageId::OutputBusyHelp));
            }
            Err(fs::TryLockError::Error(e)) => return Err(io(e)),
        }
        if !still_named(&file, &path) {
            continue;
        }
        file.set_len(0).map_err(io)?;
        file.rewind().map_err(io)?;
        write!(file, "{}", std::process::id()).map_err(io)?;
        return Ok(OutputLock { file, path });
    }
}

/// True if `path` still leads to the locked `file` (on Unix another build may
/// have removed the lock file between our open and our lock).
#[cfg(unix)]
fn still_named(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), fs::metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn still_named(_file: &File, _path: &Path) -> bool {
    true
}

impl Drop for OutputLock {
    fn drop(&mut self) {
        // Removed while still held, so no one can lock the old file meanwhile
        // and think it is the lock (see the module docs).
        #[cfg(unix)]
        let _ = fs::remove_file(&self.path);
        let _ = self.file.unlock();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_lock_is_refused_until_the_first_is_gone() {
        let dir = tempfile::tempdir().unwrap();
        let shown = dir.path().join("output");
        let first = lock(dir.path(), "output", &shown).unwrap();
        let e = lock(dir.path(), "output", &shown).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::OutputBusy);
        assert!(
            e.to_string().contains(&std::process::id().to_string()),
            "{e}"
        );
        // Another output folder beside it is not held up.
        drop(lock(dir.path(), "other", &dir.path().join("other")).unwrap());
        drop(first);
        drop(lock(dir.path(), "output", &shown).unwrap());
        #[cfg(unix)]
        assert!(
            fs::read_dir(dir.path()).unwrap().next().is_none(),
            "lock file left"
        );
    }
}
