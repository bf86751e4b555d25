//! Rule 2 read out: how a quote aligned in one paragraph differs from the
//! source, in words people read.

use super::context::{collapsed, Cx};
use crate::matcher::{Aligned, Piece, Reading};
use crate::model::{Finding, Kind};

/// Findings of a quote aligned in one paragraph (rule 2): notes for
/// omissions and insertions, then its reading.
pub(super) fn aligned_findings(
    cx: &Cx,
    d: usize,
    aligned: &Aligned,
    finding: &dyn Fn(Kind, String) -> Finding,
    out: &mut Vec<Finding>,
) {
    let span = cx.source_span(d, &aligned.place);
    let mut push_note = |kind: Kind, message: &str| {
        let mut f = finding(kind, message.to_string());
        f.source = Some(span.clone());
        out.push(f);
    };
    if aligned.omission {
        push_note(
            Kind::Omission,
            "an ellipsis omits source words; the pieces are in order in one paragraph",
        );
    }
    if aligned.insertion {
        push_note(
            Kind::Insertion,
            "a bracketed insertion stands for source words",
        );
    }
    match aligned.reading {
        Reading::Faithful => {}
        Reading::Typo => {
            let mut f = finding(
                Kind::Typo,
                format!("the quote has a typo: {}", describe_changes(aligned)),
            );
            f.source = Some(span.clone());
            f.help = Some(format!(
                "correct it to the source's spelling: “{}”",
                collapsed(&aligned.place.text)
            ));
            out.push(f);
        }
        Reading::Misquote => {
            let mut message = describe_changes(aligned);
            if !aligned.meaning.is_empty() {
                message = format!("{message} ({})", aligned.meaning.join("; "));
            }
            let mut f = finding(Kind::Misquote, message);
            f.source = Some(span.clone());
            f.help = Some(format!(
                "quote the source exactly: “{}”",
                collapsed(&aligned.place.text)
            ));
            out.push(f);
        }
        Reading::StitchedNarration | Reading::StitchedParagraphs => {
            let message = if aligned.reading == Reading::StitchedNarration {
                "the quote joins separate quotations across the narration between them"
            } else {
                "the quote joins passages of separate paragraphs, leaving out the words between them"
            };
            let mut f = finding(Kind::Stitched, message.into());
            f.source = Some(span.clone());
            f.related = aligned
                .pieces
                .iter()
                .map(|p| cx.source_span(d, p))
                .collect();
            f.help = Some(
                "quote each quotation separately, or mark the omission with an ellipsis".into(),
            );
            out.push(f);
        }
    }
}

pub(super) fn describe_changes(aligned: &Aligned) -> String {
    let parts: Vec<String> = aligned
        .changes
        .iter()
        .take(4)
        .map(|c| match (c.source.is_empty(), c.quote.is_empty()) {
            (true, _) => format!("adds “{}”", collapsed(&c.quote)),
            (_, true) => format!("drops “{}”", collapsed(&c.source)),
            _ => format!(
                "changes “{}” to “{}”",
                collapsed(&c.source),
                collapsed(&c.quote)
            ),
        })
        .collect();
    let more = aligned.changes.len().saturating_sub(4);
    let mut text = if parts.is_empty() {
        "the wording differs".to_string()
    } else {
        format!("quote {}", parts.join("; "))
    };
    if more > 0 {
        text.push_str(&format!("; and {more} more"));
    }
    text
}

pub(super) fn is_stitched(pieces: &[Piece]) -> bool {
    let different_paragraphs = pieces.windows(2).any(|w| w[0].paragraph != w[1].paragraph);
    let out_of_order = pieces
        .windows(2)
        .any(|w| w[1].source_word <= w[0].source_word);
    different_paragraphs || out_of_order
}

pub(super) fn describe_pieces(pieces: &[Piece]) -> String {
    pieces
        .iter()
        .map(|p| format!("line {}", p.place.line))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Did matching need folding beyond the first word's capital? White space
/// (a line break, indentation, a run of spaces) is no finding, and neither
/// is the case of a word whose letters an in-word bracket changes (`[W]e`),
/// nor an omission mark at the quote's start or end ("… we will win"),
/// which omits nothing that could be checked.
pub fn typography_differs(quote_core: &str, source_text: &str) -> bool {
    let (s, e) = crate::matcher::quote::core_range(source_text);
    let quote: Vec<&str> = without_end_omissions(quote_core)
        .split_ascii_whitespace()
        .collect();
    let source: Vec<&str> = without_end_omissions(&source_text[s..e])
        .split_ascii_whitespace()
        .collect();
    let unbracketed = |w: &str| w.replace(['[', ']'], "");
    let lower_first = |t: &str| {
        let mut chars = t.chars();
        match chars.next() {
            Some(c) => c.to_lowercase().chain(chars).collect::<String>(),
            None => String::new(),
        }
    };
    if quote.len() != source.len() {
        let joined = |words: &[&str]| lower_first(&unbracketed(&words.join(" ")));
        return joined(&quote) != joined(&source);
    }
    let bracketed = |w: &str| w.contains(['[', ']']);
    quote.iter().zip(&source).enumerate().any(|(i, (q, s))| {
        if bracketed(q) && !bracketed(s) {
            unbracketed(q).to_lowercase() != s.to_lowercase()
        } else if i == 0 {
            lower_first(q) != lower_first(s)
        } else {
            q != s
        }
    })
}

/// `quote` without omission marks (`…`, `...`, `. . .`) at either end.
fn without_end_omissions(quote: &str) -> &str {
    const MARKS: [&str; 3] = ["…", ". . .", "..."];
    let mut rest = quote.trim();
    loop {
        let before = rest;
        for mark in MARKS {
            rest = rest.strip_prefix(mark).unwrap_or(rest).trim_start();
            if let Some(kept) = rest.strip_suffix(mark) {
                // A sentence's own period may stand before the mark.
                rest = kept.trim_end().trim_end_matches('.').trim_end();
            }
        }
        rest = rest.trim_start_matches('.').trim_start();
        if rest == before {
            return rest;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::typography_differs;

    #[test]
    fn an_omission_mark_at_either_end_is_no_typography() {
        assert!(!typography_differs("we will win …", "we will win"));
        assert!(!typography_differs("... we will win", "we will win"));
        assert!(!typography_differs(
            ". . . we will win. . . .",
            "we will win"
        ));
        assert!(typography_differs("… we won't win", "we won’t win"));
        // The source's own mark, taken into the place with the quote's.
        assert!(!typography_differs(
            "they know the answer…",
            "they know the answer…"
        ));
    }

    #[test]
    fn white_space_and_the_first_capital_are_no_typography() {
        assert!(!typography_differs(
            "we will not send",
            "We will\n   not send"
        ));
        assert!(!typography_differs("We will", "we will"));
        assert!(typography_differs("we won't", "we won’t"));
        assert!(typography_differs("we will Not", "we will not"));
        // A no-break space is typography, not white space.
        assert!(typography_differs("Ana Peña", "Ana\u{a0}Peña"));
    }

    #[test]
    fn an_in_word_bracket_changes_case_without_typography() {
        assert!(!typography_differs("and [w]e said", "and We said"));
        // A bracket round the source's own words: an insertion, no more.
        assert!(!typography_differs(
            "[The plaintiff] argued that",
            "The plaintiff argued that"
        ));
        assert!(!typography_differs("[O]utput on", "output on"));
        assert!(typography_differs("and [w]e saïd", "and We said"));
    }
}
