//! Stage 4: write the site in one atomic swap.
//!
//! The site is written to a temporary folder beside the output folder (page by
//! page as they are rendered, see [`Staging`]) and swapped into place only
//! when every file is written (one system call on Linux and macOS, see
//! [`swap`]), so a failed or killed build never leaves a half-written, emptied
//! or missing `output/`, and files an earlier build made but this one does not
//! are gone.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

use rayon::prelude::*;

use crate::diagnostics::{Catalogued, ErrorKind, IoAction, SiteError};
use crate::messages::MessageId;
pub use cancel::{Cancel, CleanedUp};
use ownership::KEPT;
pub use ownership::MARKER;
use swap::SwapError;

mod cancel;
pub(crate) mod leftovers;
mod lock;
mod ownership;
pub(crate) mod swap;

/// One file of the built site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    /// Path relative to the output folder, with `/` separators.
    pub path: String,
    /// Contents.
    pub bytes: Vec<u8>,
}

impl OutputFile {
    /// A file at `path` (relative, `/`-separated).
    pub fn new(path: String, bytes: Vec<u8>) -> Self {
        debug_assert!(
            !path.starts_with('/') && !path.split('/').any(|p| p == ".." || p.is_empty())
        );
        OutputFile { path, bytes }
    }

    /// True for HTML pages.
    pub fn is_html(&self) -> bool {
        self.path.ends_with(".html")
    }
}

/// Minifies one file if it is an HTML page or a stylesheet; leaves others alone.
pub fn minify_file(f: &mut OutputFile) {
    if f.is_html() {
        f.bytes = minify_html::minify(&f.bytes, &html_cfg());
    } else if f.path.ends_with(".css") {
        f.bytes = minify_css(&f.bytes);
    }
}

fn html_cfg() -> minify_html::Cfg {
    let mut cfg = minify_html::Cfg::new();
    cfg.minify_css = true;
    cfg.minify_js = true;
    cfg.keep_closing_tags = true;
    cfg.keep_html_and_head_opening_tags = true;
    cfg
}

/// Minifies a stylesheet with the same engine, by way of a `<style>` element.
pub(crate) fn minify_css(css: &[u8]) -> Vec<u8> {
    let mut wrapped = b"<style>".to_vec();
    wrapped.extend_from_slice(css);
    wrapped.extend_from_slice(b"</style>");
    let out = minify_html::minify(&wrapped, &html_cfg());
    match (out.strip_prefix(b"<style>"), out.ends_with(b"</style>")) {
        (Some(rest), true) => rest[..rest.len() - b"</style>".len()].to_vec(),
        _ => css.to_vec(),
    }
}

/// A new build being written beside the output folder, file by file as the
/// pages are rendered (so they need not all be held in memory), and put in
/// place by [`Staging::commit`] in one swap. Dropped without a commit, it
/// removes what it wrote and the output folder is untouched.
#[derive(Debug)]
pub struct Staging {
    /// The output folder as the user named it (what messages show).
    out: PathBuf,
    /// The folder that is replaced: `out`, or the target of the link at `out`.
    real: PathBuf,
    tmp: PathBuf,
    old: PathBuf,
    committed: bool,
    /// Folders of the new build made so far: each is created once, not asked
    /// for again before every file in it (two system calls per file).
    folders: Mutex<std::collections::HashSet<PathBuf>>,
    /// The files written so far, for the marker's list.
    written: Mutex<Vec<String>>,
    /// The first write that failed: every later write fails the same way at once,
    /// so a full disk is one message, not one per page.
    failed: Mutex<Option<Failure>>,
    /// Stops the build from another thread; knows the staging folder.
    cancel: Cancel,
    /// Held until the swap is done and the previous build removed (dropped last).
    _lock: lock::OutputLock,
}

/// The folder a build into `out` replaces: `out` itself, or the folder a
/// symbolic link at `out` points to (never the link, which stays as it is).
fn resolve(out: &Path) -> Result<PathBuf, SiteError> {
    match fs::symlink_metadata(out) {
        Ok(meta) if meta.file_type().is_symlink() => fs::canonicalize(out).map_err(|e| {
            let target = fs::read_link(out).unwrap_or_default();
            SiteError::in_file(
                ErrorKind::OutputNotOurs,
                out.display().to_string(),
                MessageId::OutputBadLink
                    .arg("target", target.display())
                    .arg("error", e),
            )
            .with_help(MessageId::OutputBadLinkHelp)
        }),
        _ => Ok(out.to_path_buf()),
    }
}

