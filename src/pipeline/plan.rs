//! The plan of a run: for each job (one quote of one claim) what it cites
//! and the seeds that find it, for each source file what it must serve;
//! and the shared state sources report into while they are searched in
//! parallel, kept in a total order so results never depend on timing.

use super::cites::{cites_of, start_tag, Cites, TAG_HERE, TAG_MANY};
use super::seeds::{rare_seeds, seeds_of};
use super::wide_hits::wide_slot;
use crate::claims::ClaimSet;
use crate::evidence::{Evidence, Job, JobId, SourceId};
use crate::matcher::anchors::{self, Anchors, Keyed};
use crate::model::TypoLimits;
use rayon::prelude::*;
use std::cmp::Reverse;
use std::collections::HashSet;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::Mutex;

/// Sources aligned per every-source quote: the ones its seeds point at most.
pub(super) const CANDIDATE_SOURCES: usize = 3;

/// What the search needs to know of one job.
pub(super) struct JobPlan {
    /// The claims file the job's claim belongs to.
    pub claims_file: usize,
    pub cites: Cites,
    /// Searched in every source or an archive's many: by its few seeds,
    /// aligned only in the sources they point at most (see [`wide`]).
    pub wide: bool,
    /// The claim names a speaker.
    pub speaker: bool,
    /// Folded length of the quote's words.
    pub quote_bytes: usize,
    /// The anchor that finds the quote exactly (none if it has no plain
    /// form), tagged with [`start_tag`].
    pub start: Option<Keyed>,
    /// The few seeds a wide quote is searched by in every source.
    pub wide_seeds: Vec<Keyed>,
}

impl JobPlan {
    /// Is the job done with every source after the first one holding it
    /// exactly that its claim does not cite? A claim citing one source
    /// finds it there by that source's own table; a claim of every source
    /// needs no more than one exact place. (A claim citing several keeps
    /// its anchors: each cited source must still be searched.)
    fn settles(&self) -> bool {
        self.start.is_some() && self.tag() != TAG_MANY
    }

    /// The tag of the job's start anchor (see [`start_tag`]).
    fn tag(&self) -> u32 {
        start_tag(&self.cites)
    }

    pub fn cites_all(&self) -> bool {
        self.cites == Cites::All
    }

    pub fn cites(&self, sf: SourceId) -> bool {
        match &self.cites {
            Cites::All => false,
            Cites::Files(files) => files.binary_search(&sf).is_ok(),
        }
    }
}

/// What the search needs to know of one source file.
#[derive(Default)]
pub(super) struct SourcePlan {
    /// The claims files that declare it.
    pub declaring: Vec<usize>,
    /// Jobs whose claims cite it.
    pub cited_by: Vec<JobId>,
    /// Some declaration pins it: hash it while reading.
    pub hash: bool,
    /// A claims file declaring it has figures to check.
    pub figures: bool,
    /// The year it was published (for "since YEAR").
    pub published: Option<i32>,
    /// Its declarations: claims file and pin.
    pub pins: Vec<(usize, Option<String>)>,
}

/// How strongly a source's seeds point at a quote: more hits first, then
/// the earlier source. A total order, so the chosen set never depends on
/// which thread got there first.
pub(super) type CandidateKey = (usize, Reverse<SourceId>);

pub(super) struct Plan {
    pub typo: TypoLimits,
    /// The least share of a quote's words worth aligning (see
    /// [`crate::matcher::analyze::worth_aligning`]).
    pub worth: f64,
    /// How large sources are cut into segments.
    pub segments: crate::text::segments::Limits,
    /// Stems of the nouns and context of every claimed figure: a source
    /// figure sharing none of them is of no claimed thing, and is not kept
    /// (a large archive states millions of figures).
    figure_words: HashSet<String>,
    pub jobs: Vec<JobPlan>,
    /// The wide jobs, in job order: a wide job's rank here numbers its
    /// seeds' slots (see [`super::wide_hits`]).
    pub wide_jobs: Vec<JobId>,
    pub sources: Vec<SourcePlan>,
    /// For each job, the first source file (by index) holding it exactly
    /// that its claim does not cite, or any for every-source claims.
    elsewhere: Mutex<Vec<Option<(SourceId, Evidence)>>>,
    /// The source index kept in `elsewhere` for each job (`usize::MAX`
    /// for none yet), readable without the lock: a later source need not
    /// even compare a quote already found exactly in an earlier one.
    first_elsewhere: Vec<AtomicUsize>,
    /// For jobs searching every source: the strongest seed clusters so far.
    candidates: Mutex<Vec<Vec<CandidateKey>>>,
    /// Per job, the worst key of a full candidate set, packed (0: not
    /// full): most offers are turned down without the lock, which every
    /// thread would otherwise queue on for every source.
    admit_floor: Vec<AtomicU64>,
}

