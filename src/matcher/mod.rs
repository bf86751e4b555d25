//! Stage 3: matching quotes against one source at a time. Everything it
//! learns about a quote in a source is resolved to places in the original
//! file, so the source can be dropped as soon as it has been searched.

pub mod align;
pub mod anchors;
pub mod index;
pub mod quote;

use crate::config::TypoLimits;
use crate::numbers;
use crate::text::source::{Place, Source};
use align::{align, Alignment, Op};
use index::{split_words, WordIndex};
use quote::{ParsedQuote, Token};

/// How an alignment in one paragraph reads, by the contract's rule 2.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reading {
    /// Every word is the source's (editorial marks allowed).
    Faithful,
    Typo,
    Misquote,
    /// Separate quotations joined across the narration between them.
    StitchedNarration,
}

/// One difference between the quote and the source passage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// The source's words at that point (empty: the quote adds words).
    pub source: String,
    /// The quote's words at that point (empty: the quote drops words).
    pub quote: String,
}

/// The best single-paragraph alignment of a quote in a source.
#[derive(Debug, Clone)]
pub struct Aligned {
    pub place: Place,
    /// The passage's folded range.
    pub range: (usize, usize),
    pub paragraph: usize,
    pub aligned: usize,
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
    pub fn ratio(&self) -> f64 {
        if self.words == 0 {
            0.0
        } else {
            self.aligned as f64 / self.words as f64
        }
    }
}

/// A run of at least two quote words found verbatim somewhere.
#[derive(Debug, Clone)]
pub struct Piece {
    pub place: Place,
    pub paragraph: usize,
    /// Which quote words (token indexes) the piece covers.
    pub quote_start: usize,
    pub quote_end: usize,
    pub words: usize,
    pub source_word: usize,
}

/// What one source says about one quote.
#[derive(Debug, Clone, Default)]
pub struct Evidence {
    /// Found exactly (after folding).
    pub exact: Option<Place>,
    /// Its folded range.
    pub exact_range: Option<(usize, usize)>,
    pub aligned: Option<Aligned>,
    pub pieces: Vec<Piece>,
    /// Who the source credits with the passage found (exact, else aligned).
    pub credit: Option<crate::attribution::Credit>,
}

/// A stretch of folded text, inside one paragraph, where a quote may be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    pub paragraph: usize,
    pub start: usize,
    pub end: usize,
}

/// An alignment, the window's words (folded ranges) and its paragraph.
type Candidate = (Alignment, Vec<(usize, usize)>, usize);

/// A source's word index, built only when a search needs it.
#[derive(Default)]
pub struct LazyIndex(Option<WordIndex>);

impl LazyIndex {
    pub fn get(&mut self, source: &Source) -> &WordIndex {
        self.0
            .get_or_insert_with(|| WordIndex::build(&source.folded.text))
    }
}

/// Candidate paragraphs tried when no seed pointed at a place.
const CANDIDATES: usize = 3;

