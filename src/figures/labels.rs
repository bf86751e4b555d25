//! Numbers that are no counts: labels ("Version 3", "section 11"),
//! numbers glued into names ("POSIX.1-2008"), ordinals ("45th"), list
//! markers, "one" standing alone, and days of a month.

use super::tokens::{is_word, parse_digits, scale, Tok};
use super::value::value_at;
use crate::lexicon::stopwords::MONTHS;

/// Is the number at token `i` a label: "Version 3", "section 11", "page 4",
/// or one that follows such a label in a list ("sections 15 and 16")?
fn is_label(toks: &[Tok], i: usize) -> bool {
    if i == 0 || parse_digits(&toks[i].text).is_none() {
        return false;
    }
    let before = toks[i - 1].text.as_str();
    if i >= 2
        && matches!(
            before,
            "and" | "or" | "," | "to" | "through" | "–" | "-" | "&"
        )
        && is_label(toks, i - 2)
    {
        return true;
    }
    matches!(
        before.trim_end_matches('s'),
        "version"
            | "section"
            | "chapter"
            | "article"
            | "part"
            | "page"
            | "paragraph"
            | "clause"
            | "item"
            | "step"
            | "figure"
            | "table"
            | "appendix"
            | "exhibit"
            | "no"
            | "v"
            | "rfc"
            | "issue"
    )
}

/// Is the number at token `i` something other than a quantity?
pub(super) fn is_no_count(toks: &[Tok], i: usize) -> bool {
    let word = toks[i].text.as_str();
    // A number glued into a name ("POSIX.1-2008", "ISO-8859") is part
    // of it, not a figure.
    let glued = |k: usize| k > 0 && toks[k].start == toks[k - 1].end;
    if i >= 2
        && glued(i)
        && matches!(toks[i - 1].text.as_str(), "." | "–")
        && glued(i - 1)
        && toks[i - 2].text.chars().all(char::is_alphanumeric)
    {
        return true;
    }
    if is_label(toks, i) {
        return true;
    }
    // Skip what is not a count: ordinals ("45th"), list markers ("1)"),
    // names ("MS-13"), "one" standing alone.
    if word.bytes().next().is_some_and(|b| b.is_ascii_digit())
        && word.bytes().any(|b| b.is_ascii_alphabetic())
        && value_at(toks, i).is_none()
    {
        return true;
    }
    if toks[i].hyphen_before && i > 0 && is_word(&toks[i - 1]) && parse_digits(word).is_some() {
        return true;
    }
    if word == "one" && toks.get(i + 1).is_none_or(|t| scale(&t.text).is_none()) {
        return true;
    }
    // A day of a month ("December 6", "6 December").
    let month = |t: Option<&Tok>| t.is_some_and(|t| MONTHS.contains(&t.text.as_str()));
    if parse_digits(word).is_some_and(|(v, _)| (1.0..=31.0).contains(&v))
        && (i > 0 && month(toks.get(i - 1)) || month(toks.get(i + 1)))
    {
        return true;
    }
    false
}
