//! Files and folders to remove if the run is interrupted: the temporary
//! file of an atomic write, the snapshot of `--staged`. The binary calls
//! [`remove_all`] from its SIGINT/SIGTERM handler; the library installs no
//! handler itself.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

static PENDING: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// A path registered for removal on interruption, for as long as it lives.
#[derive(Debug)]
pub struct Tracked(PathBuf);

/// Register `path` until the returned value is dropped.
pub fn track(path: &Path) -> Tracked {
    if let Ok(mut pending) = PENDING.lock() {
        pending.push(path.to_path_buf());
    }
    Tracked(path.to_path_buf())
}

impl Drop for Tracked {
    fn drop(&mut self) {
        if let Ok(mut pending) = PENDING.lock() {
            if let Some(i) = pending.iter().rposition(|p| *p == self.0) {
                pending.remove(i);
            }
        }
    }
}

/// Remove every registered file or folder (best effort: the run is being
/// interrupted and has nothing better to do with an error).
pub fn remove_all() {
    remove_where(|_| true);
}

/// Remove the registered paths `which` accepts (tests remove only their
/// own: the registry is shared by every thread of the process).
fn remove_where(which: impl Fn(&Path) -> bool) {
    let Ok(pending) = PENDING.lock() else {
        return;
    };
    for path in pending.iter().filter(|p| which(p)) {
        let removed = if path.is_dir() {
            std::fs::remove_dir_all(path)
        } else {
            std::fs::remove_file(path)
        };
        drop(removed);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tracked_paths_are_removed_until_released() {
        let dir = tempfile::tempdir().unwrap();
        let (kept, released) = (dir.path().join("kept"), dir.path().join("released"));
        std::fs::create_dir_all(kept.join("inner")).unwrap();
        std::fs::write(&released, "x").unwrap();
        let guard = track(&kept);
        drop(track(&released));
        remove_where(|p| p.starts_with(dir.path()));
        assert!(!kept.exists() && released.exists());
        drop(guard);
    }
}
