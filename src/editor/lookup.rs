//! Hover and go-to-definition: on a quote, the source passage that holds
//! it; on a figure, the source's figure as read; on a source key, its
//! declaration.

use crate::claims::ClaimSet;
use crate::figures::interval_words;
use crate::model::{FigureRead, Report, SourceSpan};

/// A place to jump to: a file (display path) and a range of 1-based lines
/// and columns (columns count characters; the end is exclusive).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    pub file: String,
    pub line: u32,
    pub column: u32,
    pub end_line: u32,
    pub end_column: u32,
}

fn within(offset: usize, at: usize, length: usize) -> bool {
    at <= offset && offset <= at + length
}

fn passage(span: &SourceSpan) -> String {
    let mut text = format!("**Source** `{}:{}:{}`", span.path, span.line, span.column);
    if !span.key.is_empty() {
        text.push_str(&format!(" (`{}`)", span.key));
    }
    let words = span.text.split_whitespace().collect::<Vec<_>>().join(" ");
    text.push_str(&format!("\n\n> {words}"));
    text
}

fn figure(read: &FigureRead) -> String {
    format!(
        "**The source's figure:** {} (read as {}) for {}",
        read.text,
        interval_words(read.low, read.high),
        read.counts
    )
}

/// What to show on hover at byte `offset` of `file`, as Markdown.
pub fn hover(report: &Report, file: &str, offset: usize) -> Option<String> {
    for claim in report.claims.iter().filter(|c| c.file == file) {
        for q in &claim.quotes {
            if q.claim.file == file && within(offset, q.claim.offset, q.claim.length) {
                let mut text = match &q.source {
                    Some(span) => passage(span),
                    None => "**Not found** in the sources searched".to_string(),
                };
                for f in &claim.findings {
                    if f.claim.as_ref().is_some_and(|c| c.offset == q.claim.offset) {
                        text.push_str(&format!("\n\n`{}`: {}", f.kind.name(), f.message));
                    }
                }
                return Some(text);
            }
        }
        for f in &claim.findings {
            let Some(at) = &f.claim else { continue };
            if at.file != file || !within(offset, at.offset, at.length) {
                continue;
            }
            let mut text = format!("`{}`: {}", f.kind.name(), f.message);
            if let Some(read) = &f.figure {
                text.push_str(&format!("\n\n{}", figure(read)));
            }
            if let Some(span) = &f.source {
                text.push_str(&format!("\n\n{}", passage(span)));
                if let Some(x) = &span.excerpt {
                    let context = x.text.split_whitespace().collect::<Vec<_>>().join(" ");
                    text.push_str(&format!("\n\nIn context: {context}"));
                }
            }
            return Some(text);
        }
    }
    None
}

/// Where to go from byte `offset` of `file` (whose text is `text`): a
/// quote's source passage, or the declaration of the source key under the
/// cursor.
pub fn definition(
    report: &Report,
    set: Option<&ClaimSet>,
    file: &str,
    text: &str,
    offset: usize,
) -> Option<Target> {
    for claim in report.claims.iter().filter(|c| c.file == file) {
        for q in &claim.quotes {
            if within(offset, q.claim.offset, q.claim.length) {
                let span = q.source.as_ref()?;
                let (end_line, end_column) = span.end();
                return Some(Target {
                    file: span.path.clone(),
                    line: span.line,
                    column: span.column,
                    end_line,
                    end_column,
                });
            }
        }
    }
    let word = word_at(text, offset)?;
    let set = set?;
    let decl = set
        .declared
        .iter()
        .find(|d| d.key == word && set.files.get(d.file).is_some_and(|f| f.display == file))?;
    Some(Target {
        file: file.to_string(),
        line: decl.pos.line,
        column: decl.pos.column,
        end_line: decl.pos.line,
        end_column: decl.pos.column + decl.key.chars().count() as u32,
    })
}

/// The source key (letters, digits, `-`, `_`, `.`) around `offset`.
fn word_at(text: &str, offset: usize) -> Option<&str> {
    let is_key = |c: char| c.is_alphanumeric() || matches!(c, '-' | '_' | '.');
    let offset = offset.min(text.len());
    if !text.is_char_boundary(offset) {
        return None;
    }
    let start = text[..offset]
        .char_indices()
        .rev()
        .find(|&(_, c)| !is_key(c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let end = text[offset..]
        .char_indices()
        .find(|&(_, c)| !is_key(c))
        .map_or(text.len(), |(i, _)| offset + i);
    Some(&text[start..end]).filter(|w| !w.is_empty())
}

#[cfg(test)]
mod tests {
    use super::word_at;

    #[test]
    fn the_key_under_the_cursor() {
        let text = "    source: atlantic-2\n";
        let at = text.find("lantic").unwrap();
        assert_eq!(word_at(text, at), Some("atlantic-2"));
        assert_eq!(word_at(text, text.len() - 1), Some("atlantic-2"));
        assert_eq!(word_at(text, 0), None);
    }
}
