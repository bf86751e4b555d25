//! Exporting part of the git index into the `--staged` snapshot: the
//! claims files first, then only the sources and drafts the selected claims
//! files declare (and what their symlinks point at), never the whole index,
//! which on a large repository is slow and can fill a small `$TMPDIR`.
//! Files inside a submodule are not in the index: they are copied from the
//! submodule's working tree, which is what the commit records.

use super::error::WorkflowError;
use crate::files::paths;
use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// What the index holds, relative to the repository's top.
pub struct Index {
    pub files: HashSet<PathBuf>,
    /// Submodules (gitlinks): folders whose files the index does not hold.
    pub submodules: Vec<PathBuf>,
}

impl Index {
    /// Read the index of the repository whose top is `top`.
    pub fn read(top: &Path) -> Result<Index, WorkflowError> {
        let listing = super::git::git_bytes(top, &["ls-files", "-z", "--stage"])?;
        let mut files = HashSet::new();
        let mut submodules = Vec::new();
        for entry in listing.split(|&b| b == 0).filter(|e| !e.is_empty()) {
            // "MODE OBJECT STAGE\tPATH"
            let Some(tab) = entry.iter().position(|&b| b == b'\t') else {
                continue;
            };
            let path = PathBuf::from(String::from_utf8_lossy(&entry[tab + 1..]).into_owned());
            if entry.starts_with(b"160000 ") {
                submodules.push(path);
            } else {
                files.insert(path);
            }
        }
        Ok(Index { files, submodules })
    }

    fn submodule_of(&self, rel: &Path) -> Option<&Path> {
        self.submodules
            .iter()
            .map(PathBuf::as_path)
            .find(|s| rel.starts_with(s) && rel != *s)
    }
}

/// Export `wanted` (relative to the top) from the index of the repository
/// at `top` into `snapshot`; paths in a submodule are copied from its work
/// tree; paths in neither are left out (a deleted source stays missing).
/// Symlinks exported are followed inside the repository, their targets
/// exported too.
pub fn export(
    top: &Path,
    snapshot: &Path,
    index: &Index,
    wanted: &[PathBuf],
) -> Result<(), WorkflowError> {
    let mut pending: Vec<PathBuf> = wanted.to_vec();
    let mut done: HashSet<PathBuf> = HashSet::new();
    // Each round follows one more level of symlinks.
    for _ in 0..40 {
        let mut from_index = Vec::new();
        for rel in pending.drain(..) {
            let rel = paths::normalize(&rel);
            if rel.starts_with("..") || rel.is_absolute() || !done.insert(rel.clone()) {
                continue;
            }
            if index.files.contains(&rel) {
                from_index.push(rel);
            } else if index.submodule_of(&rel).is_some() {
                copy_from_worktree(top, snapshot, &rel);
            }
        }
        if from_index.is_empty() {
            break;
        }
        checkout(top, snapshot, &from_index)?;
        for rel in from_index {
            let at = snapshot.join(&rel);
            if let Ok(target) = std::fs::read_link(&at) {
                let dir = rel.parent().unwrap_or(Path::new(""));
                pending.push(dir.join(target));
            }
        }
    }
    Ok(())
}

/// `git checkout-index` of `files` (relative to the top) into `snapshot`.
fn checkout(top: &Path, snapshot: &Path, files: &[PathBuf]) -> Result<(), WorkflowError> {
    let mut prefix = snapshot.to_string_lossy().into_owned();
    prefix.push('/');
    let mut child = Command::new("git")
        .args(["checkout-index", "--force", "-z", "--stdin"])
        .arg(format!("--prefix={prefix}"))
        .current_dir(top)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(WorkflowError::NoGit)?;
    if let Some(mut stdin) = child.stdin.take() {
        for file in files {
            let mut line = file.to_string_lossy().into_owned().into_bytes();
            line.push(0);
            stdin
                .write_all(&line)
                .map_err(WorkflowError::io("send paths to git checkout-index"))?;
        }
    }
    let out = child.wait_with_output().map_err(WorkflowError::NoGit)?;
    if !out.status.success() {
        return Err(WorkflowError::Git {
            command: "checkout-index --stdin".into(),
            stderr: String::from_utf8_lossy(&out.stderr).trim().to_string(),
        });
    }
    Ok(())
}

/// Copy a regular file of a submodule's work tree into the snapshot (best
/// effort: what cannot be copied is missing there, and reported so).
fn copy_from_worktree(top: &Path, snapshot: &Path, rel: &Path) {
    let from = top.join(rel);
    let is_file = std::fs::symlink_metadata(&from).is_ok_and(|m| m.is_file());
    if !is_file {
        return;
    }
    let to = snapshot.join(rel);
    if let Some(dir) = to.parent() {
        let _ = std::fs::create_dir_all(dir);
    }
    let _ = std::fs::copy(&from, &to);
}
