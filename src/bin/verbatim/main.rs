//! The command line: a thin front end over the `verbatim` library. It
//! parses arguments, calls one library function per subcommand, prints,
//! and maps outcomes to exit codes (0 pass, 1 error findings, 2 invalid
//! input or usage).

mod args;
mod check;
mod commands;
mod lsp;
mod progress;
mod shards;
mod watch;

use args::{Cli, Command, HookAction};
use clap::{CommandFactory, Parser};
use std::path::PathBuf;
use std::process::ExitCode;

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
    // Interrupted (SIGINT, SIGTERM): no temporary file or snapshot left.
    let handled = ctrlc::set_handler(|| {
        verbatim::files::cleanup::remove_all();
        std::process::exit(130);
    });
    if let Err(e) = handled {
        eprintln!("warning: cannot handle interruptions: {e}");
    }
    let cwd = match std::env::current_dir() {
        Ok(cwd) => cwd,
        Err(e) => {
            eprintln!("error: cannot tell the working directory: {e}");
            return ExitCode::from(2);
        }
    };
    match cli.command {
        Command::Check(args) => check::check(args, &cwd),
        Command::Scan(args) => shards::scan(args, &cwd),
        Command::Merge(args) => shards::merge(args, &cwd),
        Command::Explain { kind } => commands::explain(&kind),
        Command::Lsp => lsp::run(&cwd),
        Command::Text { file } => commands::text(&cwd.join(file)),
        Command::Pin {
            paths,
            update,
            config,
        } => commands::pin(&paths, update, config.as_deref(), &cwd),
        Command::Hook {
            action: HookAction::Install { force },
        } => commands::install_hook(force, &cwd),
        Command::Init => commands::init(&cwd),
        Command::Extract {
            draft,
            sources,
            claims_dir,
        } => commands::extract(&draft, &sources, &claims_dir, &cwd),
        Command::Figures {
            files,
            format,
            published,
        } => commands::figures(&files, format, published.as_deref(), &cwd),
        Command::Completions { shell } => {
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "verbatim", &mut script);
            out(&String::from_utf8_lossy(&script));
            ExitCode::SUCCESS
        }
        Command::Man => {
            let mut page = Vec::new();
            match clap_mangen::Man::new(Cli::command()).render(&mut page) {
                Ok(()) => {
                    out(&String::from_utf8_lossy(&page));
                    ExitCode::SUCCESS
                }
                Err(e) => fail(format!("cannot render the manual page: {e}")),
            }
        }
    }
}

/// Write to standard output. A reader that closed the pipe early
/// (`verbatim figures … | head`) ends the output quietly, as it ends grep;
/// any other failure to write is an error, never silence.
fn out(text: &str) {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    if let Err(e) = stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            eprintln!("error: cannot write to standard output: {e}");
            std::process::exit(2);
        }
    }
}

/// Print an error and return exit code 2.
fn fail(message: impl std::fmt::Display) -> ExitCode {
    eprintln!("error: {message}");
    ExitCode::from(2)
}

/// The claims paths to use: those given, else the configured ones.
fn claims_paths(
    given: &[PathBuf],
    settings: &verbatim::model::Settings,
    cwd: &std::path::Path,
) -> Vec<PathBuf> {
    if !given.is_empty() {
        return given.to_vec();
    }
    if settings.file.is_none() && !cwd.join("claims").exists() {
        // Run from a subfolder: the project's claims/ above, as git finds
        // its repository (never above the work tree's top).
        for dir in cwd.ancestors().skip(1) {
            let claims = dir.join("claims");
            if claims.is_dir() {
                return vec![claims];
            }
            if dir.join(".git").exists() {
                break;
            }
        }
    }
    settings.claims.clone()
}
