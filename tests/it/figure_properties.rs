//! A number written with separators, scale words or number words reads back
//! as itself.

use proptest::prelude::*;
use verbatim::figures::read_claimed;

fn with_separators(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

const UNITS: [&str; 10] = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
];
const TEENS: [&str; 10] = [
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const TENS: [&str; 8] = [
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

fn in_words(n: u64) -> String {
    match n {
        0..=9 => UNITS[n as usize].to_string(),
        10..=19 => TEENS[n as usize - 10].to_string(),
        _ if n.is_multiple_of(10) => TENS[n as usize / 10 - 2].to_string(),
        _ => format!("{}-{}", TENS[n as usize / 10 - 2], UNITS[n as usize % 10]),
    }
}

proptest! {
    #[test]
    fn digits_with_separators(n in 1u64..10_000_000_000) {
        let f = read_claimed(&format!("{} cartel suspects", with_separators(n)), None).unwrap();
        prop_assert_eq!(f.value, n as f64);
    }

    #[test]
    fn decimals_with_scale_words(whole in 1u64..1000, tenth in 0u64..10, scale in prop::sample::select(vec![("thousand", 1e3), ("million", 1e6), ("billion", 1e9)])) {
        let text = format!("{whole}.{tenth} {} people", scale.0);
        let f = read_claimed(&text, None).unwrap();
        let want = (whole as f64 + tenth as f64 / 10.0) * scale.1;
        prop_assert!((f.value - want).abs() <= want * 1e-9, "{text}: {} != {want}", f.value);
    }

    #[test]
    fn number_words(n in 2u64..100) {
        let text = format!("{} military incursions", in_words(n));
        let f = read_claimed(&text, None).unwrap();
        prop_assert_eq!(f.value, n as f64, "{}", text);
    }

    #[test]
    fn number_words_with_scale(n in 2u64..20, scale in prop::sample::select(vec![("thousand", 1e3), ("million", 1e6)])) {
        let text = format!("{} {} troops", in_words(n), scale.0);
        let f = read_claimed(&text, None).unwrap();
        prop_assert_eq!(f.value, n as f64 * scale.1, "{}", text);
    }
}
