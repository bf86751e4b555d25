//! An index of a source's words, for the rarer searches that need every
//! occurrence of a word: paragraph votes and verbatim pieces.

use super::hash::word_hash;

/// Every word of a folded text, and its occurrences sorted by word hash.
pub struct WordIndex {
    /// Folded byte range of each word.
    pub words: Vec<(usize, usize)>,
    by_hash: Vec<(u64, u32)>,
}

impl WordIndex {
    pub fn build(folded: &str) -> WordIndex {
        let words = split_words(folded, 0, folded.len());
        let mut by_hash: Vec<(u64, u32)> = words
            .iter()
            .enumerate()
            .map(|(i, &(s, e))| (word_hash(&folded.as_bytes()[s..e]), i as u32))
            .collect();
        by_hash.sort_unstable();
        WordIndex { words, by_hash }
    }

    /// Positions (word indexes) of `word`, in order.
    pub fn positions<'a>(
        &'a self,
        folded: &'a str,
        word: &'a str,
    ) -> impl Iterator<Item = usize> + 'a {
        let h = word_hash(word.as_bytes());
        let from = self.by_hash.partition_point(|&(k, _)| k < h);
        self.by_hash[from..]
            .iter()
            .take_while(move |&&(k, _)| k == h)
            .map(|&(_, i)| i as usize)
            .filter(move |&i| self.word(folded, i) == word)
    }

    pub fn count(&self, word: &str) -> usize {
        let h = word_hash(word.as_bytes());
        let from = self.by_hash.partition_point(|&(k, _)| k < h);
        self.by_hash[from..]
            .iter()
            .take_while(|&&(k, _)| k == h)
            .count()
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
