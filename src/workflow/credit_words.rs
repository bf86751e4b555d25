//! A draft's credit for a quotation in its own words: "As the Apache
//! licence puts it, “…”", "according to the explainer", "…,” the report
//! says." The credited words are compared with each source's file name and
//! title; one source standing out is the claim's source, so a draft that
//! credits the wrong source is caught rather than silently corrected.
//!
//! Only a credit that reads as a document counts: it starts with a
//! determiner or holds a possessive ("the Apache licence", "Mozilla's
//! licence"), and its last word is not a person's role ("the president").
//! "As Sheinbaum put it" credits a speaker, which attribution handles.

/// Verbs that close a credit: "as X puts it", "X says".
const VERBS: &[&str] = &[
    "put",
    "puts",
    "says",
    "said",
    "say",
    "states",
    "stated",
    "state",
    "notes",
    "noted",
    "writes",
    "wrote",
    "reads",
    "read",
    "explains",
    "explained",
    "observes",
    "observed",
    "warns",
    "warned",
    "declares",
    "declared",
    "provides",
    "provided",
    "has",
    "had",
    "adds",
    "added",
    "argues",
    "argued",
    "describes",
    "described",
    "reports",
    "reported",
    "concludes",
    "concluded",
];

const DETERMINERS: &[&str] = &[
    "the", "this", "that", "its", "their", "his", "her", "our", "a", "an", "one",
];

/// Words that never tell one source from another.
const STOP: &[&str] = &[
    "of", "and", "in", "on", "for", "to", "by", "with", "at", "from", "it", "new", "own", "latest",
];

/// The last word of a credit that names a person, not a document.
const ROLES: &[&str] = &[
    "president",
    "minister",
    "secretary",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "official",
    "officials",
    "senator",
    "governor",
    "mayor",
    "judge",
    "justice",
    "chairman",
    "chair",
    "director",
    "ambassador",
    "general",
    "lawyer",
    "attorney",
    "aide",
    "adviser",
    "advisor",
    "leader",
    "author",
    "authors",
    "writer",
    "reporter",
    "editor",
    "expert",
    "experts",
    "analyst",
    "analysts",
    "professor",
    "researcher",
    "researchers",
    "scientist",
    "scientists",
    "chief",
    "ceo",
    "founder",
    "administration",
    "government",
    "candidate",
    "man",
    "woman",
    "people",
    "critics",
    "critic",
    "supporters",
    "source",
    "sources",
    "witness",
    "officer",
];

/// What a source is known by: the words of its file name and title.
pub(super) struct Identity {
    words: Vec<String>,
}

impl Identity {
    pub(super) fn new(file_stem: &str, title: &str) -> Identity {
        let mut words = tokens(file_stem);
        words.extend(tokens(title).into_iter().take(24));
        Identity { words }
    }
}

/// How the draft credits a quotation in words.
#[derive(Debug, PartialEq)]
pub(super) struct Named {
    /// The credit as the draft words it ("the Apache licence").
    pub words: String,
    /// The one source it names, if one stands out.
    pub source: Option<usize>,
}