impl Staging {
    /// Prepares a temporary folder beside `out`, after checking that `out` may be replaced.
    ///
    /// If `out` is a symbolic link to a folder (a web server's folder reached
    /// through a link), the build goes into the link's target: the new build is
    /// staged beside the target and swapped with it, and the link is left as it
    /// is. A link to nothing is refused.
    /// `cancel` stops the build from another thread (see [`Cancel`]).
    pub fn new(out: &Path, cancel: &Cancel) -> Result<Self, SiteError> {
        if cancel.is_cancelled() {
            return Err(interrupted(out));
        }
        let real = resolve(out)?;
        let parent = match real.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        fs::create_dir_all(&parent)
            .map_err(|e| SiteError::io(&parent, IoAction::CreateFolder, &e))?;
        let name = real
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "output".into());
        if is_mount_point(&real, &parent) {
            return Err(mount_point(out));
        }
        let lock = lock::lock(&parent, &name, out)?;
        leftovers::remove(&parent, &name, ownership::is_leftover_build);
        ownership::check_replaceable(out, &real)?;
        let tmp = parent.join(format!(".{name}.new-{}", std::process::id()));
        let old = parent.join(format!(".{name}.old-{}", std::process::id()));
        let _ = fs::remove_dir_all(&tmp);
        let staging = Staging {
            out: out.to_path_buf(),
            real,
            tmp,
            old,
            committed: false,
            folders: Default::default(),
            written: Default::default(),
            failed: Mutex::new(None),
            cancel: cancel.clone(),
            _lock: lock,
        };
        let mut staged = cancel.write();
        if cancel.is_cancelled() {
            return Err(interrupted(out));
        }
        staged.push(staging.tmp.clone());
        drop(staged);
        fs::create_dir_all(&staging.tmp)
            .map_err(|e| SiteError::io(out, IoAction::CreateBuild, &e))?;
        fs::write(staging.tmp.join(MARKER), ownership::staging_marker())
            .map_err(|e| SiteError::io(out, IoAction::CreateBuild, &e))?;
        Ok(staging)
    }

    /// Writes one file of the new build (any thread may call this).
    pub fn write(&self, f: &OutputFile) -> Result<(), SiteError> {
        self.put(&f.path, |path| fs::write(path, &f.bytes))
    }

    /// Puts the file at `from` into the new build as `path` (relative,
    /// `/`-separated): a hard link where the file system allows one, so no byte
    /// is copied, and a copy where it does not (another file system, a Windows
    /// share). For the document cache's entries, which are read-only and never
    /// written in place, so the output's link cannot change them.
    pub fn link(&self, path: &str, from: &Path) -> Result<(), SiteError> {
        self.put(path, |to| {
            fs::hard_link(from, to).or_else(|_| fs::copy(from, to).map(|_| ()))
        })
    }

    /// Puts one file in place with `put` (given its path in the staging folder).
    fn put(&self, path: &str, put: impl FnOnce(&Path) -> io::Result<()>) -> Result<(), SiteError> {
        // Held while the file is written, so a clean-up waits for it.
        let _writing = self.cancel.read();
        if self.cancel.is_cancelled() {
            return Err(interrupted(&self.out));
        }
        if let Some(first) = &*self.failed.lock().unwrap_or_else(PoisonError::into_inner) {
            return Err(first.error());
        }
        self.put_file(path, put).map_err(|(shown, action, e)| {
            let failure = Failure::new(&self.out, &shown, action, &e);
            let error = failure.error();
            self.failed
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .get_or_insert(failure);
            error
        })
    }

    /// Puts one file in place; on failure, the file (as the user names it),
    /// what was being done and the system's error.
    fn put_file(
        &self,
        relative: &str,
        put: impl FnOnce(&Path) -> io::Result<()>,
    ) -> Result<(), (PathBuf, IoAction, io::Error)> {
        let path = self.tmp.join(relative);
        let shown = || self.out.join(relative);
        if let Some(dir) = path.parent() {
            let made = self
                .folders
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .contains(dir);
            if !made {
                fs::create_dir_all(dir).map_err(|e| (shown(), IoAction::CreateFolder, e))?;
                self.folders
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .insert(dir.to_path_buf());
            }
        }
        put(&path).map_err(|e| (shown(), IoAction::WriteFile, e))?;
        self.written
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(relative.to_string());
        Ok(())
    }

    /// Completes the new build (marker, kept files) and swaps it into place.
    pub fn commit(mut self) -> Result<(), SiteError> {
        let mut written =
            std::mem::take(&mut *self.written.lock().unwrap_or_else(PoisonError::into_inner));
        fs::write(self.tmp.join(MARKER), ownership::marker_text(&mut written)).map_err(|e| {
            Failure::new(&self.out, &self.out.join(MARKER), IoAction::WriteFile, &e).error()
        })?;
        for kept in KEPT {
            if self.real.join(kept).is_file() {
                fs::copy(self.real.join(kept), self.tmp.join(kept))
                    .map_err(|e| SiteError::io(&self.out.join(kept), IoAction::KeepFile, &e))?;
            }
        }
        let staged = self.cancel.write();
        if self.cancel.is_cancelled() {
            drop(staged);
            return Err(interrupted(&self.out));
        }
        self.committed = true;
        let swapped = swap::replace(&self.tmp, &self.real, &self.old);
        if swapped.is_ok() {
            self.cancel.mark_swapped();
        }
        drop(staged);
        let result = match swapped {
            Ok(previous) => {
                if let Some(previous) = previous {
                    remove_build(&previous, Threads::Pool);
                }
                Ok(())
            }
            Err(e) => {
                remove_build(&self.tmp, Threads::Pool);
                Err(swap_error(&self.out, e))
            }
        };
        self.cancel.write().retain(|p| p != &self.tmp);
        result
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let mut staged = self.cancel.write();
            remove_build(&self.tmp, Threads::Pool);
            staged.retain(|p| p != &self.tmp);
        }
    }
}

