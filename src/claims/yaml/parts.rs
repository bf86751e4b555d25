//! A large claims file parsed in parts, in parallel. A YAML parser reads
//! one event at a time: 200,000 claims (40 MB) took three seconds on one
//! core while the other waited. Most of such a file is the `claims:` list,
//! whose items stand alone; it is cut at items and each part parsed by
//! itself, its positions moved to where the part stands in the file.
//!
//! Only a file of the plainest layout is cut: one `claims:` line at the
//! left margin, below it nothing else at the margin but comments, and its
//! items at one indentation. Whatever a part cannot parse alone (an alias
//! of an anchor in another part, a string running over a cut) fails that
//! part, and the whole file is parsed as one, which tells any real error
//! as it always did.

use super::tree::{Node, Pos, Value, YamlError, MAX_YAML_NODES};
use rayon::prelude::*;

/// Files smaller than this are parsed whole: cutting would not pay.
pub const MIN_CUT_BYTES: usize = 4 << 20;
/// About this many bytes of items per part.
pub const PART_BYTES: usize = 1 << 20;

/// The head key whose list is cut.
const LIST_KEY: &str = "claims:";

/// Parse `text` in parts of about `part_bytes`, or `None` when it is not
/// laid out to be cut (or a part does not parse alone).
pub fn parse_in_parts(
    text: &str,
    part_bytes: usize,
    parse: impl Fn(&str) -> Result<Node, YamlError> + Sync,
) -> Option<Node> {
    let cuts = cuts(text, part_bytes.max(1))?;
    let (&(first, _), rest) = cuts.split_first()?;
    let mut head = parse(&text[..first]).ok()?;
    let ends = rest.iter().map(|&(at, _)| at).chain([text.len()]);
    let bounds: Vec<((usize, u32), usize)> = cuts.iter().copied().zip(ends).collect();
    let parts: Vec<Option<Vec<Node>>> = bounds
        .par_iter()
        .map(|&((from, line), to)| part_items(text, (from, line), to, &parse))
        .collect();
    let mut items = Vec::new();
    for part in parts {
        items.extend(part?);
    }
    let Value::Map(entries) = &mut head.value else {
        return None;
    };
    let (_, list) = entries
        .iter_mut()
        .rev()
        .find(|(k, _)| matches!(&k.value, Value::Str(s) if format!("{s}:") == LIST_KEY))?;
    if !matches!(list.value, Value::Null) {
        return None;
    }
    let first_pos = items.first()?.pos;
    // The list stands where its first item's dash does, as a whole parse has it.
    let dash = text[..first_pos.offset]
        .rfind('-')
        .unwrap_or(first_pos.offset);
    let column = first_pos
        .column
        .saturating_sub((first_pos.offset - dash) as u32);
    *list = Node {
        pos: Pos {
            line: first_pos.line,
            column,
            offset: dash,
            len: 0, // as the parser gives a collection
        },
        value: Value::Seq(items),
    };
    (count(&head) <= MAX_YAML_NODES).then_some(head)
}

/// The items of `text[from..to]` (`from` on line `line`), parsed under the
/// list's key, their positions those of the whole file.
fn part_items(
    text: &str,
    (from, line): (usize, u32),
    to: usize,
    parse: &impl Fn(&str) -> Result<Node, YamlError>,
) -> Option<Vec<Node>> {
    let doc = format!("{LIST_KEY}\n{}", &text[from..to]);
    let mut root = parse(&doc).ok()?;
    let Value::Map(entries) = &mut root.value else {
        return None;
    };
    let [(_, list)] = &mut entries[..] else {
        return None;
    };
    let Value::Seq(items) = std::mem::replace(&mut list.value, Value::Null) else {
        return None;
    };
    // The part's text starts on line 2 of `doc`, after the key's line.
    let mut items = items;
    for item in &mut items {
        shift(
            item,
            line - 2,
            from as isize - (LIST_KEY.len() + 1) as isize,
        );
    }
    Some(items)
}

fn shift(node: &mut Node, lines: u32, bytes: isize) {
    node.pos.line += lines;
    node.pos.offset = (node.pos.offset as isize + bytes).max(0) as usize;
    match &mut node.value {
        Value::Seq(items) => items.iter_mut().for_each(|n| shift(n, lines, bytes)),
        Value::Map(entries) => entries.iter_mut().for_each(|(k, v)| {
            shift(k, lines, bytes);
            shift(v, lines, bytes);
        }),
        _ => {}
    }
}

