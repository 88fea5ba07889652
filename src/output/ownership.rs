//! Which output folder summering may replace: only one it wrote itself, holding
//! nothing but what it wrote.
//!
//! Every build leaves a marker file, [`MARKER`], in the output folder listing the
//! files it wrote. The next build replaces the folder only if every file and
//! folder in it is on that list (or is git's `.gitkeep`): a file someone put
//! there since (a web server's `.htaccess`, a download) stops the build with its
//! name, instead of being deleted with the old build. A marker from summering
//! before the list existed (no list in it) is trusted as it always was.

use std::collections::HashSet;
use std::fs;
use std::path::Path;

use crate::diagnostics::{Catalogued, ErrorKind, IoAction, SiteError};
use crate::messages::MessageId;

/// Name of the marker file that says a folder was written by summering.
pub const MARKER: &str = ".summering";

/// Files kept from the old output folder across builds (git's placeholder).
pub(super) const KEPT: &[&str] = &[".gitkeep"];

const HEADER: &str = "This folder is written by `summering build` and replaced by every build.\n";
const LIST: &str =
    "# The files it wrote (a file not listed here stops the next build, so it is never deleted):\n";

/// The marker's text for a build that wrote `files` (relative, `/`-separated).
pub(super) fn marker_text(files: &mut [String]) -> String {
    files.sort_unstable();
    let mut text = String::with_capacity(HEADER.len() + LIST.len() + files.len() * 32);
    text.push_str(HEADER);
    text.push_str(LIST);
    for f in files.iter() {
        text.push_str(f);
        text.push('\n');
    }
    text
}

/// The marker a build in progress starts with, so that its staging folder can be
/// told apart from anything else if the process is killed.
pub(super) fn staging_marker() -> String {
    format!(
        "{HEADER}# A build in progress (process {}).\n",
        std::process::id()
    )
}

/// The test a leftover folder must pass before it is removed: it holds a
/// summering marker (a staging folder, or a build), or nothing at all (a process
/// killed between making the folder and writing the marker, or after removing
/// all but the folder itself).
pub(super) fn is_leftover_build(dir: &Path) -> bool {
    fs::symlink_metadata(dir.join(MARKER)).is_ok_and(|m| m.is_file())
        || fs::read_dir(dir).is_ok_and(|mut entries| entries.next().is_none())
}

/// Refuses to replace `real` (shown to the user as `shown`) unless it is missing,
/// empty (but for `.gitkeep`), or a summering build holding only what it wrote.
pub(super) fn check_replaceable(shown: &Path, real: &Path) -> Result<(), SiteError> {
    let Ok(meta) = fs::symlink_metadata(real) else {
        return Ok(());
    };
    if !meta.is_dir() {
        return Err(SiteError::in_file(
            ErrorKind::OutputNotOurs,
            shown.display().to_string(),
            MessageId::OutputIsAFile,
        )
        .with_help(MessageId::OutputChooseAnother));
    }
    let listed = match fs::read_to_string(real.join(MARKER)) {
        Ok(text) => match text.split_once(LIST) {
            Some((_, list)) => Some(list.lines().map(str::to_owned).collect::<HashSet<_>>()),
            // A marker from before the list: the whole folder is summering's.
            None => return Ok(()),
        },
        Err(_) => None,
    };
    let Some(listed) = listed else {
        return match first_entry(real, shown)? {
            None => Ok(()),
            Some(_) => Err(SiteError::in_file(
                ErrorKind::OutputNotOurs,
                shown.display().to_string(),
                MessageId::OutputHasOtherFiles,
            )
            .with_help(MessageId::OutputHasOtherFilesHelp)),
        };
    };
    let folders: HashSet<&str> = listed
        .iter()
        .flat_map(|f| f.match_indices('/').map(move |(i, _)| &f[..i]))
        .collect();
    match foreign(real, "", &listed, &folders)
        .map_err(|e| SiteError::io(shown, IoAction::ListFolder, &e))?
    {
        None => Ok(()),
        Some(path) => Err(SiteError::in_file(
            ErrorKind::OutputNotOurs,
            shown.join(&path).display().to_string(),
            MessageId::OutputForeignFile,
        )
        .with_help(
            MessageId::OutputForeignFileHelp
                .arg("out", shown.display())
                .arg("path", &path),
        )),
    }
}

