//! Reading figures out of prose: values with their qualifier (as an
//! interval), unit, period, counted noun and context words.

use super::{Figure, Period, Qualifier, Unit};
use crate::text::fold::fold;

/// A token of a sentence, with its byte range in the sentence.
#[derive(Debug, Clone)]
struct Tok {
    /// Folded (lower case, no diacritics) text; symbols stay as they are.
    text: String,
    start: usize,
    end: usize,
    /// Joined to the previous token by a hyphen ("3,200-kilometer").
    hyphen_before: bool,
}

fn tokenize(sentence: &str) -> Vec<Tok> {
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

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];

fn small_number(word: &str) -> Option<f64> {
    crate::numbers::word_value(word)
}

fn scale(word: &str) -> Option<f64> {
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
fn plural_scale(word: &str) -> Option<f64> {
    match word {
        "dozens" => Some(12.0),
        "hundreds" => Some(1e2),
        "thousands" => Some(1e3),
        "millions" => Some(1e6),
        "billions" => Some(1e9),
        _ => None,
    }
}

fn parse_digits(text: &str) -> Option<(f64, f64)> {
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

/// Words that end a counted noun phrase.
const STOP: &[&str] = &[
    "of", "in", "on", "at", "to", "from", "by", "for", "with", "into", "during", "over", "since",
    "and", "or", "but", "that", "which", "who", "whom", "whose", "were", "was", "are", "is", "be",
    "been", "have", "has", "had", "as", "than", "across", "through", "per", "a", "an", "the",
    "this", "these", "those", "its", "their", "his", "her", "annually", "ago", "before", "after",
    "under", "above", "about", "around", "between", "against", "while", "when", "where", "if",
    "not", "also", "so", "such", "would", "will", "could", "can", "may", "might", "said", "says",
    "each", "every", "already", "all",
];

/// Words that carry no context.
const STOPWORDS: &[&str] = &[
    "the",
    "a",
    "an",
    "of",
    "in",
    "on",
    "at",
    "to",
    "from",
    "by",
    "for",
    "with",
    "into",
    "during",
    "over",
    "since",
    "and",
    "or",
    "but",
    "that",
    "which",
    "who",
    "were",
    "was",
    "are",
    "is",
    "be",
    "been",
    "have",
    "has",
    "had",
    "as",
    "than",
    "this",
    "these",
    "those",
    "its",
    "their",
    "his",
    "her",
    "it",
    "they",
    "he",
    "she",
    "we",
    "more",
    "less",
    "about",
    "around",
    "nearly",
    "almost",
    "roughly",
    "some",
    "least",
    "most",
    "up",
    "under",
    "above",
    "approximately",
    "estimated",
    "just",
    "only",
    "also",
    "not",
    "no",
    "there",
    "what",
    "when",
    "where",
    "how",
    "other",
    "such",
    "s",
    "per",
    "than",
    "will",
    "would",
    "could",
    "can",
    "may",
    "might",
    "said",
    "says",
    "according",
    "past",
    "last",
    "first",
    "new",
];

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

fn is_word(t: &Tok) -> bool {
    t.text.chars().next().is_some_and(char::is_alphabetic)
}

fn unit_of(word: &str) -> Option<Unit> {
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

/// Read every figure of one sentence. `base` is the sentence's offset in
/// its text; `published` resolves "since YEAR".
pub fn read_sentence(sentence: &str, base: usize, published: Option<i32>) -> Vec<Figure> {
    let toks = tokenize(sentence);
    let mut figures: Vec<Figure> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        match read_at(&toks, i, sentence, base, published) {
            Some((mut figure, next)) => {
                // "from $25 million to $50 million": the second counts what
                // the first does.
                if let Some(last) = figures.last() {
                    let between = sentence[last.end - base..figure.start - base].trim();
                    if matches!(between, "to" | "and" | "or" | "–" | "-")
                        && last.nouns.len() >= figure.nouns.len()
                    {
                        figure.nouns = last.nouns.clone();
                        figure.noun_phrase = last.noun_phrase.clone();
                    }
                }
                figures.push(figure);
                i = next.max(i + 1);
            }
            None => i += 1,
        }
    }
    figures
}

/// The value starting at token `i`: (value, precision, first token after it).
fn value_at(toks: &[Tok], i: usize) -> Option<(f64, f64, usize, bool)> {
    let t = &toks[i];
    let word = t.text.as_str();
    // Digits, maybe with a scale word.
    if let Some((v, p)) = parse_digits(word) {
        if let Some(s) = toks.get(i + 1).and_then(|n| scale(&n.text)) {
            return Some((v * s, p * s, i + 2, false));
        }
        return Some((v, p, i + 1, false));
    }
    // "half a million", "a third", "half".
    if word == "half" {
        if toks.get(i + 1).is_some_and(|n| n.text == "a") {
            if let Some(s) = toks.get(i + 2).and_then(|n| scale(&n.text)) {
                return Some((0.5 * s, 0.1 * s, i + 3, false));
            }
        }
        return Some((0.5, 0.5, i + 1, true));
    }
    if word == "dozen" {
        return Some((12.0, 1.0, i + 1, false));
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
        if let Some(s) = toks.get(next).and_then(|n| scale(&n.text)) {
            return Some((v * s, s, next + 1, false));
        }
        return Some((v, 1.0, next, false));
    }
    None
}

fn read_at(
    toks: &[Tok],
    i: usize,
    sentence: &str,
    base: usize,
    published: Option<i32>,
) -> Option<(Figure, usize)> {
    let word = toks[i].text.as_str();
    let mut start_tok = i;
    let mut qualifier = Qualifier::Exact;
    let mut unit = None;
    let low;
    let high;
    let value;
    let precision;
    let mut next;
    let mut is_year = false;
    let mut fraction = false;

    // Ranges written with words: "hundreds of millions", "tens of thousands",
    // "several hundred", "dozens of".
    if let Some(s) = plural_scale(word) {
        // "thousands": two thousand up to (not including) a thousand thousand.
        let mut lo = 2.0 * s;
        let mut hi = if s == 12.0 {
            12.0 * s - 1.0
        } else if s == 1e2 {
            1e3 - 1.0
        } else {
            1e3 * s - 1.0
        };
        let mut n = i + 1;
        if toks.get(n).is_some_and(|t| t.text == "of") {
            if let Some(s2) = toks.get(n + 1).and_then(|t| plural_scale(&t.text)) {
                // "hundreds of millions": from 200 million to a billion.
                lo *= s2;
                hi = 10.0 * s * s2 - 1.0;
                n += 2;
            }
        }
        qualifier = Qualifier::Range;
        low = lo;
        high = hi;
        value = (lo + hi) / 2.0;
        precision = s;
        next = n;
    } else if word == "tens" && toks.get(i + 1).is_some_and(|t| t.text == "of") {
        let s = toks.get(i + 2).and_then(|t| plural_scale(&t.text))?;
        qualifier = Qualifier::Range;
        low = 20.0 * s;
        high = 100.0 * s - 1.0;
        value = (low + high) / 2.0;
        precision = 10.0 * s;
        next = i + 3;
    } else if word == "several" {
        let s = toks.get(i + 1).and_then(|t| scale(&t.text))?;
        qualifier = Qualifier::Range;
        low = 3.0 * s;
        high = 9.0 * s;
        value = 6.0 * s;
        precision = s;
        next = i + 2;
    } else {
        // Skip what is not a count: ordinals ("45th"), list markers ("1)"),
        // names ("MS-13"), "one" standing alone.
        if word.bytes().next().is_some_and(|b| b.is_ascii_digit())
            && word.bytes().any(|b| b.is_ascii_alphabetic())
        {
            return None;
        }
        if toks[i].hyphen_before && i > 0 && is_word(&toks[i - 1]) && parse_digits(word).is_some() {
            return None;
        }
        if word == "one" && toks.get(i + 1).is_none_or(|t| scale(&t.text).is_none()) {
            return None;
        }
        // A day of a month ("December 6", "6 December").
        let month = |t: Option<&Tok>| t.is_some_and(|t| MONTHS.contains(&t.text.as_str()));
        if parse_digits(word).is_some()
            && (i > 0 && month(toks.get(i - 1)) || month(toks.get(i + 1)))
        {
            return None;
        }
        let (v, p, n, is_fraction) = value_at(toks, i)?;
        if toks.get(n).is_some_and(|t| t.text == ")" || t.text == "/")
            || (i > 0 && toks[i - 1].text == "/")
        {
            return None;
        }
        fraction = is_fraction;
        value = v;
        precision = p;
        next = n;
        low = v;
        high = v;
        // A calendar year: four digits, no separator, nothing scaling it.
        let digits = word.bytes().all(|b| b.is_ascii_digit());
        if digits && word.len() == 4 && (1800.0..=2100.0).contains(&v) && n == i + 1 {
            let after = toks.get(n).map(|t| t.text.as_str()).unwrap_or("");
            let currency = i > 0 && toks[i - 1].text == "$";
            if !matches!(after, "%" | "percent") && !currency && unit_of(after).is_none() {
                is_year = true;
            }
        }
    }
    // Currency before: "$", "US$".
    if start_tok > 0 && toks[start_tok - 1].text == "$" {
        unit = Some(Unit::Usd);
        start_tok -= 1;
        if start_tok > 0 && toks[start_tok - 1].text == "us" {
            start_tok -= 1;
        }
    } else if start_tok > 0 && toks[start_tok - 1].text == "€" {
        unit = Some(Unit::Eur);
        start_tok -= 1;
    } else if start_tok > 0 && toks[start_tok - 1].text == "£" {
        unit = Some(Unit::Gbp);
        start_tok -= 1;
    }
    // "a dozen": the article belongs to the figure.
    if start_tok > 0
        && matches!(toks[start_tok - 1].text.as_str(), "a" | "an")
        && (word == "dozen" || word == "hundred" || word == "thousand")
    {
        start_tok -= 1;
    }
    let mut low = low;
    let mut high = high;
    let mut value = value;
    // Ranges: "between X and Y", "X–Y", "X to Y" after "from" with no verb of change.
    if !is_year && qualifier != Qualifier::Range {
        if toks.get(next).is_some_and(|t| t.text == "–") {
            if let Some((v2, _, n2, _)) = toks.get(next + 1).and_then(|_| value_at(toks, next + 1))
            {
                low = value.min(v2);
                high = value.max(v2);
                value = (low + high) / 2.0;
                qualifier = Qualifier::Range;
                next = n2;
            }
        } else if start_tok > 0
            && toks[start_tok - 1].text == "between"
            && toks.get(next).is_some_and(|t| t.text == "and")
        {
            if let Some((v2, _, n2, _)) = value_at(toks, next + 1) {
                low = value.min(v2);
                high = value.max(v2);
                value = (low + high) / 2.0;
                qualifier = Qualifier::Range;
                start_tok -= 1;
                next = n2;
            }
        }
    }
    // "millions of dollars": the unit comes after "of".
    if qualifier == Qualifier::Range && toks.get(next).is_some_and(|t| t.text == "of") {
        if let Some(u) = toks.get(next + 1).and_then(|t| unit_of(&t.text)) {
            unit = Some(u);
            next += 2;
        }
    }
    // Percent and units after.
    if let Some(t) = toks.get(next) {
        if let Some(u) = unit_of(&t.text) {
            if unit.is_none() || (unit == Some(Unit::Usd) && u == Unit::Usd) {
                unit = Some(u);
                next += 1;
            }
        } else if t.text == "per" && toks.get(next + 1).is_some_and(|t| t.text == "cent") {
            unit = Some(Unit::Percent);
            next += 2;
        }
    }
    // Qualifier before.
    if !is_year {
        let before: Vec<&str> = toks[..start_tok]
            .iter()
            .rev()
            .take(3)
            .map(|t| t.text.as_str())
            .collect();
        let (q, used) = qualifier_before(&before);
        if qualifier == Qualifier::Exact {
            qualifier = q;
            start_tok -= used;
        } else if qualifier == Qualifier::Range && q != Qualifier::Exact && q != Qualifier::About {
            // "fewer than several hundred": below the range's top.
            qualifier = q;
            value = if matches!(
                q,
                Qualifier::LessThan | Qualifier::AtMost | Qualifier::Nearly
            ) {
                high
            } else {
                low
            };
            start_tok -= used;
        }
    }
    if !is_year {
        (low, high) = qualifier.interval(value, low, high);
    }
    // The counted noun phrase, after the unit.
    let mut noun_words = Vec::new();
    let mut noun_span: Option<(usize, usize)> = None;
    let mut k = next;
    if unit == Some(Unit::Percent) || fraction || toks.get(k).is_some_and(|t| t.text == "of") {
        // "80 percent of Mexico's exports", "half of its territory".
        if toks.get(k).is_some_and(|t| t.text == "of") {
            k += 1;
            while toks.get(k).is_some_and(|t| {
                matches!(
                    t.text.as_str(),
                    "the" | "a" | "an" | "its" | "their" | "his" | "her"
                )
            }) || toks
                .get(k + 1)
                .is_some_and(|t| t.text == "’" || t.text == "'")
            {
                k += 1;
            }
        }
    }
    while let Some(t) = toks.get(k) {
        if !is_word(t)
            || STOP.contains(&t.text.as_str())
            || noun_words.len() >= 4
            || unit_of(&t.text).is_some() && !noun_words.is_empty()
        {
            break;
        }
        if is_period_word(&t.text) {
            break;
        }
        noun_words.push(t.text.clone());
        noun_span = Some((noun_span.map_or(t.start, |s| s.0), t.end));
        k += 1;
    }
    // A possessive ("Mexico's exports") says whose, not what.
    let mut nouns: Vec<String> = noun_words
        .iter()
        .filter(|w| !STOPWORDS.contains(&w.as_str()) && !w.ends_with("'s"))
        .map(|w| stem(w))
        .collect();
    if nouns.is_empty() {
        // "the reward on Maduro's head from $25 million": the thing counted
        // stands before the figure.
        nouns = toks[start_tok.saturating_sub(6)..start_tok]
            .iter()
            .filter(|t| {
                is_word(t)
                    && !STOPWORDS.contains(&t.text.as_str())
                    && !STOP.contains(&t.text.as_str())
            })
            .filter(|t| {
                !t.text.ends_with("'s")
                    && small_number(&t.text).is_none()
                    && scale(&t.text).is_none()
            })
            .map(|t| stem(&t.text))
            .collect();
    }
    let period = read_period(toks, next, published);
    // Context: content words within eight tokens either side.
    let from = start_tok.saturating_sub(8);
    let to = (next + 8).min(toks.len());
    let mut context: Vec<String> = toks[from..to]
        .iter()
        .enumerate()
        .filter(|(j, _)| from + j < start_tok || from + j >= next)
        .map(|(_, t)| t)
        .filter(|t| {
            is_word(t) && !STOPWORDS.contains(&t.text.as_str()) && small_number(&t.text).is_none()
        })
        .map(|t| stem(&t.text))
        .collect();
    context.sort();
    context.dedup();
    let first = &toks[start_tok];
    let last = &toks[next.max(start_tok + 1) - 1];
    let text = sentence[first.start..last.end].to_string();
    let figure = Figure {
        text,
        value,
        low,
        high,
        precision,
        qualifier: if is_year { Qualifier::Exact } else { qualifier },
        unit,
        period,
        nouns,
        noun_phrase: noun_span
            .map(|(s, e)| sentence[s..e].to_string())
            .unwrap_or_default(),
        context,
        is_year,
        start: base + first.start,
        end: base + last.end,
    };
    Some((figure, next))
}

fn qualifier_before(before: &[&str]) -> (Qualifier, usize) {
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

fn is_period_word(word: &str) -> bool {
    matches!(word, "annually" | "yearly" | "monthly" | "weekly" | "daily")
}

/// The period after a figure: "annually", "a year", "per month", "during the
/// past decade", "over the past 5 years", "since 2017".
fn read_period(toks: &[Tok], from: usize, published: Option<i32>) -> Option<Period> {
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

#[cfg(test)]
mod tests {
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
}
