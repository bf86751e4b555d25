//! A generic YAML tree where every node knows where it stands in the file.
//!
//! Deserializing straight into strict structs turns layout mistakes into
//! misleading "missing field" errors and stops at the first problem, so the
//! claims file is first read into this tree (syntax errors surface as
//! themselves) and then validated by hand, collecting every problem at once.

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::Spanned;
use std::fmt;

/// Where a node stands in the claims file: 1-based line and column (in
/// characters), and the byte range when the parser knows it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Pos {
    pub line: u32,
    pub column: u32,
    pub offset: usize,
    pub len: usize,
}

#[derive(Clone, Debug)]
pub enum Value {
    Null,
    Bool(bool),
    /// Any scalar that is not a string keeps the raw text it was written as,
    /// so `sha256: 0000…` or `published: 2025-12-20` lose nothing.
    Number(String),
    Str(String),
    Seq(Vec<Node>),
    Map(Vec<(Node, Node)>),
}

#[derive(Clone, Debug)]
pub struct Node {
    pub pos: Pos,
    pub value: Value,
}

impl Node {
    pub fn kind_name(&self) -> &'static str {
        match self.value {
            Value::Null => "nothing",
            Value::Bool(_) => "a boolean",
            Value::Number(_) => "a number",
            Value::Str(_) => "a string",
            Value::Seq(_) => "a list",
            Value::Map(_) => "a mapping",
        }
    }

    /// The scalar as text, whatever type YAML resolved it to.
    pub fn as_scalar_text(&self) -> Option<String> {
        match &self.value {
            Value::Str(s) | Value::Number(s) => Some(s.clone()),
            Value::Bool(b) => Some(b.to_string()),
            _ => None,
        }
    }
}

/// YAML nodes a claims file may hold: a million claims' worth.
pub const MAX_YAML_NODES: usize = 8_000_000;

/// A YAML syntax error: the parser's sentence, and its line and column
/// when the parser reports them.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct YamlError {
    pub message: String,
    pub at: Option<(u32, u32)>,
}

/// Parse `text` into a tree.
pub fn parse(text: &str) -> Result<Node, YamlError> {
    // The parser's budget sized for real archives: 250,000 claims in one
    // file (about seven nodes and twenty events each) fit, while alias
    // expansion and nesting keep their limits. Both stay linear in the
    // claims file's size, which the loader caps at 64 MiB.
    let options = serde_saphyr::options! {
        budget: serde_saphyr::budget! {
            max_nodes: MAX_YAML_NODES,
            max_events: 4 * MAX_YAML_NODES,
        },
    };
    match serde_saphyr::from_str_with_options::<Spanned<RawValue>>(text, options) {
        Ok(spanned) => Ok(to_node(spanned, text)),
        Err(err) => Err(YamlError {
            message: first_line_of(&err),
            at: err.location().map(|l| (l.line() as u32, l.column() as u32)),
        }),
    }
}

/// serde-saphyr's Display renders a snippet; keep only the sentence.
fn first_line_of(err: &serde_saphyr::Error) -> String {
    let full = err.to_string();
    let line = full.lines().next().unwrap_or("invalid YAML").trim();
    let line = line.strip_prefix("error: ").unwrap_or(line);
    // Drop a leading or trailing "line X column Y": we print our own
    // FILE:LINE:COL.
    let line = match line.find(" at line ") {
        Some(i) => &line[..i],
        None => line,
    };
    let line = match line
        .strip_prefix("line ")
        .and_then(|rest| rest.split_once(": "))
    {
        Some((_, message)) => message,
        None => line,
    };
    // The parser's advice to its own API users is none to a writer.
    if line.starts_with("multiple YAML documents") {
        return "a claims file holds one YAML document; this `---` starts a second".into();
    }
    line.to_string()
}