/// The first entry of `dir` other than the kept files, if any.
fn first_entry(dir: &Path, shown: &Path) -> Result<Option<String>, SiteError> {
    let entries = fs::read_dir(dir).map_err(|e| SiteError::io(shown, IoAction::ListFolder, &e))?;
    for entry in entries {
        let entry = entry.map_err(|e| SiteError::io(shown, IoAction::ListFolder, &e))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if !KEPT.contains(&name.as_str()) {
            return Ok(Some(name));
        }
    }
    Ok(None)
}

/// The first file or folder under `dir` (at `prefix`) that the marker does not
/// list, in a fixed order so the message is the same every time.
fn foreign(
    dir: &Path,
    prefix: &str,
    listed: &HashSet<String>,
    folders: &HashSet<&str>,
) -> std::io::Result<Option<String>> {
    let mut entries: Vec<fs::DirEntry> = fs::read_dir(dir)?.collect::<Result<_, _>>()?;
    entries.sort_by_key(fs::DirEntry::file_name);
    for entry in entries {
        let name = entry.file_name().to_string_lossy().into_owned();
        let path = if prefix.is_empty() {
            name.clone()
        } else {
            format!("{prefix}/{name}")
        };
        let kind = entry.file_type()?;
        if kind.is_dir() {
            if !folders.contains(path.as_str()) {
                return Ok(Some(path));
            }
            if let Some(found) = foreign(&entry.path(), &path, listed, folders)? {
                return Ok(Some(found));
            }
        } else {
            let ours = listed.contains(&path)
                || (prefix.is_empty() && (name == MARKER || KEPT.contains(&name.as_str())));
            // A link is never summering's, even with a listed name.
            if !ours || kind.is_symlink() {
                return Ok(Some(path));
            }
        }
    }
    Ok(None)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn built(files: &[&str]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        let mut names: Vec<String> = files.iter().map(|f| f.to_string()).collect();
        for f in files {
            let path = dir.path().join(f);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, "x").unwrap();
        }
        fs::write(dir.path().join(MARKER), marker_text(&mut names)).unwrap();
        dir
    }

    #[test]
    fn a_build_holding_only_its_files_may_be_replaced() {
        let dir = built(&["index.html", "sv/2021/index.html", "assets/a.css"]);
        fs::write(dir.path().join(".gitkeep"), "").unwrap();
        check_replaceable(dir.path(), dir.path()).unwrap();
    }

    #[test]
    fn a_file_added_since_stops_the_build_with_its_name() {
        let dir = built(&["index.html", "sv/2021/index.html"]);
        fs::write(dir.path().join("sv/2021/notes.txt"), "mine").unwrap();
        let e = check_replaceable(dir.path(), dir.path()).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::OutputNotOurs);
        assert!(e.file().unwrap().ends_with("sv/2021/notes.txt"), "{e}");
    }

    #[test]
    fn a_folder_or_link_added_since_stops_the_build() {
        let dir = built(&["index.html"]);
        fs::create_dir(dir.path().join("uploads")).unwrap();
        let e = check_replaceable(dir.path(), dir.path()).unwrap_err();
        assert!(e.file().unwrap().ends_with("uploads"), "{e}");
        fs::remove_dir(dir.path().join("uploads")).unwrap();
        #[cfg(unix)]
        {
            fs::remove_file(dir.path().join("index.html")).unwrap();
            std::os::unix::fs::symlink("/etc/hostname", dir.path().join("index.html")).unwrap();
            let e = check_replaceable(dir.path(), dir.path()).unwrap_err();
            assert!(e.file().unwrap().ends_with("index.html"), "{e}");
        }
    }

    #[test]
    fn an_old_marker_without_a_list_is_trusted() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join(MARKER), HEADER).unwrap();
        fs::write(dir.path().join("index.html"), "x").unwrap();
        check_replaceable(dir.path(), dir.path()).unwrap();
    }
}
