//! `verbatim pin`: write each source's SHA-256 into its claims file as a
//! minimal text edit, leaving comments, order and formatting alone.

use crate::claims::yaml::{self, Node, Value};
use crate::files::root::Roots;
use crate::files::walk::find_claims_files;
use crate::files::{atomic, hash, paths};
use crate::model::InputError;
use std::path::{Path, PathBuf};

/// One pin written or replaced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PinChange {
    pub file: String,
    pub key: String,
    pub old: Option<String>,
    pub new: String,
}

/// What `pin` did, and what it could not do.
#[derive(Debug, Default)]
pub struct PinOutcome {
    pub changes: Vec<PinChange>,
    /// Pins that differ but were left, as `--update` was not given.
    pub differing: Vec<PinChange>,
    pub problems: Vec<String>,
}

struct Edit {
    at: usize,
    remove: usize,
    insert: String,
}

/// Pin the sources of the claims files under `paths` (relative to `cwd`);
/// with `update`, replace pins that differ. Nothing outside `roots` is
/// read or hashed.
pub fn pin(
    paths: &[PathBuf],
    update: bool,
    cwd: &Path,
    roots: &Roots,
) -> Result<PinOutcome, Vec<InputError>> {
    let files = find_claims_files(paths, cwd, roots)?;
    let mut outcome = PinOutcome::default();
    for file in files {
        pin_file(&file, update, cwd, roots, &mut outcome);
    }
    Ok(outcome)
}

/// The SHA-256 of a source, refusing what is not a regular file: hashing
/// a FIFO or `/dev/zero` would never end.
fn hash_source(path: &Path) -> std::io::Result<String> {
    if !std::fs::metadata(path)?.is_file() {
        return Err(std::io::Error::other(
            "not a regular file (a folder, device, FIFO or socket)",
        ));
    }
    hash::sha256_of(path)
}

fn line_indent(text: &str, offset: usize) -> usize {
    let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    text[start..].chars().take_while(|&c| c == ' ').count()
}

fn pin_file(path: &Path, update: bool, cwd: &Path, roots: &Roots, outcome: &mut PinOutcome) {
    pin_file_with(path, update, cwd, roots, outcome, &|p, bytes| {
        atomic::write(p, bytes)
    });
}

type Write<'a> = &'a dyn Fn(&Path, &[u8]) -> std::io::Result<()>;

/// `pin_file` with the write given (a test injects failures).
fn pin_file_with(
    path: &Path,
    update: bool,
    cwd: &Path,
    roots: &Roots,
    outcome: &mut PinOutcome,
    write: Write,
) {
    let shown = paths::display(path, cwd);
    // Pins are reported only once written.
    let reported = outcome.changes.len();
    let Ok(text) = std::fs::read_to_string(path) else {
        outcome.problems.push(format!("{shown}: cannot read it"));
        return;
    };
    let Some(new_text) = pinned(path, &text, update, cwd, roots, outcome) else {
        return;
    };
    // Someone edited the file while its sources were hashed: writing now
    // would lose their edit.
    if std::fs::read_to_string(path).ok().as_deref() != Some(text.as_str()) {
        outcome.changes.truncate(reported);
        outcome.problems.push(format!(
            "{shown}: it changed while its sources were hashed; nothing was written, run `verbatim pin` again"
        ));
        return;
    }
    if let Err(e) = write(path, new_text.as_bytes()) {
        outcome.changes.truncate(reported);
        outcome
            .problems
            .push(format!("{shown}: cannot write it: {e}"));
    }
}

