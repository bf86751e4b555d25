//! Source problems: missing, unreadable, or changed since pinned.

use super::context::Cx;
use crate::claims::Claim;
use crate::evidence::SourceState;
use crate::model::{Finding, Kind, Span};
use crate::text::ReadError;

/// A cited source that is missing, unreadable or changed since pinned,
/// pointing at its declaration in the claims file.
pub(super) fn source_problem(cx: &Cx, claim: &Claim, d: usize) -> Option<Finding> {
    let set = cx.set;
    let outcome = &cx.searched.outcomes[cx.file_of(d).0];
    let decl = &set.declared[d];
    let path = &set.source_files[decl.source_file].display;
    let file = &set.files[claim.file];
    let mut finding = match &outcome.state {
        SourceState::Failed(ReadError::Missing) => {
            let mut f = Finding::new(
                Kind::SourceMissing,
                format!("source `{}` does not exist: {path}", decl.key),
            );
            f.help = Some("fix the path, or add the file to the sources folder".into());
            f
        }
        SourceState::Failed(ReadError::Unreadable(why)) => {
            let mut f = Finding::new(
                Kind::SourceUnreadable,
                format!("source `{}` ({path}) cannot be read: {why}", decl.key),
            );
            f.help = Some("save the source as UTF-8 text, Markdown or HTML".into());
            f
        }
        SourceState::Read { sha256 } => {
            let (Some(pin), Some(actual)) = (&decl.sha256, sha256) else {
                return None;
            };
            if pin == actual {
                return None;
            }
            let mut f = Finding::new(
                Kind::SourceChanged,
                format!(
                    "source `{}` ({path}) has changed since it was pinned: sha256 {} is now {}",
                    decl.key,
                    &pin[..12],
                    &actual[..12]
                ),
            );
            f.help = Some(
                "re-check the quotes against the new text, then run `verbatim pin --update`".into(),
            );
            f
        }
    };
    finding.claim = Some(Span {
        file: file.display.clone(),
        line: decl.pos.line,
        column: decl.pos.column,
        offset: decl.pos.offset,
        length: decl.pos.len,
    });
    Some(finding)
}