/// The draft's credit in the text `before` the quotation (in its sentence)
/// and `after` it, matched against the sources' identities.
pub(super) fn named_source(before: &str, after: &str, sources: &[Identity]) -> Option<Named> {
    let credit = credit_before(&last_sentence(before)).or_else(|| credit_after(after))?;
    let words: Vec<String> = credit
        .iter()
        .map(|w| w.trim_end_matches("'s").to_string())
        .filter(|w| !DETERMINERS.contains(&w.as_str()) && !STOP.contains(&w.as_str()))
        .collect();
    let reads_as_document = DETERMINERS.contains(&credit[0].as_str())
        || credit.iter().any(|w| w.ends_with("'s") && w.len() > 2);
    let head = words.last()?;
    if !reads_as_document || ROLES.contains(&head.as_str()) {
        return None;
    }
    let score = |id: &Identity| -> (usize, usize) {
        let (mut named, mut numbers) = (0, 0);
        for w in &words {
            if id.words.iter().any(|s| same_word(w, s)) {
                if w.chars().all(|c| c.is_ascii_digit()) {
                    numbers += 1;
                } else {
                    named += 1;
                }
            }
        }
        // A number alone ("2.0") names no source; with a name it helps
        // tell two versions apart.
        if named == 0 {
            (0, 0)
        } else {
            (named, numbers)
        }
    };
    let scores: Vec<(usize, usize)> = sources.iter().map(score).collect();
    let best = scores.iter().copied().max().unwrap_or((0, 0));
    let source = match best {
        (0, _) => None,
        _ if scores.iter().filter(|&&s| s == best).count() > 1 => None,
        _ => scores.iter().position(|&s| s == best),
    };
    Some(Named {
        words: credit.join(" "),
        source,
    })
}

/// Lower-case words (apostrophes kept, so "Mozilla's" stays possessive)
/// and the punctuation marks between them, each its own token.
fn tokens(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    for c in text.chars() {
        let c = if c == '’' { '\'' } else { c };
        if c.is_alphanumeric() || (c == '\'' && !word.is_empty()) {
            word.extend(c.to_lowercase());
            continue;
        }
        if !word.is_empty() {
            out.push(std::mem::take(&mut word).trim_end_matches('\'').to_string());
        }
        if matches!(c, ',' | ';' | ':' | '.' | '!' | '?' | '(' | ')' | '—' | '–') {
            out.push(c.to_string());
        }
    }
    if !word.is_empty() {
        out.push(word.trim_end_matches('\'').to_string());
    }
    out
}

fn is_word(t: &str) -> bool {
    t.chars().next().is_some_and(char::is_alphanumeric)
}

/// The tokens of the last sentence of `text`.
fn last_sentence(text: &str) -> Vec<String> {
    let all = tokens(text);
    let start = all
        .iter()
        .rposition(|t| matches!(t.as_str(), "." | "!" | "?"))
        .map_or(0, |i| i + 1);
    all[start..].to_vec()
}

/// Words up to the first punctuation mark.
fn phrase(tokens: &[String]) -> Vec<String> {
    tokens
        .iter()
        .take_while(|t| is_word(t))
        .take(8)
        .cloned()
        .collect()
}

/// The credit in the words that lead into a quotation.
fn credit_before(t: &[String]) -> Option<Vec<String>> {
    // "according to X, “…”"
    for i in 0..t.len().saturating_sub(1) {
        if t[i] == "according" && t[i + 1] == "to" {
            let x = phrase(&t[i + 2..]);
            if !x.is_empty() {
                return Some(x);
            }
        }
    }
    // "as X puts it, “…”"; "in the words of X"
    for i in 0..t.len() {
        if t[i] == "as" {
            let x: Vec<String> = t[i + 1..]
                .iter()
                .take_while(|w| is_word(w) && !VERBS.contains(&w.as_str()))
                .take(9)
                .cloned()
                .collect();
            let verb = t.get(i + 1 + x.len());
            if !x.is_empty() && verb.is_some_and(|v| VERBS.contains(&v.as_str())) {
                return Some(x);
            }
        }
        if t[i] == "words" && t.get(i + 1).is_some_and(|w| w == "of") {
            let x = phrase(&t[i + 2..]);
            if !x.is_empty() {
                return Some(x);
            }
        }
    }
    // "X says: “…”", "X states that “…”": the verb ends the lead-in.
    let mut end = t.len();
    while end > 0 && matches!(t[end - 1].as_str(), ":" | "," | "that") {
        end -= 1;
    }
    let verb = t.get(end.checked_sub(1)?)?;
    if !VERBS.contains(&verb.as_str()) {
        return None;
    }
    let words = &t[..end - 1];
    let start = words.iter().rposition(|w| !is_word(w)).map_or(0, |i| i + 1);
    let x = &words[start..];
    let from = x.iter().position(|w| DETERMINERS.contains(&w.as_str()))?;
    Some(x[from..].to_vec()).filter(|x| !x.is_empty() && x.len() <= 8)
}

