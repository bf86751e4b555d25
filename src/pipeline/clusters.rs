//! Seed clusters: a job's seed hits in a source grouped along nearby
//! diagonals (where the quote would start), the strongest placing the
//! windows the aligner reads.

use super::plan::JobPlan;
use super::seeds::SeedHit;

/// Seed hits of one job lying along nearby diagonals. Its strength is the
/// number of distinct seeds in it, not of hits: a seed a source repeats
/// line after line (the same sentence in a program's printed output)
/// chains into a long run of hits of that one seed, which says no more
/// than one hit does about where the quote is.
pub(super) struct Cluster {
    pub seeds: usize,
    pub from: usize,
    pub to: usize,
}

/// Group a job's seed hits (sorted) into clusters, best first.
pub(super) fn clusters(hits: &[SeedHit], quote_bytes: usize) -> Vec<Cluster> {
    let mut out: Vec<Cluster> = Vec::new();
    let mut scratch = Vec::new();
    for (i, j) in runs(hits, quote_bytes) {
        out.push(Cluster {
            seeds: distinct_seeds(&hits[i..j], &mut scratch),
            from: hits[i].0.max(0) as usize,
            to: hits[j - 1].0.max(0) as usize + quote_bytes,
        });
    }
    out.sort_by(|a, b| b.seeds.cmp(&a.seeds).then(a.from.cmp(&b.from)));
    out
}

/// The runs of hits (sorted by diagonal) each within the band of the one
/// before: index ranges.
fn runs(hits: &[SeedHit], quote_bytes: usize) -> impl Iterator<Item = (usize, usize)> + '_ {
    let band = band(quote_bytes);
    let mut i = 0;
    std::iter::from_fn(move || {
        if i >= hits.len() {
            return None;
        }
        let mut j = i + 1;
        while j < hits.len() && hits[j].0 - hits[j - 1].0 <= band {
            j += 1;
        }
        let run = (i, j);
        i = j;
        Some(run)
    })
}

/// How many different seeds a run of hits holds.
fn distinct_seeds(run: &[SeedHit], scratch: &mut Vec<u32>) -> usize {
    scratch.clear();
    scratch.extend(run.iter().map(|&(_, seed)| seed));
    scratch.sort_unstable();
    scratch.dedup();
    scratch.len()
}

/// How far apart two seed diagonals of one cluster may lie: insertions and
/// deletions shift later seeds a little.
fn band(quote_bytes: usize) -> isize {
    48 + quote_bytes as isize / 4
}

/// The seeds of the strongest of [`clusters`] of one job's hits (sorted
/// by diagonal), without building them.
pub(super) fn strongest(hits: &[SeedHit], quote_bytes: usize) -> usize {
    let mut scratch = Vec::new();
    runs(hits, quote_bytes)
        .map(|(i, j)| distinct_seeds(&hits[i..j], &mut scratch))
        .max()
        .unwrap_or(0)
}

/// How strongly a source's seeds point at a wide quote: the seeds of its
/// strongest cluster (seeds in place), then how many distinct seeds it holds
/// anywhere (a stitched quote's source holds both pieces).
pub(super) fn strength(cluster_seeds: usize, seeds_held: usize) -> usize {
    (cluster_seeds.min(0xffff) << 16) | seeds_held.min(0xffff)
}

/// Clusters tried per job and source.
pub(super) const CLUSTERS_TRIED: usize = 2;

/// The distinct seeds a cluster must hold to be aligned. A claim naming no
/// source is a search of every source, most of which do not hold it: half
/// its seeds (three at least, if it has them). A claim naming its sources
/// says the quote is there: any cluster may hold it (a short quote with
/// one word changed keeps one seed in three).
pub(super) fn need(job: &JobPlan) -> usize {
    if job.cites_all() {
        let seeds = job.wide_seeds.len();
        3.max(seeds.div_ceil(2)).min(seeds)
    } else {
        1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_strongest_cluster_is_told_without_building_them() {
        let runs: [&[SeedHit]; 6] = [
            &[],
            &[(5, 0)],
            &[(0, 0), (10, 4), (500, 0), (510, 4), (520, 9), (2_000, 0)],
            &[(0, 0), (60, 4), (120, 9), (180, 13), (1_000, 0), (1_001, 4)],
            &[
                (-30, 0),
                (-10, 4),
                (0, 4),
                (900, 0),
                (905, 4),
                (910, 4),
                (915, 4),
                (4_000, 0),
            ],
            &[
                (0, 4),
                (40, 4),
                (80, 4),
                (120, 4),
                (900, 0),
                (900, 4),
                (900, 9),
            ],
        ];
        for hits in runs {
            for bytes in [10, 100, 400] {
                let want = clusters(hits, bytes).first().map_or(0, |c| c.seeds);
                assert_eq!(strongest(hits, bytes), want, "{hits:?} {bytes}");
            }
        }
        // Within the band, one cluster; past it, two.
        assert_eq!(clusters(&[(0, 0), (band(100), 4)], 100).len(), 1);
        assert_eq!(clusters(&[(0, 0), (band(100) + 1, 4)], 100).len(), 2);
    }

    #[test]
    fn a_seed_repeated_along_the_text_is_one_seed() {
        // One seed hit on ten lines in a row (a program's printed output)
        // chains into one run of ten hits; three seeds in place beat it.
        let mut hits: Vec<SeedHit> = (0..10).map(|line| (line * 36, 0)).collect();
        hits.extend([(2_000, 0), (2_000, 5), (2_000, 11)]);
        let found = clusters(&hits, 100);
        assert_eq!((found[0].seeds, found[0].from), (3, 2_000));
        assert_eq!(found[1].seeds, 1);
        assert_eq!(strongest(&hits, 100), 3);
    }
}
