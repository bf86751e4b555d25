//! Attribution: who a source credits with a passage, by its speech tags.
//!
//! From the quote's sentence the walk goes back through earlier sentences
//! (crossing at most one paragraph break), then one sentence forward; the
//! first speech tag found names the speaker. A pronoun tag continues back to
//! the nearest sentence whose credited speaker, or failing that whose
//! subject, is a person. A dash line under the paragraph (`-- Name`) and a
//! comment's numbered header credit before anything else.

mod lines;
mod names;
#[cfg(test)]
mod precision_tests;
mod tags;
mod tokens;

use crate::lexicon::people::ROLES;
use crate::text::fold::fold;
use crate::text::{Place, Source};
use lines::{commenter, pull_quote};
use tags::{person_subject, tags, Tag};

/// Who the source credits, and where it says so.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Credit {
    /// `None`: nobody is credited near the passage.
    pub speaker: Option<String>,
    pub place: Option<Place>,
}

/// Who `source` credits with the passage at folded `start..end`.
pub fn credit(source: &Source, start: usize, end: usize) -> Credit {
    let none = Credit {
        speaker: None,
        place: None,
    };
    let layout = &source.layout;
    let folded_len = source.folded.text.len();
    if folded_len == 0 {
        return none;
    }
    let sentence_text = |i: usize| -> (String, usize) {
        let (s, _) = layout.sentence_range(i, folded_len);
        let mut os = source.original_range(s, s + 1).0;
        // The sentence's opening quotation mark belongs to it.
        let lead = source.original_text(os.saturating_sub(4), os);
        if let Some(mark) = lead
            .chars()
            .next_back()
            .filter(|c| matches!(c, '“' | '‘' | '"' | '«'))
        {
            os -= mark.len_utf8();
        }
        let oe = match layout.sentences.get(i + 1) {
            Some(&next) => source.original_range(next, next + 1).0,
            None => source.original_range(s, folded_len).1,
        };
        (source.original_text(os, oe.max(os)), os)
    };
    let here = layout.sentence_of(start);
    let paragraph = layout.paragraph_of(start);
    let found = |tag: &Tag, base: usize| Credit {
        speaker: Some(tag.speaker.clone()),
        place: Some(source.place_original(base + tag.start, base + tag.end)),
    };

    let (qs, qe) = source.original_range(start, end);
    if let Some(pull) = pull_quote(source, paragraph, qe) {
        return pull;
    }
    // The quote's own sentence: the tag nearest the quote.
    let (text, base) = sentence_text(here);
    let own = tags(&text);
    let nearest = own.iter().min_by_key(|t| {
        let (ts, te) = (base + t.start, base + t.end);
        if te <= qs {
            qs - te
        } else {
            ts.saturating_sub(qe)
        }
    });
    if let Some(tag) = nearest {
        return resolve(source, tag, here, &sentence_text).unwrap_or_else(|| found(tag, base));
    }
    // Back through earlier sentences, crossing at most one paragraph break.
    let mut i = here;
    let mut breaks = 0;
    while i > 0 {
        let before = layout.paragraph_of(layout.sentences[i]);
        i -= 1;
        if layout.paragraph_of(layout.sentences[i]) != before {
            breaks += 1;
            if breaks > 1 {
                break;
            }
        }
        let (text, base) = sentence_text(i);
        if let Some(tag) = tags(&text).last() {
            return resolve(source, tag, i, &sentence_text).unwrap_or_else(|| found(tag, base));
        }
    }
    // One sentence forward.
    if here + 1 < layout.sentences.len() {
        let (text, base) = sentence_text(here + 1);
        if let Some(tag) = tags(&text).first() {
            return resolve(source, tag, here + 1, &sentence_text)
                .unwrap_or_else(|| found(tag, base));
        }
    }
    commenter(source, start).unwrap_or(none)
}

/// A pronoun tag continues back to the nearest sentence crediting a named
/// speaker, or failing that whose subject is a person.
fn resolve(
    source: &Source,
    tag: &Tag,
    sentence: usize,
    sentence_text: &dyn Fn(usize) -> (String, usize),
) -> Option<Credit> {
    if !tag.pronoun {
        return None;
    }
    // "I" and "we" outside a quotation are the writer, never someone named
    // earlier: no one the source names.
    if matches!(tag.speaker.as_str(), "i" | "we") {
        return Some(Credit {
            speaker: None,
            place: None,
        });
    }
    let mut i = sentence;
    let mut steps = 0;
    while i > 0 && steps < 12 {
        i -= 1;
        steps += 1;
        let (text, b) = sentence_text(i);
        if let Some(named) = tags(&text).into_iter().rev().find(|t| !t.pronoun) {
            return Some(Credit {
                speaker: Some(named.speaker.clone()),
                place: Some(source.place_original(b + named.start, b + named.end)),
            });
        }
        if let Some(name) = person_subject(&text) {
            let at = text.find(name.split(' ').next().unwrap_or("")).unwrap_or(0);
            return Some(Credit {
                speaker: Some(name.clone()),
                place: Some(
                    source.place_original(b + at, b + at + name.len().min(text.len() - at)),
                ),
            });
        }
    }
    // Nobody to resolve the pronoun to: the pronoun itself is no name.
    Some(Credit {
        speaker: None,
        place: None,
    })
}

