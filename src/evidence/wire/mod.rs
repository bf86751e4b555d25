//! Evidence as JSON lines: what `verbatim scan` writes for one shard and
//! `verbatim merge` reads back. A header names the shard, the documents it
//! covers and hashes of the claims and search settings; then one line per
//! document (its state, pin, evidence per quote and figures), one per
//! quote found outside its sources, one per every-source quote's candidate
//! documents; an end line counts them, so a cut-off part is refused.
//!
//! Everything the verdicts and renderers need travels here (places carry
//! their snippets): merging reads no source. Numbers are written exactly.

use super::{Evidence, JobId, Scanned, SourceId, SourceOutcome, SourceState};
use crate::claims::ClaimSet;
use crate::figures::SourceFigure;
use crate::files::hash::Hasher;
use crate::matcher::analyze::worth_aligning;
use crate::model::{InputError, Settings, Span};
use figure::FigureLine;
use serde::{Deserialize, Serialize};
use std::io::Write;

mod figure;

/// The format's name and version, the header's first field.
pub const FORMAT: &str = "verbatim-evidence/2";

/// What a part is evidence of.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Header {
    pub format: String,
    /// verbatim's version: evidence is read only by the version that wrote it.
    pub version: String,
    /// `K/N` when the shard was chosen so.
    pub shard: Option<String>,
    /// The documents searched, `from..to` of the run's sorted list.
    pub docs: (usize, usize),
    /// Documents and jobs (quotes) of the whole run.
    pub documents: usize,
    pub jobs: usize,
    /// SHA-256 of the claims files and the document list.
    pub claims: String,
    /// SHA-256 of the settings the search depends on.
    pub config: String,
}

impl Header {
    pub fn new(set: &ClaimSet, jobs: usize, settings: &Settings, docs: (usize, usize)) -> Header {
        Header {
            format: FORMAT.to_string(),
            version: env!("CARGO_PKG_VERSION").to_string(),
            shard: None,
            docs,
            documents: set.source_files.len(),
            jobs,
            claims: claims_hash(set),
            config: config_hash(settings),
        }
    }
}

/// SHA-256 of every claims file (its path and bytes) and of the list of
/// documents the run reads: two runs with the same hash plan the same jobs
/// over the same documents.
pub fn claims_hash(set: &ClaimSet) -> String {
    let mut h = Hasher::default();
    for file in &set.files {
        for part in [file.display.as_bytes(), file.text.as_bytes()] {
            h.update(&(part.len() as u64).to_le_bytes());
            h.update(part);
        }
    }
    for doc in &set.source_files {
        h.update(&(doc.display.len() as u64).to_le_bytes());
        h.update(doc.display.as_bytes());
    }
    h.finish()
}

