//! What a PDF page is made of: glyphs placed on it, and the lines they
//! form.

/// A glyph: its origin, advance and size in page units, and its text.
#[derive(Debug, Clone)]
pub struct Glyph {
    pub x: f64,
    pub y: f64,
    pub advance: f64,
    pub size: f64,
    pub text: String,
}

#[derive(Debug, Default)]
pub struct Page {
    pub width: f64,
    pub height: f64,
    pub glyphs: Vec<Glyph>,
}

#[derive(Debug, Clone)]
pub struct Line {
    pub y: f64,
    pub x0: f64,
    pub x1: f64,
    pub size: f64,
    pub text: String,
    /// The column it was read in (0 for a single column).
    pub column: u8,
}
