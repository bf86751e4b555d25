//! Large sources read in overlapping segments, each folded and searched
//! on its own and then dropped: memory stays bounded by the segment size
//! whatever the size of the file (a 2 GB archive is searched in ~100 MB).
//!
//! Segments end at a paragraph break where there is one, else at a line
//! break, else at a space; each overlaps the next by [`Limits::overlap`], so
//! that any passage shorter than the overlap lies whole in one of them.
//! A segment *owns* the stretch from the middle of the overlap before it
//! to the middle of the overlap after it: a figure is reported by the
//! segment owning it, with at least half the overlap of context around it.

use super::markup::Markup;
use super::read::{fold_as, stream_bom, utf8_prefix, ReadError, KEEP_IN_MEMORY_BYTES};
use super::source::{Base, Encoding, Source, CHUNK_BYTES};
use crate::files::hash::sha256_of;
use std::fs::File;
use std::io::Read;
use std::path::Path;
use std::sync::Arc;

/// How a large source is cut.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Sources up to this size are one segment.
    pub whole: u64,
    /// Bytes of text per segment (the last may be longer by a read).
    pub segment: usize,
    /// Bytes shared by consecutive segments: longer than any quote's
    /// passage.
    pub overlap: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            whole: KEEP_IN_MEMORY_BYTES,
            segment: 16 << 20,
            overlap: 1 << 20,
        }
    }
}

/// One segment of a source: read, and folded on demand ([`Segment::fold`])
/// so that the segments of one large source can be folded in parallel.
pub struct Segment {
    ready: Result<Arc<Source>, Unfolded>,
    /// The decoded byte range of the file this segment reports for.
    pub own: (usize, usize),
}

/// A segment's text before folding.
struct Unfolded {
    text: String,
    markup: Option<Markup>,
    skip: usize,
    sha256: Option<String>,
    base: Base,
}

impl Segment {
    /// The segment ready for matching.
    pub fn fold(self) -> Arc<Source> {
        match self.ready {
            Ok(source) => source,
            Err(raw) => {
                let mut source = fold_as(raw.text, raw.markup);
                source.encoding = Encoding::Utf8 { skip: raw.skip };
                source.sha256 = raw.sha256;
                source.base = raw.base;
                Arc::new(source)
            }
        }
    }
}

/// Read the source at `path` and call `on` with each of its segments in
/// file order: one for a source kept in memory whole, several for a large
/// one. Every segment's `sha256` is the whole file's (when `hash`).
pub fn for_each_segment(
    path: &Path,
    hash: bool,
    limits: Limits,
    mut on: impl FnMut(Segment),
) -> Result<(), ReadError> {
    let size = match std::fs::metadata(path) {
        Ok(meta) if meta.is_file() => meta.len(),
        _ => 0, // read_source says what is wrong
    };
    let markup = Markup::of(path);
    // A document's text is extracted whole, whatever its size.
    if size <= limits.whole || super::documents::Document::of(path).is_some() {
        let source = super::kept::read_kept(path, hash)?;
        let own = (0, source.original_len());
        on(Segment {
            ready: Ok(source),
            own,
        });
        return Ok(());
    }
    let sha256 = if hash {
        Some(sha256_of(path).map_err(ReadError::io)?)
    } else {
        None
    };
    let mut file = File::open(path).map_err(ReadError::io)?;
    let mut chunk = vec![0u8; CHUNK_BYTES.min(limits.segment.max(16))];
    // Decoded text from `buf_at` on; bytes of a character cut by a read wait
    // in `carry`.
    let mut buf: Vec<u8> = Vec::with_capacity(limits.segment + chunk.len());
    let mut carry: Vec<u8> = Vec::new();
    let mut buf_at = 0usize;
    let mut skip = 0usize;
    let mut first = true;
    let mut base = Base::default();
    let mut owned_from = 0usize;
    let mut done = false;
    while !done {
        while buf.len() < limits.segment && !done {
            let n = file.read(&mut chunk).map_err(ReadError::io)?;
            carry.extend_from_slice(&chunk[..n]);
            if first {
                first = false;
                skip = stream_bom(&mut carry)?;
            }
            let valid = utf8_prefix(&carry, n == 0, skip + buf_at + buf.len())?;
            buf.extend_from_slice(&carry[..valid]);
            carry.drain(..valid);
            done = n == 0;
        }
        // The whole rest, when it is not much more than a segment.
        let end = if done || buf.len() < limits.segment {
            buf.len()
        } else {
            cut_before(&buf, buf.len(), buf.len() / 4, markup)
        };
        let next = if end == buf.len() {
            end
        } else {
            // Never a cut at the start: each segment moves the read on.
            match cut_before(
                &buf,
                end.saturating_sub(limits.overlap),
                limits.overlap / 2,
                markup,
            ) {
                0 => end,
                cut => cut,
            }
        };
        let owned_to = if end == buf.len() && done {
            buf_at + end
        } else {
            buf_at + next + (end - next) / 2
        };
        // The cuts are at ASCII bytes, so both sides are whole UTF-8.
        let text = String::from_utf8_lossy(&buf[..end]).into_owned();
        on(Segment {
            ready: Err(Unfolded {
                text,
                markup,
                skip,
                sha256: sha256.clone(),
                base,
            }),
            own: (owned_from, owned_to),
        });
        owned_from = owned_to;
        if end == buf.len() && done {
            break;
        }
        base = base.advanced_over(&buf[..next]);
        buf.drain(..next);
        buf_at += next;
    }
    Ok(())
}

/// Where to cut `buf` at or before `at`, looking back at most `reach`
/// bytes: after a paragraph break, else after a line break, else after a
/// space, else at the last character boundary. For markup, a paragraph
/// break is a blank line (Markdown) or a line break before a tag (HTML).
fn cut_before(buf: &[u8], at: usize, reach: usize, markup: Option<Markup>) -> usize {
    let from = at.saturating_sub(reach);
    let window = &buf[from..at];
    let paragraph = match markup {
        Some(Markup::Html) => memchr::memmem::rfind(window, b"\n<").map(|i| i + 1),
        _ => memchr::memmem::rfind(window, b"\n\n").map(|i| i + 2),
    };
    if let Some(i) = paragraph {
        return from + i;
    }
    if let Some(i) = memchr::memrchr(b'\n', window) {
        return from + i + 1;
    }
    if let Some(i) = memchr::memrchr(b' ', window) {
        return from + i + 1;
    }
    let mut cut = at.min(buf.len());
    while cut > 0 && cut < buf.len() && (buf[cut] & 0xC0) == 0x80 {
        cut -= 1;
    }
    cut
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_prefer_paragraphs_then_lines_then_spaces() {
        let text = b"one two\n\nthree four\nfive six";
        assert_eq!(cut_before(text, text.len(), text.len(), None), 9);
        assert_eq!(cut_before(text, text.len(), 10, None), 20);
        assert_eq!(cut_before(text, text.len(), 5, None), 25);
        let html = b"<p>one\ntwo</p>\n<p>three";
        assert_eq!(
            cut_before(html, html.len(), html.len(), Some(Markup::Html)),
            15
        );
        let word = "ééé".as_bytes();
        assert_eq!(cut_before(word, 3, 3, None), 2);
    }
}
