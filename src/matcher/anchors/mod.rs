//! One pass over a source's folded words finds every quote that starts
//! there and every seed (a run of three quote words) that occurs there.
//!
//! Quotes and seeds are keyed by a hash of their first words, so the pass
//! costs one table look-up per source word whatever the number of quotes;
//! a hit is then confirmed on the folded bytes. An Aho–Corasick automaton
//! (the aho-corasick crate, overlapping search) over the benchmark's 2,000
//! quotes measured ~60 MB/s here, an order of magnitude slower than this.

use super::hash::{finish_key, raw_key, scan_word, word_hash, FastMap, P};

/// Seeds are runs of this many words (few enough that an edit leaves most
/// of a quote's seeds whole).
pub const KEY_WORDS: usize = 3;

/// Quotes found exactly are keyed on a run of this many words: a run of
/// three is common in a large archive (and in repetitive text one source
/// word in three completed some quote's three-word key); a run of six is
/// rare, so most source words are turned down by the filter alone.
pub const START_WORDS: usize = 6;

/// The slot of a seed the caller numbered none.
pub const NO_SLOT: u32 = u32::MAX;

/// The longest key, in words.
const MAX_WORDS: usize = START_WORDS;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    /// Words of a quote's plain form, `offset` bytes into it. `head` holds
    /// the form's first bytes, so that most false hits are turned down
    /// without reading the quote itself (another cache line per hit).
    /// `tag` is the caller's, stored with the anchor for the same reason
    /// (the pipeline keeps the one source the quote cites there).
    Start {
        job: u32,
        offset: u32,
        head: Head,
        tag: u32,
    },
    /// A seed of a quote, `offset` bytes into its folded words. `slot` is
    /// the caller's dense number for the seed ([`NO_SLOT`] for none), so
    /// that hits can be counted in an array rather than a map.
    Seed { job: u32, offset: u32, slot: u32 },
}

/// A quote's plain form in brief: its length and its first and last
/// eight bytes (fewer for a short quote).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Head {
    first: u64,
    last: u64,
    len: u32,
}

fn eight(bytes: &[u8]) -> u64 {
    let mut buf = [0u8; 8];
    let n = bytes.len().min(8);
    buf[..n].copy_from_slice(&bytes[..n]);
    u64::from_le_bytes(buf)
}

impl Head {
    fn of(plain: &[u8]) -> Head {
        let len = plain.len();
        Head {
            first: eight(plain),
            last: eight(&plain[len.saturating_sub(8)..]),
            len: len.min(u32::MAX as usize) as u32,
        }
    }

    /// Could a quote with this head start at `at` in `text`? Its ends are
    /// compared first: repetitive text shares long runs with a quote, and
    /// comparing those whole for every hit is most of the scan's time.
    pub fn may_start(&self, text: &[u8], at: usize) -> bool {
        let len = self.len as usize;
        text.get(at..at + len).is_some_and(|b| Head::of(b) == *self)
    }
}

fn key_of<'a>(words: impl Iterator<Item = &'a str>) -> u64 {
    finish_key(raw_key(words.map(|w| word_hash(w.as_bytes()))))
}

/// Words in the run a quote of `len` words is keyed on: six, or for a
/// shorter quote as many as a seed (or all it has). Each run length in use
/// costs every source word a filter probe; seeds use three already.
fn start_run(len: usize) -> usize {
    if len >= START_WORDS {
        START_WORDS
    } else {
        len.min(KEY_WORDS)
    }
}

/// The keys a quote could be found by: one per run of [`start_run`]
/// words, in order.
pub fn start_keys(words: &[&str]) -> Vec<u64> {
    let k = start_run(words.len());
    if k == 0 {
        return Vec::new();
    }
    // Each word hashed once (a quote has a run at almost every word).
    let hashes: Vec<u64> = words.iter().map(|w| word_hash(w.as_bytes())).collect();
    hashes
        .windows(k)
        .map(|run| finish_key(raw_key(run.iter().copied())))
        .collect()
}

/// The run of words to key a quote on: the one fewest other quotes share
/// (`shared` counts, per key, the quotes holding it), then the one of the
/// longest words. A run many quotes share is common in the sources too,
/// and each of its occurrences would be checked against all of them; a
/// quote's first words ("and the", "of the") occur everywhere.
pub fn rarest_run(words: &[&str], keys: &[u64], shared: impl Fn(u64) -> usize) -> usize {
    let k = start_run(words.len());
    (0..keys.len())
        .min_by_key(|&i| {
            let run = &words[i..i + k];
            let shortest = run.iter().map(|w| w.len()).min().unwrap_or(0);
            let total: usize = run.iter().map(|w| w.len()).sum();
            (
                shared(keys[i]),
                std::cmp::Reverse(shortest.min(6)),
                std::cmp::Reverse(total),
                i,
            )
        })
        .unwrap_or(0)
}

/// Anchors by the number of words they are keyed on (1, 2 or 3), behind a
/// bit filter: most source positions start no anchor, and a bit test is
/// far cheaper than a table look-up.
#[derive(Default)]
pub struct Anchors {
    tables: [FastMap<u64, List>; MAX_WORDS],
    filter: Vec<u64>,
}

/// The anchors of one key. Most keys have one, kept in the table itself:
/// in repetitive text most source words hit some key, and a second
/// memory read per hit was a fifth of the scan's time.
#[derive(Debug, Clone)]
enum List {
    One(Anchor),
    Many(Vec<Anchor>),
}

impl List {
    fn push(&mut self, anchor: Anchor) {
        match self {
            List::One(first) => *self = List::Many(vec![*first, anchor]),
            List::Many(all) => all.push(anchor),
        }
    }

