//! verbatim checks the provenance of what a piece of writing quotes and
//! counts: every quote and figure of a claims file against its sources.
//!
//! The data flows one way: [`claims`] (loaded with positions, validated) →
//! [`text`] (sources read, folded, structured) → [`matcher`] (quotes against
//! one source at a time, in parallel) → [`verdict`] (the contract's ordered
//! verdicts as [`findings`]) → [`report`] (renderers).

pub mod atomic;
pub mod attribution;
pub mod check;
pub mod claims;
pub mod config;
pub mod drafts;
pub mod explain;
pub mod extract;
pub mod figures;
pub mod findings;
pub mod git;
pub mod init;
pub mod matcher;
pub mod numbers;
pub mod paths;
pub mod pin;
pub mod report;
pub mod text;
pub mod verdict;

use findings::{InputError, Report};
use std::path::{Path, PathBuf};

/// Claims files under the given paths: files as given, folders searched for
/// `*.yaml` / `*.yml` in sorted order.
pub fn find_claims_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, Vec<InputError>> {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        let problem = |message: String| InputError {
            file: paths::display(path),
            line: 1,
            column: 1,
            offset: 0,
            length: 0,
            message,
            help: None,
        };
        match std::fs::metadata(path) {
            Ok(meta) if meta.is_dir() => {
                let mut found = Vec::new();
                let mut visited = Vec::new();
                walk(path, &mut found, &mut visited, 0);
                found.sort();
                files.extend(found);
            }
            Ok(_) => files.push(path.clone()),
            Err(e) => errors.push(problem(format!("cannot read claims path: {e}"))),
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

fn walk(dir: &Path, found: &mut Vec<PathBuf>, visited: &mut Vec<PathBuf>, depth: usize) {
    if depth > MAX_DEPTH {
        return;
    }
    let Ok(real) = std::fs::canonicalize(dir) else {
        return;
    };
    if visited.contains(&real) {
        return; // a symlink loop
    }
    visited.push(real);
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            walk(&path, found, visited, depth + 1);
        } else if path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| e == "yaml" || e == "yml")
        {
            found.push(path);
        }
    }
}

/// Load, validate and check the claims files under `paths`. Invalid input
/// comes back as a report holding only `errors`.
pub fn check_paths(paths: &[PathBuf]) -> Report {
    check_paths_with(paths, &config::Settings::default(), &|| {})
}

/// `check_paths` with settings and a progress callback (once per source).
pub fn check_paths_with(
    paths: &[PathBuf],
    settings: &config::Settings,
    progress: &(dyn Fn() + Sync),
) -> Report {
    match find_claims_files(paths) {
        Ok(files) if files.is_empty() => no_claims_files(paths),
        Ok(files) => check_files(&files, settings, progress),
        Err(errors) => Report {
            errors,
            ..Report::default()
        },
    }
}

fn no_claims_files(paths: &[PathBuf]) -> Report {
    let shown: Vec<String> = paths.iter().map(|p| paths::display(p)).collect();
    Report {
        errors: vec![InputError {
            file: shown.join(", "),
            line: 1,
            column: 1,
            offset: 0,
            length: 0,
            message: "no claims files (*.yaml, *.yml) found: nothing would be checked".into(),
            help: Some("run `verbatim init` to create claims/ with an example".into()),
        }],
        ..Report::default()
    }
}

/// Check the given claims files.
pub fn check_files(
    files: &[PathBuf],
    settings: &config::Settings,
    progress: &(dyn Fn() + Sync),
) -> Report {
    match claims::load_claims(files) {
        Ok(set) => check::run(&set, settings, progress),
        Err(failure) => Report {
            errors: failure.errors,
            files: failure.files,
            ..Report::default()
        },
    }
}

/// The claims files under `paths` that a staged change touches: staged
/// themselves, or declaring a staged source or draft. Paths are inside the
/// snapshot (the working directory must be the snapshot's).
pub fn staged_claims_files(
    paths: &[PathBuf],
    staged: &git::Staged,
) -> Result<Vec<PathBuf>, Vec<InputError>> {
    let cwd = std::env::current_dir().unwrap_or_default();
    let absolute = |p: &Path| paths::normalize(&cwd.join(p));
    let mut selected = Vec::new();
    for file in find_claims_files(paths)? {
        if staged.is_changed(&absolute(&file)) {
            selected.push(file);
            continue;
        }
        let Ok(set) = claims::load_claims(std::slice::from_ref(&file)) else {
            continue;
        };
        let touches = set
            .source_files
            .iter()
            .any(|s| staged.is_changed(&absolute(&s.path)))
            || set
                .files
                .iter()
                .filter_map(|f| f.draft.as_ref())
                .any(|d| staged.is_changed(&absolute(&d.path)));
        if touches {
            selected.push(file);
        }
    }
    Ok(selected)
}
