//! Searching one source file, segment by segment: one pass over a
//! segment's folded words finds every quote start and seed; exact hits are
//! confirmed on the bytes; seed clusters become windows the aligner reads;
//! speakers and figures are read while the segment is in memory.

use super::cites::{TAG_ALL, TAG_HERE, TAG_MANY};
use super::clusters::{clusters, need, strength, strongest, CLUSTERS_TRIED};
use super::merge::{Merged, Part};
use super::plan::Plan;
use super::seeds::{seeds_of, SeedHit, MAX_SEED_HITS};
use super::wide_hits::WideHits;
use crate::attribution::credit;
use crate::claims::ClaimSet;
use crate::evidence::{Evidence, Job, JobId, SourceId, SourceOutcome, SourceState};
use crate::figures::read_source as read_figures;
use crate::matcher::anchors::{scan_all, Anchor, Anchors, NO_SLOT};
use crate::matcher::exact_place::exact_place;
use crate::matcher::hash::FastMap;
use crate::matcher::{analyze, window_around, LazyIndex, Window};
use crate::text::{for_each_segment, Segment, Source};
use rayon::prelude::*;

/// Search one source file for every job that may be in it.
pub(super) fn search_source(
    set: &ClaimSet,
    jobs: &[Job],
    plan: &Plan,
    anchors: &Anchors,
    sf: SourceId,
    progress: &(dyn Fn(u64) + Sync),
) -> SourceOutcome {
    let path = &set.source_files[sf.0].path;
    // The starts of the quotes citing this source, for all its segments.
    let its_own = plan.local_starts(sf);
    let mut merged = Merged::default();
    // The segments of a large source are folded and searched a batch at a
    // time, in parallel; their parts are merged in file order, so the
    // outcome is the same for any number of threads.
    let batch_size = rayon::current_num_threads().max(1);
    let mut batch: Vec<Segment> = Vec::with_capacity(batch_size);
    let run_batch = |batch: &mut Vec<Segment>, merged: &mut Merged| {
        let found = merged.found().to_vec();
        let parts: Vec<(Part, (usize, usize))> = std::mem::take(batch)
            .into_par_iter()
            .map(|segment| {
                let own = segment.own;
                let source = segment.fold();
                (
                    search_segment(jobs, plan, [anchors, &its_own], sf, &source, &found),
                    own,
                )
            })
            .collect();
        for (part, own) in parts {
            merged.add(part, own);
            progress((own.1 - own.0) as u64);
        }
    };
    let read = for_each_segment(path, plan.sources[sf.0].hash, plan.segments, |segment| {
        batch.push(segment);
        if batch.len() >= batch_size {
            run_batch(&mut batch, &mut merged);
        }
    });
    if !batch.is_empty() {
        run_batch(&mut batch, &mut merged);
    }
    match read {
        Ok(()) => merged.into_outcome(),
        Err(e) => SourceOutcome {
            state: SourceState::Failed(e),
            evidence: Vec::new(),
            figures: Vec::new(),
        },
    }
}

/// The seeds of the quotes citing source `sf` that `wanted` keeps.
fn local_seeds(jobs: &[Job], plan: &Plan, sf: SourceId, wanted: impl Fn(JobId) -> bool) -> Anchors {
    let mut local = Anchors::default();
    for &job in plan.sources[sf.0].cited_by.iter().filter(|&&j| wanted(j)) {
        for seed in seeds_of(job.0, &jobs[job.0].parsed) {
            local.insert(&seed);
        }
    }
    local.seal();
    local
}

