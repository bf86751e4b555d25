//! Exact search: every plain quote against a source in one pass of an
//! Aho–Corasick automaton over the folded text, words matched whole.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::collections::HashMap;

/// The automaton for a run's plain quotes. Identical folded quotes share a
/// pattern.
pub struct ExactSearch {
    automaton: Option<AhoCorasick>,
    /// For each pattern, the quote jobs that have it.
    jobs: Vec<Vec<usize>>,
}

impl ExactSearch {
    /// `quotes[i]` is job i's folded plain form, if it has one.
    pub fn new(quotes: &[Option<&str>]) -> ExactSearch {
        let mut by_text: HashMap<&str, usize> = HashMap::new();
        let mut patterns: Vec<&str> = Vec::new();
        let mut jobs: Vec<Vec<usize>> = Vec::new();
        for (job, text) in quotes.iter().enumerate() {
            let Some(text) = text.filter(|t| !t.is_empty()) else {
                continue;
            };
            let next = patterns.len();
            let p = *by_text.entry(text).or_insert(next);
            if p == next {
                patterns.push(text);
                jobs.push(Vec::new());
            }
            jobs[p].push(job);
        }
        let automaton = if patterns.is_empty() {
            None
        } else {
            AhoCorasickBuilder::new()
                .match_kind(MatchKind::Standard)
                .build(&patterns)
                .ok()
        };
        ExactSearch { automaton, jobs }
    }

    /// Every whole-word occurrence in `folded`: (job, start, end), in order
    /// of position. `wanted` filters jobs.
    pub fn find_all(
        &self,
        folded: &str,
        wanted: impl Fn(usize) -> bool,
    ) -> Vec<(usize, usize, usize)> {
        let Some(automaton) = &self.automaton else {
            return Vec::new();
        };
        let bytes = folded.as_bytes();
        let mut found = Vec::new();
        for m in automaton.find_overlapping_iter(folded) {
            let (s, e) = (m.start(), m.end());
            let whole = (s == 0 || bytes[s - 1] == b' ') && (e == bytes.len() || bytes[e] == b' ');
            if !whole {
                continue;
            }
            for &job in &self.jobs[m.pattern().as_usize()] {
                if wanted(job) {
                    found.push((job, s, e));
                }
            }
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_match_whole() {
        let search = ExactSearch::new(&[Some("he has done"), Some("has done")]);
        let hits = search.find_all("she has done it", |_| true);
        assert_eq!(hits, vec![(1, 4, 12)]);
    }

    #[test]
    fn identical_quotes_share_a_pattern() {
        let search = ExactSearch::new(&[Some("a b"), None, Some("a b")]);
        let hits = search.find_all("x a b", |_| true);
        assert_eq!(hits, vec![(0, 2, 5), (2, 2, 5)]);
    }
}
