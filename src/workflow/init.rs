//! `verbatim init`: a claims folder and a sources folder with a small
//! example that passes.

use super::error::WorkflowError;
use crate::files::{atomic, paths};
use std::path::Path;

const SOURCE: &str = "The minister spoke to reporters on Monday.\n\n\
“We will not send troops across the border,” the minister said. \
The ministry counted about 1,200 arrests last year.\n";

const CLAIMS: &str = r#"# A claims file: each claim quotes or counts what a source says.
# Run `verbatim check`; `verbatim explain KIND` says what a finding means.
sources:
  briefing:
    path: ../sources/example.txt
    title: The minister's briefing

claims:
  - id: no-troops
    source: briefing
    quote: "“We will not send troops across the border,”"
    speaker: the minister

  - id: arrests
    source: briefing
    figures:
      - about 1,200 arrests last year
"#;

/// Create `claims/example.yaml` and `sources/example.txt` under `root`;
/// nothing is overwritten. Returns the files written, shown from `root`.
pub fn init(root: &Path) -> Result<Vec<String>, WorkflowError> {
    let claims = root.join("claims").join("example.yaml");
    let source = root.join("sources").join("example.txt");
    for path in [&claims, &source] {
        if path.exists() {
            return Err(WorkflowError::Exists(paths::display(path, root)));
        }
    }
    for (path, text) in [(&source, SOURCE), (&claims, CLAIMS)] {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)
                .map_err(WorkflowError::io(format!("create {}", dir.display())))?;
        }
        atomic::write(path, text.as_bytes())
            .map_err(WorkflowError::io(format!("write {}", path.display())))?;
    }
    Ok(vec![
        paths::display(&source, root),
        paths::display(&claims, root),
    ])
}
