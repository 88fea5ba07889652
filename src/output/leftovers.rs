//! What killed runs left beside a folder: `.NAME.new-PID` (a new build or year
//! that was never put in place, or after a swap the previous one, not yet
//! removed) and `.NAME.old-PID` (the previous one, moved aside by the two-rename
//! fallback). The next run for the same NAME removes them.
//!
//! Only what is provably a leftover is removed: the name must be exactly that
//! pattern for this NAME, the entry must be a real folder (not a link) that
//! passes the caller's test of its contents, and the process PID must be gone.
//! Whether a process is alive is asked of the system on Unix (`kill(pid, 0)`);
//! elsewhere every PID counts as alive and leftovers stay for the user to delete.

use std::fs;
use std::path::Path;

/// Removes `parent/.NAME.new-PID` and `.NAME.old-PID` folders of processes that
/// are gone and whose contents `is_ours` accepts. Best effort: what cannot be
/// listed or removed stays. Returns how many were removed.
pub(crate) fn remove(parent: &Path, name: &str, is_ours: impl Fn(&Path) -> bool) -> usize {
    let Ok(entries) = fs::read_dir(parent) else {
        return 0;
    };
    let mut removed = 0;
    for entry in entries.filter_map(Result::ok) {
        let file_name = entry.file_name();
        let Some(pid) = file_name.to_str().and_then(|n| leftover_pid(n, name)) else {
            continue;
        };
        let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
        if pid == std::process::id() || !is_dir || alive(pid) || !is_ours(&entry.path()) {
            continue;
        }
        super::remove_build(&entry.path(), super::Threads::Pool);
        removed += 1;
    }
    removed
}

/// The PID in `.NAME.new-PID` or `.NAME.old-PID`, if `file_name` is one.
fn leftover_pid(file_name: &str, name: &str) -> Option<u32> {
    let rest = file_name.strip_prefix('.')?.strip_prefix(name)?;
    let digits = rest
        .strip_prefix(".new-")
        .or_else(|| rest.strip_prefix(".old-"))?;
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

#[cfg(unix)]
fn alive(pid: u32) -> bool {
    let Some(pid) = i32::try_from(pid)
        .ok()
        .and_then(rustix::process::Pid::from_raw)
    else {
        return true;
    };
    // ESRCH: no such process. EPERM: it exists but is someone else's.
    !matches!(
        rustix::process::test_kill_process(pid),
        Err(rustix::io::Errno::SRCH)
    )
}

#[cfg(not(unix))]
fn alive(_pid: u32) -> bool {
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A PID that is not running: past the kernel's default pid_max.
    const GONE: u32 = 4_000_000;

    #[test]
    fn names_are_read_exactly() {
        assert_eq!(leftover_pid(".output.new-123", "output"), Some(123));
        assert_eq!(leftover_pid(".output.old-7", "output"), Some(7));
        assert_eq!(leftover_pid(".output.new-", "output"), None);
        assert_eq!(leftover_pid(".output.new-12x", "output"), None);
        assert_eq!(leftover_pid(".outputs.new-12", "output"), None);
        assert_eq!(leftover_pid("output.new-12", "output"), None);
        assert_eq!(leftover_pid(".site.output.new-12", "output"), None);
    }

    #[test]
    fn removes_only_dead_ones_it_recognises() {
        let dir = tempfile::tempdir().unwrap();
        let make = |n: &str| {
            fs::create_dir(dir.path().join(n)).unwrap();
            fs::write(dir.path().join(n).join("f"), "x").unwrap();
        };
        make(&format!(".output.new-{GONE}"));
        make(&format!(".output.old-{}", GONE + 1));
        make(".output.new-1"); // PID 1 is always alive
        make(&format!(".other.new-{GONE}"));
        make(&format!(".output.new-{}", GONE + 2));
        let accepted = format!(".output.new-{}", GONE + 2);
        let n = remove(dir.path(), "output", |p| !p.ends_with(&accepted));
        assert_eq!(n, 2);
        let mut left: Vec<String> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        left.sort();
        assert_eq!(
            left,
            [
                format!(".other.new-{GONE}"),
                ".output.new-1".to_string(),
                format!(".output.new-{}", GONE + 2),
            ]
        );
    }
}
