//! A source ready for matching: its folded text and layout, and the way
//! back from folded positions to the file's bytes, lines and columns.

use super::excerpt::{excerpt_around, Lines};
use super::fold::{Folded, Folder};
use super::layout::{Collector, Layout};
use super::markup::{Marked, Pieces};
use crate::model::{Excerpt, Section, SectionKind};
use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

pub(super) const CHUNK_BYTES: usize = 1 << 20;

/// The block a source read from disk caches for reads in file order.
const BLOCK_BYTES: usize = 4 << 20;

pub use super::encoding::{Base, Encoding};

/// A document's page or paragraph kind and its marks (see
/// [`super::documents::Extracted`]).
type Sections = (SectionKind, Vec<(usize, u32)>);

#[derive(Debug)]
pub(super) enum Original {
    Memory(String),
    File { path: PathBuf, skip: usize },
}

/// A source ready for matching.
#[derive(Debug)]
pub struct Source {
    pub folded: Folded,
    pub layout: Layout,
    pub sha256: Option<String>,
    pub(super) original: Original,
    /// For markup: what each stretch of the file reads as, markup removed.
    pub(super) pieces: Option<Pieces>,
    pub(super) encoding: Encoding,
    /// Byte offsets (in the decoded text) of every line start, built on the
    /// first request.
    pub(super) line_starts: std::sync::OnceLock<Vec<usize>>,
    /// For a source read from disk: the last block read, so that passes in
    /// file order (figures, sentence by sentence) read each byte about once.
    pub(super) block: std::sync::Mutex<Option<(usize, Vec<u8>)>>,
    /// For a segment of a large source: where it starts in the file.
    pub(super) base: Base,
    /// For a PDF or Word document: where each page or paragraph starts in
    /// the extracted text.
    pub(super) sections: Option<std::sync::Arc<Sections>>,
}

/// A resolved place in a source's file.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Place {
    pub offset: usize,
    pub length: usize,
    pub line: u32,
    pub column: u32,
    pub text: String,
    /// The passage's lines cropped around it, for snippets; kept only for
    /// UTF-8 sources held in memory.
    pub excerpt: Option<Excerpt>,
    /// Its page or paragraph, in a PDF or Word document.
    pub section: Option<Section>,
}

impl Source {
    /// Fold an in-memory text (tests, drafts, claims' own text).
    pub fn from_text(text: String) -> Source {
        let mut collector = Collector::default();
        let mut folder = Folder::new(&mut collector);
        folder.reserve(text.len());
        folder.push(&text, 0);
        let folded = folder.finish();
        Source {
            folded,
            layout: collector.finish(),
            sha256: None,
            original: Original::Memory(text),
            pieces: None,
            encoding: Encoding::Utf8 { skip: 0 },
            line_starts: Default::default(),
            block: Default::default(),
            base: Base::default(),
            sections: None,
        }
    }

    /// A markup source: its folded text, layout, file text and pieces.
    pub fn from_markup(marked: Marked, text: String) -> Source {
        Source {
            folded: marked.folded,
            layout: marked.layout,
            sha256: None,
            original: Original::Memory(text),
            pieces: Some(marked.pieces),
            encoding: Encoding::Utf8 { skip: 0 },
            line_starts: Default::default(),
            block: Default::default(),
            base: Base::default(),
            sections: None,
        }
    }

    /// The text between two decoded offsets as it reads: for markup, with
    /// tags and markers removed and entities decoded.
    pub fn original_text(&self, start: usize, end: usize) -> String {
        let Some(pieces) = &self.pieces else {
            return self.raw_text(start, end);
        };
        let from = pieces.partition_point(|p| p.1 <= start);
        let mut out = String::new();
        for (ps, pe, text) in &pieces[from..] {
            if *ps >= end {
                break;
            }
            if ps == pe {
                // A block break or line break between pieces.
                if *ps > start
                    && *ps < end
                    && !out.ends_with(char::is_whitespace)
                    && !out.is_empty()
                {
                    out.push_str(if text == "\n" { "\n" } else { " " });
                }
                continue;
            }
            if pe - ps == text.len() {
                // Read as written: clip to the range.
                let s = start.max(*ps) - ps;
                let e = end.min(*pe) - ps;
                out.push_str(text.get(s..e).unwrap_or(""));
            } else {
                out.push_str(text);
            }
        }
        out
    }