    fn as_slice(&self) -> &[Anchor] {
        match self {
            List::One(one) => std::slice::from_ref(one),
            List::Many(all) => all,
        }
    }
}

fn add(table: &mut FastMap<u64, List>, key: u64, anchor: Anchor) {
    match table.get_mut(&key) {
        Some(list) => list.push(anchor),
        None => {
            table.insert(key, List::One(anchor));
        }
    }
}

/// Filter bits per key, rounded to a power of two: 16 keeps the filter of
/// 20,000 quotes within a core's first-level cache (64 bits per key was
/// 7% slower on the large benchmark, 8 bits 3%).
const FILTER_BITS_PER_KEY: usize = 16;

fn filter_slot(key: u64, k: usize, len: usize) -> (usize, u64) {
    let mixed = (key ^ (k as u64).wrapping_mul(0x9e37_79b9)).wrapping_mul(0xff51_afd7_ed55_8ccd);
    let bit = (mixed >> 32) as usize & (len * 64 - 1);
    (bit / 64, 1 << (bit % 64))
}

/// An anchor with its key, made once and put into the tables of many
/// scans (each wave of a run builds its table anew from these).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Keyed {
    /// Words the key runs over (1 to [`START_WORDS`]).
    words: u8,
    key: u64,
    pub anchor: Anchor,
}

impl Keyed {
    /// A quote to find exactly, by its folded words, keyed on the run of
    /// words at `at` (see [`start_keys`] and [`rarest_run`]).
    pub fn start(job: usize, words: &[&str], at: usize, tag: u32) -> Option<Keyed> {
        let k = start_run(words.len());
        if k == 0 || at + k > words.len() {
            return None;
        }
        let offset: usize = words[..at].iter().map(|w| w.len() + 1).sum();
        let plain = words.join(" ");
        Some(Keyed {
            words: k as u8,
            key: key_of(words[at..at + k].iter().copied()),
            anchor: Anchor::Start {
                job: job as u32,
                offset: offset as u32,
                head: Head::of(plain.as_bytes()),
                tag,
            },
        })
    }

    /// A seed: `words` (one to three) found `offset` bytes into the quote.
    pub fn seed(job: usize, words: &[&str], offset: usize) -> Option<Keyed> {
        let k = words.len().min(KEY_WORDS);
        (k > 0).then(|| Keyed {
            words: k as u8,
            key: key_of(words[..k].iter().copied()),
            anchor: Anchor::Seed {
                job: job as u32,
                offset: offset as u32,
                slot: NO_SLOT,
            },
        })
    }

    /// The same seed anchor numbered `new` (see [`Anchor::Seed`]).
    pub fn in_slot(mut self, new: u32) -> Keyed {
        if let Anchor::Seed { slot, .. } = &mut self.anchor {
            *slot = new;
        }
        self
    }

    /// The same start anchor with another tag.
    pub fn tagged(mut self, new: u32) -> Keyed {
        if let Anchor::Start { tag, .. } = &mut self.anchor {
            *tag = new;
        }
        self
    }
}

impl Anchors {
    /// Put an anchor in the table of its key's length (call [`Self::seal`]
    /// once all are in).
    pub fn insert(&mut self, keyed: &Keyed) {
        let k = keyed.words as usize;
        add(&mut self.tables[k - 1], keyed.key, keyed.anchor);
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
        .flat_map(|a| (0..MAX_WORDS).map(move |k| (*a, k)))
        .filter(|(a, k)| !a.tables[*k].is_empty())
        .map(|(a, k)| (a, k + 1))
        .collect();
    if active.is_empty() {
        return;
    }
    let bytes = folded.as_bytes();
    let needed: Vec<bool> = (1..=MAX_WORDS)
        .map(|k| active.iter().any(|&(_, n)| n == k))
        .collect();
    // Pᵏ, to take the word leaving a run of k out of its polynomial.
    let mut power = [1u64; MAX_WORDS + 1];
    for k in 1..=MAX_WORDS {
        power[k] = power[k - 1].wrapping_mul(P);
    }
    // The last words, as many as the longest key, in a ring: (hash, start).
    let mut recent = [(0u64, 0usize); MAX_WORDS];
    let mut raw = [0u64; MAX_WORDS];
    let mut seen = 0usize;
    let mut start = 0;
    while start < bytes.len() {
        // Hash the word while finding its end.
        let (h, end) = scan_word(bytes, start);
        let slot = seen % MAX_WORDS;
        let leaving = recent[slot].0;
        recent[slot] = (h, start);
        seen += 1;
        // Each run length's polynomial rolls on by one word.
        let mut keys = [0u64; MAX_WORDS];
        for k in 1..=MAX_WORDS {
            if needed[k - 1] {
                // The word k back leaves the run of k (none before k words).
                let out = if seen > k {
                    recent[(seen - 1 - k) % MAX_WORDS].0
                } else {
                    0
                };
                let out = if k == MAX_WORDS && seen > k {
                    leaving
                } else {
                    out
                };
                raw[k - 1] = raw[k - 1]
                    .wrapping_mul(P)
                    .wrapping_add(h)
                    .wrapping_sub(out.wrapping_mul(power[k]));
                keys[k - 1] = finish_key(raw[k - 1]);
            }
        }
        for &(set, k) in &active {
            if seen < k || !set.may_hold(keys[k - 1], k - 1) {
                continue;
            }
            if let Some(anchors) = set.tables[k - 1].get(&keys[k - 1]) {
                // The run's first word, k − 1 words back.
                let at = recent[(seen - k) % MAX_WORDS].1;
                for &anchor in anchors.as_slice() {
                    on(anchor, at);
                }
            }
        }
        start = end + 1;
    }
}

#[cfg(test)]
mod tests;
