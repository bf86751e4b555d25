//! Qualifiers before a figure and the period after it ("a year", "since
//! 2017", "during the past decade").

use super::tokens::{parse_digits, small_number, Tok};
use super::{Period, Qualifier};

pub(super) fn qualifier_before(before: &[&str]) -> (Qualifier, usize) {
    // `before` is reversed: the nearest word first.
    let at = |i: usize| before.get(i).copied().unwrap_or("");
    match (at(0), at(1)) {
        ("than", "more") | ("than", "greater") => (Qualifier::MoreThan, 2),
        ("than", "less") | ("than", "fewer") => (Qualifier::LessThan, 2),
        ("least", "at") => (Qualifier::AtLeast, 2),
        ("most", "at") => (Qualifier::AtMost, 2),
        ("to", "up") => (Qualifier::AtMost, 2),
        ("to", "close") => (Qualifier::Nearly, 2),
        ("estimated", "an") => (Qualifier::About, 2),
        (
            "about" | "around" | "roughly" | "approximately" | "some" | "~" | "≈" | "estimated"
            | "approx",
            _,
        ) => (Qualifier::About, 1),
        ("nearly" | "almost", _) => (Qualifier::Nearly, 1),
        ("over" | "above" | "exceeding", _) => (Qualifier::MoreThan, 1),
        ("under" | "below", _) => (Qualifier::LessThan, 1),
        _ => (Qualifier::Exact, 0),
    }
}

pub(super) fn is_period_word(word: &str) -> bool {
    matches!(word, "annually" | "yearly" | "monthly" | "weekly" | "daily")
}

/// The period after a figure: "annually", "a year", "per month", "during the
/// past decade", "over the past 5 years", "since 2017".
pub(super) fn read_period(toks: &[Tok], from: usize, published: Option<i32>) -> Option<Period> {
    let words: Vec<&str> = toks[from.min(toks.len())..]
        .iter()
        .take(12)
        .map(|t| t.text.as_str())
        .collect();
    for (j, w) in words.iter().enumerate() {
        let next = words.get(j + 1).copied().unwrap_or("");
        let next2 = words.get(j + 2).copied().unwrap_or("");
        match *w {
            "annually" | "yearly" => return Some(Period::Years(1.0)),
            "monthly" => return Some(Period::Years(1.0 / 12.0)),
            "a" | "per" | "each" | "every" | "an" => match next {
                "year" => return Some(Period::Years(1.0)),
                "month" => return Some(Period::Years(1.0 / 12.0)),
                "week" => return Some(Period::Years(7.0 / 365.0)),
                "day" => return Some(Period::Years(1.0 / 365.0)),
                "decade" => return Some(Period::Years(10.0)),
                _ => {}
            },
            "past" | "last" | "previous" => {
                if next == "decade" {
                    return Some(Period::Years(10.0));
                }
                if let Some(n) = parse_digits(next)
                    .map(|(v, _)| v)
                    .or_else(|| small_number(next))
                {
                    if next2 == "years" {
                        return Some(Period::Years(n));
                    }
                    if next2 == "decades" {
                        return Some(Period::Years(10.0 * n));
                    }
                }
            }
            "since" => {
                if let Some((year, _)) = parse_digits(next) {
                    if (1800.0..=2100.0).contains(&year) {
                        return Some(match published {
                            Some(p) => Period::Since {
                                year: year as i32,
                                years: Some((p as f64 - year).max(1.0)),
                            },
                            None => Period::Since {
                                year: year as i32,
                                years: None,
                            },
                        });
                    }
                }
            }
            "." | ";" | "!" | "?" => break,
            _ => {}
        }
    }
    None
}
