//! A quote as the claims file writes it, read into tokens: words, editorial
//! insertions in brackets, and omissions marked by an ellipsis.

use crate::text::fold::fold;

/// How an in-word bracket changed a word: `[W]e` (case), `fac[ing]`
/// (inflection). The letters outside the brackets must stay.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InWord {
    /// Folded letters before the first bracket.
    pub prefix: String,
    /// Folded letters after the last bracket.
    pub suffix: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Token {
    Word {
        text: String,
        start: usize,
        end: usize,
        in_word: Option<InWord>,
    },
    /// `[U.S. forces]`: stands for zero to six source words.
    Bracket {
        words: Vec<String>,
        start: usize,
        end: usize,
    },
    /// `...`, `…` or `. . .`.
    Gap { start: usize, end: usize },
}

impl Token {
    pub fn span(&self) -> (usize, usize) {
        match self {
            Token::Word { start, end, .. }
            | Token::Bracket { start, end, .. }
            | Token::Gap { start, end } => (*start, *end),
        }
    }
}

/// A quote ready for matching.
#[derive(Debug, Clone)]
pub struct ParsedQuote {
    pub tokens: Vec<Token>,
    /// The folded words joined by spaces, when the quote has no editorial
    /// marks and can be found by exact search.
    pub plain: Option<String>,
    /// For a quote with editorial marks, its words read literally, brackets
    /// and all folded as a source's are: a quote may copy the source's own
    /// brackets (`[Read: …]`), and then it is verbatim.
    pub literal: Option<String>,
    /// The literal reading as tokens, for alignment, when the quote has
    /// brackets.
    pub literal_reading: Option<Box<ParsedQuote>>,
    /// The quote as written, outer quotation marks and final punctuation
    /// removed: what is compared for the `typography` note.
    pub core: String,
    /// Byte range of `core` within the original quote string.
    pub core_start: usize,
}

/// The words of `tokens` joined by spaces, editorial marks left out.
fn join_words(tokens: &[Token]) -> String {
    tokens
        .iter()
        .filter_map(|t| match t {
            Token::Word { text, .. } => Some(text.as_str()),
            _ => None,
        })
        .collect::<Vec<_>>()
        .join(" ")
}

impl ParsedQuote {
    /// What exact search looks for: the plain words, or the literal reading.
    pub fn exact_form(&self) -> Option<&str> {
        self.plain.as_deref().or(self.literal.as_deref())
    }

    /// The quote's folded words joined by spaces (editorial marks left out).
    pub fn folded_words(&self) -> String {
        join_words(&self.tokens)
    }

    pub fn word_count(&self) -> usize {
        self.tokens
            .iter()
            .filter(|t| matches!(t, Token::Word { .. }))
            .count()
    }
}

const OPENING: &[char] = &['“', '"', '‘', '\'', '«', '„', '‹'];
const CLOSING: &[char] = &['”', '"', '’', '\'', '»', '›'];
const FINAL: &[char] = &['.', ',', ';', ':'];

/// Strip outer quotation marks and the final comma or period, which
/// quoting may change freely. Returns the byte range kept.
pub fn core_range(text: &str) -> (usize, usize) {
    let mut start = 0;
    let mut end = text.len();
    loop {
        let s = &text[start..end];
        let trimmed = s.trim_start();
        let mut moved = s.len() - trimmed.len();
        if let Some(c) = trimmed.chars().next().filter(|c| OPENING.contains(c)) {
            moved += c.len_utf8();
        }
        if moved == 0 {
            break;
        }
        start += moved;
    }
    loop {
        let s = &text[start..end];
        let trimmed = s.trim_end();
        let mut moved = s.len() - trimmed.len();
        if let Some(c) = trimmed
            .chars()
            .next_back()
            .filter(|c| CLOSING.contains(c) || FINAL.contains(c))
        {
            // An ellipsis at the end is an omission mark, not a period.
            if !(c == '.' && trimmed.ends_with("..")) {
                moved += c.len_utf8();
            }
        }
        if moved == 0 {
            break;
        }
        end -= moved;
    }
    (start, end.max(start))
}

