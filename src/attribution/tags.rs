//! Speech tags of a sentence ("…, Rubio said"), and its own subject when
//! it is a person.

use super::names::{is_shouted, looks_like_name, name_of, subject_after, subject_before};
use super::tokens::{folded, is_capitalised, tokenize, Tok};
use crate::lexicon::people::{NOT_PEOPLE, PRONOUNS, SPEECH_VERBS};

/// A speech tag found in a sentence: the speaker's words and where.
#[derive(Debug, Clone)]
pub(super) struct Tag {
    pub(super) speaker: String,
    pub(super) pronoun: bool,
    pub(super) start: usize,
    pub(super) end: usize,
}

/// Every speech tag of a sentence, outside its quotations.
pub(super) fn tags(text: &str) -> Vec<Tag> {
    let toks = tokenize(text);
    let mut found = Vec::new();
    for (v, t) in toks.iter().enumerate() {
        // A verb is written in lower case ("the United States" states nothing).
        let verb = folded(&t.text);
        let lower = !is_capitalised(&t.text) || (v == 0 && verb == "according");
        if t.quoted || !lower || !SPEECH_VERBS.contains(&verb.as_str()) {
            continue;
        }
        // "X called it …" credits X; "a language called X" names something.
        if verb == "called" || verb == "calls" {
            let named = v > 0 && !toks[v - 1].quoted && !is_capitalised(&toks[v - 1].text);
            let pronoun = v > 0 && PRONOUNS.contains(&folded(&toks[v - 1].text).as_str());
            if named && !pronoun {
                continue;
            }
            if let Some((speaker, pronoun, start)) =
                subject_before(&toks, v).filter(|(name, _, _)| !is_shouted(name))
            {
                found.push(Tag {
                    speaker,
                    pronoun,
                    start: start.min(t.start),
                    end: t.end,
                });
            }
            continue;
        }
        // Failing a subject next to the verb, the sentence's own subject
        // ("Sheinbaum has drawn a red line … and said flatly that …").
        let hit = subject_before(&toks, v)
            .or_else(|| subject_after(&toks, v))
            .or_else(|| person_subject(&text[..t.start]).map(|n| (n, false, 0)));
        if let Some((speaker, pronoun, start)) = hit.filter(|(name, _, _)| !is_shouted(name)) {
            found.push(Tag {
                speaker,
                pronoun,
                start: start.min(t.start),
                end: t.end,
            });
        }
    }
    found
}

/// The subject of a sentence when it is a person: "Mexico's President
/// Claudia Sheinbaum has …" → Claudia Sheinbaum.
pub(super) fn person_subject(text: &str) -> Option<String> {
    let toks = tokenize(text);
    let mut words: Vec<&Tok> = Vec::new();
    for t in &toks {
        if t.quoted || t.text == "\"" {
            break;
        }
        if is_capitalised(&t.text)
            || (t.text.ends_with("’s") && words.is_empty())
            || (!words.is_empty() && matches!(t.text.as_str(), "of" | "de"))
        {
            words.push(t);
        } else {
            break;
        }
    }
    let name = name_of(&words)?;
    if PRONOUNS.contains(&folded(&name).as_str()) || !looks_like_name(&name) {
        return None;
    }
    // A person's name has two words, or one that is no common capitalised word.
    let parts: Vec<&str> = name.split(' ').collect();
    if parts.len() >= 2 || !NOT_PEOPLE.contains(&parts[0]) {
        Some(name)
    } else {
        None
    }
}
