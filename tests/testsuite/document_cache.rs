//! The document cache (`ROOT/.summering-cache/`): a build takes the PDFs and
//! PowerPoint decks whose inputs are unchanged from it, never publishes a
//! damaged entry, and keeps only what the last build used.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::common::*;
use crate::pdf::{load, pdf, text};

/// The documents in one folder of the site's cache (`pdf`, `pptx`).
fn cache_entries(root: &Path, folder: &str) -> Vec<PathBuf> {
    let dir = root.join(".summering-cache").join(folder);
    let mut entries: Vec<_> = std::fs::read_dir(&dir)
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    entries.retain(|p| p.extension().is_some_and(|e| e == folder));
    entries.sort();
    entries
}

/// Writes `bytes` into the file at `path` in place (as an editor that does not
/// save by renaming would), though it is read-only.
fn write_in_place(path: &Path, bytes: &[u8]) {
    let mut permissions = std::fs::metadata(path).unwrap().permissions();
    #[allow(clippy::permissions_set_readonly_false)]
    permissions.set_readonly(false);
    std::fs::set_permissions(path, permissions.clone()).unwrap();
    let before = std::fs::metadata(path).unwrap().modified().unwrap();
    let mut file = std::fs::File::options()
        .write(true)
        .truncate(true)
        .open(path)
        .unwrap();
    file.write_all(bytes).unwrap();
    // A new modification time set, not waited for: a clock of coarse resolution
    // could give the write the old one.
    file.set_modified(before + std::time::Duration::from_secs(1))
        .unwrap();
    drop(file);
    permissions.set_readonly(true);
    std::fs::set_permissions(path, permissions).unwrap();
}

/// Writes `document` into every entry in `entries`, and beside each what the
/// cache knows of it (length, modification time, SHA-256), as the cache stores it.
fn plant(entries: &[PathBuf], document: &[u8]) {
    use sha2::Digest;
    for e in entries {
        write_in_place(e, document);
        let modified = std::fs::metadata(e).unwrap().modified().unwrap();
        let nanos = modified
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos();
        let mut sum = b"summering cache entry 3\n".to_vec();
        sum.extend_from_slice(&(document.len() as u64).to_le_bytes());
        sum.extend_from_slice(&nanos.to_le_bytes());
        sum.extend_from_slice(&sha2::Sha256::digest(document));
        std::fs::write(e.with_extension("sum"), sum).unwrap();
    }
}

/// A copy of the sample, built in memory (every document made afresh) and
/// once into its `output/` (filling the cache).
fn built_once() -> (tempfile::TempDir, summering::BuiltSite) {
    let site = sample_site();
    let fresh = build_ok(site.path());
    summering::build(&options(site.path())).unwrap();
    (site, fresh)
}

fn options(site: &Path) -> summering::BuildOptions {
    summering::BuildOptions {
        output: Some(site.join("output")),
        ..summering::BuildOptions::new(site)
    }
}

#[test]
fn a_build_reuses_cached_pdfs_and_never_publishes_a_damaged_entry() {
    let (site, fresh) = built_once();
    let out = site.path().join("output");
    let options = options(site.path());
    let entries = cache_entries(site.path(), "pdf");
    assert_eq!(entries.len(), 4, "one entry per PDF: {entries:?}");
    let ignore = std::fs::read_to_string(site.path().join(".summering-cache/.gitignore")).unwrap();
    assert!(ignore.lines().any(|l| l == "*"), "the cache ignores itself");
    let path = "sv/2021/report.pdf";
    assert_eq!(std::fs::read(out.join(path)).unwrap(), pdf(&fresh, path));

    // An entry whose inputs are unchanged is published as it is: the cache is used.
    let planted = b"%PDF-1.7 planted".to_vec();
    plant(&entries, &planted);
    summering::build(&options).unwrap();
    assert_eq!(std::fs::read(out.join(path)).unwrap(), planted);

    // Truncate every entry: the next build makes the PDFs again, whole.
    for e in &entries {
        let bytes = std::fs::read(e).unwrap();
        write_in_place(e, &bytes[..bytes.len() / 2]);
    }
    summering::build(&options).unwrap();
    for path in ["sv/2021/report.pdf", "en/2021/report.pdf"] {
        assert_eq!(std::fs::read(out.join(path)).unwrap(), pdf(&fresh, path));
    }
    let mut whole = cache_entries(site.path(), "pdf");
    assert_eq!(whole, entries, "the damaged entries were written anew");

    // A change to the text makes a new entry for its PDFs; the old ones are pruned.
    let file = site
        .path()
        .join("content/2021/02-viljan-att-samverka.sv.md");
    let source = std::fs::read_to_string(&file).unwrap();
    let edited = source.replacen(
        "Arbetat lösningsfokuserat",
        "Arbetat mycket lösningsfokuserat",
        1,
    );
    std::fs::write(&file, edited).unwrap();
    summering::build(&options).unwrap();
    let after = cache_entries(site.path(), "pdf");
    assert_eq!(after.len(), 4, "the old entries are pruned: {after:?}");
    whole.retain(|e| after.contains(e));
    assert!(
        whole.is_empty(),
        "the report changed, so its PDFs' keys did: {whole:?}"
    );
    let sv = load(&std::fs::read(out.join("sv/2021/report.pdf")).unwrap());
    assert!(text(&sv).contains("mycket"));
}

