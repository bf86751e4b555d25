//! A claims file parsed in one pass by serde-saphyr into the tree.

use super::tree::{Node, Pos, Value, YamlError, MAX_YAML_NODES};
use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::Spanned;
use std::fmt;

/// Parse `text` into a tree in one pass.
pub(super) fn parse_whole(text: &str) -> Result<Node, YamlError> {
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
        let root = parse_whole(text).unwrap();
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
        let err = parse_whole(text).unwrap_err();
        assert!(err.at.is_some(), "{err:?}");
    }

    #[test]
    fn a_second_document_is_named_without_api_advice() {
        let err = parse_whole("a: 1\n---\nb: 2\n").unwrap_err();
        assert!(err.message.contains("one YAML document"), "{err:?}");
        assert!(!err.message.contains("from_str"), "{err:?}");
    }
}
