//! Findings: what the checker concluded, independent of how it is rendered.

use serde::Serialize;

macro_rules! kinds {
    ($($variant:ident = $name:literal, $severity:ident, $meaning:literal;)*) => {
        /// A finding kind, as named by the contract.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Kind { $($variant),* }

        impl Kind {
            pub const ALL: &'static [Kind] = &[$(Kind::$variant),*];

            pub fn name(self) -> &'static str {
                match self { $(Kind::$variant => $name),* }
            }

            pub fn default_severity(self) -> Severity {
                match self { $(Kind::$variant => Severity::$severity),* }
            }

            pub fn meaning(self) -> &'static str {
                match self { $(Kind::$variant => $meaning),* }
            }

            pub fn from_name(name: &str) -> Option<Kind> {
                match name { $($name => Some(Kind::$variant),)* _ => None }
            }
        }
    };
}

kinds! {
    Typography = "typography", Note, "matched only after folding quotes, dashes, case, diacritics or spacing";
    Omission = "omission", Note, "an ellipsis omits words; the pieces are in order in one paragraph";
    Insertion = "insertion", Note, "a bracketed insertion stands for source words";
    Typo = "typo", Warning, "differs from the source only by small in-word edits";
    Misquote = "misquote", Error, "words added, dropped or changed; the source's wording is given";
    Stitched = "stitched", Error, "pieces of separate quotations or paragraphs joined as one quote";
    NotFound = "not-found", Error, "nothing in the cited sources is close to the quote";
    WrongSource = "wrong-source", Error, "not in the cited source, but found in another declared source";
    Misattributed = "misattributed", Error, "the source credits the passage to someone other than `speaker`";
    Unattributed = "unattributed", Warning, "`speaker` is given, but the source credits no one near the passage";
    FigureMismatch = "figure-mismatch", Error, "the cited source gives a different value for the same thing";
    Hedge = "hedge", Warning, "same value, but the claim drops or hardens the source's qualifier";
    FigureNotFound = "figure-not-found", Error, "the cited source has no figure for that thing";
    FigureConflict = "figure-conflict", Warning, "another source of the file gives an incompatible figure for the same thing";
    SourceMissing = "source-missing", Error, "the source file does not exist";
    SourceUnreadable = "source-unreadable", Error, "the source cannot be read or decoded (a folder, a device, bad bytes)";
    SourceChanged = "source-changed", Error, "the source's SHA-256 differs from its `sha256` pin";
    NotInDraft = "not-in-draft", Warning, "the claim's quote does not occur in the `draft`";
    UnclaimedQuote = "unclaimed-quote", Warning, "a quotation in the `draft` that no claim covers";
    StaleAccept = "stale-accept", Warning, "an `accept` entry that matches no finding";
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Note,
    Warning,
    Error,
}

impl Severity {
    pub fn name(self) -> &'static str {
        match self {
            Severity::Note => "note",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// A span in the claims file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaimSpan {
    pub file: String,
    pub line: u32,
    pub column: u32,
    pub offset: usize,
    pub length: usize,
}

/// A resolved span in a source: byte range in the original file plus its
/// line and column, and the text found there (markup removed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceSpan {
    pub key: String,
    pub path: String,
    pub line: u32,
    pub column: u32,
    pub offset: usize,
    pub length: usize,
    pub text: String,
}

#[derive(Debug, Clone)]
pub struct Finding {
    pub kind: Kind,
    pub severity: Severity,
    pub message: String,
    pub help: Option<String>,
    pub claim: Option<ClaimSpan>,
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

/// A quotation of a draft that no claim covers.
#[derive(Debug, Clone)]
pub struct Unclaimed {
    pub file: String,
    pub line: u32,
    pub column: u32,
    pub offset: usize,
    pub length: usize,
    pub text: String,
}

impl Unclaimed {
    /// The quotation as a span in its draft (no source key).
    pub fn span(&self) -> SourceSpan {
        SourceSpan {
            key: String::new(),
            path: self.file.clone(),
            line: self.line,
            column: self.column,
            offset: self.offset,
            length: self.length,
            text: self.text.clone(),
        }
    }
}

/// An invalid-input problem: a claims file (or configuration) that cannot be
/// checked. Always reported all together, with exit code 2.
#[derive(Debug, Clone)]
pub struct InputError {
    pub file: String,
    pub line: u32,
    pub column: u32,
    pub offset: usize,
    pub length: usize,
    pub message: String,
    pub help: Option<String>,
}

/// The outcome of a run, ready for any renderer.
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub errors: Vec<InputError>,
    pub claims: Vec<ClaimResult>,
    pub unclaimed: Vec<Unclaimed>,
    /// Claims-file texts by display path, for renderers that show snippets.
    pub files: Vec<(String, std::sync::Arc<String>)>,
}

impl Report {
    pub fn count(&self, status: Status) -> usize {
        self.claims.iter().filter(|c| c.status == status).count()
    }

    pub fn has_errors(&self) -> bool {
        self.claims.iter().any(|c| c.status == Status::Fail)
    }

    pub fn has_warnings(&self) -> bool {
        self.claims.iter().any(|c| c.status == Status::Warn) || !self.unclaimed.is_empty()
    }
}
