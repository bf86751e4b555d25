//! Word-level alignment of a quote's tokens against a window of source
//! words: semi-global (the source's ends are free), with brackets standing
//! for up to six source words and ellipses for any number.

use super::closeness::{is_close_masked, letter_mask};
use super::found::share;
use super::quote::{InWord, Token};

/// A bracket stands for at most this many source words.
pub const MAX_BRACKET_WORDS: usize = 6;

// Costs, minimised: a kept word earns, so that with free ends the aligner
// still prefers keeping the quote's words to skipping past them.
const SAME: i32 = -4;
const CLOSE: i32 = -2;
const SUB: i32 = 2;
const ADDED: i32 = 3;
const DROPPED: i32 = 2;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    /// The quote's word is the source's (after folding).
    Same { q: usize, s: usize },
    /// An in-word bracket changes only case or inflection.
    Stem { q: usize, s: usize },
    /// A different word in the same place.
    Changed { q: usize, s: usize },
    /// A quote word with no source word.
    Added { q: usize },
    /// A source word the quote leaves out.
    Dropped { s: usize },
    /// A bracket standing for source words `s..e`.
    Bracket { q: usize, s: usize, e: usize },
    /// An ellipsis omitting source words `s..e`.
    Gap { q: usize, s: usize, e: usize },
}

#[derive(Debug, Clone)]
pub struct Alignment {
    pub ops: Vec<Op>,
    pub cost: i32,
    /// Quote words matched to the same source word (after folding).
    pub aligned: usize,
    /// Those, and the words matched to a close source word (a typo): the
    /// measure that picks the best window and reading.
    pub similar: usize,
    pub words: usize,
    /// First and last source word touched (inclusive, exclusive).
    pub source_start: usize,
    pub source_end: usize,
}

impl Alignment {
    /// The share of quote words matched the same or close, for choosing
    /// between windows and readings.
    pub fn similarity(&self) -> f64 {
        share(self.similar, self.words)
    }

    pub fn ratio(&self) -> f64 {
        share(self.aligned, self.words)
    }
}

fn stem_matches(in_word: &InWord, folded: &str, source: &str) -> bool {
    if folded == source {
        return true;
    }
    let prefix_ok = in_word.prefix.chars().count() >= 3 && source.starts_with(&in_word.prefix);
    let suffix_ok = in_word.prefix.is_empty()
        && !in_word.suffix.is_empty()
        && source.ends_with(&in_word.suffix)
        && source.len() <= folded.len() + 2;
    prefix_ok || suffix_ok
}

fn word_cost(token: &Token, mask: u32, source: &str, source_mask: u32) -> (i32, u8) {
    match token {
        Token::Word { text, in_word, .. } => {
            if text == source {
                (SAME, B_SAME)
            } else if in_word
                .as_ref()
                .is_some_and(|w| stem_matches(w, text, source))
            {
                (SAME, B_STEM)
            } else if is_close_masked(text, source, mask, source_mask) {
                (CLOSE, B_CHANGED)
            } else {
                (SUB, B_CHANGED)
            }
        }
        _ => (INF, B_NONE),
    }
}

const INF: i32 = i32::MAX / 2;

const B_NONE: u8 = 0;
const B_SAME: u8 = 1;
const B_STEM: u8 = 2;
const B_CHANGED: u8 = 3;
const B_ADDED: u8 = 4;
const B_DROPPED: u8 = 5;
const B_BRACKET: u8 = 6;
const B_GAP_OPEN: u8 = 7;
const B_GAP_EXTEND: u8 = 8;
const B_START: u8 = 9;

