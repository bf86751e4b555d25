//! The value a figure starts with: digits with separators and a sign,
//! fractions, scale words and suffixes (`1.6 million`, `€5m`), number
//! words, multipliers (`1.4x`, `3×`, `twice as`, `three times faster`) and
//! powers (`2**16`, `2^16`, `10⁶`).

use super::tokens::{parse_digits, scale, small_number, Tok};
use super::Unit;

/// A value read at a token.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Value {
    pub value: f64,
    /// The place of the last significant digit ("1.6 million": 100,000).
    pub precision: f64,
    /// The first token after the value.
    pub next: usize,
    /// A fraction ("half"): counts a share of something ("half of").
    pub fraction: bool,
    /// A unit the value carries itself (a multiplier).
    pub unit: Option<Unit>,
}

fn plain(value: f64, precision: f64, next: usize) -> Value {
    Value {
        value,
        precision,
        next,
        fraction: false,
        unit: None,
    }
}

/// Words after "N times" that make it a multiplier, not a count of times.
const COMPARATIVES: &[&str] = &[
    "as", "more", "faster", "slower", "larger", "smaller", "bigger", "higher", "lower", "greater",
    "less", "fewer", "longer", "shorter", "better", "worse", "cheaper",
];

/// Superscript digits, as in `10⁶`.
fn superscript(c: char) -> Option<u32> {
    match c {
        '⁰' => Some(0),
        '¹' => Some(1),
        '²' => Some(2),
        '³' => Some(3),
        '⁴'..='⁹' => Some(c as u32 - '⁴' as u32 + 4),
        _ => None,
    }
}

/// `10⁶`: digits then superscript digits.
fn superscript_power(word: &str) -> Option<f64> {
    let split = word.find(|c: char| superscript(c).is_some())?;
    let (base, exp) = word.split_at(split);
    let exp = exp
        .chars()
        .try_fold(0u32, |acc, c| superscript(c).map(|d| acc * 10 + d))?;
    let (base, _) = parse_digits(base)?;
    Some(base.powi(exp.min(308) as i32))
}

/// `5m`, `3bn`, `2k`: a scale written as a suffix, read only after a
/// currency sign (a bare `5m` may be five metres).
fn suffix_scale(word: &str) -> Option<(f64, f64)> {
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &word[digits.len()..];
    let s = match suffix {
        "k" => 1e3,
        "m" | "mn" => 1e6,
        "b" | "bn" => 1e9,
        "tn" => 1e12,
        _ => return None,
    };
    let (v, p) = parse_digits(digits)?;
    Some((v * s, p * s))
}

/// The value starting at token `i`.
pub(super) fn value_at(toks: &[Tok], i: usize) -> Option<Value> {
    let t = &toks[i];
    let word = t.text.as_str();
    let text_at = |k: usize| toks.get(k).map(|t| t.text.as_str());
    // Multipliers written on the number: "1.4x".
    if let Some(m) = word.strip_suffix('x').and_then(parse_digits) {
        return Some(Value {
            unit: Some(Unit::Multiplier),
            ..plain(m.0, m.1, i + 1)
        });
    }
    if let Some(v) = superscript_power(word) {
        return Some(plain(v, 1.0, i + 1));
    }
    let currency = i > 0 && matches!(toks[i - 1].text.as_str(), "$" | "€" | "£");
    if currency {
        if let Some((v, p)) = suffix_scale(word) {
            return Some(plain(v, p, i + 1));
        }
    }
    // Digits, maybe with a scale word, a power or a multiplier sign.
    if let Some((v, p)) = parse_digits(word) {
        let exponent = match (text_at(i + 1), text_at(i + 2)) {
            (Some("*"), Some("*")) => Some(i + 3),
            (Some("^"), _) => Some(i + 2),
            _ => None,
        };
        if let Some(e) = exponent {
            if let Some((x, _)) = text_at(e).and_then(parse_digits) {
                return Some(plain(v.powf(x.min(308.0)), 1.0, e + 1));
            }
        }
        if text_at(i + 1) == Some("×")
            || (text_at(i + 1) == Some("x") && text_at(i + 2).and_then(parse_digits).is_none())
        {
            return Some(Value {
                unit: Some(Unit::Multiplier),
                ..plain(v, p, i + 2)
            });
        }
        if let Some(s) = text_at(i + 1).and_then(scale) {
            return Some(plain(v * s, p * s, i + 2));
        }
        return Some(plain(v, p, i + 1));
    }
    // "twice as", "three times faster".
    if word == "twice" || word == "thrice" {
        let v = if word == "twice" { 2.0 } else { 3.0 };
        return Some(Value {
            unit: Some(Unit::Multiplier),
            ..plain(v, 1.0, i + 1)
        });
    }
    // "half a million", "a third", "half".
    if word == "half" {
        if text_at(i + 1) == Some("a") {
            if let Some(s) = text_at(i + 2).and_then(scale) {
                return Some(plain(0.5 * s, 0.1 * s, i + 3));
            }
        }
        return Some(Value {
            fraction: true,
            ..plain(0.5, 0.5, i + 1)
        });
    }
    if word == "dozen" {
        return Some(plain(12.0, 1.0, i + 1));
    }
    if let Some(n) = small_number(word) {
        // "twenty-five"
        let (mut v, mut next) = (n, i + 1);
        if n >= 20.0 {
            if let Some(u) = toks
                .get(i + 1)
                .filter(|t| t.hyphen_before)
                .and_then(|t| small_number(&t.text))
            {
                if u < 10.0 {
                    v += u;
                    next += 1;
                }
            }
        }
        if text_at(next) == Some("times")
            && text_at(next + 1).is_some_and(|w| COMPARATIVES.contains(&w))
        {
            return Some(Value {
                unit: Some(Unit::Multiplier),
                ..plain(v, 1.0, next + 1)
            });
        }
        if let Some(s) = text_at(next).and_then(scale) {
            return Some(plain(v * s, s, next + 1));
        }
        return Some(plain(v, 1.0, next));
    }
    None
}
