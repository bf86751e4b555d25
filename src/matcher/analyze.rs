//! The fuzzy search of one quote in one source: the windows to align in,
//! the best alignment there, and the verbatim pieces.

use super::align::{align, Alignment};
use super::bounds::{may_keep, most_similar};
use super::ellipsis::{self, Located};
use super::found::{Analysis, Window};
use super::index::{split_words, WordIndex};
use super::pieces::find_pieces;
use super::quote::{ParsedQuote, Token};
use super::reading::read_alignment;
use super::readings::weighed;
use crate::model::TypoLimits;
use crate::text::Source;

/// An alignment, the window's words (folded ranges) and its paragraph.
type Candidate = (Alignment, Vec<(usize, usize)>, usize);

/// A window's words: folded ranges, the words, and its paragraph.
type WindowWords<'t> = (Vec<(usize, usize)>, Vec<&'t str>, usize);

/// A source's word index, built only when a search needs it.
#[derive(Default)]
pub struct LazyIndex(Option<WordIndex>);

/// Folded texts up to this size are searched for a word rather than
/// indexed (building the index sorts every word).
const SCAN_INSTEAD_OF_INDEX: usize = 256 << 10;

/// Does `word` stand in `folded` as a whole word?
fn has_word(folded: &str, word: &str) -> bool {
    let bytes = folded.as_bytes();
    !word.is_empty()
        && memchr::memmem::find_iter(bytes, word.as_bytes()).any(|at| {
            let end = at + word.len();
            (at == 0 || bytes[at - 1] == b' ') && (end == bytes.len() || bytes[end] == b' ')
        })
}

impl LazyIndex {
    /// The index, if a search has built it already.
    pub fn built(&self) -> Option<&WordIndex> {
        self.0.as_ref()
    }

    pub fn get(&mut self, source: &Source) -> &WordIndex {
        self.0
            .get_or_insert_with(|| WordIndex::build(&source.folded.text))
    }
}

/// Candidate paragraphs tried when no seed pointed at a place.
const CANDIDATES: usize = 3;

/// Below this share of its words aligned in one paragraph, a quote is also
/// looked for as verbatim pieces.
const PIECES_BELOW: f64 = 0.75;

/// The least share of a quote's words an alignment must keep to matter to
/// verdicts whose `not_found` share is the given one: below both it and
/// [`PIECES_BELOW`], an alignment decides as none does (rule 5 calls it
/// not found, and the pieces are looked for all the same).
pub fn worth_aligning(not_found: f64) -> f64 {
    not_found.min(PIECES_BELOW)
}

