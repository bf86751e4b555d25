//! Upper bounds on what an alignment of a quote in a window can achieve,
//! at a small part of an alignment's cost: windows that cannot matter are
//! not aligned.

use super::closeness::letter_mask;
use super::found::share;
use super::hash::word_hash;
use super::quote::{ParsedQuote, Token};

/// Could an alignment of `reading` in a window of `words` keep a share
/// `worth` of the quote's words? It keeps a word only where the window has
/// it as it is (or, for an in-word bracket, changed in case or inflection):
/// counting the quote's words the window holds bounds the share from above
/// at a small part of an alignment's cost. (Hashes stand for the words: a
/// collision can only raise the bound.)
pub fn may_keep(reading: &ParsedQuote, words: &[&str], worth: f64) -> bool {
    if worth <= 0.0 {
        return true;
    }
    let mut held: Vec<u64> = words.iter().map(|w| word_hash(w.as_bytes())).collect();
    held.sort_unstable();
    let (mut total, mut kept) = (0, 0);
    for token in &reading.tokens {
        if let Token::Word { text, in_word, .. } = token {
            total += 1;
            if in_word.is_some() || held.binary_search(&word_hash(text.as_bytes())).is_ok() {
                kept += 1;
            }
        }
    }
    share(kept, total) >= worth
}

/// The most an alignment of `reading` in a window of `words` could have
/// as its similarity: the share of the quote's words the window has as
/// they are, or in a form an in-word bracket allows, or a few edits away
/// (by the cheap tests every close pair passes: lengths within three
/// bytes, letter sets within two letters per edit allowed).
pub fn most_similar(reading: &ParsedQuote, words: &[&str]) -> f64 {
    let masks: Vec<(usize, u32)> = words.iter().map(|w| (w.len(), letter_mask(w))).collect();
    let (mut total, mut similar) = (0, 0);
    for token in &reading.tokens {
        let Token::Word { text, in_word, .. } = token else {
            continue;
        };
        total += 1;
        let (len, mask) = (text.len(), letter_mask(text));
        let may_match = |&(l, m): &(usize, u32)| {
            let limit = 2 * super::closeness::edits_allowed(len.min(l));
            len.abs_diff(l) <= 3 && (mask ^ m).count_ones() as usize <= limit
        };
        if in_word.is_some() || masks.iter().any(may_match) {
            similar += 1;
        }
    }
    share(similar, total)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::matcher::align::align;
    use crate::matcher::quote::parse_quote;

    #[test]
    fn no_alignment_beats_its_bounds() {
        let source = "the army said that its troops will not cross the border and the armies sad";
        let words: Vec<&str> = source.split(' ').collect();
        for quote in [
            "the armies will not cross",
            "its trops will nto crss the bordre",
            "arm[ies] sai[d] that",
            "the arm[adillo] said that",
            "we never said anything of the kind",
            "the [army] said ... the border",
        ] {
            let q = parse_quote(quote);
            for from in 0..words.len() {
                for to in from + 1..=words.len() {
                    let window = &words[from..to];
                    let Some(a) = align(&q.tokens, window) else {
                        continue;
                    };
                    assert!(
                        a.similarity() <= most_similar(&q, window),
                        "{quote} in {window:?}"
                    );
                    assert!(may_keep(&q, window, a.ratio()), "{quote} in {window:?}");
                }
            }
        }
    }
}
