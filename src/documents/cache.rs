//! Finished documents kept between builds in `ROOT/.summering-cache/`, the
//! PDFs in `pdf/` and the PowerPoint decks in `pptx/`, one file per [`Key`]:
//! writing a document costs milliseconds, finding it again microseconds.
//!
//! The folder is summering's own and safe to delete at any time. It ignores
//! itself for git (a `.gitignore` of `*` inside) and is tagged as a cache for
//! backup tools (`CACHEDIR.TAG`). An entry is the document's bytes alone
//! (`KEY.pdf`, `KEY.pptx`), so a build can hard-link it into its output instead
//! of copying hundreds of megabytes, beside a small `KEY.sum`: the document's
//! length, modification time and SHA-256, written when it is stored. Both are
//! written to a temporary name and renamed into place, so each appears whole or
//! not at all.
//!
//! A document is read-only once stored. A build that links it checks only
//! what a `stat` shows (length, modification time, read-only), which is what
//! changes when someone writes into the file, through the output's link or
//! not; a build that reads it (the preview server, the archive) also checks its
//! SHA-256. Either way a damaged or edited entry is made anew, never
//! published. After a good build the entries it did not use are removed
//! ([`Cache::prune`]): the folder holds one build's documents, no more.
//! Failing to read or write the cache never fails a build; it only costs time.

use std::collections::BTreeSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::UNIX_EPOCH;

use sha2::{Digest, Sha256};

use super::key::{Key, Kind};

/// The cache folder under the site root.
const DIR: &str = ".summering-cache";

const MAGIC: &[u8] = b"summering cache entry 3\n";
/// Magic, length (8 bytes), modification time in nanoseconds (16), SHA-256 (32).
const SUM_LEN: usize = MAGIC.len() + 8 + 16 + 32;
const SUM: &str = "sum";
/// Entries of earlier versions (header and document in one file): pruned.
const OLD: &str = "entry";
const TEMP: &str = ".tmp-";

/// The document cache of one site, for one build.
#[derive(Debug)]
pub struct Cache {
    /// `ROOT/.summering-cache`.
    dir: PathBuf,
    /// Entries this build asked for or wrote (kept by [`Cache::prune`]).
    used: Mutex<BTreeSet<(Kind, Key)>>,
}

/// A stored document that is whole as far as a `stat` shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Entry {
    /// The document's file in the cache.
    pub(crate) path: PathBuf,
    /// Its length in bytes.
    pub(crate) len: u64,
    sha256: [u8; 32],
}

impl Entry {
    /// The document's bytes, if they are still the ones stored.
    pub(crate) fn read(&self) -> Option<Vec<u8>> {
        let bytes = fs::read(&self.path).ok()?;
        (bytes.len() as u64 == self.len && Sha256::digest(&bytes).as_slice() == self.sha256)
            .then_some(bytes)
    }
}

/// What the `.sum` beside a document says of it.
struct Sum {
    len: u64,
    modified: u128,
    sha256: [u8; 32],
}

impl Sum {
    fn bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(SUM_LEN);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&self.len.to_le_bytes());
        out.extend_from_slice(&self.modified.to_le_bytes());
        out.extend_from_slice(&self.sha256);
        out
    }

    fn parse(bytes: &[u8]) -> Option<Sum> {
        let rest = bytes.strip_prefix(MAGIC)?;
        if rest.len() != 8 + 16 + 32 {
            return None;
        }
        let (len, rest) = rest.split_at(8);
        let (modified, sha256) = rest.split_at(16);
        Some(Sum {
            len: u64::from_le_bytes(len.try_into().ok()?),
            modified: u128::from_le_bytes(modified.try_into().ok()?),
            sha256: sha256.try_into().ok()?,
        })
    }
}

/// A file's modification time in nanoseconds since 1970.
fn modified(meta: &fs::Metadata) -> Option<u128> {
    let time = meta.modified().ok()?;
    Some(time.duration_since(UNIX_EPOCH).ok()?.as_nanos())
}

impl Cache {
    /// The cache of the site at `root` (created on the first write).
    pub fn new(root: &Path) -> Cache {
        Cache {
            dir: root.join(DIR),
            used: Mutex::new(BTreeSet::new()),
        }
    }

    fn folder(&self, kind: Kind) -> PathBuf {
        self.dir.join(kind.folder())
    }

    /// The document's file.
    fn path(&self, kind: Kind, key: &Key) -> PathBuf {
        self.folder(kind)
            .join(format!("{}.{}", key.hex(), kind.extension()))
    }

    /// What is known of the document, beside it.
    fn sum_path(&self, kind: Kind, key: &Key) -> PathBuf {
        self.folder(kind).join(format!("{}.{SUM}", key.hex()))
    }

    fn mark(&self, kind: Kind, key: Key) {
        self.used
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert((kind, key));
    }

