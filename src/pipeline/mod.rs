//! The pipeline: plan → search (every source once, in parallel) → drafts →
//! verdicts. It reads sources and drafts; it prints nothing.

mod drafts;
mod merge;
mod plan;
mod search;
#[cfg(test)]
mod tests;

pub use drafts::{find_in, MIN_QUOTATION_WORDS};

use crate::claims::ClaimSet;
use crate::evidence::{Job, SourceId, SourceOutcome};
use crate::matcher::quote::parse_quote;
use crate::model::{Report, Settings};
use crate::text::segments::Limits;
use plan::Plan;
use rayon::prelude::*;

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
    let mut plan = Plan::new(set, &jobs, settings.typo);
    plan.segments = limits;
    let mut outcomes: Vec<SourceOutcome> = (0..set.source_files.len())
        .into_par_iter()
        .map(|sf| search::search_source(set, &jobs, &plan, SourceId(sf), progress))
        .collect();
    plan.keep_best_candidates(&mut outcomes);
    let drafts = drafts::check(set, &jobs);
    let searched = crate::evidence::Searched {
        jobs,
        outcomes,
        elsewhere: plan.into_elsewhere(),
        drafts,
    };
    let report = crate::verdict::decide(set, &searched, settings);
    // Freeing the evidence (a tree of small allocations) is no part of the
    // answer: done on a pool thread while the report is rendered.
    rayon::spawn(move || drop(searched));
    report
}

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
