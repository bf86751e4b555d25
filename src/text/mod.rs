//! Text: sources read and decoded, folded for matching, given a layout
//! (paragraphs, sentences, quotations), with a map back to the original
//! bytes. Knows nothing of claims or findings.

pub mod documents;
pub mod encoding;
pub mod excerpt;
pub mod fold;
pub mod kept;
pub mod layout;
pub mod marks;
pub mod markup;
pub mod read;
pub mod segments;
pub mod source;

pub use read::{read_source, ReadError, KEEP_IN_MEMORY_BYTES};
pub use segments::{for_each_segment, Segment};
pub use source::{Place, Source};
