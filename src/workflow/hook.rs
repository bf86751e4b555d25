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
    if hook.exists() && !force {
        return Err(WorkflowError::HookExists(hook.display().to_string()));
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
