//! The YAML tree a claims file is read into: every node with where it
//! stands in the file.

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
