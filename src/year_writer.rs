//! Writing a whole new year folder, `content/YEAR/`, in one step.
//!
//! Used by `summering new` and `summering import`. The files are written to a
//! hidden folder beside it first and put in place only when all are written,
//! so an interrupted run never leaves half a year behind. An existing year is
//! never overwritten unless the caller was asked to (`import --force`); then
//! the new folder and the old one trade places in one step (on Linux and macOS,
//! see [`crate::output::swap`]), so `content/YEAR` is never missing, and the old
//! one is removed after. Without `--force` the new folder is put in place by a
//! rename that refuses to overwrite, so a year made meanwhile is never replaced.

use std::fs;
use std::path::{Path, PathBuf};

use crate::diagnostics::{Catalogued, ErrorKind, IoAction, SiteError};
use crate::messages::MessageId;
use crate::output::swap::SwapError;

/// One file of the new year folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewFile {
    /// The file name inside the year folder (`01-styrkor.sv.md`).
    pub name: String,
    /// Its text.
    pub text: String,
}

/// The year folder for `year` under `root`.
pub fn year_dir(root: &Path, year: u16) -> PathBuf {
    root.join("content").join(year.to_string())
}

/// Refuses if `content/YEAR/` exists (unless `force`) or the site has no `content/site.toml`.
pub fn ensure_writable(
    root: &Path,
    year: u16,
    force: bool,
    how_to_force: MessageId,
) -> Result<(), SiteError> {
    let site = root.join("content").join("site.toml");
    if !site.is_file() {
        return Err(SiteError::in_file(
            ErrorKind::Io,
            crate::load::display(root, &site),
            MessageId::YearNoSite,
        )
        .with_help(MessageId::YearNoSiteHelp));
    }
    let dir = year_dir(root, year);
    if dir.exists() && !force {
        return Err(exists_error(root, year, &dir, how_to_force));
    }
    Ok(())
}

fn exists_error(root: &Path, year: u16, dir: &Path, how_to_force: MessageId) -> SiteError {
    SiteError::in_file(
        ErrorKind::YearExists,
        crate::load::display(root, dir),
        MessageId::YearExists.arg("year", year),
    )
    .with_help(how_to_force)
}

/// Writes `files` as `content/YEAR/`, replacing an existing folder only if `force`.
pub fn write_year(
    root: &Path,
    year: u16,
    files: &[NewFile],
    force: bool,
) -> Result<PathBuf, SiteError> {
    ensure_writable(root, year, force, MessageId::YearChooseAnother)?;
    let dir = year_dir(root, year);
    let content = root.join("content");
    let tmp = content.join(format!(".{year}.new-{}", std::process::id()));
    let old = content.join(format!(".{year}.old-{}", std::process::id()));
    crate::output::leftovers::remove(&content, &year.to_string(), is_year_leftover);
    let _ = fs::remove_dir_all(&tmp);
    let written = (|| {
        fs::create_dir_all(&tmp).map_err(|e| SiteError::io(&tmp, IoAction::CreateFolder, &e))?;
        for f in files {
            let path = tmp.join(&f.name);
            fs::write(&path, &f.text)
                .map_err(|e| SiteError::io(&dir.join(&f.name), IoAction::WriteFile, &e))?;
        }
        Ok::<(), SiteError>(())
    })();
    if let Err(e) = written {
        let _ = fs::remove_dir_all(&tmp);
        return Err(e);
    }
    let placed = if force {
        crate::output::swap::replace(&tmp, &dir, &old).map(|previous| {
            if let Some(previous) = previous {
                let _ = fs::remove_dir_all(previous);
            }
        })
    } else {
        crate::output::swap::place_new(&tmp, &dir).map_err(SwapError::Unchanged)
    };
    if let Err(e) = placed {
        let _ = fs::remove_dir_all(&tmp);
        return Err(match e {
            SwapError::Unchanged(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                exists_error(root, year, &dir, MessageId::YearChooseAnother)
            }
            SwapError::Unchanged(e) => SiteError::io(&dir, IoAction::PutYearInPlace, &e),
            SwapError::MovedAside(e, aside) => SiteError::in_file(
                ErrorKind::Io,
                crate::load::display(root, &dir),
                MessageId::YearMovedAside
                    .arg("error", e)
                    .arg("aside", crate::load::display(root, &aside)),
            )
            .with_help(
                MessageId::YearMovedAsideHelp
                    .arg("aside", crate::load::display(root, &aside))
                    .arg("dir", crate::load::display(root, &dir)),
            ),
        });
    }
    Ok(dir)
}

/// A killed run's `.YEAR.new-PID` holds only what [`write_year`] writes: plain
/// files named `*.md` or `*.toml`, no folders or links (see [`crate::output::leftovers`]).
fn is_year_leftover(dir: &Path) -> bool {
    fs::read_dir(dir).is_ok_and(|entries| {
        entries.into_iter().all(|e| {
            e.is_ok_and(|e| {
                let name = e.file_name();
                let name = name.to_string_lossy();
                e.file_type().is_ok_and(|t| t.is_file())
                    && (name.ends_with(".md") || name.ends_with(".toml"))
            })
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir_all(dir.path().join("content")).unwrap();
        fs::write(dir.path().join("content/site.toml"), "").unwrap();
        dir
    }

    fn file(name: &str, text: &str) -> NewFile {
        NewFile {
            name: name.into(),
            text: text.into(),
        }
    }

    #[test]
    fn writes_refuses_and_replaces_only_when_forced() {
        let dir = site();
        write_year(dir.path(), 2022, &[file("a.md", "1")], false).unwrap();
        let e = write_year(dir.path(), 2022, &[file("b.md", "2")], false).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::YearExists);
        assert_eq!(
            fs::read_to_string(dir.path().join("content/2022/a.md")).unwrap(),
            "1"
        );
        write_year(dir.path(), 2022, &[file("b.md", "2")], true).unwrap();
        assert!(!dir.path().join("content/2022/a.md").exists());
        let names: Vec<_> = fs::read_dir(dir.path().join("content"))
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 2, "temporary folders left behind: {names:?}");
    }

    #[test]
    fn needs_a_site() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(
            write_year(dir.path(), 2022, &[], false).unwrap_err().kind(),
            ErrorKind::Io
        );
    }
}
