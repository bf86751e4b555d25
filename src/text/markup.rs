//! Markdown and HTML sources: markup is not text.

use super::source::Source;
use std::path::Path;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Markup {
    Markdown,
    Html,
}

impl Markup {
    /// The markup a source is written in, by its extension; `None` is text.
    pub fn of(path: &Path) -> Option<Markup> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "md" | "markdown" => Some(Markup::Markdown),
            "html" | "htm" | "xhtml" => Some(Markup::Html),
            _ => None,
        }
    }
}

/// Fold a markup source. Until the markup readers land, markup sources are
/// read as plain text (tags and emphasis marks fold away as punctuation).
pub fn fold_markup(text: String, _kind: Markup) -> Source {
    Source::from_text(text)
}
