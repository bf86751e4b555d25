//! Sources kept between the runs of one long-lived process (`check
//! --watch`): a source whose file has the same length and modification
//! time as when it was read is not read and folded again. Off unless
//! [`keep_sources`] is called, so a single check holds no memory after its
//! run.

use super::read::{read_source, ReadError};
use super::source::Source;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, SystemTime};

/// What a file was when it was read: a change to either means read again.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Stamp {
    len: u64,
    modified: Option<SystemTime>,
    hashed: bool,
}

/// Each source with its stamp and whether the current run used it.
/// How old a file's modification time must be for the file to be kept.
const SETTLED: Duration = Duration::from_secs(2);

type Kept = HashMap<PathBuf, (Stamp, Arc<Source>, bool)>;

static KEPT: Mutex<Option<Kept>> = Mutex::new(None);

/// The kept sources (`None` while keeping is off); a thread that panicked
/// holding the lock left the map whole, so it is used as is.
fn kept() -> std::sync::MutexGuard<'static, Option<Kept>> {
    KEPT.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Keep the sources read from now on, for the next run of this process;
/// called before each run. Sources the last run did not read are let go,
/// so a removed or renamed source holds no memory for the rest of a watch.
pub fn keep_sources() {
    let mut kept = kept();
    let map = kept.get_or_insert_with(HashMap::new);
    map.retain(|_, (_, _, used)| std::mem::take(used));
}

fn stamp(path: &Path, hashed: bool) -> Option<Stamp> {
    let meta = std::fs::metadata(path).ok()?;
    Some(Stamp {
        len: meta.len(),
        modified: meta.modified().ok(),
        hashed,
    })
}

/// The source at `path`: the kept one when its file is unchanged, else read
/// (and kept, when keeping is on). A file without a modification time is
/// always read again.
pub fn read_kept(path: &Path, hash: bool) -> Result<Arc<Source>, ReadError> {
    let on = kept().is_some();
    if !on {
        return read_source(path, hash).map(Arc::new);
    }
    let before = stamp(path, hash).filter(|s| s.modified.is_some());
    if let Some(now) = before {
        if let Some((was, source, used)) = kept().as_mut().and_then(|m| m.get_mut(path)) {
            if *was == now {
                *used = true;
                return Ok(Arc::clone(source));
            }
        }
    }
    let source = Arc::new(read_source(path, hash)?);
    // Kept only if the file did not change while it was read, and only once
    // its modification time is old enough that a later write must change
    // it: file times are coarse (a few milliseconds), so two quick writes
    // of the same length can share one (git's "racily clean" entries).
    let settled = |s: &Stamp| {
        s.modified
            .and_then(|m| SystemTime::now().duration_since(m).ok())
            .is_some_and(|age| age >= SETTLED)
    };
    if let (Some(b), Some(after)) = (before, stamp(path, hash)) {
        if b == after && settled(&after) {
            if let Some(map) = kept().as_mut() {
                map.insert(path.to_path_buf(), (after, Arc::clone(&source), true));
            }
        }
    }
    Ok(source)
}

#[cfg(test)]
mod tests {
    use super::{keep_sources, read_kept};
    use std::sync::Arc;

    #[test]
    fn an_unchanged_source_is_read_once_and_a_changed_one_again() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        let aged = |text: &str| {
            std::fs::write(&path, text).unwrap();
            let past = std::time::SystemTime::now() - std::time::Duration::from_secs(60);
            let file = std::fs::File::options().write(true).open(&path).unwrap();
            file.set_modified(past).unwrap();
        };
        std::fs::write(&path, "The fresh text.\n").unwrap();
        keep_sources();
        let fresh = read_kept(&path, false).unwrap();
        let again = read_kept(&path, false).unwrap();
        assert!(
            !Arc::ptr_eq(&fresh, &again),
            "a file just written is read again"
        );
        aged("The first text.\n");
        let first = read_kept(&path, false).unwrap();
        let again = read_kept(&path, false).unwrap();
        assert!(Arc::ptr_eq(&first, &again), "an unchanged file is kept");
        aged("The second, longer text.\n");
        let changed = read_kept(&path, false).unwrap();
        assert!(!Arc::ptr_eq(&first, &changed));
        assert!(changed.folded.text.contains("second"));
        // Hashed and unhashed reads are kept apart: a pin needs the hash.
        let hashed = read_kept(&path, true).unwrap();
        assert!(hashed.sha256.is_some());
        // A source the last run did not read is let go at the next run.
        keep_sources();
        keep_sources();
        let after = read_kept(&path, true).unwrap();
        assert!(!Arc::ptr_eq(&hashed, &after));
    }
}
