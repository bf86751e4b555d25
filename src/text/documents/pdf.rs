//! PDF sources: the glyphs of each page with their positions, from
//! pdf-extract (pure Rust, on lopdf), laid out as text by
//! [`super::pdf_layout`].

use super::pdf_layout::lay_out;
use super::pdf_page::{Glyph, Page};
use super::{Extracted, SectionKind};
use pdf_extract::{MediaBox, OutputDev, OutputError, Transform};

/// Glyphs collected page by page.
#[derive(Default)]
struct Collect {
    pages: Vec<Page>,
    current: Page,
}

impl OutputDev for Collect {
    fn begin_page(
        &mut self,
        _number: u32,
        media_box: &MediaBox,
        _art_box: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        self.current = Page {
            height: (media_box.ury - media_box.lly).abs(),
            width: (media_box.urx - media_box.llx).abs(),
            glyphs: Vec::new(),
        };
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        self.pages.push(std::mem::take(&mut self.current));
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        text: &str,
    ) -> Result<(), OutputError> {
        // The text rendering matrix scales the font: its size on the page.
        let size = (font_size * trm.m22.abs().max(trm.m11.abs())).max(0.1);
        let scale = if font_size > 0.0 {
            size / font_size
        } else {
            1.0
        };
        self.current.glyphs.push(Glyph {
            x: trm.m31,
            y: trm.m32,
            advance: width * font_size * scale,
            size,
            text: text.to_string(),
        });
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}

/// Decompressed bytes allowed for the pages' content streams, in all: a
/// PDF whose few compressed bytes would inflate to gigabytes stops here,
/// before any of it is held in memory.
const MAX_CONTENT_BYTES: u64 = 512 * 1024 * 1024;

/// Refuse a document whose page contents inflate beyond
/// [`MAX_CONTENT_BYTES`], counted as a stream, never held.
fn contents_within_bound(document: &pdf_extract::Document) -> Result<(), String> {
    let mut total = 0u64;
    for page in document.get_pages().into_values() {
        for id in document.get_page_contents(page) {
            let Ok(lopdf::Object::Stream(stream)) = document.get_object(id) else {
                continue;
            };
            let deflated = stream
                .filters()
                .is_ok_and(|filters| filters.iter().any(|f: &&[u8]| *f == b"FlateDecode"));
            let left = MAX_CONTENT_BYTES - total + 1;
            total += if deflated {
                let mut inflate =
                    std::io::Read::take(flate2::read::ZlibDecoder::new(&stream.content[..]), left);
                std::io::copy(&mut inflate, &mut std::io::sink()).unwrap_or(0)
            } else {
                stream.content.len() as u64
            };
            if total > MAX_CONTENT_BYTES {
                return Err(format!(
                    "its pages' contents inflate to more than {} MiB",
                    MAX_CONTENT_BYTES >> 20
                ));
            }
        }
    }
    Ok(())
}

/// The text of a PDF file's bytes, pages laid out in reading order, with
/// where each page starts.
pub(super) fn extract(bytes: &[u8]) -> Result<Extracted, String> {
    let document =
        pdf_extract::Document::load_mem(bytes).map_err(|e| format!("not a readable PDF ({e})"))?;
    if document.is_encrypted() {
        return Err("the PDF is encrypted; save an unencrypted copy".into());
    }
    contents_within_bound(&document)?;
    let mut collect = Collect::default();
    // The parser is not ours: a malformed file must not take the run down.
    let run = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        pdf_extract::output_doc(&document, &mut collect)
    }));
    match run {
        Ok(Ok(())) => {}
        Ok(Err(e)) => return Err(format!("its text cannot be read ({e})")),
        Err(_) => return Err("its text cannot be read (the PDF is malformed)".into()),
    }
    if collect.pages.iter().all(|p| p.glyphs.is_empty()) {
        return Err("no text layer; run OCR first".into());
    }
    let (text, marks) = lay_out(&collect.pages);
    Ok(Extracted {
        text,
        kind: SectionKind::Page,
        marks,
    })
}