/// Align `tokens` against `source` words; `None` when the quote has no words.
pub fn align(tokens: &[Token], source: &[&str]) -> Option<Alignment> {
    let n = tokens.len();
    let l = source.len();
    let words = tokens
        .iter()
        .filter(|t| matches!(t, Token::Word { .. }))
        .count();
    if words == 0 {
        return None;
    }
    let width = l + 1;
    let inf = INF;
    let source_masks: Vec<u32> = source.iter().map(|w| letter_mask(w)).collect();
    let mut cost = vec![inf; (n + 1) * width];
    let mut back = vec![B_NONE; (n + 1) * width];
    let mut bracket_len = vec![0u8; (n + 1) * width];
    for j in 0..=l {
        cost[j] = 0;
        back[j] = B_START;
    }
    for (i, token) in tokens.iter().enumerate() {
        let row = i * width;
        let next = (i + 1) * width;
        match token {
            Token::Word { text, .. } => {
                let mask = letter_mask(text);
                for j in 0..=l {
                    let here = cost[row + j];
                    if here >= inf {
                        continue;
                    }
                    // The quote word has no counterpart.
                    relax(&mut cost, &mut back, next + j, here + ADDED, B_ADDED);
                    if j < l {
                        let (c, b) = word_cost(token, mask, source[j], source_masks[j]);
                        relax(&mut cost, &mut back, next + j + 1, here + c, b);
                    }
                }
            }
            Token::Bracket { .. } => {
                for j in 0..=l {
                    let here = cost[row + j];
                    if here >= inf {
                        continue;
                    }
                    for k in 0..=MAX_BRACKET_WORDS.min(l - j) {
                        let at = next + j + k;
                        if here < cost[at] {
                            cost[at] = here;
                            back[at] = B_BRACKET;
                            bracket_len[at] = k as u8;
                        }
                    }
                }
            }
            Token::Gap { .. } => {
                for j in 0..=l {
                    let here = cost[row + j];
                    if here < inf {
                        relax(&mut cost, &mut back, next + j, here, B_GAP_OPEN);
                    }
                    if j > 0 {
                        let extend = cost[next + j - 1];
                        relax(&mut cost, &mut back, next + j, extend, B_GAP_EXTEND);
                    }
                }
            }
        }
        // Source words the quote leaves out, between its first and last word.
        if i + 1 < n {
            for j in 0..l {
                let here = cost[next + j];
                if here < inf {
                    relax(
                        &mut cost,
                        &mut back,
                        next + j + 1,
                        here + DROPPED,
                        B_DROPPED,
                    );
                }
            }
        }
    }
    let last = n * width;
    let (end_j, total) = (0..=l)
        .map(|j| (j, cost[last + j]))
        .min_by_key(|&(j, c)| (c, j))?;
    // Trace back.
    let mut ops = Vec::new();
    let (mut i, mut j) = (n, end_j);
    while i > 0 {
        let at = i * width + j;
        match back[at] {
            B_SAME => {
                ops.push(Op::Same { q: i - 1, s: j - 1 });
                i -= 1;
                j -= 1;
            }
            B_STEM => {
                ops.push(Op::Stem { q: i - 1, s: j - 1 });
                i -= 1;
                j -= 1;
            }
            B_CHANGED => {
                ops.push(Op::Changed { q: i - 1, s: j - 1 });
                i -= 1;
                j -= 1;
            }
            B_ADDED => {
                ops.push(Op::Added { q: i - 1 });
                i -= 1;
            }
            B_DROPPED => {
                ops.push(Op::Dropped { s: j - 1 });
                j -= 1;
            }
            B_BRACKET => {
                let k = bracket_len[at] as usize;
                ops.push(Op::Bracket {
                    q: i - 1,
                    s: j - k,
                    e: j,
                });
                i -= 1;
                j -= k;
            }
            B_GAP_OPEN | B_GAP_EXTEND => {
                let end = j;
                while back[i * width + j] == B_GAP_EXTEND {
                    j -= 1;
                }
                ops.push(Op::Gap {
                    q: i - 1,
                    s: j,
                    e: end,
                });
                i -= 1;
            }
            _ => break,
        }
    }
    ops.reverse();
    // The share rules 2 and 5 measure: quote words the source has as they
    // are (after folding); a close but different word is a change.
    let aligned = ops
        .iter()
        .filter(|op| matches!(op, Op::Same { .. } | Op::Stem { .. }))
        .count();
    let close = ops
        .iter()
        .filter(|op| match op {
            Op::Changed { q, s } => match &tokens[*q] {
                Token::Word { text, .. } => super::closeness::is_close(text, source[*s]),
                _ => false,
            },
            _ => false,
        })
        .count();
    let touched = ops.iter().filter_map(|op| match *op {
        Op::Same { s, .. } | Op::Stem { s, .. } | Op::Changed { s, .. } | Op::Dropped { s } => {
            Some((s, s + 1))
        }
        Op::Bracket { s, e, .. } | Op::Gap { s, e, .. } if e > s => Some((s, e)),
        _ => None,
    });
    let (mut source_start, mut source_end) = (usize::MAX, 0);
    for (s, e) in touched {
        source_start = source_start.min(s);
        source_end = source_end.max(e);
    }
    if source_start == usize::MAX {
        source_start = end_j;
        source_end = end_j;
    }
    Some(Alignment {
        ops,
        cost: total,
        aligned,
        similar: aligned + close,
        words,
        source_start,
        source_end,
    })
}

fn relax(cost: &mut [i32], back: &mut [u8], at: usize, value: i32, how: u8) {
    if value < cost[at] {
        cost[at] = value;
        back[at] = how;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::matcher::quote::parse_quote;

    fn run(quote: &str, source: &str) -> Alignment {
        let q = parse_quote(quote);
        let words: Vec<&str> = source.split(' ').collect();
        align(&q.tokens, &words).unwrap()
    }

    #[test]
    fn exact_quote_aligns_fully() {
        let a = run(
            "one of the worst wars",
            "if this were a war that would be one of the worst wars",
        );
        assert_eq!(a.aligned, 5);
        assert!(a.ops.iter().all(|op| matches!(op, Op::Same { .. })));
        assert_eq!((a.source_start, a.source_end), (8, 13));
    }

    #[test]
    fn a_changed_word_is_one_change() {
        let a = run("it would be one", "that would be one");
        assert_eq!(a.ops[0], Op::Changed { q: 0, s: 0 });
        assert_eq!(a.aligned, 3);
    }

    #[test]
    fn a_dropped_word_is_seen() {
        let a = run("a credible threat", "a credible and imminent threat");
        assert_eq!(
            a.ops
                .iter()
                .filter(|o| matches!(o, Op::Dropped { .. }))
                .count(),
            2
        );
    }

    #[test]
    fn ellipsis_skips_freely_in_order() {
        let a = run(
            "we always say ... not necessary",
            "we always say it is really not necessary",
        );
        assert_eq!(a.aligned, 5);
        assert!(a
            .ops
            .iter()
            .any(|o| matches!(o, Op::Gap { s: 3, e: 6, .. })));
    }

    #[test]
    fn bracket_stands_for_up_to_six_words() {
        let a = run(
            "we always say [U.S. forces are] not necessary",
            "we always say it's not necessary",
        );
        assert!(a
            .ops
            .iter()
            .any(|o| matches!(o, Op::Bracket { s: 3, e: 4, .. })));
        assert_eq!(a.aligned, 5);
    }
}
