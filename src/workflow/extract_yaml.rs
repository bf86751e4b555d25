//! How `extract` spells a claims file: YAML strings and comments, claim
//! ids from a quotation's first words, source keys from file names, and
//! paths relative to the claims folder.

use crate::files::paths;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Write `text` as a YAML double-quoted scalar.
pub fn yaml_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push(' '),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Draft words fit for a YAML comment: one line.
pub(super) fn yaml_comment(text: &str) -> String {
    text.chars().filter(|c| !c.is_control()).collect()
}

pub fn slug(text: &str, taken: &mut BTreeSet<String>) -> String {
    let words: Vec<String> = crate::text::fold::fold_words(text)
        .into_iter()
        .map(|w| {
            w.chars()
                .filter(|c| c.is_ascii_alphanumeric())
                .collect::<String>()
        })
        .filter(|w| !w.is_empty())
        .take(4)
        .collect();
    let base = if words.is_empty() {
        "claim".to_string()
    } else {
        words.join("-")
    };
    let mut id = base.clone();
    let mut n = 2;
    while !taken.insert(id.clone()) {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}

/// A path as written in a claims file stored in `claims_dir` (both
/// relative to `cwd`).
pub(super) fn relative_to(path: &Path, claims_dir: &Path, cwd: &Path) -> String {
    let abs = |p: &Path| -> PathBuf { paths::normalize(&cwd.join(p)) };
    let (target, base) = (abs(path), abs(claims_dir));
    let t: Vec<_> = target.components().collect();
    let b: Vec<_> = base.components().collect();
    let common = t.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let mut parts: Vec<String> = vec!["..".to_string(); b.len() - common];
    parts.extend(
        t[common..]
            .iter()
            .map(|c| c.as_os_str().to_string_lossy().into_owned()),
    );
    parts.join("/")
}

pub(super) fn key_for(path: &Path, taken: &mut BTreeSet<String>) -> String {
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("source");
    let words: Vec<&str> = stem
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(2)
        .collect();
    let base = if words.is_empty() {
        "source".to_string()
    } else {
        words.join("-").to_ascii_lowercase()
    };
    let mut key = base.clone();
    let mut n = 2;
    while !taken.insert(key.clone()) {
        key = format!("{base}-{n}");
        n += 1;
    }
    key
}
