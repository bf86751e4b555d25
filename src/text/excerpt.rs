//! Excerpts: a passage's own lines cropped around it, kept with a finding
//! so that renderers can show a snippet without reading the file again.

use crate::model::Excerpt;

/// Characters of context kept either side of a passage.
const EXCERPT_MARGIN: usize = 60;

/// The lines of `text` holding `start..end`, cropped to at most
/// [`EXCERPT_MARGIN`] characters either side, on word boundaries. Source
/// paragraphs are often one long line.
pub fn excerpt_around(text: &str, start: usize, end: usize) -> Option<Excerpt> {
    if end > text.len()
        || start > end
        || !text.is_char_boundary(start)
        || !text.is_char_boundary(end)
    {
        return None;
    }
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i);
    let from = crop_back(text, line_start, start, EXCERPT_MARGIN);
    let to = crop_forward(text, end, line_end, EXCERPT_MARGIN);
    Some(Excerpt {
        text: text[from..to].to_string(),
        offset: from,
        line: memchr::memchr_iter(b'\n', &text.as_bytes()[..from]).count(),
        column: text[line_start..from].chars().count(),
    })
}

/// Step back at most `margin` characters from `at`, not before `floor`,
/// ending on a word boundary.
fn crop_back(text: &str, floor: usize, at: usize, margin: usize) -> usize {
    let mut start = at;
    for (taken, (i, _)) in text[floor..at].char_indices().rev().enumerate() {
        if taken >= margin {
            break;
        }
        start = floor + i;
    }
    if start > floor {
        if let Some(space) = text[start..at].find(' ') {
            start += space + 1;
        }
    }
    start
}

/// Step forward at most `margin` characters from `at`, not past `ceiling`,
/// ending on a word boundary.
fn crop_forward(text: &str, at: usize, ceiling: usize, margin: usize) -> usize {
    let mut stop = at;
    for (taken, (i, c)) in text[at..ceiling].char_indices().enumerate() {
        if taken >= margin {
            break;
        }
        stop = at + i + c.len_utf8();
    }
    if stop < ceiling {
        if let Some(space) = text[at..stop].rfind(' ') {
            stop = at + space;
        }
    }
    stop
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crops_long_lines_on_word_boundaries() {
        let text = format!(
            "first line\n{} the passage {}\nlast",
            "word ".repeat(30),
            "more ".repeat(30)
        );
        let start = text.find("the passage").unwrap();
        let end = start + "the passage".len();
        let x = excerpt_around(&text, start, end).unwrap();
        assert_eq!(x.line, 1);
        assert!(x.text.contains("the passage"));
        assert!(x.text.len() < 140 && !x.text.starts_with(' '));
        assert_eq!(&text[x.offset..x.offset + x.text.len()], x.text);
        assert_eq!(
            x.column,
            text[text.find('\n').unwrap() + 1..x.offset].chars().count()
        );
    }

    #[test]
    fn a_range_off_the_text_has_no_excerpt() {
        assert!(excerpt_around("abc", 2, 9).is_none());
    }
}
