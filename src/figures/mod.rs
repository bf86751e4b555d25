//! Figures: numbers read as hedged intervals with unit, period, counted
//! noun and context; claimed figures checked against their sources, and
//! conflicts across the other sources of a claims file.

mod compare;
mod labels;
mod period;
pub mod read;
#[cfg(test)]
mod reader_tests;
pub mod tokens;
mod value;
mod year;

pub use compare::{agrees, conflicts, context_overlap, is_hedge, same_thing, same_thing_across};

use crate::text::{Place, Source};
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
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
            // Ordered, so that a negative value ("about -40") reads too.
            Qualifier::About => ordered(value * 9.0 / 10.0, value * 11.0 / 10.0),
            Qualifier::Nearly => ordered(value * 9.0 / 10.0, value),
            Qualifier::MoreThan | Qualifier::AtLeast => (value, f64::INFINITY),
            Qualifier::LessThan | Qualifier::AtMost if value < 0.0 => (f64::NEG_INFINITY, value),
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
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
    /// "1.4x", "3×", "twice as", "three times faster".
    Multiplier,
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

fn ordered(a: f64, b: f64) -> (f64, f64) {
    (a.min(b), a.max(b))
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

/// Could a sentence's folded words state a figure? Only with digits or a
/// number word (and, to be safe, any word the folding left non-ASCII:
/// superscripts, fractions, other scripts). Most sentences of a large
/// archive have none, and reading them was most of a figure pass.
fn may_state_a_figure(folded: &str) -> bool {
    folded
        .split(' ')
        .any(|w| !w.is_ascii() || crate::lexicon::numbers::is_number(w))
}

/// Every figure of a source, sentence by sentence.
pub fn read_source(source: &Source, published: Option<i32>) -> Vec<SourceFigure> {
    let folded_len = source.folded.text.len();
    let layout = &source.layout;
    let mut figures = Vec::new();
    for i in 0..layout.sentences.len() {
        let (s, e) = layout.sentence_range(i, folded_len);
        if s >= e || !may_state_a_figure(source.folded.text.get(s..e).unwrap_or("")) {
            continue;
        }
        let (mut os, _) = source.original_range(s, e);
        // A sentence's opening bracket belongs to it: "[Note 2]" after a
        // period is a reference mark, which the reader skips whole.
        if os > 0 && source.original_text(os - 1, os) == "[" {
            os -= 1;
        }
        // The sentence runs to the next one's start, punctuation included.
        let oe = match layout.sentences.get(i + 1) {
            Some(&next) => source.original_range(next, next + 1).0,
            // The last runs to the end of the text, its closing marks too.
            None => source
                .original_range(s, folded_len)
                .1
                .max(source.original_len()),
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

/// Human form of a number: 400000 -> "400,000".
/// The values a figure is read as, in words: "exactly 1,200", "360,000 to
/// 440,000", "100,000 or more", "up to 50".
pub fn interval_words(low: f64, high: f64) -> String {
    if low == high {
        format!("exactly {}", format_value(low))
    } else if high.is_infinite() {
        format!("{} or more", format_value(low))
    } else if low.is_infinite() {
        format!("up to {}", format_value(high))
    } else {
        format!("{} to {}", format_value(low), format_value(high))
    }
}

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
