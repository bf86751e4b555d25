//! The word-level difference between a source passage and a quote, for
//! people to read ("source: *that* would be — quote: *it* would be").

use similar::{capture_diff_slices, Algorithm, DiffTag};

/// Equal words kept around each change.
const CONTEXT: usize = 3;

pub fn word_diff(source: &str, quote: &str) -> String {
    let a: Vec<&str> = source.split_whitespace().collect();
    let b: Vec<&str> = quote.split_whitespace().collect();
    let key = |w: &str| -> String {
        w.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let ka: Vec<String> = a.iter().map(|w| key(w)).collect();
    let kb: Vec<String> = b.iter().map(|w| key(w)).collect();
    let ops = capture_diff_slices(Algorithm::Myers, &ka, &kb);
    let mut left = Vec::new();
    let mut right = Vec::new();
    let count = ops.len();
    for (i, op) in ops.iter().enumerate() {
        let (tag, ra, rb) = op.as_tag_tuple();
        match tag {
            DiffTag::Equal => {
                let words = &a[ra.clone()];
                let show_head = i > 0;
                let show_tail = i + 1 < count;
                let piece = context(words, show_head, show_tail);
                left.push(piece.clone());
                right.push(piece);
            }
            DiffTag::Delete => left.push(format!("*{}*", a[ra].join(" "))),
            DiffTag::Insert => right.push(format!("*{}*", b[rb].join(" "))),
            DiffTag::Replace => {
                left.push(format!("*{}*", a[ra].join(" ")));
                right.push(format!("*{}*", b[rb].join(" ")));
            }
        }
    }
    let join = |parts: Vec<String>| {
        parts
            .into_iter()
            .filter(|p| !p.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    };
    format!("source: {} — quote: {}", join(left), join(right))
}

/// How a run of words of one side compares with the other side.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    Same,
    /// In both, worded differently.
    Changed,
    /// Only in the source: the quote drops it.
    Dropped,
    /// Only in the quote: the quote adds it.
    Added,
}

/// One side's runs of words, each with its mark.
pub type Marked = Vec<(Mark, String)>;

/// Both sides whole, as runs of words with their marks: the source's, then
/// the quote's. Words compare as in [`word_diff`].
pub fn marked_sides(source: &str, quote: &str) -> (Marked, Marked) {
    let a: Vec<&str> = source.split_whitespace().collect();
    let b: Vec<&str> = quote.split_whitespace().collect();
    let key = |w: &&str| -> String {
        w.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let ka: Vec<String> = a.iter().map(key).collect();
    let kb: Vec<String> = b.iter().map(key).collect();
    let (mut left, mut right) = (Vec::new(), Vec::new());
    for op in capture_diff_slices(Algorithm::Myers, &ka, &kb) {
        let (tag, ra, rb) = op.as_tag_tuple();
        let (l, r) = match tag {
            DiffTag::Equal => (Mark::Same, Mark::Same),
            DiffTag::Delete => (Mark::Dropped, Mark::Same),
            DiffTag::Insert => (Mark::Same, Mark::Added),
            DiffTag::Replace => (Mark::Changed, Mark::Changed),
        };
        if !ra.is_empty() {
            left.push((l, a[ra].join(" ")));
        }
        if !rb.is_empty() {
            right.push((r, b[rb].join(" ")));
        }
    }
    (left, right)
}

/// Keep the words next to changes, eliding the rest.
fn context(words: &[&str], after_change: bool, before_change: bool) -> String {
    if words.len() <= 2 * CONTEXT {
        return words.join(" ");
    }
    let mut parts = Vec::new();
    if after_change {
        parts.push(words[..CONTEXT].join(" "));
    }
    parts.push("…".to_string());
    if before_change {
        parts.push(words[words.len() - CONTEXT..].join(" "));
    }
    parts.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shows_the_changed_word_on_both_sides() {
        let d = word_diff(
            "If this were a war, that would be one of the worst wars.",
            "If this were a war, it would be one of the worst wars.",
        );
        assert_eq!(d, "source: If this were a war, *that* would be one … — quote: If this were a war, *it* would be one …");
    }

    #[test]
    fn marks_each_side_whole() {
        use super::Mark::*;
        let (source, quote) = marked_sides(
            "that would be one of the worst wars",
            "it would be one of the wars ever",
        );
        fn words(side: &[(Mark, String)]) -> Vec<(Mark, &str)> {
            side.iter().map(|(m, w)| (*m, w.as_str())).collect()
        }
        assert_eq!(
            words(&source),
            [
                (Changed, "that"),
                (Same, "would be one of the"),
                (Dropped, "worst"),
                (Same, "wars")
            ]
        );
        assert_eq!(
            words(&quote),
            [
                (Changed, "it"),
                (Same, "would be one of the"),
                (Same, "wars"),
                (Added, "ever")
            ]
        );
    }

    #[test]
    fn shows_dropped_words() {
        let d = word_diff("a credible and imminent threat", "a credible threat");
        assert_eq!(
            d,
            "source: a credible *and imminent* threat — quote: a credible threat"
        );
    }
}