/// True if `real` is a folder on another file system than its parent: a disk or
/// share mounted there, which a rename cannot replace.
#[cfg(unix)]
fn is_mount_point(real: &Path, parent: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (fs::symlink_metadata(real), fs::metadata(parent)) {
        (Ok(a), Ok(b)) => a.is_dir() && a.dev() != b.dev(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn is_mount_point(_real: &Path, _parent: &Path) -> bool {
    false
}

fn mount_point(out: &Path) -> SiteError {
    SiteError::in_file(
        ErrorKind::OutputMountPoint,
        out.display().to_string(),
        MessageId::OutputMountPoint,
    )
    .with_help(MessageId::OutputMountPointHelp.arg("inside", out.join("site").display()))
}

/// A failed write of the new build, kept to be returned again.
#[derive(Debug)]
struct Failure(SiteError);

impl Failure {
    /// What to tell about `e`, met while doing `action` to `shown` in a build into `out`.
    fn new(out: &Path, shown: &Path, action: IoAction, e: &io::Error) -> Self {
        if matches!(
            e.kind(),
            io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded | io::ErrorKind::FileTooLarge
        ) {
            return Failure(
                SiteError::in_file(
                    ErrorKind::DiskFull,
                    out.display().to_string(),
                    MessageId::OutputDiskFull.arg("error", e),
                )
                .with_help(MessageId::OutputDiskFullHelp.arg("out", out.display())),
            );
        }
        Failure(SiteError::io(shown, action, e))
    }

    fn error(&self) -> SiteError {
        self.0.clone()
    }
}

/// The error every step of an interrupted build returns (one message, however
/// many pages were still to be written).
fn interrupted(out: &Path) -> SiteError {
    SiteError::in_file(
        ErrorKind::Interrupted,
        out.display().to_string(),
        MessageId::OutputInterrupted,
    )
    .with_help(MessageId::OutputInterruptedHelp)
}

/// The error for a swap that failed, saying what the output folder holds now.
fn swap_error(out: &Path, e: SwapError) -> SiteError {
    match e {
        // Renaming over a mount point: EBUSY (a bind mount, seen only now), EXDEV.
        SwapError::Unchanged(e)
            if matches!(
                e.kind(),
                io::ErrorKind::ResourceBusy | io::ErrorKind::CrossesDevices
            ) =>
        {
            mount_point(out)
        }
        SwapError::Unchanged(e) => SiteError::io(out, IoAction::PutBuildInPlace, &e),
        SwapError::MovedAside(e, aside) => SiteError::in_file(
            ErrorKind::OutputMovedAside,
            out.display().to_string(),
            MessageId::OutputMovedAside
                .arg("error", e)
                .arg("aside", aside.display()),
        )
        .with_help(
            MessageId::OutputMovedAsideHelp
                .arg("aside", aside.display())
                .arg("out", out.display()),
        ),
    }
}

/// Removes a previous build or a staging folder (best effort: it is no longer
/// the output), its marker last: a process killed halfway leaves a folder that
/// is still provably summering's, so the next build removes the rest.
///
/// [`Threads::Pool`] unlinks on all cores (a build's thousands of files);
/// [`Threads::Alone`] on the calling thread only, for [`Cancel::clean_up`]: the
/// pool's threads are the build's own, busy or stopping, and a signal handler
/// must not wait for them.
fn remove_build(dir: &Path, threads: Threads) {
    remove_entries(dir, MARKER, threads);
    let _ = fs::remove_file(dir.join(MARKER));
    let _ = fs::remove_dir(dir);
}

/// Who removes a build's files: see [`remove_build`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Threads {
    /// The thread pool.
    Pool,
    /// The calling thread alone.
    Alone,
}

/// Removes a folder and everything in it (best effort).
fn remove_tree(dir: &Path, threads: Threads) {
    remove_entries(dir, "", threads);
    // Empty now, unless something could not be removed above.
    if fs::remove_dir(dir).is_err() {
        let _ = fs::remove_dir_all(dir);
    }
}

/// Removes what is in `dir` but `keep`. With [`Threads::Pool`] a build's
/// thousands of files are unlinked by all cores, subfolders in parallel, since
/// each unlink is a system call and one thread would do them all in turn.
fn remove_entries(dir: &Path, keep: &str, threads: Threads) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let entries: Vec<fs::DirEntry> = entries
        .filter_map(Result::ok)
        .filter(|e| e.file_name() != keep)
        .collect();
    let remove = |entry: &fs::DirEntry| match entry.file_type() {
        Ok(t) if t.is_dir() => remove_tree(&entry.path(), threads),
        _ => {
            let _ = fs::remove_file(entry.path());
        }
    };
    match threads {
        Threads::Pool => entries.par_iter().for_each(remove),
        Threads::Alone => entries.iter().for_each(remove),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A whole build through [`Staging`], as `crate::build` does it.
    fn write_site(out: &Path, files: &[OutputFile]) -> Result<(), SiteError> {
        let staging = Staging::new(out, &Cancel::default())?;
        files.iter().try_for_each(|f| staging.write(f))?;
        staging.commit()
    }

    fn file(path: &str, text: &str) -> OutputFile {
        OutputFile::new(path.into(), text.as_bytes().to_vec())
    }

    #[test]
    fn replaces_old_files_and_keeps_the_placeholder() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("output");
        fs::create_dir_all(&out).unwrap();
        fs::write(out.join(".gitkeep"), "").unwrap();
        write_site(&out, &[file("a/index.html", "1"), file("old.html", "x")]).unwrap();
        write_site(&out, &[file("a/index.html", "2")]).unwrap();
        assert_eq!(fs::read_to_string(out.join("a/index.html")).unwrap(), "2");
        assert!(!out.join("old.html").exists());
        assert!(out.join(".gitkeep").exists());
        let leftovers: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(
            leftovers.len(),
            1,
            "temporary folders left behind: {leftovers:?}"
        );
    }

    /// Folders beside `out`'s, but `out` itself.
    fn beside(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n != "output")
            .collect();
        names.sort();
        names
    }

    #[test]
    fn a_cancelled_build_writes_nothing_more_and_is_not_swapped() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("output");
        write_site(&out, &[file("index.html", "old")]).unwrap();
        let cancel = Cancel::default();
        let staging = Staging::new(&out, &cancel).unwrap();
        staging.write(&file("index.html", "new")).unwrap();
        cancel.cancel();
        let e = staging.write(&file("a.html", "new")).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Interrupted);
        assert_eq!(staging.commit().unwrap_err().kind(), ErrorKind::Interrupted);
        assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "old");
        assert_eq!(beside(dir.path()), Vec::<String>::new());
    }

    #[test]
    fn a_clean_up_removes_the_staging_folder_and_says_what_happened() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("output");
        write_site(&out, &[file("index.html", "old")]).unwrap();
        let cancel = Cancel::default();
        let staging = Staging::new(&out, &cancel).unwrap();
        staging.write(&file("index.html", "new")).unwrap();
        assert_eq!(beside(dir.path()).len(), 2, "staging folder and lock");
        assert_eq!(cancel.clean_up(), CleanedUp::OutputUnchanged);
        assert_eq!(beside(dir.path()), [".output.lock"]);
        assert!(staging.commit().is_err());
        assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "old");

        let cancel = Cancel::default();
        let staging = Staging::new(&out, &cancel).unwrap();
        staging.write(&file("index.html", "new")).unwrap();
        staging.commit().unwrap();
        assert_eq!(cancel.clean_up(), CleanedUp::AlreadyBuilt);
        assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "new");
    }

    #[test]
    fn a_clean_up_while_every_pool_thread_is_writing_ends_and_stops_them() {
        use std::sync::atomic::{AtomicUsize, Ordering};
        use std::sync::mpsc;
        use std::time::Duration;

        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("output");
        let cancel = Cancel::default();
        let staging = std::sync::Arc::new(Staging::new(&out, &cancel).unwrap());
        let written = std::sync::Arc::new(AtomicUsize::new(0));
        // Every thread of the pool writes until a write is refused, as a
        // build's workers do: a clean-up that needs the pool waits forever.
        let writers = {
            let (staging, written) = (staging.clone(), written.clone());
            std::thread::spawn(move || {
                rayon::broadcast(|ctx| {
                    for n in 0.. {
                        let name = format!("t{}/p{n}.html", ctx.index());
                        if staging.write(&file(&name, "x")).is_err() {
                            break;
                        }
                        written.fetch_add(1, Ordering::SeqCst);
                    }
                })
            })
        };
        while written.load(Ordering::SeqCst) < 100 {
            std::thread::yield_now();
        }
        let (done, cleaned) = mpsc::channel();
        let handler = cancel.clone();
        std::thread::spawn(move || done.send(handler.clean_up()));
        let what = cleaned.recv_timeout(Duration::from_secs(30));
        assert_eq!(what, Ok(CleanedUp::OutputUnchanged), "the clean-up hung");
        writers.join().unwrap();
        assert!(!out.exists());
        assert_eq!(beside(dir.path()), [".output.lock"]);
    }

    #[test]
    fn a_full_disk_is_told_about_the_output_folder_not_each_file() {
        let out = Path::new("site/output");
        let full = io::Error::from(io::ErrorKind::StorageFull);
        let a = Failure::new(out, &out.join("sv/index.html"), IoAction::WriteFile, &full).error();
        let b = Failure::new(out, &out.join("en/index.html"), IoAction::WriteFile, &full).error();
        assert_eq!(a.kind(), ErrorKind::DiskFull);
        assert_eq!(a.file(), Some("site/output"));
        assert_eq!(
            a.to_string(),
            b.to_string(),
            "one message for the whole build"
        );
        let denied = io::Error::from(io::ErrorKind::PermissionDenied);
        let c = Failure::new(
            out,
            &out.join("sv/index.html"),
            IoAction::WriteFile,
            &denied,
        )
        .error();
        assert_eq!(c.kind(), ErrorKind::Io);
        assert_eq!(c.file(), Some("site/output/sv/index.html"));
    }

    #[test]
    fn refuses_a_folder_it_did_not_write() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("thesis.docx"), "precious").unwrap();
        let e = write_site(dir.path(), &[file("index.html", "x")]).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::OutputNotOurs);
        assert_eq!(
            fs::read_to_string(dir.path().join("thesis.docx")).unwrap(),
            "precious"
        );
    }

    #[test]
    fn minifies_html_and_css() {
        let mut files = [
            file(
                "index.html",
                "<!DOCTYPE html>\n<html lang=\"sv\">\n<head><title>x</title></head>\n<body>\n  <p>  hej  </p>\n</body>\n</html>\n",
            ),
            file("assets/style.css", "body {\n  color: red;\n}\n"),
        ];
        files.iter_mut().for_each(minify_file);
        let html = String::from_utf8(files[0].bytes.clone()).unwrap();
        assert!(
            html.starts_with("<!doctype html><html lang=sv><head>"),
            "{html}"
        );
        assert!(html.contains("</p></body></html>"), "{html}");
        assert_eq!(
            String::from_utf8(files[1].bytes.clone()).unwrap(),
            "body{color:red}"
        );
    }
}
