//! The library's layers import only the layers before them: the order
//! ARCHITECTURE.md gives. Test code (`tests` modules and files) may
//! import anything.

use crate::common::root;
use std::path::Path;

const LAYERS: &[&str] = &[
    "model",
    "files",
    "text",
    "lexicon",
    "claims",
    "config",
    "matcher",
    "attribution",
    "figures",
    "evidence",
    "verdict",
    "pipeline",
    "report",
    "workflow",
    "editor",
];

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The text before a file's `#[cfg(test)] mod … {` block, if any.
fn without_tests(text: &str) -> &str {
    match text.find("#[cfg(test)]\nmod tests {") {
        Some(i) => &text[..i],
        None => text,
    }
}

#[test]
fn every_layer_imports_only_the_layers_before_it() {
    let src = root().join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut wrong = Vec::new();
    for path in files {
        let rel = path
            .strip_prefix(&src)
            .unwrap()
            .to_string_lossy()
            .to_string();
        let layer = rel.split(['/', '.']).next().unwrap();
        let Some(rank) = LAYERS.iter().position(|l| *l == layer) else {
            continue; // lib.rs and the binary
        };
        if rel.contains("/tests/") || rel.ends_with("tests.rs") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        for (i, _) in without_tests(&text).match_indices("crate::") {
            let name: String = text[i + 7..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if let Some(other) = LAYERS.iter().position(|l| *l == name) {
                if other > rank {
                    wrong.push(format!("{rel} imports {name}"));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "imports against the layers: {wrong:#?}");
}