    /// How many characters stand between two decoded offsets, counted
    /// without copying them (a source may be one line of a gigabyte).
    fn chars_between(&self, start: usize, end: usize) -> usize {
        let utf8_starts = |bytes: &[u8]| bytes.iter().filter(|&&b| (b & 0xC0) != 0x80).count();
        match &self.original {
            Original::Memory(text) => text.get(start..end).map_or(0, |t| t.chars().count()),
            Original::File { .. } if end.saturating_sub(start) <= BLOCK_BYTES / 2 => {
                self.file_bytes(start, end).map_or(0, |b| utf8_starts(&b))
            }
            Original::File { path, skip } => {
                let Ok(mut file) = File::open(path) else {
                    return 0;
                };
                if file.seek(SeekFrom::Start((*skip + start) as u64)).is_err() {
                    return 0;
                }
                let mut left = end.saturating_sub(start);
                let mut buf = vec![0u8; CHUNK_BYTES.min(left.max(1))];
                let mut count = 0;
                while left > 0 {
                    let want = left.min(buf.len());
                    match file.read(&mut buf[..want]) {
                        Ok(0) | Err(_) => break,
                        Ok(n) => {
                            count += utf8_starts(&buf[..n]);
                            left -= n;
                        }
                    }
                }
                count
            }
        }
    }

    /// The file's own text between two decoded offsets, markup and all.
    pub fn raw_text(&self, start: usize, end: usize) -> String {
        match &self.original {
            Original::Memory(text) => text.get(start..end).unwrap_or("").to_string(),
            Original::File { .. } => self
                .file_bytes(start, end)
                .map(|b| String::from_utf8_lossy(&b).into_owned())
                .unwrap_or_default(),
        }
    }

    /// Bytes `start..end` of the decoded text of a source read from disk,
    /// through the block cache for short ranges.
    fn file_bytes(&self, start: usize, end: usize) -> Option<Vec<u8>> {
        let Original::File { path, skip } = &self.original else {
            return None;
        };
        let len = end.checked_sub(start)?;
        if len > BLOCK_BYTES / 2 {
            return read_range(path, *skip + start, len).ok();
        }
        let mut block = self.block.lock().ok()?;
        let hit = block
            .as_ref()
            .is_some_and(|(at, bytes)| *at <= start && end <= at + bytes.len());
        if !hit {
            let mut file = File::open(path).ok()?;
            file.seek(SeekFrom::Start((*skip + start) as u64)).ok()?;
            let mut bytes = Vec::with_capacity(BLOCK_BYTES);
            file.take(BLOCK_BYTES as u64).read_to_end(&mut bytes).ok()?;
            if bytes.len() < len {
                return None;
            }
            *block = Some((start, bytes));
        }
        let (at, bytes) = block.as_ref()?;
        bytes.get(start - at..end - at).map(<[u8]>::to_vec)
    }

    /// The original (decoded) byte range of a folded range of whole words,
    /// widened over editorial brackets the words straddle ("[W]e").
    pub fn original_range(&self, start: usize, end: usize) -> (usize, usize) {
        let (mut s, mut e) = self.folded.original_range(start, end);
        if let Original::Memory(text) = &self.original {
            let bytes = text.as_bytes();
            let inner = &bytes[s..e];
            let opens = inner.iter().filter(|&&b| b == b'[').count();
            let closes = inner.iter().filter(|&&b| b == b']').count();
            if closes > opens && s > 0 && bytes[s - 1] == b'[' {
                s -= 1;
            }
            if opens > closes && e < bytes.len() && bytes[e] == b']' {
                e += 1;
            }
            // An elided word's apostrophe ("’tis", "'90s") belongs to it: a
            // fix quoting the passage must not drop it. (An opening single
            // quotation mark is ‘, not ’.)
            let after_space = |at: usize| at == 0 || bytes[at - 1].is_ascii_whitespace();
            if s >= 3 && &bytes[s - 3..s] == "’".as_bytes() && after_space(s - 3) {
                s -= 3;
            } else if s >= 1
                && bytes[s - 1] == b'\''
                && after_space(s - 1)
                && bytes.get(s).is_some_and(u8::is_ascii_digit)
            {
                s -= 1;
            }
        }
        (s, e)
    }

