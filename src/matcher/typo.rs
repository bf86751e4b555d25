//! The contract's typo rule for one word.

use crate::lexicon::{english, numbers};
use crate::model::TypoLimits;

/// The contract's typo: a small in-word edit of a word of four letters or
/// more, never touching a number or negation, and never making a real
/// word: one in the English word list, or one the source itself uses
/// (`in_source`, asked last because it may need the source's index).
pub fn is_typo(
    quoted: &str,
    source: &str,
    limits: &TypoLimits,
    in_source: &mut dyn FnMut(&str) -> bool,
) -> bool {
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
    d >= 1 && d <= limit && !english::is_word(quoted) && !in_source(quoted)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typo(quoted: &str, source: &str) -> bool {
        is_typo(quoted, source, &TypoLimits::default(), &mut |_| false)
    }

    #[test]
    fn small_edits_of_long_words_are_typos() {
        assert!(typo("minfield", "minefield"));
        assert!(typo("sovled", "solved"));
        assert!(typo("sheibnaum", "sheinbaum"));
    }

    #[test]
    fn a_real_word_is_never_a_typo() {
        assert!(!typo("trail", "trial"));
        assert!(!typo("lose", "lost"));
        assert!(!typo("quite", "quiet"));
        assert!(!typo("handing", "handling"));
    }

    #[test]
    fn a_word_the_source_uses_is_never_a_typo() {
        let limits = TypoLimits::default();
        assert!(!is_typo("sovled", "solved", &limits, &mut |w| w == "sovled"));
    }

    #[test]
    fn numbers_negations_and_short_words_are_never_typos() {
        assert!(!typo("400,000", "40,000"));
        assert!(!typo("cat", "cap"));
        assert!(!typo("insecure", "secure"));
    }
}
