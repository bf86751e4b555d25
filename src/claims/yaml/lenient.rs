//! A quoted scalar whose continuation lines stand left of its key, as a
//! generator writes a quote with a line break copied from its source:
//!
//! ```yaml
//!   - id: c1
//!     quote: "command will fail under Novel [such destination]
//!  below version 4.10 unless"
//! ```
//!
//! YAML 1.2 asks continuation lines to be indented; libyaml (and so
//! PyYAML, and most tools a claims file passes through) reads them all the
//! same, and the scalar's value does not depend on that indentation (a
//! line break and the white space around it fold into one space). Such a
//! file is read by indenting those lines, and its positions are given back
//! in the file as written. Any other error is reported as the parser gave
//! it.

use super::tree::{Node, Value, YamlError};

/// The parser's words for a continuation line indented too little.
const UNDER_INDENTED: &str = "multiline quoted scalar";

/// Lines indented per file at most: each is one more parse.
const MAX_LINES_INDENTED: usize = 32;

/// `parse(text)`, indenting the continuation lines of quoted scalars the
/// parser finds indented too little; the first error when that does not
/// make the file readable.
pub fn parse_lenient(
    text: &str,
    parse: impl Fn(&str) -> Result<Node, YamlError>,
) -> Result<Node, YamlError> {
    let first = match parse(text) {
        Ok(root) => return Ok(root),
        Err(e) => e,
    };
    let mut fixed = text.to_string();
    let mut indented: Vec<Indented> = Vec::new();
    let mut error = first.clone();
    while error.message.contains(UNDER_INDENTED) && indented.len() < MAX_LINES_INDENTED {
        let Some(line) = error.at.map(|(line, _)| line) else {
            break;
        };
        let Some(done) = indent_line(&mut fixed, line) else {
            break;
        };
        indented.push(done);
        match parse(&fixed) {
            Ok(mut root) => {
                give_back(&mut root, &indented);
                return Ok(root);
            }
            Err(e) => error = e,
        }
    }
    Err(first)
}

/// Spaces put at the start of a line: its number, its offset, how many.
#[derive(Clone, Copy)]
struct Indented {
    line: u32,
    at: usize,
    spaces: usize,
}

/// Indent line `line` (1-based) two spaces past the line before it, if it
/// stands left of that.
fn indent_line(text: &mut String, line: u32) -> Option<Indented> {
    let index = (line as usize).checked_sub(1)?;
    let starts: Vec<usize> = std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    let at = *starts.get(index)?;
    let previous = &text[*starts.get(index.checked_sub(1)?)?..at];
    let indent = |l: &str| l.len() - l.trim_start_matches(' ').len();
    let want = indent(previous) + 2;
    let has = indent(&text[at..]);
    (has < want).then(|| {
        text.insert_str(at, &" ".repeat(want - has));
        Indented {
            line,
            at,
            spaces: want - has,
        }
    })
}

/// Positions in the indented text given back in the text as written.
fn give_back(node: &mut Node, indented: &[Indented]) {
    let back = |offset: usize| {
        indented.iter().rev().fold(offset, |off, i| {
            if off >= i.at + i.spaces {
                off - i.spaces
            } else {
                off.min(i.at)
            }
        })
    };
    let start = back(node.pos.offset);
    let end = back(node.pos.offset + node.pos.len);
    node.pos.offset = start;
    node.pos.len = end - start;
    if let Some(i) = indented.iter().find(|i| i.line == node.pos.line) {
        node.pos.column = node.pos.column.saturating_sub(i.spaces as u32).max(1);
    }
    match &mut node.value {
        Value::Seq(items) => items.iter_mut().for_each(|n| give_back(n, indented)),
        Value::Map(entries) => entries.iter_mut().for_each(|(k, v)| {
            give_back(k, indented);
            give_back(v, indented);
        }),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::super::parse;
    use super::super::tree::Value;

    #[test]
    fn a_quoted_continuation_left_of_its_key_is_read_as_libyaml_reads_it() {
        let text = "claims:\n  - id: c1\n    quote: \"will fail under Novel [such]\n below version 4.10\"\n  - id: c2\n    quote: after\n";
        let root = parse(text).unwrap();
        let Value::Map(top) = &root.value else {
            panic!()
        };
        let Value::Seq(items) = &top[0].1.value else {
            panic!()
        };
        let Value::Map(first) = &items[0].value else {
            panic!()
        };
        assert!(
            matches!(&first[1].1.value, Value::Str(s) if s == "will fail under Novel [such] below version 4.10")
        );
        // Positions are the file's as written.
        let Value::Map(second) = &items[1].value else {
            panic!()
        };
        let after = &second[1].1.pos;
        assert_eq!(&text[after.offset..after.offset + after.len], "after");
        assert_eq!((after.line, after.column), (6, 12));
        // Other errors stay errors, where the parser puts them.
        let broken = "claims:\n  - id: c1\n    quote: \"never closed\n";
        assert!(parse(broken).is_err());
    }
}
