//! What every verdict rule looks at: the claim set, the evidence, the
//! settings; and the helpers that turn places into spans.

use crate::claims::{Cites, Claim, ClaimSet, Located};
use crate::evidence::{Evidence, Searched, SourceId, SourceState};
use crate::model::{Settings, SourceSpan, Span};
use crate::text::Place;

/// The run as the verdict rules see it.
pub(super) struct Cx<'a> {
    pub set: &'a ClaimSet,
    pub searched: &'a Searched,
    pub settings: &'a Settings,
    /// Per source file, the declarations naming it (in any claims file).
    decls_of: Vec<Vec<usize>>,
    /// Per declaration, its place among its claims file's sources.
    position: Vec<usize>,
    /// Per claims file, [`named_sources`] of all its sources, made once:
    /// every claim searching every source names the same thousands.
    named_all: Vec<std::sync::OnceLock<String>>,
}

impl<'a> Cx<'a> {
    pub fn new(set: &'a ClaimSet, searched: &'a Searched, settings: &'a Settings) -> Cx<'a> {
        let mut decls_of = vec![Vec::new(); set.source_files.len()];
        let mut position = vec![0; set.declared.len()];
        for file in &set.files {
            for (i, &d) in file.sources.iter().enumerate() {
                position[d] = i;
            }
        }
        for (d, decl) in set.declared.iter().enumerate() {
            decls_of[decl.source_file].push(d);
        }
        Cx {
            set,
            searched,
            settings,
            decls_of,
            position,
            named_all: set.files.iter().map(|_| Default::default()).collect(),
        }
    }

    /// The declarations naming source file `sf`.
    pub fn decls_of(&self, sf: SourceId) -> &[usize] {
        &self.decls_of[sf.0]
    }

    /// Where its claims file lists declaration `d` among its sources.
    pub fn position(&self, d: usize) -> usize {
        self.position[d]
    }

    /// The sources a claim naming none searches, as messages name them.
    pub fn named_all(&self, file: usize) -> &str {
        self.named_all[file].get_or_init(|| named_sources(self.set, &self.set.files[file].sources))
    }

    /// Could a source problem be told of the declaration's file: unread,
    /// or pinned by some declaration (whose pin may differ)? Most are
    /// neither, and none of their declarations need looking at.
    pub fn may_have_problem(&self, decl: usize) -> bool {
        let pinned = |d: &usize| self.set.declared[*d].sha256.is_some();
        !self.readable(decl) || self.decls_of(self.file_of(decl)).iter().any(pinned)
    }

    /// The source file a declaration names.
    pub fn file_of(&self, decl: usize) -> SourceId {
        SourceId(self.set.declared[decl].source_file)
    }

    /// Could the declaration's source file be read?
    pub fn readable(&self, decl: usize) -> bool {
        matches!(
            self.searched.outcomes[self.file_of(decl).0].state,
            SourceState::Read { .. }
        )
    }

    /// The cited declarations whose source file could be read.
    pub fn readable_decls(&self, cited: &[usize]) -> Vec<usize> {
        cited
            .iter()
            .copied()
            .filter(|&d| self.readable(d))
            .collect()
    }

    /// Does the declaration's pin differ from its file's hash?
    pub fn pin_failed(&self, decl: usize) -> bool {
        let d = &self.set.declared[decl];
        match (&d.sha256, &self.searched.outcomes[d.source_file].state) {
            (
                Some(pin),
                SourceState::Read {
                    sha256: Some(actual),
                },
            ) => pin != actual,
            _ => false,
        }
    }

    pub fn claim_span(&self, claim: &Claim, located: &Located) -> Span {
        Span {
            file: self.set.files[claim.file].display.clone(),
            line: located.pos.line,
            column: located.pos.column,
            offset: located.pos.offset,
            length: located.pos.len,
        }
    }

    pub fn source_span(&self, decl: usize, place: &Place) -> SourceSpan {
        let d = &self.set.declared[decl];
        span_at(&d.key, &self.set.source_files[d.source_file].display, place)
    }
}

/// The declared sources a claim searches, in declaration order.
pub fn cited_decls<'a>(set: &'a ClaimSet, claim: &'a Claim) -> &'a [usize] {
    // Borrowed: a claim of every source cites thousands of declarations.
    match &claim.cites {
        Cites::All => &set.files[claim.file].sources,
        Cites::Keys(keys) => keys,
    }
}

/// Sources named in a message: their keys in backticks, the first few
/// only. A claim that searches every source of a file would otherwise
/// print thousands of keys in one message; an archive's documents share
/// their key, named once with their count.
pub(super) fn named_sources(set: &ClaimSet, decls: &[usize]) -> String {
    const NAMED: usize = 5;
    // Keys in order of first mention, with how many documents each has
    // (a claim searching every source of a large file names thousands:
    // counted through a map, never by a scan per key).
    let mut keys: Vec<(&str, usize)> = Vec::new();
    let mut at: std::collections::HashMap<&str, usize> = Default::default();
    for &d in decls {
        let key = set.declared[d].key.as_str();
        match at.get(key) {
            Some(&i) => keys[i].1 += 1,
            None => {
                at.insert(key, keys.len());
                keys.push((key, 1));
            }
        }
    }
    let shown: Vec<String> = keys
        .iter()
        .take(NAMED)
        .map(|&(k, n)| match n {
            1 => format!("`{k}`"),
            n => format!("`{k}` ({n} documents)"),
        })
        .collect();
    match keys.len() {
        n if n > NAMED => format!("{} and {} more sources", shown.join(", "), n - NAMED),
        _ => shown.join(", "),
    }
}

/// A job's evidence by source file.
pub(super) type JobEvidence<'a> = Vec<(SourceId, &'a Evidence)>;

/// Source text as a fix offers it: its white space collapsed, never a copy
/// of its line breaks and indentation.
pub(super) fn collapsed(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A place in the file shown as `path`, declared under `key` (empty for
/// a draft), as reports point at it.
pub(super) fn span_at(key: &str, path: &str, place: &Place) -> SourceSpan {
    SourceSpan {
        key: key.to_string(),
        path: path.to_string(),
        line: place.line,
        column: place.column,
        offset: place.offset,
        length: place.length,
        text: place.text.clone(),
        excerpt: place.excerpt.clone(),
        section: place.section,
    }
}

#[cfg(test)]
mod tests {
    use super::named_sources;
    use crate::claims::load_claims_bytes;

    #[test]
    fn messages_name_a_few_sources_then_count_the_rest() {
        let mut yaml = String::from("sources:\n");
        for i in 0..8 {
            yaml.push_str(&format!("  s{i}: ../sources/s{i}.txt\n"));
        }
        yaml.push_str("claims:\n  - id: x\n    quote: \"a b c\"\n");
        let set = match load_claims_bytes("claims/c.yaml", yaml.as_bytes()) {
            Ok(set) => set,
            Err(e) => panic!("{:?}", e.errors),
        };
        assert_eq!(named_sources(&set, &[0, 1]), "`s0`, `s1`");
        assert_eq!(
            named_sources(&set, &[0, 1, 2, 3, 4, 5, 6, 7]),
            "`s0`, `s1`, `s2`, `s3`, `s4` and 3 more sources"
        );
    }
}
