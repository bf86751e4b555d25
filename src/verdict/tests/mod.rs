//! Each verdict rule fed hand-built evidence: no source is read, no
//! matching runs; the evidence says what the search would have found.

mod others;
mod quotes;

use super::decide;
use crate::attribution::Credit;
use crate::claims::{load_claims_bytes, ClaimSet};
use crate::evidence::{
    DraftCheck, Evidence, Job, JobId, Searched, SourceId, SourceOutcome, SourceState,
    UnclaimedQuotation,
};
use crate::figures::{read_claimed, SourceFigure};
use crate::matcher::quote::parse_quote;
use crate::matcher::{Aligned, Change, Piece, Reading};
use crate::model::{Kind, Report, Settings, Severity, Status};
use crate::text::{Place, ReadError};

pub(super) const SOURCES: &str = "sources:\n  a: ../sources/a.txt\n  b: ../sources/b.txt\n";

pub(super) fn claims(body: &str) -> ClaimSet {
    let yaml = format!("{SOURCES}claims:\n{body}");
    match load_claims_bytes("claims/c.yaml", yaml.as_bytes()) {
        Ok(set) => set,
        Err(e) => panic!("{:?}", e.errors),
    }
}

pub(super) fn place(text: &str, offset: usize, line: u32) -> Place {
    Place {
        offset,
        length: text.len(),
        line,
        column: 1,
        text: text.to_string(),
        excerpt: None,
        section: None,
    }
}

/// Evidence per source file (a = 0, b = 1) for the one quote of claim 0.
pub(super) struct Run {
    pub(super) set: ClaimSet,
    pub(super) outcomes: Vec<SourceOutcome>,
    pub(super) elsewhere: Vec<Option<(SourceId, Evidence)>>,
    pub(super) drafts: DraftCheck,
    pub(super) settings: Settings,
}

impl Run {
    pub(super) fn new(body: &str) -> Run {
        let set = claims(body);
        let outcomes = (0..set.source_files.len())
            .map(|_| SourceOutcome {
                state: SourceState::Read { sha256: None },
                evidence: Vec::new(),
                figures: Vec::new(),
            })
            .collect();
        Run {
            set,
            outcomes,
            elsewhere: Vec::new(),
            drafts: DraftCheck::default(),
            settings: Settings::default(),
        }
    }

    pub(super) fn found(mut self, source: usize, evidence: Evidence) -> Run {
        self.outcomes[source].evidence.push((JobId(0), evidence));
        self
    }

    pub(super) fn state(mut self, source: usize, state: SourceState) -> Run {
        self.outcomes[source].state = state;
        self
    }

    /// The figures of `text`, read sentence by sentence as the source
    /// reader does.
    pub(super) fn figures(mut self, source: usize, text: &str) -> Run {
        let mut base = 0;
        for sentence in text.split_inclusive(". ") {
            for figure in crate::figures::read::read_sentence(sentence, base, None) {
                self.outcomes[source].figures.push(SourceFigure {
                    place: place(&text[figure.start..figure.end], figure.start, 1),
                    figure,
                });
            }
            base += sentence.len();
        }
        self
    }

    pub(super) fn decide(mut self) -> Report {
        let mut jobs = Vec::new();
        for (c, claim) in self.set.claims.iter().enumerate() {
            for (q, quote) in claim.quotes.iter().enumerate() {
                jobs.push(Job {
                    claim: c,
                    quote: q,
                    parsed: parse_quote(&quote.text),
                });
            }
        }
        self.elsewhere.resize_with(jobs.len(), || None);
        self.drafts.missing.resize(jobs.len(), None);
        let searched = Searched {
            jobs,
            outcomes: self.outcomes,
            elsewhere: self.elsewhere,
            drafts: self.drafts,
        };
        decide(&self.set, &searched, &self.settings)
    }
}

pub(super) fn kinds(report: &Report) -> Vec<&'static str> {
    report.claims[0]
        .findings
        .iter()
        .map(|f| f.kind.name())
        .collect()
}

pub(super) fn exact(text: &str) -> Evidence {
    Evidence {
        exact: Some(place(text, 10, 2)),
        exact_range: Some((0, text.len())),
        ..Evidence::default()
    }
}

pub(super) fn aligned(reading: Reading, aligned_words: usize, words: usize) -> Aligned {
    Aligned {
        place: place("we will not send troops", 40, 3),
        range: (0, 23),
        paragraph: 0,
        aligned: aligned_words,
        in_one_paragraph: aligned_words,
        in_one_passage: aligned_words,
        words,
        reading,
        omission: false,
        insertion: false,
        changes: vec![Change {
            source: "troops".into(),
            quote: "tropps".into(),
        }],
        meaning: Vec::new(),
        pieces: Vec::new(),
    }
}

pub(super) const QUOTE: &str = "  - {id: q, source: a, quote: we will not send tropps}\n";
