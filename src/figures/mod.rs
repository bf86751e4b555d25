//! Figures: numbers read as hedged intervals with unit, period, counted
//! noun and context; claimed figures checked against their sources, and
//! conflicts across the other sources of a claims file.

mod period;
pub mod read;
#[cfg(test)]
mod reader_tests;
pub mod tokens;

use crate::text::{Place, Source};
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Qualifier {
    Exact,
    About,
    Nearly,
    MoreThan,
    AtLeast,
    LessThan,
    AtMost,
    Range,
}

impl Qualifier {
    /// The interval a qualified value stands for.
    pub fn interval(self, value: f64, low: f64, high: f64) -> (f64, f64) {
        match self {
            Qualifier::Exact => (value, value),
            Qualifier::About => (value * 9.0 / 10.0, value * 11.0 / 10.0),
            Qualifier::Nearly => (value * 9.0 / 10.0, value),
            Qualifier::MoreThan | Qualifier::AtLeast => (value, f64::INFINITY),
            Qualifier::LessThan | Qualifier::AtMost => (0.0, value),
            Qualifier::Range => (low, high),
        }
    }

    pub fn words(self) -> &'static str {
        match self {
            Qualifier::Exact => "exactly",
            Qualifier::About => "about",
            Qualifier::Nearly => "nearly",
            Qualifier::MoreThan => "more than",
            Qualifier::AtLeast => "at least",
            Qualifier::LessThan => "less than",
            Qualifier::AtMost => "at most",
            Qualifier::Range => "a range",
        }
    }

    fn is_open(self) -> bool {
        matches!(
            self,
            Qualifier::MoreThan | Qualifier::AtLeast | Qualifier::LessThan | Qualifier::AtMost
        )
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Unit {
    Percent,
    Usd,
    Eur,
    Gbp,
    Peso,
    Km,
    Mile,
    Kg,
    Ton,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Period {
    /// A count per this many years (annually = 1, a decade = 10).
    Years(f64),
    /// "since YEAR": the years to the source's publication, when known.
    Since { year: i32, years: Option<f64> },
}

impl Period {
    /// Years the count spans, when known.
    pub fn years(self) -> Option<f64> {
        match self {
            Period::Years(y) => Some(y),
            Period::Since { years, .. } => years,
        }
    }
}

/// A figure read from text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figure {
    pub text: String,
    pub value: f64,
    pub low: f64,
    pub high: f64,
    /// The place of the last significant digit ("1.6 million": 100,000).
    pub precision: f64,
    pub qualifier: Qualifier,
    pub unit: Option<Unit>,
    pub period: Option<Period>,
    /// Stems of the counted noun phrase.
    pub nouns: Vec<String>,
    /// The counted noun phrase as written ("fatal overdoses").
    pub noun_phrase: String,
    /// Stems of the content words around it in its sentence.
    pub context: Vec<String>,
    pub is_year: bool,
    /// Byte range in the text it was read from.
    #[serde(skip)]
    pub start: usize,
    #[serde(skip)]
    pub end: usize,
}

/// A figure of a source, located.
#[derive(Debug, Clone)]
pub struct SourceFigure {
    pub figure: Figure,
    pub place: Place,
}

/// Every figure of a source, sentence by sentence.
pub fn read_source(source: &Source, published: Option<i32>) -> Vec<SourceFigure> {
    let folded_len = source.folded.text.len();
    let layout = &source.layout;
    let mut figures = Vec::new();
    for i in 0..layout.sentences.len() {
        let (s, e) = layout.sentence_range(i, folded_len);
        if s >= e {
            continue;
        }
        let (os, _) = source.original_range(s, e);
        // The sentence runs to the next one's start, punctuation included.
        let oe = match layout.sentences.get(i + 1) {
            Some(&next) => source.original_range(next, next + 1).0,
            None => source.original_range(s, folded_len).1,
        };
        let text = source.original_text(os, oe.max(os));
        for figure in read::read_sentence(&text, os, published) {
            let place = source.place_original(figure.start, figure.end);
            figures.push(SourceFigure { figure, place });
        }
    }
    figures
}

/// Every figure of a claimed figure string: a string holding several
/// numbers ("12% faster for inputs smaller than 2**16") is checked number
/// by number, each with the rest of the string as its context.
pub fn read_claimed_all(text: &str, published: Option<i32>) -> Vec<Figure> {
    read::read_sentence(text, 0, published)
}

/// Read a claimed figure: the string form, or `value` with its `of`.
pub fn read_claimed(text: &str, published: Option<i32>) -> Option<Figure> {
    read::read_sentence(text, 0, published)
        .into_iter()
        .find(|f| !f.is_year)
        .or_else(|| read::read_sentence(text, 0, published).into_iter().next())
}

const GENERIC: &[&str] = &[
    "people",
    "peopl",
    "person",
    "time",
    "year",
    "month",
    "day",
    "week",
    "decad",
    "percent",
    "dollar",
    "case",
    "number",
    "one",
    "part",
    "share",
    "thing",
    "way",
    "unit",
    "member",
    "individual",
    "total",
    "life",
    "liv",
];

fn is_generic(stem: &str) -> bool {
    GENERIC.contains(&stem)
}

/// How many content words (counted nouns and context, generic words
/// aside) two figures share: the measure of "the same context".
pub fn context_overlap(a: &Figure, b: &Figure) -> usize {
    let words = |f: &Figure| -> Vec<String> {
        let mut v: Vec<String> = f
            .nouns
            .iter()
            .chain(f.context.iter())
            .filter(|w| !is_generic(w))
            .cloned()
            .collect();
        v.sort();
        v.dedup();
        v
    };
    let (wa, wb) = (words(a), words(b));
    wa.iter().filter(|w| wb.contains(w)).count()
}

/// Are two figures counts or measures of the same thing? Their nouns share
/// a stem and their units agree; a generic shared noun (people, times…)
/// needs two other shared content words. Two years are of the same thing
/// when their contexts share a content word.
pub fn same_thing(a: &Figure, b: &Figure) -> bool {
    if a.is_year || b.is_year {
        return a.is_year && b.is_year && context_overlap(a, b) >= 1;
    }
    if a.unit != b.unit {
        return false;
    }
    let shared: Vec<&String> = a.nouns.iter().filter(|n| b.nouns.contains(n)).collect();
    if shared.iter().any(|n| !is_generic(n)) {
        return true;
    }
    let generic_shared = !shared.is_empty()
        || (a.unit.is_some() && a.unit == b.unit && (a.nouns.is_empty() || b.nouns.is_empty()));
    if !generic_shared {
        return false;
    }
    // One shared word is a coincidence ("visited the border about a dozen
    // times" / "said at least 17 times that the border is closed").
    context_overlap(a, b) >= 2
}

/// Does the claimed figure agree with a source figure (equal after scaling,
/// rounded to the claim's precision, or inside a bounded source range)?
pub fn agrees(claim: &Figure, source: &Figure) -> bool {
    let close = |a: f64, b: f64| (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0);
    if close(claim.value, source.value) {
        return true;
    }
    if claim.is_year || source.is_year {
        // 2010 is no rounding of 2013: a year is a date, not a measure.
        return false;
    }
    if claim.precision > 0.0
        && close(
            (source.value / claim.precision).round() * claim.precision,
            claim.value,
        )
    {
        // Rounding to a coarser precision than the source's own.
        if claim.precision > source.precision {
            return true;
        }
    }
    !source.qualifier.is_open()
        && source.qualifier != Qualifier::Exact
        && claim.value >= source.low
        && claim.value <= source.high
}

/// Does the claim drop or harden the source's qualifier?
pub fn is_hedge(claim: &Figure, source: &Figure) -> bool {
    if claim.qualifier == source.qualifier || claim.is_year || source.is_year {
        return false;
    }
    match (claim.qualifier, source.qualifier) {
        // Softening an exact figure is honest.
        (Qualifier::About, Qualifier::Exact) => false,
        (_, Qualifier::Exact) => true,
        _ => true,
    }
}

/// The interval as a yearly rate when the figure has a known period.
fn as_rate(f: &Figure) -> Option<(f64, f64)> {
    let years = f.period?.years()?;
    Some((f.low / years, f.high / years))
}

/// Do two figures of the same thing disagree (intervals, as rates where
/// both have a period, that do not overlap)?
pub fn conflicts(a: &Figure, b: &Figure) -> bool {
    if a.is_year || b.is_year {
        return false;
    }
    let (ia, ib) = match (a.period.is_some(), b.period.is_some()) {
        (true, true) => match (as_rate(a), as_rate(b)) {
            (Some(x), Some(y)) => (x, y),
            _ => return false, // a period that cannot be resolved: never guess
        },
        (false, false) => ((a.low, a.high), (b.low, b.high)),
        _ => return false,
    };
    let eps = 1e-9;
    ia.1 < ib.0 - eps || ib.1 < ia.0 - eps
}

/// Human form of a number: 400000 -> "400,000".
pub fn format_value(v: f64) -> String {
    if v.is_infinite() {
        return "∞".into();
    }
    if v.fract().abs() > 1e-9 {
        return format!("{v:.2}").trim_end_matches('0').to_string();
    }
    let digits = format!("{}", v.round() as i128);
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 && c != '-' {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fig(text: &str) -> Figure {
        read_claimed(text, Some(2026)).unwrap()
    }

    #[test]
    fn agreement_by_scaling_rounding_and_ranges() {
        assert!(agrees(
            &fig("400 thousand overdoses"),
            &fig("400,000 overdoses")
        ));
        assert!(agrees(
            &fig("0.4 million overdoses"),
            &fig("400,000 overdoses")
        ));
        assert!(agrees(&fig("1.6 million people"), &fig("1,612,000 people")));
        assert!(agrees(&fig("35 troops"), &fig("between 30 and 40 troops")));
        assert!(!agrees(
            &fig("at least 70 times"),
            &fig("at least 17 times")
        ));
        assert!(!agrees(
            &fig("16 million USians"),
            &fig("roughly 1.6 million USians")
        ));
        assert!(!agrees(&fig("60 suspects"), &fig("more than 50 suspects")));
    }

    #[test]
    fn hedges() {
        assert!(is_hedge(
            &fig("400,000 overdoses"),
            &fig("about 400,000 overdoses")
        ));
        assert!(is_hedge(&fig("30 years"), &fig("nearly 30 years")));
    }

    #[test]
    fn years_agree_only_when_equal_and_never_hedge() {
        let year = |t: &str| {
            read::read_sentence(t, 0, None)
                .into_iter()
                .find(|f| f.is_year)
                .unwrap()
        };
        let (claim, source) = (
            year("the standard was released in 2010"),
            year("this standard was released in 2013"),
        );
        assert!(same_thing(&claim, &source));
        assert!(!agrees(&claim, &source));
        assert!(agrees(&claim, &year("the standard was released in 2010")));
        assert!(!is_hedge(&claim, &source));
        assert!(!conflicts(&claim, &source));
        // A year of something else is not compared.
        assert!(!same_thing(&claim, &year("the town was founded in 2013")));
        assert!(!is_hedge(
            &fig("about 400,000 overdoses"),
            &fig("400,000 overdoses")
        ));
        assert!(!is_hedge(
            &fig("more than 50 suspects"),
            &fig("more than 50 suspects")
        ));
    }

    #[test]
    fn the_overdose_figures_conflict_and_lives_do_not() {
        let decade = fig("about 400,000 fatal overdoses during the past decade");
        let annual = fig("over 100,000 overdose deaths annually");
        let lives = fig("over 100,000 lives since 2017");
        assert!(same_thing(&decade, &annual));
        assert!(conflicts(&decade, &annual));
        assert!(!same_thing(&decade, &lives));
        assert!(!conflicts(&lives, &annual));
        assert!(!conflicts(&lives, &decade));
    }

    #[test]
    fn generic_nouns_need_shared_context() {
        let war = fig("an estimated half a million people dead in the drug war");
        let bomb = fig("the blast killed six people");
        assert!(!same_thing(&war, &bomb));
        let km = fig("a 3,200 km border");
        let troops = fig("3,200 troops");
        assert!(!same_thing(&km, &troops));
    }
}
