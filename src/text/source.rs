//! Reading a source from disk into its folded form and layout, keeping a way
//! back to the original bytes.

use super::fold::{Folded, Folder};
use super::structure::{Collector, Layout};
use sha2::{Digest, Sha256};
use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

/// Sources up to this size are kept in memory; larger plain-text sources are
/// folded as a stream and read back only where a finding points.
pub const KEEP_IN_MEMORY_BYTES: u64 = 32 * 1024 * 1024;

const CHUNK_BYTES: usize = 1 << 20;

/// Why a source could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    Missing,
    Unreadable(String),
}

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

#[derive(Debug)]
enum Original {
    Memory(String),
    File { path: PathBuf, skip: usize },
}

/// A source ready for matching.
#[derive(Debug)]
pub struct Source {
    pub folded: Folded,
    pub layout: Layout,
    pub sha256: Option<String>,
    original: Original,
    /// For markup: what each stretch of the file reads as, markup removed.
    pieces: Option<super::markup::Pieces>,
    encoding: Encoding,
    /// Byte offsets (in the decoded text) of every line start, built on the
    /// first request.
    line_starts: std::sync::OnceLock<Vec<usize>>,
}

/// A resolved place in a source's file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub offset: usize,
    pub length: usize,
    pub line: u32,
    pub column: u32,
    pub text: String,
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
        }
    }

    /// A markup source: its folded text, layout, file text and pieces.
    pub fn from_markup(
        folded: Folded,
        layout: Layout,
        text: String,
        pieces: super::markup::Pieces,
    ) -> Source {
        Source {
            folded,
            layout,
            sha256: None,
            original: Original::Memory(text),
            pieces: Some(pieces),
            encoding: Encoding::Utf8 { skip: 0 },
            line_starts: Default::default(),
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
            Original::File { path, skip } => read_range(path, *skip + start, end - start)
                .map(|b| String::from_utf8_lossy(&b).into_owned())
                .unwrap_or_default(),
        }
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
        let (offset, length) = match self.encoding {
            Encoding::Utf8 { skip } => (skip + s, e - s),
            Encoding::Utf16 { .. } => {
                let before = self.raw_text(0, s).encode_utf16().count();
                (
                    2 + 2 * before,
                    2 * self.raw_text(s, e).encode_utf16().count(),
                )
            }
        };
        Place {
            offset,
            length,
            line: line as u32,
            column,
            text,
        }
    }

    fn compute_line_starts(&self) -> Vec<usize> {
        let mut starts = vec![0];
        match &self.original {
            Original::Memory(text) => {
                starts.extend(memchr_iter(text.as_bytes()).map(|i| i + 1));
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
                        starts.extend(memchr_iter(&buf[..n]).map(|i| base + i + 1));
                        base += n;
                    }
                }
            }
        }
        starts
    }

    /// Decoded-text length of the source.
    pub fn folded_len(&self) -> usize {
        self.folded.text.len()
    }
}

fn memchr_iter(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    memchr::memchr_iter(b'\n', bytes)
}

fn read_range(path: &Path, offset: usize, len: usize) -> std::io::Result<Vec<u8>> {
    let mut file = File::open(path)?;
    file.seek(SeekFrom::Start(offset as u64))?;
    let mut buf = vec![0; len];
    file.read_exact(&mut buf)?;
    Ok(buf)
}

/// Read, decode, hash (when `hash`) and fold the source at `path`.
pub fn read_source(path: &Path, hash: bool) -> Result<Source, ReadError> {
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(ReadError::Missing),
        Err(e) => return Err(ReadError::Unreadable(format!("cannot read it: {e}"))),
    };
    if meta.is_dir() {
        return Err(ReadError::Unreadable("it is a folder, not a file".into()));
    }
    if !meta.is_file() {
        // Opening a FIFO would block the run; a device is no text.
        return Err(ReadError::Unreadable(
            "it is not a regular file (a device, FIFO or socket)".into(),
        ));
    }
    let markup = super::markup::Markup::of(path);
    if meta.len() > KEEP_IN_MEMORY_BYTES && markup.is_none() {
        return read_streaming(path, hash, meta.len());
    }
    let bytes =
        std::fs::read(path).map_err(|e| ReadError::Unreadable(format!("cannot read it: {e}")))?;
    let sha256 = hash.then(|| hex(&Sha256::digest(&bytes)));
    let (text, encoding) = decode(bytes)?;
    let mut source = match markup {
        Some(kind) => super::markup::fold_markup(text, kind),
        None => Source::from_text(text),
    };
    source.encoding = encoding;
    source.sha256 = sha256;
    Ok(source)
}

