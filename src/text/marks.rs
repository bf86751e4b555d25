//! Reference marks: the footnote and citation marks a text sets after its
//! words (`fell in 2021.[3]`, `regions,[4][5]`, `founded in 1718,[a]`,
//! `lagged behind.[citation needed]`, `[note 1]`). They are no words of the
//! text: a quote may leave them out, and the figure reader skips them.

/// Is `text` one or more reference marks in a row: brackets each holding
/// one to three digits, one lower-case letter, or a few lower-case words
/// that may end in a number (`[when?]`, `[note 1]`, `[Note 2]`)? A bracket
/// of words with a capital and no number (`[He]`, `[U.S. forces]`) is an
/// editorial insertion, not a mark.
pub fn is_reference_mark(text: &str) -> bool {
    let Some(inner) = text.strip_prefix('[').and_then(|t| t.strip_suffix(']')) else {
        return false;
    };
    inner.split("][").all(|mark| {
        let number = |w: &str| (1..=3).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit());
        let letter = mark.len() == 1 && mark.bytes().all(|b| b.is_ascii_lowercase());
        let words: Vec<&str> = mark.trim_end_matches('?').split(' ').collect();
        let numbered = words.len() > 1 && words.last().is_some_and(|w| number(w));
        let lower = |w: &str| !w.is_empty() && w.chars().all(|c| c.is_lowercase() || c == '-');
        let phrase = mark.len() <= 40
            && words.len() <= 4
            && words.iter().enumerate().all(|(i, w)| {
                lower(w)
                    || (numbered && i + 1 == words.len())
                    || (numbered && i == 0 && lower(&w.to_lowercase()))
            });
        number(mark) || letter || phrase
    })
}

/// The end of the reference marks glued to the text before `at` in
/// `text` (where a `[` stands), or `None` when none starts there: one or
/// more brackets in a row, the first glued to what stands before it (or
/// with nothing but white space before it in `text`: a sentence's text
/// begins after the period a mark is glued to), the last followed by no
/// letter or digit.
pub fn reference_mark_end(text: &str, at: usize) -> Option<usize> {
    let before = text[..at].trim_end();
    let spaced = !before.is_empty() && before.len() < at;
    if spaced || !text[at..].starts_with('[') {
        return None;
    }
    let mut end = at;
    while text[end..].starts_with('[') {
        let close = text[end..]
            .char_indices()
            .take(48)
            .find(|&(_, c)| c == ']')?
            .0;
        end += close + 1;
    }
    let free = !text[end..].starts_with(char::is_alphanumeric);
    (free && is_reference_mark(&text[at..end])).then_some(end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_are_numbers_letters_and_short_notes() {
        let marks = [
            "[3]",
            "[4][5]",
            "[a]",
            "[citation needed]",
            "[when?]",
            "[12][b]",
            "[note 1]",
            "[Note 2]",
            "[nb 3]",
        ];
        for text in marks {
            assert!(is_reference_mark(text), "{text}");
        }
        for text in [
            "[3",
            "[1234]",
            "[U.S. forces]",
            "[He]",
            "[3] [4]",
            "[]",
            "[The plaintiff]",
        ] {
            assert!(!is_reference_mark(text), "{text}");
        }
    }

    #[test]
    fn a_mark_is_glued_to_the_text_before_it() {
        let text = "fell in 2021.[3] Officials, [3] options, he[r]self, x,[4][5].";
        let at = |needle: &str| text.find(needle).unwrap();
        assert_eq!(
            reference_mark_end(text, at(".[3]") + 1),
            Some(at(".[3]") + 4)
        );
        assert_eq!(reference_mark_end(text, at(" [3]") + 1), None);
        assert_eq!(reference_mark_end(text, at("[r]")), None);
        assert_eq!(reference_mark_end(text, at("[4]")), Some(at("[4]") + 6));
        // A sentence's text may begin with the mark of the one before.
        assert_eq!(reference_mark_end("[3] The city", 0), Some(3));
        assert_eq!(reference_mark_end(" [Note 2]", 1), Some(9));
    }
}
