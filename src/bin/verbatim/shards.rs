//! `verbatim scan` and `verbatim merge`: arguments to the library's
//! [`verbatim::workflow::shards`], evidence and reports where asked.

use crate::args::{MergeArgs, ScanArgs};
use crate::check::{color, finish, load_settings, report_settings, threads};
use crate::progress::Progress;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use verbatim::model::Report;
use verbatim::report::human;
use verbatim::workflow::shards::{self, Documents};

pub fn scan(args: ScanArgs, cwd: &Path) -> ExitCode {
    if let Err(code) = threads(args.jobs) {
        return code;
    }
    let settings = match load_settings(args.config.as_deref(), cwd) {
        Ok(s) => s,
        Err(e) => return invalid(&Report::invalid(e.errors, vec![(e.file, e.text)])),
    };
    let paths = crate::claims_paths(&args.paths, &settings, cwd);
    if let Some(bytes) = &args.plan {
        let Some(bytes) = parse_bytes(bytes) else {
            return crate::fail(format_args!(
                "--plan {bytes}: give a size such as 1GB, 500MB or 1048576"
            ));
        };
        return match shards::plan(&paths, cwd, &settings, bytes) {
            Ok(planned) => {
                let lines: Vec<String> = planned
                    .iter()
                    .filter_map(|p| serde_json::to_string(p).ok())
                    .collect();
                crate::out(&(lines.join("\n") + "\n"));
                ExitCode::SUCCESS
            }
            Err(report) => invalid(&report),
        };
    }
    let which = match (args.shard, &args.docs) {
        (Some(shard), _) => Documents::Shard(shard),
        (None, Some(range)) => match parse_range(range) {
            Some((from, to)) => Documents::Range(from, to),
            None => {
                return crate::fail(format_args!(
                    "--docs {range}: give a range FROM..TO, such as 0..1000"
                ))
            }
        },
        (None, None) => {
            return crate::fail("say which documents to scan: --shard K/N or --docs FROM..TO")
        }
    };
    let progress = Progress::new(std::io::stderr().is_terminal());
    let tick = |bytes: u64| progress.tick(bytes);
    let mut evidence = Vec::new();
    let scanned = shards::scan(&paths, cwd, &settings, which, &tick, &mut evidence);
    progress.done();
    match scanned {
        Err(report) => invalid(&report),
        Ok(Err(e)) => crate::fail(format_args!("cannot write the evidence: {e}")),
        Ok(Ok(_)) => match write(&evidence, args.output.as_deref().map(|o| cwd.join(o))) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => crate::fail(format_args!("cannot write the evidence: {e}")),
        },
    }
}

pub fn merge(args: MergeArgs, cwd: &Path) -> ExitCode {
    // Parts are the .jsonl files; the rest are claims paths.
    let (parts, claims): (Vec<PathBuf>, Vec<PathBuf>) = args
        .paths
        .iter()
        .cloned()
        .partition(|p| p.extension().is_some_and(|e| e == "jsonl"));
    let settings = match report_settings(&args.report, cwd) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let paths = crate::claims_paths(&claims, &settings, cwd);
    let report = shards::merge(&paths, &parts, cwd, &settings);
    finish(&args.report, cwd, &report, color(&args.report))
}

/// Input errors on standard error, exit 2.
fn invalid(report: &Report) -> ExitCode {
    let style = human::Style {
        color: false,
        width: 100,
        notes: human::Notes::Brief,
    };
    eprint!(
        "{}",
        human::render_errors(&report.errors, &report.files, style)
    );
    ExitCode::from(2)
}

fn write(bytes: &[u8], output: Option<PathBuf>) -> std::io::Result<()> {
    match output {
        Some(path) => verbatim::files::atomic::write(&path, bytes),
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(bytes)?;
            out.flush()
        }
    }
}

/// `FROM..TO`.
fn parse_range(text: &str) -> Option<(usize, usize)> {
    let (from, to) = text.split_once("..")?;
    Some((from.trim().parse().ok()?, to.trim().parse().ok()?))
}

/// A size in bytes: a number with an optional unit, decimal (KB, MB, GB,
/// TB) or binary (KiB, MiB, GiB, TiB).
fn parse_bytes(text: &str) -> Option<u64> {
    let text = text.trim();
    let split = text
        .find(|c: char| !c.is_ascii_digit() && c != '.')
        .unwrap_or(text.len());
    let (number, unit) = text.split_at(split);
    let number: f64 = number.parse().ok()?;
    let scale: f64 = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1.0,
        "kb" | "k" => 1e3,
        "mb" | "m" => 1e6,
        "gb" | "g" => 1e9,
        "tb" | "t" => 1e12,
        "kib" => 1024.0,
        "mib" => 1024.0 * 1024.0,
        "gib" => 1024.0 * 1024.0 * 1024.0,
        "tib" => 1024.0 * 1024.0 * 1024.0 * 1024.0,
        _ => return None,
    };
    let bytes = number * scale;
    (bytes.is_finite() && bytes >= 1.0).then_some(bytes as u64)
}

#[cfg(test)]
mod tests {
    use super::{parse_bytes, parse_range};

    #[test]
    fn sizes_and_ranges() {
        assert_eq!(parse_bytes("1GB"), Some(1_000_000_000));
        assert_eq!(parse_bytes("1.5 MiB"), Some(1_572_864));
        assert_eq!(parse_bytes("4096"), Some(4096));
        assert_eq!(parse_bytes("0"), None);
        assert_eq!(parse_bytes("lots"), None);
        assert_eq!(parse_range("0..1000"), Some((0, 1000)));
        assert_eq!(parse_range("5-9"), None);
    }
}
