//! The figure reader on sentences of the demo articles and beyond.

use super::read::read_sentence;
use super::tokens::stem;
use super::*;

fn one(text: &str) -> Figure {
    let figures = read_sentence(text, 0, Some(2026));
    assert!(!figures.is_empty(), "no figure in {text:?}");
    figures[0].clone()
}

#[test]
fn qualifiers_read_as_intervals() {
    let f = one("about 400,000 fatal overdoses");
    assert_eq!((f.low, f.high), (360_000.0, 440_000.0));
    assert_eq!(f.qualifier, Qualifier::About);
    let f = one("nearly 30 years");
    assert_eq!((f.low, f.high), (27.0, 30.0));
    let f = one("more than 50 cartel suspects");
    assert_eq!(f.qualifier, Qualifier::MoreThan);
    assert_eq!(f.low, 50.0);
    assert!(f.high.is_infinite());
    let f = one("at least 17 times");
    assert_eq!(f.qualifier, Qualifier::AtLeast);
    let f = one("fewer than 20 agents");
    assert_eq!((f.low, f.high), (0.0, 20.0));
    let f = one("up to 20 agents");
    assert_eq!(f.qualifier, Qualifier::AtMost);
    let f = one("an estimated half a million people dead");
    assert_eq!(f.value, 500_000.0);
    assert_eq!(f.qualifier, Qualifier::About);
}

#[test]
fn periods_turn_counts_into_rates() {
    assert_eq!(
        one("over 100,000 overdose deaths annually").period,
        Some(Period::Years(1.0))
    );
    assert_eq!(
        one("400,000 fatal overdoses during the past decade").period,
        Some(Period::Years(10.0))
    );
    assert_eq!(
        one("250 drone flights a month").period,
        Some(Period::Years(1.0 / 12.0))
    );
    assert_eq!(
        one("over 100,000 lives since 2017").period,
        Some(Period::Since {
            year: 2017,
            years: Some(9.0)
        })
    );
    let unresolved = read_sentence("over 100,000 lives since 2017", 0, None);
    assert_eq!(
        unresolved[0].period,
        Some(Period::Since {
            year: 2017,
            years: None
        })
    );
}

#[test]
fn units_scales_and_words() {
    let f = one("the 3,200-kilometer border");
    assert_eq!((f.value, f.unit), (3200.0, Some(Unit::Km)));
    assert_eq!(f.nouns, ["border"]);
    let f = one("roughly 1.6 million USians living in Mexico");
    assert_eq!(f.value, 1_600_000.0);
    assert_eq!(f.precision, 100_000.0);
    let f = one("More than 80 percent of Mexico’s exports");
    assert_eq!(f.unit, Some(Unit::Percent));
    assert_eq!(f.nouns, ["export"]);
    let f = one("97% of the drugs");
    assert_eq!((f.value, f.unit), (97.0, Some(Unit::Percent)));
    let f = one("upped the reward from $25 million to $50 million");
    assert_eq!((f.value, f.unit), (25_000_000.0, Some(Unit::Usd)));
    assert_eq!(
        read_sentence("from $25 million to $50 million", 0, None).len(),
        2
    );
    assert_eq!(one("about a dozen times").value, 12.0);
    assert_eq!(one("seventeen times").value, 17.0);
    assert_eq!(one("twenty-five times").value, 25.0);
    let f = one("tens of millions of Mexican-Americans");
    assert_eq!((f.low, f.high), (20_000_000.0, 99_999_999.0));
    let f = one("several hundred agents");
    assert_eq!((f.low, f.high), (300.0, 900.0));
    let f = one("hundreds of millions of dollars");
    assert_eq!(f.qualifier, Qualifier::Range);
    assert_eq!(f.low, 200_000_000.0);
}

#[test]
fn years_ordinals_and_names_are_not_counts() {
    assert!(one("in his 1998 book").is_year);
    assert!(read_sentence("the 45th president", 0, None).is_empty());
    assert!(read_sentence("the gang MS-13 grew", 0, None).is_empty());
    assert!(read_sentence("one of the worst wars", 0, None).is_empty());
}

#[test]
fn stems_meet_across_forms() {
    assert_eq!(stem("overdoses"), stem("overdose"));
    assert_ne!(stem("lives"), stem("deaths"));
    assert_eq!(stem("countries"), "country");
}

