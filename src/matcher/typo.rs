//! The contract's typo rule for one word.

use crate::lexicon::numbers;
use crate::model::TypoLimits;

/// The contract's typo: a small in-word edit of a word of four letters or
/// more, never touching a number or negation.
pub fn is_typo(quoted: &str, source: &str, limits: &TypoLimits) -> bool {
    if numbers::is_meaningful(quoted)
        || numbers::is_meaningful(source)
        || numbers::negates(quoted, source)
    {
        return false;
    }
    let (lq, ls) = (quoted.chars().count(), source.chars().count());
    if lq < limits.min_letters || ls < limits.min_letters {
        return false;
    }
    let limit = if lq.max(ls) >= limits.long_letters {
        limits.long_distance
    } else {
        limits.distance
    };
    let d = strsim::damerau_levenshtein(quoted, source);
    d >= 1 && d <= limit
}
