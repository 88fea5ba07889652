//! Finished documents kept between builds in `ROOT/.summering-cache/`, the
//! PDFs in `pdf/` and the PowerPoint decks in `pptx/`, one file per [`Key`]:
//! writing a document costs milliseconds, finding it again microseconds.
//!
//! The folder is summering's own and safe to delete at any time. It ignores
//! itself for git (a `.gitignore` of `*` inside) and is tagged as a cache for
//! backup tools (`CACHEDIR.TAG`). An entry is written to a temporary name and
//! renamed into place, so it appears whole or not at all; it carries the length
//! and SHA-256 of the document, checked on every read, so a damaged entry is written
//! anew, never published. After a good build the entries it did not use are
//! removed ([`Cache::prune`]): the folder holds one build's PDFs, no more.
//! Failing to read or write the cache never fails a build; it only costs time.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use sha2::{Digest, Sha256};

use super::key::{Key, Kind};

/// The cache folder under the site root.
const DIR: &str = ".summering-cache";

const MAGIC: &[u8] = b"summering cache entry 2\n";
const HEADER: usize = MAGIC.len() + 8 + 32;
const SUFFIX: &str = ".entry";
const TEMP: &str = ".tmp-";

/// The document cache of one site, for one build.
#[derive(Debug)]
pub struct Cache {
    /// `ROOT/.summering-cache`.
    dir: PathBuf,
    /// Entries this build asked for or wrote (kept by [`Cache::prune`]).
    used: Mutex<BTreeSet<(Kind, Key)>>,
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

    fn path(&self, kind: Kind, key: &Key) -> PathBuf {
        self.folder(kind).join(format!("{}{SUFFIX}", key.hex()))
    }

    fn mark(&self, kind: Kind, key: Key) {
        self.used
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert((kind, key));
    }

    /// The document stored under `key`, if there is one and it is whole.
    pub(crate) fn get(&self, kind: Kind, key: &Key) -> Option<Vec<u8>> {
        self.mark(kind, *key);
        let mut bytes = fs::read(self.path(kind, key)).ok()?;
        let (header, pdf) = bytes.split_at_checked(HEADER)?;
        let (magic, rest) = header.split_at(MAGIC.len());
        let (len, hash) = rest.split_at(8);
        let whole = magic == MAGIC
            && u64::from_le_bytes(len.try_into().ok()?) == pdf.len() as u64
            && hash == Sha256::digest(pdf).as_slice();
        if !whole {
            return None;
        }
        bytes.drain(..HEADER);
        Some(bytes)
    }

    /// Stores `document` under `key`; a failure only means it is made again next time.
    pub(crate) fn put(&self, kind: Kind, key: &Key, document: &[u8]) {
        self.mark(kind, *key);
        let _ = self.try_put(kind, key, document);
    }

    fn try_put(&self, kind: Kind, key: &Key, pdf: &[u8]) -> std::io::Result<()> {
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
        let mut entry = Vec::with_capacity(HEADER + pdf.len());
        entry.extend_from_slice(MAGIC);
        entry.extend_from_slice(&(pdf.len() as u64).to_le_bytes());
        entry.extend_from_slice(&Sha256::digest(pdf));
        entry.extend_from_slice(pdf);
        let temp = folder.join(format!("{TEMP}{}-{}", key.hex(), std::process::id()));
        fs::write(&temp, &entry)?;
        fs::rename(&temp, self.path(kind, key)).inspect_err(|_| {
            let _ = fs::remove_file(&temp);
        })
    }

    /// Removes the entries (and left-over temporary files) this build did not
    /// use. Only files named as summering names them are touched.
    pub fn prune(&self) {
        let used: BTreeSet<PathBuf> = self
            .used
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .iter()
            .map(|(kind, key)| self.path(*kind, key))
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
                    let _ = fs::remove_file(entry.path());
                }
            }
        }
    }
}

fn is_entry_name(name: &str) -> bool {
    name.strip_suffix(SUFFIX)
        .is_some_and(|hex| hex.len() == 64 && hex.bytes().all(|b| b.is_ascii_hexdigit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const PDF: Kind = Kind::Report;

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

        // Truncated, or one byte changed: not found, so made again.
        let path = cache.path(PDF, &b);
        let whole = fs::read(&path).unwrap();
        fs::write(&path, &whole[..whole.len() - 1]).unwrap();
        assert_eq!(cache.get(PDF, &b), None);
        let mut changed = whole.clone();
        *changed.last_mut().unwrap() ^= 1;
        fs::write(&path, &changed).unwrap();
        assert_eq!(cache.get(PDF, &b), None);
        fs::write(&path, &whole[..10]).unwrap();
        assert_eq!(cache.get(PDF, &b), None);

        // The next build uses only `a`: `b` goes, a stranger's file stays.
        fs::write(cache.folder(PDF).join("notes.txt"), "mine").unwrap();
        let next = Cache::new(root.path());
        assert!(next.get(PDF, &a).is_some());
        next.prune();
        assert!(next.path(PDF, &a).exists());
        assert!(!path.exists());
        assert!(cache.folder(PDF).join("notes.txt").exists());
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
