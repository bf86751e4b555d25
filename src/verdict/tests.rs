//! Each verdict rule fed hand-built evidence: no source is read, no
//! matching runs; the evidence says what the search would have found.

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

const SOURCES: &str = "sources:\n  a: ../sources/a.txt\n  b: ../sources/b.txt\n";

fn claims(body: &str) -> ClaimSet {
    let yaml = format!("{SOURCES}claims:\n{body}");
    match load_claims_bytes("claims/c.yaml", yaml.as_bytes()) {
        Ok(set) => set,
        Err(e) => panic!("{:?}", e.errors),
    }
}

fn place(text: &str, offset: usize, line: u32) -> Place {
    Place {
        offset,
        length: text.len(),
        line,
        column: 1,
        text: text.to_string(),
        excerpt: None,
    }
}

/// Evidence per source file (a = 0, b = 1) for the one quote of claim 0.
struct Run {
    set: ClaimSet,
    outcomes: Vec<SourceOutcome>,
    elsewhere: Vec<Option<(SourceId, Evidence)>>,
    drafts: DraftCheck,
    settings: Settings,
}

impl Run {
    fn new(body: &str) -> Run {
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

    fn found(mut self, source: usize, evidence: Evidence) -> Run {
        self.outcomes[source].evidence.push((JobId(0), evidence));
        self
    }

    fn state(mut self, source: usize, state: SourceState) -> Run {
        self.outcomes[source].state = state;
        self
    }

    fn figures(mut self, source: usize, sentence: &str) -> Run {
        let read = crate::figures::read::read_sentence(sentence, 0, None);
        self.outcomes[source].figures = read
            .into_iter()
            .map(|figure| SourceFigure {
                place: place(&sentence[figure.start..figure.end], figure.start, 1),
                figure,
            })
            .collect();
        self
    }

    fn decide(mut self) -> Report {
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

fn kinds(report: &Report) -> Vec<&'static str> {
    report.claims[0]
        .findings
        .iter()
        .map(|f| f.kind.name())
        .collect()
}

fn exact(text: &str) -> Evidence {
    Evidence {
        exact: Some(place(text, 10, 2)),
        exact_range: Some((0, text.len())),
        ..Evidence::default()
    }
}

fn aligned(reading: Reading, aligned_words: usize, words: usize) -> Aligned {
    Aligned {
        place: place("we will not send troops", 40, 3),
        range: (0, 23),
        paragraph: 0,
        aligned: aligned_words,
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

const QUOTE: &str = "  - {id: q, source: a, quote: we will not send tropps}\n";

#[test]
fn rule_1_exact_passes_and_typography_is_a_note() {
    let report = Run::new("  - {id: q, source: a, quote: we will not send troops}\n")
        .found(0, exact("we will not send troops"))
        .decide();
    assert!(kinds(&report).is_empty());
    assert_eq!(report.claims[0].status, Status::Pass);
    let report = Run::new("  - {id: q, source: a, quote: \"we won't\"}\n")
        .found(0, exact("we won’t"))
        .decide();
    assert_eq!(kinds(&report), ["typography"]);
    assert_eq!(report.claims[0].status, Status::Pass);
}

#[test]
fn rule_2_reads_the_alignment() {
    let typo = Evidence {
        aligned: Some(aligned(Reading::Typo, 5, 5)),
        ..Evidence::default()
    };
    let report = Run::new(QUOTE).found(0, typo).decide();
    assert_eq!(kinds(&report), ["typo"]);
    assert_eq!(report.claims[0].status, Status::Warn);
    let misquote = Evidence {
        aligned: Some(aligned(Reading::Misquote, 4, 5)),
        ..Evidence::default()
    };
    let report = Run::new(QUOTE).found(0, misquote).decide();
    assert_eq!(kinds(&report), ["misquote"]);
    let f = &report.claims[0].findings[0];
    assert!(
        f.message.contains("changes “troops” to “tropps”"),
        "{}",
        f.message
    );
    assert_eq!(f.source.as_ref().map(|s| s.line), Some(3));
    let mut narration = aligned(Reading::StitchedNarration, 5, 5);
    narration.omission = true;
    let report = Run::new(QUOTE)
        .found(
            0,
            Evidence {
                aligned: Some(narration),
                ..Evidence::default()
            },
        )
        .decide();
    assert_eq!(kinds(&report), ["omission", "stitched"]);
}

#[test]
fn rule_3_pieces_from_two_paragraphs_are_stitched() {
    let piece = |text: &str, paragraph, line| Piece {
        place: place(text, 0, line),
        paragraph,
        quote_start: 0,
        quote_end: 2,
        words: 3,
        source_word: paragraph * 100,
    };
    let evidence = Evidence {
        aligned: Some(aligned(Reading::Misquote, 3, 6)),
        pieces: vec![piece("we will not", 0, 1), piece("send the troops", 4, 9)],
        ..Evidence::default()
    };
    let report = Run::new("  - {id: q, source: a, quote: we will not send the troops}\n")
        .found(0, evidence)
        .decide();
    assert_eq!(kinds(&report), ["stitched"]);
    assert!(report.claims[0].findings[0]
        .message
        .contains("line 1, line 9"));
}

#[test]
fn rule_4_exactly_in_another_declared_source() {
    let report = Run::new(QUOTE)
        .found(1, exact("we will not send tropps"))
        .decide();
    assert_eq!(kinds(&report), ["wrong-source"]);
    assert!(report.claims[0].findings[0].message.contains("`b`"));
}

#[test]
fn rule_5_nothing_close_or_partly_close() {
    let report = Run::new(QUOTE).decide();
    assert_eq!(kinds(&report), ["not-found"]);
    let partly = Evidence {
        aligned: Some(aligned(Reading::Misquote, 3, 5)),
        ..Evidence::default()
    };
    let report = Run::new(QUOTE).found(0, partly).decide();
    assert_eq!(kinds(&report), ["misquote"]);
    assert!(report.claims[0].findings[0]
        .message
        .starts_with("only 3 of the quote's 5 words"));
}

#[test]
fn source_problems_are_findings_at_the_declaration() {
    let missing = Run::new(QUOTE)
        .state(0, SourceState::Failed(ReadError::Missing))
        .decide();
    assert_eq!(kinds(&missing), ["source-missing"]);
    assert_eq!(
        missing.claims[0].findings[0].claim.as_ref().map(|s| s.line),
        Some(2)
    );
    let unreadable = Run::new(QUOTE)
        .state(
            0,
            SourceState::Failed(ReadError::Unreadable("a folder".into())),
        )
        .decide();
    assert_eq!(kinds(&unreadable), ["source-unreadable"]);
    let pinned = SOURCES.replace(
        "a: ../sources/a.txt",
        &format!("a: {{path: ../sources/a.txt, sha256: {}}}", "0".repeat(64)),
    );
    let yaml =
        format!("{pinned}claims:\n  - {{id: q, source: a, quote: we will not send troops}}\n");
    let set = load_claims_bytes("claims/c.yaml", yaml.as_bytes()).unwrap();
    let mut run = Run::new(QUOTE);
    run.set = set;
    let changed = run
        .state(
            0,
            SourceState::Read {
                sha256: Some("f".repeat(64)),
            },
        )
        .found(0, exact("we will not send troops"))
        .decide();
    assert_eq!(kinds(&changed), ["source-changed"]);
}

#[test]
fn figures_mismatch_hedge_not_found_and_conflict() {
    let body = "  - {id: q, source: a, figures: ['about 1,200 arrests last year']}\n";
    let agree = Run::new(body)
        .figures(0, "The ministry counted about 1,200 arrests last year.")
        .decide();
    assert!(kinds(&agree).is_empty(), "{:?}", kinds(&agree));
    let mismatch = Run::new(body)
        .figures(0, "The ministry counted about 2,400 arrests last year.")
        .decide();
    assert_eq!(kinds(&mismatch), ["figure-mismatch"]);
    let hedge = Run::new("  - {id: q, source: a, figures: ['1,200 arrests last year']}\n")
        .figures(0, "The ministry counted about 1,200 arrests last year.")
        .decide();
    assert_eq!(kinds(&hedge), ["hedge"]);
    let none = Run::new(body)
        .figures(0, "The ministry counted 40 raids last year.")
        .decide();
    assert_eq!(kinds(&none), ["figure-not-found"]);
    let conflict = Run::new(body)
        .figures(0, "The ministry counted about 1,200 arrests last year.")
        .figures(1, "Officials counted 5,000 arrests last year.")
        .decide();
    assert_eq!(kinds(&conflict), ["figure-conflict"]);
    assert!(read_claimed("about 1,200 arrests", None).is_some());
}

#[test]
fn attribution_compares_the_credit_with_the_speaker() {
    let body = "  - {id: q, source: a, quote: we will not send troops, speaker: Ana Ruiz}\n";
    let credited = |speaker: Option<&str>| Evidence {
        credit: Some(Credit {
            speaker: speaker.map(str::to_string),
            place: speaker.map(|s| place(s, 0, 1)),
        }),
        ..exact("we will not send troops")
    };
    let same = Run::new(body).found(0, credited(Some("Ruiz"))).decide();
    assert!(kinds(&same).is_empty());
    let other = Run::new(body)
        .found(0, credited(Some("Luis Vega")))
        .decide();
    assert_eq!(kinds(&other), ["misattributed"]);
    let nobody = Run::new(body).found(0, credited(None)).decide();
    assert_eq!(kinds(&nobody), ["unattributed"]);
}

#[test]
fn accepted_findings_become_notes_and_stale_entries_warn() {
    let body = "  - id: q\n    source: a\n    quote: we will not send tropps\n    accept:\n      - {kind: typo, reason: as printed}\n";
    let typo = Evidence {
        aligned: Some(aligned(Reading::Typo, 5, 5)),
        ..Evidence::default()
    };
    let report = Run::new(body).found(0, typo).decide();
    let f = &report.claims[0].findings[0];
    assert_eq!((f.kind, f.severity), (Kind::Typo, Severity::Note));
    assert_eq!(f.accepted.as_deref(), Some("as printed"));
    let stale = Run::new(body)
        .found(0, exact("we will not send tropps"))
        .decide();
    assert_eq!(kinds(&stale), ["stale-accept"]);
}

#[test]
fn configured_severities_apply_to_claims_and_unclaimed_quotations() {
    let mut run = Run::new(QUOTE).found(
        0,
        Evidence {
            aligned: Some(aligned(Reading::Typo, 5, 5)),
            ..Evidence::default()
        },
    );
    run.settings.severity.insert(Kind::Typo, Severity::Error);
    run.settings
        .severity
        .insert(Kind::UnclaimedQuote, Severity::Error);
    run.drafts.unclaimed.push(UnclaimedQuotation {
        draft: "drafts/d.md".into(),
        place: place("four words quoted here", 5, 2),
    });
    let report = run.decide();
    assert_eq!(report.claims[0].status, Status::Fail);
    assert_eq!(report.unclaimed[0].kind, Kind::UnclaimedQuote);
    assert_eq!(report.unclaimed[0].severity, Severity::Error);
    assert!(report.has_errors());
    let mut run = Run::new("  - {id: q, source: a, quote: we will not send troops}\n")
        .found(0, exact("we will not send troops"));
    run.settings
        .severity
        .insert(Kind::UnclaimedQuote, Severity::Note);
    run.drafts.unclaimed.push(UnclaimedQuotation {
        draft: "drafts/d.md".into(),
        place: place("four words quoted here", 5, 2),
    });
    let report = run.decide();
    assert!(!report.has_warnings(), "a note is no warning");
}

#[test]
fn a_quote_missing_from_the_draft_is_a_warning() {
    let mut run = Run::new("  - {id: q, source: a, quote: we will not send troops}\n")
        .found(0, exact("we will not send troops"));
    run.drafts.missing = vec![Some("the quote is not in the draft d.md".into())];
    let report = run.decide();
    assert_eq!(kinds(&report), ["not-in-draft"]);
    assert_eq!(report.claims[0].status, Status::Warn);
}

#[test]
fn every_source_claims_report_source_problems_only_when_not_found() {
    let body = "  - {id: q, quote: we will not send troops}\n";
    let found = Run::new(body)
        .state(1, SourceState::Failed(ReadError::Missing))
        .found(0, exact("we will not send troops"))
        .decide();
    assert!(kinds(&found).is_empty(), "{:?}", kinds(&found));
    let lost = Run::new(body)
        .state(1, SourceState::Failed(ReadError::Missing))
        .decide();
    assert_eq!(kinds(&lost), ["not-found", "source-missing"]);
}