/// Search one segment (the whole source, unless it is large) with the
/// wave's table and the source's own quote starts (`tables`), then with the seeds of the quotes citing it that the
/// first pass did not find exactly (half the quotes of a typical claims
/// file, whose seeds would otherwise hit all over the source). `found`
/// lists the jobs an earlier segment found exactly (sorted): nothing here
/// can change them.
fn search_segment(
    jobs: &[Job],
    plan: &Plan,
    tables: [&Anchors; 2],
    sf: SourceId,
    source: &Source,
    found: &[JobId],
) -> Part {
    let source_plan = &plan.sources[sf.0];
    let settled = |job: JobId| !found.is_empty() && found.binary_search(&job).is_ok();
    let folded = &source.folded.text;
    let mut evidence: FastMap<JobId, Evidence> = FastMap::default();
    let mut found_here: Vec<JobId> = Vec::new();
    let mut seed_hits: Vec<(JobId, SeedHit)> = Vec::new();
    // Hits kept per seed of a job: a quote of common words in a source of
    // repeated words would otherwise keep quote words × source words. A
    // seed past the cap says nothing its first hits did not.
    let mut hits_per_seed: FastMap<(JobId, u32), usize> = FastMap::default();
    // How many of each wide job's seeds the source holds: the strength of
    // its candidate after its strongest cluster. A stitched quote's source
    // holds both its pieces' seeds; a source holding one piece, half.
    // (The global anchors' seeds are the wide jobs'; the local ones never.)
    let mut seeds_held: FastMap<JobId, usize> = FastMap::default();
    let mut seed_hit = |job: JobId, offset: u32, start: usize, wide: bool| {
        if plan.searches(job, sf) && !settled(job) {
            let n = hits_per_seed.entry((job, offset)).or_insert(0);
            *n += 1;
            if wide && *n == 1 {
                *seeds_held.entry(job).or_default() += 1;
            }
            if *n <= MAX_SEED_HITS {
                seed_hits.push((job, (start as isize - offset as isize, offset)));
            }
        }
    };
    // Wide seeds numbered by the plan are counted apart, cheaply.
    let mut wide_hits = WideHits::take();
    // A source that fails its pin is searched, but never offered as another
    // source for a quote: the claims files declaring it without a failing pin.
    let clean_in: Vec<usize> = source_plan
        .pins
        .iter()
        .filter(|(_, pin)| pin.is_none() || pin.as_ref() == source.sha256.as_ref())
        .map(|(file, _)| *file)
        .collect();
    scan_all(&tables, folded, |anchor, start| match anchor {
        Anchor::Start {
            job,
            offset,
            head,
            tag,
        } => {
            if tag == sf.0 as u32 {
                return; // found by the source's own table (`TAG_HERE`)
            }
            let Some(start) = start.checked_sub(offset as usize) else {
                return;
            };
            if !head.may_start(folded.as_bytes(), start)
                || (start > 0 && folded.as_bytes()[start - 1] != b' ')
            {
                return;
            }
            let job = JobId(job as usize);
            if settled(job) {
                return;
            }
            // Most hits of a large archive are of quotes citing another
            // source, already found in an earlier one: the tag tells,
            // without the job's plan (a cache miss per hit).
            let elsewhere = tag != TAG_HERE && tag != TAG_MANY;
            if elsewhere && plan.found_before(job, sf) {
                if tag == TAG_ALL {
                    found_here.push(job);
                }
                return;
            }
            let job_plan = &plan.jobs[job.0];
            if !job_plan.cites(sf) && plan.found_before(job, sf) {
                // Kept from an earlier source; for a claim searching
                // every source, found is found: no fuzzy search here.
                if job_plan.cites_all() {
                    found_here.push(job);
                }
                return;
            }
            let Some(plain) = jobs[job.0].parsed.exact_form() else {
                return;
            };
            let end = start + plain.len();
            let whole = folded.as_bytes().get(start..end) == Some(plain.as_bytes())
                && (end == folded.len() || folded.as_bytes()[end] == b' ');
            if !whole || !plan.declared_in(job, sf) {
                return;
            }
            if job_plan.cites(sf) {
                let entry = evidence.entry(job).or_default();
                if entry.exact.is_none() {
                    entry.exact = Some(exact_place(source, start, end, &jobs[job.0].parsed.core));
                    entry.exact_range = Some((start, end));
                }
            } else if job_plan.cites_all() || clean_in.contains(&job_plan.claims_file) {
                // Found in a source the claim does not cite (or in one of
                // every source): only the first such source is kept.
                found_here.push(job);
                let place = exact_place(source, start, end, &jobs[job.0].parsed.core);
                plan.offer_elsewhere(job, sf, place.offset, || Evidence {
                    exact: Some(place),
                    exact_range: Some((start, end)),
                    credit: job_plan.speaker.then(|| credit(source, start, end)),
                    ..Evidence::default()
                });
            }
        }
        Anchor::Seed { job, offset, slot } => {
            if slot == NO_SLOT {
                seed_hit(JobId(job as usize), offset, start, true);
            } else {
                wide_hits.hit(slot, start as isize - offset as isize, offset);
            }
        }
    });
    // A wide job's cluster must hold `need` of its seeds to be aligned
    // (see below), and no cluster holds more seeds than the source does:
    // with fewer, or fewer than its best sources so far, the source is no
    // candidate.
    let wide_found = wide_hits.finish(|rank, held| {
        let job = plan.wide_jobs[rank as usize];
        held >= need(&plan.jobs[job.0])
            && plan.may_admit(job, strength(held, held), sf)
            && plan.searches(job, sf)
            && !settled(job)
    });

    found_here.sort_unstable();
    let found_exactly = |job: JobId| {
        evidence.get(&job).is_some_and(|e| e.exact.is_some())
            || found_here.binary_search(&job).is_ok()
    };
    let local = local_seeds(jobs, plan, sf, |job| !found_exactly(job) && !settled(job));
    scan_all(&[&local], folded, |anchor, start| {
        if let Anchor::Seed { job, offset, .. } = anchor {
            seed_hit(JobId(job as usize), offset, start, false);
        }
    });
    for (rank, held) in wide_found.held {
        seeds_held.insert(plan.wide_jobs[rank as usize], held);
    }
    seed_hits.extend(
        wide_found
            .hits
            .into_iter()
            .map(|(rank, hit)| (plan.wide_jobs[rank as usize], hit)),
    );
    seed_hits.sort_unstable();

    // Fuzzy work: the jobs that search this source and were not found
    // exactly; cited ones always, every-source ones where seeds agree.
    let mut work: Vec<(JobId, Vec<Window>)> = Vec::new();
    let mut hits: Vec<SeedHit> = Vec::new();
    let mut i = 0;
    while i < seed_hits.len() {
        let job = seed_hits[i].0;
        let mut j = i;
        while j < seed_hits.len() && seed_hits[j].0 == job {
            j += 1;
        }
        let job_plan = &plan.jobs[job.0];
        let held = seeds_held.get(&job).copied().unwrap_or(0);
        hits.clear();
        hits.extend(seed_hits[i..j].iter().map(|&(_, hit)| hit));
        // Most sources a wide job's seeds hit hold no cluster strong enough
        // to align or to be admitted: told from the strongest cluster
        // alone, without building the clusters.
        let hopeless = job_plan.wide && {
            let best = strongest(&hits, job_plan.quote_bytes);
            best < need(job_plan) || !plan.may_admit(job, strength(best, held), sf)
        };
        if !hopeless && !found_exactly(job) {
            let bytes = job_plan.quote_bytes;
            let found = clusters(&hits, bytes);
            let need = need(job_plan);
            let windows: Vec<Window> = found
                .iter()
                .filter(|c| c.seeds >= need)
                .take(CLUSTERS_TRIED)
                .map(|c| window_around(source, c.from, c.to, bytes / 2 + 40))
                .collect();
            let admitted = !job_plan.wide
                || found
                    .first()
                    .is_some_and(|c| plan.admit(job, strength(c.seeds, held), sf));
            if !windows.is_empty() && admitted {
                work.push((job, windows));
            }
        }
        i = j;
    }
    // Cited jobs with no seed at all still get a look, by paragraph votes.
    let queued: std::collections::HashSet<JobId> = work.iter().map(|(job, _)| *job).collect();
    for &job in &source_plan.cited_by {
        if !found_exactly(job) && !queued.contains(&job) && !settled(job) {
            work.push((job, Vec::new()));
        }
    }
    let mut index = LazyIndex::default();
    for (job, windows) in work {
        let found = analyze(
            source,
            &jobs[job.0].parsed,
            &windows,
            &mut index,
            &plan.typo,
            plan.worth,
        );
        let entry = evidence.entry(job).or_default();
        entry.aligned = found.aligned;
        entry.pieces = found.pieces;
    }
    let mut evidence: Vec<(JobId, Evidence)> = evidence.into_iter().collect();
    evidence.sort_unstable_by_key(|(job, _)| *job);
    // Who the source credits, for quotes whose claim names a speaker.
    for (job, found) in evidence.iter_mut() {
        if !plan.jobs[job.0].speaker {
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
            found.credit = Some(credit(source, s, e));
        }
    }
    let mut figures = if source_plan.figures {
        read_figures(source, source_plan.published)
    } else {
        Vec::new()
    };
    figures.retain(|f| plan.may_be_claimed(&f.figure));
    Part {
        sha256: source.sha256.clone(),
        evidence,
        found_elsewhere: found_here,
        figures,
    }
}
