//! `--format html`: one self-contained page to hand to an editor or a
//! supervising lawyer. No network: the style and script are inline and
//! allowed by their hashes in a strict Content-Security-Policy; every piece
//! of claim, source or file-name text goes through maud's escaping (after
//! [`super::safe::same_length`], so no control or bidirectional character
//! reorders what a reader sees).

mod claim;
mod passage;

use super::json::kind_counts;
use crate::model::{Report, Status};
use base64::Engine;
use maud::{html, Markup, PreEscaped, DOCTYPE};
use sha2::{Digest, Sha256};
use std::collections::BTreeSet;

const STYLE: &str = include_str!("report.css");
const SCRIPT: &str = include_str!("report.js");

/// A CSP source for an inline element's exact text.
fn hash_of(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

/// Untrusted text, made safe to show (maud escapes it when inserted).
fn shown(text: &str) -> String {
    super::safe::same_length(text).into_owned()
}

pub fn render(report: &Report) -> String {
    let policy = format!(
        "default-src 'none'; style-src {}; script-src {}; img-src 'none'; \
         base-uri 'none'; form-action 'none'",
        hash_of(STYLE),
        hash_of(SCRIPT)
    );
    let (pass, warn, fail) = (
        report.count(Status::Pass),
        report.count(Status::Warn),
        report.count(Status::Fail),
    );
    let title = if report.errors.is_empty() {
        format!(
            "verbatim: {}, {fail} failing, {warn} with warnings",
            count(report.claims.len(), "claim")
        )
    } else {
        format!("verbatim: {}", count(report.errors.len(), "input error"))
    };
    let ids = claim::anchors(report);
    let page = html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta http-equiv="Content-Security-Policy" content=(policy);
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="color-scheme" content="light dark";
                title { (title) }
                style { (PreEscaped(STYLE)) }
            }
            body {
                header {
                    h1 { "verbatim report" }
                    p.muted {
                        "verbatim " (env!("CARGO_PKG_VERSION"))
                        @for (file, _) in &report.files { " · " span.loc { (shown(file)) } }
                    }
                }
                (summary(report, pass, warn, fail))
                (errors(report))
                @if !report.claims.is_empty() {
                    (controls(report))
                    main #claims {
                        @for (claim, id) in report.claims.iter().zip(&ids) {
                            (claim::article(report, claim, id))
                        }
                    }
                }
                (claim::unclaimed(report))
                footer.muted {
                    "Made by verbatim, which checks quotes and figures against their sources. "
                    "Passages are shown as the sources read, markup removed."
                }
                script { (PreEscaped(SCRIPT)) }
            }
        }
    };
    let mut text = page.into_string();
    text.push('\n');
    text
}

/// "1 claim", "2 claims".
fn count(n: usize, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else {
        format!("{n} {what}s")
    }
}

fn summary(report: &Report, pass: usize, warn: usize, fail: usize) -> Markup {
    let total = report.claims.len().max(1) as f64;
    // A count as a share of the bar's 1,000 units: a width, or where the
    // next part starts.
    let share = |n: usize| format!("{:.2}", 1000.0 * n as f64 / total);
    let kinds = kind_counts(report);
    html! {
        section #summary aria-label="Summary" {
            p.counts {
                span { (count(report.claims.len(), "claim")) }
                span { (pass) " pass" }
                span { (warn) " warn" }
                span { (fail) " fail" }
                @if !report.unclaimed.is_empty() {
                    span { (count(report.unclaimed.len(), "unclaimed quotation")) }
                }
            }
            @if !report.claims.is_empty() {
                svg.bar viewBox="0 0 1000 10" preserveAspectRatio="none" role="img"
                    aria-label=(format!("{pass} pass, {warn} warn, {fail} fail")) {
                    rect.pass x="0" y="0" height="10" width=(share(pass)) {}
                    rect.warn x=(share(pass)) y="0" height="10" width=(share(warn)) {}
                    rect.fail x=(share(pass + warn)) y="0" height="10" width=(share(fail)) {}
                }
            }
            @if !kinds.is_empty() {
                table.kinds {
                    caption.muted { "Findings by kind" }
                    @for (kind, n) in &kinds {
                        tr { td.kind { (kind) } td { (n) } }
                    }
                }
            }
        }
    }
}

fn errors(report: &Report) -> Markup {
    html! {
        @if !report.errors.is_empty() {
            section #errors.errors {
                h2 { "Input errors: nothing was checked" }
                ol {
                    @for e in &report.errors {
                        li {
                            span.loc { (shown(&format!("{}:{}:{}", e.at.file, e.at.line, e.at.column))) }
                            " " (shown(&e.message))
                            @if let Some(help) = &e.help { p.help { (shown(help)) } }
                        }
                    }
                }
            }
        }
    }
}

fn controls(report: &Report) -> Markup {
    let kinds: BTreeSet<&str> = report
        .claims
        .iter()
        .flat_map(|c| c.findings.iter().map(|f| f.kind.name()))
        .collect();
    html! {
        nav #controls.controls aria-label="Filter claims" hidden {
            fieldset {
                legend.muted { "Status" }
                @for status in ["pass", "warn", "fail"] {
                    label { input type="checkbox" name="status" value=(status) checked; " " (status) }
                }
            }
            label { "Kind " select #kind {
                option value="" { "all kinds" }
                @for kind in &kinds { option value=(kind) { (kind) } }
            } }
            label { "Search " input #query type="search" placeholder="id or text"; }
            label { input #collapse type="checkbox" checked; " fold passing claims" }
            span #shown.muted aria-live="polite" {}
        }
    }
}
