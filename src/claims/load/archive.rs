//! Archives as sources: one key for many documents, named by a glob
//! (`glob: ../archive/**/*.txt`) or a manifest (`manifest:
//! ../archive/MANIFEST`, one path per line, optionally after its SHA-256 as
//! `sha256sum` prints it). Each document is a source of its own, in a
//! stable sorted order; none is opened while the list is made.

use crate::files::paths;
use std::path::{Component, Path, PathBuf};

/// Documents in one archive at most: beyond, the claims file is refused
/// rather than the run's memory exhausted.
pub(super) const MAX_DOCUMENTS: usize = 10_000_000;

/// A manifest larger than this is refused.
const MAX_MANIFEST_BYTES: u64 = 1 << 30;

/// A document of an archive: its path and, from a manifest, its pin.
pub(super) struct Document {
    pub path: PathBuf,
    pub sha256: Option<String>,
}

/// The folder a glob pattern (relative to `dir`) is walked from: its
/// components before the first wildcard.
pub(super) fn glob_base(dir: &Path, pattern: &str) -> PathBuf {
    let full = paths::normalize(&dir.join(pattern));
    let mut base = PathBuf::new();
    for part in full.components() {
        let text = part.as_os_str().to_string_lossy();
        if matches!(part, Component::Normal(_)) && text.contains(['*', '?', '[', '{']) {
            break;
        }
        base.push(part.as_os_str());
    }
    base
}

/// The files a glob pattern (relative to `dir`) matches, sorted. The
/// caller has checked that [`glob_base`] lies inside the project.
pub(super) fn glob(dir: &Path, pattern: &str) -> Result<Vec<Document>, String> {
    let full = paths::normalize(&dir.join(pattern));
    let matcher = globset::GlobBuilder::new(&full.to_string_lossy())
        .literal_separator(true)
        .build()
        .map_err(|e| format!("invalid glob {pattern:?}: {e}"))?
        .compile_matcher();
    let base = glob_base(dir, pattern);
    let mut out = Vec::new();
    for entry in walkdir::WalkDir::new(&base)
        .follow_links(false)
        .max_depth(64)
        .sort_by_file_name()
        .into_iter()
        .flatten()
    {
        if entry.file_type().is_file() && matcher.is_match(entry.path()) {
            if out.len() == MAX_DOCUMENTS {
                return Err(format!(
                    "the glob matches more than {MAX_DOCUMENTS} documents"
                ));
            }
            out.push(Document {
                path: entry.into_path(),
                sha256: None,
            });
        }
    }
    out.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(out)
}

/// The documents a manifest lists (paths relative to its folder), in its
/// order sorted by path.
pub(super) fn manifest(path: &Path) -> Result<Vec<Document>, String> {
    let size = std::fs::metadata(path)
        .map_err(|e| format!("cannot read the manifest: {e}"))?
        .len();
    if size > MAX_MANIFEST_BYTES {
        return Err("the manifest is larger than 1 GiB".into());
    }
    let text =
        std::fs::read_to_string(path).map_err(|e| format!("cannot read the manifest: {e}"))?;
    let dir = path.parent().unwrap_or(Path::new(""));
    let mut out = Vec::new();
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        // `sha256sum` output: 64 hex digits, two spaces (or " *"), a path.
        let (sha256, name) = match line.split_once(char::is_whitespace) {
            Some((hex, rest)) if hex.len() == 64 && hex.bytes().all(|b| b.is_ascii_hexdigit()) => (
                Some(hex.to_ascii_lowercase()),
                rest.trim_start().trim_start_matches('*'),
            ),
            _ => (None, line),
        };
        if out.len() == MAX_DOCUMENTS {
            return Err(format!(
                "the manifest lists more than {MAX_DOCUMENTS} documents"
            ));
        }
        out.push(Document {
            path: paths::normalize(&dir.join(name)),
            sha256,
        });
    }
    out.sort_by(|a, b| a.path.cmp(&b.path));
    out.dedup_by(|a, b| a.path == b.path);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::{glob, manifest};

    #[test]
    fn a_glob_and_a_manifest_list_their_documents_in_order() {
        let dir = tempfile::tempdir().unwrap();
        let archive = dir.path().join("archive");
        std::fs::create_dir_all(archive.join("2024/b")).unwrap();
        for name in ["2024/b/z.txt", "2024/a.txt", "2024/a.md", "top.txt"] {
            std::fs::write(archive.join(name), "x").unwrap();
        }
        let claims = dir.path().join("claims");
        let found: Vec<String> = glob(&claims, "../archive/**/*.txt")
            .unwrap()
            .iter()
            .map(|d| d.path.strip_prefix(&archive).unwrap().display().to_string())
            .collect();
        assert_eq!(found, ["2024/a.txt", "2024/b/z.txt", "top.txt"]);
        let hex = "ab".repeat(32);
        std::fs::write(
            archive.join("MANIFEST"),
            format!("# the archive\n{hex}  2024/a.txt\ntop.txt\n"),
        )
        .unwrap();
        let listed = manifest(&archive.join("MANIFEST")).unwrap();
        assert_eq!(listed.len(), 2);
        assert_eq!(listed[0].path, archive.join("2024/a.txt"));
        assert_eq!(listed[0].sha256.as_deref(), Some(hex.as_str()));
        assert_eq!(listed[1].sha256, None);
    }
}
