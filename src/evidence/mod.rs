//! Evidence: what the search stage learned, as plain data. The pipeline
//! produces it; the verdict stage consumes it and decides. Nothing here
//! reads files or decides anything.

use crate::attribution::Credit;
use crate::figures::SourceFigure;
use crate::matcher::quote::ParsedQuote;
use crate::matcher::{Aligned, Piece};
use crate::text::{Place, ReadError};

pub mod wire;

/// Index of a job (one quote of one claim) in the run's job list.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(transparent)]
pub struct JobId(pub usize);

/// Index of a distinct source file in `ClaimSet::source_files`.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(transparent)]
pub struct SourceId(pub usize);

/// One quote of one claim: the unit of matching.
#[derive(Debug)]
pub struct Job {
    /// Index of the claim in `ClaimSet::claims`.
    pub claim: usize,
    /// Index of the quote in the claim's quotes.
    pub quote: usize,
    pub parsed: ParsedQuote,
}

/// What one source says about one quote.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct Evidence {
    /// Found exactly (after folding).
    pub exact: Option<Place>,
    /// Its folded range.
    pub exact_range: Option<(usize, usize)>,
    pub aligned: Option<Aligned>,
    pub pieces: Vec<Piece>,
    /// Who the source credits with the passage found (exact, else aligned).
    pub credit: Option<Credit>,
}

/// How a source file fared when read.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SourceState {
    Read { sha256: Option<String> },
    Failed(ReadError),
}

/// Everything learned from one source file.
#[derive(Debug)]
pub struct SourceOutcome {
    pub state: SourceState,
    /// Evidence per job, in job order.
    pub evidence: Vec<(JobId, Evidence)>,
    /// The figures it states, when a claims file that declares it has
    /// figures to check.
    pub figures: Vec<SourceFigure>,
}

/// A quotation of a draft that no claim covers.
#[derive(Debug, Clone)]
pub struct UnclaimedQuotation {
    /// The draft's display path.
    pub draft: String,
    pub place: Place,
}

/// What the drafts say about a run's quotes.
#[derive(Debug, Default)]
pub struct DraftCheck {
    /// For each job: `None` when its file has no draft or the quote is in
    /// it; otherwise why not.
    pub missing: Vec<Option<String>>,
    pub unclaimed: Vec<UnclaimedQuotation>,
}

/// All the evidence of a run, ready for the verdicts.
#[derive(Debug)]
pub struct Searched {
    pub jobs: Vec<Job>,
    /// One outcome per source file, in `ClaimSet::source_files` order.
    pub outcomes: Vec<SourceOutcome>,
    /// For each job, the first source file (by index) holding it exactly
    /// that its claim does not cite (or any, for every-source claims).
    pub elsewhere: Vec<Option<(SourceId, Evidence)>>,
    pub drafts: DraftCheck,
}

/// What searching a range of the run's documents found: one shard's share
/// of [`Searched`]. Shards combine into exactly what one search of every
/// document finds (`pipeline::combine`).
#[derive(Debug)]
pub struct Scanned {
    /// The documents searched: `ClaimSet::source_files[from..to]`.
    pub docs: (usize, usize),
    /// One outcome per document of the range, in order.
    pub outcomes: Vec<SourceOutcome>,
    /// Per job, the first document of the range holding it exactly outside
    /// the sources its claim cites (any, for every-source claims).
    pub elsewhere: Vec<(JobId, SourceId, Evidence)>,
    /// Per every-source job, the documents of the range its seeds point at
    /// most, as (seed hits, document), strongest first.
    pub candidates: Vec<(JobId, Vec<(usize, SourceId)>)>,
}
