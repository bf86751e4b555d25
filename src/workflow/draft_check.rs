//! Checking without a claims file on disk: a draft's quotations and
//! figures become claims in memory, as `extract` would write them, and the
//! report points into the draft; or a claims file comes from standard
//! input (`extract … | verbatim check -`).

use super::extract::draft_claims;
use crate::claims::load_claims_at;
use crate::files::paths;
use crate::files::root::Roots;
use crate::model::{InputError, Report, Settings, Span};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Is `path` a draft by its extension: Markdown, text, HTML, Word or
/// OpenDocument text (a claims file is YAML)?
pub fn is_draft(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        matches!(
            e.to_ascii_lowercase().as_str(),
            "md" | "markdown" | "txt" | "html" | "htm" | "docx" | "odt"
        )
    })
}

/// The name a claims file held in memory is shown under; its paths are
/// relative to the working directory.
const IN_MEMORY: &str = "(claims of the draft).yaml";

fn invalid(at: &str, message: String) -> Report {
    Report::invalid(
        vec![InputError::new(Span::start_of(at), message)],
        Vec::new(),
    )
}

/// Check the draft at `draft` against the sources in `sources` (both
/// relative to `cwd`): its quotations and figures are the claims.
pub fn check_draft(
    draft: &Path,
    sources: &Path,
    cwd: &Path,
    settings: &Settings,
    progress: &(dyn Fn(u64) + Sync),
) -> Report {
    check_draft_buffer(draft, None, sources, cwd, settings, progress)
}

/// [`check_draft`] on the draft's text as an editor holds it (`buffer`),
/// or as saved (`None`).
pub fn check_draft_buffer(
    draft: &Path,
    buffer: Option<&str>,
    sources: &Path,
    cwd: &Path,
    settings: &Settings,
    progress: &(dyn Fn(u64) + Sync),
) -> Report {
    let (draft_full, sources_full) = (
        paths::normalize(&cwd.join(draft)),
        paths::normalize(&cwd.join(sources)),
    );
    let shown = paths::display(&draft_full, cwd);
    let roots = Roots::for_run(settings, &draft_full, cwd);
    for (path, what) in [
        (&draft_full, "the draft"),
        (&sources_full, "the sources folder"),
    ] {
        if let Some(why) = roots.refuse(path, cwd) {
            return invalid(&shown, format!("{what} {why}"));
        }
    }
    let extracted = match draft_claims(draft, buffer, sources, Path::new("."), cwd, true) {
        Ok(e) => e,
        Err(e) => return invalid(&shown, e.to_string()),
    };
    let name = cwd.join(IN_MEMORY);
    let set = match load_claims_at(&name, extracted.yaml.as_bytes(), cwd, &roots) {
        Ok(set) => set,
        Err(failure) => return Report::invalid(failure.errors, failure.files),
    };
    let mut report = crate::pipeline::run(&set, settings, progress);
    // Every claim and finding points at its quotation in the draft.
    let places: HashMap<&str, &crate::text::Place> = extracted
        .places
        .iter()
        .map(|(id, place)| (id.as_str(), place))
        .collect();
    for claim in &mut report.claims {
        let Some(place) = places.get(claim.id.as_str()) else {
            continue;
        };
        claim.file = shown.clone();
        claim.line = place.line;
        claim.column = place.column;
        let at = Span {
            file: shown.clone(),
            line: place.line,
            column: place.column,
            offset: place.offset,
            length: place.length,
        };
        for finding in &mut claim.findings {
            if finding.claim.is_some() {
                finding.claim = Some(at.clone());
            }
        }
        for quote in &mut claim.quotes {
            quote.claim = at.clone();
        }
    }
    report.files = vec![(shown, Arc::new(extracted.draft_text))];
    report
}

/// Check a claims file given as bytes (standard input), its paths
/// relative to `cwd`.
pub fn check_claims_text(
    bytes: &[u8],
    cwd: &Path,
    settings: &Settings,
    progress: &(dyn Fn(u64) + Sync),
) -> Report {
    let name: PathBuf = cwd.join("(standard input).yaml");
    let roots = Roots::for_run(settings, cwd, cwd);
    match load_claims_at(&name, bytes, cwd, &roots) {
        Ok(set) => crate::pipeline::run(&set, settings, progress),
        Err(failure) => Report::invalid(failure.errors, failure.files),
    }
}