/// The credit in the words that follow a quotation: "…,” the report says."
fn credit_after(text: &str) -> Option<Vec<String>> {
    let all = tokens(text);
    let end = all
        .iter()
        .position(|t| matches!(t.as_str(), "." | "!" | "?"))
        .unwrap_or(all.len());
    let t: Vec<String> = all[..end]
        .iter()
        .skip_while(|w| !is_word(w))
        .cloned()
        .collect();
    if t.len() >= 2 && t[0] == "according" && t[1] == "to" {
        return Some(phrase(&t[2..])).filter(|x| !x.is_empty());
    }
    let x = phrase(&t);
    // "the report says" or "says the report"
    // The verb ends the clause or opens it: a verb further on ("the
    // report says more") starts a sentence of its own.
    let v = x.iter().position(|w| VERBS.contains(&w.as_str()))?;
    let credit = match v {
        0 => x[1..].to_vec(),
        v if v + 1 == x.len() && t.get(v + 1).is_none_or(|w| !is_word(w)) => x[..v].to_vec(),
        _ => return None,
    };
    Some(credit).filter(|c| !c.is_empty())
}

/// Two words name the same thing: equal, or long words differing only at
/// their ends ("licence" and "license", "explainer" and "explainers").
fn same_word(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (a, b) = (a.as_bytes(), b.as_bytes());
    a.len() >= 6 && b.len() >= 6 && a[..5] == b[..5] && a.len().abs_diff(b.len()) <= 2
}

#[cfg(test)]
mod tests {
    use super::{named_source, Identity};

    fn sources() -> Vec<Identity> {
        vec![
            Identity::new("apache-2.0", "Apache License Version 2.0, January 2004"),
            Identity::new("mpl-2.0", "Mozilla Public License Version 2.0"),
            Identity::new("gpl-3", "GNU GENERAL PUBLIC LICENSE Version 3"),
            Identity::new(
                "troops-push-backlash",
                "Trump’s Push for U.S. Troops in Mexico’s Drug War Faces Backlash",
            ),
        ]
    }

    fn source(before: &str, after: &str) -> Option<usize> {
        named_source(before, after, &sources()).and_then(|n| n.source)
    }

    #[test]
    fn a_credit_in_the_drafts_words_names_its_source() {
        assert_eq!(source("As the Apache licence puts it, ", ""), Some(0));
        assert_eq!(source("According to the Mozilla licence, ", ""), Some(1));
        assert_eq!(source("Earlier. The GNU licence states that ", ""), Some(2));
        assert_eq!(source("", ", the Mozilla Public License says."), Some(1));
        assert_eq!(source("", ", says the GNU licence."), Some(2));
        assert_eq!(source("In the words of the backlash story, ", ""), Some(3));
        assert_eq!(source("As Mozilla’s licence has it, ", ""), Some(1));
    }

    #[test]
    fn people_and_vague_credits_name_no_source() {
        // A speaker, not a document.
        assert_eq!(named_source("As Sheinbaum put it, ", "", &sources()), None);
        assert_eq!(
            named_source("As the president said, ", "", &sources()),
            None
        );
        assert_eq!(named_source("Trump says: ", "", &sources()), None);
        // A number alone, or a name every source shares, is no credit.
        assert_eq!(source("As version 2.0 puts it, ", ""), None);
        assert_eq!(source("As the licence puts it, ", ""), None);
        // A credit naming no source here is reported as words only.
        let named = named_source("As the New York Times put it, ", "", &sources());
        assert_eq!(
            named.map(|n| (n.words, n.source)),
            Some(("the new york times".into(), None))
        );
        // No credit at all.
        assert_eq!(named_source("He wrote that ", "", &sources()), None);
    }
}
