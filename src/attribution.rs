//! Attribution: who a source credits with a passage, by its speech tags.
//!
//! From the quote's sentence the walk goes back through earlier sentences
//! (crossing at most one paragraph break), then one sentence forward; the
//! first speech tag found names the speaker. A pronoun tag continues back to
//! the nearest sentence whose credited speaker, or failing that whose
//! subject, is a person. A dash line under the paragraph (`-- Name`) and a
//! comment's numbered header credit before anything else.

use crate::text::fold::fold;
use crate::text::source::{Place, Source};

/// Who the source credits, and where it says so.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Credit {
    /// `None`: nobody is credited near the passage.
    pub speaker: Option<String>,
    pub place: Option<Place>,
}

const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "added",
    "adds",
    "adding",
    "declared",
    "declares",
    "stated",
    "states",
    "wrote",
    "writes",
    "asked",
    "asks",
    "insisted",
    "insists",
    "argued",
    "argues",
    "warned",
    "warns",
    "noted",
    "notes",
    "explained",
    "explains",
    "replied",
    "replies",
    "reiterated",
    "claims",
    "claimed",
    "recalled",
    "continued",
    "according",
    "called",
    "calls",
];

const PRONOUNS: &[&str] = &["he", "she", "they", "i", "we"];

/// Titles that precede a name and are not part of it.
const TITLES: &[&str] = &[
    "president",
    "secretary",
    "minister",
    "ambassador",
    "senator",
    "sen",
    "rep",
    "representative",
    "governor",
    "gov",
    "general",
    "gen",
    "admiral",
    "adm",
    "rear",
    "vice",
    "chairman",
    "chairwoman",
    "chair",
    "director",
    "dr",
    "mr",
    "mrs",
    "ms",
    "prof",
    "professor",
    "attorney",
    "judge",
    "justice",
    "mayor",
    "commander",
    "colonel",
    "col",
    "captain",
    "capt",
    "lt",
    "sgt",
    "former",
    "then",
    "house",
    "foreign",
    "affairs",
    "committee",
    "state",
    "of",
    "us",
    "u.s",
    "the",
    "security",
    "and",
    "citizen",
    "protection",
    "defense",
    "defence",
    "mexican",
    "mexico's",
    "mexico’s",
    "chief",
    "deputy",
    "prime",
    "spokesperson",
    "spokesman",
    "spokeswoman",
];

/// Nouns that name a role, so "the adviser" or "a senior Mexican official"
/// can be a speaker.
const ROLES: &[&str] = &[
    "adviser",
    "advisor",
    "official",
    "officials",
    "president",
    "minister",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "analyst",
    "expert",
    "source",
    "sources",
    "officer",
    "general",
    "admiral",
    "ambassador",
    "secretary",
    "senator",
    "commander",
    "diplomat",
    "aide",
    "lawmaker",
    "governor",
    "department",
    "ministry",
    "agency",
    "author",
    "reporter",
    "journalist",
    "prosecutor",
    "lawyer",
    "leader",
    "director",
    "chief",
];

/// Capitalised words that start sentences or name places, not people.
const NOT_PEOPLE: &[&str] = &[
    "The",
    "A",
    "An",
    "But",
    "And",
    "Or",
    "So",
    "Yet",
    "As",
    "In",
    "On",
    "At",
    "If",
    "When",
    "While",
    "This",
    "That",
    "These",
    "Those",
    "It",
    "Its",
    "Mexico",
    "United",
    "States",
    "White",
    "House",
    "Washington",
    "America",
    "American",
    "Mexican",
    "Congress",
    "Senate",
    "Pentagon",
    "CIA",
    "DEA",
    "Fox",
    "News",
    "New",
    "York",
    "Times",
    "U.S",
    "US",
    "Today",
    "Still",
    "However",
    "Last",
    "Since",
    "Instead",
    "Currently",
    "Critics",
    "During",
    "Having",
    "Even",
    "Just",
    "Now",
    "Then",
    "There",
    "Trump’s",
    "Mexico’s",
    "Sheinbaum’s",
    "Regarding",
];

