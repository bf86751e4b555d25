//! One claim in the page: its status, id (a link to share), findings, and
//! each quote beside its source passage; and the draft's unclaimed
//! quotations.

use super::passage::{claim_loc, context, sides, source_loc};
use super::shown;
use crate::figures::interval_words;
use crate::model::{ClaimResult, FigureRead, Finding, Kind, Report, SourceSpan, Status};
use maud::{html, Markup};
use std::collections::{BTreeSet, HashSet};

/// Each claim's element id: its id, made unique across claims files (two
/// files may both have a claim `x`; the second is `x~2`) and free of
/// white space, which an id cannot hold.
pub(super) fn anchors(report: &Report) -> Vec<String> {
    let mut taken = HashSet::new();
    report
        .claims
        .iter()
        .map(|c| {
            let base: String =
                c.id.chars()
                    .map(|ch| if ch.is_whitespace() { '_' } else { ch })
                    .collect();
            let base = if base.is_empty() {
                "claim".into()
            } else {
                base
            };
            let mut id = base.clone();
            let mut n = 2;
            while !taken.insert(id.clone()) {
                id = format!("{base}~{n}");
                n += 1;
            }
            id
        })
        .collect()
}

/// An id as a URL fragment: everything but unreserved characters
/// percent-encoded (`#`, `/` and non-ASCII letters included).
fn fragment(id: &str) -> String {
    let mut out = String::from("#");
    for b in id.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Kinds whose claim words and source passage are compared word by word.
fn compares_words(kind: Kind) -> bool {
    matches!(
        kind,
        Kind::Typography
            | Kind::Omission
            | Kind::Insertion
            | Kind::Typo
            | Kind::Misquote
            | Kind::WrongSource
            | Kind::Misattributed
            | Kind::Unattributed
    )
}

fn is_figure(kind: Kind) -> bool {
    matches!(
        kind,
        Kind::FigureMismatch | Kind::Hedge | Kind::FigureConflict | Kind::FigureNotFound
    )
}

pub(super) fn article(report: &Report, claim: &ClaimResult, anchor: &str) -> Markup {
    let status = claim.status.name();
    let kinds: BTreeSet<&str> = claim.findings.iter().map(|f| f.kind.name()).collect();
    let kinds: Vec<&str> = kinds.into_iter().collect();
    let mut search = claim.id.to_lowercase();
    for q in &claim.quotes {
        search.push(' ');
        search.push_str(&q.text.to_lowercase());
    }
    for f in &claim.findings {
        search.push(' ');
        search.push_str(&f.message.to_lowercase());
    }
    // Quotes no finding shows already: set beside their passages here.
    let in_findings = |offset: usize| {
        claim.findings.iter().any(|f| {
            f.claim.as_ref().is_some_and(|c| c.offset == offset)
                && f.actual.is_some()
                && !matches!(f.kind, Kind::Misattributed | Kind::Unattributed)
        })
    };
    html! {
        article.claim.(status) id=(anchor) data-status=(status)
            data-kinds=(kinds.join(" ")) data-search=(shown(&search)) {
            details open[claim.status != Status::Pass] {
                summary {
                    span.badge.(status) { (status) }
                    a.id href=(fragment(anchor)) title="link to this claim" { (shown(&claim.id)) }
                    span.loc { (shown(&format!("{}:{}:{}", claim.file, claim.line, claim.column))) }
                    @for kind in &kinds { span.kind { (kind) } }
                }
                div.body {
                    @for q in claim.quotes.iter().filter(|q| !in_findings(q.claim.offset)) {
                        (sides(report, &q.text, Some(&q.claim), q.source.as_ref(), true))
                    }
                    @if claim.findings.is_empty() && claim.quotes.is_empty() {
                        p.muted { "Every figure agrees with its source." }
                    }
                    @for f in &claim.findings { (finding(report, f)) }
                }
            }
        }
    }
}

fn finding(report: &Report, f: &Finding) -> Markup {
    let severity = f.severity.name();
    let attribution = matches!(f.kind, Kind::Misattributed | Kind::Unattributed);
    let related_title = match f.kind {
        Kind::Stitched => "The pieces in the source",
        Kind::FigureConflict => "Conflicting figures",
        _ if attribution => "Whom the source credits",
        _ => "Related passages",
    };
    // A related passage that is the finding's own passage says nothing new.
    let related: Vec<&SourceSpan> = f
        .related
        .iter()
        .filter(|r| f.source.as_ref() != Some(*r) || f.kind == Kind::Stitched)
        .collect();
    html! {
        div.finding.(severity) {
            p {
                span.sev.(severity) { (severity) } " "
                span.kind { (f.kind.name()) } ": "
                (shown(&f.message))
            }
            @if let Some(reason) = &f.accepted { p.accepted { (shown(reason)) } }
            @match (&f.actual, f.kind) {
                // The claim's words, then each piece where the source has it.
                // The claim's words alone: no source passage to set beside
                // them (not-in-draft, a source problem).
                (Some(actual), kind) if f.source.is_none() && kind != Kind::NotFound => {
                    blockquote { (shown(actual)) }
                    @if let Some(at) = &f.claim { (claim_loc(at)) }
                }
                (Some(actual), Kind::Stitched) => {
                    blockquote { (shown(actual)) }
                    @if let Some(at) = &f.claim { (claim_loc(at)) }
                }
                // The quote stands beside its passage above; what matters
                // here is the credit.
                (_, _) if attribution => {}
                (Some(actual), kind) if !is_figure(kind) || f.source.is_some() => {
                    (sides(report, actual, f.claim.as_ref(), f.source.as_ref(), compares_words(kind)))
                }
                _ => {}
            }
            @if let Some(figure) = &f.figure { (figure_read(figure)) }
            @if let Some(source) = f.source.as_ref().filter(|_| is_figure(f.kind)) {
                (context(source))
            }
            @if !related.is_empty() {
                p.muted { (related_title) }
                ol.related {
                    @for r in &related {
                        li {
                            blockquote { (shown(&r.text)) }
                            (source_loc(report, r))
                        }
                    }
                }
            }
            @if let Some(help) = &f.help { p.help { (shown(help)) } }
        }
    }
}

fn figure_read(figure: &FigureRead) -> Markup {
    html! {
        p.figure {
            "The source's figure: " strong { (shown(&figure.text)) }
            " (read as " (interval_words(figure.low, figure.high)) ")"
            " for " (shown(&figure.counts))
        }
    }
}

pub(super) fn unclaimed(report: &Report) -> Markup {
    html! {
        @if !report.unclaimed.is_empty() {
            section #unclaimed {
                h2 { "Quotations no claim covers" }
                @for f in &report.unclaimed {
                    div.finding.(f.severity.name()) {
                        p {
                            span.sev.(f.severity.name()) { (f.severity.name()) } " "
                            span.kind { (f.kind.name()) } ": " (shown(&f.message))
                        }
                        @if let Some(at) = &f.source {
                            (context(at))
                            p.loc { (shown(&at.location())) }
                        }
                        @if let Some(help) = &f.help { p.help { (shown(help)) } }
                    }
                }
            }
        }
    }
}
