//! What a run may be configured with (`verbatim.toml`), as plain data the
//! matcher and the policy read.

use super::kind::Kind;
use super::severity::Severity;
use std::collections::BTreeMap;
use std::path::PathBuf;

/// The typo rule: edits allowed per word, by length.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TypoLimits {
    /// Edits allowed in a shorter word.
    pub distance: usize,
    /// Edits allowed in a word of `long_letters` letters or more.
    pub long_distance: usize,
    pub long_letters: usize,
    /// Words shorter than this are never typos.
    pub min_letters: usize,
}

impl Default for TypoLimits {
    fn default() -> Self {
        TypoLimits {
            distance: 1,
            long_distance: 2,
            long_letters: 8,
            min_letters: 4,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    pub severity: BTreeMap<Kind, Severity>,
    /// Kinds set to `off` in `[severity]`: never reported.
    pub off: std::collections::BTreeSet<Kind>,
    /// Share of a quote's words that must align in one passage (rule 2).
    pub aligned: f64,
    /// Below this share, nothing is close (rule 5).
    pub not_found: f64,
    pub typo: TypoLimits,
    /// Claims paths checked when none are given.
    pub claims: Vec<PathBuf>,
    /// The project root when it is known: the configuration's folder, or
    /// the snapshot of `--staged`. `None`: found from the claims.
    pub root: Option<PathBuf>,
    /// Further folders sources and drafts may be read from
    /// (`[paths] roots`).
    pub extra_roots: Vec<PathBuf>,
    /// The file these came from, if any.
    pub file: Option<PathBuf>,
    /// Keep each quote's passage in the report, also when it passes
    /// (`ClaimResult::quotes`): for the HTML page and the editor, which set
    /// them side by side. Off, a large run holds no copy of them.
    pub keep_passages: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            severity: BTreeMap::new(),
            off: Default::default(),
            aligned: 0.75,
            not_found: 0.60,
            typo: TypoLimits::default(),
            claims: vec![PathBuf::from("claims")],
            root: None,
            extra_roots: Vec::new(),
            file: None,
            keep_passages: false,
        }
    }
}