/// Does the claim's `speaker` name the credited one? Full name or surname,
/// case and diacritics folded; a role matches by its head noun.
pub fn same_speaker(claimed: &str, credited: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        fold(s)
            .text
            .split(' ')
            .filter(|w| !w.is_empty() && !matches!(*w, "the" | "a" | "an" | "one"))
            .map(str::to_string)
            .collect()
    };
    let (a, b) = (words(claimed), words(credited));
    if a.is_empty() || b.is_empty() {
        return false;
    }
    let suffix = |long: &[String], short: &[String]| {
        long.len() >= short.len() && long[long.len() - short.len()..] == *short
    };
    a == b
        || suffix(&a, &b)
        || suffix(&b, &a)
        || a.last() == b.last() && ROLES.contains(&a[a.len() - 1].as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Who `text` credits with the passage `quote` (which it holds).
    pub(super) fn who(text: &str, quote: &str) -> Option<String> {
        let source = Source::from_text(text.to_string());
        let q = fold(quote).text;
        let start = source.folded.text.find(&q).expect("quote in text");
        credit(&source, start, start + q.len()).speaker
    }

    #[test]
    fn tag_after_the_quote() {
        assert_eq!(
            who(
                "“We reached the site,” Rodríguez Villalobos said.",
                "We reached the site"
            )
            .as_deref(),
            Some("Rodríguez Villalobos")
        );
    }

    #[test]
    fn the_person_quoted_about_is_not_the_speaker() {
        let text = "Trump “generally insists on the participation of U.S. forces,” Sheinbaum said in a press conference.";
        assert_eq!(who(text, "generally insists").as_deref(), Some("Sheinbaum"));
    }

    #[test]
    fn apposition_and_titles() {
        let text = "“We have a president,” Roberta Jacobson, the former U.S. ambassador to Mexico, told me.";
        assert_eq!(
            who(text, "We have a president").as_deref(),
            Some("Roberta Jacobson")
        );
        let text = "Secretary of State Marco Rubio told reporters that “it is the closest security cooperation.”";
        assert_eq!(
            who(text, "closest security cooperation").as_deref(),
            Some("Marco Rubio")
        );
    }

    #[test]
    fn pronouns_walk_back_to_a_person() {
        let text = "House Foreign Affairs Committee Chairman Brian Mast, a Florida Republican, has been candid. ‘They’re on the menu,’ he said of Mexico.";
        assert_eq!(
            who(text, "They’re on the menu").as_deref(),
            Some("Brian Mast")
        );
    }

    #[test]
    fn roles_are_speakers() {
        let text = "“He’s not someone you can confront head-on,” the adviser told me.";
        assert_eq!(
            who(text, "not someone you can confront").as_deref(),
            Some("the adviser")
        );
        let text = "Migration is at the top, one adviser to Sheinbaum told me, “but the economic issue is behind it.”";
        assert_eq!(
            who(text, "but the economic issue").as_deref(),
            Some("one adviser")
        );
    }

    #[test]
    fn inverted_and_according_to() {
        let text = "“We are not saying the problem is solved,” said García Harfuch.";
        assert_eq!(
            who(text, "the problem is solved").as_deref(),
            Some("García Harfuch")
        );
        let text = "According to US Attorney General Pam Bondi, Maduro is “one of the largest drug traffickers.”";
        assert_eq!(
            who(text, "largest drug traffickers").as_deref(),
            Some("Pam Bondi")
        );
    }

    #[test]
    fn pull_quote_line() {
        let text = "Some paragraph quoting nobody in particular here.\n-- Stanislaw Lem\n\nNext.";
        assert_eq!(
            who(text, "quoting nobody in particular").as_deref(),
            Some("Stanislaw Lem")
        );
    }

    #[test]
    fn nobody_credited() {
        assert_eq!(who("The sky is “very blue” today.", "very blue"), None);
    }

    #[test]
    fn speakers_match_by_surname() {
        assert!(same_speaker("Raul Benitez Manaut", "Benítez Manaut"));
        assert!(same_speaker("Claudia Sheinbaum", "Sheinbaum"));
        assert!(same_speaker("Mast", "Brian Mast"));
        assert!(!same_speaker("Arturo Sarukhán", "Roberta Jacobson"));
        assert!(!same_speaker("Marco Rubio", "Rodríguez Villalobos"));
        assert!(same_speaker("the adviser", "one adviser"));
    }
}
