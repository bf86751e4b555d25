//! The pipeline: claims → sources (one pass each, in parallel) → evidence →
//! verdicts. Nothing here prints.

use crate::attribution::credit;
use crate::claims::ClaimSet;
use crate::config::{Settings, TypoLimits};
use crate::figures::{read_source as read_figures, SourceFigure};
use crate::findings::Report;
use crate::matcher::anchors::{scan_all, Anchor, Anchors};
use crate::matcher::quote::{parse_quote, ParsedQuote, Token};
use crate::matcher::{analyze, window_around, Evidence, LazyIndex, Window};
use crate::text::source::{read_source, ReadError};
use rayon::prelude::*;
use std::cmp::Reverse;
use std::collections::HashMap;
use std::sync::Mutex;

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
    /// The figures it states, when a claims file that declares it has
    /// figures to check.
    pub figures: Vec<SourceFigure>,
}

/// Seeds are runs of this many words.
const SEED_WORDS: usize = 3;

/// Seeds kept for a quote searched in every source.
const EVERY_SOURCE_SEEDS: usize = 8;

/// Run the whole check on a valid claim set; `progress` is called once per
/// source searched.
pub fn run(set: &ClaimSet, settings: &Settings, progress: &(dyn Fn() + Sync)) -> Report {
    let jobs = make_jobs(set);
    let plan = Plan::new(set, &jobs, settings.typo);
    let mut outcomes: Vec<SourceOutcome> = (0..set.source_files.len())
        .into_par_iter()
        .map(|sf| {
            let outcome = search_source(set, &jobs, &plan, sf);
            progress();
            outcome
        })
        .collect();
    plan.keep_best_candidates(&mut outcomes);
    let drafts = crate::drafts::check(set, &jobs);
    let elsewhere = plan.elsewhere.into_inner().unwrap_or_default();
    crate::verdict::decide(set, &jobs, &outcomes, &elsewhere, drafts, settings)
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

/// Which jobs each source file serves, and the anchors that find them.
struct Plan {
    /// Quote starts of every plain quote, and seeds of the quotes searched
    /// in every source.
    anchors: Anchors,
    /// The typo rule in force.
    typo: TypoLimits,
    /// Seeds of each job, for the per-source tables of cited quotes.
    job_seeds: Vec<Vec<(String, usize)>>,
    /// The claims files that declare each source file.
    declaring: Vec<Vec<usize>>,
    /// Source files each job's claim cites (empty: every source of its file).
    cited: Vec<Vec<usize>>,
    /// Jobs citing each source file.
    cited_by: Vec<Vec<usize>>,
    job_file: Vec<usize>,
    cites_all: Vec<bool>,
    seeds: Vec<usize>,
    /// Jobs whose claim names a speaker.
    speaker: Vec<bool>,
    /// Folded length of each job's words.
    quote_bytes: Vec<usize>,
    hash: Vec<bool>,
    /// Source files whose figures are needed, and the year each was
    /// published (for "since YEAR").
    figures: Vec<bool>,
    published: Vec<Option<i32>>,
    /// The declarations of each source file: claims file and pin.
    pins: Vec<Vec<(usize, Option<String>)>>,
    /// For each job, the first source file (by index) holding it exactly
    /// that its claim does not cite, or any for every-source claims.
    elsewhere: Mutex<Vec<Option<(usize, Evidence)>>>,
    /// For jobs searching every source: the strongest seed clusters so far.
    candidates: Mutex<Vec<Vec<CandidateKey>>>,
}

/// How strongly a source's seeds point at a quote: more hits first, then
/// the earlier source. A total order, so the chosen set never depends on
/// which thread got there first.
type CandidateKey = (usize, Reverse<usize>);

/// Sources aligned per every-source quote: the ones its seeds point at most.
const CANDIDATE_SOURCES: usize = 3;

impl Plan {
    fn new(set: &ClaimSet, jobs: &[Job], typo: TypoLimits) -> Plan {
        let mut anchors = Anchors::default();
        let mut cited = Vec::new();
        let mut cites_all = Vec::new();
        let mut seed_counts = Vec::new();
        let mut quote_bytes = Vec::new();
        let mut job_seeds = Vec::new();
        for (j, job) in jobs.iter().enumerate() {
            let claim = &set.claims[job.claim];
            cites_all.push(claim.cites_all);
            let mut files: Vec<usize> = claim
                .cited
                .iter()
                .map(|&d| set.declared[d].source_file)
                .collect();
            files.sort_unstable();
            files.dedup();
            cited.push(files);
            if let Some(exact) = job.parsed.exact_form() {
                let words: Vec<&str> = exact.split(' ').collect();
                anchors.add_start(j, &words);
            }
            let seeds = seeds_of(&job.parsed);
            if claim.cites_all {
                // Searched in every source: a few seeds spread evenly over
                // the quote, so that one edit spoils one of them at most.
                let n = seeds.len();
                let rare: Vec<(String, usize)> = if n <= EVERY_SOURCE_SEEDS {
                    seeds.clone()
                } else {
                    (0..EVERY_SOURCE_SEEDS)
                        .map(|i| seeds[i * (n - 1) / (EVERY_SOURCE_SEEDS - 1)].clone())
                        .collect()
                };
                seed_counts.push(rare.len());
                for (words, offset) in &rare {
                    let words: Vec<&str> = words.split(' ').collect();
                    anchors.add_seed(j, &words, *offset);
                }
            } else {
                seed_counts.push(seeds.len());
            }
            job_seeds.push(seeds);
            quote_bytes.push(job.parsed.folded_words().len());
        }
        anchors.seal();
        let mut declaring = vec![Vec::new(); set.source_files.len()];
        for d in &set.declared {
            if !declaring[d.source_file].contains(&d.file) {
                declaring[d.source_file].push(d.file);
            }
        }
        let mut cited_by = vec![Vec::new(); set.source_files.len()];
        for (j, files) in cited.iter().enumerate() {
            for &sf in files {
                cited_by[sf].push(j);
            }
        }
        let mut hash = vec![false; set.source_files.len()];
        let mut pins: Vec<Vec<(usize, Option<String>)>> = vec![Vec::new(); set.source_files.len()];
        let mut figures = vec![false; set.source_files.len()];
        let mut published = vec![None; set.source_files.len()];
        let files_with_figures: Vec<bool> = set
            .files
            .iter()
            .map(|f| f.claims.iter().any(|&c| !set.claims[c].figures.is_empty()))
            .collect();
        for d in &set.declared {
            if d.sha256.is_some() {
                hash[d.source_file] = true;
            }
            pins[d.source_file].push((d.file, d.sha256.clone()));
            if files_with_figures[d.file] {
                figures[d.source_file] = true;
            }
            if published[d.source_file].is_none() {
                published[d.source_file] = d.published.map(|p| p.year);
            }
        }
        Plan {
            anchors,
            typo,
            job_seeds,
            declaring,
            cited,
            cited_by,
            job_file: jobs.iter().map(|j| set.claims[j.claim].file).collect(),
            speaker: jobs
                .iter()
                .map(|j| set.claims[j.claim].speaker.is_some())
                .collect(),
            cites_all,
            seeds: seed_counts,
            quote_bytes,
            hash,
            figures,
            published,
            candidates: Mutex::new(vec![Vec::new(); jobs.len()]),
            pins,
            elsewhere: Mutex::new((0..jobs.len()).map(|_| None).collect()),
        }
    }

    /// Keep `make()`'s evidence for `job` if `sf` is the earliest source
    /// found so far: the same result whichever thread gets there first.
    fn offer_elsewhere(&self, job: usize, sf: usize, make: impl FnOnce() -> Evidence) {
        let Ok(mut all) = self.elsewhere.lock() else {
            return;
        };
        if all[job].as_ref().is_none_or(|(best, _)| sf < *best) {
            all[job] = Some((sf, make()));
        }
    }

    /// Should `sf`, whose strongest cluster for `job` has `hits` seeds, be
    /// aligned? Yes while it is among the best so far. The final best set
    /// is always aligned, whatever the order sources are searched in.
    fn admit(&self, job: usize, hits: usize, sf: usize) -> bool {
        let Ok(mut all) = self.candidates.lock() else {
            return true;
        };
        let best = &mut all[job];
        let key = (hits, Reverse(sf));
        if best.len() >= CANDIDATE_SOURCES && best.last().is_some_and(|worst| key < *worst) {
            return false;
        }
        let at = best.partition_point(|k| *k > key);
        best.insert(at, key);
        best.truncate(CANDIDATE_SOURCES);
        true
    }

    /// Drop alignments of every-source quotes from sources outside their
    /// final best set, so the verdict is the same for any thread count.
    fn keep_best_candidates(&self, outcomes: &mut [SourceOutcome]) {
        let Ok(best) = self.candidates.lock() else {
            return;
        };
        for (sf, outcome) in outcomes.iter_mut().enumerate() {
            for (job, evidence) in &mut outcome.evidence {
                if self.cites_all[*job] && !best[*job].iter().any(|(_, Reverse(s))| *s == sf) {
                    evidence.aligned = None;
                    evidence.pieces.clear();
                }
            }
        }
    }

    fn declared_in(&self, job: usize, sf: usize) -> bool {
        self.declaring[sf].contains(&self.job_file[job])
    }

    /// Does the job's claim search this source file beyond exact matching?
    fn searches(&self, job: usize, sf: usize) -> bool {
        if self.cites_all[job] {
            self.declared_in(job, sf)
        } else {
            self.cited[job].binary_search(&sf).is_ok()
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
        let k = run.len().min(SEED_WORDS);
        if k >= 1 {
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

/// Seed hits of one job lying along nearby diagonals.
struct Cluster {
    hits: usize,
    from: usize,
    to: usize,
}

/// Group a job's seed diagonals (sorted) into clusters, best first.
fn clusters(diagonals: &[isize], quote_bytes: usize) -> Vec<Cluster> {
    // Insertions and deletions shift later seeds a little.
    let band = 48 + quote_bytes as isize / 4;
    let mut out: Vec<Cluster> = Vec::new();
    let mut i = 0;
    while i < diagonals.len() {
        let mut j = i + 1;
        while j < diagonals.len() && diagonals[j] - diagonals[j - 1] <= band {
            j += 1;
        }
        out.push(Cluster {
            hits: j - i,
            from: diagonals[i].max(0) as usize,
            to: diagonals[j - 1].max(0) as usize + quote_bytes,
        });
        i = j;
    }
    out.sort_by(|a, b| b.hits.cmp(&a.hits).then(a.from.cmp(&b.from)));
    out
}

/// Clusters tried per job and source.
const CLUSTERS_TRIED: usize = 2;

fn search_source(set: &ClaimSet, jobs: &[Job], plan: &Plan, sf: usize) -> SourceOutcome {
    let path = &set.source_files[sf].path;
    let source = match read_source(path, plan.hash[sf]) {
        Ok(source) => source,
        Err(e) => {
            return SourceOutcome {
                state: SourceState::Failed(e),
                evidence: Vec::new(),
                figures: Vec::new(),
            }
        }
    };
    let folded = &source.folded.text;
    let mut evidence: HashMap<usize, Evidence> = HashMap::new();
    let mut found_here: Vec<usize> = Vec::new();
    let mut seed_hits: Vec<(usize, isize)> = Vec::new();
    // A source that fails its pin is searched, but never offered as another
    // source for a quote: the claims files declaring it without a failing pin.
    let clean_in: Vec<usize> = plan.pins[sf]
        .iter()
        .filter(|(_, pin)| pin.is_none() || pin.as_ref() == source.sha256.as_ref())
        .map(|(file, _)| *file)
        .collect();
    // Seeds of the quotes that cite this source.
    let mut local = Anchors::default();
    for &job in &plan.cited_by[sf] {
        for (words, offset) in &plan.job_seeds[job] {
            let words: Vec<&str> = words.split(' ').collect();
            local.add_seed(job, &words, *offset);
        }
    }
    local.seal();
    scan_all(
        &[&plan.anchors, &local],
        folded,
        |anchor, start| match anchor {
            Anchor::Start { job, offset } => {
                let job = job as usize;
                let Some(plain) = jobs[job].parsed.exact_form() else {
                    return;
                };
                let Some(start) = start.checked_sub(offset as usize) else {
                    return;
                };
                if start > 0 && folded.as_bytes()[start - 1] != b' ' {
                    return;
                }
                let end = start + plain.len();
                let whole = folded.as_bytes().get(start..end) == Some(plain.as_bytes())
                    && (end == folded.len() || folded.as_bytes()[end] == b' ');
                if !whole || !plan.declared_in(job, sf) {
                    return;
                }
                let cited_here = !plan.cites_all[job] && plan.cited[job].binary_search(&sf).is_ok();
                if cited_here {
                    let entry = evidence.entry(job).or_default();
                    if entry.exact.is_none() {
                        entry.exact = Some(source.place(start, end));
                        entry.exact_range = Some((start, end));
                    }
                } else if plan.cites_all[job] || clean_in.contains(&plan.job_file[job]) {
                    // Found in a source the claim does not cite (or in one of
                    // every source): only the first such source is kept.
                    found_here.push(job);
                    plan.offer_elsewhere(job, sf, || Evidence {
                        exact: Some(source.place(start, end)),
                        exact_range: Some((start, end)),
                        credit: plan.speaker[job].then(|| credit(&source, start, end)),
                        ..Evidence::default()
                    });
                }
            }
            Anchor::Seed { job, offset } => {
                let job = job as usize;
                if plan.searches(job, sf) {
                    seed_hits.push((job, start as isize - offset as isize));
                }
            }
        },
    );
    seed_hits.sort_unstable();

    // Fuzzy work: the jobs that search this source and were not found
    // exactly; cited ones always, every-source ones where seeds agree.
    let mut work: Vec<(usize, Vec<Window>)> = Vec::new();
    let mut i = 0;
    found_here.sort_unstable();
    let found_exactly = |job: usize| {
        evidence.get(&job).is_some_and(|e| e.exact.is_some())
            || found_here.binary_search(&job).is_ok()
    };
    while i < seed_hits.len() {
        let job = seed_hits[i].0;
        let mut j = i;
        while j < seed_hits.len() && seed_hits[j].0 == job {
            j += 1;
        }
        if !found_exactly(job) {
            let diagonals: Vec<isize> = seed_hits[i..j].iter().map(|&(_, d)| d).collect();
            let bytes = plan.quote_bytes[job];
            let found = clusters(&diagonals, bytes);
            let need = if plan.cites_all[job] {
                3.max(plan.seeds[job].div_ceil(2))
            } else {
                1
            };
            let windows: Vec<Window> = found
                .iter()
                .filter(|c| c.hits >= need)
                .take(CLUSTERS_TRIED)
                .map(|c| window_around(&source, c.from, c.to, bytes / 2 + 40))
                .collect();
            let admitted =
                !plan.cites_all[job] || found.first().is_some_and(|c| plan.admit(job, c.hits, sf));
            if !windows.is_empty() && admitted {
                work.push((job, windows));
            }
        }
        i = j;
    }
    // Cited jobs with no seed at all still get a look, by paragraph votes.
    for &job in &plan.cited_by[sf] {
        if !found_exactly(job) && !work.iter().any(|(w, _)| *w == job) {
            work.push((job, Vec::new()));
        }
    }
    let mut index = LazyIndex::default();
    for (job, windows) in work {
        let found = analyze(&source, &jobs[job].parsed, &windows, &mut index, &plan.typo);
        let entry = evidence.entry(job).or_default();
        entry.aligned = found.aligned;
        entry.pieces = found.pieces;
    }
    let mut evidence: Vec<(usize, Evidence)> = evidence.into_iter().collect();
    evidence.sort_unstable_by_key(|(job, _)| *job);
    // Who the source credits, for quotes whose claim names a speaker.
    for (job, found) in evidence.iter_mut() {
        if !plan.speaker[*job] {
            continue;
        }
        let range = found.exact_range.or_else(|| {
            found
                .aligned
                .as_ref()
                .filter(|a| a.ratio() >= 0.75)
                .map(|a| a.range)
        });
        if let Some((s, e)) = range {
            found.credit = Some(credit(&source, s, e));
        }
    }
    let figures = if plan.figures[sf] {
        read_figures(&source, plan.published[sf])
    } else {
        Vec::new()
    };
    SourceOutcome {
        state: SourceState::Read {
            sha256: source.sha256.clone(),
        },
        evidence,
        figures,
    }
}
