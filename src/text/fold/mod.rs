//! Folding: the text that matching compares, with a sparse map back to the
//! original bytes.
//!
//! Folded text is lower-case words without diacritics, compatibility forms
//! or curly apostrophes, separated by single spaces. Punctuation between
//! words disappears; an apostrophe inside a word and the separators inside a
//! number stay. The map records a breakpoint only where the folded text's
//! length stops tracking the original's, so plain ASCII prose costs one
//! breakpoint per punctuation mark and nothing else.

mod classify;
mod folder;
mod offset_map;
mod step;

pub use folder::Folder;
pub use offset_map::OffsetMap;

/// Folded text plus the map back to the original.
#[derive(Clone, Debug, Default)]
pub struct Folded {
    pub text: String,
    pub map: OffsetMap,
}

impl Folded {
    /// The original byte range of a folded range that covers whole words.
    pub fn original_range(&self, start: usize, end: usize) -> (usize, usize) {
        if start >= end {
            let at = self.map.start(start.min(self.text.len().saturating_sub(1)));
            return (at, at);
        }
        (self.map.start(start), self.map.end(end))
    }
}

/// Events the folder reports to whoever builds a source's structure.
pub trait Structure {
    /// A word starts at folded position `at`, after a line break
    /// (`after_blank` when the line before it held no word).
    fn word_start(&mut self, at: usize, after_newline: bool, after_blank: bool);
    /// A sentence ends before the word that starts at folded position `at`.
    fn sentence_break(&mut self, at: usize);
    /// A quotation mark opened (`opening`) or closed at the folded position.
    fn quote_mark(&mut self, at: usize, opening: bool, double: bool);
    /// A line of `chars` characters ended.
    fn line_end(&mut self, chars: usize);
    /// A quotation that no quotation marks delimit (a block quote).
    fn quotation(&mut self, _start: usize, _end: usize) {}
}

/// No structure needed (claims' quotes).
pub struct NoStructure;

impl Structure for NoStructure {
    fn word_start(&mut self, _: usize, _: bool, _: bool) {}
    fn sentence_break(&mut self, _: usize) {}
    fn quote_mark(&mut self, _: usize, _: bool, _: bool) {}
    fn line_end(&mut self, _: usize) {}
}

/// Fold a short text with no structure (a quote, a claim's words).
pub fn fold(text: &str) -> Folded {
    let mut none = NoStructure;
    let mut folder = Folder::new(&mut none);
    folder.push(text, 0);
    folder.finish()
}

/// The folded words of a short text.
pub fn fold_words(text: &str) -> Vec<String> {
    fold(text)
        .text
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}
