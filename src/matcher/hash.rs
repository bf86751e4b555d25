//! Word hashes shared by the scan and the word index, and the hash map
//! keyed on them.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Hash of one folded word: eight bytes at a time, the last chunk padded
/// with zeros, then its length. [`scan_word`] gives the same hash while it
/// finds a word's end in the text.
pub fn word_hash(word: &[u8]) -> u64 {
    let mut h = HASH_SEED;
    let mut chunks = word.chunks_exact(8);
    for chunk in &mut chunks {
        h = mix_chunk(h, u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8])));
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut last = [0u8; 8];
        last[..rest.len()].copy_from_slice(rest);
        h = mix_chunk(h, u64::from_le_bytes(last));
    }
    finish(h, word.len())
}

pub const HASH_SEED: u64 = 0xcbf2_9ce4_8422_2325;

#[inline(always)]
fn mix_chunk(h: u64, chunk: u64) -> u64 {
    (h ^ chunk)
        .wrapping_mul(0x9e37_79b9_7f4a_7c15)
        .rotate_left(29)
}

#[inline(always)]
fn finish(h: u64, len: usize) -> u64 {
    (h ^ len as u64).wrapping_mul(0xff51_afd7_ed55_8ccd)
}

/// The word of `bytes` starting at `start` (words are separated by single
/// spaces): its hash, as [`word_hash`] gives it, and the index of its end.
/// Eight bytes are read at once; the first space among them is found with
/// bit arithmetic, not a byte loop.
#[inline]
pub fn scan_word(bytes: &[u8], start: usize) -> (u64, usize) {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    const SPACES: u64 = 0x2020_2020_2020_2020;
    let mut h = HASH_SEED;
    let mut at = start;
    while at + 8 <= bytes.len() {
        let chunk = u64::from_le_bytes(bytes[at..at + 8].try_into().unwrap_or([0; 8]));
        let x = chunk ^ SPACES;
        // The lowest zero byte of x is the first space (borrows only
        // disturb the bytes above it).
        let spaces = x.wrapping_sub(ONES) & !x & HIGHS;
        if spaces != 0 {
            let n = (spaces.trailing_zeros() / 8) as usize;
            if n > 0 {
                h = mix_chunk(h, chunk & (u64::MAX >> (64 - 8 * n)));
            }
            return (finish(h, at + n - start), at + n);
        }
        h = mix_chunk(h, chunk);
        at += 8;
    }
    // The last few bytes of the text.
    let end = bytes[at..]
        .iter()
        .position(|&b| b == b' ')
        .map_or(bytes.len(), |i| at + i);
    if end > at {
        let mut last = [0u8; 8];
        last[..end - at].copy_from_slice(&bytes[at..end]);
        h = mix_chunk(h, u64::from_le_bytes(last));
    }
    (finish(h, end - start), end)
}

/// The base of the polynomial a run of words is keyed on: Σ hᵢ·Pᵏ⁻¹⁻ⁱ
/// (wrapping), which the scan rolls along the text in two operations per
/// word and run length instead of recombining the run's words.
pub const P: u64 = 0x9e37_79b9_7f4a_7c15;

/// The raw polynomial of some word hashes, before [`finish_key`].
pub fn raw_key(hashes: impl Iterator<Item = u64>) -> u64 {
    hashes.fold(0, |key, h| key.wrapping_mul(P).wrapping_add(h))
}

/// A run's key from its raw polynomial: mixed, so that table slots and
/// filter bits spread.
#[inline(always)]
pub fn finish_key(raw: u64) -> u64 {
    let x = raw ^ (raw >> 31);
    x.wrapping_mul(0xd6e8_feb8_6659_fd93) ^ (x >> 29)
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
    // Indexes and offsets as one step each, not byte by byte.
    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }
    fn write_u32(&mut self, n: u32) {
        self.write_u64(u64::from(n));
    }
}

pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<WordHasher>>;

#[cfg(test)]
mod tests {
    use super::{scan_word, word_hash};

    #[test]
    fn the_scan_hashes_a_word_as_word_hash_does() {
        let text = "a bb the quick-brown foxes jumped-over-the-lazy-dogs x verylongwordindeedyes e";
        let mut start = 0;
        while start < text.len() {
            let (h, end) = scan_word(text.as_bytes(), start);
            let word = &text[start..end];
            assert_eq!(
                end,
                text[start..].find(' ').map_or(text.len(), |i| start + i)
            );
            assert_eq!(h, word_hash(word.as_bytes()), "{word}");
            start = end + 1;
        }
        assert_ne!(word_hash(b"ab"), word_hash(b"ab\0"), "length counts");
    }
}
