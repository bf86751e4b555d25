//! Running git for the writer's workflow.

use super::error::WorkflowError;
use std::path::Path;
use std::process::Command;

/// Run `git ARGS` in `cwd`; its standard output on success.
pub fn git(cwd: &Path, args: &[&str]) -> Result<String, WorkflowError> {
    git_bytes(cwd, args).map(|out| String::from_utf8_lossy(&out).into_owned())
}

/// Run `git ARGS` in `cwd`; its raw standard output.
pub fn git_bytes(cwd: &Path, args: &[&str]) -> Result<Vec<u8>, WorkflowError> {
    let out = Command::new("git")
        .args(args)
        .current_dir(cwd)
        .output()
        .map_err(WorkflowError::NoGit)?;
    if !out.status.success() {
        return Err(WorkflowError::Git {
            command: args.join(" "),
            stderr: String::from_utf8_lossy(&out.stderr).trim().to_string(),
        });
    }
    Ok(out.stdout)
}
