//! The evidence of a source's segments merged into one outcome, as if the
//! source had been searched whole: the first exact hit, the best alignment,
//! the most complete pieces, and each figure from the segment owning it.

use crate::evidence::{Evidence, JobId, SourceOutcome, SourceState};
use crate::figures::SourceFigure;
use std::collections::BTreeMap;

/// What one segment found.
pub(super) struct Part {
    pub sha256: Option<String>,
    /// Evidence per job, in job order.
    pub evidence: Vec<(JobId, Evidence)>,
    /// Jobs of claims searching every source found exactly here.
    pub found_elsewhere: Vec<JobId>,
    pub figures: Vec<SourceFigure>,
}

/// The segments merged so far.
#[derive(Default)]
pub(super) struct Merged {
    sha256: Option<String>,
    evidence: BTreeMap<JobId, Evidence>,
    /// Jobs found exactly so far (sorted): later segments skip them.
    found: Vec<JobId>,
    figures: Vec<SourceFigure>,
}

impl Merged {
    /// The jobs found exactly in the segments merged so far, sorted.
    pub fn found(&self) -> &[JobId] {
        &self.found
    }

    /// Merge a segment's part; `own` is the range of file offsets the
    /// segment reports figures for (segments overlap).
    pub fn add(&mut self, part: Part, own: (usize, usize)) {
        if self.sha256.is_none() {
            self.sha256 = part.sha256;
        }
        for (job, found) in part.evidence {
            if found.exact.is_some() {
                self.found.push(job);
            }
            match self.evidence.get_mut(&job) {
                Some(kept) => merge(kept, found),
                None => {
                    self.evidence.insert(job, found);
                }
            }
        }
        self.found.extend(part.found_elsewhere);
        self.found.sort_unstable();
        self.found.dedup();
        self.figures.extend(
            part.figures
                .into_iter()
                .filter(|f| own.0 <= f.place.offset && f.place.offset < own.1),
        );
    }

    pub fn into_outcome(self) -> SourceOutcome {
        SourceOutcome {
            state: SourceState::Read {
                sha256: self.sha256,
            },
            evidence: self.evidence.into_iter().collect(),
            figures: self.figures,
        }
    }
}

/// Keep the better of two segments' evidence for one job; on a tie, the
/// earlier segment's (`kept`). The credit goes with the passage it was
/// read for: the exact hit, else the alignment.
fn merge(kept: &mut Evidence, later: Evidence) {
    if kept.exact.is_some() {
        return;
    }
    if later.exact.is_some() {
        *kept = Evidence {
            pieces: std::mem::take(&mut kept.pieces),
            aligned: kept.aligned.take(),
            ..later
        };
        return;
    }
    let ratio = |e: &Evidence| e.aligned.as_ref().map_or(-1.0, |a| a.ratio());
    let words = |e: &Evidence| e.pieces.iter().map(|p| p.words).sum::<usize>();
    let (more_pieces, better) = (words(&later) > words(kept), ratio(&later) > ratio(kept));
    if more_pieces {
        kept.pieces = later.pieces;
    }
    if better {
        kept.aligned = later.aligned;
        kept.credit = later.credit;
    }
}
