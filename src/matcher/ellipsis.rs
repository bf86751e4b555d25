//! Quotes with an ellipsis: each piece is located on its own (SPEC §3,
//! rev. 2), so a long omission is not mistaken for added words and pieces
//! from different paragraphs or out of order are told apart.

use super::found::{Piece, Window};
use super::index::WordIndex;
use super::quote::{ParsedQuote, Token};
use crate::lexicon::stopwords::STOPWORDS;
use crate::text::Source;

/// Occurrences considered per piece: enough for any real text, and a bound
/// on the work a piece of very common words can cause.
const MAX_OCCURRENCES: usize = 256;

/// Where an ellipsis quote's pieces stand.
pub enum Located {
    /// In order within one paragraph: align the quote in this window, which
    /// covers them all however long the omissions are.
    InOrder(Window),
    /// Every piece is verbatim in the source, but no paragraph holds them
    /// in order: the pieces, one occurrence each.
    Apart(Vec<Piece>),
}

/// The pieces of a quote between its ellipses, as token ranges; `None`
/// when the quote has no ellipsis or a piece holds a bracket.
fn pieces(quote: &ParsedQuote) -> Option<Vec<(usize, usize)>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut gaps = 0;
    for (t, token) in quote.tokens.iter().enumerate() {
        match token {
            Token::Gap { .. } => {
                gaps += 1;
                if t > start {
                    out.push((start, t));
                }
                start = t + 1;
            }
            Token::Word { in_word: None, .. } => {}
            _ => return None,
        }
    }
    if quote.tokens.len() > start {
        out.push((start, quote.tokens.len()));
    }
    (gaps > 0 && out.len() >= 2).then_some(out)
}

/// The words of tokens `s..e` (all plain words).
fn words(quote: &ParsedQuote, (s, e): (usize, usize)) -> Vec<&str> {
    quote.tokens[s..e]
        .iter()
        .filter_map(|t| match t {
            Token::Word { text, .. } => Some(text.as_str()),
            _ => None,
        })
        .collect()
}

/// Source word positions where `piece` starts, in order.
fn occurrences(source: &Source, index: &WordIndex, piece: &[&str]) -> Vec<usize> {
    let folded = &source.folded.text;
    let Some(first) = piece.first() else {
        return Vec::new();
    };
    index
        .positions(folded, first)
        .filter(|&p| {
            piece
                .iter()
                .enumerate()
                .all(|(k, w)| p + k < index.words.len() && index.word(folded, p + k) == *w)
        })
        .take(MAX_OCCURRENCES)
        .collect()
}

/// Locate each piece of an ellipsis quote on its own.
pub fn locate(source: &Source, index: &WordIndex, quote: &ParsedQuote) -> Option<Located> {
    let ranges = pieces(quote)?;
    let texts: Vec<Vec<&str>> = ranges.iter().map(|&r| words(quote, r)).collect();
    let found: Vec<Vec<usize>> = texts
        .iter()
        .map(|t| occurrences(source, index, t))
        .collect();
    if found.iter().any(Vec::is_empty) {
        return None;
    }
    let paragraph = |p: usize| source.layout.paragraph_of(index.words[p].0);
    // In order in one paragraph: from each start of the first piece, the
    // nearest following occurrence of every next piece.
    for &first in &found[0] {
        let para = paragraph(first);
        let mut end = first + texts[0].len();
        let mut ok = true;
        for (k, occ) in found.iter().enumerate().skip(1) {
            match occ.iter().find(|&&p| p >= end && paragraph(p) == para) {
                Some(&p) => end = p + texts[k].len(),
                None => {
                    ok = false;
                    break;
                }
            }
        }
        if ok {
            let (start, _) = index.words[first];
            let (_, stop) = index.words[end - 1];
            return Some(Located::InOrder(Window {
                paragraph: para,
                start,
                end: stop,
            }));
        }
    }
    // Apart: each piece verbatim somewhere, long enough to mean it.
    let solid =
        |t: &[&str]| t.len() >= 3 || (t.len() == 2 && !t.iter().all(|w| STOPWORDS.contains(w)));
    if !texts.iter().all(|t| solid(t)) {
        return None;
    }
    let mut located = Vec::new();
    for (k, &(s, e)) in ranges.iter().enumerate() {
        let p = found[k][0];
        let n = texts[k].len();
        let (fs, _) = index.words[p];
        let (_, fe) = index.words[p + n - 1];
        located.push(Piece {
            place: source.place(fs, fe),
            paragraph: paragraph(p),
            quote_start: s,
            quote_end: e,
            words: n,
            source_word: p,
        });
    }
    Some(Located::Apart(located))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::matcher::quote::parse_quote;

    fn locate_in(text: &str, quote: &str) -> Option<Located> {
        let source = Source::from_text(text.to_string());
        let index = WordIndex::build(&source.folded.text);
        locate(&source, &index, &parse_quote(quote))
    }

    #[test]
    fn pieces_in_order_in_one_paragraph_however_far_apart() {
        let filler = "and then some more words ".repeat(20);
        let text =
            format!("First the opening words of it {filler} and the closing words here.\n\nOther.");
        match locate_in(&text, "the opening words … the closing words") {
            Some(Located::InOrder(w)) => {
                assert_eq!(w.paragraph, 0);
                assert!(w.end - w.start > filler.len());
            }
            _ => panic!("not located in order"),
        }
    }

    #[test]
    fn pieces_out_of_order_or_in_two_paragraphs_are_apart() {
        let text = "The closing words come first. Then the opening words.\n\nThe last part here.";
        assert!(matches!(
            locate_in(text, "the opening words … the closing words"),
            Some(Located::Apart(p)) if p.len() == 2
        ));
        assert!(matches!(
            locate_in(text, "the opening words … the last part"),
            Some(Located::Apart(p)) if p[0].paragraph != p[1].paragraph
        ));
    }

    #[test]
    fn a_missing_piece_or_no_ellipsis_is_left_to_the_aligner() {
        let text = "The opening words and the closing words.";
        assert!(locate_in(text, "the opening words … the missing words").is_none());
        assert!(locate_in(text, "the opening words").is_none());
    }
}
