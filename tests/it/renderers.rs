//! Every renderer on one report built in memory: the renderers only
//! format, so the same report gives the same decisions in every format.

use std::sync::Arc;
use verbatim::model::{
    ClaimResult, Excerpt, FigureRead, Finding, InputError, Kind, QuoteShown, Report, Severity,
    SourceSpan, SourceTitle, Span, Status,
};
use verbatim::report::{github, html, human, json, junit, sarif};

const CLAIMS: &str = "sources:\n  s: ../sources/s.txt\nclaims:\n  - id: troops\n    source: s\n    quote: we will never send troops\n  - id: count\n    source: s\n    figures: [about 1,200 arrests]\n";

fn span(line: u32, column: u32, offset: usize, length: usize) -> Span {
    Span {
        file: "claims/c.yaml".into(),
        line,
        column,
        offset,
        length,
    }
}

fn source_span(text: &str, line: u32, column: u32, offset: usize) -> SourceSpan {
    SourceSpan {
        key: "s".into(),
        path: "sources/s.txt".into(),
        line,
        column,
        offset,
        length: text.len(),
        text: text.into(),
        excerpt: Some(Excerpt {
            text: format!("“{text},” the minister said."),
            offset: offset - 3,
            line: line as usize - 1,
            column: column as usize - 2,
        }),
        section: None,
    }
}

fn report() -> Report {
    let quote_at = CLAIMS.find("we will never").unwrap();
    let figure_at = CLAIMS.find("about 1,200").unwrap();
    let mut misquote = Finding::new(
        Kind::Misquote,
        "quote changes “not” to “never” (the quote changes a negation)",
    );
    misquote.claim = Some(span(6, 12, quote_at, 25));
    misquote.source = Some(source_span("we will not send troops", 3, 2, 41));
    misquote.actual = Some("we will never send troops".into());
    misquote.help = Some("quote the source exactly: “we will not send troops”".into());
    let mut typography = Finding::new(Kind::Typography, "matches once quotation marks are folded");
    typography.claim = misquote.claim.clone();
    typography.severity = Severity::Note;
    let mut hedge = Finding::new(
        Kind::Hedge,
        "the source says “1,200 arrests”; the claim says “about 1,200 arrests”",
    );
    hedge.claim = Some(span(9, 15, figure_at, 19));
    hedge.source = Some(source_span("1,200 arrests", 4, 22, 120));
    hedge.accepted = Some("the ministry rounds".into());
    hedge.figure = Some(FigureRead {
        text: "1,200 arrests".into(),
        low: 1200.0,
        high: 1200.0,
        counts: "“arrests”".into(),
    });
    hedge.severity = Severity::Note;
    let mut unclaimed = Finding::new(
        Kind::UnclaimedQuote,
        "no claim covers the quotation “We are ready for every outcome”",
    );
    unclaimed.source = Some(SourceSpan {
        key: String::new(),
        path: "drafts/d.md".into(),
        line: 7,
        column: 4,
        offset: 200,
        length: 29,
        text: "We are ready for every outcome".into(),
        excerpt: None,
        section: None,
    });
    unclaimed.help = Some("add a claim with this quote and its source".into());
    Report {
        errors: Vec::new(),
        claims: vec![
            ClaimResult {
                id: "troops".into(),
                file: "claims/c.yaml".into(),
                line: 4,
                column: 5,
                status: Status::Fail,
                quotes: vec![QuoteShown {
                    text: "we will never send troops".into(),
                    claim: span(6, 12, quote_at, 25),
                    source: misquote.source.clone(),
                }],
                findings: vec![typography, misquote],
            },
            ClaimResult {
                id: "count".into(),
                file: "claims/c.yaml".into(),
                line: 7,
                column: 5,
                status: Status::Pass,
                findings: vec![hedge],
                quotes: Vec::new(),
            },
        ],
        unclaimed: vec![unclaimed],
        files: vec![("claims/c.yaml".into(), Arc::new(CLAIMS.to_string()))],
        titles: vec![SourceTitle {
            key: "s".into(),
            path: "sources/s.txt".into(),
            title: Some("The minister's statement".into()),
            url: Some("https://example.com/statement".into()),
        }],
    }
}

fn invalid() -> Report {
    let text = "sources:\n  s: s.txt\nclaims:\n  - qoute: x\n";
    let error = InputError::new(
        Span {
            file: "claims/bad.yaml".into(),
            line: 4,
            column: 5,
            offset: text.find("qoute").unwrap(),
            length: 5,
        },
        "unknown key `qoute` in claim",
    )
    .with_help("did you mean `quote`?");
    Report::invalid(
        vec![error],
        vec![("claims/bad.yaml".into(), Arc::new(text.to_string()))],
    )
}

