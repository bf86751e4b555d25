//! Matching: quotes against one source at a time. Exact search keyed on
//! word hashes (one pass per source), seeds locating windows, word-level
//! alignment inside them, and the contract's reading of the alignment.
//! Everything it learns is resolved to places in the original file.

pub mod align;
pub mod analyze;
pub mod anchors;
pub mod bounds;
pub mod closeness;
pub mod ellipsis;
pub mod exact_place;
pub mod found;
pub mod hash;
pub mod index;
pub mod pieces;
pub mod quote;
pub mod reading;
mod readings;
mod references;
pub mod typo;

pub use analyze::{analyze, window_around, LazyIndex};
pub use found::{Aligned, Analysis, Change, Piece, Reading, Window};
pub use typo::is_typo;
