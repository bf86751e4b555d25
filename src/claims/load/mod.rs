//! Reading and validating claims files: every problem in every file, at once.

mod archive;
mod claim;
mod sources;

use super::date::parse_date;
use super::model::*;
use super::yaml::{self, Node, Pos, Value};
use crate::files::paths;
use crate::files::root::Roots;
use crate::lexicon::did_you_mean;
use crate::model::{InputError, Kind, LineIndex, Span};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

const TOP_KEYS: &[&str] = &["version", "draft", "sources", "claims"];
const SOURCE_KEYS: &[&str] = &[
    "path",
    "glob",
    "manifest",
    "title",
    "url",
    "published",
    "sha256",
];
const CLAIM_KEYS: &[&str] = &[
    "id", "text", "source", "quote", "speaker", "figures", "accept",
];
const FIGURE_KEYS: &[&str] = &["value", "of"];
const ACCEPT_KEYS: &[&str] = &["kind", "reason"];

/// Claims files are read whole; past this size something is wrong.
pub const MAX_CLAIMS_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Why the claims cannot be checked: every problem, and the text of every
/// file that was read (for snippets).
#[derive(Debug, thiserror::Error)]
#[error("the claims have {} problems", errors.len())]
pub struct LoadFailure {
    pub errors: Vec<InputError>,
    pub files: Vec<(String, Arc<String>)>,
}

/// Find the claims files under `paths` (files, or folders searched for
/// `*.yaml`) and load them, as a check does: no claims file at all, a path
/// outside `roots` or an invalid file comes back as a report of its errors.
pub fn load_under(
    given: &[PathBuf],
    cwd: &Path,
    roots: &Roots,
) -> Result<ClaimSet, crate::model::Report> {
    use crate::files::walk;
    use crate::model::Report;
    match walk::find_claims_files(given, cwd, roots) {
        Ok(files) if files.is_empty() => Err(Report::invalid(
            vec![walk::no_claims_files(given, cwd)],
            Vec::new(),
        )),
        Ok(files) => {
            load_claims(&files, cwd, roots).map_err(|f| Report::invalid(f.errors, f.files))
        }
        Err(errors) => Err(Report::invalid(errors, Vec::new())),
    }
}

/// Load and validate the given claims files. Any problem anywhere means no
/// claim is checked: the errors come back all together.
/// Paths are shown relative to `cwd`; sources, drafts and claims files
/// outside `roots` are input errors, never read.
pub fn load_claims(files: &[PathBuf], cwd: &Path, roots: &Roots) -> Result<ClaimSet, LoadFailure> {
    let mut loader = Loader::new(cwd, roots.clone());
    for path in files {
        loader.load_file(path);
    }
    loader.finish()
}

struct Loader {
    /// The folder paths are shown relative to.
    cwd: PathBuf,
    /// The folders files may be read from.
    roots: Roots,
    set: ClaimSet,
    errors: Vec<InputError>,
    ids: HashMap<String, (String, u32, u32)>,
    source_by_path: HashMap<PathBuf, usize>,
    /// Files whose YAML did not parse, kept for their snippets.
    unparsed: Vec<(String, Arc<String>)>,
}

struct FileCx {
    display: String,
    text: Arc<String>,
    dir: PathBuf,
}

impl Loader {
    fn new(cwd: &Path, roots: Roots) -> Loader {
        Loader {
            cwd: cwd.to_path_buf(),
            roots,
            set: ClaimSet::default(),
            errors: Vec::new(),
            ids: HashMap::new(),
            source_by_path: HashMap::new(),
            unparsed: Vec::new(),
        }
    }

    fn display(&self, path: &Path) -> String {
        paths::display(path, &self.cwd)
    }

    fn error(&mut self, cx: &FileCx, pos: Pos, message: impl Into<String>, help: Option<String>) {
        self.errors.push(InputError {
            at: Span {
                file: cx.display.clone(),
                line: pos.line.max(1),
                column: pos.column.max(1),
                offset: pos.offset,
                length: pos.len,
            },
            message: message.into(),
            help,
        });
    }

    fn load_file(&mut self, path: &Path) {
        let display = self.display(path);
        if let Some(why) = self.roots.refuse(path, &self.cwd) {
            let message = format!("the claims file {why}");
            self.errors
                .push(InputError::new(Span::start_of(display), message));
            return;
        }
        let bytes = match read_limited(path) {
            Ok(b) => b,
            Err(e) => {
                self.errors
                    .push(InputError::new(Span::start_of(display), e.to_string()));
                return;
            }
        };
        let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
        self.load_bytes(display, dir, bytes);
    }

