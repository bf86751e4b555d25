//! The project root (SPEC §3): sources, drafts and claims files are read
//! only inside it, so a pull request's claims file can never make a run
//! print files of the machine it runs on. The root is the folder holding
//! `verbatim.toml`, else the top of the git work tree holding the claims,
//! else the working directory; `[paths] roots` in the configuration may
//! add folders.

use super::paths;
use std::path::{Component, Path, PathBuf};

/// Symlinks followed at most while resolving one path.
const MAX_LINKS: usize = 40;

/// The folders a run may read, resolved (symlinks followed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Roots {
    roots: Vec<PathBuf>,
    /// No restriction: claims loaded from bytes (tests, fuzzing).
    anywhere: bool,
    folders: Resolved,
}

/// Folders already resolved in this run: thousands of sources in one
/// folder cost one walk of its path, not one each (a `lstat` per
/// component per source was a tenth of a large run's serial time).
#[derive(Debug, Clone, Default)]
struct Resolved(std::sync::Arc<std::sync::Mutex<std::collections::HashMap<PathBuf, PathBuf>>>);

impl PartialEq for Resolved {
    fn eq(&self, _: &Resolved) -> bool {
        true // a cache: no part of what the roots are
    }
}

impl Eq for Resolved {}

impl Resolved {
    /// `path` resolved as [`resolve`] does, its folder from the cache.
    fn resolve(&self, path: &Path) -> PathBuf {
        let (Some(folder), Some(name)) = (path.parent(), path.file_name()) else {
            return resolve(path);
        };
        let known = self.0.lock().ok().and_then(|m| m.get(folder).cloned());
        let folder_resolved = match known {
            Some(r) => r,
            None => {
                let r = resolve(folder);
                if let Ok(mut m) = self.0.lock() {
                    m.insert(folder.to_path_buf(), r.clone());
                }
                r
            }
        };
        let full = folder_resolved.join(name);
        // The last component may itself be a link.
        match std::fs::symlink_metadata(&full) {
            Ok(meta) if meta.file_type().is_symlink() => resolve(&full),
            _ => full,
        }
    }
}

impl Roots {
    /// `root` and the `extra` folders, all absolute.
    pub fn new(root: &Path, extra: &[PathBuf]) -> Roots {
        let roots = std::iter::once(root)
            .chain(extra.iter().map(PathBuf::as_path))
            .map(resolve)
            .collect();
        Roots {
            roots,
            anywhere: false,
            folders: Resolved::default(),
        }
    }

    /// The folders a run may read: the project root (the configuration's
    /// folder, else the git work tree around `anchor`, else `cwd`) and the
    /// configured extra roots.
    pub fn for_run(settings: &crate::model::Settings, anchor: &Path, cwd: &Path) -> Roots {
        let root = match &settings.root {
            Some(root) => root.clone(),
            None => project_root(None, anchor, cwd),
        };
        Roots::new(&root, &settings.extra_roots)
    }

    /// [`Roots::for_run`] anchored at the first claims path (`.` with none).
    pub fn for_claims(settings: &crate::model::Settings, paths: &[PathBuf], cwd: &Path) -> Roots {
        let anchor = paths.first().map_or(Path::new("."), PathBuf::as_path);
        Roots::for_run(settings, anchor, cwd)
    }

    /// Every path allowed: for claims that come from bytes, not a project.
    pub fn anywhere() -> Roots {
        Roots {
            roots: vec![PathBuf::from("/")],
            anywhere: true,
            folders: Resolved::default(),
        }
    }

    /// The project root.
    pub fn root(&self) -> &Path {
        &self.roots[0]
    }

    /// Does `path` (absolute), with every symlink on it followed, stay
    /// inside a root?
    pub fn contains(&self, path: &Path) -> bool {
        if self.anywhere {
            return true;
        }
        let resolved = self.folders.resolve(path);
        self.roots.iter().any(|r| resolved.starts_with(r))
    }

    /// Why `path` may not be read, for an input error; `None` when it may.
    pub fn refuse(&self, path: &Path, cwd: &Path) -> Option<String> {
        if self.contains(path) {
            return None;
        }
        Some(format!(
            "{} lies outside the project root {}: nothing outside it is read (list its folder under `[paths] roots` in verbatim.toml to allow it)",
            paths::display(path, cwd),
            paths::display(self.root(), cwd),
        ))
    }
}

