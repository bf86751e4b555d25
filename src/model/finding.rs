//! Findings: what the checker concluded about a claim, independent of how
//! it is rendered.

use super::kind::Kind;
use super::severity::Severity;
use super::span::{SourceSpan, Span};

#[derive(Debug, Clone)]
pub struct Finding {
    pub kind: Kind,
    /// The kind's default until the policy stage applies the configuration
    /// and the claim's `accept` entries.
    pub severity: Severity,
    pub message: String,
    pub help: Option<String>,
    /// Where the finding points in the claims file (or, for a quotation no
    /// claim covers, in the draft).
    pub claim: Option<Span>,
    pub source: Option<SourceSpan>,
    pub actual: Option<String>,
    pub related: Vec<SourceSpan>,
    /// Set when an `accept` entry turned this finding into a note.
    pub accepted: Option<String>,
}

impl Finding {
    pub fn new(kind: Kind, message: impl Into<String>) -> Finding {
        Finding {
            kind,
            severity: kind.default_severity(),
            message: message.into(),
            help: None,
            claim: None,
            source: None,
            actual: None,
            related: Vec::new(),
            accepted: None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Pass,
    Warn,
    Fail,
}

impl Status {
    pub fn name(self) -> &'static str {
        match self {
            Status::Pass => "pass",
            Status::Warn => "warn",
            Status::Fail => "fail",
        }
    }

    pub fn of(findings: &[Finding]) -> Status {
        let worst = findings.iter().map(|f| f.severity).max();
        match worst {
            Some(Severity::Error) => Status::Fail,
            Some(Severity::Warning) => Status::Warn,
            _ => Status::Pass,
        }
    }
}

/// The verdicts for one claim.
#[derive(Debug, Clone)]
pub struct ClaimResult {
    pub id: String,
    pub file: String,
    pub line: u32,
    pub column: u32,
    pub status: Status,
    pub findings: Vec<Finding>,
}
