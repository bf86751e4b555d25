//! What matching finds about one quote in one source, resolved to places
//! in the original file, so the source can be dropped once searched.

use crate::text::Place;

/// How an alignment in one paragraph reads, by the contract's rule 2.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Reading {
    /// Every word is the source's (editorial marks allowed).
    Faithful,
    Typo,
    Misquote,
    /// Separate quotations joined across the narration between them.
    StitchedNarration,
    /// Passages of separate paragraphs joined, the words between them
    /// left out without an ellipsis.
    StitchedParagraphs,
}

/// One difference between the quote and the source passage.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Change {
    /// The source's words at that point (empty: the quote adds words).
    pub source: String,
    /// The quote's words at that point (empty: the quote drops words).
    pub quote: String,
}

/// The best single-paragraph alignment of a quote in a source.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Aligned {
    pub place: Place,
    /// The passage's folded range.
    pub range: (usize, usize),
    pub paragraph: usize,
    /// Quote words the passage has as they are.
    pub aligned: usize,
    /// Of those, the ones in one paragraph (rule 2 asks for one); fewer
    /// than `aligned` only when the quote adds or skips words at a
    /// paragraph break.
    pub in_one_paragraph: usize,
    /// Of `aligned`, the ones in one passage (rule 5): those in one
    /// paragraph, and more when the quote replaces a word in place at a
    /// paragraph break.
    pub in_one_passage: usize,
    pub words: usize,
    pub reading: Reading,
    pub omission: bool,
    pub insertion: bool,
    pub changes: Vec<Change>,
    /// Why an editorial mark changes meaning ("the ellipsis drops “not”").
    pub meaning: Vec<String>,
    /// The separate pieces, for a stitched reading.
    pub pieces: Vec<Place>,
}

impl Aligned {
    /// The share of the quote's words aligned (rule 5).
    pub fn ratio(&self) -> f64 {
        share(self.aligned, self.words)
    }

    /// The share of the quote's words aligned in one paragraph (rule 2).
    pub fn paragraph_ratio(&self) -> f64 {
        share(self.in_one_paragraph, self.words)
    }

    /// The share of the quote's words aligned in one passage (rule 5).
    pub fn passage_ratio(&self) -> f64 {
        share(self.in_one_passage, self.words)
    }
}

/// What the fuzzy search found: the best single-paragraph alignment and
/// the verbatim pieces.
#[derive(Debug, Clone, Default)]
pub struct Analysis {
    pub aligned: Option<Aligned>,
    pub pieces: Vec<Piece>,
}

/// A run of at least two quote words found verbatim somewhere.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Piece {
    pub place: Place,
    pub paragraph: usize,
    /// Which quote words (token indexes) the piece covers.
    pub quote_start: usize,
    pub quote_end: usize,
    pub words: usize,
    pub source_word: usize,
}

/// A stretch of folded text, inside one paragraph, where a quote may be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    pub paragraph: usize,
    pub start: usize,
    pub end: usize,
}

/// `part` of `whole` quote words as a share (none of none is 0).
pub(super) fn share(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}
