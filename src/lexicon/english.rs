//! English words: a quote's word that is itself a word ("trail" for
//! "trial") is a change of meaning, never a typo. The list is SCOWL's
//! (Debian's `wamerican`), embedded: see `assets/words/README.md`.

use std::collections::HashSet;
use std::sync::OnceLock;

const WORDS: &str = include_str!("../../assets/words/words.txt");

fn words() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| WORDS.lines().filter(|w| !w.is_empty()).collect())
}

/// Is `word` (folded: lower case, no diacritics) an English word?
pub fn is_word(word: &str) -> bool {
    words().contains(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_words_and_misspellings() {
        for w in ["trail", "lose", "quite", "handing", "the", "overdoses"] {
            assert!(is_word(w), "{w}");
        }
        for w in ["minfield", "sovled", "sheibnaum", "flie", "teh", ""] {
            assert!(!is_word(w), "{w}");
        }
    }
}
