//! Paths as reports show them: relative to the working directory, lexically
//! normalised (`claims/../sources/x.txt` is `sources/x.txt`).

use std::path::{Component, Path, PathBuf};

/// Remove `.` and fold `..` without touching the file system.
pub fn normalize(path: &Path) -> PathBuf {
    let mut out: Vec<Component> = Vec::new();
    for part in path.components() {
        match part {
            Component::CurDir => {}
            Component::ParentDir => match out.last() {
                Some(Component::Normal(_)) => {
                    out.pop();
                }
                Some(Component::RootDir) | Some(Component::Prefix(_)) => {}
                _ => out.push(part),
            },
            other => out.push(other),
        }
    }
    if out.is_empty() {
        return PathBuf::from(".");
    }
    out.iter().collect()
}

/// The path to show: relative to the working directory when under it, with
/// forward slashes so reports read the same on every platform.
pub fn display(path: &Path) -> String {
    let path = normalize(path);
    let shown = if path.is_absolute() {
        std::env::current_dir()
            .ok()
            .and_then(|cwd| {
                path.strip_prefix(normalize(&cwd))
                    .ok()
                    .map(Path::to_path_buf)
            })
            .unwrap_or(path)
    } else {
        path
    };
    shown.to_string_lossy().replace('\\', "/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parent_steps_fold_lexically() {
        assert_eq!(
            normalize(Path::new("claims/../sources/x.txt")),
            PathBuf::from("sources/x.txt")
        );
        assert_eq!(normalize(Path::new("./a/./b")), PathBuf::from("a/b"));
        assert_eq!(normalize(Path::new("../a")), PathBuf::from("../a"));
        assert_eq!(normalize(Path::new("a/../../b")), PathBuf::from("../b"));
    }
}