/// The claims file at `path`, whose text is `text`, with its sources'
/// pins written (with `update`, pins that differ replaced): `None` when
/// nothing changes. The changes and problems go to `outcome`. The editor
/// offers this as a code action on an unsaved buffer.
pub fn pinned(
    path: &Path,
    text: &str,
    update: bool,
    cwd: &Path,
    roots: &Roots,
    outcome: &mut PinOutcome,
) -> Option<String> {
    let shown = paths::display(path, cwd);
    let root = match yaml::parse(text) {
        Ok(root) => root,
        Err(yaml::YamlError { message, .. }) => {
            outcome.problems.push(format!(
                "{shown}: invalid YAML ({message}); run `verbatim check` for details"
            ));
            return None;
        }
    };
    let Value::Map(top) = &root.value else {
        return None;
    };
    let (_, sources) = top
        .iter()
        .find(|(k, _)| k.as_scalar_text().as_deref() == Some("sources"))?;
    let Value::Map(entries) = &sources.value else {
        return None;
    };
    let dir = path.parent().unwrap_or(Path::new(""));
    let mut edits = Vec::new();
    for (key, value) in entries {
        let Some(name) = key.as_scalar_text() else {
            continue;
        };
        let (source_path, pin_node, last_field): (Option<String>, Option<&Node>, Option<&Node>) =
            match &value.value {
                Value::Str(p) => (Some(p.clone()), None, None),
                Value::Map(fields) => {
                    let field = |n: &str| {
                        fields
                            .iter()
                            .find(|(k, _)| k.as_scalar_text().as_deref() == Some(n))
                            .map(|(_, v)| v)
                    };
                    (
                        field("path").and_then(Node::as_scalar_text),
                        field("sha256"),
                        fields.last().map(|(_, v)| v),
                    )
                }
                _ => (None, None, None),
            };
        let Some(source_path) = source_path else {
            continue;
        };
        let full = paths::normalize(&dir.join(&source_path));
        if let Some(why) = roots.refuse(&full, cwd) {
            outcome
                .problems
                .push(format!("{shown}: source `{name}`: {why}"));
            continue;
        }
        let hash = match hash_source(&full) {
            Ok(h) => h,
            Err(e) => {
                outcome.problems.push(format!(
                    "{shown}: source `{name}` ({}): {e}",
                    paths::display(&full, cwd)
                ));
                continue;
            }
        };
        match (&value.value, pin_node) {
            (Value::Map(_), Some(pin)) => {
                let old = pin
                    .as_scalar_text()
                    .unwrap_or_default()
                    .to_ascii_lowercase();
                if old == hash {
                    continue;
                }
                let change = PinChange {
                    file: shown.clone(),
                    key: name.clone(),
                    old: Some(old),
                    new: hash.clone(),
                };
                if update {
                    edits.push(Edit {
                        at: pin.pos.offset,
                        remove: pin.pos.len,
                        insert: hash,
                    });
                    outcome.changes.push(change);
                } else {
                    outcome.differing.push(change);
                }
            }
            (Value::Map(_), None) => {
                let Some(last) = last_field else {
                    continue;
                };
                let first_field_indent = line_indent(text, last.pos.offset);
                let flow = text[..last.pos.offset]
                    .rfind(['{', '\n'])
                    .is_some_and(|i| text.as_bytes()[i] == b'{');
                let end = last.pos.offset + last.pos.len;
                let edit = if flow {
                    // `{path: x}`: add inside the braces.
                    Edit {
                        at: end,
                        remove: 0,
                        insert: format!(", sha256: {hash}"),
                    }
                } else {
                    let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i);
                    let indent = " ".repeat(field_indent(text, value, first_field_indent));
                    Edit {
                        at: line_end,
                        remove: 0,
                        insert: format!("\n{indent}sha256: {hash}"),
                    }
                };
                edits.push(edit);
                outcome.changes.push(PinChange {
                    file: shown.clone(),
                    key: name.clone(),
                    old: None,
                    new: hash,
                });
            }
            (Value::Str(_), _) => {
                // A bare path becomes the map form, only here.
                let indent = " ".repeat(line_indent(text, key.pos.offset) + 2);
                let raw = &text[value.pos.offset..value.pos.offset + value.pos.len];
                edits.push(Edit {
                    at: value.pos.offset,
                    remove: value.pos.len,
                    insert: format!("\n{indent}path: {raw}\n{indent}sha256: {hash}"),
                });
                // "key: path" leaves a space after the colon: drop it.
                if text[..value.pos.offset].ends_with(' ') {
                    let spaces = text[..value.pos.offset].len()
                        - text[..value.pos.offset].trim_end_matches(' ').len();
                    if let Some(last) = edits.last_mut() {
                        last.at -= spaces;
                        last.remove += spaces;
                    }
                }
                outcome.changes.push(PinChange {
                    file: shown.clone(),
                    key: name.clone(),
                    old: None,
                    new: hash,
                });
            }
            _ => {}
        }
    }
    if edits.is_empty() {
        return None;
    }
    edits.sort_by_key(|e| std::cmp::Reverse(e.at));
    let mut new_text = text.to_string();
    for e in edits {
        new_text.replace_range(e.at..e.at + e.remove, &e.insert);
    }
    Some(new_text)
}

