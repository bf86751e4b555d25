//! An index of a source's words, for the rarer searches that need every
//! occurrence of a word: paragraph votes and verbatim pieces.

use super::hash::word_hash;

/// Every word of a folded text, and its occurrences by word hash: each
/// word's place in a table of chains, the words of one slot linked in text
/// order. Built in one pass (sorting every word was a twentieth of a large
/// run, for the few quotes that ask).
pub struct WordIndex {
    /// Folded byte range of each word.
    pub words: Vec<(usize, usize)>,
    hashes: Vec<u64>,
    /// Per slot, its first word (`NONE` for none).
    heads: Vec<u32>,
    /// Per word, the next word of its slot (`NONE` for none).
    next: Vec<u32>,
}

const NONE: u32 = u32::MAX;

impl WordIndex {
    pub fn build(folded: &str) -> WordIndex {
        let words = split_words(folded, 0, folded.len());
        let hashes: Vec<u64> = words
            .iter()
            .map(|&(s, e)| word_hash(&folded.as_bytes()[s..e]))
            .collect();
        // Twice as many slots as words: chains hold one word's places,
        // seldom another's.
        let slots = (2 * words.len()).next_power_of_two().max(16);
        let mut heads = vec![NONE; slots];
        let mut next = vec![NONE; words.len()];
        // From the last word back, so that each chain runs in text order.
        for (i, &h) in hashes.iter().enumerate().rev() {
            let slot = slot_of(h, slots);
            next[i] = heads[slot];
            heads[slot] = u32::try_from(i).unwrap_or(NONE);
        }
        WordIndex {
            words,
            hashes,
            heads,
            next,
        }
    }

    /// Indexes of the words hashed as `word` is, in text order.
    fn same_hash(&self, word: &str) -> impl Iterator<Item = usize> + '_ {
        let h = word_hash(word.as_bytes());
        let mut at = self.heads[slot_of(h, self.heads.len())];
        std::iter::from_fn(move || {
            while at != NONE {
                let i = at as usize;
                at = self.next[i];
                if self.hashes[i] == h {
                    return Some(i);
                }
            }
            None
        })
    }

    /// Positions (word indexes) of `word`, in order.
    pub fn positions<'a>(
        &'a self,
        folded: &'a str,
        word: &'a str,
    ) -> impl Iterator<Item = usize> + 'a {
        self.same_hash(word)
            .filter(move |&i| self.word(folded, i) == word)
    }

    /// How many words hash as `word` does (its count, but for the rare
    /// collision).
    pub fn count(&self, word: &str) -> usize {
        self.same_hash(word).count()
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

/// A hash's slot in a table of `slots` (a power of two): its high bits,
/// which the word hash mixes best.
fn slot_of(hash: u64, slots: usize) -> usize {
    (hash.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 32) as usize & (slots - 1)
}

/// The words of `folded[from..to]`, as absolute byte ranges.
pub fn split_words(folded: &str, from: usize, to: usize) -> Vec<(usize, usize)> {
    let bytes = folded.as_bytes();
    let mut words = Vec::new();
    let mut start = from;
    while start < to {
        let end = bytes[start..to]
            .iter()
            .position(|&b| b == b' ')
            .map_or(to, |i| start + i);
        if end > start {
            words.push((start, end));
        }
        start = end + 1;
    }
    words
}

#[cfg(test)]
mod tests {
    use super::WordIndex;

    #[test]
    fn every_place_of_a_word_in_order_and_no_other() {
        let text = "the cat and the dog and the bird sat by the door the end";
        let index = WordIndex::build(text);
        let words: Vec<&str> = text.split(' ').collect();
        for word in &words {
            let want: Vec<usize> = (0..words.len()).filter(|&i| words[i] == *word).collect();
            let got: Vec<usize> = index.positions(text, word).collect();
            assert_eq!(got, want, "{word}");
            assert_eq!(index.count(word), want.len());
        }
        assert_eq!(index.positions(text, "cow").count(), 0);
        assert_eq!(WordIndex::build("").positions("", "a").count(), 0);
    }
}
