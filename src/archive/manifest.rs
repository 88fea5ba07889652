//! `manifest-sha256.txt`: the checksum of every file of the package but itself
//! and `METS.xml`, one `HASH  PATH` line each, as `sha256sum` writes and
//! `sha256sum -c` reads, so an archivist can check an unpacked package with
//! nothing but coreutils.

use sha2::{Digest, Sha256};

/// The manifest's file name, in the package's root folder.
pub(super) const NAME: &str = "manifest-sha256.txt";

/// The SHA-256 of `bytes`, in lower-case hex.
pub(super) fn sha256_hex(bytes: &[u8]) -> String {
    format!("{:x}", Sha256::digest(bytes))
}

/// The manifest of `files` (path relative to the package root, contents), in
/// the order given. Paths never hold a line break or a backslash (refused
/// when the package is put together), so no line needs sha256sum's escaping.
pub(super) fn write<'a>(files: impl Iterator<Item = (&'a str, &'a [u8])>) -> Vec<u8> {
    let mut out = String::new();
    for (path, bytes) in files {
        out.push_str(&sha256_hex(bytes));
        out.push_str("  ");
        out.push_str(path);
        out.push('\n');
    }
    out.into_bytes()
}

/// The (path, hex checksum) lines of a manifest, or the 1-based number of the
/// first line that is not `HASH  PATH` (or `HASH *PATH`, binary mode).
pub(super) fn parse(text: &str) -> Result<Vec<(String, String)>, usize> {
    let mut lines = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.is_empty() {
            continue;
        }
        let parsed = line.split_at_checked(64).and_then(|(hash, rest)| {
            let path = rest
                .strip_prefix("  ")
                .or_else(|| rest.strip_prefix(" *"))?;
            let hex = hash.bytes().all(|b| b.is_ascii_hexdigit());
            (hex && !path.is_empty()).then(|| (path.to_string(), hash.to_ascii_lowercase()))
        });
        lines.push(parsed.ok_or(i + 1)?);
    }
    Ok(lines)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_what_sha256sum_writes() {
        let m = write([("a/b.txt", &b"abc"[..])].into_iter());
        assert_eq!(
            String::from_utf8(m).unwrap(),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad  a/b.txt\n"
        );
    }

    #[test]
    fn manifests_read_back_and_bad_lines_are_named() {
        let text =
            String::from_utf8(write([("x", &b""[..]), ("y z", &b"1"[..])].into_iter())).unwrap();
        let lines = parse(&text).unwrap();
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[1].0, "y z");
        assert_eq!(lines[0].1, sha256_hex(b""));
        assert_eq!(parse("abc  x\n"), Err(1));
        assert_eq!(
            parse(&format!("{}  x\n{}x\n", "0".repeat(64), "0".repeat(64))),
            Err(2)
        );
    }
}
