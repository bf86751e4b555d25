//! Properties of the folding map and the matcher, on generated text.

use proptest::prelude::*;
use verbatim::model::{Report, Settings, Severity};
use verbatim::text::fold::fold;

/// A word that folds to exactly one folded word.
fn word() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop::sample::select(vec![
            "a", "b", "c", "d", "e", "m", "s", "t", "É", "é", "ñ", "ü", "Ø", "ß", "æ", "ﬁ", "1",
            "7", "K",
        ]),
        1..7,
    )
    .prop_map(|parts| parts.concat())
}

fn separator() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        " ", ", ", ". ", " — ", "\n", "\n\n", " “", "” ", " (", ") ", "; ", " - ", "\u{a0}", "…",
    ])
}

proptest! {
    #[test]
    fn every_folded_word_maps_back_to_its_original_bytes(
        words in prop::collection::vec(word(), 1..40),
        seps in prop::collection::vec(separator(), 40),
    ) {
        let mut text = String::new();
        let mut spans = Vec::new();
        for (i, w) in words.iter().enumerate() {
            text.push_str(seps[i]);
            spans.push((text.len(), text.len() + w.len()));
            text.push_str(w);
        }
        let folded = fold(&text);
        let mut at = 0;
        let folded_words: Vec<(usize, usize)> = folded.text.split(' ').map(|w| {
            let range = (at, at + w.len());
            at += w.len() + 1;
            range
        }).collect();
        prop_assert_eq!(folded_words.len(), spans.len(), "{:?} -> {:?}", text, folded.text);
        for (i, &(fs, fe)) in folded_words.iter().enumerate() {
            prop_assert_eq!(folded.original_range(fs, fe), spans[i], "word {} of {:?}", i, text);
        }
        // Any run of whole words maps back to exactly its bytes.
        let (i, j) = (0, folded_words.len() - 1);
        prop_assert_eq!(
            folded.original_range(folded_words[i].0, folded_words[j].1),
            (spans[i].0, spans[j].1)
        );
    }
}

/// Run the checker on one source and one quote.
fn check(source: &str, quote: &str) -> Report {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("s.txt"), source).unwrap();
    let escaped = quote.replace('\\', "\\\\").replace('"', "\\\"");
    std::fs::write(
        dir.path().join("c.yaml"),
        format!(
            "sources:\n  s: s.txt\nclaims:\n  - id: q\n    source: s\n    quote: \"{escaped}\"\n"
        ),
    )
    .unwrap();
    let report = verbatim::check(
        &["c.yaml".into()],
        dir.path(),
        &Settings::default(),
        &|_| {},
    );
    // Every span lands on the source's real bytes.
    let raw = std::fs::read(dir.path().join("s.txt")).unwrap();
    for f in &report.claims[0].findings {
        if let Some(s) = &f.source {
            assert_eq!(
                String::from_utf8_lossy(&raw[s.offset..s.offset + s.length]),
                s.text
            );
        }
    }
    report
}

fn kinds(report: &Report) -> Vec<(&'static str, Severity)> {
    report.claims[0]
        .findings
        .iter()
        .map(|f| (f.kind.name(), f.severity))
        .collect()
}

const VOCABULARY: &[&str] = &[
    "border",
    "cartel",
    "minister",
    "troops",
    "security",
    "cooperation",
    "president",
    "fentanyl",
    "government",
    "military",
    "sovereignty",
    "operation",
    "officials",
    "agreement",
    "laboratory",
    "the",
    "of",
    "and",
    "with",
    "against",
    "across",
    "said",
    "would",
    "could",
    "never",
    "people",
];

fn sentence() -> impl Strategy<Value = Vec<&'static str>> {
    prop::collection::vec(prop::sample::select(VOCABULARY.to_vec()), 12..30)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn a_verbatim_passage_always_passes(words in sentence(), a in 0usize..6, len in 3usize..8) {
        let source = format!("Intro line.\n\n{}.\n", words.join(" "));
        let quote = words[a..(a + len).min(words.len())].join(" ");
        let report = check(&source, &quote);
        prop_assert!(report.claims[0].findings.iter().all(|f| f.severity == Severity::Note), "{:?}", kinds(&report));
    }

    #[test]
    fn one_in_word_edit_is_a_typo(words in sentence(), a in 0usize..4, pick in 0usize..8, at in 1usize..4) {
        let source = format!("{}.\n", words.join(" "));
        let mut quoted: Vec<String> = words[a..a + 8].iter().map(|w| w.to_string()).collect();
        // Edit one word of five letters or more that is no negation.
        let Some(i) = (0..8).map(|k| (pick + k) % 8).find(|&k| quoted[k].len() >= 5 && quoted[k] != "never") else {
            return Ok(());
        };
        let mut chars: Vec<char> = quoted[i].chars().collect();
        let at = at.min(chars.len() - 2);
        chars.swap(at, at + 1);
        if chars[at] == chars[at + 1] {
            return Ok(());
        }
        quoted[i] = chars.into_iter().collect();
        let report = check(&source, &quoted.join(" "));
        prop_assert_eq!(kinds(&report), vec![("typo", Severity::Warning)]);
    }

    #[test]
    fn a_changed_digit_is_a_misquote(words in sentence(), n in 10u32..99_999, d in 0u32..9) {
        let source = format!("{} {} {}.\n", words[..6].join(" "), n, words[6..].join(" "));
        let digits = n.to_string();
        let first = digits.as_bytes()[0] - b'0';
        let other = if d as u8 == first { (d + 1) % 10 } else { d };
        let changed = format!("{other}{}", &digits[1..]);
        if changed == digits || changed.starts_with('0') {
            return Ok(());
        }
        let quote = format!("{} {} {}", words[2..6].join(" "), changed, words[6..9].join(" "));
        let report = check(&source, &quote);
        prop_assert_eq!(kinds(&report), vec![("misquote", Severity::Error)]);
    }

    #[test]
    fn an_ellipsis_between_pieces_in_order_is_an_omission(words in sentence(), gap in 2usize..5) {
        let source = format!("{}.\n", words.join(" "));
        let first = words[0..4].join(" ");
        let second = words[4 + gap..8 + gap].join(" ");
        // Words the ellipsis drops must not carry a negation.
        if words[4..4 + gap].contains(&"never") {
            return Ok(());
        }
        let report = check(&source, &format!("{first} ... {second}"));
        prop_assert_eq!(kinds(&report), vec![("omission", Severity::Note)]);
    }
}

#[test]
fn brackets_copied_from_the_source_are_verbatim() {
    let source = "Officials met on Monday. [Read: the boat strikes story] The talks will continue next week.\n";
    let report = check(
        source,
        "[Read: the boat strikes story] The talks will continue",
    );
    assert_eq!(kinds(&report), vec![]);
    let report = check(
        source,
        "[Read: the boat strikes story] The tallks will continue",
    );
    assert_eq!(kinds(&report), vec![("typo", Severity::Warning)]);
    // A real editorial insertion still reads as one.
    let report = check(source, "[The officials'] talks will continue next week");
    assert_eq!(kinds(&report), vec![("insertion", Severity::Note)]);
}
