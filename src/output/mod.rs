//! Stage 4: write the site in one atomic swap.
//!
//! The site is written to a temporary folder beside the output folder (page by
//! page as they are rendered, see [`Staging`]) and swapped into place only
//! when every file is written (one system call on Linux and macOS, see
//! [`swap`]), so a failed or killed build never leaves a half-written, emptied
//! or missing `output/`, and files an earlier build made but this one does not
//! are gone.

use std::fs;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::diagnostics::{ErrorKind, SiteError};
use swap::SwapError;

pub(crate) mod swap;

/// Name of the marker file that says a folder was written by summering
/// (and may therefore be replaced by the next build).
pub const MARKER: &str = ".summering";

/// Files kept from the old output folder across builds (git's placeholder).
const KEPT: &[&str] = &[".gitkeep"];

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
    out: PathBuf,
    tmp: PathBuf,
    old: PathBuf,
    committed: bool,
    /// Folders of the new build made so far: each is created once, not asked
    /// for again before every file in it (two system calls per file).
    folders: std::sync::Mutex<std::collections::HashSet<PathBuf>>,
}

impl Staging {
    /// Prepares a temporary folder beside `out`, after checking that `out` may be replaced.
    pub fn new(out: &Path) -> Result<Self, SiteError> {
        check_replaceable(out)?;
        let parent = match out.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        fs::create_dir_all(&parent).map_err(|e| SiteError::io(&parent, "create the folder", &e))?;
        let name = out
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "output".into());
        let tmp = parent.join(format!(".{name}.new-{}", std::process::id()));
        let old = parent.join(format!(".{name}.old-{}", std::process::id()));
        let _ = fs::remove_dir_all(&tmp);
        let staging = Staging {
            out: out.to_path_buf(),
            tmp,
            old,
            committed: false,
            folders: Default::default(),
        };
        fs::create_dir_all(&staging.tmp)
            .map_err(|e| SiteError::io(&staging.tmp, "create the folder", &e))?;
        Ok(staging)
    }

    /// Writes one file of the new build (any thread may call this).
    pub fn write(&self, f: &OutputFile) -> Result<(), SiteError> {
        let path = self.tmp.join(&f.path);
        let shown = || self.out.join(&f.path);
        if let Some(dir) = path.parent() {
            let made = self
                .folders
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .contains(dir);
            if !made {
                fs::create_dir_all(dir)
                    .map_err(|e| SiteError::io(&shown(), "create the folder", &e))?;
                self.folders
                    .lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner)
                    .insert(dir.to_path_buf());
            }
        }
        fs::write(&path, &f.bytes).map_err(|e| SiteError::io(&shown(), "write the file", &e))
    }

    /// Completes the new build (marker, kept files) and swaps it into place.
    pub fn commit(mut self) -> Result<(), SiteError> {
        let marker = self.tmp.join(MARKER);
        fs::write(
            &marker,
            "This folder is written by `summering build` and replaced by every build.\n",
        )
        .map_err(|e| SiteError::io(&marker, "write the file", &e))?;
        for kept in KEPT {
            if self.out.join(kept).is_file() {
                fs::copy(self.out.join(kept), self.tmp.join(kept))
                    .map_err(|e| SiteError::io(&self.out.join(kept), "keep the file", &e))?;
            }
        }
        self.committed = true;
        match swap::replace(&self.tmp, &self.out, &self.old) {
            Ok(previous) => {
                if let Some(previous) = previous {
                    remove_tree(&previous);
                }
                Ok(())
            }
            Err(e) => {
                let _ = fs::remove_dir_all(&self.tmp);
                Err(swap_error(&self.out, e))
            }
        }
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_dir_all(&self.tmp);
        }
    }
}

/// The error for a swap that failed, saying what the output folder holds now.
fn swap_error(out: &Path, e: SwapError) -> SiteError {
    match e {
        SwapError::Unchanged(e) => SiteError::io(out, "put the new build in place", &e),
        SwapError::MovedAside(e, aside) => SiteError::in_file(
            ErrorKind::OutputMovedAside,
            out.display().to_string(),
            format!(
                "could not put the new build in place ({e}), nor the previous build back: the previous build is in {}",
                aside.display()
            ),
        )
        .with_help(format!(
            "rename {} back to {} (or build again)",
            aside.display(),
            out.display()
        )),
    }
}

/// Removes the previous build (best effort: it is no longer the output). Its
/// thousands of files are unlinked by all cores, subfolders in parallel; on one
/// thread this was a tenth of a 1,000-report build.
fn remove_tree(dir: &Path) {
    if let Ok(entries) = fs::read_dir(dir) {
        let entries: Vec<fs::DirEntry> = entries.filter_map(Result::ok).collect();
        entries
            .par_iter()
            .for_each(|entry| match entry.file_type() {
                Ok(t) if t.is_dir() => remove_tree(&entry.path()),
                _ => {
                    let _ = fs::remove_file(entry.path());
                }
            });
    }
    // Empty now, unless something could not be removed above.
    if fs::remove_dir(dir).is_err() {
        let _ = fs::remove_dir_all(dir);
    }
}

/// Refuses to replace a folder that summering did not write, so a mistyped
/// `--output` never deletes someone's documents.
fn check_replaceable(out: &Path) -> Result<(), SiteError> {
    if !out.exists() {
        return Ok(());
    }
    if !out.is_dir() {
        return Err(SiteError::in_file(
            ErrorKind::OutputNotOurs,
            out.display().to_string(),
            "the output path is a file, not a folder",
        )
        .with_help("choose another --output folder"));
    }
    if out.join(MARKER).is_file() {
        return Ok(());
    }
    let entries = fs::read_dir(out).map_err(|e| SiteError::io(out, "list the folder", &e))?;
    for entry in entries {
        let entry = entry.map_err(|e| SiteError::io(out, "list the folder", &e))?;
        if !KEPT.contains(&entry.file_name().to_string_lossy().as_ref()) {
            return Err(SiteError::in_file(
                ErrorKind::OutputNotOurs,
                out.display().to_string(),
                "the output folder already has files that summering did not write",
            )
            .with_help("summering replaces its output folder at every build; choose an empty or new --output folder, or empty this one yourself"));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A whole build through [`Staging`], as `crate::build` does it.
    fn write_site(out: &Path, files: &[OutputFile]) -> Result<(), SiteError> {
        let staging = Staging::new(out)?;
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
