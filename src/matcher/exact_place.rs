//! The place of a quote found exactly. The match runs from the quote's
//! first word to its last; punctuation the quote carries at either end, a
//! question mark or a parenthesis, belongs to the place where the source
//! has the same there. Without it the quote ("Why would anyone do that?")
//! and the place ("Why would anyone do that") would differ, and a quote
//! copied letter for letter would earn a typography note.

use crate::text::{Place, Source};

/// The place of the folded range `start..end`, where `quote` (its core:
/// outer quotation marks and a final period or comma taken off) was found.
pub fn exact_place(source: &Source, start: usize, end: usize, quote: &str) -> Place {
    let (mut s, mut e) = source.original_range(start, end);
    let (lead, trail) = end_marks(quote);
    if !lead.is_empty() {
        if let Some(before) = s.checked_sub(lead.len()) {
            if source.original_text(before, s) == lead {
                s = before;
            }
        }
    }
    if !trail.is_empty() && source.original_text(e, e + trail.len()) == trail {
        e += trail.len();
    }
    source.place_original(s, e)
}

/// The marks before the quote's first letter or digit and after its last,
/// when they touch the word (none when a space stands between).
fn end_marks(quote: &str) -> (&str, &str) {
    let Some(first) = quote.find(char::is_alphanumeric) else {
        return ("", "");
    };
    let last = quote
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_alphanumeric())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let lead = &quote[..first];
    let trail = &quote[last.max(first)..];
    let touching = |marks: &str| !marks.contains(char::is_whitespace);
    (
        if touching(lead) { lead } else { "" },
        if touching(trail) { trail } else { "" },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The place of `quote`, found exactly in `source`, as [`exact_place`]
    /// gives it; `quote` as a claim gives it (its core).
    fn place(source: &str, quote: &str) -> String {
        let source = Source::from_text(source.to_string());
        let parsed = crate::matcher::quote::parse_quote(quote);
        let plain = parsed.exact_form().unwrap();
        let start = source.folded.text.find(plain).unwrap();
        exact_place(&source, start, start + plain.len(), quote).text
    }

    #[test]
    fn the_quotes_own_end_marks_belong_to_its_place() {
        let text = "She asked: Why would anyone do that? The tool (written in Rust) works!";
        assert_eq!(
            place(text, "Why would anyone do that?"),
            "Why would anyone do that?"
        );
        assert_eq!(place(text, "(written in Rust)"), "(written in Rust)");
        assert_eq!(
            place(text, "tool (written in Rust"),
            "tool (written in Rust"
        );
        assert_eq!(place(text, "Rust) works!"), "Rust) works!");
        // Marks the source does not have there stay out.
        assert_eq!(place(text, "She asked?"), "She asked");
        assert_eq!(place(text, "(The tool"), "The tool");
        // A mark apart from the word is none of the quote's end.
        assert_eq!(place(text, "do that ?"), "do that");
    }

    #[test]
    fn end_marks_touch_the_first_and_last_word() {
        assert_eq!(end_marks("(in Rust)?"), ("(", ")?"));
        assert_eq!(end_marks("plain words"), ("", ""));
        assert_eq!(end_marks("words !"), ("", ""));
        assert_eq!(end_marks("?!"), ("", ""));
    }
}