fn to_node(spanned: Spanned<RawValue>, text: &str) -> Node {
    let loc = spanned.referenced;
    let span = loc.span();
    let mut offset = span.byte_offset().unwrap_or(0) as usize;
    let mut len = span.byte_len().unwrap_or(0) as usize;
    if offset > text.len() {
        offset = text.len();
    }
    if offset + len > text.len() {
        len = text.len() - offset;
    }
    // A folded or literal block scalar's span runs over its closing newline.
    while len > 0 && text.as_bytes()[offset + len - 1].is_ascii_whitespace() {
        len -= 1;
    }
    let pos = Pos {
        line: loc.line() as u32,
        column: loc.column() as u32,
        offset,
        len,
    };
    let value = match spanned.value {
        RawValue::Null => Value::Null,
        RawValue::Bool(b) => Value::Bool(b),
        RawValue::Number(n) => Value::Number(raw_text(text, &pos).unwrap_or(n)),
        RawValue::Str(s) => Value::Str(s),
        RawValue::Seq(items) => Value::Seq(items.into_iter().map(|i| to_node(i, text)).collect()),
        RawValue::Map(entries) => Value::Map(
            entries
                .into_iter()
                .map(|(k, v)| (to_node(k, text), to_node(v, text)))
                .collect(),
        ),
    };
    Node { pos, value }
}

fn raw_text(text: &str, pos: &Pos) -> Option<String> {
    if pos.len == 0 {
        return None;
    }
    text.get(pos.offset..pos.offset + pos.len)
        .map(|s| s.trim().to_string())
}

/// What serde hands us before positions are attached.
enum RawValue {
    Null,
    Bool(bool),
    Number(String),
    Str(String),
    Seq(Vec<Spanned<RawValue>>),
    Map(Vec<(Spanned<RawValue>, Spanned<RawValue>)>),
}

impl<'de> Deserialize<'de> for RawValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(RawVisitor)
    }
}

struct RawVisitor;

impl<'de> Visitor<'de> for RawVisitor {
    type Value = RawValue;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any YAML value")
    }
    fn visit_unit<E: de::Error>(self) -> Result<RawValue, E> {
        Ok(RawValue::Null)
    }
    fn visit_none<E: de::Error>(self) -> Result<RawValue, E> {
        Ok(RawValue::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<RawValue, D::Error> {
        RawValue::deserialize(d)
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<RawValue, E> {
        Ok(RawValue::Bool(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<RawValue, E> {
        Ok(RawValue::Number(v.to_string()))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<RawValue, E> {
        Ok(RawValue::Number(v.to_string()))
    }
    fn visit_i128<E: de::Error>(self, v: i128) -> Result<RawValue, E> {
        Ok(RawValue::Number(v.to_string()))
    }
    fn visit_u128<E: de::Error>(self, v: u128) -> Result<RawValue, E> {
        Ok(RawValue::Number(v.to_string()))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<RawValue, E> {
        Ok(RawValue::Number(v.to_string()))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<RawValue, E> {
        Ok(RawValue::Str(v.to_string()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<RawValue, E> {
        Ok(RawValue::Str(v))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<RawValue, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element::<Spanned<RawValue>>()? {
            items.push(item);
        }
        Ok(RawValue::Seq(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawValue, A::Error> {
        let mut entries = Vec::new();
        while let Some(key) = map.next_key::<Spanned<RawValue>>()? {
            let value = map.next_value::<Spanned<RawValue>>()?;
            entries.push((key, value));
        }
        Ok(RawValue::Map(entries))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scalars_keep_their_positions_and_raw_text() {
        let text = "a: 1\nsha: 0000000000000000000000000000000000000000000000000000000000000000\nq: \"x y\"\nd: 2025-12-20\n";
        let root = parse(text).unwrap();
        let Value::Map(entries) = root.value else {
            panic!("not a map")
        };
        let (k, v) = &entries[1];
        assert_eq!(k.pos.line, 2);
        assert_eq!(v.as_scalar_text().unwrap().len(), 64);
        let (_, q) = &entries[2];
        assert_eq!(q.pos.line, 3);
        assert_eq!(q.pos.column, 4);
        assert_eq!(&text[q.pos.offset..q.pos.offset + q.pos.len], "\"x y\"");
        let (_, d) = &entries[3];
        assert_eq!(d.as_scalar_text().unwrap(), "2025-12-20");
    }

    #[test]
    fn syntax_errors_have_a_line() {
        let text = "claims:\n  - id: a\n    source: msn\n     quote: x\n";
        let err = parse(text).unwrap_err();
        assert!(err.at.is_some(), "{err:?}");
    }

    #[test]
    fn a_second_document_is_named_without_api_advice() {
        let err = parse("a: 1\n---\nb: 2\n").unwrap_err();
        assert!(err.message.contains("one YAML document"), "{err:?}");
        assert!(!err.message.contains("from_str"), "{err:?}");
    }
}