/// The indentation of a block mapping's fields: that of its first key.
fn field_indent(text: &str, map: &Node, fallback: usize) -> usize {
    match &map.value {
        Value::Map(fields) => fields
            .first()
            .map_or(fallback, |(k, _)| line_indent(text, k.pos.offset)),
        _ => fallback,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pins_are_minimal_edits_and_a_second_run_changes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt"), "alpha").unwrap();
        std::fs::write(dir.path().join("b.txt"), "beta").unwrap();
        std::fs::write(dir.path().join("c.txt"), "gamma").unwrap();
        let claims = dir.path().join("claims.yaml");
        let original = "# my sources\nsources:\n  a: a.txt   # bare\n  b:\n    path: b.txt\n    title: B  # keep me\n  c: {path: c.txt}\nclaims:\n  - {source: a, quote: alpha}\n";
        std::fs::write(&claims, original).unwrap();
        let first = pin(
            std::slice::from_ref(&claims),
            false,
            dir.path(),
            &Roots::new(dir.path(), &[]),
        )
        .unwrap();
        assert_eq!(first.changes.len(), 3, "{first:?}");
        let text = std::fs::read_to_string(&claims).unwrap();
        assert!(
            text.starts_with("# my sources\nsources:\n  a:\n    path: a.txt\n    sha256: "),
            "{text}"
        );
        assert!(
            text.contains("    title: B  # keep me\n    sha256: "),
            "{text}"
        );
        assert!(text.contains("c: {path: c.txt, sha256: "), "{text}");
        assert!(text.ends_with("claims:\n  - {source: a, quote: alpha}\n"));
        // The result is valid and a second run changes nothing.
        assert!(crate::claims::load_claims(
            std::slice::from_ref(&claims),
            dir.path(),
            &Roots::new(dir.path(), &[])
        )
        .is_ok());
        let second = pin(
            std::slice::from_ref(&claims),
            false,
            dir.path(),
            &Roots::new(dir.path(), &[]),
        )
        .unwrap();
        assert!(second.changes.is_empty());
        assert_eq!(std::fs::read_to_string(&claims).unwrap(), text);
        // A changed source: reported, replaced only with --update.
        std::fs::write(dir.path().join("b.txt"), "beta, edited").unwrap();
        let third = pin(
            std::slice::from_ref(&claims),
            false,
            dir.path(),
            &Roots::new(dir.path(), &[]),
        )
        .unwrap();
        assert_eq!(third.differing.len(), 1);
        assert_eq!(std::fs::read_to_string(&claims).unwrap(), text);
        let fourth = pin(
            std::slice::from_ref(&claims),
            true,
            dir.path(),
            &Roots::new(dir.path(), &[]),
        )
        .unwrap();
        assert_eq!(fourth.changes.len(), 1);
        assert_ne!(std::fs::read_to_string(&claims).unwrap(), text);
    }

    fn claims_with_one_source() -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt"), "alpha").unwrap();
        let claims = dir.path().join("c.yaml");
        let text = "sources:\n  a: a.txt\nclaims:\n  - {source: a, quote: alpha}\n";
        std::fs::write(&claims, text).unwrap();
        (dir, claims)
    }

    #[test]
    fn a_failed_write_reports_no_pin() {
        let (dir, claims) = claims_with_one_source();
        let roots = Roots::new(dir.path(), &[]);
        let mut outcome = PinOutcome::default();
        let read_only = |_: &Path, _: &[u8]| -> std::io::Result<()> {
            Err(std::io::Error::other("read-only file system"))
        };
        pin_file_with(&claims, false, dir.path(), &roots, &mut outcome, &read_only);
        assert!(outcome.changes.is_empty(), "{outcome:?}");
        assert!(outcome.problems[0].contains("read-only"), "{outcome:?}");
    }
}
