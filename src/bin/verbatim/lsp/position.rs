//! LSP positions and file URIs. Positions count UTF-16 code units within a
//! line, as LSP does by default; verbatim counts bytes, and characters in
//! its columns.

use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use verbatim::model::LineIndex;

/// Positions in one text: its line starts found once, for the many
/// diagnostics of a large claims file.
pub struct Lines<'a> {
    text: &'a str,
    index: LineIndex,
}

impl<'a> Lines<'a> {
    pub fn new(text: &'a str) -> Lines<'a> {
        Lines {
            text,
            index: LineIndex::new(text),
        }
    }

    /// The LSP position of byte `offset`.
    pub fn position(&self, offset: usize) -> Value {
        let text = self.text;
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.index.line_of(offset);
        let line_start = self.index.line_start(line).min(offset);
        let character: usize = text[line_start..offset].chars().map(char::len_utf16).sum();
        json!({"line": line, "character": character})
    }

    /// The LSP range of `length` bytes at `offset`.
    pub fn range(&self, offset: usize, length: usize) -> Value {
        json!({"start": self.position(offset), "end": self.position(offset + length)})
    }
}

/// The LSP position of byte `offset` of `text`.
#[cfg(test)]
pub fn position(text: &str, offset: usize) -> Value {
    Lines::new(text).position(offset)
}

/// The byte offset of an LSP position in `text` (clamped to its line).
pub fn offset(text: &str, position: &Value) -> usize {
    let line = position["line"].as_u64().unwrap_or(0) as usize;
    let character = position["character"].as_u64().unwrap_or(0) as usize;
    let mut start = 0;
    for _ in 0..line {
        match text[start..].find('\n') {
            Some(i) => start += i + 1,
            None => return text.len(),
        }
    }
    let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    let mut units = 0;
    for (i, c) in text[start..end].char_indices() {
        if units >= character {
            return start + i;
        }
        units += c.len_utf16();
    }
    end
}

/// The LSP range of `length` bytes at `offset` of `text`.
pub fn range(text: &str, offset: usize, length: usize) -> Value {
    Lines::new(text).range(offset, length)
}

/// A range from 1-based lines and character columns (end exclusive), for
/// files the server does not hold (sources): characters stand for UTF-16
/// units, exact outside the astral planes.
pub fn range_of_columns(line: u32, column: u32, end_line: u32, end_column: u32) -> Value {
    json!({
        "start": {"line": line.saturating_sub(1), "character": column.saturating_sub(1)},
        "end": {"line": end_line.saturating_sub(1), "character": end_column.saturating_sub(1)},
    })
}

/// The `file://` URI of an absolute path.
pub fn uri(path: &Path) -> String {
    let mut out = String::from("file://");
    for b in path.to_string_lossy().bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The path of a `file://` URI.
pub fn path(uri: &str) -> Option<PathBuf> {
    let rest = uri.strip_prefix("file://")?;
    let bytes = rest.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok().map(PathBuf::from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_utf16_units() {
        let text = "ab\n“x” 😀z\n";
        let at = text.find('z').unwrap();
        assert_eq!(position(text, at), json!({"line": 1, "character": 6}));
        assert_eq!(offset(text, &json!({"line": 1, "character": 6})), at);
        assert_eq!(
            offset(text, &json!({"line": 9, "character": 0})),
            text.len()
        );
    }

    #[test]
    fn uris_round_trip() {
        let p = Path::new("/tmp/a b/ç.yaml");
        assert_eq!(uri(p), "file:///tmp/a%20b/%C3%A7.yaml");
        assert_eq!(path(&uri(p)).as_deref(), Some(p));
    }
}
