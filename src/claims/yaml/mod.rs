//! A generic YAML tree where every node knows where it stands in the file.
//!
//! Deserializing straight into strict structs turns layout mistakes into
//! misleading "missing field" errors and stops at the first problem, so the
//! claims file is first read into this tree (syntax errors surface as
//! themselves) and then validated by hand, collecting every problem at once.

mod lenient;
mod parts;
mod tree;
mod whole;

use parts::{parse_in_parts, MIN_CUT_BYTES, PART_BYTES};
pub use tree::{Node, Pos, Value, YamlError, MAX_YAML_NODES};
use whole::parse_whole;

/// Parse `text` into a tree; a large file in parts, in parallel (see
/// [`parts`]), giving the same tree; quoted continuation lines left of
/// their key read as libyaml reads them (see [`lenient`]).
pub fn parse(text: &str) -> Result<Node, YamlError> {
    lenient::parse_lenient(text, parse_strict)
}

fn parse_strict(text: &str) -> Result<Node, YamlError> {
    if text.len() >= MIN_CUT_BYTES {
        if let Some(root) = parse_in_parts(text, PART_BYTES, parse_whole) {
            return Ok(root);
        }
    }
    parse_whole(text)
}
