//! Tokens of a sentence for the figure reader: words, numbers with their
//! separators, symbols, and the scale and unit words.

use super::Unit;
use crate::lexicon::numbers::word_value;
use crate::text::fold::fold;
use crate::text::marks::reference_mark_end;

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

/// Spaces that group a number's digits in threes ("40 000", SI and
/// French style): a space, a no-break space, a narrow no-break space and a
/// thin space.
const GROUP_SPACES: [char; 4] = [' ', '\u{a0}', '\u{202f}', '\u{2009}'];

/// Does the space at `chars[j]` group the digits of the number that began
/// at `i`? Only between groups of three after a first of one to three
/// ("40 000", "1 250 000"), so that two numbers side by side ("in 2019 150
/// people", "12 months") stay two.
fn digit_group_space(chars: &[(usize, char)], i: usize, j: usize) -> bool {
    let digit = |k: usize| chars.get(k).is_some_and(|x| x.1.is_ascii_digit());
    if !GROUP_SPACES.contains(&chars[j].1) || !(j + 1..j + 4).all(digit) {
        return false;
    }
    // Three digits, then no fourth (nor a letter: "40 000km" is read by
    // its unit, "3 100th" is no group).
    if chars.get(j + 4).is_some_and(|x| x.1.is_alphanumeric()) {
        return false;
    }
    // What stands before: digits in groups, the first of one to three, the
    // others of three.
    let before = &chars[i..j];
    let mut groups = before.split(|x| GROUP_SPACES.contains(&x.1));
    let first_ok = groups
        .next()
        .is_some_and(|g| (1..=3).contains(&g.len()) && g.iter().all(|x| x.1.is_ascii_digit()));
    first_ok && groups.all(|g| g.len() == 3 && g.iter().all(|x| x.1.is_ascii_digit()))
}

pub(super) fn tokenize(sentence: &str) -> Vec<Tok> {
    let mut toks = Vec::new();
    let chars: Vec<(usize, char)> = sentence.char_indices().collect();
    let mut i = 0;
    let mut hyphen = false;
    // A minus sign waiting for its number: its byte offset.
    let mut minus: Option<usize> = None;
    while i < chars.len() {
        let (at, c) = chars[i];
        if let Some(end) = (c == '[')
            .then(|| reference_mark_end(sentence, at))
            .flatten()
        {
            // A footnote mark ("2021.[3]") is no figure of the text.
            while i < chars.len() && chars[i].0 < end {
                i += 1;
            }
            minus = None;
            continue;
        }
        if let Some(len) = iso_date_len(&sentence[at..]) {
            // "2018-01-07": one token, a date (not the range "01-07").
            toks.push(Tok {
                text: sentence[at..at + len].to_string(),
                start: at,
                end: at + len,
                hyphen_before: false,
            });
            i += len; // ASCII: one char a byte
            minus = None;
            continue;
        }
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
                    || digit_group_space(&chars, i, j)
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
            let mut text = if let Some(v) = with_vulgar_fraction(raw) {
                v
            } else if raw.bytes().any(|b| b.is_ascii_digit()) {
                raw.replace(GROUP_SPACES, "")
            } else {
                fold(raw).text
            };
            let mut start = at;
            if let Some(m) = minus.take() {
                if text.starts_with(|c: char| c.is_ascii_digit()) {
                    text.insert(0, '-');
                    start = m;
                }
            }
            toks.push(Tok {
                text,
                start,
                end,
                hyphen_before: hyphen,
            });
            hyphen = false;
            i = j;
            continue;
        }
        minus = None;
        match c {
            // "-40", "−3.5": a sign, when nothing is glued on its left.
            '-' | '−'
                if chars.get(i + 1).is_some_and(|x| x.1.is_ascii_digit())
                    && (i == 0
                        || chars[i - 1].1.is_whitespace()
                        || "([".contains(chars[i - 1].1)) =>
            {
                minus = Some(at);
            }
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

/// The byte length of an ISO date ("2024-02-03") at the start of `text`.
fn iso_date_len(text: &str) -> Option<usize> {
    let b = text.as_bytes();
    let digit = |k: usize| b.get(k).is_some_and(u8::is_ascii_digit);
    let shape = (0..4).all(digit)
        && b.get(4) == Some(&b'-')
        && digit(5)
        && digit(6)
        && b.get(7) == Some(&b'-')
        && digit(8)
        && digit(9)
        && !digit(10);
    shape.then_some(10)
}

/// Is `word` an ISO date token?
pub(super) fn is_iso_date(word: &str) -> bool {
    iso_date_len(word) == Some(word.len())
}

/// A number written with a vulgar fraction ("½", "1½") as decimal text.
fn with_vulgar_fraction(raw: &str) -> Option<String> {
    let at = raw.find(|c: char| fraction_value(c).is_some())?;
    let (whole, rest) = raw.split_at(at);
    let mut chars = rest.chars();
    let f = chars.next().and_then(fraction_value)?;
    if chars.next().is_some() || !whole.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let w: f64 = if whole.is_empty() {
        0.0
    } else {
        whole.parse().ok()?
    };
    Some(format!("{}", w + f))
}

fn fraction_value(c: char) -> Option<f64> {
    Some(match c {
        '½' => 0.5,
        '¼' => 0.25,
        '¾' => 0.75,
        '⅓' => 1.0 / 3.0,
        '⅔' => 2.0 / 3.0,
        '⅕' => 0.2,
        '⅛' => 0.125,
        _ => return None,
    })
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
    if let Some(positive) = text.strip_prefix('-') {
        return parse_digits(positive).map(|(v, p)| (-v, p));
    }
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
        "times" => None,
        _ => None,
    }
}