#[test]
fn multipliers_powers_fractions_and_signs() {
    let f = one("the new parser is 1.4x faster");
    assert_eq!((f.value, f.unit), (1.4, Some(Unit::Multiplier)));
    let f = one("a 3× speed-up");
    assert_eq!((f.value, f.unit), (3.0, Some(Unit::Multiplier)));
    let f = one("it is twice as fast");
    assert_eq!((f.value, f.unit), (2.0, Some(Unit::Multiplier)));
    let f = one("three times faster than before");
    assert_eq!((f.value, f.unit), (3.0, Some(Unit::Multiplier)));
    assert_eq!(one("inputs smaller than 2**16 bytes").value, 65536.0);
    assert_eq!(one("inputs smaller than 2^16 bytes").value, 65536.0);
    assert_eq!(one("about 10⁶ records").value, 1e6);
    assert_eq!(one("½ of the votes").value, 0.5);
    assert_eq!(one("1½ cups of flour").value, 1.5);
    assert_eq!(one("it fell to -40 degrees").value, -40.0);
    assert_eq!(one("it fell to −40 degrees").value, -40.0);
    let f = one("about -40 degrees");
    assert!(f.low <= -40.0 && -40.0 <= f.high);
}

#[test]
fn currency_with_scale_suffixes() {
    let f = one("a fine of €5m was paid");
    assert_eq!((f.value, f.unit), (5e6, Some(Unit::Eur)));
    let f = one("a $3bn deal");
    assert_eq!((f.value, f.unit), (3e9, Some(Unit::Usd)));
    let f = one("a £9m grant");
    assert_eq!((f.value, f.unit), (9e6, Some(Unit::Gbp)));
}

#[test]
fn dates_and_names_are_not_ranges() {
    let f = one("released on 2018-01-07 by the team");
    assert!(f.is_year && f.value == 2018.0, "{f:?}");
    let read = crate::figures::read::read_sentence("POSIX.1-1988 was the first standard", 0, None);
    assert!(
        read.iter().all(|f| f.qualifier != Qualifier::Range),
        "{read:?}"
    );
}

#[test]
fn labels_are_no_quantities() {
    let read =
        crate::figures::read::read_sentence("Version 3, section 11 and page 4 of it", 0, None);
    assert!(read.is_empty(), "{read:?}");
    assert_eq!(one("version 3 adds 40 rules").value, 40.0);
}

#[test]
fn lists_of_labels_are_no_quantities() {
    for text in [
        "the terms of sections 15 and 16 of this License",
        "the requirements of sections 4 and 5, provided that",
        "see pages 10 to 12",
        "as defined by Sections 1 through 9 of this document",
    ] {
        let figures = crate::figures::read::read_sentence(text, 0, None);
        assert!(figures.is_empty(), "{text}: {figures:?}");
    }
    // A count is still a count, and a date's year a year.
    let counted = crate::figures::read::read_sentence("between 2 and 5 people came", 0, None);
    assert!(!counted.is_empty());
    let dated = crate::figures::read::read_sentence("on March 3, 1987", 0, None);
    assert!(dated.iter().any(|f| f.value == 1987.0), "{dated:?}");
}

#[test]
fn digits_grouped_by_spaces_are_one_number() {
    // SI and French style: a space, no-break or narrow no-break space.
    for text in [
        "the agency counted 40 000 arrivals",
        "the agency counted 40\u{a0}000 arrivals",
        "the agency counted 40\u{202f}000 arrivals",
    ] {
        assert_eq!(one(text).value, 40_000.0, "{text:?}");
    }
    assert_eq!(one("a budget of 1 250 000 euros").value, 1_250_000.0);
    // Two numbers side by side stay two.
    let figures = read_sentence("in 2019 150 people were hired", 0, Some(2026));
    assert!(figures.iter().any(|f| f.value == 150.0), "{figures:?}");
    let figures = read_sentence("after 12 1000-page volumes", 0, Some(2026));
    assert!(figures.iter().all(|f| f.value != 121_000.0), "{figures:?}");
}

#[test]
fn reference_marks_are_no_figures() {
    for text in [
        "The rate fell to 4.2 percent in 2021.[3] The city grew.",
        "Exports doubled.[4][5]",
        "[Note 2] Exports doubled.",
        "The city had hospitals.[note 1]",
    ] {
        let values: Vec<f64> = read_sentence(text, 0, Some(2026))
            .iter()
            .map(|f| f.value)
            .filter(|v| *v < 1000.0)
            .collect();
        assert!(values.iter().all(|v| *v == 4.2), "{text:?}: {values:?}");
    }
    // A bracket standing apart is text.
    assert_eq!(one("there are [3] options").value, 3.0);
}
