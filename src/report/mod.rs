//! Stage 5: renderers. They format findings; they never decide them.

pub mod diff;
pub mod figures;
pub mod github;
pub mod human;
pub mod json;
pub mod junit;
pub mod sarif;

/// Output formats of `verbatim check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Human,
    Json,
    Sarif,
    Github,
    Junit,
}