/// Search `source` for `quote` beyond exact matching: the best alignment in
/// the given windows (or, with none, in the paragraphs sharing the most
/// words with the quote), and the verbatim pieces. No alignment is made
/// when none could keep a share `worth` of the quote's words (see
/// [`worth_aligning`]; 0 aligns always).
pub fn analyze(
    source: &Source,
    quote: &ParsedQuote,
    windows: &[Window],
    index: &mut LazyIndex,
    typo: &TypoLimits,
    worth: f64,
) -> Analysis {
    let mut evidence = Analysis::default();
    let folded = &source.folded.text;
    if quote.word_count() == 0 || folded.is_empty() {
        return evidence;
    }
    // An ellipsis quote's pieces are located on their own: in order in one
    // paragraph, the quote is aligned across the whole stretch; verbatim but
    // apart, the pieces are the evidence (rule 3).
    let located;
    let has_gap = quote.tokens.iter().any(|t| matches!(t, Token::Gap { .. }));
    let placed = if has_gap {
        ellipsis::locate(source, index.get(source), quote)
    } else {
        None
    };
    let windows = match placed {
        Some(Located::InOrder(window)) => {
            located = [window];
            &located[..]
        }
        Some(Located::Apart(pieces)) => {
            evidence.pieces = pieces;
            return evidence;
        }
        None => windows,
    };
    let voted;
    let windows = if windows.is_empty() {
        voted = candidate_windows(source, index.get(source), quote);
        &voted[..]
    } else {
        windows
    };
    // A quote with brackets is also read literally (the brackets may be the
    // source's own); the reading that aligns a larger share wins.
    let readings: Vec<&ParsedQuote> = std::iter::once(quote)
        .chain(quote.literal_reading.as_deref())
        .collect();
    let windows: Vec<WindowWords> = windows
        .iter()
        .map(|window| {
            let words = split_words(folded, window.start, window.end);
            let slice: Vec<&str> = words.iter().map(|&(s, e)| &folded[s..e]).collect();
            (words, slice, window.paragraph)
        })
        .collect();
    // The best window is chosen by similarity, typos and all, so one weak
    // window may not be skipped alone: all are aligned, or none.
    let worth_it = windows
        .iter()
        .any(|(_, slice, _)| readings.iter().any(|r| may_keep(r, slice, worth)));
    let windows = if worth_it { windows } else { Vec::new() };
    let mut best: Option<(Candidate, usize)> = None;
    for (words, slice, paragraph) in &windows {
        let mut aligned: [Option<Alignment>; 2] = [None, None];
        for (r, reading) in readings.iter().enumerate() {
            // A later window must match more words, or as many at a lower
            // cost, to win: one that cannot is not aligned.
            if let Some(((b, _, _), _)) = &best {
                if most_similar(reading, slice) < b.similarity() {
                    continue;
                }
            }
            aligned[r] = align(&reading.tokens, slice);
        }
        let [written, literal] = aligned;
        for (alignment, r) in weighed(source, words, written, literal) {
            let better = match &best {
                None => true,
                Some(((b, _, _), _)) => {
                    (alignment.similarity(), std::cmp::Reverse(alignment.cost))
                        > (b.similarity(), std::cmp::Reverse(b.cost))
                }
            };
            if better {
                best = Some(((alignment, words.clone(), *paragraph), r));
            }
        }
    }
    if let Some(((alignment, words, paragraph), r)) = best {
        if !words.is_empty() {
            // Whether a word stands anywhere in the source: asked only of
            // typo candidates, so the index is built only for them.
            let mut in_source = |w: &str| match index.built() {
                Some(built) => built.positions(folded, w).next().is_some(),
                // A search of a short text costs less than sorting its words.
                None if folded.len() <= SCAN_INSTEAD_OF_INDEX => has_word(folded, w),
                None => index.get(source).positions(folded, w).next().is_some(),
            };
            evidence.aligned = Some(read_alignment(
                source,
                &words,
                readings[r],
                &alignment,
                paragraph,
                typo,
                &mut in_source,
            ));
        }
    }
    if evidence
        .aligned
        .as_ref()
        .is_none_or(|a| a.paragraph_ratio() < PIECES_BELOW)
    {
        evidence.pieces = find_pieces(source, index.get(source), quote);
    }
    evidence
}

/// The passage where a seed cluster points: `from..to` widened by `slack`
/// to whole words. It may run over a paragraph break, as a quote that
/// continues into the next paragraph does; stitching across a gap is told
/// apart by the words the alignment has to skip.
pub fn window_around(source: &Source, from: usize, to: usize, slack: usize) -> Window {
    let text = &source.folded.text;
    let len = text.len();
    let bytes = text.as_bytes();
    let start = from.saturating_sub(slack).min(len);
    let end = to.saturating_add(slack).min(len).max(start);
    let start = bytes[..start]
        .iter()
        .rposition(|&b| b == b' ')
        .map_or(0, |i| i + 1);
    let end = bytes[end..]
        .iter()
        .position(|&b| b == b' ')
        .map_or(len, |i| end + i);
    Window {
        paragraph: source.layout.paragraph_of(from.min(len.saturating_sub(1))),
        start,
        end: end.max(start),
    }
}