    /// A folded range resolved to file offsets, line, column and its text.
    pub fn place(&self, start: usize, end: usize) -> Place {
        let (s, e) = self.original_range(start, end);
        self.place_original(s, e)
    }

    /// A decoded range resolved to file offsets, line, column and its text.
    pub fn place_original(&self, s: usize, e: usize) -> Place {
        let text = self.original_text(s, e);
        let starts = self.line_starts.get_or_init(|| self.compute_line_starts());
        let line = starts.partition_point(|&l| l <= s).max(1);
        let line_start = starts[line - 1];
        let column = self.chars_between(line_start, s) as u32 + 1;
        let base = self.base;
        let (offset, length) = match self.encoding {
            Encoding::Utf8 { skip } => (skip + base.offset + s, e - s),
            Encoding::Utf16 { .. } => {
                let before = self.raw_text(0, s).encode_utf16().count();
                (
                    2 + 2 * before,
                    2 * self.raw_text(s, e).encode_utf16().count(),
                )
            }
        };
        let excerpt = match (&self.original, self.encoding) {
            (Original::Memory(original), Encoding::Utf8 { skip }) => {
                // The passage's lines, from the index: never a scan of the text.
                let last = starts.partition_point(|&l| l <= e.saturating_sub(1).max(s));
                let lines = Lines {
                    start: line_start,
                    // Before the line break, a CRLF's carriage return included.
                    end: starts.get(last).map_or(original.len(), |&n| {
                        let end = n - 1;
                        if end > e && original.as_bytes()[end - 1] == b'\r' {
                            end - 1
                        } else {
                            end
                        }
                    }),
                    line: line - 1,
                    column: column as usize - 1,
                };
                excerpt_around(original, s, e, lines).map(|mut x| {
                    x.offset += skip + base.offset;
                    if x.line == 0 {
                        x.column += base.column as usize;
                    }
                    x.line += base.lines as usize;
                    x
                })
            }
            _ => None,
        };
        Place {
            offset,
            length,
            line: base.lines + line as u32,
            column: if line == 1 {
                base.column + column
            } else {
                column
            },
            text,
            excerpt,
            section: self.sections.as_ref().map(|sections| {
                let (kind, marks) = &**sections;
                let i = marks.partition_point(|&(at, _)| at <= s);
                Section {
                    kind: *kind,
                    number: i
                        .checked_sub(1)
                        .and_then(|i| marks.get(i))
                        .map_or(1, |m| m.1),
                }
            }),
        }
    }

    /// Mark this source as a document's extracted text, whose stretches
    /// come from the pages or paragraphs `marks` gives ([`Extracted`]).
    ///
    /// [`Extracted`]: super::documents::Extracted
    pub fn set_sections(&mut self, kind: SectionKind, marks: Vec<(usize, u32)>) {
        self.sections = Some(std::sync::Arc::new((kind, marks)));
    }

    fn compute_line_starts(&self) -> Vec<usize> {
        let mut starts = vec![0];
        match &self.original {
            Original::Memory(text) => {
                starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
            }
            Original::File { path, skip } => {
                if let Ok(mut file) = File::open(path) {
                    let mut buf = vec![0; CHUNK_BYTES];
                    let mut base = 0usize;
                    let _ = file.seek(SeekFrom::Start(*skip as u64));
                    while let Ok(n) = file.read(&mut buf) {
                        if n == 0 {
                            break;
                        }
                        starts.extend(memchr::memchr_iter(b'\n', &buf[..n]).map(|i| base + i + 1));
                        base += n;
                    }
                }
            }
        }
        starts
    }

    /// Byte length of the decoded original text.
    pub fn original_len(&self) -> usize {
        match &self.original {
            Original::Memory(text) => text.len(),
            Original::File { path, skip } => std::fs::metadata(path)
                .map_or(0, |m| usize::try_from(m.len()).unwrap_or(usize::MAX))
                .saturating_sub(*skip),
        }
    }

    /// Decoded-text length of the source.
    pub fn folded_len(&self) -> usize {
        self.folded.text.len()
    }
}

/// `len` bytes of the file at `path` from byte `offset`.
pub(super) fn read_range(path: &Path, offset: usize, len: usize) -> std::io::Result<Vec<u8>> {
    let mut file = File::open(path)?;
    file.seek(SeekFrom::Start(offset as u64))?;
    let mut buf = vec![0; len];
    file.read_exact(&mut buf)?;
    Ok(buf)
}
