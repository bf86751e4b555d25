//! What can go wrong in a workflow command, for the binary to print.

/// A workflow command's failure.
#[derive(Debug, thiserror::Error)]
pub enum WorkflowError {
    #[error("cannot run git: {0}")]
    NoGit(#[source] std::io::Error),
    #[error("git {command} failed: {stderr}")]
    Git { command: String, stderr: String },
    /// A file operation: `what` says which ("write claims/x.yaml").
    #[error("cannot {what}: {source}")]
    Io {
        what: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{0} already exists: nothing was written")]
    Exists(String),
    #[error(
        "a pre-commit hook already exists at {0}; run `verbatim hook install --force` to replace it"
    )]
    HookExists(String),
    #[error("{0}: no such draft")]
    NoDraft(String),
    #[error("{path}: {reason}")]
    Unreadable { path: String, reason: String },
    #[error("no sources in {0}: put the documents the draft quotes there, or name their folder with --sources")]
    NoSources(String),
}

impl WorkflowError {
    /// An I/O failure while doing `what`.
    pub fn io(what: impl Into<String>) -> impl FnOnce(std::io::Error) -> WorkflowError {
        let what = what.into();
        move |source| WorkflowError::Io { what, source }
    }
}
