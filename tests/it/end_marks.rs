//! A quote copied letter for letter, its question mark, exclamation mark
//! or parentheses included, passes with no note (SPEC §3 rule 1: a
//! `typography` note only when folding was needed), and so does one that
//! marks with an ellipsis where it leaves the sentence; a mark the source
//! does not have there still earns one. Brackets round the source's own
//! words are an insertion (SPEC §3), not typography.

use crate::common::{json_report, kinds, project};

const SOURCE: &str = "The minister asked: Why would anyone do that? Nobody answered.

The tool (written in Rust) is fast. It works!
";

const RELEASE_NOTES: &str = "Version 1.95 (2026-04-16)
==========================

Language
--------
- Stabilize `if let` guards on match arms
";

#[test]
fn a_quotes_own_end_marks_are_no_typography() {
    let claims = r#"sources:
  a: ../sources/a.txt
  notes: ../sources/notes.md
claims:
  - id: question
    source: a
    quote: "Why would anyone do that?"
  - id: closing-parenthesis
    source: a
    quote: "The tool (written in Rust)"
  - id: opening-parenthesis
    source: a
    quote: "(written in Rust) is fast"
  - id: exclamation
    source: a
    quote: "It works!"
  - id: heading
    source: notes
    quote: "Version 1.95 (2026-04-16)"
  - id: trailing-omission
    source: a
    quote: "The tool (written in Rust) is …"
  - id: leading-omission
    source: a
    quote: "… anyone do that?"
  - id: question-for-period
    source: a
    quote: "Nobody answered?"
"#;
    let dir = project(&[
        ("sources/a.txt", SOURCE),
        ("sources/notes.md", RELEASE_NOTES),
        ("claims/c.yaml", claims),
    ]);
    let (report, _) = json_report(dir.path(), &[]);
    for id in [
        "question",
        "closing-parenthesis",
        "opening-parenthesis",
        "exclamation",
        "heading",
        "trailing-omission",
        "leading-omission",
    ] {
        assert!(
            kinds(&report, id).is_empty(),
            "{id}: {:?}",
            kinds(&report, id)
        );
    }
    assert_eq!(kinds(&report, "question-for-period"), ["typography"]);
}

#[test]
fn a_bracket_round_the_sources_own_words_is_an_insertion() {
    let claims = r#"sources:
  a: ../sources/a.txt
claims:
  - id: own-words
    source: a
    quote: "[The tool] (written in Rust) is fast"
  - id: case
    source: a
    quote: "[t]he tool (written in Rust) is fast"
"#;
    let dir = project(&[("sources/a.txt", SOURCE), ("claims/c.yaml", claims)]);
    let (report, _) = json_report(dir.path(), &[]);
    assert_eq!(kinds(&report, "own-words"), ["insertion"]);
    assert_eq!(kinds(&report, "case"), ["insertion"]);
}
