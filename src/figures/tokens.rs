//! Tokens of a sentence for the figure reader: words, numbers with their
//! separators, symbols, and the scale and unit words.

use super::Unit;
use crate::lexicon::numbers::word_value;
use crate::text::fold::fold;

/// A token of a sentence, with its byte range in the sentence.
#[derive(Debug, Clone)]
pub(super) struct Tok {
    /// Folded (lower case, no diacritics) text; symbols stay as they are.
    pub(super) text: String,
    pub(super) start: usize,
    pub(super) end: usize,
    /// Joined to the previous token by a hyphen ("3,200-kilometer").
    pub(super) hyphen_before: bool,
}

pub(super) fn tokenize(sentence: &str) -> Vec<Tok> {
    let mut toks = Vec::new();
    let chars: Vec<(usize, char)> = sentence.char_indices().collect();
    let mut i = 0;
    let mut hyphen = false;
    while i < chars.len() {
        let (at, c) = chars[i];
        if c.is_alphanumeric() {
            let mut j = i + 1;
            while j < chars.len() {
                let (_, d) = chars[j];
                let prev = chars[j - 1].1;
                let next = chars.get(j + 1).map(|x| x.1);
                let abbreviation = d == '.'
                    && prev.is_alphabetic()
                    && next.is_some_and(char::is_alphabetic)
                    && (j < 2 || !chars[j - 2].1.is_alphabetic());
                let joins = d.is_alphanumeric()
                    || abbreviation
                    || ((d == ',' || d == '.')
                        && prev.is_ascii_digit()
                        && next.is_some_and(|n| n.is_ascii_digit()))
                    || ((d == '\'' || d == '’')
                        && prev.is_alphabetic()
                        && next.is_some_and(char::is_alphabetic));
                if !joins {
                    break;
                }
                j += 1;
            }
            // "U.S.": the abbreviation's last dot is part of it.
            let dotted = chars[i..j].iter().any(|x| x.1 == '.') && chars[j - 1].1.is_alphabetic();
            if dotted && chars.get(j).is_some_and(|x| x.1 == '.') {
                j += 1;
            }
            let end = chars.get(j).map_or(sentence.len(), |x| x.0);
            let raw = &sentence[at..end];
            let text = if raw.bytes().any(|b| b.is_ascii_digit()) {
                raw.to_string()
            } else {
                fold(raw).text
            };
            toks.push(Tok {
                text,
                start: at,
                end,
                hyphen_before: hyphen,
            });
            hyphen = false;
            i = j;
            continue;
        }
        match c {
            '-' | '–' | '—' => {
                let between_digits = i > 0
                    && chars[i - 1].1.is_ascii_digit()
                    && chars.get(i + 1).is_some_and(|x| x.1.is_ascii_digit());
                let attached = i > 0
                    && chars[i - 1].1.is_alphanumeric()
                    && chars.get(i + 1).is_some_and(|x| x.1.is_alphanumeric());
                if between_digits {
                    toks.push(Tok {
                        text: "–".into(),
                        start: at,
                        end: at + c.len_utf8(),
                        hyphen_before: false,
                    });
                }
                hyphen = attached && !between_digits;
            }
            _ => {
                if !c.is_whitespace() {
                    // Currency, percent and approximation signs are read
                    // as tokens; other punctuation ends noun phrases.
                    toks.push(Tok {
                        text: c.to_string(),
                        start: at,
                        end: at + c.len_utf8(),
                        hyphen_before: false,
                    });
                }
                hyphen = false;
            }
        }
        i += 1;
    }
    toks
}

pub(super) fn small_number(word: &str) -> Option<f64> {
    word_value(word)
}

pub(super) fn scale(word: &str) -> Option<f64> {
    match word {
        "hundred" => Some(1e2),
        "thousand" => Some(1e3),
        "million" | "mn" | "m" => Some(1e6),
        "billion" | "bn" => Some(1e9),
        "trillion" => Some(1e12),
        _ => None,
    }
}

/// "hundreds", "thousands", "millions": a plural scale word, a range.
pub(super) fn plural_scale(word: &str) -> Option<f64> {
    match word {
        "dozens" => Some(12.0),
        "hundreds" => Some(1e2),
        "thousands" => Some(1e3),
        "millions" => Some(1e6),
        "billions" => Some(1e9),
        _ => None,
    }
}

pub(super) fn parse_digits(text: &str) -> Option<(f64, f64)> {
    // Returns the value and its precision (the place of the last significant digit).
    let clean: String = text.chars().filter(|&c| c != ',').collect();
    if !clean.bytes().all(|b| b.is_ascii_digit() || b == b'.') || clean.is_empty() {
        return None;
    }
    let value: f64 = clean.parse().ok()?;
    let precision = match clean.find('.') {
        Some(dot) => 10f64.powi(-((clean.len() - dot - 1) as i32)),
        None => {
            let zeros = clean.bytes().rev().take_while(|&b| b == b'0').count();
            if zeros == clean.len() {
                1.0
            } else {
                10f64.powi(zeros as i32)
            }
        }
    };
    Some((value, precision))
}

/// A crude stem: plural and a final "e" off, so "overdoses" and "overdose"
/// meet, and "lives" stays apart from "deaths".
pub fn stem(word: &str) -> String {
    let w = word.trim_end_matches("'s").trim_end_matches("’s");
    let mut w = if let Some(b) = w.strip_suffix("ies") {
        format!("{b}y")
    } else if w.ends_with("sses")
        || w.ends_with("ches")
        || w.ends_with("shes")
        || w.ends_with("xes")
    {
        w[..w.len() - 2].to_string()
    } else if w.ends_with('s') && !w.ends_with("ss") && w.len() > 3 {
        w[..w.len() - 1].to_string()
    } else {
        w.to_string()
    };
    if w.ends_with('e') && w.len() > 4 {
        w.pop();
    }
    w
}

pub(super) fn is_word(t: &Tok) -> bool {
    t.text.chars().next().is_some_and(char::is_alphabetic)
}

pub(super) fn unit_of(word: &str) -> Option<Unit> {
    match word {
        "percent" | "%" | "pct" => Some(Unit::Percent),
        "km" | "kilometer" | "kilometers" | "kilometre" | "kilometres" => Some(Unit::Km),
        "mile" | "miles" | "mi" => Some(Unit::Mile),
        "dollar" | "dollars" | "usd" => Some(Unit::Usd),
        "euro" | "euros" | "eur" => Some(Unit::Eur),
        "pound" | "pounds" | "gbp" => Some(Unit::Gbp),
        "kg" | "kilogram" | "kilograms" => Some(Unit::Kg),
        "ton" | "tons" | "tonne" | "tonnes" => Some(Unit::Ton),
        "pesos" | "peso" => Some(Unit::Peso),
        _ => None,
    }
}
