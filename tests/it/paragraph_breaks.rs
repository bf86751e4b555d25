//! Quotes over a paragraph break (SPEC §3 rules 2, 3 and 5 count words in
//! one paragraph): a word replaced in place at the break leaves one
//! passage, a misquote; words scattered over two paragraphs, with words
//! added and skipped at the break, are no passage; pieces of two
//! paragraphs joined by a word of the writer's are a stitch.

use crate::common::{json_report, kinds, project};

const SOURCE: &str = "Files: *
Copyright: 2019-2020 Jane Roe <jane@example.org>
License: BSD-3-clause

License: BSD-3-clause
 Redistribution and use in source and binary forms are permitted.

The committee agreed to publish a report on the harbour as a terror

provided they respect sovereignty. The question of dredging was left for later.

Appendix B contains a list of all operators that Rust provides.

The Boolean type has two values.

Functions without a value return the unit type.
";

#[test]
fn words_are_counted_in_one_passage() {
    let claims = r#"sources:
  s: ../sources/s.txt
claims:
  - id: scattered
    source: s
    quote: "example org turnip whistle license bsd raccoon license bsd lemonade"
  - id: replaced-at-break
    source: s
    quote: "report on the harbour as a terror find they respect sovereignty. The question"
  - id: joined
    source: s
    quote: "of all operators that Rust return the unit"
"#;
    let dir = project(&[("sources/s.txt", SOURCE), ("claims/c.yaml", claims)]);
    let (report, _) = json_report(dir.path(), &[]);
    // Six of ten words align, but four in one paragraph: not 60%.
    assert_eq!(kinds(&report, "scattered"), ["not-found"]);
    assert_eq!(kinds(&report, "replaced-at-break"), ["misquote"]);
    assert_eq!(kinds(&report, "joined"), ["stitched"]);
}
