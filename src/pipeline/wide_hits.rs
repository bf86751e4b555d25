//! Seed hits of wide quotes (claims of every source, or of an archive's
//! many documents) in one segment. In a large archive nearly every source
//! word completes a seed of some wide quote, so a hit must cost little: it
//! is counted in a dense array numbered by the plan (a map entry per hit,
//! and a sort of every hit, were a sixth of a 200,000-claim run), and only
//! the jobs holding seeds enough to be aligned here are sorted into
//! clusters.

use super::seeds::{SeedHit, EVERY_SOURCE_SEEDS, MAX_SEED_HITS};
use crate::matcher::anchors::NO_SLOT;
use std::cell::RefCell;

/// The slot of the `nth` seed of the wide job ranked `rank`:
/// `rank × EVERY_SOURCE_SEEDS + nth` ([`NO_SLOT`] past the range of a
/// slot; such seeds are counted the slow way).
pub(super) fn wide_slot(rank: usize, nth: usize) -> u32 {
    rank.checked_mul(EVERY_SOURCE_SEEDS)
        .and_then(|first| first.checked_add(nth))
        .and_then(|slot| u32::try_from(slot).ok())
        .filter(|&slot| slot != NO_SLOT)
        .unwrap_or(NO_SLOT)
}

/// The hits of wide quotes' seeds in one segment, by slot.
#[derive(Default)]
pub(super) struct WideHits {
    /// Hits so far per slot (saturating).
    per_seed: Vec<u8>,
    /// The ranks with a hit, each once.
    touched: Vec<u32>,
    /// The hits kept (the first [`MAX_SEED_HITS`] per seed): rank, and
    /// diagonal (where the quote would start) and seed.
    hits: Vec<(u32, SeedHit)>,
    /// Per rank, where its hits go in the sorted output while finishing
    /// ([`UNWANTED`] for none).
    place: Vec<u32>,
}

/// No place: the rank's hits are dropped.
const UNWANTED: u32 = u32::MAX;

/// What a segment's wide hits come to: per job ranked with seeds enough,
/// its rank and the number of its seeds found here, and its kept hits
/// (rank, and diagonal and seed), both sorted.
pub(super) struct WideFound {
    pub held: Vec<(u32, usize)>,
    pub hits: Vec<(u32, SeedHit)>,
}

thread_local! {
    /// Each thread's counts, kept between segments (zeroed where touched):
    /// a claims file of every source can have many wide quotes.
    static SPARE: RefCell<WideHits> = RefCell::default();
}

impl WideHits {
    /// The thread's spare counts (all zero), or new ones.
    pub fn take() -> WideHits {
        SPARE.with(|spare| std::mem::take(&mut *spare.borrow_mut()))
    }

    /// A hit of the seed numbered `slot` (not [`NO_SLOT`]), at byte
    /// `seed` of its quote, on `diagonal`.
    #[inline]
    pub fn hit(&mut self, slot: u32, diagonal: isize, seed: u32) {
        let slot = slot as usize;
        let rank = slot / EVERY_SOURCE_SEEDS;
        let first = rank * EVERY_SOURCE_SEEDS;
        if self.per_seed.len() < first + EVERY_SOURCE_SEEDS {
            self.per_seed.resize(first + EVERY_SOURCE_SEEDS, 0);
        }
        let n = self.per_seed[slot];
        if n == 0
            && self.per_seed[first..first + EVERY_SOURCE_SEEDS]
                .iter()
                .all(|&c| c == 0)
        {
            self.touched.push(rank as u32);
        }
        if (n as usize) < MAX_SEED_HITS {
            self.hits.push((rank as u32, (diagonal, seed)));
        }
        self.per_seed[slot] = n.saturating_add(1);
    }

    /// The jobs `wanted(rank, seeds held)` keeps, with their hits; the
    /// counts go back to the thread, zeroed, for its next segment.
    pub fn finish(mut self, wanted: impl Fn(u32, usize) -> bool) -> WideFound {
        self.touched.sort_unstable();
        let mut held = Vec::new();
        // The wanted ranks' hits, by rank (a counting sort: each rank's
        // place is known from its count), then each rank's by diagonal.
        let mut runs: Vec<(usize, usize)> = Vec::new();
        let mut total = 0;
        if self.place.len() < self.per_seed.len() / EVERY_SOURCE_SEEDS {
            self.place
                .resize(self.per_seed.len() / EVERY_SOURCE_SEEDS, UNWANTED);
        }
        for &rank in &self.touched {
            let first = rank as usize * EVERY_SOURCE_SEEDS;
            let counts = &mut self.per_seed[first..first + EVERY_SOURCE_SEEDS];
            let kept: usize = counts
                .iter()
                .map(|&c| (c as usize).min(MAX_SEED_HITS))
                .sum();
            let seeds = counts.iter().filter(|&&c| c > 0).count();
            counts.fill(0);
            if wanted(rank, seeds) {
                held.push((rank, seeds));
                self.place[rank as usize] = runs.len() as u32;
                runs.push((total, total + kept));
                total += kept;
            }
        }
        let mut hits: Vec<(u32, SeedHit)> = vec![(0, (0, 0)); total];
        let mut next: Vec<usize> = runs.iter().map(|&(from, _)| from).collect();
        for &(rank, hit) in &self.hits {
            let run = self.place[rank as usize];
            if run != UNWANTED {
                hits[next[run as usize]] = (rank, hit);
                next[run as usize] += 1;
            }
        }
        for &(from, to) in &runs {
            hits[from..to].sort_unstable();
        }
        for &(rank, _) in &held {
            self.place[rank as usize] = UNWANTED;
        }

        self.touched.clear();
        self.hits.clear();
        SPARE.with(|spare| *spare.borrow_mut() = self);
        WideFound { held, hits }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hits_are_counted_per_seed_and_capped() {
        let mut wide = WideHits::take();
        // Rank 2's first seed hits far past the cap; its second once.
        for d in 0..(MAX_SEED_HITS as isize + 10) {
            wide.hit(wide_slot(2, 0), 1000 - d, 0);
        }
        wide.hit(wide_slot(2, 1), 5, 6);
        // Rank 0 hits twice and is not wanted.
        wide.hit(wide_slot(0, 3), 7, 20);
        wide.hit(wide_slot(0, 3), 9, 20);
        let found = wide.finish(|rank, held| {
            assert_eq!(held, if rank == 2 { 2 } else { 1 });
            rank == 2
        });
        assert_eq!(found.held, vec![(2, 2)]);
        assert_eq!(found.hits.len(), MAX_SEED_HITS + 1);
        assert!(found.hits.windows(2).all(|w| w[0] <= w[1]));
        // The first hits are kept, not the last.
        assert_eq!(found.hits.last(), Some(&(2, (1000, 0))));
        assert_eq!(found.hits.first(), Some(&(2, (5, 6))));
        // The thread's counts come back zeroed.
        let again = WideHits::take();
        assert!(again.per_seed.iter().all(|&c| c == 0));
        assert!(again.touched.is_empty() && again.hits.is_empty());
    }

    #[test]
    fn a_slot_past_the_range_is_none() {
        assert_eq!(wide_slot(3, 2), 3 * EVERY_SOURCE_SEEDS as u32 + 2);
        assert_eq!(wide_slot(usize::MAX / 2, 0), NO_SLOT);
    }
}
