//! The pipeline: plan → scan (every source once, in parallel) → combine
//! (shards, drafts) → verdicts. It reads sources and drafts; it prints
//! nothing. `check` is a scan of every document and a combine of that one
//! part: the same code path as `verbatim scan` on shards and `merge`.

mod cites;
mod clusters;
mod combine;
mod drafts;
mod merge;
mod plan;
mod search;
mod seeds;
mod shards;
#[cfg(test)]
mod tests;
mod wide_hits;

pub use combine::{combine, coverage};
pub use drafts::{find_in, MIN_QUOTATION_WORDS};
pub use shards::{document_sizes, shard_ranges, shards_for, Shard};

use crate::claims::ClaimSet;
use crate::evidence::{Job, Scanned, SourceId, SourceOutcome};
use crate::matcher::quote::parse_quote;
use crate::model::{Report, Settings};
use crate::text::segments::Limits;
use plan::Plan;
use rayon::prelude::*;
use std::cmp::Reverse;

/// Run the whole check on a valid claim set; `progress` is called with the bytes
/// searched, once per source (per segment of a large one).
pub fn run(set: &ClaimSet, settings: &Settings, progress: &(dyn Fn(u64) + Sync)) -> Report {
    run_with(set, settings, Limits::default(), progress)
}

/// [`run`], cutting sources larger than `limits.whole` into segments.
fn run_with(
    set: &ClaimSet,
    settings: &Settings,
    limits: Limits,
    progress: &(dyn Fn(u64) + Sync),
) -> Report {
    let jobs = make_jobs(set);
    let every = (0, set.source_files.len());
    let scanned = scan_with(set, &jobs, settings, limits, every, progress);
    decide(set, jobs, vec![scanned], settings)
}

/// The verdicts on the parts of a scan that cover every document once
/// (see [`coverage`]).
pub fn decide(set: &ClaimSet, jobs: Vec<Job>, parts: Vec<Scanned>, settings: &Settings) -> Report {
    let searched = combine(set, jobs, parts);
    let report = crate::verdict::decide(set, &searched, settings);
    // Freeing the evidence (a tree of small allocations) is no part of the
    // answer: done on a pool thread while the report is rendered.
    rayon::spawn(move || drop(searched));
    report
}

/// Search the documents `docs.0..docs.1` of the set for every job.
pub fn scan(
    set: &ClaimSet,
    jobs: &[Job],
    settings: &Settings,
    docs: (usize, usize),
    progress: &(dyn Fn(u64) + Sync),
) -> Scanned {
    scan_with(set, jobs, settings, Limits::default(), docs, progress)
}

fn scan_with(
    set: &ClaimSet,
    jobs: &[Job],
    settings: &Settings,
    limits: Limits,
    docs: (usize, usize),
    progress: &(dyn Fn(u64) + Sync),
) -> Scanned {
    let docs = (docs.0.min(docs.1), docs.1.min(set.source_files.len()));
    let worth = crate::matcher::analyze::worth_aligning(settings.not_found);
    let mut plan = Plan::new(set, jobs, settings.typo, worth);
    plan.segments = limits;
    let mut outcomes: Vec<SourceOutcome> = Vec::with_capacity(docs.1 - docs.0);
    for (first, end) in waves(docs) {
        let anchors = plan.anchors_from(SourceId(first));
        let wave: Vec<SourceOutcome> = (first..end)
            .into_par_iter()
            .map(|sf| search::search_source(set, jobs, &plan, &anchors, SourceId(sf), progress))
            .collect();
        outcomes.extend(wave);
    }
    let (elsewhere, candidates) = plan.into_found();
    Scanned {
        docs,
        outcomes,
        elsewhere: elsewhere
            .into_iter()
            .enumerate()
            .filter_map(|(j, e)| e.map(|(sf, ev)| (crate::evidence::JobId(j), sf, ev)))
            .collect(),
        candidates: candidates
            .into_iter()
            .enumerate()
            .filter(|(_, keys)| !keys.is_empty())
            .map(|(j, keys)| {
                let keys = keys.into_iter().map(|(hits, Reverse(sf))| (hits, sf));
                (crate::evidence::JobId(j), keys.collect())
            })
            .collect(),
    }
}

/// Documents searched before the table is built again without the quotes
/// found by then (see [`Plan::anchors_from`]): a small first wave finds
/// most quotes an archive repeats, a larger second the rest, and the
/// remaining documents go in eight equal waves, so that a quote of every
/// source found exactly stops being looked for soon after (its seeds hit
/// all over a large archive). Each wave ends with all its documents
/// searched, so what a later one leaves out could change nothing: the
/// output is that of one wave.
fn waves((from, to): (usize, usize)) -> Vec<(usize, usize)> {
    let n = to - from;
    if n < 256 {
        return vec![(from, to)];
    }
    let rest = from + n / 8;
    let mut cuts = vec![from, from + n / 64];
    cuts.extend((0..REST_WAVES).map(|i| rest + (to - rest) * i / REST_WAVES));
    cuts.push(to);
    cuts.windows(2).map(|w| (w[0], w[1])).collect()
}

/// Waves after the first eighth of a run's documents (see [`waves`]): more
/// rebuild the table more often (a few hundredths of a second each at
/// 200,000 claims); fewer keep found quotes longer (8 measured 0.4–0.7 s
/// faster than 1 on 200,000 claims, and 16 no faster than 8).
const REST_WAVES: usize = 8;

/// One job per quote of every claim, in claim order (parsed in parallel:
/// a large claims set spends seconds here).
pub fn make_jobs(set: &ClaimSet) -> Vec<Job> {
    set.claims
        .par_iter()
        .enumerate()
        .flat_map_iter(|(c, claim)| {
            claim.quotes.iter().enumerate().map(move |(q, quote)| Job {
                claim: c,
                quote: q,
                parsed: parse_quote(&quote.text),
            })
        })
        .collect()
}