/// Read a quote into tokens.
pub fn parse_quote(text: &str) -> ParsedQuote {
    let (core_start, core_end) = core_range(text);
    let core = &text[core_start..core_end];
    let mut tokens = Vec::new();
    let mut plain_text = core_start;
    let bytes = text.as_bytes();
    let mut i = core_start;
    let mut editorial = false;
    while i < core_end {
        if let Some(len) = ellipsis_at(text, i) {
            push_words(text, plain_text, i, &mut tokens);
            tokens.push(Token::Gap {
                start: i,
                end: i + len,
            });
            editorial = true;
            i += len;
            plain_text = i;
            continue;
        }
        if bytes[i] == b'[' {
            if let Some(close) = text[i..core_end].find(']').map(|c| i + c) {
                let before_alnum = text[..i]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric);
                let after_alnum = text[close + 1..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric);
                let content = &text[i + 1..close];
                if before_alnum || after_alnum {
                    // An in-word bracket: take the whole word around it.
                    let word_start = word_boundary_back(text, i);
                    let word_end = word_boundary_forward(text, close + 1, core_end);
                    push_words(text, plain_text, word_start, &mut tokens);
                    let raw = &text[word_start..word_end];
                    let joined: String = raw.chars().filter(|&c| c != '[' && c != ']').collect();
                    let first = raw.find('[').unwrap_or(0);
                    let last = raw.rfind(']').map_or(raw.len(), |l| l + 1);
                    let folded = fold(&joined).text;
                    if content.trim().eq_ignore_ascii_case("sic") {
                        let unbracketed = format!("{}{}", &raw[..first], &raw[last..]);
                        push_words_of(&unbracketed, word_start, &mut tokens);
                    } else if !folded.is_empty() {
                        tokens.push(Token::Word {
                            text: folded,
                            start: word_start,
                            end: word_end,
                            in_word: Some(InWord {
                                prefix: fold(&raw[..first]).text,
                                suffix: fold(&raw[last..]).text,
                            }),
                        });
                    }
                    editorial = true;
                    i = word_end;
                    plain_text = i;
                    continue;
                }
                push_words(text, plain_text, i, &mut tokens);
                if !content.trim().eq_ignore_ascii_case("sic") {
                    tokens.push(Token::Bracket {
                        words: crate::text::fold::fold_words(content),
                        start: i,
                        end: close + 1,
                    });
                }
                editorial = true;
                i = close + 1;
                plain_text = i;
                continue;
            }
        }
        i += text[i..].chars().next().map_or(1, char::len_utf8);
    }
    push_words(text, plain_text, core_end, &mut tokens);
    // Leading and trailing omission marks omit nothing we can check.
    while matches!(tokens.first(), Some(Token::Gap { .. })) {
        tokens.remove(0);
    }
    while matches!(tokens.last(), Some(Token::Gap { .. })) {
        tokens.pop();
    }
    let plain = (!editorial).then(|| join_words(&tokens));
    let literal = editorial.then(|| fold(core).text).filter(|l| !l.is_empty());
    let has_brackets = core.contains('[');
    let literal_reading = has_brackets.then(|| {
        let mut tokens = Vec::new();
        push_words_of(core, core_start, &mut tokens);
        Box::new(ParsedQuote {
            plain: Some(join_words(&tokens)),
            tokens,
            literal: None,
            literal_reading: None,
            core: core.to_string(),
            core_start,
        })
    });
    ParsedQuote {
        tokens,
        plain,
        literal,
        literal_reading,
        core: core.to_string(),
        core_start,
    }
}

