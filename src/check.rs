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
    seed_owner: Vec<usize>,
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
                for seed in seeds_of(&job.parsed) {
                    seed_texts.push(seed);
                    seed_owner.push(j);
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

/// Word k-grams of a quote's runs of plain words.
fn seeds_of(quote: &ParsedQuote) -> Vec<String> {
    let mut seeds = Vec::new();
    let mut run: Vec<&str> = Vec::new();
    let flush = |run: &mut Vec<&str>, seeds: &mut Vec<String>| {
        if run.len() >= SEED_WORDS {
            for w in run.windows(SEED_WORDS) {
                seeds.push(w.join(" "));
            }
        } else if run.len() >= 2 {
            seeds.push(run.join(" "));
        }
        run.clear();
    };
    for token in &quote.tokens {
        match token {
            Token::Word {
                text,
                in_word: None,
                ..
            } => run.push(text),
            _ => flush(&mut run, &mut seeds),
        }
    }
    flush(&mut run, &mut seeds);
    seeds.sort();
    seeds.dedup();
    seeds
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
    let owner = |seed: usize| plan.seed_owner[seed];
    let seeded: Vec<usize> = plan
        .seeds
        .find_all(folded, |seed| {
            let job = owner(seed);
            plan.cites_all[job] && declared_here(job)
        })
        .into_iter()
        .map(|(seed, _, _)| owner(seed))
        .collect();
    fuzzy.extend(seeded);
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
