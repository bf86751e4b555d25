//! Stage 2: sources read, folded for matching, and given structure, with a
//! map back to the original bytes.

pub mod fold;
pub mod markup;
pub mod source;
pub mod structure;
