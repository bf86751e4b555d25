//! Where a source's text stands in its file: how its bytes were decoded,
//! and, for a segment of a large source, where the segment starts.

/// How the file's bytes became text, so offsets can be given in file bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8; `skip` bytes of byte-order mark precede the text.
    Utf8 {
        skip: usize,
    },
    Utf16 {
        big_endian: bool,
    },
}

/// Where a segment of a large source starts in the whole file, so that its
/// places are given in the file's offsets, lines and columns.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Base {
    /// Decoded bytes before the segment.
    pub offset: usize,
    /// Line breaks before it.
    pub lines: u32,
    /// Characters between the start of its first line and its start.
    pub column: u32,
}

impl Base {
    /// The base of what follows `text`, which starts at this base.
    pub fn advanced_over(self, text: &[u8]) -> Base {
        let chars = |b: &[u8]| b.iter().filter(|&&c| (c & 0xC0) != 0x80).count() as u32;
        match memchr::memrchr(b'\n', text) {
            Some(last) => Base {
                offset: self.offset + text.len(),
                lines: self.lines + memchr::memchr_iter(b'\n', text).count() as u32,
                column: chars(&text[last + 1..]),
            },
            None => Base {
                offset: self.offset + text.len(),
                lines: self.lines,
                column: self.column + chars(text),
            },
        }
    }
}
