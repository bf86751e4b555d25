//! An index of a source's words, for finding where a quote may have come
//! from without aligning against the whole text.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A small multiplicative hasher: words are short and the index is private,
/// so SipHash's protection buys nothing here.
#[derive(Default)]
pub struct WordHasher(u64);

impl Hasher for WordHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(word))
                .wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
}

pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<WordHasher>>;

/// Every word of a folded text, with its positions.
pub struct WordIndex {
    /// Folded byte range of each word.
    pub words: Vec<(usize, usize)>,
    positions: FastMap<String, Vec<u32>>,
}

impl WordIndex {
    pub fn build(folded: &str) -> WordIndex {
        let mut words = Vec::with_capacity(folded.len() / 6);
        let mut positions: FastMap<String, Vec<u32>> = FastMap::default();
        let mut at = 0;
        for word in folded.split(' ') {
            let start = at;
            at += word.len() + 1;
            if word.is_empty() {
                continue;
            }
            let i = words.len() as u32;
            words.push((start, start + word.len()));
            match positions.get_mut(word) {
                Some(list) => list.push(i),
                None => {
                    positions.insert(word.to_string(), vec![i]);
                }
            }
        }
        WordIndex { words, positions }
    }

    pub fn positions(&self, word: &str) -> &[u32] {
        self.positions.get(word).map_or(&[], Vec::as_slice)
    }

    pub fn contains(&self, word: &str) -> bool {
        self.positions.contains_key(word)
    }

    /// The word at index `i`.
    pub fn word<'t>(&self, folded: &'t str, i: usize) -> &'t str {
        let (s, e) = self.words[i];
        &folded[s..e]
    }

    /// The first word whose start is at or after folded position `at`.
    pub fn word_at_or_after(&self, at: usize) -> usize {
        self.words.partition_point(|&(s, _)| s < at)
    }
}