    /// The document stored under `key`, if there is one and nothing changed it
    /// since it was stored (as a `stat` shows: its bytes are not read).
    pub(crate) fn entry(&self, kind: Kind, key: &Key) -> Option<Entry> {
        self.mark(kind, *key);
        let sum = Sum::parse(&fs::read(self.sum_path(kind, key)).ok()?)?;
        let path = self.path(kind, key);
        let meta = fs::symlink_metadata(&path).ok()?;
        let whole = meta.is_file()
            && meta.len() == sum.len
            && modified(&meta) == Some(sum.modified)
            && (!cfg!(unix) || meta.permissions().readonly());
        whole.then_some(Entry {
            path,
            len: sum.len,
            sha256: sum.sha256,
        })
    }

    /// The document stored under `key`, read and checked against its SHA-256.
    pub(crate) fn get(&self, kind: Kind, key: &Key) -> Option<Vec<u8>> {
        self.entry(kind, key)?.read()
    }

    /// Stores `document` under `key`; a failure only means it is made again next time.
    pub(crate) fn put(&self, kind: Kind, key: &Key, document: &[u8]) {
        self.mark(kind, *key);
        let _ = self.try_put(kind, key, document);
    }

    fn try_put(&self, kind: Kind, key: &Key, document: &[u8]) -> std::io::Result<()> {
        let folder = self.folder(kind);
        if !folder.is_dir() {
            fs::create_dir_all(&folder)?;
            // Never in git, and skipped by backup tools that honour the tag.
            fs::write(
                self.dir.join(".gitignore"),
                "# summering's cache, safe to delete\n*\n",
            )?;
            fs::write(
                self.dir.join("CACHEDIR.TAG"),
                "Signature: 8a477f597d28d172789f06886806bc55\n\
                 # summering's cache of built documents (safe to delete): https://bford.info/cachedir/\n",
            )?;
        }
        let path = self.path(kind, key);
        let temp =
            |what: &str| folder.join(format!("{TEMP}{}-{}.{what}", key.hex(), std::process::id()));
        let stored = temp(kind.extension());
        let result = (|| {
            fs::write(&stored, document)?;
            // Read-only, and so is every hard link to it in an output folder.
            let mut permissions = fs::metadata(&stored)?.permissions();
            permissions.set_readonly(true);
            fs::set_permissions(&stored, permissions)?;
            let meta = fs::metadata(&stored)?;
            // Checked when stored: the file holds what was written.
            if meta.len() != document.len() as u64 {
                return Err(std::io::Error::other("short write"));
            }
            let sum = Sum {
                len: meta.len(),
                modified: modified(&meta).ok_or_else(|| std::io::Error::other("no mtime"))?,
                sha256: Sha256::digest(document).into(),
            };
            replace(&stored, &path)?;
            let sum_temp = temp(SUM);
            fs::write(&sum_temp, sum.bytes())?;
            fs::rename(&sum_temp, self.sum_path(kind, key)).inspect_err(|_| {
                let _ = fs::remove_file(&sum_temp);
            })
        })();
        if result.is_err() {
            let _ = remove(&stored);
        }
        result
    }

    /// Removes the entries (and left-over temporary files) this build did not
    /// use. Only files named as summering names them are touched.
    pub fn prune(&self) {
        let used: BTreeSet<PathBuf> = self
            .used
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .iter()
            .flat_map(|(kind, key)| [self.path(*kind, key), self.sum_path(*kind, key)])
            .collect();
        let folders: BTreeSet<PathBuf> = Kind::ALL.iter().map(|&k| self.folder(k)).collect();
        for folder in folders {
            let Ok(entries) = fs::read_dir(&folder) else {
                continue;
            };
            for entry in entries.flatten() {
                let name = entry.file_name();
                let Some(name) = name.to_str() else { continue };
                let ours = is_entry_name(name) || name.starts_with(TEMP);
                if ours && !used.contains(&entry.path()) {
                    let _ = remove(&entry.path());
                }
            }
        }
    }
}

/// Removes one of the cache's files, a stored document (read-only) too.
/// Windows refuses to delete a read-only file where the standard library
/// cannot ignore the flag for it (file systems without POSIX delete semantics,
/// such as FAT and exFAT, and older Windows), so when a removal fails and the
/// file is read-only, the flag is cleared and the removal tried again; if that
/// fails too, the flag is set back. Elsewhere the first removal does it.
fn remove(path: &Path) -> io::Result<()> {
    remove_with(path, &|p| fs::remove_file(p))
}

