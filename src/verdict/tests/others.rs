//! Sources, figures, attribution, accepts, drafts and the policy.

use super::*;

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

#[test]
fn a_figure_is_compared_in_the_context_that_matches_best() {
    let body = "  - {id: q, source: a, figures: ['14 days after the first notice']}\n";
    let report = Run::new(body)
        .figures(
            0,
            "Payment is due 30 days after the first notice. An appeal is heard 14 days after it is filed.",
        )
        .decide();
    assert_eq!(kinds(&report), ["figure-mismatch"]);
    assert!(report.claims[0].findings[0].message.contains("30"));
}

#[test]
fn years_are_checked_and_every_number_of_a_string_must_agree() {
    let body = "  - {id: q, source: a, figures: ['the standard was released in 2010']}\n";
    let report = Run::new(body)
        .figures(0, "This standard was released in 2013.")
        .decide();
    assert_eq!(kinds(&report), ["figure-mismatch"]);
    let body = "  - {id: q, source: a, figures: ['about 1,200 arrests in 2019']}\n";
    let report = Run::new(body)
        .figures(0, "The ministry counted about 1,200 arrests in 2018.")
        .decide();
    assert_eq!(kinds(&report), ["figure-mismatch"]);
}

#[test]
fn one_shared_generic_word_is_a_coincidence() {
    let body = "  - {id: q, source: a, figures: ['visited the border about a dozen times']}\n";
    let report = Run::new(body)
        .figures(0, "She visited the border about a dozen times.")
        .figures(1, "He said at least 17 times that the border is closed.")
        .decide();
    assert!(kinds(&report).is_empty(), "{:?}", kinds(&report));
}

#[test]
fn every_source_figure_claims_report_source_problems_only_when_not_found() {
    let body = "  - {id: q, figures: ['about 1,200 arrests last year']}\n";
    let found = Run::new(body)
        .figures(0, "The ministry counted about 1,200 arrests last year.")
        .state(
            1,
            SourceState::Failed(ReadError::Unreadable("a folder".into())),
        )
        .decide();
    assert!(kinds(&found).is_empty(), "{:?}", kinds(&found));
    let lost = Run::new(body)
        .state(
            1,
            SourceState::Failed(ReadError::Unreadable("a folder".into())),
        )
        .decide();
    assert_eq!(kinds(&lost), ["figure-not-found", "source-unreadable"]);
}

#[test]
fn fixes_offer_the_source_with_its_white_space_collapsed() {
    let mut wrapped = aligned(Reading::Misquote, 4, 5);
    wrapped.place = place("we will not\n      send troops", 40, 3);
    let report = Run::new(QUOTE)
        .found(
            0,
            Evidence {
                aligned: Some(wrapped),
                ..Evidence::default()
            },
        )
        .decide();
    let help = report.claims[0].findings[0]
        .help
        .clone()
        .unwrap_or_default();
    assert_eq!(help, "quote the source exactly: “we will not send troops”");
}
