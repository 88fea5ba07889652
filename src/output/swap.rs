//! Putting a finished folder where another one is, so that the name never
//! points at nothing.
//!
//! Used for the output folder (`build`) and for `content/YEAR` (`new`, `import`).
//!
//! - **Linux** (`renameat2` with `RENAME_EXCHANGE`) and **macOS** (`renameatx_np`
//!   with `RENAME_SWAP`): the new folder and the old one trade names in one system
//!   call. A process killed at any moment leaves the name holding either the
//!   complete old folder or the complete new one; the other one sits under the
//!   hidden staging name and the next run removes it.
//! - When nothing is at the name yet (a first build), a plain rename that refuses
//!   to overwrite (`RENAME_NOREPLACE`) puts the new folder there.
//! - **Elsewhere** (Windows, the BSDs), and on a Linux file system that cannot
//!   exchange (the kernel answers `EINVAL`), two renames: the old folder is moved
//!   aside, then the new one into place. Between the two there is a moment with no
//!   folder at the name; a process killed then leaves the previous folder under
//!   the hidden `aside` name (and the next run removes it, as a leftover).

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// Why a swap failed, and what it left behind.
#[derive(Debug)]
pub(crate) enum SwapError {
    /// Nothing was changed: the old folder (if any) is still at the name.
    Unchanged(io::Error),
    /// The two-rename fallback moved the old folder aside, could not move the new
    /// one in, and could not move the old one back: it is now at `aside`.
    MovedAside(io::Error, PathBuf),
}

/// Puts `new` at `target`, replacing what is there. Returns the path that now
/// holds the previous folder (to be removed by the caller), or `None` if there
/// was none. `aside` is only used by the fallback (see the module docs).
pub(crate) fn replace(
    new: &Path,
    target: &Path,
    aside: &Path,
) -> Result<Option<PathBuf>, SwapError> {
    match exchange(new, target) {
        Ok(Exchange::Done) => return Ok(Some(new.to_path_buf())),
        Ok(Exchange::NothingThere) => {
            return place_new(new, target)
                .map(|()| None)
                .map_err(SwapError::Unchanged);
        }
        Ok(Exchange::Unsupported) => {}
        Err(e) => return Err(SwapError::Unchanged(e)),
    }
    if !exists(target) {
        return fs::rename(new, target)
            .map(|()| None)
            .map_err(SwapError::Unchanged);
    }
    let _ = fs::remove_dir_all(aside);
    fs::rename(target, aside).map_err(SwapError::Unchanged)?;
    if let Err(e) = fs::rename(new, target) {
        return match fs::rename(aside, target) {
            Ok(()) => Err(SwapError::Unchanged(e)),
            Err(_) => Err(SwapError::MovedAside(e, aside.to_path_buf())),
        };
    }
    Ok(Some(aside.to_path_buf()))
}

/// Puts `new` at `target` only if nothing is there: an existing `target` is an
/// [`io::ErrorKind::AlreadyExists`] error and stays as it is.
pub(crate) fn place_new(new: &Path, target: &Path) -> io::Result<()> {
    #[cfg(any(target_os = "linux", target_os = "android", target_vendor = "apple"))]
    {
        use rustix::fs::{CWD, RenameFlags, renameat_with};
        match renameat_with(CWD, new, CWD, target, RenameFlags::NOREPLACE) {
            Ok(()) => return Ok(()),
            Err(e) if unsupported(e) => {}
            Err(e) => return Err(e.into()),
        }
    }
    // Check, then rename: a folder made at `target` in between could be
    // replaced if it is empty (POSIX rename replaces an empty folder).
    if exists(target) {
        return Err(io::Error::from(io::ErrorKind::AlreadyExists));
    }
    fs::rename(new, target)
}

enum Exchange {
    Done,
    NothingThere,
    Unsupported,
}

#[cfg(any(target_os = "linux", target_os = "android", target_vendor = "apple"))]
fn exchange(new: &Path, target: &Path) -> io::Result<Exchange> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    match renameat_with(CWD, new, CWD, target, RenameFlags::EXCHANGE) {
        Ok(()) => Ok(Exchange::Done),
        Err(rustix::io::Errno::NOENT) if !exists(target) && exists(new) => {
            Ok(Exchange::NothingThere)
        }
        Err(e) if unsupported(e) => Ok(Exchange::Unsupported),
        Err(e) => Err(e.into()),
    }
}

#[cfg(not(any(target_os = "linux", target_os = "android", target_vendor = "apple")))]
fn exchange(_new: &Path, _target: &Path) -> io::Result<Exchange> {
    Ok(Exchange::Unsupported)
}

/// The kernel or the file system has no such rename (old kernels: `ENOSYS`;
/// file systems without exchange, such as some network ones: `EINVAL`).
#[cfg(any(target_os = "linux", target_os = "android", target_vendor = "apple"))]
fn unsupported(e: rustix::io::Errno) -> bool {
    use rustix::io::Errno;
    e == Errno::INVAL || e == Errno::NOSYS || e == Errno::NOTSUP || e == Errno::OPNOTSUPP
}

/// True if anything (even a dangling link) is at `path`.
fn exists(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folder(path: &Path, text: &str) {
        fs::create_dir_all(path).unwrap();
        fs::write(path.join("f"), text).unwrap();
    }

    fn read(path: &Path) -> String {
        fs::read_to_string(path.join("f")).unwrap()
    }

    #[test]
    fn replaces_and_hands_back_the_old_folder() {
        let dir = tempfile::tempdir().unwrap();
        let (new, target, aside) = (
            dir.path().join("new"),
            dir.path().join("out"),
            dir.path().join("aside"),
        );
        folder(&target, "old");
        folder(&new, "new");
        let old = replace(&new, &target, &aside).unwrap().unwrap();
        assert_eq!(read(&target), "new");
        assert_eq!(read(&old), "old");
    }

    #[test]
    fn a_first_placement_is_a_rename() {
        let dir = tempfile::tempdir().unwrap();
        let (new, target) = (dir.path().join("new"), dir.path().join("out"));
        folder(&new, "new");
        assert!(
            replace(&new, &target, &dir.path().join("a"))
                .unwrap()
                .is_none()
        );
        assert_eq!(read(&target), "new");
        assert!(!new.exists());
    }

    #[test]
    fn place_new_never_replaces() {
        let dir = tempfile::tempdir().unwrap();
        let (new, target) = (dir.path().join("new"), dir.path().join("out"));
        folder(&new, "new");
        fs::create_dir(&target).unwrap();
        let e = place_new(&new, &target).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(read(&new), "new");
        assert!(fs::read_dir(&target).unwrap().next().is_none());
    }
}
