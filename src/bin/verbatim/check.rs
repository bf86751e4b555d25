//! `verbatim check`: settings, the run, the chosen renderer, the exit code.

use crate::args::{CheckArgs, ColorArg, Deny, FormatArg, ReportArgs};
use crate::progress::Progress;
use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use verbatim::config;
use verbatim::model::{Report, Settings};
use verbatim::report::{github, html, human, json, junit, sarif};
use verbatim::workflow::{draft_check, staged};

pub fn check(args: CheckArgs, cwd: &Path) -> ExitCode {
    if let Err(code) = threads(args.jobs) {
        return code;
    }
    if args.watch {
        return crate::watch::run(&args, cwd);
    }
    check_once(&args, cwd)
}

/// Start `-j N` worker threads (all cores when not given).
pub fn threads(jobs: Option<usize>) -> Result<(), ExitCode> {
    if let Some(n) = jobs {
        if n == 0 {
            return Err(crate::fail("--jobs must be at least 1"));
        }
        if let Err(e) = rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build_global()
        {
            return Err(crate::fail(format_args!(
                "cannot start {n} worker threads: {e}"
            )));
        }
    }
    Ok(())
}

/// One check: settings, the run, the report where asked, the exit code.
pub fn check_once(args: &CheckArgs, cwd: &Path) -> ExitCode {
    let mut settings = match report_settings(&args.report, cwd) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let paths = crate::claims_paths(&args.paths, &settings, cwd);
    if args.paths.is_empty() && paths.iter().any(|p| p.is_absolute()) && !args.staged {
        // Found above the working directory: say which.
        let shown: Vec<String> = paths
            .iter()
            .map(|p| verbatim::files::paths::display(p, cwd))
            .collect();
        eprintln!("verbatim: checking {}", shown.join(", "));
    }
    let progress = Progress::new(!args.no_progress && std::io::stderr().is_terminal());
    let tick = |bytes: u64| progress.tick(bytes);
    let report = if args.staged {
        // The index is exported and checked in place of the working tree.
        let snapshot = match staged::staged(cwd, &paths) {
            Ok(s) => s,
            Err(e) => return crate::fail(e),
        };
        let inside = snapshot.cwd();
        // Everything is read from the snapshot: its top is the root, and
        // configured claims folders are found at their place inside it.
        settings.root = Some(snapshot.root.path().to_path_buf());
        match staged::staged_claims_files(&paths, cwd, &snapshot) {
            Ok(files) if files.is_empty() => Report::default(),
            Ok(files) => match staged::export_declared(&snapshot, &files) {
                Ok(()) => verbatim::check_files(&files, &inside, &settings, &tick),
                Err(e) => return crate::fail(e),
            },
            Err(errors) => Report::invalid(errors, Vec::new()),
        }
    } else if let Some(draft) = draft_given(args) {
        let sources = args.sources.as_deref().unwrap_or(Path::new("sources"));
        draft_check::check_draft(&draft, sources, cwd, &settings, &tick)
    } else if args.paths.len() == 1 && args.paths[0] == Path::new("-") {
        let mut bytes = Vec::new();
        if let Err(e) = std::io::stdin().read_to_end(&mut bytes) {
            return crate::fail(format_args!("cannot read standard input: {e}"));
        }
        draft_check::check_claims_text(&bytes, cwd, &settings, &tick)
    } else {
        verbatim::check(&paths, cwd, &settings, &tick)
    };
    progress.done();
    let code = finish(&args.report, cwd, &report, color(&args.report));
    // Freeing the report is no part of the answer: a thread does it while
    // the process exits (or, under --watch, waits for the next change).
    std::thread::spawn(move || drop(report));
    code
}

/// The draft to check in one step: `--draft FILE`, or a single path that
/// is a draft ([`draft_check::is_draft`]).
fn draft_given(args: &CheckArgs) -> Option<PathBuf> {
    if let Some(draft) = &args.draft {
        return Some(draft.clone());
    }
    let [only] = args.paths.as_slice() else {
        return None;
    };
    let prose = draft_check::is_draft(only);
    prose.then(|| only.clone())
}