impl Plan {
    pub fn new(set: &ClaimSet, jobs: &[Job], typo: TypoLimits, worth: f64) -> Plan {
        // How many quotes hold each run of words, so that each quote is
        // keyed on a run few others share.
        // Per job, in parallel (a large claims set spends seconds here):
        // the keys of its runs.
        let per_job: Vec<Vec<u64>> = jobs
            .par_iter()
            .map(|job| {
                job.parsed.exact_form().map_or_else(Vec::new, |exact| {
                    let words: Vec<&str> = exact.split(' ').collect();
                    anchors::start_keys(&words)
                })
            })
            .collect();
        let mut shared: crate::matcher::hash::FastMap<u64, usize> = Default::default();
        for keys in &per_job {
            let mut distinct = keys.clone();
            distinct.sort_unstable();
            distinct.dedup();
            for key in distinct {
                *shared.entry(key).or_default() += 1;
            }
        }
        let mut job_plans: Vec<JobPlan> = jobs
            .par_iter()
            .zip(per_job)
            .enumerate()
            .map(|(j, (job, keys))| {
                let claim = &set.claims[job.claim];
                let cites = cites_of(set, claim);
                let wide = cites.wide();
                // Searched in many sources: a few seeds spread evenly over
                // the quote, so that one edit spoils one of them at most.
                // (The others' seeds are made by the sources they cite,
                // and only for quotes not found there exactly.)
                let wide_seeds = if wide {
                    rare_seeds(&seeds_of(j, &job.parsed))
                } else {
                    Vec::new()
                };
                let start = job.parsed.exact_form().and_then(|exact| {
                    let words: Vec<&str> = exact.split(' ').collect();
                    let shared = |k| shared.get(&k).copied().unwrap_or(0);
                    let at = anchors::rarest_run(&words, &keys, shared);
                    Keyed::start(j, &words, at, start_tag(&cites))
                });
                JobPlan {
                    quote_bytes: job.parsed.folded_words().len(),
                    claims_file: claim.file,
                    cites,
                    wide,
                    speaker: claim.speaker.is_some(),
                    start,
                    wide_seeds,
                }
            })
            .collect();
        let wide_jobs = number_wide_seeds(&mut job_plans);
        let mut sources: Vec<SourcePlan> = (0..set.source_files.len())
            .map(|_| SourcePlan::default())
            .collect();
        for (j, plan) in job_plans.iter().enumerate() {
            if plan.wide {
                continue;
            }
            if let Cites::Files(files) = &plan.cites {
                for sf in files {
                    sources[sf.0].cited_by.push(JobId(j));
                }
            }
        }
        let files_with_figures: Vec<bool> = set
            .files
            .iter()
            .map(|f| f.claims.iter().any(|&c| !set.claims[c].figures.is_empty()))
            .collect();
        for d in &set.declared {
            let source = &mut sources[d.source_file];
            if !source.declaring.contains(&d.file) {
                source.declaring.push(d.file);
            }
            source.hash |= d.sha256.is_some();
            source.pins.push((d.file, d.sha256.clone()));
            source.figures |= files_with_figures[d.file];
            if source.published.is_none() {
                source.published = d.published.map(|p| p.year);
            }
        }
        let figure_words = set
            .claims
            .iter()
            .flat_map(|c| &c.figures)
            .flat_map(|f| crate::figures::read_claimed_all(&f.text, None))
            .flat_map(|f| f.nouns.into_iter().chain(f.context))
            .collect();
        Plan {
            typo,
            worth,
            segments: Default::default(),
            figure_words,
            candidates: Mutex::new(vec![Vec::new(); jobs.len()]),
            admit_floor: (0..jobs.len()).map(|_| AtomicU64::new(0)).collect(),
            elsewhere: Mutex::new((0..jobs.len()).map(|_| None).collect()),
            first_elsewhere: (0..jobs.len())
                .map(|_| AtomicUsize::new(usize::MAX))
                .collect(),
            jobs: job_plans,
            wide_jobs,
            sources,
        }
    }

    /// The table of a scan of the sources from `first` on: every quote's
    /// start and every wide quote's seeds, but those of quotes already
    /// found exactly before `first` (all searched by then) outside the
    /// sources they cite. In an archive that repeats its quotes, these are
    /// most of the table, and most of its hits.
    pub fn anchors_from(&self, first: SourceId) -> Anchors {
        let mut anchors = Anchors::default();
        for (j, plan) in self.jobs.iter().enumerate() {
            if plan.settles() && self.found_before(JobId(j), first) {
                continue;
            }
            for seed in &plan.wide_seeds {
                anchors.insert(seed);
            }
            if let Some(start) = &plan.start {
                anchors.insert(start);
            }
        }
        anchors.seal();
        anchors
    }

    /// The starts of the quotes citing `sf` alone, tagged [`TAG_HERE`]:
    /// found there even once the run's table has let them go.
    pub fn local_starts(&self, sf: SourceId) -> Anchors {
        let mut local = Anchors::default();
        for job in &self.sources[sf.0].cited_by {
            let plan = &self.jobs[job.0];
            if let Some(start) = plan.start.filter(|_| plan.tag() == sf.0 as u32) {
                local.insert(&start.tagged(TAG_HERE));
            }
        }
        local.seal();
        local
    }

