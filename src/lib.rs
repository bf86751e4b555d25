//! verbatim checks the provenance of what a piece of writing quotes and
//! counts: every quote and figure of a claims file against its sources.
//!
//! The library decides and returns; it never prints. Its entry points are
//! [`check`] (and [`check_files`]), the [`model`] of what a run returns,
//! the [`report`] renderers and the [`workflow`] commands. The data flows
//! one way through layers that import only the layers before them:
//!
//! [`model`] → [`files`] → [`text`] → [`lexicon`] → [`claims`] →
//! [`config`] → [`matcher`] → [`attribution`] → [`figures`] →
//! [`evidence`] → [`verdict`] → [`pipeline`] → [`report`] → [`workflow`].
//!
//! See ARCHITECTURE.md for where each kind of change goes.

#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod attribution;
pub mod claims;
pub mod config;
pub mod editor;
pub mod evidence;
pub mod figures;
pub mod files;
pub mod lexicon;
pub mod matcher;
pub mod model;
pub mod pipeline;
pub mod report;
pub mod text;
pub mod verdict;
pub mod workflow;

use files::root::Roots;
use model::{Report, Settings};
use std::path::{Path, PathBuf};

/// Load, validate and check the claims files under `paths` (files, or
/// folders searched for `*.yaml`), relative to `cwd`. Invalid input comes
/// back as a report holding only `errors`; `progress` is called with the bytes
/// searched, once per source (per segment of a large one).
pub fn check(
    paths: &[PathBuf],
    cwd: &Path,
    settings: &Settings,
    progress: &(dyn Fn(u64) + Sync),
) -> Report {
    let roots = roots_for(paths, cwd, settings);
    match claims::load_under(paths, cwd, &roots) {
        Ok(set) => run_set(set, settings, progress),
        Err(invalid) => invalid,
    }
}

/// The files a check of `paths` reads, for `--watch`: the configuration,
/// the claims files, and the sources and drafts they declare (as far as
/// the claims files can be read; their folders are watched for new ones).
pub fn inputs(paths: &[PathBuf], cwd: &Path, settings: &Settings) -> Vec<PathBuf> {
    let roots = roots_for(paths, cwd, settings);
    let mut out: Vec<PathBuf> = settings.file.iter().cloned().collect();
    let Ok(files) = files::walk::find_claims_files(paths, cwd, &roots) else {
        return out;
    };
    out.extend(files.iter().map(|f| cwd.join(f)));
    if let Ok(set) = claims::load_claims(&files, cwd, &roots) {
        out.extend(set.read_paths().map(Path::to_path_buf));
    }
    out.sort();
    out.dedup();
    out
}

/// The folders a run of the claims under `paths` may read
/// ([`Roots::for_run`], anchored at the first claims path).
pub fn roots_for(paths: &[PathBuf], cwd: &Path, settings: &Settings) -> Roots {
    Roots::for_claims(settings, paths, cwd)
}

/// Check the given claims files (relative to `cwd`).
pub fn check_files(
    files: &[PathBuf],
    cwd: &Path,
    settings: &Settings,
    progress: &(dyn Fn(u64) + Sync),
) -> Report {
    let files: Vec<PathBuf> = files.iter().map(|f| cwd.join(f)).collect();
    let roots = roots_for(&files, cwd, settings);
    check_in(&files, cwd, settings, &roots, progress)
}

/// Check claims files (joined to `cwd`) reading only inside `roots`.
fn check_in(
    files: &[PathBuf],
    cwd: &Path,
    settings: &Settings,
    roots: &Roots,
    progress: &(dyn Fn(u64) + Sync),
) -> Report {
    match claims::load_claims(files, cwd, roots) {
        Ok(set) => run_set(set, settings, progress),
        Err(failure) => Report::invalid(failure.errors, failure.files),
    }
}

/// Check a loaded claim set.
fn run_set(set: claims::ClaimSet, settings: &Settings, progress: &(dyn Fn(u64) + Sync)) -> Report {
    let report = pipeline::run(&set, settings, progress);
    // The claims are freed on a pool thread, off the way to the report.
    rayon::spawn(move || drop(set));
    report
}
