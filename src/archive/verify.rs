//! `summering archive --verify FILE.zip`: checks a package without unpacking
//! it: every file's SHA-256 (and size) against `METS.xml` and against
//! `manifest-sha256.txt`, and every file listed against the files there are.
//! Files are hashed as they are read from the ZIP, so memory stays small
//! whatever their size.

use std::collections::BTreeMap;
use std::fmt;
use std::io::{self, Read};
use std::path::Path;

use quick_xml::Reader;
use quick_xml::events::Event;
use sha2::{Digest, Sha256};

use super::manifest;
use super::mets::NAME as METS;
use crate::diagnostics::{Catalogued, ErrorKind, IoAction, SiteError};
use crate::messages::{Message, MessageId};

/// How much of METS.xml or the manifest is read: far more than any package
/// summering writes needs, and a bound on memory for one that is not.
const MAX_LIST_BYTES: u64 = 64 * 1024 * 1024;

/// How many bytes in all are read from one ZIP before the check stops (a
/// ZIP that unpacks to far more than it holds must not keep it busy for hours).
const MAX_TOTAL_BYTES: u64 = 16 * 1024 * 1024 * 1024;

/// A package checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verified {
    /// The package's root folder (its name).
    pub package: String,
    /// Files in the package, METS.xml included.
    pub files: usize,
    /// What is wrong, by path; empty for a good package.
    pub problems: Vec<Problem>,
}

/// One thing wrong with a package.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// A file listed in `list` (METS.xml or the manifest) is not in the package.
    Missing {
        /// Its path from the package root.
        path: String,
        /// Where it is listed.
        list: &'static str,
    },
    /// A file of the package is not listed in `list`.
    NotListed {
        /// Its path from the package root.
        path: String,
        /// Where it should be listed.
        list: &'static str,
    },
    /// A file's SHA-256 is not the one `list` gives.
    Mismatch {
        /// Its path from the package root.
        path: String,
        /// Where the checksum is from.
        list: &'static str,
        /// The checksum listed.
        expected: String,
        /// The checksum of the file.
        actual: String,
    },
    /// A file's size is not the one METS.xml gives.
    Size {
        /// Its path from the package root.
        path: String,
        /// The size listed.
        expected: String,
        /// The file's size.
        actual: u64,
    },
    /// METS.xml gives a checksum of another kind than SHA-256 for a file.
    ChecksumType {
        /// Its path from the package root.
        path: String,
        /// The `CHECKSUMTYPE` given.
        kind: String,
    },
    /// A line of the manifest is not `HASH  PATH`.
    ManifestLine {
        /// Its number, from 1.
        line: usize,
    },
    /// The package has no `manifest-sha256.txt`.
    NoManifest,
    /// A file of the ZIP is not inside the package's root folder.
    OutsideRoot {
        /// Its path in the ZIP.
        path: String,
    },
    /// A file could not be read from the ZIP (damaged, or too large to check).
    Unreadable {
        /// Its path from the package root.
        path: String,
        /// Why.
        reason: Message,
    },
}

impl Problem {
    /// What is wrong, in the catalogue's words.
    pub fn message(&self) -> Message {
        match self {
            Problem::Missing { path, list } => {
                MessageId::VerifyMissing.arg("path", path).arg("list", list)
            }
            Problem::NotListed { path, list } => MessageId::VerifyNotListed
                .arg("path", path)
                .arg("list", list),
            Problem::Mismatch {
                path,
                list,
                expected,
                actual,
            } => MessageId::VerifyMismatch
                .arg("path", path)
                .arg("list", list)
                .arg("expected", expected)
                .arg("actual", actual),
            Problem::Size {
                path,
                expected,
                actual,
            } => MessageId::VerifySize
                .arg("path", path)
                .arg("expected", expected)
                .arg("actual", actual),
            Problem::ChecksumType { path, kind } => MessageId::VerifyChecksumType
                .arg("path", path)
                .arg("kind", kind),
            Problem::ManifestLine { line } => MessageId::VerifyManifestLine
                .arg("manifest", manifest::NAME)
                .arg("line", line),
            Problem::NoManifest => MessageId::VerifyNoManifest.arg("manifest", manifest::NAME),
            Problem::OutsideRoot { path } => MessageId::VerifyOutsideRoot.arg("path", path),
            Problem::Unreadable { path, reason } => MessageId::VerifyUnreadable
                .arg("path", path)
                .message("reason", reason.clone()),
        }
    }
}