/// Paragraphs holding the most distinct quote words, each as a window
/// (clipped around the hits when the paragraph is long).
fn candidate_windows(source: &Source, index: &WordIndex, quote: &ParsedQuote) -> Vec<Window> {
    let folded = &source.folded.text;
    let mut hits: Vec<(usize, usize, usize)> = Vec::new(); // paragraph, token, word position
    for (t, token) in quote.tokens.iter().enumerate() {
        let Token::Word { text, .. } = token else {
            continue;
        };
        // A word found everywhere says little about where the quote is.
        if index.count(text) > 5_000 {
            continue;
        }
        for p in index.positions(folded, text) {
            let paragraph = source.layout.paragraph_of(index.words[p].0);
            hits.push((paragraph, t, p));
        }
    }
    hits.sort_unstable();
    let mut votes: Vec<(usize, usize, usize, usize)> = Vec::new(); // votes, paragraph, first, last word
    let mut i = 0;
    while i < hits.len() {
        let paragraph = hits[i].0;
        let mut j = i;
        let mut distinct = 0;
        let mut last_token = usize::MAX;
        let (mut lo, mut hi) = (usize::MAX, 0);
        while j < hits.len() && hits[j].0 == paragraph {
            if hits[j].1 != last_token {
                distinct += 1;
                last_token = hits[j].1;
            }
            lo = lo.min(hits[j].2);
            hi = hi.max(hits[j].2);
            j += 1;
        }
        votes.push((distinct, paragraph, lo, hi));
        i = j;
    }
    votes.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let quote_bytes: usize = quote.core.len();
    votes
        .into_iter()
        .take(CANDIDATES)
        .map(|(_, _, lo, hi)| {
            let from = index.words[lo].0;
            let to = index.words[hi].1;
            if to - from > 8 * quote_bytes + 800 {
                // Scattered hits in a long paragraph: look near the first.
                window_around(source, from, from + quote_bytes, quote_bytes + 100)
            } else {
                window_around(source, from, to, quote_bytes + 100)
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{analyze, has_word, LazyIndex};
    use crate::matcher::quote::parse_quote;
    use crate::text::Source;

    fn ratio(source: &str, quote: &str, worth: f64) -> Option<f64> {
        let source = Source::from_text(source.to_string());
        let quote = parse_quote(quote);
        let found = analyze(
            &source,
            &quote,
            &[],
            &mut LazyIndex::default(),
            &Default::default(),
            worth,
        );
        found.aligned.map(|a| a.ratio())
    }

    #[test]
    fn an_alignment_is_skipped_only_when_it_could_not_matter() {
        // Two of four words: worth aligning for a share of a half, not 0.6.
        assert_eq!(
            ratio("we said the army will go", "the army would leave", 0.5),
            Some(0.5)
        );
        assert_eq!(
            ratio("we said the army will go", "the army would leave", 0.6),
            None
        );
        // An in-word bracket keeps a word the source has in another form.
        assert_eq!(
            ratio("the army said no", "the arm[ies] said", 0.0),
            Some(1.0)
        );
        assert_eq!(
            ratio("the army said no", "the arm[ies] said", 1.0),
            Some(1.0)
        );
        assert_eq!(ratio("the army said no", "the armies said", 1.0), None);
    }

    #[test]
    fn a_quote_is_read_literally_only_where_the_source_has_brackets() {
        // Literally, "[remove]" is the word "remove", close to "removed":
        // as similar, and cheaper, but the source has no bracket there, so
        // it is read as written, the bracket standing for "removed".
        let source = "the script runs with the default version, and removed in the next script";
        let quote = "the default version, and [remove] in the next script";
        assert_eq!(ratio(source, quote, 0.0), Some(1.0));
        // A quote copying a source's own bracket, one word with a typo:
        // read literally, the typo a changed word (as written, the bracket
        // would stand for the source's six words and hide it).
        let source = "it was said. [Read: Trump finds the weak heel] Then";
        let quote = "it was said. [Read: Turmp finds the weak heel] Then";
        assert_eq!(ratio(source, quote, 0.0), Some(9.0 / 10.0));
        // Copying a source's bracket of nine words, one with a typo: read
        // as written it would leave three words out.
        let source =
            "it was said. [Read: the boat strikes could make the cartel problem worse] Then";
        let quote =
            "it was said. [Read: the boat srtikes could make the cartel problem worse] Then";
        assert_eq!(ratio(source, quote, 0.0), Some(13.0 / 14.0));
        // Copying a source's bracket whole but leaving out the two words
        // before it: read literally (seven words, "U.S." folding to one),
        // the two words are dropped.
        let source = "they work with local forces say that [U.S. involvement] is not needed";
        let found = analyze(
            &Source::from_text(source.to_string()),
            &parse_quote("they work with local forces [U.S. involvement]"),
            &[],
            &mut LazyIndex::default(),
            &Default::default(),
            0.0,
        );
        assert_eq!(found.aligned.map(|a| a.words), Some(7));
    }

    #[test]
    fn a_word_stands_whole_or_not_at_all() {
        assert!(has_word("we will not send", "will"));
        assert!(has_word("we will not send", "we"));
        assert!(has_word("we will not send", "send"));
        assert!(!has_word("we will not send", "wil"));
        assert!(!has_word("we willow", "will"));
        assert!(!has_word("", "will"));
    }
}
