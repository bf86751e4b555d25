//! Names and roles: who a run of capitalised words names, and the subject
//! on either side of a speech verb.

use super::tokens::{folded, is_capitalised, Tok};
use crate::lexicon::english;
use crate::lexicon::people::{NOT_PEOPLE, PRONOUNS, ROLES, SPEECH_VERBS, TITLES};

/// The name (or role) a run of words ends with: titles and possessors
/// dropped ("Secretary of State Marco Rubio" → "Marco Rubio").
pub(super) fn name_of(words: &[&Tok]) -> Option<String> {
    // The trailing run of capitalised words.
    let mut start = words.len();
    while start > 0 {
        let w = &words[start - 1].text;
        let particle = matches!(
            w.as_str(),
            "de" | "del" | "la" | "van" | "von" | "y" | "bin"
        );
        if is_capitalised(w) || (particle && start < words.len()) {
            start -= 1;
        } else {
            break;
        }
    }
    let run: Vec<&str> = words[start..].iter().map(|t| t.text.as_str()).collect();
    // Drop leading titles and possessors.
    let mut first = 0;
    while first < run.len() {
        let f = folded(run[first]);
        let possessive = run[first].ends_with("’s") || run[first].ends_with("'s");
        if (TITLES.contains(&f.as_str()) || possessive) && first + 1 < run.len() {
            first += 1;
        } else {
            break;
        }
    }
    let name: Vec<&str> = run[first..].to_vec();
    if name.is_empty() || name.iter().all(|w| NOT_PEOPLE.contains(w)) {
        return None;
    }
    Some(name.join(" "))
}

/// All in capitals ("NOT", "MODIFICATIONS"): a heading or emphasis, no name.
pub(super) fn is_shouted(name: &str) -> bool {
    let letters: Vec<char> = name.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() > 1 && letters.iter().all(|c| c.is_uppercase())
}

/// Could `name` be a person's (or a commenter's) name rather than a
/// heading, a section title, a defined term or a sentence's first word?
/// Not all capitals, no final period, no function words, and not made of
/// English words alone ("Definitions", "Permission", "License Agreement").
pub(super) fn looks_like_name(name: &str) -> bool {
    let name = name.trim();
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.is_empty() || words.len() > 4 || name.ends_with(['.', ':', ';', '?', '!']) {
        return false;
    }
    if is_shouted(name) {
        return false;
    }
    // Lower-case function words make a title ("Versions of the License");
    // a capitalised one may open a name or handle ("The Rev Kev").
    let function = |w: &str| {
        !is_capitalised(w)
            && matches!(
                folded(w).as_str(),
                "of" | "the"
                    | "and"
                    | "for"
                    | "to"
                    | "in"
                    | "on"
                    | "a"
                    | "an"
                    | "with"
                    | "by"
                    | "or"
            )
    };
    if words.iter().any(|w| function(w)) {
        return false;
    }
    // "It’s": a possessive or contraction of an English word.
    let bare = |w: &str| {
        let w = w.trim_end_matches("’s").trim_end_matches("'s");
        folded(w)
    };
    !words.iter().all(|w| english::is_word(&bare(w)))
}

/// A role phrase ending a run of words: "the adviser", "the senior Mexican
/// official", "one adviser to Sheinbaum".
pub(super) fn role_of(words: &[&Tok]) -> Option<String> {
    // Cut at a preposition: "adviser to Sheinbaum" is the adviser; but
    // "Department of Defense" is one name.
    let mut cut = words.len();
    for (i, w) in words.iter().enumerate() {
        let joins_names = w.text == "of" && i > 0 && is_capitalised(&words[i - 1].text);
        if matches!(w.text.as_str(), "to" | "of" | "for" | "in" | "at" | "with")
            && i > 0
            && !joins_names
        {
            cut = i;
            break;
        }
    }
    let head = &words[..cut];
    // The role noun: the last word, or the head of "Department of Defense".
    let noun_at = head
        .iter()
        .rposition(|w| ROLES.contains(&folded(&w.text).as_str()))?;
    // After the role noun: nothing, or "of Defense"; a personal name there
    // ("Attorney General Pam Bondi") makes it a title, not a role.
    let tail = &head[noun_at + 1..];
    let organisation = tail.first().is_some_and(|w| w.text == "of")
        && tail
            .iter()
            .all(|w| w.text == "of" || is_capitalised(&w.text));
    if !tail.is_empty() && !organisation {
        return None;
    }
    let det = head
        .iter()
        .rposition(|w| {
            matches!(
                folded(&w.text).as_str(),
                "the" | "a" | "an" | "one" | "another" | "this" | "that"
            )
        })
        .unwrap_or(0);
    Some(
        head[det..]
            .iter()
            .map(|w| w.text.as_str())
            .collect::<Vec<_>>()
            .join(" "),
    )
}