const STYLE: human::Style = human::Style {
    color: false,
    width: 100,
    notes: human::Notes::Brief,
};

#[test]
fn human() {
    insta::assert_snapshot!("memory_human", human::render(&report(), STYLE));
    // --verbose: notes with their snippets; --quiet: no notes at all.
    let verbose = human::Style {
        notes: human::Notes::Full,
        ..STYLE
    };
    insta::assert_snapshot!("memory_human_verbose", human::render(&report(), verbose));
    let quiet = human::render(
        &report(),
        human::Style {
            notes: human::Notes::Hidden,
            ..STYLE
        },
    );
    assert!(
        !quiet.contains("typography") && !quiet.contains("hedge"),
        "{quiet}"
    );
    assert!(quiet.contains("misquote"), "{quiet}");
    insta::assert_snapshot!(
        "memory_human_invalid",
        human::render_errors(&invalid().errors, &invalid().files, STYLE)
    );
}

#[test]
fn json() {
    insta::assert_snapshot!("memory_json", json::render(&report()));
    insta::assert_snapshot!("memory_json_invalid", json::render(&invalid()));
}

#[test]
fn sarif() {
    let text = sarif::render(&report());
    // The rules are the kinds table; the results are what this test is about.
    let doc: serde_json::Value = serde_json::from_str(&text).unwrap();
    let results = serde_json::to_string_pretty(&doc["runs"][0]["results"]).unwrap();
    insta::assert_snapshot!("memory_sarif_results", results);
}

#[test]
fn github() {
    insta::assert_snapshot!("memory_github", github::render(&report()));
    insta::assert_snapshot!("memory_github_summary", github::step_summary(&report()));
}

#[test]
fn junit() {
    insta::assert_snapshot!("memory_junit", junit::render(&report()));
}

/// The page without its style, script and their hashes (checked in the
/// browser test),
/// one tag per line so that a change reads as a diff.
fn html_body(page: &str) -> String {
    let strip = |text: &str, open: &str, close: &str| -> String {
        let (Some(a), Some(b)) = (text.find(open), text.find(close)) else {
            return text.to_string();
        };
        format!("{}{}…{}", &text[..a], open, &text[b..])
    };
    let page = strip(page, "<style>", "</style>");
    let page = strip(&page, "<script>", "</script>");
    // The policy's hashes follow the style and script: left out likewise.
    let page = page
        .split("'sha256-")
        .enumerate()
        .map(|(i, part)| match (i, part.find('\'')) {
            (0, _) | (_, None) => part.to_string(),
            (_, Some(end)) => format!("'sha256-…{}", &part[end..]),
        })
        .collect::<String>();
    page.replace("><", ">\n<")
}

#[test]
fn html() {
    let page = html::render(&report());
    insta::assert_snapshot!("memory_html", html_body(&page));
    insta::assert_snapshot!("memory_html_invalid", html_body(&html::render(&invalid())));
    // The changed words are marked on both sides.
    assert!(page.contains(r#"<mark class="changed" title="changed">never</mark>"#));
    assert!(page.contains(r#"<mark class="changed" title="changed">not</mark>"#));
}

/// Claim ids, quotes, messages and file names are shown as text: nothing
/// in them becomes markup or script in the page.
#[test]
fn html_shows_hostile_text_as_text() {
    let mut report = report();
    let hostile_id = "<script>alert(1)</script>";
    let hostile_quote = r#""><img src=x onerror=alert(1)>"#;
    report.claims[0].id = hostile_id.into();
    report.claims[0].file = "claims/<b>x</b>.yaml".into();
    report.claims[0].quotes[0].text = hostile_quote.into();
    report.claims[0].findings[1].actual = Some(hostile_quote.into());
    report.claims[0].findings[1].message = "</style><script>x()</script>".into();
    report.titles[0].url = Some("javascript:alert(1)".into());
    let page = html::render(&report);
    assert_eq!(
        page.matches("<script").count(),
        1,
        "only the report's own script"
    );
    assert!(!page.contains("<img"), "no image element");
    assert!(!page.contains("<b>x"));
    assert!(!page.contains("href=\"javascript:"));
    assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(page.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"));
    assert!(page.contains("id=\"&lt;script&gt;alert(1)&lt;/script&gt;\""));
}