/// English, as tools and logs read it.
impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message().render(crate::lang::Lang::En))
    }
}

/// One checksum a list gives.
struct Listed {
    path: String,
    sum: String,
    kind: String,
    size: Option<String>,
}

fn not_a_package(zip: &Path, why: impl Into<Message>) -> SiteError {
    SiteError::in_file(ErrorKind::Archive, zip.display().to_string(), why.into())
        .with_help(MessageId::VerifyNotAPackageHelp)
}

/// Checks the package `zip`. A file that is not a package (not a ZIP, no
/// METS.xml, METS.xml not XML) is an error; what is wrong inside a package is
/// in [`Verified::problems`].
pub fn verify(zip: &Path) -> Result<Verified, SiteError> {
    let file =
        std::fs::File::open(zip).map_err(|e| SiteError::io(zip, IoAction::OpenPackage, &e))?;
    let mut archive = zip::ZipArchive::new(io::BufReader::new(file))
        .map_err(|e| not_a_package(zip, MessageId::VerifyNotAZip.arg("error", e)))?;
    let mut names = Vec::new();
    for i in 0..archive.len() {
        let entry = archive
            .by_index_raw(i)
            .map_err(|e| not_a_package(zip, MessageId::VerifyDamaged.arg("error", e)))?;
        if !entry.is_dir() {
            names.push((i, entry.name().map(|n| n.into_owned()).unwrap_or_default()));
        }
    }
    let root = if names.iter().any(|(_, n)| n == METS) {
        String::new()
    } else {
        let first = names
            .first()
            .and_then(|(_, n)| n.split_once('/'))
            .map(|(r, _)| format!("{r}/"))
            .unwrap_or_default();
        if first.is_empty() || !names.iter().any(|(_, n)| *n == format!("{first}{METS}")) {
            return Err(not_a_package(zip, MessageId::VerifyNoMets));
        }
        first
    };
    let mut problems = Vec::new();
    let mut actual: BTreeMap<String, Result<(String, u64), Message>> = BTreeMap::new();
    let mut mets_text = None;
    let mut manifest_text = None;
    let mut budget = MAX_TOTAL_BYTES;
    for (i, name) in &names {
        let Some(path) = name.strip_prefix(&root) else {
            problems.push(Problem::OutsideRoot { path: name.clone() });
            continue;
        };
        let keep = path == METS || path == manifest::NAME;
        let read = archive
            .by_index(*i)
            .map_err(|e| MessageId::IoSystem.arg("error", e))
            .and_then(|entry| hash(entry, keep, &mut budget));
        let read = read.map(|(sum, size, text)| {
            if path == METS {
                mets_text = text;
            } else if path == manifest::NAME {
                manifest_text = text;
            }
            (sum, size)
        });
        actual.insert(path.to_string(), read);
    }
    let Some(mets_text) = mets_text else {
        return Err(not_a_package(zip, MessageId::VerifyMetsUnreadable));
    };
    let mets = mets_listing(&mets_text)
        .map_err(|e| not_a_package(zip, MessageId::VerifyMetsNotXml.arg("error", e)))?;
    compare(&mets, METS, &actual, &[METS], &mut problems);
    match manifest_text.map(|t| manifest::parse(&t)) {
        None => problems.push(Problem::NoManifest),
        Some(Err(line)) => problems.push(Problem::ManifestLine { line }),
        Some(Ok(lines)) => {
            let listed: Vec<Listed> = lines
                .into_iter()
                .map(|(path, sum)| Listed {
                    path,
                    sum,
                    kind: "SHA-256".into(),
                    size: None,
                })
                .collect();
            compare(
                &listed,
                manifest::NAME,
                &actual,
                &[METS, manifest::NAME],
                &mut problems,
            );
        }
    }
    for (path, read) in &actual {
        if let Err(reason) = read {
            problems.push(Problem::Unreadable {
                path: path.clone(),
                reason: reason.clone(),
            });
        }
    }
    Ok(Verified {
        package: root.trim_end_matches('/').to_string(),
        files: actual.len(),
        problems,
    })
}

