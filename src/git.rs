//! Git for the writer's workflow: the staged snapshot that `--staged`
//! checks, and the pre-commit hook.

use std::path::{Path, PathBuf};
use std::process::Command;

fn git(args: &[&str]) -> Result<String, String> {
    let out = Command::new("git")
        .args(args)
        .output()
        .map_err(|e| format!("cannot run git: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "git {} failed: {}",
            args.join(" "),
            String::from_utf8_lossy(&out.stderr).trim()
        ));
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// The index, exported to a temporary folder: what the next commit holds.
pub struct Staged {
    pub root: tempfile::TempDir,
    /// The working directory's place inside the repository.
    pub prefix: PathBuf,
    /// Files the index changes, relative to the repository's top.
    pub changed: Vec<PathBuf>,
}

impl Staged {
    /// The working directory inside the snapshot.
    pub fn cwd(&self) -> PathBuf {
        self.root.path().join(&self.prefix)
    }

    /// Is `path` (absolute, inside the snapshot) staged?
    pub fn is_changed(&self, path: &Path) -> bool {
        let path = crate::paths::normalize(path);
        self.changed
            .iter()
            .any(|c| crate::paths::normalize(&self.root.path().join(c)) == path)
    }
}

/// Export what is staged.
pub fn staged() -> Result<Staged, String> {
    let prefix = git(&["rev-parse", "--show-prefix"])?.trim().to_string();
    let root = tempfile::tempdir().map_err(|e| format!("cannot make a temporary folder: {e}"))?;
    let mut target = root.path().to_string_lossy().into_owned();
    target.push('/');
    git(&[
        "checkout-index",
        "--all",
        "--force",
        &format!("--prefix={target}"),
    ])?;
    let top = git(&["rev-parse", "--show-toplevel"])?.trim().to_string();
    let diff = Command::new("git")
        .args([
            "diff",
            "--cached",
            "--name-only",
            "-z",
            "--diff-filter=ACMR",
        ])
        .current_dir(&top)
        .output()
        .map_err(|e| format!("cannot run git: {e}"))?;
    let changed = diff
        .stdout
        .split(|&b| b == 0)
        .filter(|p| !p.is_empty())
        .map(|p| PathBuf::from(String::from_utf8_lossy(p).into_owned()))
        .collect();
    Ok(Staged {
        root,
        prefix: PathBuf::from(prefix),
        changed,
    })
}

/// Install the pre-commit hook where git looks for it (`core.hooksPath`
/// and worktrees included); it runs this very binary, so a minimal PATH
/// does not matter.
pub fn install_hook(force: bool) -> Result<PathBuf, String> {
    let hooks = PathBuf::from(git(&["rev-parse", "--git-path", "hooks"])?.trim());
    std::fs::create_dir_all(&hooks)
        .map_err(|e| format!("cannot create {}: {e}", hooks.display()))?;
    let hook = hooks.join("pre-commit");
    if hook.exists() && !force {
        return Err(format!(
            "a pre-commit hook already exists at {}; run `verbatim hook install --force` to replace it",
            hook.display()
        ));
    }
    let exe =
        std::env::current_exe().map_err(|e| format!("cannot find the verbatim binary: {e}"))?;
    let quoted = format!("'{}'", exe.to_string_lossy().replace('\'', r"'\''"));
    let script = format!(
        "#!/bin/sh\n# Installed by `verbatim hook install`: check the staged claims, sources and drafts.\nexec {quoted} check --staged\n"
    );
    crate::atomic::write(&hook, script.as_bytes())
        .map_err(|e| format!("cannot write {}: {e}", hook.display()))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&hook, std::fs::Permissions::from_mode(0o755))
            .map_err(|e| format!("cannot make {} executable: {e}", hook.display()))?;
    }
    Ok(hook)
}
