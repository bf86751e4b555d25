//! Shards of a scan combined into the evidence of one search of every
//! document: each document's outcome from the one part that searched it,
//! per job the earliest document holding it elsewhere, and per
//! every-source job the strongest candidate documents of all parts. The
//! rules pick the same evidence whatever the partition, so verdicts on the
//! combined parts are those of a single search.

use super::cites;
use super::drafts;
use super::plan::CANDIDATE_SOURCES;
use crate::claims::ClaimSet;
use crate::evidence::{Evidence, Job, Scanned, Searched, SourceId, SourceOutcome, SourceState};
use crate::text::ReadError;

/// Combine parts that cover the set's documents (see [`coverage`]); a
/// document no part covers is reported as unread, never skipped.
pub fn combine(set: &ClaimSet, jobs: Vec<Job>, mut parts: Vec<Scanned>) -> Searched {
    parts.sort_by_key(|p| p.docs);
    let documents = set.source_files.len();
    let mut outcomes: Vec<Option<SourceOutcome>> = (0..documents).map(|_| None).collect();
    let mut elsewhere: Vec<Option<(SourceId, Evidence)>> = (0..jobs.len()).map(|_| None).collect();
    let mut best: Vec<Vec<(usize, SourceId)>> = vec![Vec::new(); jobs.len()];
    for part in parts {
        for (sf, outcome) in (part.docs.0..).zip(part.outcomes) {
            if let Some(slot) = outcomes.get_mut(sf) {
                slot.get_or_insert(outcome);
            }
        }
        for (job, sf, found) in part.elsewhere {
            let Some(kept) = elsewhere.get_mut(job.0) else {
                continue;
            };
            // The earliest document, then the earliest place in it.
            let at = |e: &Evidence| e.exact.as_ref().map_or(usize::MAX, |p| p.offset);
            if kept
                .as_ref()
                .is_none_or(|(s, k)| (sf, at(&found)) < (*s, at(k)))
            {
                *kept = Some((sf, found));
            }
        }
        for (job, keys) in part.candidates {
            if let Some(all) = best.get_mut(job.0) {
                all.extend(keys);
            }
        }
    }
    for keys in &mut best {
        // Most seed hits first, then the earlier document: a total order.
        keys.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        keys.dedup();
        keys.truncate(CANDIDATE_SOURCES);
    }
    let mut outcomes: Vec<SourceOutcome> = outcomes
        .into_iter()
        .map(|o| o.unwrap_or_else(unscanned))
        .collect();
    keep_best_candidates(set, &jobs, &best, &mut outcomes);
    let drafts = drafts::check(set, &jobs);
    Searched {
        jobs,
        outcomes,
        elsewhere,
        drafts,
    }
}

fn unscanned() -> SourceOutcome {
    SourceOutcome {
        state: SourceState::Failed(ReadError::Unreadable(
            "no part of the scan searched it".to_string(),
        )),
        evidence: Vec::new(),
        figures: Vec::new(),
    }
}

/// Drop alignments of wide quotes (every source, an archive's documents)
/// from documents outside their
/// final best set: a part aligned its own best documents, and which of
/// them count must not depend on the partition (or on thread timing).
fn keep_best_candidates(
    set: &ClaimSet,
    jobs: &[Job],
    best: &[Vec<(usize, SourceId)>],
    outcomes: &mut [SourceOutcome],
) {
    let wide: Vec<bool> = jobs
        .iter()
        .map(|j| cites::wide(set, &set.claims[j.claim]))
        .collect();
    for (sf, outcome) in outcomes.iter_mut().enumerate() {
        for (job, evidence) in &mut outcome.evidence {
            if wide[job.0] && !best[job.0].iter().any(|(_, s)| s.0 == sf) {
                evidence.aligned = None;
                evidence.pieces.clear();
            }
        }
    }
}

/// Do these parts' document ranges cover `0..documents` exactly once? The
/// problems otherwise, in document order: gaps, overlaps, duplicates,
/// each with the part it is told on (the one after a gap, the later of
/// two that overlap); `names` names the parts (`"part 2"` without one).
pub fn coverage(
    ranges: &[(usize, usize)],
    names: &[String],
    documents: usize,
) -> Vec<(usize, String)> {
    let name = |i: usize| names.get(i).cloned().unwrap_or(format!("part {}", i + 1));
    let mut sorted: Vec<(usize, usize, usize)> = ranges
        .iter()
        .enumerate()
        .map(|(i, &(from, to))| (from, to, i))
        .collect();
    sorted.sort_unstable();
    let mut problems = Vec::new();
    let mut covered = 0;
    let mut last: Option<(usize, usize, usize)> = None;
    for &(from, to, i) in &sorted {
        if to > documents || from > to {
            problems.push((
                i,
                format!(
                    "{} covers documents {from}..{to}, outside the run's 0..{documents}",
                    name(i)
                ),
            ));
            continue;
        }
        if from == to {
            // An empty shard (more shards than documents) covers nothing.
            continue;
        }
        match last {
            Some((f, t, j)) if (f, t) == (from, to) => problems.push((
                i,
                format!(
                    "{} and {} are the same shard (documents {from}..{to})",
                    name(j),
                    name(i)
                ),
            )),
            Some((_, t, j)) if from < t => problems.push((
                i,
                format!(
                    "{} and {} overlap (documents {from}..{})",
                    name(j),
                    name(i),
                    t.min(to)
                ),
            )),
            _ if from > covered => {
                problems.push((i, format!("no part covers documents {covered}..{from}")))
            }
            _ => {}
        }
        covered = covered.max(to);
        last = Some((from, to, i));
    }
    if covered < documents {
        let last = last.map_or(0, |(_, _, i)| i);
        problems.push((
            last,
            format!("no part covers documents {covered}..{documents}"),
        ));
    }
    problems
}

#[cfg(test)]
mod tests {
    fn coverage(ranges: &[(usize, usize)], documents: usize) -> Vec<String> {
        let problems = super::coverage(ranges, &[], documents);
        problems.into_iter().map(|(_, p)| p).collect()
    }

    #[test]
    fn parts_must_cover_every_document_once() {
        assert!(coverage(&[(5, 10), (0, 5)], 10).is_empty());
        assert!(
            coverage(&[(0, 0), (0, 3)], 3).is_empty(),
            "an empty shard is fine"
        );
        assert_eq!(
            coverage(&[(0, 4), (6, 10)], 10),
            vec!["no part covers documents 4..6"]
        );
        assert_eq!(
            coverage(&[(0, 6), (4, 10)], 10),
            vec!["part 1 and part 2 overlap (documents 4..6)"]
        );
        assert_eq!(
            coverage(&[(0, 5), (5, 10), (0, 5)], 10),
            vec!["part 1 and part 3 are the same shard (documents 0..5)"]
        );
        assert_eq!(
            coverage(&[(0, 5)], 10),
            vec!["no part covers documents 5..10"]
        );
        assert_eq!(
            coverage(&[(0, 12)], 10),
            vec![
                "part 1 covers documents 0..12, outside the run's 0..10",
                "no part covers documents 0..10"
            ]
        );
    }
}
