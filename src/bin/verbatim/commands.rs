//! The other subcommands: each calls its library function and prints what
//! it returns.

use crate::args::FiguresFormat;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use verbatim::lexicon::did_you_mean;
use verbatim::model::Kind;
use verbatim::workflow::{extract, figures, hook, init, pin};

pub fn explain(name: &str) -> ExitCode {
    match Kind::from_name(name) {
        Some(kind) => {
            crate::out(&kind.explanation());
            ExitCode::SUCCESS
        }
        None => {
            let names: Vec<&str> = Kind::ALL.iter().map(|k| k.name()).collect();
            eprintln!("error: unknown finding kind `{name}`");
            if let Some(s) = did_you_mean(name, &names) {
                eprintln!("  help: did you mean `{s}`?");
            }
            eprintln!("  kinds: {}", names.join(", "));
            ExitCode::from(2)
        }
    }
}

pub fn install_hook(force: bool, cwd: &Path) -> ExitCode {
    let exe = match std::env::current_exe() {
        Ok(exe) => exe,
        Err(e) => return crate::fail(format_args!("cannot find the verbatim binary: {e}")),
    };
    match hook::install_hook(cwd, &exe, force) {
        Ok(path) => {
            crate::out(&format!("installed {}\n", path.display()));
            ExitCode::SUCCESS
        }
        Err(e) => crate::fail(e),
    }
}

pub fn init(cwd: &Path) -> ExitCode {
    match init::init(cwd) {
        Ok(written) => {
            for w in written {
                crate::out(&format!("created {w}\n"));
            }
            crate::out("now run: verbatim check\n");
            ExitCode::SUCCESS
        }
        Err(e) => crate::fail(e),
    }
}

pub fn extract(draft: &Path, sources: &Path, claims_dir: &Path, cwd: &Path) -> ExitCode {
    match extract::extract(draft, sources, claims_dir, cwd) {
        Ok(text) => {
            crate::out(&text);
            ExitCode::SUCCESS
        }
        Err(e) => crate::fail(e),
    }
}

pub fn figures(
    files: &[PathBuf],
    format: FiguresFormat,
    published: Option<&str>,
    cwd: &Path,
) -> ExitCode {
    let year = match published {
        None => None,
        Some(text) => match verbatim::claims::parse_date(text) {
            Some(date) => Some(date.year),
            None => {
                return crate::fail(format_args!(
                    "--published {text:?} is not a YYYY-MM-DD date"
                ))
            }
        },
    };
    let listing = figures::list_figures(files, year, cwd);
    for (shown, why) in &listing.failed {
        eprintln!("error: {shown}: cannot read it: {why}");
    }
    let text = match format {
        FiguresFormat::Json => verbatim::report::figures::json(&listing.listed),
        FiguresFormat::Human => verbatim::report::figures::human(&listing.listed),
    };
    crate::out(&text);
    if listing.failed.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

pub fn pin(paths: &[PathBuf], update: bool, config: Option<&Path>, cwd: &Path) -> ExitCode {
    let settings = match crate::check::load_settings(config, cwd) {
        Ok(s) => s,
        Err(e) => {
            for e in e.errors {
                eprintln!(
                    "error: {}:{}:{}: {}",
                    e.at.file, e.at.line, e.at.column, e.message
                );
            }
            return ExitCode::from(2);
        }
    };
    let paths = crate::claims_paths(paths, &settings, cwd);
    let roots = verbatim::roots_for(&paths, cwd, &settings);
    match pin::pin(&paths, update, cwd, &roots) {
        Ok(outcome) => {
            for c in &outcome.changes {
                match &c.old {
                    None => crate::out(&format!(
                        "pinned {}: `{}` sha256 {}\n",
                        c.file, c.key, c.new
                    )),
                    Some(old) => crate::out(&format!(
                        "updated {}: `{}` sha256 {} -> {}\n",
                        c.file, c.key, old, c.new
                    )),
                }
            }
            for c in &outcome.differing {
                crate::out(&format!(
                    "changed {}: `{}` is now sha256 {} (pinned {}); re-check it, then run `verbatim pin --update`\n",
                    c.file,
                    c.key,
                    c.new,
                    c.old.as_deref().unwrap_or("-")
                ));
            }
            for p in &outcome.problems {
                eprintln!("error: {p}");
            }
            if outcome.changes.is_empty()
                && outcome.differing.is_empty()
                && outcome.problems.is_empty()
            {
                crate::out("every source is pinned\n");
            }
            if outcome.problems.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            }
        }
        Err(errors) => {
            for e in errors {
                eprintln!(
                    "error: {}:{}:{}: {}",
                    e.at.file, e.at.line, e.at.column, e.message
                );
            }
            ExitCode::from(2)
        }
    }
}

/// `verbatim text FILE`: the text verbatim reads in a source.
pub fn text(path: &Path) -> ExitCode {
    match verbatim::text::read_source(path, false) {
        Ok(source) => {
            let text = source.original_text(0, source.original_len());
            crate::out(&verbatim::report::safe::same_length(&text));
            if !text.ends_with('\n') {
                crate::out("\n");
            }
            ExitCode::SUCCESS
        }
        Err(e) => crate::fail(format_args!("{}: {e}", path.display())),
    }
}
