//! The fingerprint of a section's default-language text (`source_hash`).
//!
//! A translation records the fingerprint of the Swedish text it was made from
//! in its front matter (`source_hash = "…"`). When the Swedish text changes, its
//! fingerprint changes too, and `summering check` reports the translation as
//! outdated. Only the words count: line endings, trailing spaces and blank lines
//! at the start or end do not change the fingerprint, so re-saving a file on
//! another computer does not make every translation "outdated".

use sha2::{Digest, Sha256};

/// How many hex digits of the SHA-256 are kept: 64 bits are plenty to notice a
/// change, and short enough to copy by hand.
pub const LEN: usize = 16;

/// The fingerprint of a section's title and Markdown body.
pub fn source_hash(title: &str, markdown: &str) -> String {
    let mut hasher = Sha256::new();
    hasher.update(normalise(title).as_bytes());
    hasher.update(b"\n\n");
    hasher.update(normalise(markdown).as_bytes());
    let digest = hasher.finalize();
    digest
        .iter()
        .take(LEN / 2)
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// True if `s` looks like a fingerprint (so a typo in it can be told apart from a real change).
pub fn is_well_formed(s: &str) -> bool {
    s.len() == LEN
        && s.bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

fn normalise(text: &str) -> String {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let lines: Vec<&str> = text.lines().map(str::trim_end).collect();
    lines.join("\n").trim_matches('\n').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ignores_line_endings_and_trailing_space() {
        let a = source_hash("Framåt", "- ett\n- två\n");
        assert_eq!(a, source_hash("Framåt", "\r\n- ett  \r\n- två\r\n\r\n"));
        assert_eq!(a.len(), LEN);
        assert!(is_well_formed(&a));
    }

    #[test]
    fn changes_with_the_words() {
        let a = source_hash("Framåt", "- ett\n");
        assert_ne!(a, source_hash("Framåt", "- två\n"));
        assert_ne!(a, source_hash("Framåt!", "- ett\n"));
        assert!(!is_well_formed("abc"));
        assert!(!is_well_formed("ABCDEF0123456789"));
    }
}
