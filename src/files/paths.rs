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

/// The path to show: relative to `cwd` (with `..` steps when it lies
/// beside it), with forward slashes so reports read the same on every
/// platform. A relative path is taken as relative to `cwd` already.
pub fn display(path: &Path, cwd: &Path) -> String {
    let path = normalize(path);
    let shown = if path.is_absolute() && cwd.is_absolute() {
        relative_to(&path, &normalize(cwd))
    } else {
        path
    };
    shown.to_string_lossy().replace('\\', "/")
}

/// `path` from `base`, both absolute and normalised: `base/a` is `a`,
/// `base/../b` is `../b`; a path on another root stays absolute.
fn relative_to(path: &Path, base: &Path) -> PathBuf {
    let mut ours = path.components().peekable();
    let mut theirs = base.components().peekable();
    if ours.peek() != theirs.peek() {
        return path.to_path_buf();
    }
    while ours.peek().is_some() && ours.peek() == theirs.peek() {
        ours.next();
        theirs.next();
    }
    let ups = theirs.count();
    if ups > 0 && path.starts_with("/") && ups == base.components().count() - 1 {
        // Nothing in common but the root: the absolute path reads better.
        return path.to_path_buf();
    }
    let mut out = PathBuf::new();
    for _ in 0..ups {
        out.push("..");
    }
    out.extend(ours);
    if out.as_os_str().is_empty() {
        PathBuf::from(".")
    } else {
        out
    }
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

    #[test]
    fn shown_relative_to_the_working_folder() {
        let cwd = Path::new("/work/project");
        assert_eq!(
            display(Path::new("/work/project/claims/a.yaml"), cwd),
            "claims/a.yaml"
        );
        assert_eq!(
            display(Path::new("/work/other/x.txt"), cwd),
            "../other/x.txt"
        );
        assert_eq!(display(Path::new("/etc/passwd"), cwd), "/etc/passwd");
        assert_eq!(display(Path::new("claims/./a.yaml"), cwd), "claims/a.yaml");
    }
}