fn count(node: &Node) -> usize {
    1 + match &node.value {
        Value::Seq(items) => items.iter().map(count).sum(),
        Value::Map(entries) => entries.iter().map(|(k, v)| count(k) + count(v)).sum(),
        _ => 0,
    }
}

/// Where the parts start, with their line numbers: the first item of the
/// list, then an item about every `part_bytes`. `None` unless the layout is
/// the plain one.
fn cuts(text: &str, part_bytes: usize) -> Option<Vec<(usize, u32)>> {
    // The list's key: at the margin, alone on its line, once.
    let key = line_starts(text).position(|at| line(text, at).trim_end() == LIST_KEY)?;
    let mut indent: Option<usize> = None;
    let mut cuts: Vec<(usize, u32)> = Vec::new();
    for (n, at) in line_starts(text).enumerate().skip(key + 1) {
        let number = n as u32 + 1;
        let l = line(text, at);
        let body = l.trim_start_matches(' ');
        if body.trim().is_empty() || body.starts_with('#') {
            continue;
        }
        if l.len() == body.len() || l.starts_with('\t') || body.starts_with('\t') {
            return None; // something else at the margin, or tabs
        }
        let is_item = body == "-" || body.starts_with("- ");
        let depth = l.len() - body.len();
        match indent {
            None if is_item => {
                indent = Some(depth);
                cuts.push((at, number));
            }
            None => return None,
            Some(i) if is_item && depth == i => {
                if cuts.last().is_some_and(|&(c, _)| at - c >= part_bytes) {
                    cuts.push((at, number));
                }
            }
            Some(_) => {}
        }
    }
    (!cuts.is_empty()).then_some(cuts)
}

fn line_starts(text: &str) -> impl Iterator<Item = usize> + '_ {
    std::iter::once(0).chain(
        memchr::memchr_iter(b'\n', text.as_bytes())
            .map(|i| i + 1)
            .filter(move |&i| i < text.len()),
    )
}

/// The line starting at `at`, without its line break.
fn line(text: &str, at: usize) -> &str {
    let rest = &text[at..];
    let end = rest.find('\n').unwrap_or(rest.len());
    rest[..end].strip_suffix('\r').unwrap_or(&rest[..end])
}

#[cfg(test)]
mod tests {
    use super::super::whole::parse_whole;
    use super::*;

    fn same_tree(text: &str, part_bytes: usize) -> bool {
        let whole = format!("{:?}", parse_whole(text).unwrap());
        match parse_in_parts(text, part_bytes, parse_whole) {
            Some(parts) => {
                assert_eq!(format!("{parts:?}"), whole);
                true
            }
            None => false,
        }
    }

    const ITEMS: &str = "  - id: a\n    quote: \"one - two\"\n    source: s\n  # a comment\n\n  - id: b\n    quote: >\n      folded\n      text\n    quotes:\n      - x\n      - \"y\"\n  - id: c\n    quote: plain\n      continued\n    figures: [{value: 12, unit: \"%\"}]\n  -\n    id: d\n    quote: 'single'\n";

    #[test]
    fn a_list_cut_anywhere_gives_the_whole_tree() {
        let text = format!("sources:\n  s: a.txt # note\nclaims:\n{ITEMS}{ITEMS}");
        for part_bytes in [1, 20, 60, 200, 10_000] {
            assert!(same_tree(&text, part_bytes), "{part_bytes}");
        }
        let crlf = text.replace('\n', "\r\n");
        assert!(same_tree(&crlf, 1));
        let accents = text.replace("one", "épée “quoted”");
        assert!(same_tree(&accents, 1));
    }

    #[test]
    fn other_layouts_are_parsed_whole() {
        // A key after the list, a list at the margin, no list, an alias
        // across parts, a string running over a cut.
        for text in [
            format!("claims:\n{ITEMS}other: 1\n"),
            "claims:\n- id: a\n  quote: x\n".to_string(),
            "sources: {}\n".to_string(),
            "claims:\n  - id: &i a\n    quote: x\n  - id: *i\n    quote: y\n".to_string(),
            "claims:\n  - id: a\n    quote: \"x\n  - y\"\n".to_string(),
        ] {
            assert!(parse_in_parts(&text, 1, parse_whole).is_none(), "{text}");
        }
    }
}