/// `--color auto`: a set, non-empty NO_COLOR turns colour off; else a set
/// CLICOLOR_FORCE or FORCE_COLOR other than "0" turns it on; else colour
/// when writing to a terminal.
fn auto_color(terminal: bool) -> bool {
    let set = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty());
    if set("NO_COLOR").is_some() {
        return false;
    }
    let forced = ["CLICOLOR_FORCE", "FORCE_COLOR"]
        .iter()
        .any(|name| set(name).is_some_and(|v| v != "0"));
    forced || terminal
}

/// The configuration given, or found from `cwd` upward, or the defaults.
pub fn load_settings(given: Option<&Path>, cwd: &Path) -> Result<Settings, config::ConfigError> {
    let found: Option<PathBuf> = match given {
        Some(p) => Some(cwd.join(p)),
        None => config::find(cwd),
    };
    match found {
        None => Ok(Settings::default()),
        Some(p) => config::load(&p, cwd),
    }
}

/// The settings of a run that reports (`check`, `merge`): the
/// configuration, and passages kept for the HTML page. A configuration
/// that cannot be read is reported as the run's input errors.
pub fn report_settings(args: &ReportArgs, cwd: &Path) -> Result<Settings, ExitCode> {
    let mut settings = match load_settings(args.config.as_deref(), cwd) {
        Ok(s) => s,
        Err(e) => {
            let report = Report::invalid(e.errors, vec![(e.file, e.text)]);
            return Err(finish(args, cwd, &report, false));
        }
    };
    // The HTML page sets every quote beside its passage, passing or not.
    settings.keep_passages = matches!(args.format, FormatArg::Html);
    Ok(settings)
}

/// Colour in the human report, as `--color` asks.
pub fn color(args: &ReportArgs) -> bool {
    match args.color {
        ColorArg::Always => true,
        ColorArg::Never => false,
        ColorArg::Auto => auto_color(args.output.is_none() && std::io::stdout().is_terminal()),
    }
}

/// Render the report as asked, write it where asked (the output relative
/// to `cwd`, even when --staged works elsewhere), and give the exit code.
pub fn finish(args: &ReportArgs, cwd: &Path, report: &Report, color: bool) -> ExitCode {
    let output = args.output.as_ref().map(|out| cwd.join(out));
    let output = output.as_deref();
    let notes = if args.quiet {
        human::Notes::Hidden
    } else if args.verbose {
        human::Notes::Full
    } else {
        human::Notes::Brief
    };
    let style = human::Style {
        color,
        width: 100,
        notes,
    };
    let invalid = !report.errors.is_empty();
    let text = match args.format {
        FormatArg::Human if invalid => {
            let errors = human::render_errors(&report.errors, &report.files, style);
            eprint!("{errors}");
            String::new()
        }
        FormatArg::Human => human::render(report, style),
        FormatArg::Json => json::render(report),
        FormatArg::Sarif => sarif::render(report),
        FormatArg::Junit => junit::render(report),
        FormatArg::Html => html::render(report),
        FormatArg::Github => {
            if let Some(path) = std::env::var_os("GITHUB_STEP_SUMMARY").filter(|p| !p.is_empty()) {
                append(Path::new(&path), &github::step_summary(report));
            }
            github::render(report)
        }
    };
    match emit(&text, output) {
        // A reader that closed the pipe early ends the output quietly.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe && output.is_none() => {}
        Err(e) => {
            let target = output.map_or("standard output".to_string(), |p| p.display().to_string());
            return crate::fail(format_args!("cannot write the report to {target}: {e}"));
        }
        Ok(()) => {}
    }
    exit_code(report, args.deny == Some(Deny::Warnings))
}

/// Append to the job summary; a failure to do so is reported, not fatal.
fn append(path: &Path, text: &str) {
    let written = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .and_then(|mut f| f.write_all(text.as_bytes()));
    if let Err(e) = written {
        eprintln!(
            "warning: cannot append the summary to {}: {e}",
            path.display()
        );
    }
}

fn exit_code(report: &Report, deny_warnings: bool) -> ExitCode {
    if !report.errors.is_empty() {
        ExitCode::from(2)
    } else if report.has_errors() || (deny_warnings && report.has_warnings()) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Print, or write atomically: the old file or the whole new one, never half.
fn emit(text: &str, output: Option<&Path>) -> std::io::Result<()> {
    match output {
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(text.as_bytes())?;
            out.flush()
        }
        Some(path) => verbatim::files::atomic::write(path, text.as_bytes()),
    }
}
