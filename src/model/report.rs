//! The outcome of a run, ready for any renderer: every decision is made
//! before a report exists, so renderers only format.

use super::finding::{ClaimResult, Finding, Status};
use super::severity::Severity;
use super::span::Span;
use std::sync::Arc;

/// An invalid-input problem: a claims file (or configuration) that cannot be
/// checked. Always reported all together, with exit code 2.
#[derive(Debug, Clone)]
pub struct InputError {
    pub at: Span,
    pub message: String,
    pub help: Option<String>,
}

impl InputError {
    pub fn new(at: Span, message: impl Into<String>) -> InputError {
        InputError {
            at,
            message: message.into(),
            help: None,
        }
    }

    pub fn with_help(mut self, help: impl Into<String>) -> InputError {
        self.help = Some(help.into());
        self
    }
}

#[derive(Debug, Clone, Default)]
pub struct Report {
    pub errors: Vec<InputError>,
    pub claims: Vec<ClaimResult>,
    /// Quotations of drafts that no claim covers: `unclaimed-quote`
    /// findings whose `source` is the quotation in its draft.
    pub unclaimed: Vec<Finding>,
    /// Texts of the claims files and the configuration, by display path,
    /// so that renderers never read files. (Source snippets travel with
    /// their spans: see [`super::span::Excerpt`].)
    pub files: Vec<(String, Arc<String>)>,
    /// Titles and addresses the claims files give their sources.
    pub titles: Vec<SourceTitle>,
}

/// What a claims file says a source is, beside its path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceTitle {
    pub key: String,
    pub path: String,
    pub title: Option<String>,
    pub url: Option<String>,
}

impl Report {
    /// The title and address given to the source `key` at `path`.
    pub fn title_of(&self, key: &str, path: &str) -> Option<&SourceTitle> {
        self.titles.iter().find(|t| t.key == key && t.path == path)
    }
}

impl Report {
    /// A report holding only input errors.
    pub fn invalid(errors: Vec<InputError>, files: Vec<(String, Arc<String>)>) -> Report {
        Report {
            errors,
            files,
            ..Report::default()
        }
    }

    pub fn count(&self, status: Status) -> usize {
        self.claims.iter().filter(|c| c.status == status).count()
    }

    fn worst_unclaimed(&self) -> Option<Severity> {
        self.unclaimed.iter().map(|f| f.severity).max()
    }

    pub fn has_errors(&self) -> bool {
        self.claims.iter().any(|c| c.status == Status::Fail)
            || self.worst_unclaimed() == Some(Severity::Error)
    }

    pub fn has_warnings(&self) -> bool {
        self.claims.iter().any(|c| c.status == Status::Warn)
            || self.worst_unclaimed() >= Some(Severity::Warning)
    }
}
