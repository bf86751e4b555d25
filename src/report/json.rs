//! The JSON report, exactly as the contract's section 6 lays it out.

use crate::model::{Finding, Report, SectionKind, SourceSpan, Span, Status};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Serialize)]
struct Document<'a> {
    schema: u32,
    tool: Tool,
    summary: Summary,
    errors: Vec<ErrorEntry<'a>>,
    claims: Vec<ClaimEntry<'a>>,
    unclaimed: Vec<UnclaimedEntry<'a>>,
}

#[derive(Serialize)]
struct Tool {
    name: &'static str,
    version: &'static str,
}

#[derive(Serialize)]
struct Summary {
    claims: usize,
    pass: usize,
    warn: usize,
    fail: usize,
    unclaimed: usize,
    kinds: BTreeMap<&'static str, usize>,
}

#[derive(Serialize)]
struct ErrorEntry<'a> {
    file: &'a str,
    line: u32,
    column: u32,
    message: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    help: Option<&'a str>,
}

#[derive(Serialize)]
struct ClaimEntry<'a> {
    id: &'a str,
    file: &'a str,
    line: u32,
    column: u32,
    status: &'static str,
    findings: Vec<FindingEntry<'a>>,
}

#[derive(Serialize)]
struct FindingEntry<'a> {
    kind: &'static str,
    severity: &'static str,
    message: &'a str,
    claim: Option<ClaimLoc<'a>>,
    source: Option<SourceLoc<'a>>,
    expected: Option<&'a str>,
    actual: Option<&'a str>,
    related: Vec<RelatedLoc<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    help: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    accepted: Option<&'a str>,
}

#[derive(Serialize)]
struct ClaimLoc<'a> {
    file: &'a str,
    line: u32,
    column: u32,
    offset: usize,
    length: usize,
}

#[derive(Serialize)]
struct SourceLoc<'a> {
    key: &'a str,
    path: &'a str,
    line: u32,
    column: u32,
    offset: usize,
    length: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    page: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    paragraph: Option<u32>,
}

#[derive(Serialize)]
struct RelatedLoc<'a> {
    key: &'a str,
    path: &'a str,
    line: u32,
    column: u32,
    offset: usize,
    length: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    page: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    paragraph: Option<u32>,
    text: &'a str,
}

#[derive(Serialize)]
struct UnclaimedEntry<'a> {
    file: &'a str,
    line: u32,
    column: u32,
    offset: usize,
    length: usize,
    text: &'a str,
}

fn claim_loc(span: &Span) -> ClaimLoc<'_> {
    ClaimLoc {
        file: &span.file,
        line: span.line,
        column: span.column,
        offset: span.offset,
        length: span.length,
    }
}

/// The page (or paragraph) of a place in a PDF (or Word document).
fn section_number(span: &SourceSpan, kind: SectionKind) -> Option<u32> {
    span.section.filter(|s| s.kind == kind).map(|s| s.number)
}

fn source_loc(span: &SourceSpan) -> SourceLoc<'_> {
    SourceLoc {
        key: &span.key,
        path: &span.path,
        line: span.line,
        column: span.column,
        offset: span.offset,
        length: span.length,
        page: section_number(span, SectionKind::Page),
        paragraph: section_number(span, SectionKind::Paragraph),
    }
}

fn finding_entry(f: &Finding) -> FindingEntry<'_> {
    FindingEntry {
        kind: f.kind.name(),
        severity: f.severity.name(),
        message: &f.message,
        claim: f.claim.as_ref().map(claim_loc),
        source: f.source.as_ref().map(source_loc),
        expected: f.source.as_ref().map(|s| s.text.as_str()),
        actual: f.actual.as_deref(),
        related: f
            .related
            .iter()
            .map(|r| RelatedLoc {
                key: &r.key,
                path: &r.path,
                line: r.line,
                column: r.column,
                offset: r.offset,
                length: r.length,
                page: section_number(r, SectionKind::Page),
                paragraph: section_number(r, SectionKind::Paragraph),
                text: &r.text,
            })
            .collect(),
        help: f.help.as_deref(),
        accepted: f.accepted.as_deref(),
    }
}

/// Summary counts by kind, notes included.
pub fn kind_counts(report: &Report) -> BTreeMap<&'static str, usize> {
    let mut kinds = BTreeMap::new();
    for claim in &report.claims {
        for f in &claim.findings {
            *kinds.entry(f.kind.name()).or_insert(0) += 1;
        }
    }
    for f in &report.unclaimed {
        *kinds.entry(f.kind.name()).or_insert(0) += 1;
    }
    kinds
}

pub fn render(report: &Report) -> String {
    let claims: Vec<ClaimEntry> = report
        .claims
        .iter()
        .map(|c| ClaimEntry {
            id: &c.id,
            file: &c.file,
            line: c.line,
            column: c.column,
            status: c.status.name(),
            findings: c.findings.iter().map(finding_entry).collect(),
        })
        .collect();
    let document = Document {
        schema: 1,
        tool: Tool {
            name: "verbatim",
            version: env!("CARGO_PKG_VERSION"),
        },
        summary: Summary {
            claims: report.claims.len(),
            pass: report.count(Status::Pass),
            warn: report.count(Status::Warn),
            fail: report.count(Status::Fail),
            unclaimed: report.unclaimed.len(),
            kinds: kind_counts(report),
        },
        errors: report
            .errors
            .iter()
            .map(|e| ErrorEntry {
                file: &e.at.file,
                line: e.at.line,
                column: e.at.column,
                message: &e.message,
                help: e.help.as_deref(),
            })
            .collect(),
        claims: Vec::new(),
        unclaimed: report
            .unclaimed
            .iter()
            .filter_map(|u| u.source.as_ref())
            .map(|u| UnclaimedEntry {
                file: &u.path,
                line: u.line,
                column: u.column,
                offset: u.offset,
                length: u.length,
                text: &u.text,
            })
            .collect(),
    };
    let mut text = pretty(&document)
        .and_then(|outline| with_claims(outline, &claims))
        .unwrap_or_else(|e| {
            format!(
                "{{\"schema\": 1, \"errors\": [{{\"message\": \"cannot render the report: {e}\"}}]}}"
            )
        });
    text.push('\n');
    text
}

