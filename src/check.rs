//! The pipeline: claims → sources (one pass each, in parallel) → evidence →
//! verdicts. Nothing here prints.

use crate::claims::ClaimSet;
use crate::findings::Report;
use crate::matcher::exact::ExactSearch;
use crate::matcher::index::WordIndex;
use crate::matcher::quote::{parse_quote, ParsedQuote, Token};
use crate::matcher::{analyze, Evidence};
use crate::text::source::{read_source, ReadError};
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};

/// One quote of one claim: the unit of matching.
#[derive(Debug)]
pub struct Job {
    pub claim: usize,
    pub quote: usize,
    pub parsed: ParsedQuote,
}

/// How a source file fared when read.
#[derive(Debug, Clone)]
pub enum SourceState {
    Read { sha256: Option<String> },
    Failed(ReadError),
}

/// Everything learned from one source file.
#[derive(Debug)]
pub struct SourceOutcome {
    pub state: SourceState,
    /// Evidence per job, in job order.
    pub evidence: Vec<(usize, Evidence)>,
}

/// Seeds are runs of this many words.
const SEED_WORDS: usize = 3;

/// Run the whole check on a valid claim set.
pub fn run(set: &ClaimSet) -> Report {
    let jobs = make_jobs(set);
    let plan = Plan::new(set, &jobs);
    let outcomes: Vec<SourceOutcome> = (0..set.source_files.len())
        .into_par_iter()
        .map(|sf| search_source(set, &jobs, &plan, sf))
        .collect();
    crate::verdict::decide(set, &jobs, &outcomes)
}

fn make_jobs(set: &ClaimSet) -> Vec<Job> {
    let mut jobs = Vec::new();
    for (c, claim) in set.claims.iter().enumerate() {
        for (q, quote) in claim.quotes.iter().enumerate() {
            jobs.push(Job {
                claim: c,
                quote: q,
                parsed: parse_quote(&quote.text),
            });
        }
    }
    jobs
}

/// Which jobs each source file serves.
struct Plan {
    exact: ExactSearch,
    /// Seeds (k-grams) of quotes searched in every source of their file.
    seeds: ExactSearch,
    /// For each seed: its job, its byte offset in the quote's folded words,
    /// and how many seeds that job has.
    seed_owner: Vec<(usize, usize, usize)>,
    /// (claims file, source file) pairs that are declared.
    declared: HashSet<(usize, usize)>,
    /// Jobs whose claim cites the source file.
    cited: HashMap<usize, Vec<usize>>,
    job_file: Vec<usize>,
    cites_all: Vec<bool>,
    hash: Vec<bool>,
}

impl Plan {
    fn new(set: &ClaimSet, jobs: &[Job]) -> Plan {
        let plain: Vec<Option<&str>> = jobs.iter().map(|j| j.parsed.plain.as_deref()).collect();
        let mut seed_texts = Vec::new();
        let mut seed_owner = Vec::new();
        let mut cited: HashMap<usize, Vec<usize>> = HashMap::new();
        let mut cites_all = Vec::new();
        for (j, job) in jobs.iter().enumerate() {
            let claim = &set.claims[job.claim];
            cites_all.push(claim.cites_all);
            if claim.cites_all {
                let seeds = seeds_of(&job.parsed);
                let count = seeds.len();
                for (seed, offset) in seeds {
                    seed_texts.push(seed);
                    seed_owner.push((j, offset, count));
                }
            } else {
                let mut files: Vec<usize> = claim
                    .cited
                    .iter()
                    .map(|&d| set.declared[d].source_file)
                    .collect();
                files.sort_unstable();
                files.dedup();
                for sf in files {
                    cited.entry(sf).or_default().push(j);
                }
            }
        }
        let seed_refs: Vec<Option<&str>> = seed_texts.iter().map(|s| Some(s.as_str())).collect();
        let declared = set
            .declared
            .iter()
            .map(|d| (d.file, d.source_file))
            .collect();
        let mut hash = vec![false; set.source_files.len()];
        for d in &set.declared {
            if d.sha256.is_some() {
                hash[d.source_file] = true;
            }
        }
        Plan {
            exact: ExactSearch::new(&plain),
            seeds: ExactSearch::new(&seed_refs),
            seed_owner,
            declared,
            cited,
            job_file: jobs.iter().map(|j| set.claims[j.claim].file).collect(),
            cites_all,
            hash,
        }
    }
}

