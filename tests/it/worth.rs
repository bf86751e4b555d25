//! Alignments skipped as worthless change nothing: a search told that
//! only alignments keeping a share `w` of the quote's words matter (`w`
//! as a run's `not_found` setting makes it) either gives the same
//! evidence as a full search, or no alignment where the full search's best
//! kept less than `w` (in one paragraph too), and the same pieces.

use proptest::prelude::*;
use verbatim::matcher::analyze::worth_aligning;
use verbatim::matcher::quote::parse_quote;
use verbatim::matcher::{analyze, window_around, LazyIndex};
use verbatim::model::TypoLimits;
use verbatim::text::source::Source;

/// Few words, some a typo apart, so that quotes and sources share many.
const WORDS: [&str; 12] = [
    "the", "army", "armies", "said", "sad", "border", "bordre", "troops", "will", "not", "cross",
    "and",
];

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec((0..WORDS.len(), 0..12usize), 5..70).prop_map(|picks| {
        let mut out = String::new();
        for (w, sep) in picks {
            out.push_str(WORDS[w]);
            out.push_str(match sep {
                0 => ".\n\n",
                1 => ", ",
                _ => " ",
            });
        }
        out
    })
}

fn quote() -> impl Strategy<Value = String> {
    prop::collection::vec((0..WORDS.len(), 0..8usize), 2..14).prop_map(|picks| {
        let words: Vec<String> = picks
            .into_iter()
            .map(|(w, mark)| match mark {
                0 => format!("[{}]", WORDS[w]),
                1 => format!("[{}]{}", &WORDS[w][..1], &WORDS[w][1..]),
                // An in-word bracket after three letters: "arm[ies]" may
                // stand for "army".
                3 if WORDS[w].len() > 3 => format!("{}[{}]", &WORDS[w][..3], &WORDS[w][3..]),
                2 => "...".to_string(),
                _ => WORDS[w].to_string(),
            })
            .collect();
        words.join(" ")
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]
    #[test]
    fn skipping_worthless_alignments_changes_no_evidence(
        source in text(),
        quote in quote(),
        at in 0usize..400,
        not_found in prop::sample::select(vec![0.3, 0.6, 0.75, 1.0]),
        seeded in any::<bool>(),
    ) {
        let source = Source::from_text(source);
        let quote = parse_quote(&quote);
        let len = source.folded.text.len();
        let windows = if seeded && len > 0 {
            let from = at % len;
            vec![window_around(&source, from, from + 20, 30)]
        } else {
            Vec::new()
        };
        let typo = TypoLimits::default();
        let worth = worth_aligning(not_found);
        let full = analyze(&source, &quote, &windows, &mut LazyIndex::default(), &typo, 0.0);
        let pruned = analyze(&source, &quote, &windows, &mut LazyIndex::default(), &typo, worth);
        match (&full.aligned, &pruned.aligned) {
            (Some(best), None) => {
                prop_assert!(best.ratio() < worth, "{:?}", best);
                prop_assert!(best.paragraph_ratio() < worth, "{:?}", best);
            }
            (None, Some(_)) => prop_assert!(false, "an alignment out of nothing"),
            _ => prop_assert_eq!(format!("{:?}", full.aligned), format!("{:?}", pruned.aligned)),
        }
        prop_assert_eq!(format!("{:?}", full.pieces), format!("{:?}", pruned.pieces));
    }
}
