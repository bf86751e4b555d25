//! Verbatim pieces: the longest runs of quote words found anywhere in a
//! source, for telling stitched quotes.

use super::found::Piece;
use super::index::WordIndex;
use super::quote::{ParsedQuote, Token};
use crate::text::Source;

/// Source positions of a quote word tried as the start of a piece: the
/// first ones in the source. Without a cap a quote of words the source
/// repeats costs quote words × occurrences × run length (2,000 quotes of
/// ten words against a source made of them took seconds); with it the
/// cost is bounded by the quote. Text where one word occurs this often
/// near a stitched passage is a word list, not prose; a piece missed
/// there leaves the quote uncovered, so it reads as a misquote, never as
/// a match.
pub const PIECE_STARTS_TRIED: usize = 1024;

/// Greedy cover of the quote by the longest verbatim runs (two words or
/// more) anywhere in the source; runs never cross an ellipsis.
pub fn find_pieces(source: &Source, index: &WordIndex, quote: &ParsedQuote) -> Vec<Piece> {
    let folded = &source.folded.text;
    let tokens = &quote.tokens;
    let word_of = |t: usize| match &tokens[t] {
        Token::Word { text, .. } => Some(text.as_str()),
        _ => None,
    };
    let mut pieces = Vec::new();
    let mut t = 0;
    while t < tokens.len() {
        let Some(first) = word_of(t) else {
            t += 1;
            continue;
        };
        let mut best: Option<(usize, usize)> = None; // length in tokens, source position
        for p in index.positions(folded, first).take(PIECE_STARTS_TRIED) {
            let mut len = 0;
            while t + len < tokens.len()
                && p + len < index.words.len()
                && word_of(t + len) == Some(index.word(folded, p + len))
            {
                len += 1;
            }
            if best.is_none_or(|(l, _)| len > l) {
                best = Some((len, p));
            }
        }
        match best {
            Some((len, p)) if len >= 2 => {
                let (fs, _) = index.words[p];
                let (_, fe) = index.words[p + len - 1];
                pieces.push(Piece {
                    place: source.place(fs, fe),
                    paragraph: source.layout.paragraph_of(fs),
                    quote_start: t,
                    quote_end: t + len,
                    words: len,
                    source_word: p,
                });
                t += len;
            }
            _ => t += 1,
        }
    }
    pieces
}