/// The SHA-256 and size of one entry, read in pieces; its text too if `keep`.
fn hash(
    mut entry: zip::read::ZipFile<'_, io::BufReader<std::fs::File>>,
    keep: bool,
    budget: &mut u64,
) -> Result<(String, u64, Option<String>), Message> {
    let mut hasher = Sha256::new();
    let mut kept = Vec::new();
    let mut buf = vec![0u8; 64 * 1024];
    let mut size = 0u64;
    loop {
        let n = entry
            .read(&mut buf)
            .map_err(|e| MessageId::IoSystem.arg("error", e))?;
        if n == 0 {
            break;
        }
        size += n as u64;
        if size > *budget {
            return Err(Message::new(MessageId::VerifyTooLarge));
        }
        hasher.update(&buf[..n]);
        if keep && size <= MAX_LIST_BYTES {
            kept.extend_from_slice(&buf[..n]);
        }
    }
    *budget -= size;
    let text = keep.then(|| String::from_utf8_lossy(&kept).into_owned());
    Ok((format!("{:x}", hasher.finalize()), size, text))
}

/// The checksums METS.xml gives: `file` elements (with their `FLocat`) and
/// `mdRef` elements, matched by local name whatever the namespace prefix.
fn mets_listing(text: &str) -> Result<Vec<Listed>, quick_xml::Error> {
    let mut reader = Reader::from_str(text);
    let mut listed = Vec::new();
    let mut file: Option<(String, String, Option<String>)> = None;
    loop {
        match reader.read_event()? {
            Event::Eof => break,
            Event::Start(e) | Event::Empty(e) => {
                let mut attrs = BTreeMap::new();
                for a in e.attributes().flatten() {
                    let key = a.key.local_name().as_ref().to_string();
                    let value = a
                        .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                        .map(|v| v.into_owned())
                        .unwrap_or_default();
                    attrs.insert(key, value);
                }
                let get = |k: &str| attrs.get(k).cloned();
                match e.local_name().as_ref() {
                    "file" => {
                        file = Some((
                            get("CHECKSUM").unwrap_or_default(),
                            get("CHECKSUMTYPE").unwrap_or_default(),
                            get("SIZE"),
                        ));
                    }
                    "FLocat" => {
                        if let (Some((sum, kind, size)), Some(href)) = (&file, get("href")) {
                            listed.push(Listed {
                                path: decode_href(&href),
                                sum: sum.clone(),
                                kind: kind.clone(),
                                size: size.clone(),
                            });
                        }
                    }
                    "mdRef" => {
                        if let Some(href) = get("href") {
                            listed.push(Listed {
                                path: decode_href(&href),
                                sum: get("CHECKSUM").unwrap_or_default(),
                                kind: get("CHECKSUMTYPE").unwrap_or_default(),
                                size: get("SIZE"),
                            });
                        }
                    }
                    _ => {}
                }
            }
            Event::End(e) if e.local_name().as_ref() == "file" => file = None,
            _ => {}
        }
    }
    Ok(listed)
}

fn decode_href(href: &str) -> String {
    let path = href.strip_prefix("./").unwrap_or(href);
    percent_encoding::percent_decode_str(path)
        .decode_utf8_lossy()
        .into_owned()
}

/// Every checksum of `listed` against the files, and every file (but those
/// in `unlisted`) against `listed`.
fn compare(
    listed: &[Listed],
    list: &'static str,
    actual: &BTreeMap<String, Result<(String, u64), Message>>,
    unlisted: &[&str],
    problems: &mut Vec<Problem>,
) {
    for l in listed {
        let Some(read) = actual.get(&l.path) else {
            problems.push(Problem::Missing {
                path: l.path.clone(),
                list,
            });
            continue;
        };
        let Ok((sum, size)) = read else { continue };
        if !l.kind.eq_ignore_ascii_case("SHA-256") {
            problems.push(Problem::ChecksumType {
                path: l.path.clone(),
                kind: l.kind.clone(),
            });
        } else if !l.sum.eq_ignore_ascii_case(sum) {
            problems.push(Problem::Mismatch {
                path: l.path.clone(),
                list,
                expected: l.sum.to_ascii_lowercase(),
                actual: sum.clone(),
            });
        }
        if let Some(expected) = &l.size
            && expected.trim().parse::<u64>().ok() != Some(*size)
        {
            problems.push(Problem::Size {
                path: l.path.clone(),
                expected: expected.clone(),
                actual: *size,
            });
        }
    }
    let names: std::collections::HashSet<&str> = listed.iter().map(|l| l.path.as_str()).collect();
    for path in actual.keys() {
        if !unlisted.contains(&path.as_str()) && !names.contains(path.as_str()) {
            problems.push(Problem::NotListed {
                path: path.clone(),
                list,
            });
        }
    }
}
