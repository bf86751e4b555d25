//! Reference markers: the footnote and citation marks a source sets after
//! its words (`fell in 2021.[3]`, `regions,[4][5]`, `founded in 1718,[a]`,
//! `lagged behind.[citation needed]`). They are no words of the text a
//! quote must keep: a quote leaving them out is faithful. Only marks glued
//! to the text before them count (see [`is_reference_mark`]); a bracket
//! standing apart ("the [3] options") is text like any other.

use crate::text::marks::is_reference_mark;
use crate::text::Source;

/// Are the source words `dropped` (indexes into `words`, folded ranges,
/// in order) all inside reference markers, and nothing else?
pub(super) fn only_markers(source: &Source, words: &[(usize, usize)], dropped: &[usize]) -> bool {
    let (Some(&first), Some(&last)) = (dropped.first(), dropped.last()) else {
        return false;
    };
    let (os, _) = source.original_range(words[first].0, words[first].1);
    let (_, oe) = source.original_range(words[last].0, words[last].1);
    let (Some(open), Some(close)) = (os.checked_sub(1), oe.checked_add(1)) else {
        return false;
    };
    // Glued to what stands before (a word or its punctuation), and not to
    // a word after ("he[r]self").
    let glued = text_before(source, open).is_some_and(|c| !c.is_whitespace());
    let after = source.original_text(close, close + 1);
    let free = !after.starts_with(char::is_alphanumeric);
    glued && free && is_reference_mark(&source.original_text(open, close))
}

/// The last character of text before `at`: a character may take up to
/// four bytes, and markup (`<sup><a href="…">`) stands between a word and
/// its marker in HTML.
fn text_before(source: &Source, at: usize) -> Option<char> {
    [1, 2, 3, 4, 64, 256]
        .into_iter()
        .take_while(|&k| k <= at)
        .map(|k| source.original_text(at - k, at))
        .find(|t| !t.is_empty())
        .and_then(|t| t.chars().next_back())
}
