//! Excerpts: a passage's own lines cropped around it, kept with a finding
//! so that renderers can show a snippet without reading the file again.

use crate::model::Excerpt;

/// Characters of context kept either side of a passage.
const EXCERPT_MARGIN: usize = 60;

/// Where the lines holding a passage lie, as the source's line index
/// knows them: so that an excerpt costs the margin, not a scan of a long
/// line or of the text before it.
#[derive(Debug, Clone, Copy)]
pub struct Lines {
    /// Byte offset where the passage's first line starts.
    pub start: usize,
    /// Byte offset where its last line ends (before the line break).
    pub end: usize,
    /// 0-based line of the passage's start.
    pub line: usize,
    /// 0-based column (in characters) of the passage's start.
    pub column: usize,
}

/// The lines of `text` holding `start..end`, cropped to at most
/// [`EXCERPT_MARGIN`] characters either side, on word boundaries. Source
/// paragraphs are often one long line.
pub fn excerpt_around(text: &str, start: usize, end: usize, lines: Lines) -> Option<Excerpt> {
    let fits = lines.start <= start && start <= end && end <= lines.end && lines.end <= text.len();
    if !fits || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
        return None;
    }
    let from = crop_back(text, lines.start, start, EXCERPT_MARGIN);
    let to = crop_forward(text, end, lines.end, EXCERPT_MARGIN);
    Some(Excerpt {
        text: text[from..to].to_string(),
        offset: from,
        line: lines.line,
        column: lines
            .column
            .saturating_sub(text[from..start].chars().count()),
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
        let line_start = text.find('\n').unwrap() + 1;
        let lines = Lines {
            start: line_start,
            end: text.rfind('\n').unwrap(),
            line: 1,
            column: text[line_start..start].chars().count(),
        };
        let x = excerpt_around(&text, start, end, lines).unwrap();
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
        let lines = Lines {
            start: 0,
            end: 3,
            line: 0,
            column: 2,
        };
        assert!(excerpt_around("abc", 2, 9, lines).is_none());
    }
}
