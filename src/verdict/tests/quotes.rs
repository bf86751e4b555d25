//! The quote rules 1 to 5.

use super::*;

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
    let message = &report.claims[0].findings[0].message;
    assert!(message.contains("line 1, line 9"), "{message}");
    assert!(message.contains("stand apart"), "{message}");
    // The same pieces the other way round in the source: out of order.
    let evidence = Evidence {
        aligned: Some(aligned(Reading::Misquote, 3, 6)),
        pieces: vec![piece("we will not", 4, 9), piece("send the troops", 0, 1)],
        ..Evidence::default()
    };
    let report = Run::new("  - {id: q, source: a, quote: we will not send the troops}\n")
        .found(0, evidence)
        .decide();
    let message = &report.claims[0].findings[0].message;
    assert!(message.contains("out of order"), "{message}");
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
fn a_claim_of_every_source_is_decided_by_the_sources_holding_evidence() {
    let key_of = |report: &Report| {
        report.claims[0].findings[0]
            .source
            .as_ref()
            .map(|s| s.key.clone())
    };
    // Found in both, with other quotation marks: the first declared.
    let body = "  - {id: q, quote: \"we won't\"}\n";
    let report = Run::new(body)
        .found(1, exact("we won’t"))
        .found(0, exact("we won’t"))
        .decide();
    assert_eq!(kinds(&report), ["typography"]);
    assert_eq!(key_of(&report).as_deref(), Some("a"));
    // Aligned in the second only: read there.
    let typo = Evidence {
        aligned: Some(aligned(Reading::Typo, 5, 5)),
        ..Evidence::default()
    };
    let report = Run::new("  - {id: q, quote: we will not send tropps}\n")
        .found(1, typo)
        .decide();
    assert_eq!(kinds(&report), ["typo"]);
    assert_eq!(key_of(&report).as_deref(), Some("b"));
}
