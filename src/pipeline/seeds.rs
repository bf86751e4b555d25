//! Seeds: runs of a quote's words that place it in a source, each with
//! its byte offset in the quote.

use crate::matcher::anchors::Keyed;
use crate::matcher::quote::{ParsedQuote, Token};

/// One seed hit of a job: the diagonal (where the quote would start in
/// the source) and which seed (its byte offset in the quote).
pub(super) type SeedHit = (isize, u32);

/// Seeds are runs of this many words.
const SEED_WORDS: usize = 3;

/// Seeds kept for a wide quote (searched in every source, or an archive).
pub(super) const EVERY_SOURCE_SEEDS: usize = 8;

/// Hits kept per seed of a job in one source: the first ones. A seed this
/// common (a run of common words in repetitive text) places the quote no
/// better with more hits; its clusters are still aligned, so the cap costs
/// no verdict. It bounds memory at seeds × this, not seeds × source words.
pub(super) const MAX_SEED_HITS: usize = 64;

/// A few of a quote's seeds, spread evenly over it.
pub(super) fn rare_seeds<T: Clone>(seeds: &[T]) -> Vec<T> {
    let n = seeds.len();
    if n <= EVERY_SOURCE_SEEDS {
        seeds.to_vec()
    } else {
        (0..EVERY_SOURCE_SEEDS)
            .map(|i| seeds[i * (n - 1) / (EVERY_SOURCE_SEEDS - 1)].clone())
            .collect()
    }
}

/// The anchors of job `job`'s seeds: word k-grams of its quote's runs of
/// plain words, each at its byte offset in the quote's folded words joined
/// by spaces. (Made once per job: a large claims set has millions.)
pub(super) fn seeds_of(job: usize, quote: &ParsedQuote) -> Vec<Keyed> {
    let mut seeds = Vec::new();
    let mut run: Vec<(&str, usize)> = Vec::new();
    let mut offset = 0;
    let flush = |run: &mut Vec<(&str, usize)>, seeds: &mut Vec<Keyed>| {
        let k = run.len().min(SEED_WORDS);
        if k >= 1 {
            for w in run.windows(k) {
                let mut words = [""; SEED_WORDS];
                for (slot, (text, _)) in words.iter_mut().zip(w) {
                    *slot = text;
                }
                seeds.extend(Keyed::seed(job, &words[..k], w[0].1));
            }
        }
        run.clear();
    };
    for token in &quote.tokens {
        match token {
            Token::Word { text, in_word, .. } => {
                if in_word.is_none() {
                    run.push((text, offset));
                } else {
                    flush(&mut run, &mut seeds);
                }
                offset += text.len() + 1;
            }
            _ => flush(&mut run, &mut seeds),
        }
    }
    flush(&mut run, &mut seeds);
    seeds
}
