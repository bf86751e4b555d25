//! Snippet text for miette: a whole claims file, or a source excerpt with
//! its real line numbers, offsets and columns (in characters, as the rest
//! of the report counts them).

use crate::model::{LineIndex, SourceSpan};
use crate::report::safe::same_length;
use miette::{MietteError, MietteSpanContents, SourceCode, SpanContents};
use std::sync::Arc;

/// Snippets longer than this are cropped to the span's own line.
const MAX_SNIPPET_BYTES: usize = 4096;

/// Bytes of context kept either side of a span on a cropped line.
const CROP_MARGIN: usize = 200;

/// Text shown in a snippet: a whole claims file or a source excerpt, with
/// the real line numbers, offsets and columns (in characters, as the rest
/// of the report counts them).
#[derive(Debug)]
pub(super) struct Window {
    pub(super) text: Arc<String>,
    pub(super) base_offset: usize,
    pub(super) base_line: usize,
    /// Characters cut from the start of the excerpt's first line.
    pub(super) base_column: usize,
}

impl Window {
    /// The lines of a claims file around `offset..offset + length`, one
    /// line of context either side (as the handler shows): a snippet costs
    /// its lines, not a scan of the file from its start.
    pub(super) fn lines_around(
        text: &Arc<String>,
        index: &LineIndex,
        offset: usize,
        length: usize,
    ) -> Window {
        let end = (offset + length).min(text.len());
        let first = index.line_of(offset.min(text.len())).saturating_sub(1);
        let last = index.line_of(end) + 2;
        let from = index.line_start(first).min(text.len());
        let to = if last < index.line_count() {
            index.line_start(last)
        } else {
            text.len()
        };
        if to.saturating_sub(from) <= MAX_SNIPPET_BYTES {
            return Window {
                text: Arc::new(text.get(from..to.max(from)).unwrap_or("").to_string()),
                base_offset: from,
                base_line: first,
                base_column: 0,
            };
        }
        // A huge line (a megabyte of YAML on one line, a pasted key): the
        // span's own line, cropped around it.
        let line = index.line_of(offset.min(text.len()));
        let line_start = index.line_start(line).min(text.len());
        let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i);
        let floor = |mut at: usize| {
            while at > line_start && !text.is_char_boundary(at) {
                at -= 1;
            }
            at
        };
        let ceil = |mut at: usize| {
            while at < line_end && !text.is_char_boundary(at) {
                at += 1;
            }
            at
        };
        let from = floor(offset.saturating_sub(CROP_MARGIN).max(line_start));
        let to = ceil((end + CROP_MARGIN).min(line_end)).max(from);
        Window {
            text: Arc::new(text[from..to].to_string()),
            base_offset: from,
            base_line: line,
            base_column: text[line_start..from].chars().count(),
        }
    }

    /// The excerpt kept with a passage, or the passage's own text when the
    /// search kept none (a large or UTF-16 source).
    pub(super) fn around(span: &SourceSpan) -> Window {
        match &span.excerpt {
            Some(x) => Window {
                text: Arc::new(same_length(&x.text).into_owned()),
                base_offset: x.offset,
                base_line: x.line,
                base_column: x.column,
            },
            None => Window {
                text: Arc::new(same_length(&span.text).into_owned()),
                base_offset: span.offset,
                base_line: span.line.saturating_sub(1) as usize,
                base_column: span.column.saturating_sub(1) as usize,
            },
        }
    }
}

impl SourceCode for Window {
    fn read_span<'a>(
        &'a self,
        span: &miette::SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let mut at = span
            .offset()
            .saturating_sub(self.base_offset)
            .min(self.text.len());
        // Evidence read back from a scan's part may not fit its excerpt:
        // never cut a character.
        while !self.text.is_char_boundary(at) {
            at -= 1;
        }
        let local = miette::SourceSpan::new(at.into(), span.len());
        let inner = self.text.as_str().read_span(&local, before, after)?;
        let line_start = self.text[..at].rfind('\n').map_or(0, |i| i + 1);
        let mut column = self
            .text
            .get(line_start..at)
            .map_or(0, |t| t.chars().count());
        if line_start == 0 {
            column += self.base_column;
        }
        Ok(Box::new(MietteSpanContents::new(
            inner.data(),
            miette::SourceSpan::new(
                (inner.span().offset() + self.base_offset).into(),
                inner.span().len(),
            ),
            inner.line() + self.base_line,
            column,
            inner.line_count(),
        )))
    }
}