fn decode(bytes: Vec<u8>) -> Result<(String, Encoding), ReadError> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        let text = utf8(rest.to_vec(), 3)?;
        return Ok((text, Encoding::Utf8 { skip: 3 }));
    }
    for (bom, big_endian) in [(b"\xFF\xFE", false), (b"\xFE\xFF", true)] {
        if let Some(rest) = bytes.strip_prefix(bom) {
            if rest.len() % 2 != 0 {
                return Err(ReadError::Unreadable(
                    "it has a UTF-16 byte-order mark but an odd number of bytes".into(),
                ));
            }
            let units = rest.chunks_exact(2).map(|p| {
                if big_endian {
                    u16::from_be_bytes([p[0], p[1]])
                } else {
                    u16::from_le_bytes([p[0], p[1]])
                }
            });
            let text: Result<String, _> = char::decode_utf16(units).collect();
            let text = text.map_err(|_| {
                ReadError::Unreadable("it is not valid UTF-16 (an unpaired surrogate)".into())
            })?;
            return Ok((text, Encoding::Utf16 { big_endian }));
        }
    }
    Ok((utf8(bytes, 0)?, Encoding::Utf8 { skip: 0 }))
}

fn utf8(bytes: Vec<u8>, skip: usize) -> Result<String, ReadError> {
    if let Some(i) = memchr_nul(&bytes) {
        return Err(ReadError::Unreadable(format!(
            "it holds a NUL byte at byte {}: not text",
            i + skip
        )));
    }
    String::from_utf8(bytes).map_err(|e| {
        ReadError::Unreadable(format!(
            "it is not valid UTF-8 (byte {})",
            e.utf8_error().valid_up_to() + skip
        ))
    })
}

fn memchr_nul(bytes: &[u8]) -> Option<usize> {
    memchr::memchr(0, bytes)
}

/// Fold a large UTF-8 text as a stream, never holding it whole.
fn read_streaming(path: &Path, hash: bool, size: u64) -> Result<Source, ReadError> {
    let mut file =
        File::open(path).map_err(|e| ReadError::Unreadable(format!("cannot read it: {e}")))?;
    let mut hasher = hash.then(Sha256::new);
    let mut collector = Collector::default();
    let mut folder = Folder::new(&mut collector);
    // Folded text is rarely longer than the original: one allocation, not a
    // doubling that briefly holds two copies.
    folder.reserve(usize::try_from(size).unwrap_or(0));
    let mut buf = vec![0u8; CHUNK_BYTES];
    let mut carry: Vec<u8> = Vec::new();
    let mut consumed = 0usize; // file bytes folded so far
    let mut skip = 0usize;
    let mut first = true;
    loop {
        let n = file
            .read(&mut buf)
            .map_err(|e| ReadError::Unreadable(format!("cannot read it: {e}")))?;
        if let Some(h) = hasher.as_mut() {
            h.update(&buf[..n]);
        }
        carry.extend_from_slice(&buf[..n]);
        if first {
            first = false;
            if carry.starts_with(b"\xEF\xBB\xBF") {
                carry.drain(..3);
                skip = 3;
            } else if carry.starts_with(b"\xFF\xFE") || carry.starts_with(b"\xFE\xFF") {
                return Err(ReadError::Unreadable(
                    "a UTF-16 source this large is not supported; convert it to UTF-8".into(),
                ));
            }
        }
        if let Some(i) = memchr_nul(&carry) {
            return Err(ReadError::Unreadable(format!(
                "it holds a NUL byte at byte {}: not text",
                skip + consumed + i
            )));
        }
        let valid = match std::str::from_utf8(&carry) {
            Ok(_) => carry.len(),
            Err(e) if e.error_len().is_none() && n > 0 => e.valid_up_to(),
            Err(e) => {
                return Err(ReadError::Unreadable(format!(
                    "it is not valid UTF-8 (byte {})",
                    skip + consumed + e.valid_up_to()
                )))
            }
        };
        // The bytes up to `valid` are checked UTF-8 just above.
        let text = std::str::from_utf8(&carry[..valid]).unwrap_or_default();
        folder.push(text, consumed);
        consumed += valid;
        carry.drain(..valid);
        if n == 0 {
            break;
        }
    }
    let folded = folder.finish();
    Ok(Source {
        folded,
        layout: collector.finish(),
        sha256: hasher.map(|h| hex(&h.finalize())),
        original: Original::File {
            path: path.to_path_buf(),
            skip,
        },
        pieces: None,
        encoding: Encoding::Utf8 { skip },
        line_starts: Default::default(),
    })
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// SHA-256 of a file, as written in pins.
pub fn sha256_of(path: &Path) -> std::io::Result<String> {
    let mut file = File::open(path)?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0; CHUNK_BYTES];
    loop {
        let n = file.read(&mut buf)?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
    }
    Ok(hex(&hasher.finalize()))
}
