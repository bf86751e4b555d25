//! English words: a quote's word that is itself a word ("trail" for
//! "trial") is a change of meaning, never a typo. The list is SCOWL's
//! (Debian's `wamerican`), embedded: see `assets/words/README.md`.

use crate::text::fold::fold;
use std::collections::HashSet;
use std::sync::OnceLock;

const WORDS: &str = include_str!("../../assets/words/words.txt");

/// The list's words as folding writes them: ASCII entries as they are,
/// the few others ("abbé", "naïve") folded like any text.
fn words() -> &'static (HashSet<&'static str>, HashSet<String>) {
    static SET: OnceLock<(HashSet<&'static str>, HashSet<String>)> = OnceLock::new();
    SET.get_or_init(|| {
        let mut ascii = HashSet::new();
        let mut folded = HashSet::new();
        for w in WORDS.lines().filter(|w| !w.is_empty()) {
            if w.is_ascii() {
                ascii.insert(w);
            } else {
                folded.insert(fold(w).text);
            }
        }
        (ascii, folded)
    })
}

/// Is `word` (folded: lower case, no diacritics) an English word?
pub fn is_word(word: &str) -> bool {
    let (ascii, folded) = words();
    ascii.contains(word) || folded.contains(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_words_and_misspellings() {
        for w in [
            "trail",
            "lose",
            "quite",
            "handing",
            "the",
            "overdoses",
            "abbe",
        ] {
            assert!(is_word(w), "{w}");
        }
        for w in ["minfield", "sovled", "sheibnaum", "flie", "teh", ""] {
            assert!(!is_word(w), "{w}");
        }
    }
}
