//! Which readings of a quote with brackets are weighed: the quote as
//! written (a bracket standing for source words) always; read literally
//! (the brackets and their words copied from the source, as in "[Read:
//! …]") only where the source has brackets of its own.

use super::align::Alignment;
use crate::text::Source;

/// Of the alignments of one window (its words' folded ranges `words`) by
/// the quote as written and read literally, the ones to weigh against
/// the other windows', with their reading (0 written, 1 literal). Read
/// literally, "and [remove] in" changes "removed" to the close but real
/// "remove", and costs less than the bracket standing for "removed" (a
/// close word earns, a bracket nothing): weighed against a source with no
/// bracket there, it would turn a writer's own bracket into a misquote.
pub fn weighed(
    source: &Source,
    words: &[(usize, usize)],
    written: Option<Alignment>,
    literal: Option<Alignment>,
) -> Vec<(Alignment, usize)> {
    let literal = literal.filter(|l| has_brackets(source, words, l));
    written
        .map(|a| (a, 0))
        .into_iter()
        .chain(literal.map(|a| (a, 1)))
        .collect()
}

/// Does the source stretch an alignment covers, a word either side, hold
/// a bracket?
fn has_brackets(source: &Source, words: &[(usize, usize)], alignment: &Alignment) -> bool {
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return false;
    };
    let from = alignment
        .source_start
        .checked_sub(1)
        .and_then(|w| words.get(w))
        .map_or(first.0, |w| w.0);
    let to = words.get(alignment.source_end).map_or(last.1, |w| w.1);
    // The text alone: a place's line, column and excerpt are not needed.
    let (s, e) = source.original_range(from, to.max(from));
    let text = source.original_text(s, e);
    text.contains('[') || text.contains(']')
}
