//! `--staged`: what the next commit holds, exported from the git index, and
//! the claims files a staged change touches. Only the claims files and what
//! the selected ones declare are exported (see `export`).

use super::error::WorkflowError;
use super::export::{export, Index};
use super::git::{git, git_bytes};
use crate::files::cleanup::{track, Tracked};
use crate::files::paths;
use crate::files::root::Roots;
use crate::files::walk::find_claims_files;
use crate::model::InputError;
use std::path::{Path, PathBuf};

/// The index, exported to a temporary folder: what the next commit holds.
pub struct Staged {
    pub root: tempfile::TempDir,
    /// The working directory's place inside the repository.
    pub prefix: PathBuf,
    /// Files the index changes, relative to the repository's top.
    pub changed: Vec<PathBuf>,
    /// The repository's top (its work tree).
    top: PathBuf,
    index: Index,
    /// Removes the snapshot if the run is interrupted.
    _pending: Tracked,
}

impl Staged {
    /// The working directory inside the snapshot.
    pub fn cwd(&self) -> PathBuf {
        self.root.path().join(&self.prefix)
    }

    /// Does the commit change (or delete) `path` or anything under it
    /// (absolute, inside the snapshot)?
    pub fn is_changed_under(&self, path: &Path) -> bool {
        let path = paths::normalize(path);
        self.changed
            .iter()
            .any(|c| paths::normalize(&self.root.path().join(c)).starts_with(&path))
    }

    /// Is `path` (absolute, inside the snapshot) staged?
    pub fn is_changed(&self, path: &Path) -> bool {
        let path = paths::normalize(path);
        self.changed
            .iter()
            .any(|c| paths::normalize(&self.root.path().join(c)) == path)
    }
}

/// Export the claims files staged in the repository around `cwd`: every
/// YAML file of the index, and whatever the index holds under the claims
/// paths `given` (relative to `cwd`). [`export_declared`] adds the sources
/// and drafts of the claims files selected.
pub fn staged(cwd: &Path, given: &[PathBuf]) -> Result<Staged, WorkflowError> {
    let prefix = git(cwd, &["rev-parse", "--show-prefix"])?
        .trim()
        .to_string();
    let root = tempfile::tempdir().map_err(WorkflowError::io("make a temporary folder"))?;
    let pending = track(root.path());
    let top = PathBuf::from(git(cwd, &["rev-parse", "--show-toplevel"])?.trim());
    let index = Index::read(&top)?;
    // The top as `cwd` spells it (git may resolve symlinks in its own).
    let top_norm = paths::normalize(
        &cwd.join(
            Path::new(&prefix)
                .components()
                .map(|_| "..")
                .collect::<PathBuf>(),
        ),
    );
    let under: Vec<PathBuf> = given
        .iter()
        .filter_map(|g| {
            paths::normalize(&cwd.join(g))
                .strip_prefix(&top_norm)
                .ok()
                .map(Path::to_path_buf)
        })
        .collect();
    let claims: Vec<PathBuf> = index
        .files
        .iter()
        .filter(|f| {
            f.extension().is_some_and(|e| e == "yaml" || e == "yml")
                || under.iter().any(|u| f.starts_with(u))
        })
        .cloned()
        .collect();
    export(&top, root.path(), &index, &claims)?;

    let diff = git_bytes(
        &top,
        &[
            "diff",
            "--cached",
            "--name-only",
            "-z",
            // Deletions count: a claims file citing a deleted or renamed
            // source must be checked (and fail), never skipped.
            "--diff-filter=ACMRD",
            "--no-renames",
        ],
    )?;
    let changed = diff
        .split(|&b| b == 0)
        .filter(|p| !p.is_empty())
        .map(|p| PathBuf::from(String::from_utf8_lossy(p).into_owned()))
        .collect();
    Ok(Staged {
        root,
        prefix: PathBuf::from(prefix),
        changed,
        top,
        index,
        _pending: pending,
    })
}

/// Export the sources and drafts that the claims `files` (relative to the
/// snapshot's working directory) declare, as the index holds them.
pub fn export_declared(staged: &Staged, files: &[PathBuf]) -> Result<(), WorkflowError> {
    let cwd = staged.cwd();
    let root = staged.root.path();
    let roots = Roots::new(root, &[]);
    let mut wanted = Vec::new();
    for file in files {
        let Ok(set) = crate::claims::load_claims(std::slice::from_ref(file), &cwd, &roots) else {
            continue; // an invalid claims file is reported by the check
        };
        for path in set.read_paths() {
            if let Ok(rel) = paths::normalize(&cwd.join(path)).strip_prefix(root) {
                wanted.push(rel.to_path_buf());
            }
        }
    }
    export(&staged.top, root, &staged.index, &wanted)
}

/// Paths of the working tree (relative to `cwd`, or absolute inside the
/// repository) as the same places inside the snapshot, relative to its
/// working directory.
pub fn into_snapshot(paths: &[PathBuf], cwd: &Path, staged: &Staged) -> Vec<PathBuf> {
    let top = paths::normalize(
        &cwd.join(
            staged
                .prefix
                .components()
                .map(|_| "..")
                .collect::<PathBuf>(),
        ),
    );
    paths
        .iter()
        .map(|p| {
            let full = paths::normalize(&cwd.join(p));
            match full.strip_prefix(&top) {
                Ok(rel) => paths::normalize(&staged.root.path().join(rel)),
                Err(_) => p.clone(),
            }
        })
        .collect()
}

/// The claims files under `paths` (inside the snapshot) that a staged
/// change touches: staged themselves, or declaring a staged source or draft.
pub fn staged_claims_files(
    given: &[PathBuf],
    worktree: &Path,
    staged: &Staged,
) -> Result<Vec<PathBuf>, Vec<InputError>> {
    let cwd = staged.cwd();
    let absolute = |p: &Path| paths::normalize(&cwd.join(p));
    let mut selected = Vec::new();
    let roots = Roots::new(staged.root.path(), &[]);
    // A claims folder the commit deletes holds nothing to check; one that
    // is nowhere, staged or not, is an input error as without --staged
    // (never a silent pass).
    let present: Vec<PathBuf> = into_snapshot(given, worktree, staged)
        .into_iter()
        .filter(|inside| inside.exists() || !staged.is_changed_under(inside))
        .collect();
    for file in find_claims_files(&present, &cwd, &roots)? {
        if staged.is_changed(&absolute(&file)) {
            selected.push(file);
            continue;
        }
        let Ok(set) = crate::claims::load_claims(std::slice::from_ref(&file), &cwd, &roots) else {
            continue;
        };
        if set.read_paths().any(|p| staged.is_changed(&absolute(p))) {
            selected.push(file);
        }
    }
    Ok(selected)
}