/// Search `source` for `quote` beyond exact matching: the best alignment in
/// the given windows (or, with none, in the paragraphs sharing the most
/// words with the quote), and the verbatim pieces.
pub fn analyze(
    source: &Source,
    quote: &ParsedQuote,
    windows: &[Window],
    index: &mut LazyIndex,
    typo: &TypoLimits,
) -> Evidence {
    let mut evidence = Evidence::default();
    let folded = &source.folded.text;
    if quote.word_count() == 0 || folded.is_empty() {
        return evidence;
    }
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
    let mut best: Option<(Candidate, usize)> = None;
    for window in windows {
        let words = split_words(folded, window.start, window.end);
        let slice: Vec<&str> = words.iter().map(|&(s, e)| &folded[s..e]).collect();
        for (r, reading) in readings.iter().enumerate() {
            let Some(alignment) = align(&reading.tokens, &slice) else {
                continue;
            };
            let better = match &best {
                None => true,
                Some(((b, _, _), _)) => {
                    (alignment.ratio(), std::cmp::Reverse(alignment.cost))
                        > (b.ratio(), std::cmp::Reverse(b.cost))
                }
            };
            if better {
                best = Some(((alignment, words.clone(), window.paragraph), r));
            }
        }
    }
    if let Some(((alignment, words, paragraph), r)) = best {
        if !words.is_empty() {
            evidence.aligned = Some(read_alignment(
                source,
                &words,
                readings[r],
                &alignment,
                paragraph,
                typo,
            ));
        }
    }
    if evidence.aligned.as_ref().is_none_or(|a| a.ratio() < 0.75) {
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

fn read_alignment(
    source: &Source,
    words: &[(usize, usize)],
    quote: &ParsedQuote,
    alignment: &Alignment,
    paragraph: usize,
    typo: &TypoLimits,
) -> Aligned {
    let folded = &source.folded.text;
    let word = |s: usize| {
        let (a, b) = words[s];
        &folded[a..b]
    };
    let range_text = |s: usize, e: usize| -> String {
        if s >= e {
            return String::new();
        }
        let (fs, _) = words[s];
        let (_, fe) = words[e - 1];
        let (os, oe) = source.original_range(fs, fe);
        source.original_text(os, oe)
    };
    let quote_text = |q: usize| -> (usize, usize) { quote.tokens[q].span() };
    let mut changes = Vec::new();
    let mut meaning = Vec::new();
    let mut typo_only = true;
    let mut omission = false;
    let mut insertion = false;
    let mut narration_pieces: Vec<Place> = Vec::new();
    let mut narration = false;
    let mut other_change = false;

    // Group consecutive differing ops into changes.
    let ops = &alignment.ops;
    let mut i = 0;
    while i < ops.len() {
        match ops[i] {
            Op::Same { q, .. } => {
                if let Token::Word {
                    in_word: Some(_), ..
                } = &quote.tokens[q]
                {
                    insertion = true;
                }
                i += 1;
            }
            Op::Stem { .. } => {
                insertion = true;
                i += 1;
            }
            Op::Bracket { q, s, e } => {
                let Token::Bracket { words, .. } = &quote.tokens[q] else {
                    i += 1;
                    continue;
                };
                let replaced: Vec<&str> = (s..e).map(word).collect();
                let weighty = |ws: &[&str]| -> Vec<String> {
                    let mut v: Vec<String> = ws
                        .iter()
                        .filter(|w| numbers::is_meaningful(w) || is_modal_or_quantifier(w))
                        .map(|w| w.to_string())
                        .collect();
                    v.sort();
                    v
                };
                let bracket_words: Vec<&str> = words.iter().map(String::as_str).collect();
                let (b, r) = (weighty(&bracket_words), weighty(&replaced));
                let (bs, be) = quote_text(q);
                if b != r {
                    let what = if r.is_empty() {
                        format!("adds “{}”", b.join(" "))
                    } else if b.is_empty() {
                        format!("replaces “{}”", r.join(" "))
                    } else {
                        format!("changes “{}” to “{}”", r.join(" "), b.join(" "))
                    };
                    meaning.push(format!(
                        "the bracket {} {what}",
                        &quote_core_slice(quote, bs, be)
                    ));
                    changes.push(Change {
                        source: range_text(s, e),
                        quote: quote_core_slice(quote, bs, be),
                    });
                }
                insertion = true;
                i += 1;
            }
            Op::Gap { s, e, .. } => {
                omission = true;
                // Words dropped from within a sentence the quote uses.
                let before = previous_source_word(ops, i);
                let after = next_source_word(ops, i);
                let sentence = |w: usize| source.layout.sentence_of(words[w].0);
                let kept: Vec<usize> = before
                    .iter()
                    .chain(after.iter())
                    .map(|&w| sentence(w))
                    .collect();
                let dropped: Vec<&str> = (s..e)
                    .filter(|&w| kept.contains(&sentence(w)))
                    .map(word)
                    .filter(|w| numbers::is_meaningful(w))
                    .collect();
                if !dropped.is_empty() {
                    meaning.push(format!(
                        "the ellipsis drops “{}” from within a sentence",
                        dropped.join(" ")
                    ));
                    changes.push(Change {
                        source: range_text(s, e),
                        quote: String::new(),
                    });
                }
                i += 1;
            }
            Op::Changed { .. } | Op::Added { .. } | Op::Dropped { .. } => {
                let start = i;
                while i < ops.len()
                    && matches!(
                        ops[i],
                        Op::Changed { .. } | Op::Added { .. } | Op::Dropped { .. }
                    )
                {
                    i += 1;
                }
                let group = &ops[start..i];
                let mut source_words = Vec::new();
                let mut quote_tokens = Vec::new();
                for op in group {
                    match *op {
                        Op::Changed { q, s } => {
                            source_words.push(s);
                            quote_tokens.push(q);
                        }
                        Op::Added { q } => quote_tokens.push(q),
                        Op::Dropped { s } => source_words.push(s),
                        _ => {}
                    }
                }
                let source_text = match (source_words.first(), source_words.last()) {
                    (Some(&a), Some(&b)) => range_text(a, b + 1),
                    _ => String::new(),
                };
                let quote_str = match (quote_tokens.first(), quote_tokens.last()) {
                    (Some(&a), Some(&b)) => {
                        let (s, _) = quote_text(a);
                        let (_, e) = quote_text(b);
                        quote_core_slice(quote, s, e)
                    }
                    _ => String::new(),
                };
                // Narration between two quotations, left out of the quote.
                let only_dropped = group.iter().all(|op| matches!(op, Op::Dropped { .. }));
                if only_dropped && is_narration(source, words, &source_words, ops, start, i) {
                    narration = true;
                } else {
                    other_change = true;
                }
                for op in group {
                    match *op {
                        Op::Changed { q, s } => {
                            let Token::Word { text, .. } = &quote.tokens[q] else {
                                continue;
                            };
                            let src = word(s);
                            if !is_typo(text, src, typo) {
                                typo_only = false;
                            }
                            if numbers::is_meaningful(text) || numbers::is_meaningful(src) {
                                let what =
                                    if numbers::is_negation(text) || numbers::is_negation(src) {
                                        "a negation changes"
                                    } else {
                                        "a number changes"
                                    };
                                if !meaning.iter().any(|m| m == what) {
                                    meaning.push(what.to_string());
                                }
                            }
                        }
                        _ => typo_only = false,
                    }
                }
                changes.push(Change {
                    source: source_text,
                    quote: quote_str,
                });
            }
        }
    }
    if narration {
        narration_pieces = aligned_runs(source, words, ops);
    }
    let reading = if narration && !other_change && meaning.is_empty() {
        Reading::StitchedNarration
    } else if !meaning.is_empty() || (!changes.is_empty() && !typo_only) {
        Reading::Misquote
    } else if !changes.is_empty() {
        Reading::Typo
    } else {
        Reading::Faithful
    };
    let (fs, _) = words[alignment
        .source_start
        .min(alignment.source_end.saturating_sub(1))];
    let (_, fe) = words[alignment.source_end.max(1) - 1];
    Aligned {
        place: source.place(fs, fe),
        range: (fs, fe),
        paragraph,
        aligned: alignment.aligned,
        words: alignment.words,
        reading,
        omission,
        insertion,
        changes,
        meaning,
        pieces: narration_pieces,
    }
}

fn quote_core_slice(quote: &ParsedQuote, s: usize, e: usize) -> String {
    // Token spans index the quote as written; `core` starts at core_start.
    let s = s.saturating_sub(quote.core_start);
    let e = e.saturating_sub(quote.core_start);
    quote.core.get(s..e).unwrap_or("").to_string()
}

fn previous_source_word(ops: &[Op], i: usize) -> Option<usize> {
    ops[..i].iter().rev().find_map(|op| match *op {
        Op::Same { s, .. } | Op::Stem { s, .. } | Op::Changed { s, .. } => Some(s),
        _ => None,
    })
}

fn next_source_word(ops: &[Op], i: usize) -> Option<usize> {
    ops[i + 1..].iter().find_map(|op| match *op {
        Op::Same { s, .. } | Op::Stem { s, .. } | Op::Changed { s, .. } => Some(s),
        _ => None,
    })
}

/// Are the dropped words narration between two quotations: outside every
/// quotation, with the quote's words on both sides inside one?
fn is_narration(
    source: &Source,
    words: &[(usize, usize)],
    dropped: &[usize],
    ops: &[Op],
    start: usize,
    end: usize,
) -> bool {
    let (Some(before), Some(after)) = (
        previous_source_word(ops, start),
        next_source_word(ops, end.saturating_sub(1)),
    ) else {
        return false;
    };
    let quoted = |w: usize| {
        let (s, e) = words[w];
        source.layout.quotation_around(s, e).is_some()
    };
    quoted(before) && quoted(after) && dropped.iter().all(|&w| !quoted(w))
}

/// The runs of source words the quote keeps, as places (stitched pieces).
fn aligned_runs(source: &Source, words: &[(usize, usize)], ops: &[Op]) -> Vec<Place> {
    let mut runs = Vec::new();
    let mut current: Option<(usize, usize)> = None;
    for op in ops {
        match *op {
            Op::Same { s, .. } | Op::Stem { s, .. } | Op::Changed { s, .. } => {
                current = Some(match current {
                    Some((a, _)) => (a, s + 1),
                    None => (s, s + 1),
                });
            }
            Op::Dropped { .. } => {
                if let Some(run) = current.take() {
                    runs.push(run);
                }
            }
            _ => {}
        }
    }
    runs.extend(current);
    runs.into_iter()
        .map(|(a, b)| {
            let (fs, _) = words[a];
            let (_, fe) = words[b - 1];
            source.place(fs, fe)
        })
        .collect()
}

fn is_modal_or_quantifier(word: &str) -> bool {
    matches!(
        word,
        "shall"
            | "should"
            | "may"
            | "might"
            | "must"
            | "can"
            | "could"
            | "will"
            | "would"
            | "all"
            | "every"
            | "each"
            | "some"
            | "any"
            | "most"
            | "many"
            | "few"
            | "only"
            | "always"
            | "sometimes"
    )
}

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
        for p in index.positions(folded, first) {
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
