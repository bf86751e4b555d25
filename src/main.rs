//! The command line: a thin front end over the `verbatim` library.

use clap::{Parser, Subcommand, ValueEnum};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use verbatim::findings::{Kind, Report};
use verbatim::report::{human, json};

#[derive(Parser)]
#[command(
    name = "verbatim",
    version,
    about = "Checks the provenance of what a piece of writing quotes and counts"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check every quote and figure of the claims files against their sources.
    Check(CheckArgs),
    /// List the figures read from sources: value, interval, unit, counted
    /// noun, context and period.
    Figures {
        /// Source files (.txt, .md, .html).
        #[arg(required = true)]
        files: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = FormatArg::Human)]
        format: FormatArg,
        /// The sources' publication date (YYYY-MM-DD), to resolve "since YEAR".
        #[arg(long, value_name = "DATE")]
        published: Option<String>,
    },
    /// Print a claims file for a draft's quotations and figures, with the
    /// sources that hold them and the speakers the draft credits.
    Extract {
        /// The draft (Markdown or text).
        draft: PathBuf,
        /// Where to look for sources.
        #[arg(long, default_value = "sources", value_name = "DIR")]
        sources: PathBuf,
        /// The folder the claims file will be saved in (paths are relative to it).
        #[arg(long, default_value = "claims", value_name = "DIR")]
        claims_dir: PathBuf,
    },
    /// Explain what a finding kind means, with an example and the fix.
    Explain {
        /// A finding kind, such as `misquote` or `hedge`.
        kind: String,
    },
    /// Write missing sha256 pins of the sources into the claims files.
    Pin {
        /// Claims files or folders (default: ./claims).
        paths: Vec<PathBuf>,
        /// Also replace pins that differ from the sources as they are now.
        #[arg(long)]
        update: bool,
    },
    /// Git hooks.
    Hook {
        #[command(subcommand)]
        action: HookAction,
    },
    /// Create claims/ and sources/ with a small example that passes.
    Init,
}

#[derive(Subcommand)]
enum HookAction {
    /// Install a pre-commit hook running `verbatim check --staged`.
    Install {
        /// Replace an existing pre-commit hook.
        #[arg(long)]
        force: bool,
    },
}

#[derive(Parser)]
struct CheckArgs {
    /// Claims files or folders (default: ./claims).
    paths: Vec<PathBuf>,
    /// Report format.
    #[arg(long, value_enum, default_value_t = FormatArg::Human)]
    format: FormatArg,
    /// Write the report to FILE (atomically) instead of standard output.
    #[arg(long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// `--deny warnings`: warnings also make the exit code 1.
    #[arg(long, value_enum)]
    deny: Option<Deny>,
    /// Worker threads (default: all cores).
    #[arg(short = 'j', long = "jobs", value_name = "N")]
    jobs: Option<usize>,
    /// Check what is staged in git: claims, sources and drafts from the index.
    #[arg(long)]
    staged: bool,
    /// The configuration file (default: verbatim.toml here or above).
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Never show a progress bar.
    #[arg(long)]
    no_progress: bool,
}

