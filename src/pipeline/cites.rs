//! What a job's claim cites, and the tag its start anchor carries so that
//! the scan can tell a hit in a cited source from one elsewhere.

use crate::claims::{self, ClaimSet};
use crate::evidence::SourceId;

/// Which sources a job's claim searches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Cites {
    /// No `source`: every source its claims file declares.
    All,
    /// These source files, sorted.
    Files(Vec<SourceId>),
}

/// The tag of a quote's start anchor ([`start_tag`]) when its claim
/// searches every source.
pub(super) const TAG_ALL: u32 = u32::MAX;
/// The tag when it cites several sources (or one past the tags' range).
pub(super) const TAG_MANY: u32 = u32::MAX - 1;
/// The tag of a start anchor in a source's own table: the quotes citing
/// that source, found there (see `Plan::local_starts`).
pub(super) const TAG_HERE: u32 = u32::MAX - 2;

/// The tag a quote's start anchor carries: the one source its claim cites,
/// so that the scan can tell a hit in another source (most hits, in a
/// large archive) from the anchor alone, without reading the job's plan.
pub(super) fn start_tag(cites: &Cites) -> u32 {
    match cites {
        Cites::All => TAG_ALL,
        Cites::Files(files) => match files[..] {
            [one] if one.0 < TAG_HERE as usize => one.0 as u32,
            _ => TAG_MANY,
        },
    }
}

/// A claim citing more source files than this (an archive's documents) is
/// searched as a claim of every source is, among them: aligning its quote
/// in each of a million documents would cost a million alignments.
pub(super) const WIDE_CITES: usize = 16;

/// Which source files a claim searches: every one, or the distinct files
/// its keys name, sorted.
pub(super) fn cites_of(set: &ClaimSet, claim: &claims::Claim) -> Cites {
    let claims::Cites::Keys(keys) = &claim.cites else {
        return Cites::All;
    };
    let mut files: Vec<SourceId> = keys
        .iter()
        .map(|&d| SourceId(set.declared[d].source_file))
        .collect();
    files.sort_unstable();
    files.dedup();
    Cites::Files(files)
}

impl Cites {
    /// Searched by candidates (every source, or an archive)? Its
    /// alignments outside its best candidates are dropped when shards are
    /// combined.
    pub(super) fn wide(&self) -> bool {
        match self {
            Cites::All => true,
            Cites::Files(files) => files.len() > WIDE_CITES,
        }
    }
}

/// [`Cites::wide`] of a claim, for the shards' combine, which has no plan.
pub(super) fn wide(set: &ClaimSet, claim: &claims::Claim) -> bool {
    cites_of(set, claim).wide()
}