fn pretty(value: &impl Serialize) -> Result<String, serde_json::Error> {
    serde_json::to_string_pretty(value)
}

/// Where the outline, rendered with no claims, holds the claims list (at
/// the top level, two spaces in: no string can hold it, a string's quotes
/// being escaped).
const EMPTY_CLAIMS: &str = "\n  \"claims\": []";

/// The outline with the claims in place of its empty list, as one pretty
/// rendering of the whole would lay them out: each claim rendered alone (in
/// parallel: 200,000 claims are 160 MB of JSON, a second on one core) and
/// indented four spaces, line by line (a JSON string holds no line break).
fn with_claims(outline: String, claims: &[ClaimEntry]) -> Result<String, serde_json::Error> {
    if claims.is_empty() {
        return Ok(outline);
    }
    let Some(at) = outline.find(EMPTY_CLAIMS) else {
        return Err(serde::ser::Error::custom("no place for the claims"));
    };
    let chunks: Vec<String> = claims
        .par_chunks(CLAIMS_PER_TASK)
        .map(|chunk| {
            let mut out = String::new();
            for claim in chunk {
                if !out.is_empty() {
                    out.push_str(",\n");
                }
                for (i, line) in pretty(claim)?.split('\n').enumerate() {
                    if i > 0 {
                        out.push('\n');
                    }
                    out.push_str("    ");
                    out.push_str(line);
                }
            }
            Ok(out)
        })
        .collect::<Result<_, serde_json::Error>>()?;
    let list_at = at + EMPTY_CLAIMS.len() - 1; // the closing bracket
    let size = outline.len() + chunks.iter().map(|c| c.len() + 2).sum::<usize>() + 4;
    let mut text = String::with_capacity(size);
    text.push_str(&outline[..list_at]);
    text.push('\n');
    // Each task's text is freed once copied: the report is held about
    // once, not as its parts, their join and the whole.
    for (i, chunk) in chunks.into_iter().enumerate() {
        if i > 0 {
            text.push_str(",\n");
        }
        text.push_str(&chunk);
    }
    text.push_str("\n  ");
    text.push_str(&outline[list_at..]);
    Ok(text)
}

/// Claims rendered per parallel task.
const CLAIMS_PER_TASK: usize = 512;

#[cfg(test)]
mod tests {
    use super::*;

    fn claims<'a>(ids: &'a [String]) -> Vec<ClaimEntry<'a>> {
        ids.iter()
            .enumerate()
            .map(|(i, id)| ClaimEntry {
                id,
                file: "claims/a.yaml",
                line: i as u32 + 1,
                column: 3,
                status: if i % 3 == 0 { "fail" } else { "pass" },
                findings: (0..i % 3)
                    .map(|_| FindingEntry {
                        kind: "typo",
                        severity: "warning",
                        message: "quote changes \"a\" to \"b\"",
                        claim: Some(ClaimLoc {
                            file: "claims/a.yaml",
                            line: 2,
                            column: 5,
                            offset: 10,
                            length: 4,
                        }),
                        source: None,
                        expected: None,
                        actual: Some("line one\nline two"),
                        related: Vec::new(),
                        help: None,
                        accepted: None,
                    })
                    .collect(),
            })
            .collect()
    }

    fn outline<'a>(count: usize, claims: Vec<ClaimEntry<'a>>) -> Document<'a> {
        Document {
            schema: 1,
            tool: Tool {
                name: "verbatim",
                version: "0",
            },
            summary: Summary {
                claims: count,
                pass: 0,
                warn: 0,
                fail: 0,
                unclaimed: 0,
                kinds: BTreeMap::new(),
            },
            errors: Vec::new(),
            claims,
            unclaimed: vec![UnclaimedEntry {
                file: "draft.md",
                line: 1,
                column: 1,
                offset: 0,
                length: 2,
                text: "\"claims\": []",
            }],
        }
    }

    #[test]
    fn claims_rendered_in_parallel_read_as_one_rendering_of_the_whole() {
        // Several tasks' worth, none, and one.
        for n in [CLAIMS_PER_TASK * 2 + 7, 0, 1] {
            let ids: Vec<String> = (0..n).map(|i| format!("c{i}")).collect();
            let whole = pretty(&outline(n, claims(&ids))).unwrap();
            let empty = pretty(&outline(n, Vec::new())).unwrap();
            let parts = with_claims(empty, &claims(&ids)).unwrap();
            let differ = parts.bytes().zip(whole.bytes()).position(|(a, b)| a != b);
            assert!(parts == whole, "{n} claims: first difference at {differ:?}");
        }
    }
}
