//! Reading a source file: its kind, its encoding, and the folding, in
//! memory or as a stream for large plain-text files.

use super::documents::{extract, Document, MAX_DOCUMENT_BYTES};
use super::fold::Folder;
use super::layout::Collector;
use super::markup::{fold_markup, Markup};
use super::source::{Encoding, Original, Source, CHUNK_BYTES};
use crate::files::hash::{sha256_hex, Hasher};
use std::fs::File;
use std::io::Read;
use std::path::Path;

/// Sources up to this size are kept in memory; larger plain-text sources are
/// folded as a stream and read back only where a finding points.
pub const KEEP_IN_MEMORY_BYTES: u64 = 32 * 1024 * 1024;

/// Why a source could not be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, serde::Serialize, serde::Deserialize)]
pub enum ReadError {
    #[error("it does not exist")]
    Missing,
    #[error("{0}")]
    Unreadable(String),
}

impl ReadError {
    /// A failure to read the file.
    pub fn io(e: std::io::Error) -> ReadError {
        ReadError::Unreadable(format!("cannot read it: {e}"))
    }
}

/// At the start of a file read as a stream: drop a UTF-8 byte-order mark
/// from `head` and say how long it was; refuse UTF-16, which is decoded
/// only whole.
pub(super) fn stream_bom(head: &mut Vec<u8>) -> Result<usize, ReadError> {
    if head.starts_with(b"\xEF\xBB\xBF") {
        head.drain(..3);
        return Ok(3);
    }
    if head.starts_with(b"\xFF\xFE") || head.starts_with(b"\xFE\xFF") {
        return Err(ReadError::Unreadable(
            "a UTF-16 source this large is not supported; convert it to UTF-8".into(),
        ));
    }
    Ok(0)
}

/// Read, decode, hash (when `hash`) and fold the source at `path`.
pub fn read_source(path: &Path, hash: bool) -> Result<Source, ReadError> {
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(ReadError::Missing),
        Err(e) => return Err(ReadError::io(e)),
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
    if let Some(kind) = Document::of(path) {
        return read_document(path, kind, hash, meta.len());
    }
    let markup = Markup::of(path);
    if meta.len() > KEEP_IN_MEMORY_BYTES && markup.is_none() {
        return read_streaming(path, hash, meta.len());
    }
    let bytes = std::fs::read(path).map_err(ReadError::io)?;
    let sha256 = hash.then(|| sha256_hex(&bytes));
    let (text, encoding) = decode(bytes)?;
    let mut source = fold_as(text, markup);
    source.encoding = encoding;
    source.sha256 = sha256;
    Ok(source)
}

/// A PDF or Word document: its text extracted, with its pages or
/// paragraphs; the hash is of the file's bytes.
fn read_document(path: &Path, kind: Document, hash: bool, size: u64) -> Result<Source, ReadError> {
    if size > MAX_DOCUMENT_BYTES {
        return Err(ReadError::Unreadable(format!(
            "a document of {} MiB is larger than the {} MiB verbatim extracts",
            size >> 20,
            MAX_DOCUMENT_BYTES >> 20
        )));
    }
    let bytes = std::fs::read(path).map_err(ReadError::io)?;
    let sha256 = hash.then(|| sha256_hex(&bytes));
    let extracted = extract(kind, &bytes).map_err(ReadError::Unreadable)?;
    let mut source = Source::from_text(extracted.text);
    source.set_sections(extracted.kind, extracted.marks);
    source.sha256 = sha256;
    Ok(source)
}

/// A source from text held in memory (an editor's unsaved buffer), read
/// as the markup its path's extension names.
pub fn source_from_text(path: &Path, text: String) -> Source {
    fold_as(text, Markup::of(path))
}

/// Fold decoded text as the markup it is written in, or as plain text.
pub(super) fn fold_as(text: String, markup: Option<Markup>) -> Source {
    match markup {
        Some(kind) => Source::from_markup(fold_markup(&text, kind), text),
        None => Source::from_text(text),
    }
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

/// How much of `bytes` (read from byte `at` of the file) is whole, valid
/// UTF-8 text: all of it but a character cut by the read, unless `last`.
pub(super) fn utf8_prefix(bytes: &[u8], last: bool, at: usize) -> Result<usize, ReadError> {
    if let Some(i) = memchr_nul(bytes) {
        return Err(ReadError::Unreadable(format!(
            "it holds a NUL byte at byte {}: not text",
            at + i
        )));
    }
    match std::str::from_utf8(bytes) {
        Ok(_) => Ok(bytes.len()),
        Err(e) if e.error_len().is_none() && !last => Ok(e.valid_up_to()),
        Err(e) => Err(ReadError::Unreadable(format!(
            "it is not valid UTF-8 (byte {})",
            at + e.valid_up_to()
        ))),
    }
}

/// Fold a large UTF-8 text as a stream, never holding it whole.
fn read_streaming(path: &Path, hash: bool, size: u64) -> Result<Source, ReadError> {
    let mut file = File::open(path).map_err(ReadError::io)?;
    let mut hasher = hash.then(Hasher::default);
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
        let n = file.read(&mut buf).map_err(ReadError::io)?;
        if let Some(h) = hasher.as_mut() {
            h.update(&buf[..n]);
        }
        carry.extend_from_slice(&buf[..n]);
        if first {
            first = false;
            skip = stream_bom(&mut carry)?;
        }
        let valid = utf8_prefix(&carry, n == 0, skip + consumed)?;
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
        sha256: hasher.map(Hasher::finish),
        original: Original::File {
            path: path.to_path_buf(),
            skip,
        },
        pieces: None,
        encoding: Encoding::Utf8 { skip },
        line_starts: Default::default(),
        block: Default::default(),
        base: Default::default(),
        sections: None,
    })
}
