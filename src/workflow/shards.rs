//! `verbatim scan` and `verbatim merge`: a check cut across machines. A
//! scan searches one shard of the documents and writes its evidence
//! ([`crate::evidence::wire`]); a merge checks that the parts belong to
//! this run and cover every document once, combines them and decides, by
//! the same code a check runs on the one part it scans itself.

use crate::claims::{self, ClaimSet};
use crate::evidence::wire::{self, Header, Part};
use crate::files::paths;
use crate::files::root::Roots;
use crate::model::{InputError, Report, Settings, Span};
use crate::pipeline::{self, Shard};
use std::path::{Path, PathBuf};

/// Which documents a scan searches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Documents {
    /// The K-th of N shards of about equal bytes.
    Shard(Shard),
    /// Documents `from..to` of the run's sorted list.
    Range(usize, usize),
}

/// A shard as `scan --plan` lists it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct PlannedShard {
    pub shard: String,
    pub docs: (usize, usize),
    pub bytes: u64,
}

/// Load the claims files under `paths` as `check` does; invalid input
/// comes back as a report of its errors.
fn load(paths: &[PathBuf], cwd: &Path, settings: &Settings) -> Result<ClaimSet, Report> {
    claims::load_under(paths, cwd, &Roots::for_claims(settings, paths, cwd))
}

/// The shards of about `bytes` each that the run's documents make.
pub fn plan(
    paths: &[PathBuf],
    cwd: &Path,
    settings: &Settings,
    bytes: u64,
) -> Result<Vec<PlannedShard>, Report> {
    let set = load(paths, cwd, settings)?;
    let sizes = pipeline::document_sizes(&set);
    let count = pipeline::shards_for(&sizes, bytes);
    let ranges = pipeline::shard_ranges(&sizes, count);
    Ok(ranges
        .into_iter()
        .enumerate()
        .map(|(k, (from, to))| PlannedShard {
            shard: format!("{}/{count}", k + 1),
            docs: (from, to),
            bytes: sizes[from..to].iter().sum(),
        })
        .collect())
}

/// Scan the chosen documents and write the evidence to `out`.
pub fn scan(
    paths: &[PathBuf],
    cwd: &Path,
    settings: &Settings,
    which: Documents,
    progress: &(dyn Fn(u64) + Sync),
    out: &mut impl std::io::Write,
) -> Result<std::io::Result<Header>, Report> {
    let set = load(paths, cwd, settings)?;
    let documents = set.source_files.len();
    let (docs, shard) = match which {
        Documents::Shard(shard) => {
            let sizes = pipeline::document_sizes(&set);
            let ranges = pipeline::shard_ranges(&sizes, shard.count);
            (ranges[shard.index - 1], Some(shard.to_string()))
        }
        Documents::Range(from, to) if from <= to && to <= documents => ((from, to), None),
        Documents::Range(from, to) => {
            let at = Span::start_of("--docs");
            let message = format!("documents {from}..{to} are not within the run's 0..{documents}");
            return Err(Report::invalid(
                vec![InputError::new(at, message)],
                Vec::new(),
            ));
        }
    };
    let jobs = pipeline::make_jobs(&set);
    let mut header = Header::new(&set, jobs.len(), settings, docs);
    header.shard = shard;
    let scanned = pipeline::scan(&set, &jobs, settings, docs, progress);
    Ok(wire::write(&header, &set, scanned, out).map(|()| header))
}

/// Merge the parts (evidence files) of a scan of the claims under
/// `paths` into the report a check would give. Parts that are unreadable,
/// of another run or version, or that leave gaps or overlap are input
/// errors, every one of them listed.
pub fn merge(paths: &[PathBuf], parts: &[PathBuf], cwd: &Path, settings: &Settings) -> Report {
    let set = match load(paths, cwd, settings) {
        Ok(set) => set,
        Err(report) => return report,
    };
    let jobs = pipeline::make_jobs(&set);
    let ours = Header::new(&set, jobs.len(), settings, (0, 0));
    let mut errors = Vec::new();
    let mut read: Vec<Part> = Vec::new();
    let mut ranges = Vec::new();
    if parts.is_empty() {
        let message = "no evidence parts given (files written by `verbatim scan`, *.jsonl)";
        errors.push(InputError::new(Span::start_of("merge"), message));
    }
    for path in parts {
        let shown = paths::display(&cwd.join(path), cwd);
        let file = match std::fs::File::open(cwd.join(path)) {
            Ok(file) => std::io::BufReader::new(file),
            Err(e) => {
                errors.push(InputError::new(
                    Span::start_of(&shown),
                    format!("cannot read it: {e}"),
                ));
                continue;
            }
        };
        match wire::read(file, &shown) {
            Ok(part) => {
                errors.extend(mismatches(&part.header, &ours, &shown));
                ranges.push(part.header.docs);
                read.push(part);
            }
            Err(mut problems) => errors.append(&mut problems),
        }
    }
    if errors.is_empty() {
        let shown: Vec<String> = parts
            .iter()
            .map(|p| paths::display(&cwd.join(p), cwd))
            .collect();
        for (part, problem) in pipeline::coverage(&ranges, &shown, set.source_files.len()) {
            let at = shown.get(part).map_or("merge", String::as_str);
            errors.push(InputError::new(Span::start_of(at), problem));
        }
    }
    if !errors.is_empty() {
        return Report::invalid(errors, Vec::new());
    }
    let scanned = read.into_iter().map(|p| p.scanned).collect();
    pipeline::decide(&set, jobs, scanned, settings)
}

/// How a part's header differs from this run's: each difference an error
/// on its first line.
fn mismatches(theirs: &Header, ours: &Header, file: &str) -> Vec<InputError> {
    let fields = [
        (
            "verbatim version",
            theirs.version.clone(),
            ours.version.clone(),
        ),
        (
            "claims and documents (hash)",
            theirs.claims.clone(),
            ours.claims.clone(),
        ),
        (
            "search settings (hash)",
            theirs.config.clone(),
            ours.config.clone(),
        ),
        (
            "documents",
            theirs.documents.to_string(),
            ours.documents.to_string(),
        ),
        ("quotes", theirs.jobs.to_string(), ours.jobs.to_string()),
    ];
    fields
        .into_iter()
        .filter(|(_, a, b)| a != b)
        .map(|(what, a, b)| {
            let message = format!("{what}: the part has {a}, this run {b}");
            InputError::new(Span::start_of(file), message)
        })
        .collect()
}