/// The speaker named by the words before a speech verb (tokens `from..v`).
pub(super) fn subject_before(toks: &[Tok], v: usize) -> Option<(String, bool, usize)> {
    let mut end = v;
    // "X, the former ambassador, told me": skip the apposition.
    if end > 0 && toks[end - 1].text == "," {
        let open = toks[..end - 1]
            .iter()
            .rposition(|t| t.text == "," || t.text == "\"");
        if let Some(open) = open.filter(|&o| toks[o].text == ",") {
            let inner: Vec<&Tok> = toks[open + 1..end - 1].iter().collect();
            // The apposition is the name itself ("the commander, Rear Admiral X,").
            if let Some(name) =
                name_of(&inner).filter(|n| n.split(' ').count() >= 2 || inner.len() == 1)
            {
                if inner
                    .iter()
                    .all(|t| is_capitalised(&t.text) || t.text.len() <= 3)
                {
                    return Some((name, false, toks[open + 1].start));
                }
            }
            end = open;
        } else {
            return None;
        }
    }
    // The phrase back to a boundary.
    let mut start = end;
    while start > 0 {
        let t = &toks[start - 1];
        if t.quoted
            || matches!(
                t.text.as_str(),
                "," | ":" | ";" | "\"" | "(" | ")" | "—" | "–"
            )
        {
            break;
        }
        if SPEECH_VERBS.contains(&folded(&t.text).as_str()) || folded(&t.text) == "that" {
            break;
        }
        start -= 1;
    }
    let words: Vec<&Tok> = toks[start..end].iter().collect();
    let last = words.last()?;
    let f = folded(&last.text);
    if PRONOUNS.contains(&f.as_str()) {
        return Some((f, true, last.start));
    }
    if let Some(role) = role_of(&words) {
        // "one adviser to Sheinbaum": a role cut at a preposition wins over
        // the name that follows it.
        let cut_at_preposition = words
            .iter()
            .any(|w| matches!(w.text.as_str(), "to" | "of" | "for"))
            && !is_capitalised(&words[words.len().saturating_sub(2)].text);
        if cut_at_preposition || !is_capitalised(&last.text) {
            return Some((role, false, words[0].start));
        }
    }
    // A name: the capitalised run that ends the phrase, unless a lowercase
    // preposition binds it to something before ("adviser to Sheinbaum").
    let run_start = words
        .iter()
        .rposition(|w| !is_capitalised(&w.text))
        .map_or(0, |i| i + 1);
    if run_start > 0
        && matches!(
            words[run_start - 1].text.as_str(),
            "to" | "for" | "with" | "at" | "on" | "about"
        )
    {
        return None;
    }
    name_of(&words).map(|n| (n, false, words[run_start.min(words.len() - 1)].start))
}

/// The speaker named after a speech verb ("said García Harfuch", "according
/// to Pam Bondi").
pub(super) fn subject_after(toks: &[Tok], v: usize) -> Option<(String, bool, usize)> {
    let mut i = v + 1;
    let verb = folded(&toks[v].text);
    if verb == "according" {
        if toks.get(i).is_some_and(|t| t.text == "to") {
            i += 1;
        } else {
            return None;
        }
    } else {
        // The speaker follows the verb only in an inverted tag, right after
        // the quotation ("“…,” said Rubio"); "told X" names the listener,
        // "I asked Git to …" the one asked.
        let inverted = v > 0
            && (toks[v - 1].quoted || matches!(toks[v - 1].text.as_str(), "," | "”" | "\"" | "’"));
        if !inverted || verb == "told" || verb == "tells" {
            return None;
        }
    }
    let mut words: Vec<&Tok> = Vec::new();
    while let Some(t) = toks.get(i) {
        if t.quoted || t.text == "\"" || t.text == ":" || t.text == ";" {
            break;
        }
        if t.text == "," {
            // "said Mexico's Secretary of Security, Omar García Harfuch,"
            let next: Vec<&Tok> = toks[i + 1..]
                .iter()
                .take_while(|t| is_capitalised(&t.text))
                .collect();
            let only_titles = words
                .last()
                .is_some_and(|w| TITLES.contains(&folded(&w.text).as_str()));
            if !next.is_empty() && only_titles {
                words = next;
            }
            break;
        }
        if !is_capitalised(&t.text) && !matches!(t.text.as_str(), "of" | "and" | "de" | "the" | "a")
        {
            break;
        }
        words.push(t);
        i += 1;
    }
    if words.is_empty() {
        return None;
    }
    if let Some(role) = role_of(&words) {
        return Some((role, false, words[0].start));
    }
    let first = folded(&words[0].text);
    if PRONOUNS.contains(&first.as_str()) {
        return Some((first, true, words[0].start));
    }
    name_of(&words).map(|n| (n, false, words[0].start))
}
