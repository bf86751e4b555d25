//! A report's findings as an editor marks them: one per finding, on the
//! quote, figure or speaker in the claims file (or on the quotation in the
//! draft), with the source passages as related places.

use crate::model::{Finding, Report, Severity, SourceSpan};

/// One mark in one file: a byte range of its text.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    /// The file's display path, relative to the project root.
    pub file: String,
    pub offset: usize,
    pub length: usize,
    pub severity: Severity,
    /// The finding's kind (`misquote`), or `invalid-input`.
    pub code: &'static str,
    pub message: String,
    /// The source passages the finding points to.
    pub related: Vec<SourceSpan>,
}

/// Every finding and input error of `report`, each where it points.
pub fn diagnostics(report: &Report) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for e in &report.errors {
        let message = match &e.help {
            Some(help) => format!("{}\nhelp: {help}", e.message),
            None => e.message.clone(),
        };
        out.push(Diagnostic {
            file: e.at.file.clone(),
            offset: e.at.offset,
            length: e.at.length,
            severity: Severity::Error,
            code: "invalid-input",
            message,
            related: Vec::new(),
        });
    }
    for claim in &report.claims {
        for f in &claim.findings {
            // A finding about the claim as a whole (a source it cannot
            // read) marks the claim's first line.
            let (file, offset, length) = match &f.claim {
                Some(at) => (at.file.clone(), at.offset, at.length),
                None => (claim.file.clone(), line_start(report, claim), 0),
            };
            out.push(diagnostic(f, file, offset, length));
        }
    }
    for f in &report.unclaimed {
        if let Some(at) = &f.source {
            out.push(diagnostic(f, at.path.clone(), at.offset, at.length));
        }
    }
    out
}

fn diagnostic(f: &Finding, file: String, offset: usize, length: usize) -> Diagnostic {
    let mut message = f.message.clone();
    if let Some(help) = &f.help {
        message.push_str(&format!("\nhelp: {help}"));
    }
    let mut related: Vec<SourceSpan> = f.source.iter().cloned().collect();
    related.extend(
        f.related
            .iter()
            .filter(|r| Some(*r) != f.source.as_ref())
            .cloned(),
    );
    // An unclaimed quotation's own place is the mark, not a related one.
    if f.claim.is_none() {
        related.clear();
    }
    Diagnostic {
        file,
        offset,
        length,
        severity: f.severity,
        code: f.kind.name(),
        message,
        related,
    }
}

/// The byte offset where a claim's line starts in its claims file.
fn line_start(report: &Report, claim: &crate::model::ClaimResult) -> usize {
    let Some((_, text)) = report.files.iter().find(|(name, _)| *name == claim.file) else {
        return 0;
    };
    let index = crate::model::LineIndex::new(text);
    index.offset_of(text, claim.line, claim.column)
}