#[test]
fn the_powerpoint_decks_are_cached_like_the_pdfs() {
    let (site, fresh) = built_once();
    let out = site.path().join("output");
    let options = options(site.path());
    let entries = cache_entries(site.path(), "pptx");
    assert_eq!(
        entries.len(),
        2,
        "one entry per deck and language: {entries:?}"
    );
    let path = "en/2021/slides/slides.pptx";
    let made = fresh.files.iter().find(|f| f.path == path).unwrap();
    assert_eq!(std::fs::read(out.join(path)).unwrap(), made.bytes);

    let stored: Vec<Vec<u8>> = entries.iter().map(|e| std::fs::read(e).unwrap()).collect();

    // Unchanged inputs: the decks come from the cache, as they were stored.
    plant(&entries, b"PK planted");
    summering::build(&options).unwrap();
    assert_eq!(std::fs::read(out.join(path)).unwrap(), b"PK planted");

    // One byte changed in an entry: that deck is made again, whole.
    for (e, bytes) in entries.iter().zip(&stored) {
        write_in_place(e, bytes);
    }
    let mut damaged = stored[0].clone();
    *damaged.last_mut().unwrap() ^= 1;
    write_in_place(&entries[0], &damaged);
    summering::build(&options).unwrap();
    for lang in ["sv", "en"] {
        let path = format!("{lang}/2021/slides/slides.pptx");
        let made = fresh.files.iter().find(|f| f.path == path).unwrap();
        assert_eq!(
            std::fs::read(out.join(&path)).unwrap(),
            made.bytes,
            "{path}"
        );
    }
    assert_eq!(
        std::fs::read(&entries[0]).unwrap(),
        stored[0],
        "written anew"
    );

    // A change to the deck's text makes new entries; the old ones are pruned.
    let file = site
        .path()
        .join("content/2021/02-viljan-att-samverka.sv.md");
    let source = std::fs::read_to_string(&file).unwrap();
    std::fs::write(
        &file,
        source.replacen("lösningsfokuserat", "lösningsinriktat", 1),
    )
    .unwrap();
    summering::build(&options).unwrap();
    let after = cache_entries(site.path(), "pptx");
    assert_eq!(after.len(), 2, "{after:?}");
    assert!(
        after.iter().all(|e| !entries.contains(e)),
        "new keys: {after:?}"
    );
}

#[test]
fn an_edit_of_a_published_document_never_reaches_the_cache() {
    let (site, fresh) = built_once();
    let out = site.path().join("output");
    let options = options(site.path());
    let path = "sv/2021/report.pdf";
    // A warm build links the stored document into the output: no copy.
    summering::build(&options).unwrap();
    let published = out.join(path);
    assert!(
        std::fs::metadata(&published)
            .unwrap()
            .permissions()
            .readonly(),
        "a stored document is read-only, and so is its link"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let entries = cache_entries(site.path(), "pdf");
        let inode = std::fs::metadata(&published).unwrap().ino();
        assert!(
            entries
                .iter()
                .any(|e| std::fs::metadata(e).unwrap().ino() == inode),
            "{path} is a link to its cache entry"
        );
    }

    // Replaced by a rename (as most editors save): the cache is untouched.
    let edited = out.join("edited.pdf");
    std::fs::write(&edited, b"%PDF-1.7 mine").unwrap();
    std::fs::rename(&edited, &published).unwrap();
    summering::build(&options).unwrap();
    assert_eq!(std::fs::read(&published).unwrap(), pdf(&fresh, path));

    // Written in place, through the link: the cache sees it changed, so the
    // next build makes the document again instead of publishing the edit.
    let mut bytes = std::fs::read(&published).unwrap();
    *bytes.last_mut().unwrap() ^= 1;
    write_in_place(&published, &bytes);
    summering::build(&options).unwrap();
    assert_eq!(std::fs::read(&published).unwrap(), pdf(&fresh, path));
    // And the preview server, which reads the cache, gets the made document too.
    let site_model = summering::load_site(site.path()).unwrap();
    let documents = summering::build_documents(&site_model, &options).unwrap();
    let served = documents.iter().find(|f| f.path == path).unwrap();
    assert_eq!(served.bytes, pdf(&fresh, path));
}
