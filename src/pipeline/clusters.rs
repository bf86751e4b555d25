//! Seed clusters: a job's seed hits in a source grouped along nearby
//! diagonals (where the quote would start), the strongest placing the
//! windows the aligner reads.

use super::plan::JobPlan;
use crate::evidence::JobId;

/// Seed hits of one job lying along nearby diagonals.
pub(super) struct Cluster {
    pub hits: usize,
    pub from: usize,
    pub to: usize,
}

/// Group a job's seed diagonals (sorted) into clusters, best first.
pub(super) fn clusters(diagonals: &[isize], quote_bytes: usize) -> Vec<Cluster> {
    let band = band(quote_bytes);
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

/// How far apart two seed diagonals of one cluster may lie: insertions and
/// deletions shift later seeds a little.
fn band(quote_bytes: usize) -> isize {
    48 + quote_bytes as isize / 4
}

/// The hits of the strongest of [`clusters`] of one job's hits (sorted by
/// diagonal), without building them.
pub(super) fn strongest(hits: &[(JobId, isize)], quote_bytes: usize) -> usize {
    let band = band(quote_bytes);
    let (mut best, mut run) = (0, 0);
    for (k, &(_, diagonal)) in hits.iter().enumerate() {
        run = if k > 0 && diagonal - hits[k - 1].1 <= band {
            run + 1
        } else {
            1
        };
        best = best.max(run);
    }
    best
}

/// How strongly a source's seeds point at a wide quote: the hits of its
/// strongest cluster (seeds in place), then how many distinct seeds it holds
/// anywhere (a stitched quote's source holds both pieces).
pub(super) fn strength(cluster_hits: usize, seeds_held: usize) -> usize {
    (cluster_hits.min(0xffff) << 16) | seeds_held.min(0xffff)
}

/// Clusters tried per job and source.
pub(super) const CLUSTERS_TRIED: usize = 2;

/// The seed hits a cluster must hold to be aligned. A claim naming no
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
        let runs: [&[isize]; 5] = [
            &[],
            &[5],
            &[0, 10, 500, 510, 520, 2_000],
            &[0, 60, 120, 180, 1_000, 1_001],
            &[-30, -10, 0, 900, 905, 910, 915, 4_000],
        ];
        for diagonals in runs {
            let hits: Vec<(JobId, isize)> = diagonals.iter().map(|&d| (JobId(3), d)).collect();
            for bytes in [10, 100, 400] {
                let want = clusters(diagonals, bytes).first().map_or(0, |c| c.hits);
                assert_eq!(strongest(&hits, bytes), want, "{diagonals:?} {bytes}");
            }
        }
        // Within the band, one cluster; past it, two.
        assert_eq!(clusters(&[0, band(100)], 100).len(), 1);
        assert_eq!(clusters(&[0, band(100) + 1], 100).len(), 2);
    }
}