#[derive(Debug, Clone)]
struct Tok {
    text: String,
    start: usize,
    end: usize,
    quoted: bool,
}

fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

fn folded(word: &str) -> String {
    fold(word).text
}

/// Words and punctuation of a sentence, each marked when it stands inside
/// quotation marks.
fn tokenize(text: &str) -> Vec<Tok> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut toks = Vec::new();
    let mut depth_double = false;
    let mut depth_single = 0usize;
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        let prev = i.checked_sub(1).map(|p| chars[p].1);
        let next = chars.get(i + 1).map(|x| x.1);
        match c {
            '“' | '«' => depth_double = true,
            '”' | '»' => depth_double = false,
            '"' => depth_double = !depth_double,
            '‘' if !prev.is_some_and(char::is_alphanumeric) => depth_single += 1,
            '’' | '\''
                if depth_single > 0
                    && !(prev.is_some_and(char::is_alphanumeric)
                        && next.is_some_and(char::is_alphanumeric)) =>
            {
                depth_single -= 1;
            }
            _ => {}
        }
        if c.is_alphanumeric() {
            let mut j = i + 1;
            while j < chars.len() {
                let d = chars[j].1;
                let n = chars.get(j + 1).map(|x| x.1);
                let inner = (d == '’' || d == '\'' || d == '.' || d == '-')
                    && n.is_some_and(char::is_alphanumeric)
                    && chars[j - 1].1.is_alphanumeric();
                if d.is_alphanumeric() || inner {
                    j += 1;
                } else {
                    break;
                }
            }
            let end = chars.get(j).map_or(text.len(), |x| x.0);
            toks.push(Tok {
                text: text[at..end].to_string(),
                start: at,
                end,
                quoted: depth_double || depth_single > 0,
            });
            i = j;
            continue;
        }
        if matches!(c, ',' | ':' | ';' | '(' | ')' | '—' | '–') {
            toks.push(Tok {
                text: c.to_string(),
                start: at,
                end: at + c.len_utf8(),
                quoted: depth_double || depth_single > 0,
            });
        }
        if matches!(c, '“' | '”' | '‘' | '"' | '«' | '»')
            || (c == '’'
                && !(prev.is_some_and(char::is_alphanumeric)
                    && next.is_some_and(char::is_alphanumeric)))
        {
            toks.push(Tok {
                text: "\"".into(),
                start: at,
                end: at + c.len_utf8(),
                quoted: false,
            });
        }
        i += 1;
    }
    toks
}

/// A speech tag found in a sentence: the speaker's words and where.
#[derive(Debug, Clone)]
struct Tag {
    speaker: String,
    pronoun: bool,
    start: usize,
    end: usize,
}