/// SHA-256 of the settings the search reads (the typo limits, and the
/// share of a quote worth aligning, which `not_found` sets); the verdicts'
/// other settings (severities, shares) are the merging run's own.
pub fn config_hash(settings: &Settings) -> String {
    let mut h = Hasher::default();
    let worth = worth_aligning(settings.not_found);
    h.update(format!("{:?} {worth:?}", settings.typo).as_bytes());
    h.finish()
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
enum Line {
    Header(Header),
    Document {
        doc: SourceId,
        path: String,
        state: SourceState,
        evidence: Vec<(JobId, Evidence)>,
        figures: Vec<FigureLine>,
    },
    Elsewhere {
        job: JobId,
        doc: SourceId,
        evidence: Box<Evidence>,
    },
    Candidates {
        job: JobId,
        docs: Vec<(usize, SourceId)>,
    },
    End {
        lines: usize,
    },
}

/// Write a scan's evidence as JSON lines.
pub fn write(
    header: &Header,
    set: &ClaimSet,
    scanned: Scanned,
    out: &mut impl Write,
) -> std::io::Result<()> {
    let mut lines = 0;
    let mut put = |line: Line, out: &mut dyn Write| -> std::io::Result<()> {
        serde_json::to_writer(&mut *out, &line)?;
        out.write_all(b"\n")?;
        lines += 1;
        Ok(())
    };
    put(Line::Header(header.clone()), out)?;
    for (sf, outcome) in (scanned.docs.0..).zip(scanned.outcomes) {
        let path = set.source_files.get(sf).map_or("", |f| f.display.as_str());
        let line = Line::Document {
            doc: SourceId(sf),
            path: path.to_string(),
            state: outcome.state,
            evidence: outcome.evidence,
            figures: outcome.figures.into_iter().map(FigureLine::from).collect(),
        };
        put(line, out)?;
    }
    for (job, doc, evidence) in scanned.elsewhere {
        let evidence = Box::new(evidence);
        put(Line::Elsewhere { job, doc, evidence }, out)?;
    }
    for (job, docs) in scanned.candidates {
        put(Line::Candidates { job, docs }, out)?;
    }
    let lines = lines + 1;
    serde_json::to_writer(&mut *out, &Line::End { lines })?;
    out.write_all(b"\n")
}

/// A part read back.
#[derive(Debug)]
pub struct Part {
    pub header: Header,
    pub scanned: Scanned,
}

/// Read a part written by [`write`], a line at a time (a part is never
/// held whole); `file` names it in errors, which list every problem found
/// with its line and column.
pub fn read(input: impl std::io::BufRead, file: &str) -> Result<Part, Vec<InputError>> {
    let mut errors = Vec::new();
    let error = |line: usize, column: usize, message: String| {
        let mut at = Span::start_of(file);
        at.line = line as u32;
        at.column = column.max(1) as u32;
        InputError::new(at, message)
    };
    let mut header: Option<Header> = None;
    let mut scanned = Scanned {
        docs: (0, 0),
        outcomes: Vec::new(),
        elsewhere: Vec::new(),
        candidates: Vec::new(),
    };
    let mut ended = false;
    let mut count = 0;
    let mut last = 0;
    for (i, raw) in input.lines().enumerate() {
        let n = i + 1;
        last = n;
        let raw = match raw {
            Ok(raw) => raw,
            Err(e) => {
                errors.push(error(n, 1, format!("cannot read it: {e}")));
                break;
            }
        };
        if raw.trim().is_empty() {
            continue;
        }
        count += 1;
        if ended {
            errors.push(error(n, 1, "a line after the end line".to_string()));
            break;
        }
        let line: Line = match serde_json::from_str(&raw) {
            Ok(line) => line,
            Err(e) => {
                let what = if n == 1 {
                    format!("not a verbatim evidence file ({FORMAT}): {e}")
                } else {
                    format!("malformed evidence line: {e}")
                };
                errors.push(error(n, e.column(), what));
                if n == 1 {
                    break;
                }
                continue;
            }
        };
        match (line, &header) {
            (Line::Header(h), None) if n == 1 => {
                if h.format != FORMAT {
                    errors.push(error(n, 1, format!("format `{}`, not {FORMAT}", h.format)));
                }
                scanned.docs = h.docs;
                header = Some(h);
            }
            (_, None) => {
                errors.push(error(n, 1, "the first line must be the header".to_string()));
                break;
            }
            (Line::Header(_), Some(_)) => {
                errors.push(error(n, 1, "a second header".to_string()));
            }
            (
                Line::Document {
                    doc,
                    state,
                    evidence,
                    figures,
                    ..
                },
                Some(h),
            ) => {
                let expected = h.docs.0 + scanned.outcomes.len();
                if doc.0 != expected || doc.0 >= h.docs.1 {
                    errors.push(error(
                        n,
                        1,
                        format!(
                            "document {} where document {expected} of {}..{} was due",
                            doc.0, h.docs.0, h.docs.1
                        ),
                    ));
                    continue;
                }
                if let Some((job, _)) = evidence.iter().find(|(j, _)| j.0 >= h.jobs) {
                    errors.push(error(
                        n,
                        1,
                        format!("job {} of a run with {} jobs", job.0, h.jobs),
                    ));
                    continue;
                }
                if let SourceState::Read { sha256: Some(pin) } = &state {
                    if pin.len() != 64 || !pin.bytes().all(|b| b.is_ascii_hexdigit()) {
                        errors.push(error(
                            n,
                            1,
                            format!("document {}: `{pin}` is not a SHA-256", doc.0),
                        ));
                        continue;
                    }
                }
                let mut evidence = evidence;
                evidence.sort_by_key(|(job, _)| *job);
                scanned.outcomes.push(SourceOutcome {
                    state,
                    evidence,
                    figures: figures.into_iter().map(SourceFigure::from).collect(),
                });
            }
            (Line::Elsewhere { job, doc, evidence }, Some(h)) => {
                if job.0 >= h.jobs || doc.0 < h.docs.0 || doc.0 >= h.docs.1 {
                    errors.push(error(
                        n,
                        1,
                        format!("job {} or document {} out of range", job.0, doc.0),
                    ));
                    continue;
                }
                scanned.elsewhere.push((job, doc, *evidence));
            }
            (Line::Candidates { job, docs }, Some(h)) => {
                if job.0 >= h.jobs || docs.iter().any(|(_, d)| d.0 < h.docs.0 || d.0 >= h.docs.1) {
                    errors.push(error(
                        n,
                        1,
                        format!("job {} or its documents out of range", job.0),
                    ));
                    continue;
                }
                scanned.candidates.push((job, docs));
            }
            (Line::End { lines }, Some(_)) => {
                if lines != count {
                    errors.push(error(
                        n,
                        1,
                        format!("the end line counts {lines} lines; the part has {count}"),
                    ));
                }
                ended = true;
            }
        }
    }
    let Some(header) = header else {
        if errors.is_empty() {
            errors.push(error(1, 1, "an empty evidence file".to_string()));
        }
        return Err(errors);
    };
    if !ended && errors.is_empty() {
        errors.push(error(
            last.max(1),
            1,
            "no end line: the part was cut off".to_string(),
        ));
    }
    let due = header.docs.1.saturating_sub(header.docs.0);
    if errors.is_empty() && scanned.outcomes.len() != due {
        errors.push(error(
            1,
            1,
            format!(
                "the header covers {due} documents; the part has {}",
                scanned.outcomes.len()
            ),
        ));
    }
    if errors.is_empty() {
        Ok(Part { header, scanned })
    } else {
        Err(errors)
    }
}
