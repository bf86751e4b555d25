//! What a claims file says, after validation. Every field a finding can point
//! at keeps its position in the file.

use super::yaml::Pos;
use std::path::PathBuf;
use std::sync::Arc;

/// A claims file as read from disk; `display` is the path shown in reports.
#[derive(Debug)]
pub struct ClaimsFile {
    pub display: String,
    pub text: Arc<String>,
    pub draft: Option<DraftRef>,
    /// Indexes into [`ClaimSet::sources`], in the order the file declares them.
    pub sources: Vec<usize>,
    pub claims: Vec<usize>,
}

#[derive(Debug, Clone)]
pub struct DraftRef {
    pub path: PathBuf,
    pub display: String,
    pub pos: Pos,
}

/// One declared source: a key of one claims file. Two files (or two keys)
/// naming the same path share the same [`SourceFile`].
#[derive(Debug, Clone)]
pub struct SourceDecl {
    pub key: String,
    pub file: usize,
    pub source_file: usize,
    pub title: Option<String>,
    pub url: Option<String>,
    pub published: Option<Date>,
    pub sha256: Option<String>,
    pub pos: Pos,
}

/// A distinct path on disk, read and folded once per run.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub path: PathBuf,
    pub display: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

#[derive(Debug, Clone)]
pub struct Claim {
    pub id: String,
    pub file: usize,
    pub pos: Pos,
    pub text: Option<String>,
    pub cites: Cites,
    pub quotes: Vec<Quote>,
    pub speaker: Option<Located>,
    pub figures: Vec<FigureClaim>,
    pub accept: Vec<Accept>,
}

/// The sources a claim searches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cites {
    /// No `source`: every source its claims file declares.
    All,
    /// These declarations (indexes into [`ClaimSet::declared`]), in the
    /// order the claim names them.
    Keys(Vec<usize>),
}

impl Claim {
    /// Does the claim search every source of its file?
    pub fn cites_all(&self) -> bool {
        self.cites == Cites::All
    }
}

#[derive(Debug, Clone)]
pub struct Located {
    pub text: String,
    pub pos: Pos,
}

pub type Quote = Located;

#[derive(Debug, Clone)]
pub struct FigureClaim {
    /// The whole figure as the draft writes it ("more than 50 cartel suspects").
    pub text: String,
    /// With the map form, the value part alone; the context is `of`.
    pub value: Option<String>,
    pub of: Option<String>,
    pub pos: Pos,
}

#[derive(Debug, Clone)]
pub struct Accept {
    pub kind: crate::model::Kind,
    pub reason: String,
    pub pos: Pos,
}

/// Everything the run will check, valid by construction.
#[derive(Debug, Default)]
pub struct ClaimSet {
    pub files: Vec<ClaimsFile>,
    pub declared: Vec<SourceDecl>,
    pub source_files: Vec<SourceFile>,
    pub claims: Vec<Claim>,
}

impl ClaimSet {
    /// The files a check of this set reads besides the claims files: every
    /// source, then every draft.
    pub fn read_paths(&self) -> impl Iterator<Item = &std::path::Path> {
        let sources = self.source_files.iter().map(|s| s.path.as_path());
        let drafts = self
            .files
            .iter()
            .filter_map(|f| f.draft.as_ref())
            .map(|d| d.path.as_path());
        sources.chain(drafts)
    }
}