    /// Keep `make()`'s evidence for `job`, found at byte `offset` of `sf`,
    /// if it is the earliest found so far (by source, then offset: the
    /// segments of one source are searched in parallel): the same result
    /// whichever thread gets there first.
    pub fn offer_elsewhere(
        &self,
        job: JobId,
        sf: SourceId,
        offset: usize,
        make: impl FnOnce() -> Evidence,
    ) {
        let Ok(mut all) = self.elsewhere.lock() else {
            return;
        };
        let earlier = |(best, kept): &(SourceId, Evidence)| {
            let kept_at = kept.exact.as_ref().map_or(usize::MAX, |p| p.offset);
            (sf, offset) < (*best, kept_at)
        };
        if all[job.0].as_ref().is_none_or(earlier) {
            all[job.0] = Some((sf, make()));
            self.first_elsewhere[job.0].fetch_min(sf.0, Ordering::Relaxed);
        }
    }

    /// Could a source figure be of the same thing as a claimed figure? Every
    /// comparison needs a shared noun or context word.
    pub fn may_be_claimed(&self, figure: &crate::figures::Figure) -> bool {
        figure
            .nouns
            .iter()
            .chain(&figure.context)
            .any(|w| self.figure_words.contains(w))
    }

    /// Has `job` been found exactly in a source before `sf` that its claim
    /// does not cite? Then `sf` can change nothing of it: only the earliest
    /// such source is kept.
    pub fn found_before(&self, job: JobId, sf: SourceId) -> bool {
        self.first_elsewhere[job.0].load(Ordering::Relaxed) < sf.0
    }

    /// Could `sf` be admitted (see [`Self::admit`]) with a strength of at
    /// most `hits`? Not once the job's best set is full of stronger ones:
    /// then it would be turned down without a change, so it need not be
    /// offered (and its seeds need not be clustered) at all.
    pub fn may_admit(&self, job: JobId, hits: usize, sf: SourceId) -> bool {
        packed((hits, Reverse(sf))) >= self.admit_floor[job.0].load(Ordering::Relaxed)
    }

    /// Should `sf`, whose strongest cluster for `job` has `hits` seeds, be
    /// aligned? Yes while it is among the best so far. The final best set
    /// is always aligned, whatever the order sources are searched in.
    pub fn admit(&self, job: JobId, hits: usize, sf: SourceId) -> bool {
        let key = (hits, Reverse(sf));
        if packed(key) < self.admit_floor[job.0].load(Ordering::Relaxed) {
            return false;
        }
        let Ok(mut all) = self.candidates.lock() else {
            return true;
        };
        let best = &mut all[job.0];
        if best.len() >= CANDIDATE_SOURCES && best.last().is_some_and(|worst| key < *worst) {
            return false;
        }
        let at = best.partition_point(|k| *k > key);
        best.insert(at, key);
        best.truncate(CANDIDATE_SOURCES);
        if best.len() >= CANDIDATE_SOURCES {
            if let Some(worst) = best.last() {
                self.admit_floor[job.0].store(packed(*worst), Ordering::Relaxed);
            }
        }
        true
    }

    /// What the search of every source left here: per job, the first
    /// source holding it exactly outside the sources it cites, and the
    /// sources whose seeds point at it most (every-source quotes).
    pub fn into_found(self) -> Found {
        (
            self.elsewhere.into_inner().unwrap_or_default(),
            self.candidates.into_inner().unwrap_or_default(),
        )
    }

    pub fn declared_in(&self, job: JobId, sf: SourceId) -> bool {
        self.sources[sf.0]
            .declaring
            .contains(&self.jobs[job.0].claims_file)
    }

    /// Does the job's claim search this source file beyond exact matching?
    pub fn searches(&self, job: JobId, sf: SourceId) -> bool {
        let plan = &self.jobs[job.0];
        match plan.cites {
            Cites::All => self.declared_in(job, sf),
            Cites::Files(_) => plan.cites(sf),
        }
    }
}

/// Rank the wide jobs in job order and number each one's seeds by its rank
/// (see [`wide_slot`]: rank × seeds per wide job + the seed's place); the ranked jobs.
fn number_wide_seeds(plans: &mut [JobPlan]) -> Vec<JobId> {
    let mut wide = Vec::new();
    for (j, plan) in plans.iter_mut().enumerate().filter(|(_, p)| p.wide) {
        let rank = wide.len();
        wide.push(JobId(j));
        for (nth, seed) in plan.wide_seeds.iter_mut().enumerate() {
            *seed = seed.in_slot(wide_slot(rank, nth));
        }
    }
    wide
}

/// What [`Plan::into_found`] returns: per job, the first document holding
/// it elsewhere, and its candidate documents.
pub(super) type Found = (Vec<Option<(SourceId, Evidence)>>, Vec<Vec<CandidateKey>>);

/// A candidate key as one number ordered as the key: the hits, then the
/// earlier source. Never 0 for a real key with hits, so 0 means "not full".
pub(super) fn packed((hits, Reverse(sf)): CandidateKey) -> u64 {
    let hits = hits.min(u32::MAX as usize) as u64;
    let later = sf.0.min(u32::MAX as usize) as u64;
    (hits << 32) | (u32::MAX as u64 - later)
}
