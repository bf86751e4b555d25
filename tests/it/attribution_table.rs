//! Attribution against the table read by hand from the five demo articles
//! (tests/fixtures/attribution.tsv): the share credited to the right speaker.

use std::path::Path;
use verbatim::attribution::{credit, same_speaker};
use verbatim::text::fold::fold;
use verbatim::text::source::Source;

#[test]
fn attribution_accuracy_on_the_hand_made_table() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let table = std::fs::read_to_string(root.join("tests/fixtures/attribution.tsv")).unwrap();
    let mut total = 0;
    let mut right = 0;
    let mut wrong = Vec::new();
    for line in table
        .lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with("file\t") && !l.is_empty())
    {
        let cols: Vec<&str> = line.split('\t').collect();
        let (file, quote, speaker, how) = (cols[0], cols[1], cols[2], cols[3]);
        let text = std::fs::read_to_string(root.join("sources").join(file)).unwrap();
        let source = Source::from_text(text);
        let folded_quote = fold(quote).text;
        let start = source
            .folded
            .text
            .find(&folded_quote)
            .unwrap_or_else(|| panic!("{quote:?} not in {file}"));
        let got = credit(&source, start, start + folded_quote.len()).speaker;
        total += 1;
        let ok = match (speaker, &got) {
            ("-", None) => true,
            (want, Some(got)) => same_speaker(want, got),
            _ => false,
        };
        if ok {
            right += 1;
        } else {
            wrong.push(format!(
                "{file}: {quote:?}: want {speaker} ({how}), got {got:?}"
            ));
        }
    }
    let accuracy = right as f64 / total as f64;
    println!(
        "attribution table: {right}/{total} right ({:.1}%)",
        100.0 * accuracy
    );
    for w in &wrong {
        println!("  {w}");
    }
    assert!(total >= 30);
    assert!(accuracy >= 0.8, "accuracy {accuracy}");
}
