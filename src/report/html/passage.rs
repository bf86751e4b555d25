//! Passages in the page: a claim's words beside the source's, the changed,
//! added and dropped words marked as the human report stars them; a
//! passage in its context; where it stands, with the source's title and
//! address when the claims file gives them.

use super::shown;
use crate::model::{Report, SourceSpan, Span};
use crate::report::diff::{marked_sides, Mark};
use maud::{html, Markup};

/// Words with their marks, as inline text.
fn marked(runs: &[(Mark, String)]) -> Markup {
    html! {
        @for (i, (mark, words)) in runs.iter().enumerate() {
            @if i > 0 { " " }
            @match mark {
                Mark::Same => (shown(words)),
                Mark::Changed => mark.changed title="changed" { (shown(words)) },
                Mark::Dropped => mark.dropped title="dropped by the quote" { (shown(words)) },
                Mark::Added => mark.added title="added by the quote" { (shown(words)) },
            }
        }
    }
}

/// Where a claim's words stand.
pub(super) fn claim_loc(span: &Span) -> Markup {
    html! {
        p.loc { (shown(&format!("{}:{}:{}", span.file, span.line, span.column))) }
    }
}

/// Where a source passage stands, with the source's title and address.
pub(super) fn source_loc(report: &Report, span: &SourceSpan) -> Markup {
    let titled = report.title_of(&span.key, &span.path);
    html! {
        p.loc {
            (shown(&span.location()))
            @if !span.key.is_empty() { " (" (shown(&span.key)) ")" }
            @if let Some(t) = titled.and_then(|t| t.title.as_deref()) { " · " cite { (shown(t)) } }
            // An address is text, never a link: a hostile claims file could
            // give a `javascript:` one, and the page makes no request.
            @if let Some(u) = titled.and_then(|t| t.url.as_deref()) { " · " span.url { (shown(u)) } }
        }
    }
}

/// The claim's words and the source's, side by side; with `compare`, the
/// words that differ marked on both sides.
pub(super) fn sides(
    report: &Report,
    claim_words: &str,
    at_claim: Option<&Span>,
    source: Option<&SourceSpan>,
    compare: bool,
) -> Markup {
    let (left, right) = match (source, compare) {
        (Some(s), true) => {
            let (src, quote) = marked_sides(&s.text, claim_words);
            (marked(&quote), marked(&src))
        }
        (Some(s), false) => (marked(&plain(claim_words)), marked(&plain(&s.text))),
        (None, _) => (marked(&plain(claim_words)), html! {}),
    };
    html! {
        div.sides {
            div.side.claim-side {
                h4 { "Claim" }
                blockquote { (left) }
                @if let Some(at) = at_claim { (claim_loc(at)) }
            }
            div.side.source-side {
                h4 { "Source" }
                @match source {
                    Some(s) => {
                        blockquote { (right) }
                        (source_loc(report, s))
                    }
                    None => p.muted { "not found in the sources searched" },
                }
            }
        }
    }
}

fn plain(text: &str) -> Vec<(Mark, String)> {
    vec![(
        Mark::Same,
        text.split_whitespace().collect::<Vec<_>>().join(" "),
    )]
}

/// The lines around a passage as the file has them, the passage marked.
pub(super) fn context(span: &SourceSpan) -> Markup {
    let Some(x) = &span.excerpt else {
        return html! {};
    };
    let start = span.offset.saturating_sub(x.offset).min(x.text.len());
    let end = (start + span.length).min(x.text.len());
    let cut = |at: usize| {
        let mut at = at;
        while !x.text.is_char_boundary(at) {
            at -= 1;
        }
        at
    };
    let (start, end) = (cut(start), cut(end));
    html! {
        blockquote.context {
            @if x.column > 0 { "…" }
            (shown(&x.text[..start]))
            mark.hit { (shown(&x.text[start..end])) }
            (shown(&x.text[end..]))
        }
    }
}
