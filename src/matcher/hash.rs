//! Word hashes shared by the scan and the word index, and the hash map
//! keyed on them.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Hash of one folded word.
pub fn word_hash(word: &[u8]) -> u64 {
    word.iter().fold(HASH_SEED, |h, &b| hash_byte(h, b))
}

pub const HASH_SEED: u64 = 0xcbf2_9ce4_8422_2325;

/// One byte into a word's hash (FNV-1a), so that the scan can hash a word
/// while it looks for the word's end.
#[inline(always)]
pub fn hash_byte(h: u64, b: u8) -> u64 {
    (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
}

/// A small multiplicative hasher for keys that are already hashes.
#[derive(Default)]
pub struct WordHasher(u64);

impl Hasher for WordHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(b)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0 ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<WordHasher>>;
