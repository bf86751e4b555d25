//! Footnote and citation marks glued to a source's words (`2021.[3]`,
//! `regions,[4][5]`, `1718,[a]`, `[citation needed]`, and in HTML
//! `<sup><a>[3]</a></sup>`) are no words a quote must keep; a bracket
//! standing apart is text, and words changed beside a mark still count.

use crate::common::{json_report, kinds, project};

const TEXT: &str = "The unemployment rate fell sharply in 2021.[3] Officials said the recovery was uneven across regions,[4][5] and that rural areas lagged behind.[citation needed] The city, founded in 1718,[a] grew quickly. There are [3] options here.
";

const HTML: &str = r##"<html><body><p>The unemployment rate fell sharply in 2021.<sup class="reference"><a href="#cite_note-3">[3]</a></sup> Officials said the recovery was uneven.</p></body></html>
"##;

#[test]
fn reference_marks_are_no_words_of_the_text() {
    let claims = r#"sources:
  w: ../sources/w.txt
  h: ../sources/w.html
claims:
  - id: one-mark
    source: w
    quote: "The unemployment rate fell sharply in 2021. Officials said the recovery was uneven"
  - id: two-marks
    source: w
    quote: "uneven across regions, and that rural areas lagged behind. The city"
  - id: letter-mark
    source: w
    quote: "The city, founded in 1718, grew quickly."
  - id: html-mark
    source: h
    quote: "The unemployment rate fell sharply in 2021. Officials said the recovery was uneven"
  - id: changed-beside-mark
    source: w
    quote: "The unemployment rate fell sharply in 2020. Officials said the recovery was uneven"
  - id: bracket-apart
    source: w
    quote: "grew quickly. There are options here"
"#;
    let dir = project(&[
        ("sources/w.txt", TEXT),
        ("sources/w.html", HTML),
        ("claims/c.yaml", claims),
    ]);
    let (report, _) = json_report(dir.path(), &[]);
    for id in ["one-mark", "two-marks", "letter-mark", "html-mark"] {
        assert!(
            kinds(&report, id).is_empty(),
            "{id}: {:?}",
            kinds(&report, id)
        );
    }
    assert_eq!(kinds(&report, "changed-beside-mark"), ["misquote"]);
    assert_eq!(kinds(&report, "bracket-apart"), ["misquote"]);
}
