//! How an alignment reads by the contract's rule 2: faithful, typo,
//! misquote or stitched across narration, with the changes it makes.

use super::align::{Alignment, Op};
use super::closeness::is_close;
use super::found::{Aligned, Change, Reading};
use super::quote::{ParsedQuote, Token};
use super::references;
use super::typo::is_typo;
use crate::lexicon::numbers::{self, is_modal_or_quantifier};
use crate::model::TypoLimits;
use crate::text::{Place, Source};

pub(super) fn read_alignment(
    source: &Source,
    words: &[(usize, usize)],
    quote: &ParsedQuote,
    alignment: &Alignment,
    paragraph: usize,
    typo: &TypoLimits,
    in_source: &mut dyn FnMut(&str) -> bool,
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
    let mut apart = false;
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
                if only_dropped && references::only_markers(source, words, &source_words) {
                    continue; // footnote marks ("[3]") are no words a quote keeps
                }
                if only_dropped && is_narration(source, words, &source_words, ops, start, i) {
                    narration = true;
                } else if only_dropped && crosses_paragraph(source, words, ops, start, i) {
                    // The words left out run over a paragraph break: two
                    // passages joined, not one continued quotation.
                    apart = true;
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
                            if !is_typo(text, src, typo, in_source) {
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
    if narration || apart {
        narration_pieces = aligned_runs(source, words, ops);
    }
    let reading = if apart && !other_change && meaning.is_empty() {
        Reading::StitchedParagraphs
    } else if narration && !other_change && meaning.is_empty() {
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
        in_one_paragraph: one_passage_share(source, quote, words, ops, alignment.aligned, false),
        in_one_passage: one_passage_share(source, quote, words, ops, alignment.aligned, true),
        words: alignment.words,
        reading,
        omission,
        insertion,
        changes,
        meaning,
        pieces: narration_pieces,
    }
}

/// The words rules 2 and 5 count: those of one passage. A quote that runs
/// on into the next paragraph word for word, or with a word misspelt in
/// place, is one passage and keeps them all; one that adds or skips words
/// at the break is measured by its best paragraph alone. For rule 5
/// (`any_word`), a word replaced in place at the break joins no two
/// passages either: "a terror find they" for "a terror ¶ provided they" is
/// a misquote of one passage. (Rule 2 keeps replaced words a join: pieces
/// of two paragraphs joined with a word of the writer's are a stitch.)
fn one_passage_share(
    source: &Source,
    quote: &ParsedQuote,
    words: &[(usize, usize)],
    ops: &[Op],
    aligned: usize,
    any_word: bool,
) -> usize {
    let paragraph = |w: usize| source.layout.paragraph_of(words[w].0);
    let mut counts: Vec<(usize, usize)> = Vec::new(); // paragraph, kept words
    let mut previous: Option<(usize, usize)> = None; // op index, paragraph
    let mut broken = false;
    for (i, op) in ops.iter().enumerate() {
        let (Op::Same { s, .. } | Op::Stem { s, .. }) = *op else {
            continue;
        };
        let p = paragraph(s);
        if let Some((j, q)) = previous {
            let in_place = ops[j + 1..i].iter().all(|op| match *op {
                Op::Changed { .. } if any_word => true,
                Op::Changed { q, s } => match &quote.tokens[q] {
                    Token::Word { text, .. } => {
                        let (a, b) = words[s];
                        is_close(text, &source.folded.text[a..b])
                    }
                    _ => false,
                },
                _ => false,
            });
            if q != p && !in_place {
                broken = true;
            }
        }
        match counts.iter_mut().find(|(q, _)| *q == p) {
            Some((_, n)) => *n += 1,
            None => counts.push((p, 1)),
        }
        previous = Some((i, p));
    }
    if broken {
        counts.iter().map(|&(_, n)| n).max().unwrap_or(0)
    } else {
        aligned
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

/// The source words the alignment keeps just before and just after its
/// ops `start..end`.
fn kept_around(ops: &[Op], start: usize, end: usize) -> Option<(usize, usize)> {
    Some((
        previous_source_word(ops, start)?,
        next_source_word(ops, end.saturating_sub(1))?,
    ))
}

/// Do the kept words on either side of dropped words `start..end` of the
/// alignment stand in different paragraphs?
fn crosses_paragraph(
    source: &Source,
    words: &[(usize, usize)],
    ops: &[Op],
    start: usize,
    end: usize,
) -> bool {
    let Some((before, after)) = kept_around(ops, start, end) else {
        return false;
    };
    let paragraph = |w: usize| source.layout.paragraph_of(words[w].0);
    paragraph(before) != paragraph(after)
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
    let Some((before, after)) = kept_around(ops, start, end) else {
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
