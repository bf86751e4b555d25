//! Comparing figures: of the same thing, in how close a context, agreeing,
//! hedged, or in conflict.

use super::{Figure, Qualifier};

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

/// Are a claimed figure and a figure of its cited source counts or
/// measures of the same thing? Their nouns share a stem and their units
/// agree; a generic shared noun (people, times…) needs another shared
/// content word. Two years are of the same thing when their contexts
/// share a content word.
pub fn same_thing(a: &Figure, b: &Figure) -> bool {
    same_thing_with(a, b, 1)
}

/// Are figures of two different sources of the same thing? As
/// [`same_thing`], but a generic shared noun needs two other shared words:
/// one is a coincidence ("visited the border about a dozen times" / "said
/// at least 17 times that the border is closed").
pub fn same_thing_across(a: &Figure, b: &Figure) -> bool {
    same_thing_with(a, b, 2)
}

fn same_thing_with(a: &Figure, b: &Figure, generic_needs: usize) -> bool {
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
    context_overlap(a, b) >= generic_needs
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
