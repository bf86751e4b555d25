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
    /// The source's figure as the verdict read it, for a finding about a
    /// figure.
    pub figure: Option<FigureRead>,
}

/// A figure as the verdict read it: its words, the interval of values they
/// allow ("about 400,000": 350,000 to 450,000) and what it counts.
#[derive(Debug, Clone, PartialEq)]
pub struct FigureRead {
    pub text: String,
    pub low: f64,
    pub high: f64,
    /// What it counts, over which period ("“fatal overdoses” over 10 years").
    pub counts: String,
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
            figure: None,
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
    /// Each quote of the claim with the passage that holds it, when one
    /// was found: for reports that set the two side by side, also when the
    /// quote passes.
    pub quotes: Vec<QuoteShown>,
}

/// A claim's quote and where its source has it.
#[derive(Debug, Clone)]
pub struct QuoteShown {
    pub text: String,
    pub claim: Span,
    pub source: Option<SourceSpan>,
}
