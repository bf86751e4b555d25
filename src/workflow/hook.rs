//! `verbatim hook install`: the git pre-commit hook.

use super::error::WorkflowError;
use super::git::git;
use std::path::{Path, PathBuf};

/// Install the pre-commit hook where git looks for it from `cwd`
/// (`core.hooksPath` and worktrees included); it runs `exe`, this very
/// binary, so a minimal PATH does not matter.
pub fn install_hook(cwd: &Path, exe: &Path, force: bool) -> Result<PathBuf, WorkflowError> {
    let hooks = cwd.join(git(cwd, &["rev-parse", "--git-path", "hooks"])?.trim());
    std::fs::create_dir_all(&hooks)
        .map_err(WorkflowError::io(format!("create {}", hooks.display())))?;
    let hook = hooks.join("pre-commit");
    // A dangling symlink is a hook too: never replaced without --force.
    if std::fs::symlink_metadata(&hook).is_ok() && !force {
        return Err(WorkflowError::HookExists(hook.display().to_string()));
    }
    // Replacing a link replaces the link, never the file it points at.
    if std::fs::symlink_metadata(&hook).is_ok_and(|m| m.file_type().is_symlink()) {
        std::fs::remove_file(&hook)
            .map_err(WorkflowError::io(format!("replace {}", hook.display())))?;
    }
    let quoted = format!("'{}'", exe.to_string_lossy().replace('\'', r"'\''"));
    let script = format!(
        "#!/bin/sh\n# Installed by `verbatim hook install`: check the staged claims, sources and drafts.\nexec {quoted} check --staged\n"
    );
    crate::files::atomic::write(&hook, script.as_bytes())
        .map_err(WorkflowError::io(format!("write {}", hook.display())))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&hook, std::fs::Permissions::from_mode(0o755)).map_err(
            WorkflowError::io(format!("make {} executable", hook.display())),
        )?;
    }
    Ok(hook)
}
