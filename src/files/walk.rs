//! Finding claims files under folders: `*.yaml` and `*.yml`, in sorted
//! order, each file once even through symlink loops.

use super::paths;
use super::root::Roots;
use crate::model::{InputError, Span};
use std::path::{Path, PathBuf};

/// The error of a run given claims paths that hold no claims file: nothing
/// would be checked, which must never pass.
pub fn no_claims_files(given: &[PathBuf], cwd: &Path) -> InputError {
    let shown: Vec<String> = given
        .iter()
        .map(|p| paths::display(&cwd.join(p), cwd))
        .collect();
    InputError::new(
        Span::start_of(shown.join(", ")),
        "no claims files (*.yaml, *.yml) found: nothing would be checked",
    )
    .with_help("run `verbatim init` to create claims/ with an example")
}

/// Claims files under the given paths (relative to `cwd`): files as given,
/// folders searched for `*.yaml` / `*.yml` in sorted order. Paths come
/// back joined to `cwd`. A path, file or folder that leads outside `roots`
/// (a symlink, `..`) is an input error and is not read.
pub fn find_claims_files(
    given: &[PathBuf],
    cwd: &Path,
    roots: &Roots,
) -> Result<Vec<PathBuf>, Vec<InputError>> {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    let refuse = |path: &Path, errors: &mut Vec<InputError>| match roots.refuse(path, cwd) {
        Some(why) => {
            errors.push(InputError::new(
                Span::start_of(paths::display(path, cwd)),
                format!("claims path {why}"),
            ));
            true
        }
        None => false,
    };
    for path in given {
        let full = cwd.join(path);
        if refuse(&full, &mut errors) {
            continue;
        }
        match std::fs::metadata(&full) {
            Ok(meta) if meta.is_dir() => {
                let (found, outside) = claims_files_under(&full, roots);
                files.extend(found);
                for path in outside {
                    refuse(&path, &mut errors);
                }
            }
            Ok(_) => files.push(full),
            Err(e) => errors.push(InputError::new(
                Span::start_of(paths::display(&full, cwd)),
                format!("cannot read claims path: {e}"),
            )),
        }
    }
    if errors.is_empty() {
        Ok(files)
    } else {
        Err(errors)
    }
}

/// Folder depth beyond which a walk stops (a symlink loop, or worse).
const MAX_DEPTH: usize = 32;

/// Files directly in `dir` whose extension is one of `extensions`, sorted.
pub fn files_in(dir: &Path, extensions: &[&str]) -> Vec<PathBuf> {
    walkdir::WalkDir::new(dir)
        .min_depth(1)
        .max_depth(1)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(walkdir::DirEntry::into_path)
        .filter(|p| {
            p.extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| extensions.contains(&e))
        })
        .collect()
}

/// Claims files under `dir`, sorted by path, and the entries that lead
/// outside `roots` (never entered). Unreadable entries and symlink loops
/// are skipped.
pub fn claims_files_under(dir: &Path, roots: &Roots) -> (Vec<PathBuf>, Vec<PathBuf>) {
    let mut outside = Vec::new();
    let mut found: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .follow_links(true)
        .max_depth(MAX_DEPTH)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            // Only a symlink can lead out of a folder inside the roots.
            let inside = !e.path_is_symlink() || roots.contains(e.path());
            if !inside && (e.file_type().is_dir() || is_claims_file(e.path())) {
                outside.push(e.path().to_path_buf());
            }
            inside
        })
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && is_claims_file(e.path()))
        .map(walkdir::DirEntry::into_path)
        .collect();
    found.sort();
    (found, outside)
}

fn is_claims_file(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e == "yaml" || e == "yml")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_yaml_files_sorted_and_survives_a_loop() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("b/c")).unwrap();
        std::fs::write(dir.path().join("b/c/z.yml"), "").unwrap();
        std::fs::write(dir.path().join("a.yaml"), "").unwrap();
        std::fs::write(dir.path().join("notes.txt"), "").unwrap();
        #[cfg(unix)]
        std::os::unix::fs::symlink(dir.path(), dir.path().join("b/loop")).unwrap();
        let (found, _) = claims_files_under(dir.path(), &Roots::new(dir.path(), &[]));
        let names: Vec<_> = found
            .iter()
            .map(|p| p.strip_prefix(dir.path()).unwrap().to_path_buf())
            .collect();
        assert_eq!(names, [PathBuf::from("a.yaml"), PathBuf::from("b/c/z.yml")]);
    }
}