#[derive(Clone, Copy, ValueEnum)]
enum FormatArg {
    Human,
    Json,
    Sarif,
    Github,
    Junit,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum Deny {
    Warnings,
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    match cli.command {
        Command::Check(args) => check(args),
        Command::Explain { kind } => explain(&kind),
        Command::Pin { paths, update } => pin(&paths, update),
        Command::Hook {
            action: HookAction::Install { force },
        } => match verbatim::git::install_hook(force) {
            Ok(path) => {
                println!("installed {}", path.display());
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("error: {e}");
                ExitCode::from(2)
            }
        },
        Command::Init => match verbatim::init::init(Path::new(".")) {
            Ok(written) => {
                for w in written {
                    println!("created {w}");
                }
                println!("now run: verbatim check");
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("error: {e}");
                ExitCode::from(2)
            }
        },
        Command::Extract {
            draft,
            sources,
            claims_dir,
        } => match verbatim::extract::extract(&draft, &sources, &claims_dir) {
            Ok(text) => {
                print!("{text}");
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("error: {e}");
                ExitCode::from(2)
            }
        },
        Command::Figures {
            files,
            format,
            published,
        } => list_figures(&files, format, published.as_deref()),
    }
}

fn check(mut args: CheckArgs) -> ExitCode {
    // The report goes where the user asked, even when --staged works elsewhere.
    if let (Some(out), Ok(cwd)) = (&args.output, std::env::current_dir()) {
        args.output = Some(cwd.join(out));
    }
    if let Some(n) = args.jobs {
        if n == 0 {
            eprintln!("error: --jobs must be at least 1");
            return ExitCode::from(2);
        }
        if let Err(e) = rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build_global()
        {
            eprintln!("error: cannot start {n} worker threads: {e}");
            return ExitCode::from(2);
        }
    }
    let style_for_errors = human::Style {
        color: false,
        width: 100,
    };
    let settings = match load_settings(args.config.as_deref()) {
        Ok(s) => s,
        Err((errors, files)) => {
            let report = Report {
                errors,
                files,
                ..Report::default()
            };
            return finish(&args, &report, style_for_errors);
        }
    };
    let paths = if args.paths.is_empty() {
        settings.claims.clone()
    } else {
        args.paths.clone()
    };
    // With --staged, the index is exported and checked in its place.
    let staged = if args.staged {
        match verbatim::git::staged() {
            Ok(staged) => Some(staged),
            Err(e) => {
                eprintln!("error: {e}");
                return ExitCode::from(2);
            }
        }
    } else {
        None
    };
    if let Some(staged) = &staged {
        if let Err(e) = std::env::set_current_dir(staged.cwd()) {
            eprintln!("error: cannot enter the staged snapshot: {e}");
            return ExitCode::from(2);
        }
    }
    let progress = Progress::new(!args.no_progress && std::io::stderr().is_terminal());
    let tick = || progress.tick();
    let report = match &staged {
        Some(staged) => match verbatim::staged_claims_files(&paths, staged) {
            Ok(files) if files.is_empty() => Report::default(),
            Ok(files) => verbatim::check_files(&files, &settings, &tick),
            Err(errors) => Report {
                errors,
                ..Report::default()
            },
        },
        None => verbatim::check_paths_with(&paths, &settings, &tick),
    };
    progress.done();
    let style = human::Style {
        color: args.output.is_none()
            && std::io::stdout().is_terminal()
            && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
        width: 100,
    };
    finish(&args, &report, style)
}

fn finish(args: &CheckArgs, report: &Report, style: human::Style) -> ExitCode {
    let invalid = !report.errors.is_empty();
    let text = match args.format {
        FormatArg::Human if invalid => {
            let errors = human::render_errors(&report.errors, &report.files, style);
            eprint!("{errors}");
            String::new()
        }
        FormatArg::Human => human::render(report, style),
        FormatArg::Json => json::render(report),
        FormatArg::Sarif => verbatim::report::sarif::render(report),
        FormatArg::Junit => verbatim::report::junit::render(report),
        FormatArg::Github => {
            if let Some(path) = std::env::var_os("GITHUB_STEP_SUMMARY").filter(|p| !p.is_empty()) {
                append(
                    Path::new(&path),
                    &verbatim::report::github::step_summary(report),
                );
            }
            verbatim::report::github::render(report)
        }
    };
    if let Err(e) = emit(&text, args.output.as_deref()) {
        eprintln!("error: cannot write the report: {e}");
        return ExitCode::from(2);
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
        Some(path) => verbatim::atomic::write(path, text.as_bytes()),
    }
}

fn explain(name: &str) -> ExitCode {
    match Kind::from_name(name) {
        Some(kind) => {
            print!("{}", verbatim::explain::explain(kind));
            ExitCode::SUCCESS
        }
        None => {
            let names: Vec<&str> = Kind::ALL.iter().map(|k| k.name()).collect();
            eprintln!("error: unknown finding kind `{name}`");
            if let Some(s) = verbatim::claims::did_you_mean(name, &names) {
                eprintln!("  help: did you mean `{s}`?");
            }
            eprintln!("  kinds: {}", names.join(", "));
            ExitCode::from(2)
        }
    }
}

fn list_figures(files: &[PathBuf], format: FormatArg, published: Option<&str>) -> ExitCode {
    let year = match published {
        None => None,
        Some(text) => match verbatim::claims::parse_date(text) {
            Some(date) => Some(date.year),
            None => {
                eprintln!("error: --published {text:?} is not a YYYY-MM-DD date");
                return ExitCode::from(2);
            }
        },
    };
    let mut failed = false;
    let mut listed = Vec::new();
    for path in files {
        let shown = verbatim::paths::display(path);
        match verbatim::text::source::read_source(path, false) {
            Ok(source) => listed.push((shown, verbatim::figures::read_source(&source, year))),
            Err(e) => {
                failed = true;
                let why = match e {
                    verbatim::text::source::ReadError::Missing => "it does not exist".to_string(),
                    verbatim::text::source::ReadError::Unreadable(why) => why,
                };
                eprintln!("error: {shown}: cannot read it: {why}");
            }
        }
    }
    let text = match format {
        FormatArg::Json => verbatim::report::figures::json(&listed),
        _ => verbatim::report::figures::human(&listed),
    };
    print!("{text}");
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Why the configuration cannot be used: its problems and its text.
type ConfigFailure = (
    Vec<verbatim::findings::InputError>,
    Vec<(String, std::sync::Arc<String>)>,
);

fn load_settings(path: Option<&Path>) -> Result<verbatim::config::Settings, ConfigFailure> {
    let found = match path {
        Some(p) => Some(p.to_path_buf()),
        None => verbatim::config::find(),
    };
    match found {
        None => Ok(verbatim::config::Settings::default()),
        Some(p) => verbatim::config::load(&p).map_err(|(errors, text)| {
            let shown = verbatim::paths::display(&p);
            (errors, vec![(shown, std::sync::Arc::new(text))])
        }),
    }
}

/// A progress bar on standard error, shown only on a terminal and only
/// once the run has lasted a second.
struct Progress {
    bar: Option<indicatif::ProgressBar>,
    started: std::time::Instant,
    shown: std::sync::atomic::AtomicBool,
}

impl Progress {
    fn new(enabled: bool) -> Progress {
        let bar = enabled.then(|| {
            let bar = indicatif::ProgressBar::with_draw_target(
                None,
                indicatif::ProgressDrawTarget::hidden(),
            );
            bar.set_style(
                indicatif::ProgressStyle::with_template(
                    "{spinner} {pos} sources searched ({elapsed})",
                )
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
            );
            bar
        });
        Progress {
            bar,
            started: std::time::Instant::now(),
            shown: std::sync::atomic::AtomicBool::new(false),
        }
    }

    fn tick(&self) {
        let Some(bar) = &self.bar else {
            return;
        };
        bar.inc(1);
        if self.started.elapsed() > std::time::Duration::from_secs(1)
            && !self.shown.swap(true, std::sync::atomic::Ordering::Relaxed)
        {
            bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
        }
    }

    fn done(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

fn pin(paths: &[PathBuf], update: bool) -> ExitCode {
    let paths = if paths.is_empty() {
        vec![PathBuf::from("claims")]
    } else {
        paths.to_vec()
    };
    match verbatim::pin::pin(&paths, update) {
        Ok(outcome) => {
            for c in &outcome.changes {
                match &c.old {
                    None => println!("pinned {}: `{}` sha256 {}", c.file, c.key, c.new),
                    Some(old) => println!(
                        "updated {}: `{}` sha256 {} -> {}",
                        c.file, c.key, old, c.new
                    ),
                }
            }
            for c in &outcome.differing {
                println!(
                    "changed {}: `{}` is now sha256 {} (pinned {}); re-check it, then run `verbatim pin --update`",
                    c.file,
                    c.key,
                    c.new,
                    c.old.as_deref().unwrap_or("-")
                );
            }
            for p in &outcome.problems {
                eprintln!("error: {p}");
            }
            if outcome.changes.is_empty()
                && outcome.differing.is_empty()
                && outcome.problems.is_empty()
            {
                println!("every source is pinned");
            }
            if outcome.problems.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            }
        }
        Err(errors) => {
            for e in errors {
                eprintln!("error: {}:{}:{}: {}", e.file, e.line, e.column, e.message);
            }
            ExitCode::from(2)
        }
    }
}
