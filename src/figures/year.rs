//! Years (SPEC §4): a number from 1000 to 2999 after in / since / by /
//! from / until / of, or in a date (`3 March 1987`, `June 2004`,
//! `2024-02-03`). Elsewhere such a number is a count ("about 2000 troops").

use super::tokens::{is_iso_date, Tok};
use super::Unit;
use crate::lexicon::stopwords::MONTHS;

/// Words after which a four-digit number is a year.
const BEFORE_YEAR: &[&str] = &[
    "in", "since", "by", "from", "until", "till", "of", "during", "before", "after", "circa",
];

/// The year of an ISO date token ("2024-02-03" is 2024).
pub(super) fn iso_year(word: &str) -> Option<f64> {
    is_iso_date(word).then(|| word[..4].parse().ok()).flatten()
}

/// Is the number `value` at token `i`, ending before token `next`, a year?
pub(super) fn is_year_at(
    toks: &[Tok],
    i: usize,
    value: f64,
    next: usize,
    unit: Option<Unit>,
) -> bool {
    let word = toks[i].text.as_str();
    let four_digits = word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit());
    if !four_digits || !(1000.0..=2999.0).contains(&value) || next != i + 1 || unit.is_some() {
        return false;
    }
    let text = |k: usize| toks.get(k).map_or("", |t| t.text.as_str());
    let after = text(i + 1);
    if matches!(after, "%" | "percent") || super::tokens::unit_of(after).is_some() {
        return false;
    }
    let month = |k: usize| MONTHS.contains(&text(k));
    let digits = |k: usize| {
        toks.get(k)
            .is_some_and(|t| t.text.bytes().all(|b| b.is_ascii_digit()))
    };
    // "in his 1998 book", "in the 2024 election": one determiner between.
    let determiner = |k: usize| {
        matches!(
            text(k),
            "the"
                | "a"
                | "an"
                | "his"
                | "her"
                | "its"
                | "their"
                | "our"
                | "my"
                | "your"
                | "this"
                | "that"
        )
    };
    i > 0
        && (BEFORE_YEAR.contains(&text(i - 1))
            || (i >= 2 && determiner(i - 1) && BEFORE_YEAR.contains(&text(i - 2)))
            // "June 2004", "3 March 1987"
            || month(i - 1)
            // "March 3, 1987"
            || (i >= 3 && text(i - 1) == "," && digits(i - 2) && month(i - 3)))
}

#[cfg(test)]
mod tests {
    use crate::figures::read::read_sentence;

    fn years(text: &str) -> Vec<f64> {
        read_sentence(text, 0, None)
            .into_iter()
            .filter(|f| f.is_year)
            .map(|f| f.value)
            .collect()
    }

    #[test]
    fn years_after_prepositions_and_in_dates() {
        assert_eq!(years("It was released in 1984."), [1984.0]);
        assert_eq!(
            years("The law of 1987 and the one from 2001"),
            [1987.0, 2001.0]
        );
        assert_eq!(years("on 3 March 1987, and in June 2004"), [1987.0, 2004.0]);
        assert_eq!(years("on March 3, 1987"), [1987.0]);
        assert_eq!(years("released (2018-01-07) today"), [2018.0]);
    }

    #[test]
    fn other_four_digit_numbers_are_counts() {
        assert!(years("about 2000 troops crossed").is_empty());
        let f = &read_sentence("about 2000 troops crossed", 0, None)[0];
        assert_eq!((f.value, f.nouns[0].as_str()), (2000.0, "troop"));
        assert!(years("spent 1500 dollars").is_empty());
    }
}
