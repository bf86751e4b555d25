//! Where things stand: one span type for every file a report points into,
//! and one line index that turns byte offsets into lines and columns.

/// A place in a file as reports show it: the file's display path, 1-based
/// line and column (the column counts Unicode scalar values), and the byte
/// range.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Span {
    pub file: String,
    pub line: u32,
    pub column: u32,
    pub offset: usize,
    pub length: usize,
}

impl Span {
    /// The point at the start of `file`.
    pub fn start_of(file: impl Into<String>) -> Span {
        Span {
            file: file.into(),
            line: 1,
            column: 1,
            ..Span::default()
        }
    }
}

/// The part of a document a place lies in: a PDF's page (its 1-based index
/// in the file, not its printed label) or a Word document's paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum SectionKind {
    Page,
    Paragraph,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Section {
    pub kind: SectionKind,
    /// 1-based.
    pub number: u32,
}

impl Section {
    /// "page 3", "paragraph 12".
    pub fn name(self) -> String {
        match self.kind {
            SectionKind::Page => format!("page {}", self.number),
            SectionKind::Paragraph => format!("paragraph {}", self.number),
        }
    }
}

/// A span in a source, with the key that declared it and the text found
/// there (markup removed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceSpan {
    /// The source's key in the claims file; empty for a draft.
    pub key: String,
    pub path: String,
    pub line: u32,
    pub column: u32,
    pub offset: usize,
    pub length: usize,
    pub text: String,
    /// The passage's lines as the file has them, cropped around it, when
    /// the search could keep them (for snippets).
    pub excerpt: Option<Excerpt>,
    /// Its page or paragraph, in a PDF or Word document.
    pub section: Option<Section>,
}

/// Context of a passage, kept while its source was in memory so that
/// renderers show snippets without reading files.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Excerpt {
    pub text: String,
    /// Byte offset of the excerpt's start in the file.
    pub offset: usize,
    /// 0-based line of the excerpt's start.
    pub line: usize,
    /// Characters of its first line cut before the excerpt.
    pub column: usize,
}

impl SourceSpan {
    /// `path:line:col`, with the page or paragraph of a PDF or Word
    /// document: `opinion.pdf:41:7 (page 3)`.
    pub fn location(&self) -> String {
        let at = format!("{}:{}:{}", self.path, self.line, self.column);
        match self.section {
            Some(section) => format!("{at} ({})", section.name()),
            None => at,
        }
    }

    /// Where the span's text ends: its last line, and the 1-based column
    /// just past its last character (exclusive, as SARIF and GitHub count).
    pub fn end(&self) -> (u32, u32) {
        end_of(self.line, self.column, &self.text)
    }
}

/// The exclusive end of `text` starting at (`line`, `column`).
pub fn end_of(line: u32, column: u32, text: &str) -> (u32, u32) {
    match text.rfind('\n') {
        None => (line, column + text.chars().count() as u32),
        Some(i) => (
            line + text.matches('\n').count() as u32,
            text[i + 1..].chars().count() as u32 + 1,
        ),
    }
}

/// Line starts of a text, to turn byte offsets into 1-based lines and
/// columns (and back) in logarithmic time.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        LineIndex { starts }
    }

    /// The 0-based line holding `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        self.starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1)
    }

    /// How many lines the text has.
    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// The byte offset where 0-based `line` starts.
    pub fn line_start(&self, line: usize) -> usize {
        self.starts
            .get(line)
            .copied()
            .unwrap_or_else(|| self.starts.last().copied().unwrap_or(0))
    }

    /// 1-based line and column of `offset` in `text` (the text indexed).
    /// An offset inside a character counts the characters before it.
    pub fn locate(&self, text: &str, offset: usize) -> (u32, u32) {
        let offset = offset.min(text.len());
        let line = self.line_of(offset);
        let start = self.line_start(line).min(offset);
        let column = String::from_utf8_lossy(&text.as_bytes()[start..offset])
            .chars()
            .count();
        (line as u32 + 1, column as u32 + 1)
    }

    /// The byte offset of 1-based `line` and `column` in `text`, clamped to
    /// the line and the text.
    pub fn offset_of(&self, text: &str, line: u32, column: u32) -> usize {
        let index = (line as usize).saturating_sub(1);
        if index >= self.starts.len() {
            return text.len();
        }
        let start = self.starts[index].min(text.len());
        let end = self.starts.get(index + 1).copied().unwrap_or(text.len());
        let within: usize = text
            .get(start..end)
            .unwrap_or("")
            .chars()
            .take(column.saturating_sub(1) as usize)
            .map(char::len_utf8)
            .sum();
        start + within
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_become_lines_and_columns_and_back() {
        let text = "ab\nçd\n\nlast";
        let index = LineIndex::new(text);
        assert_eq!(index.locate(text, 0), (1, 1));
        assert_eq!(index.locate(text, 3), (2, 1));
        assert_eq!(index.locate(text, 5), (2, 2), "ç is one column");
        assert_eq!(index.locate(text, 7), (3, 1));
        assert_eq!(index.locate(text, 99), (4, 5));
        for offset in [0, 1, 3, 5, 6, 7, 8, 10] {
            let (l, c) = index.locate(text, offset);
            assert_eq!(index.offset_of(text, l, c), offset);
        }
        assert_eq!(index.offset_of(text, 9, 1), text.len());
    }

    #[test]
    fn ends_are_exclusive() {
        assert_eq!(end_of(3, 5, "abc"), (3, 8));
        assert_eq!(end_of(3, 5, "ab\ncd"), (4, 3));
    }
}
