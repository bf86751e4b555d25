//! Quotes: the contract's ordered rules (exact, aligned in one paragraph,
//! stitched pieces, another source, nothing close).

use super::aligned::{
    aligned_findings, describe_changes, describe_pieces, is_stitched, typography_differs,
};
use super::context::{collapsed, named_sources, Cx};
use crate::claims::{Claim, Located};
use crate::evidence::{Evidence, Job, SourceId};
use crate::lexicon::stopwords::STOPWORDS;
use crate::matcher::quote::{ParsedQuote, Token};
use crate::matcher::{Aligned, Piece, Reading};
use crate::model::{Finding, Kind, QuoteShown};
use crate::text::Place;

/// Is a verbatim piece long enough to count: two words, or three when
/// every one of them is a common word ("of the", "in a")?
fn is_solid_piece(quote: &ParsedQuote, piece: &Piece) -> bool {
    let common = (piece.quote_start..piece.quote_end).all(|t| match &quote.tokens[t] {
        Token::Word { text, .. } => STOPWORDS.contains(&text.as_str()),
        _ => true,
    });
    piece.words >= 3 || (piece.words == 2 && !common)
}

/// Do the pieces, in the quote's order, stand in the source's order too?
fn in_source_order(pieces: &[Piece]) -> bool {
    pieces
        .windows(2)
        .all(|w| w[0].source_word < w[1].source_word)
}