    fn load_bytes(&mut self, display: String, dir: PathBuf, bytes: Vec<u8>) {
        let text = match decode_claims_text(bytes) {
            Ok(t) => t,
            Err(e) => {
                let (line, column) = match e {
                    FileError::NotUtf8 { line, column, .. } => (line, column),
                    _ => (1, 1),
                };
                let at = Span {
                    line,
                    column,
                    ..Span::start_of(display)
                };
                self.errors.push(InputError::new(at, e.to_string()));
                return;
            }
        };
        let cx = FileCx {
            display,
            text: Arc::new(text),
            dir,
        };
        let root = match yaml::parse(&cx.text) {
            Ok(root) => root,
            Err(yaml::YamlError { message, at }) => {
                let (line, column) = at.unwrap_or((1, 1));
                let offset = LineIndex::new(&cx.text).offset_of(&cx.text, line, column);
                self.error(
                    &cx,
                    Pos {
                        line,
                        column,
                        offset,
                        len: 0,
                    },
                    format!("invalid YAML: {message}"),
                    Some(yaml_help(&cx.text, line)),
                );
                self.unparsed.push((cx.display.clone(), cx.text.clone()));
                return;
            }
        };
        self.load_root(&cx, &root);
    }

    fn finish(mut self) -> Result<ClaimSet, LoadFailure> {
        if self.errors.is_empty() && self.set.claims.is_empty() {
            let file = self
                .set
                .files
                .first()
                .map(|f| f.display.clone())
                .unwrap_or_else(|| "claims".to_string());
            self.errors.push(
                InputError::new(
                    Span::start_of(file),
                    "no claims found: nothing would be checked",
                )
                .with_help("add claims under `claims:`, or run `verbatim init` for an example"),
            );
        }
        if self.errors.is_empty() {
            Ok(self.set)
        } else {
            let mut files: Vec<(String, Arc<String>)> = self
                .set
                .files
                .iter()
                .map(|f| (f.display.clone(), f.text.clone()))
                .collect();
            files.extend(self.unparsed);
            Err(LoadFailure {
                errors: self.errors,
                files,
            })
        }
    }
}

const EXAMPLE_HELP: &str =
    "a claims file looks like:\nsources:\n  key: ../sources/article.txt\nclaims:\n  - source: key\n    quote: the exact words";

/// Why a claims file's bytes cannot be read as text.
#[derive(Debug, thiserror::Error)]
enum FileError {
    #[error("cannot read the claims file: {0}")]
    Read(#[source] std::io::Error),
    #[error("cannot read the claims file: not a regular file")]
    NotAFile,
    #[error("the claims file is {0} bytes; the limit is {MAX_CLAIMS_FILE_BYTES}")]
    TooLarge(u64),
    #[error("the claims file is not valid UTF-8 (byte {byte})")]
    NotUtf8 { byte: usize, line: u32, column: u32 },
}

fn read_limited(path: &Path) -> Result<Vec<u8>, FileError> {
    let meta = std::fs::metadata(path).map_err(FileError::Read)?;
    if !meta.is_file() {
        return Err(FileError::NotAFile);
    }
    if meta.len() > MAX_CLAIMS_FILE_BYTES {
        return Err(FileError::TooLarge(meta.len()));
    }
    std::fs::read(path).map_err(FileError::Read)
}

fn decode_claims_text(bytes: Vec<u8>) -> Result<String, FileError> {
    let bytes = bytes
        .strip_prefix(b"\xEF\xBB\xBF")
        .map(<[u8]>::to_vec)
        .unwrap_or(bytes);
    String::from_utf8(bytes).map_err(|e| {
        let byte = e.utf8_error().valid_up_to();
        let valid = String::from_utf8_lossy(&e.as_bytes()[..byte]);
        let (line, column) = LineIndex::new(&valid).locate(&valid, byte);
        FileError::NotUtf8 { byte, line, column }
    })
}

/// Load and validate one claims file given as bytes (tests, fuzzing);
/// `name` is the path its paths are relative to.
/// Load a claims file held in memory as if it were saved at `path`
/// (absolute): its paths resolve from that folder, inside `roots`.
pub fn load_claims_at(
    path: &Path,
    bytes: &[u8],
    cwd: &Path,
    roots: &Roots,
) -> Result<ClaimSet, LoadFailure> {
    let mut loader = Loader::new(cwd, roots.clone());
    let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
    loader.load_bytes(loader.display(path), dir, bytes.to_vec());
    loader.finish()
}

/// Help for a YAML error on `line`: for a plain value holding `: ` (a
/// quotation with a colon), how to quote it; else where to look.
fn yaml_help(text: &str, line: u32) -> String {
    let this = text
        .lines()
        .nth(line.saturating_sub(1) as usize)
        .unwrap_or("");
    let trimmed = this.trim_start().trim_start_matches("- ");
    if let Some((key, value)) = trimmed.split_once(": ") {
        let value = value.trim();
        let plain = !value.starts_with(['"', '\'', '[', '{', '|', '>']);
        if plain && value.contains(": ") && !key.contains(' ') {
            let quoted = format!("\"{}\"", value.replace('\\', "\\\\").replace('"', "\\\""));
            let shown: String = quoted.chars().take(120).collect();
            return format!("a value holding `: ` must be quoted: {key}: {shown}");
        }
    }
    "check the indentation and quoting on this line".into()
}

pub fn load_claims_bytes(name: &str, bytes: &[u8]) -> Result<ClaimSet, LoadFailure> {
    let mut loader = Loader::new(Path::new(""), Roots::anywhere());
    let path = Path::new(name);
    let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
    loader.load_bytes(loader.display(path), dir, bytes.to_vec());
    loader.finish()
}

#[cfg(test)]
mod tests;