/// Word k-grams of a quote's runs of plain words, each with its byte
/// offset in the quote's folded words joined by spaces.
fn seeds_of(quote: &ParsedQuote) -> Vec<(String, usize)> {
    let mut seeds = Vec::new();
    let mut run: Vec<(&str, usize)> = Vec::new();
    let mut offset = 0;
    let flush = |run: &mut Vec<(&str, usize)>, seeds: &mut Vec<(String, usize)>| {
        let k = if run.len() >= SEED_WORDS {
            SEED_WORDS
        } else {
            2
        };
        if run.len() >= k {
            for w in run.windows(k) {
                let text: Vec<&str> = w.iter().map(|(t, _)| *t).collect();
                seeds.push((text.join(" "), w[0].1));
            }
        }
        run.clear();
    };
    for token in &quote.tokens {
        match token {
            Token::Word { text, in_word, .. } => {
                if in_word.is_none() {
                    run.push((text, offset));
                } else {
                    flush(&mut run, &mut seeds);
                }
                offset += text.len() + 1;
            }
            _ => flush(&mut run, &mut seeds),
        }
    }
    flush(&mut run, &mut seeds);
    seeds
}

/// Jobs whose seeds hit `folded` along one diagonal often enough to be
/// worth aligning: scattered hits of common phrases are not a source.
fn seeded_jobs(plan: &Plan, folded: &str, wanted: impl Fn(usize) -> bool) -> Vec<usize> {
    let mut hits: Vec<(usize, isize, usize)> = plan
        .seeds
        .find_all(folded, |seed| wanted(plan.seed_owner[seed].0))
        .into_iter()
        .map(|(seed, start, _)| {
            let (job, offset, count) = plan.seed_owner[seed];
            (job, start as isize - offset as isize, count)
        })
        .collect();
    hits.sort_unstable();
    let mut jobs = Vec::new();
    let mut i = 0;
    while i < hits.len() {
        let job = hits[i].0;
        let count = hits[i].2;
        let mut j = i;
        while j < hits.len() && hits[j].0 == job {
            j += 1;
        }
        // The most hits within a band of diagonals (insertions and
        // deletions shift later seeds a little).
        let band = 48isize;
        let need = 2.max(count.div_ceil(4));
        let mut best = 0;
        let mut lo = i;
        for hi in i..j {
            while hits[hi].1 - hits[lo].1 > band {
                lo += 1;
            }
            best = best.max(hi - lo + 1);
        }
        if best >= need {
            jobs.push(job);
        }
        i = j;
    }
    jobs
}

fn search_source(set: &ClaimSet, jobs: &[Job], plan: &Plan, sf: usize) -> SourceOutcome {
    let path = &set.source_files[sf].path;
    let source = match read_source(path, plan.hash[sf]) {
        Ok(source) => source,
        Err(e) => {
            return SourceOutcome {
                state: SourceState::Failed(e),
                evidence: Vec::new(),
            }
        }
    };
    let declared_here = |job: usize| plan.declared.contains(&(plan.job_file[job], sf));
    let folded = &source.folded.text;
    let mut evidence: HashMap<usize, Evidence> = HashMap::new();
    for (job, s, e) in plan.exact.find_all(folded, declared_here) {
        let entry = evidence.entry(job).or_default();
        if entry.exact.is_none()
            && source.layout.paragraph_of(s) == source.layout.paragraph_of(e.saturating_sub(1))
        {
            entry.exact = Some(source.place(s, e));
        }
    }
    // Fuzzy work: cited jobs not found exactly here, and every-source jobs
    // whose seeds hit this source.
    let mut fuzzy: Vec<usize> = plan
        .cited
        .get(&sf)
        .map(|jobs| jobs.to_vec())
        .unwrap_or_default();
    fuzzy.extend(seeded_jobs(plan, folded, |job| {
        plan.cites_all[job] && declared_here(job)
    }));
    fuzzy.sort_unstable();
    fuzzy.dedup();
    fuzzy.retain(|job| evidence.get(job).is_none_or(|e| e.exact.is_none()));
    if !fuzzy.is_empty() {
        let index = WordIndex::build(folded);
        for job in fuzzy {
            let found = analyze(&source, &index, &jobs[job].parsed);
            let entry = evidence.entry(job).or_default();
            entry.aligned = found.aligned;
            entry.pieces = found.pieces;
        }
    }
    let mut evidence: Vec<(usize, Evidence)> = evidence.into_iter().collect();
    evidence.sort_unstable_by_key(|(job, _)| *job);
    SourceOutcome {
        state: SourceState::Read {
            sha256: source.sha256.clone(),
        },
        evidence,
    }
}
