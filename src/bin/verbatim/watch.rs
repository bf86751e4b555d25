//! `verbatim check --watch`: check, then check again whenever a claims
//! file, a source, a draft or the configuration changes, until interrupted.
//! On a terminal each report replaces the last one.

use crate::args::CheckArgs;
use notify::{RecursiveMode, Watcher};
use std::collections::BTreeSet;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc;
use std::time::Duration;

/// Changes closer together than this are one change (an editor's save is
/// often several writes and a rename).
const SETTLE: Duration = Duration::from_millis(150);

pub fn run(args: &CheckArgs, cwd: &Path) -> ExitCode {
    let (tx, rx) = mpsc::channel();
    let mut watcher = match notify::recommended_watcher(move |event| {
        let _ = tx.send(event);
    }) {
        Ok(w) => w,
        Err(e) => return crate::fail(format_args!("cannot watch files: {e}")),
    };
    let terminal = std::io::stdout().is_terminal() && args.report.output.is_none();
    let mut watched: BTreeSet<PathBuf> = BTreeSet::new();
    loop {
        if terminal {
            // Clear the screen and go home: the new report replaces the old.
            print!("\x1b[2J\x1b[H");
        }
        // Sources whose files did not change are not read and folded again.
        verbatim::text::kept::keep_sources();
        let _ = crate::check::check_once(args, cwd);
        let (files, folders) = inputs(args, cwd);
        // Folders, not files: an editor saving by rename replaces the file
        // a watch would be on.
        for dir in &folders {
            if watched.insert(dir.clone()) {
                let _ = watcher.watch(dir, RecursiveMode::NonRecursive);
            }
        }
        wait_for_change(&rx, &files, &folders);
    }
}

/// The files a run reads, and the folders holding them or claims files.
fn inputs(args: &CheckArgs, cwd: &Path) -> (BTreeSet<PathBuf>, BTreeSet<PathBuf>) {
    let settings =
        crate::check::load_settings(args.report.config.as_deref(), cwd).unwrap_or_default();
    let paths = crate::claims_paths(&args.paths, &settings, cwd);
    let mut files: BTreeSet<PathBuf> = verbatim::inputs(&paths, cwd, &settings)
        .into_iter()
        .collect();
    files.insert(cwd.join("verbatim.toml"));
    let mut folders: BTreeSet<PathBuf> = files
        .iter()
        .filter_map(|f| f.parent().map(Path::to_path_buf))
        .filter(|d| d.is_dir())
        .collect();
    // Claims folders, for claims files added to them.
    for path in &paths {
        let full = cwd.join(path);
        if full.is_dir() {
            for entry in walkdir::WalkDir::new(&full)
                .max_depth(8)
                .into_iter()
                .flatten()
            {
                if entry.file_type().is_dir() {
                    folders.insert(entry.into_path());
                }
            }
        }
    }
    (files, folders)
}

/// Block until a watched file changes, or a YAML file appears in a watched
/// folder; then let the burst of events settle.
fn wait_for_change(
    rx: &mpsc::Receiver<notify::Result<notify::Event>>,
    files: &BTreeSet<PathBuf>,
    folders: &BTreeSet<PathBuf>,
) {
    let relevant = |event: &notify::Event| {
        event.paths.iter().any(|p| {
            files.contains(p)
                || (p.extension().is_some_and(|e| e == "yaml" || e == "yml")
                    && p.parent().is_some_and(|d| folders.contains(d)))
        })
    };
    loop {
        match rx.recv() {
            Ok(Ok(event)) if relevant(&event) && !event.kind.is_access() => break,
            Ok(_) => {}
            // The watcher is gone: nothing will ever change again.
            Err(_) => std::process::exit(2),
        }
    }
    while rx.recv_timeout(SETTLE).is_ok() {}
}
