//! Layer 0, the model: plain data every other layer shares and none of them
//! owns: finding kinds with their meaning, findings, spans, the report and
//! the settings. It imports nothing from the crate.

pub mod finding;
pub mod kind;
pub mod report;
pub mod settings;
pub mod severity;
pub mod span;

pub use finding::{ClaimResult, FigureRead, Finding, QuoteShown, Status};
pub use kind::Kind;
pub use report::{InputError, Report, SourceTitle};
pub use settings::{Settings, TypoLimits};
pub use severity::Severity;
pub use span::{Excerpt, LineIndex, Section, SectionKind, SourceSpan, Span};