fn ellipsis_at(text: &str, i: usize) -> Option<usize> {
    let rest = &text[i..];
    if rest.starts_with('…') {
        return Some('…'.len_utf8());
    }
    if rest.starts_with(". . .") {
        let mut len = 5;
        while rest[len..].starts_with(" .") {
            len += 2;
        }
        return Some(len);
    }
    if rest.starts_with("...") {
        return Some(rest.bytes().take_while(|&b| b == b'.').count());
    }
    None
}

fn word_boundary_back(text: &str, mut i: usize) -> usize {
    while let Some(c) = text[..i].chars().next_back() {
        if c.is_alphanumeric() || c == '[' || c == ']' || c == '\'' || c == '’' {
            i -= c.len_utf8();
        } else {
            break;
        }
    }
    i
}

fn word_boundary_forward(text: &str, mut i: usize, end: usize) -> usize {
    while i < end {
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        if c.is_alphanumeric() || c == '[' || c == ']' || c == '\'' || c == '’' {
            i += c.len_utf8();
        } else {
            break;
        }
    }
    i
}

/// Fold `text[from..to]` into word tokens with spans in `text`.
fn push_words(text: &str, from: usize, to: usize, tokens: &mut Vec<Token>) {
    if from < to {
        push_words_of(&text[from..to], from, tokens);
    }
}

fn push_words_of(piece: &str, base: usize, tokens: &mut Vec<Token>) {
    let folded = fold(piece);
    let mut at = 0;
    for word in folded.text.split(' ') {
        let start = at;
        at += word.len() + 1;
        if word.is_empty() {
            continue;
        }
        let (s, e) = folded.original_range(start, start + word.len());
        tokens.push(Token::Word {
            text: word.to_string(),
            start: base + s,
            end: base + e,
            in_word: None,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(q: &ParsedQuote) -> Vec<&str> {
        q.tokens
            .iter()
            .filter_map(|t| match t {
                Token::Word { text, .. } => Some(text.as_str()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn outer_marks_and_final_punctuation_go() {
        let q = parse_quote("“We always say it’s not necessary,”");
        assert_eq!(q.core, "We always say it’s not necessary");
        assert_eq!(q.plain.as_deref(), Some("we always say it's not necessary"));
    }

    #[test]
    fn ellipses_split_pieces() {
        for text in ["a b ... c d", "a b … c d", "a b . . . c d"] {
            let q = parse_quote(text);
            assert!(q.plain.is_none());
            assert_eq!(
                q.tokens
                    .iter()
                    .filter(|t| matches!(t, Token::Gap { .. }))
                    .count(),
                1,
                "{text}"
            );
            assert_eq!(words(&q), ["a", "b", "c", "d"]);
        }
    }

    #[test]
    fn brackets_are_insertions_or_in_word() {
        let q = parse_quote("We always say [U.S. forces are] not necessary");
        assert!(
            matches!(&q.tokens[3], Token::Bracket { words, .. } if words == &["us", "forces", "are"])
        );
        let q = parse_quote("[W]e are fac[ing] it");
        match &q.tokens[0] {
            Token::Word {
                text,
                in_word: Some(w),
                start,
                end,
            } => {
                assert_eq!(text, "we");
                assert_eq!(w.suffix, "e");
                assert_eq!((*start, *end), (0, 4));
            }
            other => panic!("{other:?}"),
        }
        assert!(
            matches!(&q.tokens[2], Token::Word { text, in_word: Some(w), .. } if text == "facing" && w.prefix == "fac")
        );
    }

    #[test]
    fn sic_is_ignored() {
        let q = parse_quote("the Sheibnaum [sic] government");
        assert_eq!(words(&q), ["the", "sheibnaum", "government"]);
    }

    #[test]
    fn word_spans_point_into_the_quote() {
        let text = "“Fentanyl’s record,” said";
        let q = parse_quote(text);
        let Token::Word { start, end, .. } = &q.tokens[0] else {
            panic!()
        };
        assert_eq!(&text[*start..*end], "Fentanyl’s");
    }
}