/// [`remove`] with `remove_file` for [`fs::remove_file`] (a test gives it Windows' rule).
fn remove_with(path: &Path, remove_file: &dyn Fn(&Path) -> io::Result<()>) -> io::Result<()> {
    let Err(error) = remove_file(path) else {
        return Ok(());
    };
    let Some(was) = read_only_file(path) else {
        return Err(error);
    };
    let mut permissions = was.clone();
    writable(&mut permissions);
    fs::set_permissions(path, permissions).map_err(|_| error)?;
    remove_file(path).inspect_err(|_| {
        let _ = fs::set_permissions(path, was);
    })
}

/// Moves the file `from` to `to`, over the file there. Windows does not rename
/// over a read-only file (a stored document being replaced): when that is what
/// failed, `to` is removed ([`remove`]) and the move tried again.
fn replace(from: &Path, to: &Path) -> io::Result<()> {
    replace_with(from, to, &|a, b| fs::rename(a, b), &|p| fs::remove_file(p))
}

/// [`replace`] with `rename` and `remove_file` for the standard library's.
fn replace_with(
    from: &Path,
    to: &Path,
    rename: &dyn Fn(&Path, &Path) -> io::Result<()>,
    remove_file: &dyn Fn(&Path) -> io::Result<()>,
) -> io::Result<()> {
    let Err(error) = rename(from, to) else {
        return Ok(());
    };
    if read_only_file(to).is_none() {
        return Err(error);
    }
    remove_with(to, remove_file)?;
    rename(from, to)
}

/// The permissions of `path` if it is a read-only file (not a link to one:
/// nothing outside the cache is made writable).
fn read_only_file(path: &Path) -> Option<fs::Permissions> {
    let meta = fs::symlink_metadata(path).ok()?;
    let permissions = meta.permissions();
    (meta.is_file() && permissions.readonly()).then_some(permissions)
}

/// Makes `permissions` writable for the owner alone (on Windows, clears the
/// read-only attribute).
fn writable(permissions: &mut fs::Permissions) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        permissions.set_mode(permissions.mode() | 0o200);
    }
    #[cfg(not(unix))]
    {
        // Not Unix: the flag is all there is (clippy's concern is Unix's mode bits).
        #[allow(clippy::permissions_set_readonly_false)]
        permissions.set_readonly(false);
    }
}

