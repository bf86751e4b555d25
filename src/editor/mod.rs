//! What an editor needs while a claims file or a draft is being written,
//! free of any protocol: a check of one file's unsaved text, its findings
//! as byte ranges per file, what to show on hover, where a quote's passage
//! or a source key's declaration is, and fixes as text edits. The language
//! server (`verbatim lsp`) speaks LSP around it.
//!
//! A check covers one claims file (or one draft), so an edit re-runs only
//! that file's claims; sources are kept between checks while their files
//! are unchanged ([`crate::text::kept`]).

mod findings;
mod fixes;
mod lookup;

pub use findings::{diagnostics, Diagnostic};
pub use fixes::{fixes, Edit, Fix};
pub use lookup::{definition, hover, Target};

use crate::claims::{load_claims_at, ClaimSet};
use crate::files::root::Roots;
use crate::model::{Report, Settings};
use std::path::{Path, PathBuf};

/// A project open in an editor: its root and configuration.
pub struct Workspace {
    pub root: PathBuf,
    pub settings: Settings,
}

/// One file's check: the report, and the claims as loaded (for the source
/// keys' declarations), when they could be.
pub struct Checked {
    pub report: Report,
    pub set: Option<ClaimSet>,
}

impl Workspace {
    /// The project at `root`, with its `verbatim.toml` when it has one (an
    /// invalid one counts as none: the check of a claims file reports it).
    pub fn new(root: &Path) -> Workspace {
        crate::text::kept::keep_sources();
        let mut settings: Settings = crate::config::find(root)
            .and_then(|p| crate::config::load(&p, root).ok())
            .unwrap_or_default();
        // Hover and go-to-definition need every quote's passage.
        settings.keep_passages = true;
        Workspace {
            root: root.to_path_buf(),
            settings,
        }
    }

    fn roots(&self, anchor: &Path) -> Roots {
        Roots::for_run(&self.settings, anchor, &self.root)
    }

    /// Check the claims file at `path` as its text reads now.
    pub fn check_claims(&self, path: &Path, text: &str) -> Checked {
        let roots = self.roots(path);
        if let Some(why) = roots.refuse(path, &self.root) {
            let at = crate::files::paths::display(path, &self.root);
            let error = crate::model::InputError::new(
                crate::model::Span::start_of(at),
                format!("the claims file {why}"),
            );
            return Checked {
                report: Report::invalid(vec![error], Vec::new()),
                set: None,
            };
        }
        match load_claims_at(path, text.as_bytes(), &self.root, &roots) {
            Ok(set) => Checked {
                report: crate::pipeline::run(&set, &self.settings, &|_| {}),
                set: Some(set),
            },
            Err(failure) => Checked {
                report: Report::invalid(failure.errors, failure.files),
                set: None,
            },
        }
    }

    /// Check a draft no claims file names, as its text reads now, against
    /// the project's sources folder.
    pub fn check_draft(&self, path: &Path, text: &str) -> Checked {
        let report = crate::workflow::draft_check::check_draft_buffer(
            path,
            Some(text),
            &self.sources_folder(),
            &self.root,
            &self.settings,
            &|_| {},
        );
        Checked { report, set: None }
    }

    /// The folder of sources a draft is checked against: `sources/`, as
    /// for `verbatim check DRAFT`.
    pub fn sources_folder(&self) -> PathBuf {
        self.root.join("sources")
    }

    /// The claims files of the project (`[paths] claims`, else `claims/`).
    pub fn claims_files(&self) -> Vec<PathBuf> {
        let given = if self.settings.claims.is_empty() {
            vec![PathBuf::from("claims")]
        } else {
            self.settings.claims.clone()
        };
        let roots = self.roots(&self.root);
        crate::files::walk::find_claims_files(&given, &self.root, &roots)
            .unwrap_or_default()
            .into_iter()
            .map(|f| self.root.join(f))
            .collect()
    }

    /// Pin every source of the claims file at `path` (its unsaved `text`):
    /// the whole text with the pins written, as one edit.
    pub fn pin_fix(&self, path: &Path, text: &str) -> Option<Fix> {
        let roots = self.roots(path);
        let mut outcome = crate::workflow::pin::PinOutcome::default();
        let pinned =
            crate::workflow::pin::pinned(path, text, true, &self.root, &roots, &mut outcome)?;
        let keys: Vec<String> = outcome.changes.iter().map(|c| c.key.clone()).collect();
        Some(Fix {
            title: format!("Pin the sources ({})", keys.join(", ")),
            kind: None,
            edits: vec![Edit {
                file: crate::files::paths::display(path, &self.root),
                offset: 0,
                length: text.len(),
                new_text: pinned,
            }],
        })
    }

    /// The claims files whose `draft:` is the file at `draft`.
    pub fn claims_naming(&self, draft: &Path) -> Vec<PathBuf> {
        let draft = crate::files::paths::normalize(draft);
        self.claims_files()
            .into_iter()
            .filter(|file| {
                let roots = self.roots(file);
                std::fs::read(file)
                    .ok()
                    .and_then(|bytes| load_claims_at(file, &bytes, &self.root, &roots).ok())
                    .is_some_and(|set| {
                        set.files
                            .iter()
                            .filter_map(|f| f.draft.as_ref())
                            .any(|d| crate::files::paths::normalize(&d.path) == draft)
                    })
            })
            .collect()
    }
}