/// The project root: the configuration's folder, else the top of the git
/// work tree around `anchor` (a `.git` folder or file above it), else `cwd`.
pub fn project_root(config: Option<&Path>, anchor: &Path, cwd: &Path) -> PathBuf {
    if let Some(dir) = config.and_then(Path::parent) {
        return paths::normalize(&cwd.join(dir));
    }
    let start = paths::normalize(&cwd.join(anchor));
    for dir in start.ancestors() {
        if dir.join(".git").exists() {
            return dir.to_path_buf();
        }
    }
    paths::normalize(cwd)
}

/// `path` with every symlink followed and `.`/`..` folded, for paths that
/// do not exist too (a missing source stays inside or outside by its
/// name; a dangling link by its target).
pub fn resolve(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    let mut pending: Vec<PathBuf> = vec![path.to_path_buf()];
    let mut links = 0;
    while let Some(next) = pending.pop() {
        for part in next.components() {
            match part {
                Component::Prefix(_) | Component::RootDir => out = PathBuf::from(part.as_os_str()),
                Component::CurDir => {}
                Component::ParentDir => {
                    out.pop();
                }
                Component::Normal(name) => {
                    out.push(name);
                    let Ok(meta) = std::fs::symlink_metadata(&out) else {
                        continue;
                    };
                    if !meta.file_type().is_symlink() {
                        continue;
                    }
                    links += 1;
                    let Ok(target) = std::fs::read_link(&out) else {
                        continue;
                    };
                    if links > MAX_LINKS {
                        // A loop: it resolves nowhere inside any root.
                        return PathBuf::from("/\u{0}symlink-loop");
                    }
                    out.pop();
                    // The rest of this path after the link's target.
                    let rest: PathBuf = next
                        .components()
                        .skip_while(|c| c.as_os_str() != name)
                        .skip(1)
                        .collect();
                    pending.push(rest);
                    pending.push(target);
                    break;
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn a_link_in_a_known_folder_is_still_followed() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("project");
        let outside = dir.path().join("secret.txt");
        std::fs::create_dir_all(root.join("sources")).unwrap();
        std::fs::write(&outside, "secret").unwrap();
        std::fs::write(root.join("sources/a.txt"), "a").unwrap();
        std::os::unix::fs::symlink(&outside, root.join("sources/b.txt")).unwrap();
        let roots = Roots::new(&root, &[]);
        // The first path fills the folder's cache; the link beside it must
        // still be seen leading out.
        assert!(roots.contains(&root.join("sources/a.txt")));
        assert!(!roots.contains(&root.join("sources/b.txt")));
        assert!(!roots.contains(&root.join("sources/../../secret.txt")));
    }

    #[test]
    fn paths_inside_and_outside() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("project");
        std::fs::create_dir_all(root.join("sources")).unwrap();
        std::fs::write(root.join("sources/a.txt"), "a").unwrap();
        std::fs::write(dir.path().join("secret"), "key").unwrap();
        let roots = Roots::new(&root, &[]);
        assert!(roots.contains(&root.join("sources/a.txt")));
        assert!(roots.contains(&root.join("sources/missing.txt")));
        assert!(!roots.contains(&root.join("sources/../../secret")));
        assert!(!roots.contains(Path::new("/etc/passwd")));
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(dir.path().join("secret"), root.join("sources/link"))
                .unwrap();
            assert!(!roots.contains(&root.join("sources/link")));
            std::os::unix::fs::symlink(dir.path(), root.join("up")).unwrap();
            assert!(!roots.contains(&root.join("up/secret")));
            std::os::unix::fs::symlink(root.join("loop"), root.join("loop")).unwrap();
            assert!(!roots.contains(&root.join("loop")));
            std::os::unix::fs::symlink("sources/a.txt", root.join("inside")).unwrap();
            assert!(roots.contains(&root.join("inside")));
        }
        let extra = Roots::new(&root, &[dir.path().to_path_buf()]);
        assert!(extra.contains(&dir.path().join("secret")));
    }

    #[test]
    fn the_root_is_the_configuration_or_the_git_top_or_the_working_folder() {
        let dir = tempfile::tempdir().unwrap();
        let top = dir.path();
        std::fs::create_dir_all(top.join(".git")).unwrap();
        std::fs::create_dir_all(top.join("a/claims")).unwrap();
        let cwd = top.join("a");
        assert_eq!(project_root(None, Path::new("claims"), &cwd), top);
        assert_eq!(
            project_root(
                Some(&top.join("a/verbatim.toml")),
                Path::new("claims"),
                &cwd
            ),
            cwd
        );
        let bare = tempfile::tempdir().unwrap();
        assert_eq!(
            project_root(None, Path::new("claims"), bare.path()),
            bare.path()
        );
    }
}