/// The name (or role) a run of words ends with: titles and possessors
/// dropped ("Secretary of State Marco Rubio" → "Marco Rubio").
fn name_of(words: &[&Tok]) -> Option<String> {
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

/// A role phrase ending a run of words: "the adviser", "the senior Mexican
/// official", "one adviser to Sheinbaum".
fn role_of(words: &[&Tok]) -> Option<String> {
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
fn subject_before(toks: &[Tok], v: usize) -> Option<(String, bool, usize)> {
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
fn subject_after(toks: &[Tok], v: usize) -> Option<(String, bool, usize)> {
    let mut i = v + 1;
    if folded(&toks[v].text) == "according" {
        if toks.get(i).is_some_and(|t| t.text == "to") {
            i += 1;
        } else {
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

/// Every speech tag of a sentence, outside its quotations.
fn tags(text: &str) -> Vec<Tag> {
    let toks = tokenize(text);
    let mut found = Vec::new();
    for (v, t) in toks.iter().enumerate() {
        // A verb is written in lower case ("the United States" states nothing).
        let verb = folded(&t.text);
        let lower = !is_capitalised(&t.text) || (v == 0 && verb == "according");
        if t.quoted || !lower || !SPEECH_VERBS.contains(&verb.as_str()) {
            continue;
        }
        // Failing a subject next to the verb, the sentence's own subject
        // ("Sheinbaum has drawn a red line … and said flatly that …").
        let hit = subject_before(&toks, v)
            .or_else(|| subject_after(&toks, v))
            .or_else(|| person_subject(&text[..t.start]).map(|n| (n, false, 0)));
        if let Some((speaker, pronoun, start)) = hit {
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
fn person_subject(text: &str) -> Option<String> {
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
    if PRONOUNS.contains(&folded(&name).as_str()) {
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
        return resolve(source, tag, base, here, &sentence_text)
            .unwrap_or_else(|| found(tag, base));
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
            return resolve(source, tag, base, i, &sentence_text)
                .unwrap_or_else(|| found(tag, base));
        }
    }
    // One sentence forward.
    if here + 1 < layout.sentences.len() {
        let (text, base) = sentence_text(here + 1);
        if let Some(tag) = tags(&text).first() {
            return resolve(source, tag, base, here + 1, &sentence_text)
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
    base: usize,
    sentence: usize,
    sentence_text: &dyn Fn(usize) -> (String, usize),
) -> Option<Credit> {
    if !tag.pronoun {
        return None;
    }
    let mut i = sentence;
    // The pronoun's own sentence may name its subject before the quote.
    let (own, _) = sentence_text(i);
    if let Some(name) = person_subject(&own).filter(|_| tag.start > 0) {
        let _ = name;
    }
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
    let _ = base;
    Some(Credit {
        speaker: None,
        place: None,
    })
}

/// "-- Stanislaw Lem" on the line under the quote's paragraph (a line
/// that is no blank line away, so it reads as the paragraph's last line).
fn pull_quote(source: &Source, paragraph: usize, quote_end: usize) -> Option<Credit> {
    let layout = &source.layout;
    let folded_len = source.folded.text.len();
    let (ps, _) = layout.paragraph_range(paragraph, folded_len);
    let (para_start, _) = source.original_range(ps, ps + 1);
    let para_end = match layout.paragraphs.get(paragraph + 1) {
        Some(&next) => source.original_range(next, next + 1).0,
        None => source.original_range(ps, folded_len).1 + 8,
    };
    let text = source.original_text(para_start, para_end);
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let at = para_start + offset;
        offset += line.len();
        if at < quote_end {
            continue;
        }
        let trimmed = line.trim();
        let rest = trimmed
            .strip_prefix("--")
            .or_else(|| trimmed.strip_prefix('—'))
            .or_else(|| trimmed.strip_prefix('–'))?;
        let name = rest
            .trim()
            .split(',')
            .next()
            .unwrap_or("")
            .trim()
            .to_string();
        if name.is_empty() || name.split(' ').count() > 6 {
            return None;
        }
        let name_at = at + line.find(&name).unwrap_or(0);
        return Some(Credit {
            speaker: Some(name.clone()),
            place: Some(source.place_original(name_at, name_at + name.len())),
        });
    }
    None
}

/// A comment's numbered header ("  6. noonespecial") above the quote, with
/// no "Reply" line between.
fn commenter(source: &Source, start: usize) -> Option<Credit> {
    let (quote_orig, _) = source.original_range(start, start + 1);
    let from = quote_orig.saturating_sub(20_000);
    let before = source.original_text(from, quote_orig);
    let mut offset = before.len();
    for line in before.lines().rev().skip(1) {
        offset = offset.saturating_sub(line.len() + 1);
        let trimmed = line.trim();
        if trimmed == "Reply" {
            return None;
        }
        let Some((number, name)) = trimmed.split_once(". ") else {
            continue;
        };
        if !number.is_empty()
            && number.bytes().all(|b| b.is_ascii_digit())
            && !name.is_empty()
            && name.split(' ').count() <= 4
        {
            let at = from + offset + line.find(name).unwrap_or(0);
            let name = name.trim_end_matches(" Post author").to_string();
            return Some(Credit {
                speaker: Some(name.clone()),
                place: Some(source.place_original(at, at + name.len())),
            });
        }
    }
    None
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

    fn who(text: &str, quote: &str) -> Option<String> {
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