/// The contract's rules 1 to 5 for one quote, in order; the first that
/// applies decides. Returns the declaration and evidence where the quote
/// was located, for the attribution check.
pub(super) fn quote_findings<'a>(
    cx: &Cx,
    claim: &Claim,
    quote: &Located,
    job: &Job,
    evidence: &[(SourceId, &'a Evidence)],
    cited: &[usize],
    out: &mut Vec<Finding>,
) -> Option<(usize, &'a Evidence)> {
    let set = cx.set;
    let settings = cx.settings;
    if !cited.iter().any(|&d| cx.readable(d)) {
        return None; // the source problems say it all
    }
    let readable = readable_with_evidence(cx, claim, evidence, cited);
    let evidence_in = |d: usize| {
        let sf = cx.file_of(d);
        evidence.iter().find(|(s, _)| *s == sf).map(|(_, e)| *e)
    };
    let at_claim = cx.claim_span(claim, quote);
    let finding = |kind: Kind, message: String| {
        let mut f = Finding::new(kind, message);
        f.claim = Some(at_claim.clone());
        f.actual = Some(quote.text.clone());
        f
    };

    // 1. Exactly, after folding.
    for &d in &readable {
        if let Some((e, place)) = evidence_in(d).and_then(|e| e.exact.as_ref().map(|p| (e, p))) {
            if typography_differs(&job.parsed.core, &place.text) {
                let mut f = finding(
                    Kind::Typography,
                    "matches the source once quotation marks, dashes, case, diacritics or spacing are folded".into(),
                );
                f.source = Some(cx.source_span(d, place));
                f.help = Some(format!("the source reads “{}”", collapsed(&place.text)));
                out.push(f);
            }
            // `[W]e`, `fac[ing]`: an editorial change of case or inflection,
            // unless the source prints the brackets itself.
            let in_word = job.parsed.tokens.iter().any(|t| {
                matches!(
                    t,
                    Token::Word {
                        in_word: Some(_),
                        ..
                    }
                )
            });
            // `[The plaintiff] argued`: a bracket round the source's own
            // words is an editorial insertion standing for them.
            let whole = job
                .parsed
                .tokens
                .iter()
                .any(|t| matches!(t, Token::Bracket { .. }));
            if (in_word || whole) && !place.text.contains('[') {
                let message = if in_word {
                    "an in-word bracket changes only case or inflection"
                } else {
                    "a bracketed insertion stands for source words"
                };
                let mut f = finding(Kind::Insertion, message.into());
                f.source = Some(cx.source_span(d, place));
                out.push(f);
            }
            return Some((d, e));
        }
    }

    // 2. One paragraph aligns with most of the quote: of several sources,
    // the one whose best paragraph holds most, then the most in all (the
    // first of equals).
    let alignments: Vec<(usize, &Aligned)> = readable
        .iter()
        .filter_map(|&d| {
            evidence_in(d)
                .and_then(|e| e.aligned.as_ref())
                .map(|a| (d, a))
        })
        .collect();
    let best = first_best(&alignments, |a| (a.paragraph_ratio(), a.ratio()));
    let in_one = best.map_or(0.0, |(_, a)| a.paragraph_ratio());
    if let Some((d, aligned)) = best.filter(|_| in_one >= settings.aligned) {
        aligned_findings(cx, d, aligned, &finding, out);
        if matches!(
            aligned.reading,
            Reading::StitchedNarration | Reading::StitchedParagraphs
        ) {
            return None;
        }
        return evidence_in(d).map(|e| (d, e));
    }

    // 3. Verbatim pieces from different paragraphs, or out of order.
    let words = job.parsed.word_count();
    let pieces = readable
        .iter()
        .filter_map(|&d| evidence_in(d).map(|e| (d, &e.pieces)))
        .max_by_key(|(d, p)| {
            (
                p.iter().map(|x| x.words).sum::<usize>(),
                std::cmp::Reverse(*d),
            )
        });
    if let Some((d, pieces)) = pieces {
        // Rev. 2: the pieces hold every word of the quote, each a run of two
        // words (three when all are common words); a quote made of common
        // phrases and words of its own is no stitch of the source.
        let covered: usize = pieces.iter().map(|p| p.words).sum();
        let solid = pieces.iter().all(|p| is_solid_piece(&job.parsed, p));
        if pieces.len() >= 2 && covered == words && solid && is_stitched(pieces) {
            let mut f = finding(
                Kind::Stitched,
                if in_source_order(pieces) {
                    format!(
                        "the quote joins {} pieces that stand apart in the source ({})",
                        pieces.len(),
                        describe_pieces(pieces)
                    )
                } else {
                    format!(
                        "the quote joins {} pieces of the source out of order ({})",
                        pieces.len(),
                        describe_pieces(pieces)
                    )
                },
            );
            f.source = Some(cx.source_span(d, &pieces[0].place));
            f.related = pieces.iter().map(|p| cx.source_span(d, &p.place)).collect();
            f.help = Some(
                "quote each passage separately, or mark the omission where the source allows it"
                    .into(),
            );
            out.push(f);
            return None;
        }
    }

    // 4. Exactly in another declared source of the file (a claim that
    // searches every source has none other).
    // The first such declaration in the file's order, found from the few
    // sources holding the quote, never by a pass over the file's
    // thousands of sources per claim.
    let holding = if claim.cites_all() { &[][..] } else { evidence };
    let mut other: Option<(usize, usize, &Place)> = None;
    for (sf, e) in holding {
        let Some(place) = e.exact.as_ref() else {
            continue;
        };
        if cited.iter().any(|&c| cx.file_of(c) == *sf) {
            continue;
        }
        for &d in cx.decls_of(*sf) {
            let later = other.is_some_and(|(at, _, _)| at <= cx.position(d));
            if set.declared[d].file != claim.file || later || cited.contains(&d) || cx.pin_failed(d)
            {
                continue;
            }
            other = Some((cx.position(d), d, place));
        }
    }
    if let Some((_, d, place)) = other {
        let key = &set.declared[d].key;
        let mut f = finding(
            Kind::WrongSource,
            format!("the quote is not in the cited source, but it is in `{key}`"),
        );
        let span = cx.source_span(d, place);
        f.source = Some(span.clone());
        f.related = vec![span];
        f.help = Some(format!("cite `{key}` for this quote"));
        out.push(f);
        return None;
    }

    // 5. Nothing close, or something partly close: the share counted in
    // one passage (words matched on both sides of a paragraph break the
    // quote adds or skips words at are not one passage).
    let closest = first_best(&alignments, |a| (a.passage_ratio(), a.ratio()));
    if closest.is_none_or(|(_, a)| a.passage_ratio() < settings.not_found) {
        let mut f = finding(
            Kind::NotFound,
            format!(
                "nothing in {} is close to the quote",
                if claim.cites_all() {
                    cx.named_all(claim.file).to_string()
                } else {
                    named_sources(set, cited)
                }
            ),
        );
        f.help =
            Some("check the quote against the source, or cite the source it comes from".into());
        out.push(f);
    } else if let Some((d, aligned)) = closest {
        let mut f = finding(
            Kind::Misquote,
            format!(
                "only {} of the quote's {} words match the closest passage: {}",
                aligned.aligned,
                aligned.words,
                describe_changes(aligned)
            ),
        );
        f.source = Some(cx.source_span(d, &aligned.place));
        f.help = Some(format!(
            "quote the source exactly: “{}”",
            collapsed(&aligned.place.text)
        ));
        out.push(f);
    }
    None
}

/// The readable cited declarations that may hold evidence of the quote, in
/// the order the rules weigh them: the cited ones, or for a claim of every
/// source (which cites thousands) those of the sources holding evidence,
/// in the claims file's order. The rules look at no declaration without
/// evidence, so both give the same verdicts.
fn readable_with_evidence(
    cx: &Cx,
    claim: &Claim,
    evidence: &[(SourceId, &Evidence)],
    cited: &[usize],
) -> Vec<usize> {
    if !claim.cites_all() {
        return cx.readable_decls(cited);
    }
    let mut held: Vec<usize> = evidence
        .iter()
        .flat_map(|(sf, _)| cx.decls_of(*sf).iter().copied())
        .filter(|&d| cx.set.declared[d].file == claim.file && cx.readable(d))
        .collect();
    held.sort_unstable_by_key(|&d| cx.position(d));
    held.dedup();
    held
}

/// The alignment with the greatest `key`, the first of equals.
fn first_best<'a>(
    all: &[(usize, &'a Aligned)],
    key: impl Fn(&Aligned) -> (f64, f64),
) -> Option<(usize, &'a Aligned)> {
    all.iter().copied().fold(None, |best, (d, a)| match best {
        Some((_, b)) if key(b) >= key(a) => best,
        _ => Some((d, a)),
    })
}

/// The quote with the passage that holds it: the exact hit, else the
/// passage of its first finding that names one.
pub(super) fn shown(
    cx: &Cx,
    claim: &Claim,
    quote: &Located,
    located: Option<(usize, &Evidence)>,
    findings: &[Finding],
) -> QuoteShown {
    let exact = located.and_then(|(d, e)| e.exact.as_ref().map(|p| cx.source_span(d, p)));
    let mut source = exact.or_else(|| findings.iter().find_map(|f| f.source.clone()));
    // The passage alone: its surrounding lines would cost every passing
    // quote of a large run an excerpt no renderer shows.
    if let Some(span) = source.as_mut() {
        span.excerpt = None;
    }
    QuoteShown {
        text: quote.text.clone(),
        claim: cx.claim_span(claim, quote),
        source,
    }
}
