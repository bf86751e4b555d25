//! `verbatim figures`: the figures read from source files.

use crate::figures::{read_source as read_figures, SourceFigure};
use crate::files::paths;
use crate::text::{read_source, ReadError};
use std::path::{Path, PathBuf};

/// The figures of each readable file (shown relative to `cwd`), and the
/// files that could not be read with why.
#[derive(Debug, Default)]
pub struct FigureListing {
    pub listed: Vec<(String, Vec<SourceFigure>)>,
    pub failed: Vec<(String, String)>,
}

/// Read the figures of `files`; `published` resolves "since YEAR".
pub fn list_figures(files: &[PathBuf], published: Option<i32>, cwd: &Path) -> FigureListing {
    let mut listing = FigureListing::default();
    for path in files {
        let full = cwd.join(path);
        let shown = paths::display(&full, cwd);
        match read_source(&full, false) {
            Ok(source) => listing
                .listed
                .push((shown, read_figures(&source, published))),
            Err(ReadError::Missing) => listing
                .failed
                .push((shown, "it does not exist".to_string())),
            Err(ReadError::Unreadable(why)) => listing.failed.push((shown, why)),
        }
    }
    listing
}
