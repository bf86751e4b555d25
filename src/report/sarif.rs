//! SARIF 2.1.0 for code scanning: a rule per finding kind, results located
//! in the claims file, the source passage and related places as related
//! locations, columns in Unicode code points, stable fingerprints.
//!
//! Written with serde structs: serde-sarif 0.8.0, the usual crate, does not
//! compile on this toolchain (751 errors in its generated code). A test
//! validates the output against the official schema.

use crate::model::span::end_of;
use crate::model::{Finding, InputError, Kind, Report, Severity, SourceSpan, Span};
use crate::report::safe::uri_path;
use serde::Serialize;
use std::collections::HashMap;
use std::sync::Arc;

#[derive(Serialize)]
struct Log {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: Vec<Run>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run {
    tool: Tool,
    column_kind: &'static str,
    results: Vec<SarifResult>,
    invocations: Vec<Invocation>,
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    version: &'static str,
    rules: Vec<Rule>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Rule {
    id: &'static str,
    name: String,
    short_description: Text,
    full_description: Text,
    help: Text,
    default_configuration: Configuration,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
struct Text {
    text: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult {
    rule_id: &'static str,
    rule_index: usize,
    level: &'static str,
    message: Text,
    locations: Vec<Location>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<Location>,
    partial_fingerprints: HashMap<&'static str, String>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<usize>,
    physical_location: PhysicalLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<Text>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    region: Region,
}

#[derive(Serialize)]
struct ArtifactLocation {
    uri: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: u32,
    start_column: u32,
    end_line: u32,
    end_column: u32,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Invocation {
    execution_successful: bool,
    tool_execution_notifications: Vec<Notification>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Notification {
    level: &'static str,
    message: Text,
    locations: Vec<Location>,
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Note => "note",
        Severity::Warning => "warning",
        Severity::Error => "error",
    }
}

fn camel(kind: Kind) -> String {
    kind.name()
        .split('-')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect::<String>())
                .unwrap_or_default()
        })
        .collect()
}

fn claim_location(span: &Span, files: &HashMap<&str, Arc<String>>) -> Location {
    let text = files
        .get(span.file.as_str())
        .and_then(|t| t.get(span.offset..span.offset + span.length))
        .unwrap_or("");
    let (end_line, end_column) = end_of(span.line, span.column, text);
    Location {
        id: None,
        physical_location: PhysicalLocation {
            artifact_location: ArtifactLocation {
                uri: uri_path(&span.file),
            },
            region: Region {
                start_line: span.line,
                start_column: span.column,
                end_line,
                // An empty one-line span still covers a column; a span
                // over several lines ends where its last line ends.
                end_column: if end_line == span.line {
                    end_column.max(span.column + 1)
                } else {
                    end_column
                },
            },
        },
        message: None,
    }
}

fn source_location(id: usize, span: &SourceSpan, what: &str) -> Location {
    let (end_line, end_column) = end_of(span.line, span.column, &span.text);
    Location {
        id: Some(id),
        physical_location: PhysicalLocation {
            artifact_location: ArtifactLocation {
                uri: uri_path(&span.path),
            },
            region: Region {
                start_line: span.line,
                start_column: span.column,
                end_line,
                // An empty one-line span still covers a column; a span
                // over several lines ends where its last line ends.
                end_column: if end_line == span.line {
                    end_column.max(span.column + 1)
                } else {
                    end_column
                },
            },
        },
        message: Some(Text {
            text: match span.section {
                Some(section) => format!(
                    "{what} (`{}`, {}): “{}”",
                    span.key,
                    section.name(),
                    span.text
                ),
                None => format!("{what} (`{}`): “{}”", span.key, span.text),
            },
        }),
    }
}

/// A fingerprint that survives unrelated edits: the kind, the claim and
/// what it quotes.
fn fingerprint(claim_id: &str, finding: &Finding) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in [
        finding.kind.name(),
        claim_id,
        finding.actual.as_deref().unwrap_or(""),
    ] {
        for b in part.bytes().chain(std::iter::once(0)) {
            h = (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3);
        }
    }
    format!("{h:016x}")
}

fn rules() -> Vec<Rule> {
    Kind::ALL
        .iter()
        .map(|&kind| {
            let explain = kind.explanation();
            Rule {
                id: kind.name(),
                name: camel(kind),
                short_description: Text {
                    text: kind.meaning().to_string(),
                },
                full_description: Text {
                    text: format!("{}: {}.", kind.name(), kind.meaning()),
                },
                help: Text { text: explain },
                default_configuration: Configuration {
                    level: level(kind.default_severity()),
                },
            }
        })
        .collect()
}

fn error_notification(e: &InputError) -> Notification {
    Notification {
        level: "error",
        message: Text {
            text: format!("{}:{}:{}: {}", e.at.file, e.at.line, e.at.column, e.message),
        },
        locations: vec![Location {
            id: None,
            physical_location: PhysicalLocation {
                artifact_location: ArtifactLocation {
                    uri: uri_path(&e.at.file),
                },
                region: Region {
                    start_line: e.at.line,
                    start_column: e.at.column,
                    end_line: e.at.line,
                    end_column: e.at.column + 1,
                },
            },
            message: None,
        }],
    }
}

pub fn render(report: &Report) -> String {
    let files: HashMap<&str, Arc<String>> = report
        .files
        .iter()
        .map(|(n, t)| (n.as_str(), t.clone()))
        .collect();
    let mut results = Vec::new();
    for claim in &report.claims {
        for f in &claim.findings {
            let Some(span) = &f.claim else {
                continue;
            };
            let mut related = Vec::new();
            if let Some(s) = &f.source {
                related.push(source_location(related.len() + 1, s, "the source"));
            }
            for r in &f.related {
                if f.source.as_ref() != Some(r) {
                    related.push(source_location(related.len() + 1, r, "related"));
                }
            }
            let mut message = format!("{}: {}", claim.id, f.message);
            if let Some(help) = &f.help {
                message.push_str(&format!(" — {help}"));
            }
            results.push(SarifResult {
                rule_id: f.kind.name(),
                rule_index: Kind::ALL.iter().position(|k| *k == f.kind).unwrap_or(0),
                level: level(f.severity),
                message: Text { text: message },
                locations: vec![claim_location(span, &files)],
                related_locations: related,
                partial_fingerprints: HashMap::from([(
                    "verbatimFinding/v1",
                    fingerprint(&claim.id, f),
                )]),
            });
        }
    }
    for u in &report.unclaimed {
        let Some(span) = &u.source else {
            continue;
        };
        let mut location = source_location(0, span, "unclaimed");
        location.id = None;
        location.message = None;
        results.push(SarifResult {
            rule_id: u.kind.name(),
            rule_index: Kind::ALL.iter().position(|k| *k == u.kind).unwrap_or(0),
            level: level(u.severity),
            message: Text {
                text: u.message.clone(),
            },
            locations: vec![location],
            related_locations: Vec::new(),
            partial_fingerprints: HashMap::from([(
                "verbatimFinding/v1",
                format!("unclaimed:{}:{}", span.path, span.offset),
            )]),
        });
    }
    let log = Log {
        schema: "https://json.schemastore.org/sarif-2.1.0.json",
        version: "2.1.0",
        runs: vec![Run {
            tool: Tool {
                driver: Driver {
                    name: "verbatim",
                    version: env!("CARGO_PKG_VERSION"),
                    rules: rules(),
                },
            },
            column_kind: "unicodeCodePoints",
            results,
            invocations: vec![Invocation {
                execution_successful: report.errors.is_empty(),
                tool_execution_notifications: report
                    .errors
                    .iter()
                    .map(error_notification)
                    .collect(),
            }],
        }],
    };
    let mut text = serde_json::to_string_pretty(&log).unwrap_or_default();
    text.push('\n');
    text
}
