//! Workflow commands as library functions: `pin`, `extract`, `init`, the
//! git hook and the staged snapshot, the figures of a source. They return
//! what they did; the binary prints it.

mod credit_words;
mod credits;
pub mod draft_check;
mod error;
mod export;
pub mod extract;
pub mod extract_yaml;
pub mod figures;
mod git;
pub mod hook;
pub mod init;
pub mod pin;
pub mod shards;
pub mod staged;

pub use error::WorkflowError;
