//! Where the package may go and how it gets there: never into `content/` or
//! the output folder (a build would delete it, or it would become part of the
//! site), never over a file without `--force`, and written beside its place
//! and renamed there, so a failure or a kill leaves no half-written ZIP.

use std::fs;
use std::io::{self, Write};
use std::path::{Component, Path, PathBuf};

use crate::diagnostics::{Catalogued, ErrorKind, IoAction, SiteError};
use crate::messages::MessageId;

/// `path` made absolute with the links of its longest existing part resolved,
/// so `out/../content/x.zip` and a link into `content/` are seen for what they are.
fn resolved(path: &Path) -> PathBuf {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut real = PathBuf::new();
    for part in absolute.components() {
        match part {
            // After a link, `..` is the parent of where the link leads, as for the system.
            Component::ParentDir => {
                real.pop();
            }
            Component::CurDir => {}
            other => {
                real.push(other);
                if let Ok(canonical) = fs::canonicalize(&real) {
                    real = canonical;
                }
            }
        }
    }
    real
}

/// Refuses `out` inside `content` or `output`, a folder at `out`, and a file
/// at `out` unless `force`.
pub(super) fn check_place(
    out: &Path,
    content: &Path,
    output: &Path,
    force: bool,
) -> Result<(), SiteError> {
    let target = resolved(out);
    for (folder, what) in [
        (content, MessageId::ArchiveIntoContent),
        (output, MessageId::ArchiveIntoOutput),
    ] {
        if target.starts_with(resolved(folder)) {
            return Err(SiteError::in_file(
                ErrorKind::ArchivePlace,
                out.display().to_string(),
                what.arg("folder", folder.display()),
            )
            .with_help(MessageId::ArchiveIntoHelp));
        }
    }
    match fs::symlink_metadata(out) {
        Ok(meta) if meta.is_dir() => Err(SiteError::in_file(
            ErrorKind::ArchivePlace,
            out.display().to_string(),
            MessageId::ArchiveIsAFolder,
        )
        .with_help(MessageId::ArchiveIsAFolderHelp)),
        Ok(_) if !force => Err(exists(out)),
        _ => Ok(()),
    }
}

fn exists(out: &Path) -> SiteError {
    SiteError::in_file(
        ErrorKind::ArchiveExists,
        out.display().to_string(),
        MessageId::ArchiveExists,
    )
    .with_help(MessageId::ArchiveExistsHelp)
}

/// A file being written beside its place; removed if dropped before it is renamed.
struct Beside {
    path: PathBuf,
    done: bool,
}

impl Drop for Beside {
    fn drop(&mut self) {
        if !self.done {
            let _ = fs::remove_file(&self.path);
        }
    }
}

/// Writes `bytes` to `out`: into a new file beside it, flushed to disk, then
/// renamed into place (replacing a file there only if `force`).
pub(super) fn atomically(out: &Path, bytes: &[u8], force: bool) -> Result<(), SiteError> {
    let folder = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    fs::create_dir_all(&folder).map_err(|e| SiteError::io(&folder, IoAction::CreateFolder, &e))?;
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "package.zip".into());
    let mut beside = Beside {
        path: folder.join(format!(".{name}.{}.partial", std::process::id())),
        done: false,
    };
    let written = fs::File::create_new(&beside.path).and_then(|mut f| {
        f.write_all(bytes)?;
        f.sync_all()
    });
    written.map_err(|e| SiteError::io(&beside.path, IoAction::WritePackage, &e))?;
    if force {
        fs::rename(&beside.path, out)
            .map_err(|e| SiteError::io(out, IoAction::PutPackageInPlace, &e))?;
        beside.done = true;
        return Ok(());
    }
    // A hard link never replaces a file, so a file that appeared since the
    // check is not lost either; where links are not supported, a rename
    // after one more look.
    match fs::hard_link(&beside.path, out) {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => return Err(exists(out)),
        Err(_) => {
            if fs::symlink_metadata(out).is_ok() {
                return Err(exists(out));
            }
            fs::rename(&beside.path, out)
                .map_err(|e| SiteError::io(out, IoAction::PutPackageInPlace, &e))?;
            beside.done = true;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_inside_content_or_output_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir(root.join("content")).unwrap();
        let check =
            |out: &Path| check_place(out, &root.join("content"), &root.join("output"), false);
        assert_eq!(
            check(&root.join("content/2021/x.zip")).unwrap_err().kind(),
            ErrorKind::ArchivePlace
        );
        assert_eq!(
            check(&root.join("archive/../output/x.zip"))
                .unwrap_err()
                .kind(),
            ErrorKind::ArchivePlace
        );
        assert!(check(&root.join("archive/x.zip")).is_ok());
    }

    #[test]
    fn a_file_is_replaced_only_when_forced() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("a/p.zip");
        atomically(&out, b"one", false).unwrap();
        assert_eq!(
            atomically(&out, b"two", false).unwrap_err().kind(),
            ErrorKind::ArchiveExists
        );
        assert_eq!(fs::read(&out).unwrap(), b"one");
        atomically(&out, b"two", true).unwrap();
        assert_eq!(fs::read(&out).unwrap(), b"two");
        let left: Vec<_> = fs::read_dir(dir.path().join("a")).unwrap().collect();
        assert_eq!(left.len(), 1, "nothing but the package is left beside it");
    }
}
