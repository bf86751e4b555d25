//! Sources and drafts as people have them: PDF files and Word documents.
//! Their text is extracted first; offsets, lines and columns then refer to
//! the extracted text (as for markup, to the text without markup), and a
//! place also says its page (PDF) or paragraph (Word).

mod docx;
mod odt;
mod pdf;
mod pdf_furniture;
mod pdf_layout;
mod pdf_page;

pub use crate::model::SectionKind;

/// Documents larger than this are not read (their text is extracted in
/// memory, whole).
pub const MAX_DOCUMENT_BYTES: u64 = 256 * 1024 * 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Document {
    Pdf,
    Docx,
    Odt,
}

impl Document {
    /// The document kind a path names by its extension.
    pub fn of(path: &std::path::Path) -> Option<Document> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "pdf" => Some(Document::Pdf),
            "docx" => Some(Document::Docx),
            "odt" => Some(Document::Odt),
            _ => None,
        }
    }
}

/// A document's text and which page or paragraph each stretch of it
/// comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Extracted {
    pub text: String,
    pub kind: SectionKind,
    /// (byte offset in `text`, 1-based page or paragraph) pairs in offset
    /// order: the text from each offset on comes from that page (a page's
    /// footnotes follow the paragraph it ends in, so numbers may repeat).
    pub marks: Vec<(usize, u32)>,
}

/// Extract the text of a document's bytes; the error says why it cannot be
/// read ("no text layer; run OCR first").
pub fn extract(kind: Document, bytes: &[u8]) -> Result<Extracted, String> {
    match kind {
        Document::Pdf => pdf::extract(bytes),
        Document::Docx => docx::extract(bytes),
        Document::Odt => odt::extract(bytes),
    }
}