/// `KEY.pdf`, `KEY.pptx`, `KEY.sum` or an older version's `KEY.entry`.
fn is_entry_name(name: &str) -> bool {
    name.split_once('.').is_some_and(|(hex, extension)| {
        hex.len() == 64
            && hex.bytes().all(|b| b.is_ascii_hexdigit())
            && (extension == SUM
                || extension == OLD
                || Kind::ALL.iter().any(|k| k.extension() == extension))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const PDF: Kind = Kind::Report;

    /// Makes a stored document writable and writes `bytes` into it, in place.
    fn write_in_place(path: &Path, bytes: &[u8]) {
        let mut permissions = fs::metadata(path).unwrap().permissions();
        #[allow(clippy::permissions_set_readonly_false)]
        permissions.set_readonly(false);
        fs::set_permissions(path, permissions.clone()).unwrap();
        // A clock of coarse resolution could give the same time again.
        std::thread::sleep(std::time::Duration::from_millis(20));
        fs::write(path, bytes).unwrap();
        permissions.set_readonly(true);
        fs::set_permissions(path, permissions).unwrap();
    }

    #[test]
    fn an_entry_comes_back_whole_or_not_at_all_and_prune_keeps_what_was_used() {
        let root = tempfile::tempdir().unwrap();
        let cache = Cache::new(root.path());
        let (a, b) = (Key([1; 32]), Key([2; 32]));
        assert_eq!(cache.get(PDF, &a), None);
        cache.put(PDF, &a, b"%PDF-1.7 a");
        cache.put(PDF, &b, b"%PDF-1.7 b");
        assert_eq!(cache.get(PDF, &a).as_deref(), Some(&b"%PDF-1.7 a"[..]));
        let top = root.path().join(DIR);
        assert!(
            fs::read_to_string(top.join(".gitignore"))
                .unwrap()
                .contains('*')
        );
        // The entry is the document alone, read-only.
        let path = cache.path(PDF, &b);
        assert_eq!(fs::read(&path).unwrap(), b"%PDF-1.7 b");
        assert!(fs::metadata(&path).unwrap().permissions().readonly());
        let entry = cache.entry(PDF, &b).unwrap();
        assert_eq!((entry.path.clone(), entry.len), (path.clone(), 10));

        // Truncated, or one byte changed (same length): not found, so made again.
        write_in_place(&path, b"%PDF-1.7");
        assert_eq!(cache.entry(PDF, &b), None);
        write_in_place(&path, b"%PDF-1.7 c");
        assert_eq!(cache.entry(PDF, &b), None, "the time it was written shows");
        assert_eq!(cache.get(PDF, &b), None);
        // A damaged `.sum`: not found either.
        cache.put(PDF, &b, b"%PDF-1.7 b");
        assert!(cache.entry(PDF, &b).is_some());
        fs::write(cache.sum_path(PDF, &b), b"summering").unwrap();
        assert_eq!(cache.entry(PDF, &b), None);

        // The next build uses only `a`: `b` goes, a stranger's file stays, and
        // so does a file of another version's naming that is not ours.
        fs::write(cache.folder(PDF).join("notes.txt"), "mine").unwrap();
        let old = cache
            .folder(PDF)
            .join(format!("{}.entry", Key([9; 32]).hex()));
        fs::write(&old, "version 2").unwrap();
        let next = Cache::new(root.path());
        assert!(next.get(PDF, &a).is_some());
        next.prune();
        assert!(next.path(PDF, &a).exists() && next.sum_path(PDF, &a).exists());
        assert!(!path.exists() && !cache.sum_path(PDF, &b).exists());
        assert!(!old.exists(), "an older version's entry is pruned");
        assert!(cache.folder(PDF).join("notes.txt").exists());
    }

    /// Windows' rule for removing a file where the read-only flag cannot be ignored.
    fn remove_as_windows(path: &Path) -> io::Result<()> {
        if fs::symlink_metadata(path)?.permissions().readonly() {
            return Err(io::ErrorKind::PermissionDenied.into());
        }
        fs::remove_file(path)
    }

    /// Windows' rule for renaming over a file: not over a read-only one.
    fn rename_as_windows(from: &Path, to: &Path) -> io::Result<()> {
        if fs::symlink_metadata(to).is_ok_and(|m| m.permissions().readonly()) {
            return Err(io::ErrorKind::PermissionDenied.into());
        }
        fs::rename(from, to)
    }

    #[test]
    fn read_only_entries_are_removed_and_replaced_under_windows_rules() {
        let root = tempfile::tempdir().unwrap();
        let cache = Cache::new(root.path());
        let (a, b) = (Key([5; 32]), Key([6; 32]));
        cache.put(PDF, &a, b"%PDF-1.7 a");
        cache.put(PDF, &b, b"%PDF-1.7 b");
        let (stored, other) = (cache.path(PDF, &a), cache.path(PDF, &b));
        assert!(remove_as_windows(&stored).is_err(), "the rule bites");

        remove_with(&stored, &remove_as_windows).unwrap();
        assert!(!stored.exists());

        // Replacing a read-only entry: the new document takes its place.
        let new = root.path().join("new.pdf");
        fs::write(&new, b"%PDF-1.7 new").unwrap();
        assert!(rename_as_windows(&new, &other).is_err(), "the rule bites");
        replace_with(&new, &other, &rename_as_windows, &remove_as_windows).unwrap();
        assert_eq!(fs::read(&other).unwrap(), b"%PDF-1.7 new");
        assert!(!new.exists());

        // A removal that fails for another reason leaves the entry read-only.
        let refuse = |_: &Path| -> io::Result<()> { Err(io::ErrorKind::PermissionDenied.into()) };
        cache.put(PDF, &a, b"%PDF-1.7 a");
        assert!(remove_with(&stored, &refuse).is_err());
        assert!(fs::metadata(&stored).unwrap().permissions().readonly());
        // And a link to a read-only file elsewhere is not made writable.
        #[cfg(unix)]
        {
            let link = root.path().join("link.pdf");
            std::os::unix::fs::symlink(&stored, &link).unwrap();
            assert!(read_only_file(&link).is_none());
            assert!(remove_with(&link, &refuse).is_err());
            assert!(fs::metadata(&stored).unwrap().permissions().readonly());
        }
    }

    #[test]
    fn a_stored_entry_can_be_replaced() {
        let root = tempfile::tempdir().unwrap();
        let cache = Cache::new(root.path());
        let key = Key([4; 32]);
        cache.put(PDF, &key, b"%PDF-1.7 first");
        cache.put(PDF, &key, b"%PDF-1.7 second");
        assert_eq!(
            cache.get(PDF, &key).as_deref(),
            Some(&b"%PDF-1.7 second"[..])
        );
    }

    #[test]
    fn each_kind_of_document_has_its_own_entries_and_all_are_pruned() {
        let root = tempfile::tempdir().unwrap();
        let cache = Cache::new(root.path());
        let key = Key([3; 32]);
        cache.put(Kind::Pptx, &key, b"PK deck");
        assert_eq!(cache.get(PDF, &key), None, "a PDF is not a deck's entry");
        assert_eq!(
            cache.get(Kind::Pptx, &key).as_deref(),
            Some(&b"PK deck"[..])
        );
        assert_ne!(cache.folder(Kind::Pptx), cache.folder(PDF));

        // A build that wants no deck removes the deck's entry.
        let next = Cache::new(root.path());
        next.prune();
        assert!(!cache.path(Kind::Pptx, &key).exists());
    }
}
