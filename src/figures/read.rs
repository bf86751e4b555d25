//! Reading figures out of prose: values with their qualifier (as an
//! interval), unit, period, counted noun and context words.

use super::labels::is_no_count;
use super::period::{is_period_word, qualifier_before, read_period};
use super::tokens::*;
use super::value::{value_at, Value};
use super::year::{is_year_at, iso_year};
use super::{Figure, Qualifier, Unit};
use crate::lexicon::stopwords::{STOP, STOPWORDS};

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

pub(super) fn read_at(
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
        if let Some(y) = iso_year(word) {
            // A date: its year is the figure.
            let figure = Figure {
                text: word.to_string(),
                value: y,
                low: y,
                high: y,
                precision: 1.0,
                qualifier: Qualifier::Exact,
                unit: None,
                period: None,
                nouns: Vec::new(),
                noun_phrase: String::new(),
                context: context_around(toks, i, i + 1),
                is_year: true,
                start: base + toks[i].start,
                end: base + toks[i].end,
            };
            return Some((figure, i + 1));
        }
        if is_no_count(toks, i) {
            return None;
        }
        let Value {
            value: v,
            precision: p,
            next: n,
            fraction: is_fraction,
            unit: value_unit,
        } = value_at(toks, i)?;
        unit = value_unit;
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
        is_year = is_year_at(toks, i, v, n, unit)
            && !(i > 0 && matches!(toks[i - 1].text.as_str(), "$" | "€" | "£"));
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
            if let Some(Value {
                value: v2,
                next: n2,
                ..
            }) = toks.get(next + 1).and_then(|_| value_at(toks, next + 1))
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
            if let Some(Value {
                value: v2,
                next: n2,
                ..
            }) = value_at(toks, next + 1)
            {
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
    let context = context_around(toks, start_tok, next);
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

/// Context: content words within eight tokens either side of the figure's
/// tokens `start..next`.
fn context_around(toks: &[Tok], start: usize, next: usize) -> Vec<String> {
    let from = start.saturating_sub(8);
    let to = (next + 8).min(toks.len());
    let mut context: Vec<String> = toks[from..to]
        .iter()
        .enumerate()
        .filter(|(j, _)| from + j < start || from + j >= next)
        .map(|(_, t)| t)
        .filter(|t| {
            is_word(t) && !STOPWORDS.contains(&t.text.as_str()) && small_number(&t.text).is_none()
        })
        .map(|t| stem(&t.text))
        .collect();
    context.sort();
    context.dedup();
    context
}
