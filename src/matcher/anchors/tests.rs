use super::*;

#[test]
fn a_quote_is_keyed_on_the_run_fewest_quotes_share() {
    // Six words make one run each; this quote of eight has three.
    let quote = ["and", "the", "minister", "said", "no", "to", "the", "plan"];
    let keys = start_keys(&quote);
    assert_eq!(keys.len(), 3);
    // Alone, the run of the longest words.
    assert_eq!(rarest_run(&quote, &keys, |_| 1), 2);
    // Shared by other quotes, that run gives way.
    let common = keys[2];
    assert_eq!(
        rarest_run(&quote, &keys, |k| if k == common { 9 } else { 1 }),
        0
    );
    // A short quote has one run, of all its words.
    let short = ["hello", "there"];
    assert_eq!(start_keys(&short).len(), 1);
    let mut anchors = Anchors::default();
    anchors.insert(&Keyed::start(7, &quote, 2, 0).unwrap());
    anchors.seal();
    let mut hits = Vec::new();
    anchors.scan("so and the minister said no to the plan", |a, s| {
        hits.push((a, s))
    });
    assert!(matches!(
        hits[..],
        [(
            Anchor::Start {
                job: 7,
                offset: 8,
                ..
            },
            11
        )]
    ));
}

#[test]
fn finds_quote_starts_and_seeds_at_word_starts() {
    let mut anchors = Anchors::default();
    anchors.insert(&Keyed::start(0, &["he", "has", "done"], 0, 0).unwrap());
    anchors.insert(&Keyed::start(1, &["has", "done"], 0, 5).unwrap());
    anchors.insert(&Keyed::seed(2, &["done", "it", "well"], 7).unwrap());
    anchors.seal();
    let mut hits = Vec::new();
    anchors.scan("she has done it well", |a, s| hits.push((a, s)));
    assert_eq!(
        hits,
        vec![
            (
                Anchor::Start {
                    job: 1,
                    offset: 0,
                    head: Head::of(b"has done"),
                    tag: 5,
                },
                4
            ),
            (
                Anchor::Seed {
                    job: 2,
                    offset: 7,
                    slot: NO_SLOT
                },
                8
            )
        ]
    );
    let text = b"she has done";
    assert!(Head::of(b"has done").may_start(text, 4));
    assert!(!Head::of(b"has dune").may_start(text, 4));
    assert!(!Head::of(b"has done it").may_start(text, 4));
    assert!(Head::of(b"one").may_start(text, 9));
    assert!(!Head::of(b"one more").may_start(text, 9));
    let long = b"a long quote of many words";
    assert!(Head::of(long).may_start(b"so a long quote of many words", 3));
    assert!(!Head::of(long).may_start(b"so a long quote of many wordy", 3));
}
