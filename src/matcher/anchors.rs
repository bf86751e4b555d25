//! One pass over a source's folded words finds every quote that starts
//! there and every seed (a run of three quote words) that occurs there.
//!
//! Quotes and seeds are keyed by a hash of their first words, so the pass
//! costs one table look-up per source word whatever the number of quotes;
//! a hit is then confirmed on the folded bytes. An Aho–Corasick automaton
//! (the aho-corasick crate, overlapping search) over the benchmark's 2,000
//! quotes measured ~60 MB/s here, an order of magnitude slower than this.

use super::hash::{hash_byte, word_hash, FastMap, HASH_SEED};

/// Seeds are runs of this many words; quotes are keyed by as many.
pub const KEY_WORDS: usize = 3;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    /// Words of a quote's plain form, `offset` bytes into it.
    Start { job: u32, offset: u32 },
    /// A seed of a quote, `offset` bytes into its folded words.
    Seed { job: u32, offset: u32 },
}

fn combine(key: u64, next: u64) -> u64 {
    (key.rotate_left(21) ^ next).wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

fn key_of<'a>(words: impl Iterator<Item = &'a str>) -> u64 {
    words.fold(0x1234_5678, |key, w| combine(key, word_hash(w.as_bytes())))
}

/// Anchors by the number of words they are keyed on (1, 2 or 3), behind a
/// bit filter: most source positions start no anchor, and a bit test is
/// far cheaper than a table look-up.
#[derive(Default)]
pub struct Anchors {
    tables: [FastMap<u64, Vec<Anchor>>; KEY_WORDS],
    filter: Vec<u64>,
}

/// Filter bits per key, rounded to a power of two.
const FILTER_BITS_PER_KEY: usize = 64;

fn filter_slot(key: u64, k: usize, len: usize) -> (usize, u64) {
    let mixed = (key ^ (k as u64).wrapping_mul(0x9e37_79b9)).wrapping_mul(0xff51_afd7_ed55_8ccd);
    let bit = (mixed >> 32) as usize & (len * 64 - 1);
    (bit / 64, 1 << (bit % 64))
}

impl Anchors {
    /// A quote to find exactly, by its folded words. It is keyed on its
    /// rarest-looking run of words (the longest), not its first: a quote's
    /// first words ("and the", "of the") occur everywhere.
    pub fn add_start(&mut self, job: usize, words: &[&str]) {
        let k = words.len().min(KEY_WORDS);
        if k == 0 {
            return;
        }
        let mut offsets = Vec::with_capacity(words.len());
        let mut at = 0;
        for w in words {
            offsets.push(at);
            at += w.len() + 1;
        }
        let best = (0..=words.len() - k)
            .max_by_key(|&i| {
                let gram = &words[i..i + k];
                let shortest = gram.iter().map(|w| w.len()).min().unwrap_or(0);
                let total: usize = gram.iter().map(|w| w.len()).sum();
                (shortest.min(6), total, std::cmp::Reverse(i))
            })
            .unwrap_or(0);
        let key = key_of(words[best..best + k].iter().copied());
        self.tables[k - 1]
            .entry(key)
            .or_default()
            .push(Anchor::Start {
                job: job as u32,
                offset: offsets[best] as u32,
            });
    }

    /// A seed: `words` (one to three) found `offset` bytes into the quote.
    pub fn add_seed(&mut self, job: usize, words: &[&str], offset: usize) {
        let k = words.len().min(KEY_WORDS);
        if k == 0 {
            return;
        }
        let key = key_of(words[..k].iter().copied());
        self.tables[k - 1]
            .entry(key)
            .or_default()
            .push(Anchor::Seed {
                job: job as u32,
                offset: offset as u32,
            });
    }

    pub fn is_empty(&self) -> bool {
        self.tables.iter().all(|t| t.is_empty())
    }

    /// Build the bit filter; call once all anchors are in.
    pub fn seal(&mut self) {
        let keys: usize = self.tables.iter().map(|t| t.len()).sum();
        let words = (keys * FILTER_BITS_PER_KEY / 64)
            .next_power_of_two()
            .max(16);
        self.filter = vec![0; words];
        for (k, table) in self.tables.iter().enumerate() {
            for &key in table.keys() {
                let (w, bit) = filter_slot(key, k, words);
                self.filter[w] |= bit;
            }
        }
    }

    fn may_hold(&self, key: u64, k: usize) -> bool {
        if self.filter.is_empty() {
            return true;
        }
        let (w, bit) = filter_slot(key, k, self.filter.len());
        self.filter[w] & bit != 0
    }

    /// Call `on(anchor, start)` for every anchor whose words occur in
    /// `folded` starting at byte `start` (a word start).
    pub fn scan(&self, folded: &str, on: impl FnMut(Anchor, usize)) {
        scan_all(&[self], folded, on);
    }
}

/// Scan `folded` once for the anchors of several tables.
pub fn scan_all(sets: &[&Anchors], folded: &str, mut on: impl FnMut(Anchor, usize)) {
    // (anchors, number of words) pairs that hold anything.
    let active: Vec<(&Anchors, usize)> = sets
        .iter()
        .flat_map(|a| (0..KEY_WORDS).map(move |k| (*a, k)))
        .filter(|(a, k)| !a.tables[*k].is_empty())
        .map(|(a, k)| (a, k + 1))
        .collect();
    if active.is_empty() {
        return;
    }
    let bytes = folded.as_bytes();
    let needed: Vec<bool> = (1..=KEY_WORDS)
        .map(|k| active.iter().any(|&(_, n)| n == k))
        .collect();
    // The last three words: (hash, start).
    let mut recent = [(0u64, 0usize); KEY_WORDS];
    let mut seen = 0usize;
    let mut start = 0;
    while start < bytes.len() {
        // Hash the word while finding its end.
        let mut h = HASH_SEED;
        let mut end = start;
        while end < bytes.len() && bytes[end] != b' ' {
            h = hash_byte(h, bytes[end]);
            end += 1;
        }
        recent.rotate_left(1);
        recent[KEY_WORDS - 1] = (h, start);
        seen += 1;
        // Keys of the last one, two and three words, as far as needed.
        let mut keys = [0u64; KEY_WORDS];
        for k in 1..=KEY_WORDS.min(seen) {
            if needed[k - 1] {
                let first = KEY_WORDS - k;
                keys[k - 1] = recent[first..]
                    .iter()
                    .fold(0x1234_5678, |key, &(h, _)| combine(key, h));
            }
        }
        for &(set, k) in &active {
            if seen < k || !set.may_hold(keys[k - 1], k - 1) {
                continue;
            }
            if let Some(anchors) = set.tables[k - 1].get(&keys[k - 1]) {
                let at = recent[KEY_WORDS - k].1;
                for &anchor in anchors {
                    on(anchor, at);
                }
            }
        }
        start = end + 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_quote_starts_and_seeds_at_word_starts() {
        let mut anchors = Anchors::default();
        anchors.add_start(0, &["he", "has", "done"]);
        anchors.add_start(1, &["has", "done"]);
        anchors.add_seed(2, &["done", "it", "well"], 7);
        anchors.seal();
        let mut hits = Vec::new();
        anchors.scan("she has done it well", |a, s| hits.push((a, s)));
        assert_eq!(
            hits,
            vec![
                (Anchor::Start { job: 1, offset: 0 }, 4),
                (Anchor::Seed { job: 2, offset: 7 }, 8)
            ]
        );
    }
}
