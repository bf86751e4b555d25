//! Words that carry meaning no edit may change: numbers and negations.
//! The figures stage builds its reader on these.

/// Number words below twenty, in order of value.
pub const UNITS: &[&str] = &[
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];

/// Tens from twenty to ninety, in order of value.
pub const TENS: &[&str] = &[
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

/// Other words that state a number or a quantity. Not "quarter": in
/// prose it is most often a coin, three months or part of a town ("each
/// quarter", "headquarters"), so a misspelt "qurter" is a typo; a quarter
/// changed to "a third" or "half" still changes a number, by those words.
const OTHER_NUMBER_WORDS: &[&str] = &[
    "hundred",
    "hundreds",
    "thousand",
    "thousands",
    "million",
    "millions",
    "billion",
    "billions",
    "trillion",
    "dozen",
    "dozens",
    "half",
    "third",
    "once",
    "twice",
    "thrice",
    "single",
    "double",
    "triple",
    "several",
    "none",
];

/// The value of a number word below a hundred ("seventeen", "forty").
pub fn word_value(word: &str) -> Option<f64> {
    if let Some(i) = UNITS.iter().position(|u| *u == word) {
        return Some(i as f64);
    }
    TENS.iter()
        .position(|t| *t == word)
        .map(|i| (i as f64 + 2.0) * 10.0)
}

const NEGATIONS: &[&str] = &[
    "not",
    "no",
    "never",
    "without",
    "nor",
    "neither",
    "none",
    "nobody",
    "nothing",
    "nowhere",
    "cannot",
    "can't",
    "won't",
    "don't",
    "doesn't",
    "didn't",
    "isn't",
    "aren't",
    "wasn't",
    "weren't",
    "hasn't",
    "haven't",
    "hadn't",
    "shouldn't",
    "wouldn't",
    "couldn't",
    "mustn't",
    "mightn't",
    "needn't",
    "ain't",
    "unless",
    "n't",
];

/// Does a folded word state a number ("400,000", "1.6", "seventeen")?
pub fn is_number(word: &str) -> bool {
    word.bytes().any(|b| b.is_ascii_digit())
        || word_value(word).is_some()
        || OTHER_NUMBER_WORDS.contains(&word)
}

/// Does a folded word negate ("not", "never", "didn't", "without")?
pub fn is_negation(word: &str) -> bool {
    NEGATIONS.contains(&word) || word.ends_with("n't")
}

/// Is one word the other with a negating prefix ("secure" / "insecure",
/// "legal" / "illegal", "likely" / "unlikely")? A one-letter edit can
/// flip a meaning, and that is no typo.
pub fn negates(a: &str, b: &str) -> bool {
    const PREFIXES: &[&str] = &["un", "in", "im", "il", "ir", "non", "dis", "a"];
    let (long, short) = if a.len() > b.len() { (a, b) } else { (b, a) };
    PREFIXES.iter().any(|p| {
        long.strip_prefix(p)
            .is_some_and(|rest| rest == short || rest.strip_prefix('-') == Some(short))
    }) && short.len() >= 3
}

/// A word whose change always changes meaning.
pub fn is_meaningful(word: &str) -> bool {
    is_number(word) || is_negation(word)
}

/// Does a text hold a number at all (digits or number words)?
pub fn has_number(text: &str) -> bool {
    crate::text::fold::fold_words(text)
        .iter()
        .any(|w| is_number(w))
}

/// Modal verbs and quantifiers: a change to one changes what a sentence
/// commits to.
pub fn is_modal_or_quantifier(word: &str) -> bool {
    matches!(
        word,
        "shall"
            | "should"
            | "may"
            | "might"
            | "must"
            | "can"
            | "could"
            | "will"
            | "would"
            | "all"
            | "every"
            | "each"
            | "some"
            | "any"
            | "most"
            | "many"
            | "few"
            | "only"
            | "always"
            | "sometimes"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_negations_are_recognised() {
        assert!(is_number("400,000"));
        assert!(is_number("seventeen"));
        assert!(is_number("dozen"));
        assert!(!is_number("fentanyl"));
        assert!(is_number("third") && !is_number("quarter"));
        assert!(is_negation("not"));
        assert!(is_negation("didn't"));
        assert!(is_negation("without"));
        assert!(!is_negation("note"));
        assert!(has_number("more than 50 cartel suspects"));
        assert!(has_number("a dozen times"));
        assert!(!has_number("cartel suspects"));
        assert!(negates("secure", "insecure"));
        assert!(negates("unlikely", "likely"));
        assert!(!negates("secure", "secured"));
    }
}
