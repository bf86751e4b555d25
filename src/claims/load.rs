//! Reading and validating claims files: every problem in every file, at once.

use super::model::*;
use super::yaml::{self, Node, Pos, Value};
use crate::findings::{InputError, Kind};
use crate::paths;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

const TOP_KEYS: &[&str] = &["version", "draft", "sources", "claims"];
const SOURCE_KEYS: &[&str] = &["path", "title", "url", "published", "sha256"];
const CLAIM_KEYS: &[&str] = &[
    "id", "text", "source", "quote", "speaker", "figures", "accept",
];
const FIGURE_KEYS: &[&str] = &["value", "of"];
const ACCEPT_KEYS: &[&str] = &["kind", "reason"];

/// Claims files are read whole; past this size something is wrong.
pub const MAX_CLAIMS_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Why the claims cannot be checked: every problem, and the text of every
/// file that was read (for snippets).
#[derive(Debug)]
pub struct LoadFailure {
    pub errors: Vec<InputError>,
    pub files: Vec<(String, Arc<String>)>,
}

/// Load and validate the given claims files. Any problem anywhere means no
/// claim is checked: the errors come back all together.
pub fn load_claims(files: &[PathBuf]) -> Result<ClaimSet, LoadFailure> {
    let mut loader = Loader::default();
    for path in files {
        loader.load_file(path);
    }
    loader.finish()
}

#[derive(Default)]
struct Loader {
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
    fn error(&mut self, cx: &FileCx, pos: Pos, message: impl Into<String>, help: Option<String>) {
        self.errors.push(InputError {
            file: cx.display.clone(),
            line: pos.line.max(1),
            column: pos.column.max(1),
            offset: pos.offset,
            length: pos.len,
            message: message.into(),
            help,
        });
    }

    fn load_file(&mut self, path: &Path) {
        let display = paths::display(path);
        let bytes = match read_limited(path) {
            Ok(b) => b,
            Err(message) => {
                self.errors.push(InputError {
                    file: display,
                    line: 1,
                    column: 1,
                    offset: 0,
                    length: 0,
                    message,
                    help: None,
                });
                return;
            }
        };
        let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
        self.load_bytes(display, dir, bytes);
    }

    fn load_bytes(&mut self, display: String, dir: PathBuf, bytes: Vec<u8>) {
        let text = match decode_claims_text(bytes) {
            Ok(t) => t,
            Err((message, (line, column))) => {
                self.errors.push(InputError {
                    file: display,
                    line,
                    column,
                    offset: 0,
                    length: 0,
                    message,
                    help: None,
                });
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
            Err((message, at)) => {
                let (line, column) = at.unwrap_or((1, 1));
                let offset = offset_of_line_col(&cx.text, line, column);
                self.error(
                    &cx,
                    Pos {
                        line,
                        column,
                        offset,
                        len: 0,
                    },
                    format!("invalid YAML: {message}"),
                    Some("check the indentation and quoting on this line".into()),
                );
                self.unparsed.push((cx.display.clone(), cx.text.clone()));
                return;
            }
        };
        self.load_root(&cx, &root);
    }

    fn load_root(&mut self, cx: &FileCx, root: &Node) {
        let file_index = self.set.files.len();
        let mut file = ClaimsFile {
            display: cx.display.clone(),
            text: cx.text.clone(),
            draft: None,
            sources: Vec::new(),
            claims: Vec::new(),
        };
        let Value::Map(entries) = &root.value else {
            if matches!(root.value, Value::Null) {
                self.error(
                    cx,
                    root.pos,
                    "the claims file is empty",
                    Some(EXAMPLE_HELP.into()),
                );
            } else {
                self.error(
                    cx,
                    root.pos,
                    format!(
                        "a claims file is a mapping with `sources` and `claims`, not {}",
                        root.kind_name()
                    ),
                    Some(EXAMPLE_HELP.into()),
                );
            }
            self.set.files.push(file);
            return;
        };
        let mut keys: HashMap<String, usize> = HashMap::new();
        let mut claims_node = None;
        for (k, v) in entries {
            let Some(key) = self.key_name(cx, k, TOP_KEYS, "claims file") else {
                continue;
            };
            match key.as_str() {
                "version" if v.as_scalar_text().as_deref() != Some("1") => {
                    self.error(cx, v.pos, "only `version: 1` is supported", None);
                }
                "draft" => {
                    if let Some(p) = self.string(cx, v, "`draft`") {
                        let path = paths::normalize(&cx.dir.join(&p));
                        file.draft = Some(DraftRef {
                            display: paths::display(&path),
                            path,
                            pos: v.pos,
                        });
                    }
                }
                "sources" => self.load_sources(cx, v, file_index, &mut keys, &mut file),
                "claims" => claims_node = Some(v),
                _ => {}
            }
        }
        match claims_node {
            Some(node) => match &node.value {
                Value::Seq(items) => {
                    for (i, item) in items.iter().enumerate() {
                        if let Some(claim) = self.load_claim(cx, item, i, file_index, &keys) {
                            file.claims.push(self.set.claims.len());
                            self.set.claims.push(claim);
                        }
                    }
                }
                Value::Null => {}
                _ => self.error(
                    cx,
                    node.pos,
                    format!(
                        "`claims` must be a list of claims, not {}",
                        node.kind_name()
                    ),
                    None,
                ),
            },
            None => self.error(
                cx,
                root.pos,
                "the claims file has no `claims` list",
                Some(EXAMPLE_HELP.into()),
            ),
        }
        self.set.files.push(file);
    }

    fn load_sources(
        &mut self,
        cx: &FileCx,
        node: &Node,
        file_index: usize,
        keys: &mut HashMap<String, usize>,
        file: &mut ClaimsFile,
    ) {
        let Value::Map(entries) = &node.value else {
            if !matches!(node.value, Value::Null) {
                self.error(
                    cx,
                    node.pos,
                    format!(
                        "`sources` must map keys to sources, not be {}",
                        node.kind_name()
                    ),
                    None,
                );
            }
            return;
        };
        for (k, v) in entries {
            let Some(key) = k.as_scalar_text() else {
                self.error(cx, k.pos, "a source key must be a plain name", None);
                continue;
            };
            let mut decl = SourceDecl {
                key: key.clone(),
                file: file_index,
                source_file: 0,
                title: None,
                url: None,
                published: None,
                sha256: None,
                pos: k.pos,
            };
            let mut path_text = None;
            match &v.value {
                Value::Str(s) => path_text = Some((s.clone(), v.pos)),
                Value::Map(fields) => {
                    for (fk, fv) in fields {
                        let Some(field) = self.key_name(cx, fk, SOURCE_KEYS, "source") else {
                            continue;
                        };
                        match field.as_str() {
                            "path" => {
                                path_text = self.string(cx, fv, "`path`").map(|p| (p, fv.pos))
                            }
                            "title" => decl.title = self.string(cx, fv, "`title`"),
                            "url" => decl.url = self.string(cx, fv, "`url`"),
                            "published" => {
                                if let Some(t) = fv.as_scalar_text() {
                                    match parse_date(&t) {
                                        Some(d) => decl.published = Some(d),
                                        None => self.error(
                                            cx,
                                            fv.pos,
                                            format!("invalid `published` date {t:?}: expected YYYY-MM-DD"),
                                            None,
                                        ),
                                    }
                                } else {
                                    self.error(
                                        cx,
                                        fv.pos,
                                        "invalid `published` date: expected YYYY-MM-DD",
                                        None,
                                    );
                                }
                            }
                            "sha256" => match fv.as_scalar_text() {
                                Some(t)
                                    if t.len() == 64
                                        && t.bytes().all(|b| b.is_ascii_hexdigit()) =>
                                {
                                    decl.sha256 = Some(t.to_ascii_lowercase())
                                }
                                _ => self.error(
                                    cx,
                                    fv.pos,
                                    "invalid `sha256`: expected 64 hexadecimal digits",
                                    Some("run `verbatim pin` to write the right pin".into()),
                                ),
                            },
                            _ => {}
                        }
                    }
                    if path_text.is_none() {
                        self.error(
                            cx,
                            k.pos,
                            format!("source `{key}` has no `path`"),
                            Some(format!("add `path: ../sources/{key}.txt` under `{key}`")),
                        );
                    }
                }
                _ => {
                    self.error(
                        cx,
                        v.pos,
                        format!(
                            "source `{key}` must be a path or a mapping with `path`, not {}",
                            v.kind_name()
                        ),
                        None,
                    );
                }
            }
            if keys.contains_key(&key) {
                self.error(cx, k.pos, format!("source `{key}` is declared twice"), None);
                continue;
            }
            if let Some((p, ppos)) = path_text {
                if p.trim().is_empty() {
                    self.error(cx, ppos, format!("source `{key}` has an empty path"), None);
                    continue;
                }
                let path = paths::normalize(&cx.dir.join(&p));
                let next = self.set.source_files.len();
                let index = *self.source_by_path.entry(path.clone()).or_insert(next);
                if index == next {
                    self.set.source_files.push(SourceFile {
                        display: paths::display(&path),
                        path,
                    });
                }
                decl.source_file = index;
                keys.insert(key, self.set.declared.len());
                file.sources.push(self.set.declared.len());
                self.set.declared.push(decl);
            }
        }
    }

    fn load_claim(
        &mut self,
        cx: &FileCx,
        node: &Node,
        index: usize,
        file_index: usize,
        keys: &HashMap<String, usize>,
    ) -> Option<Claim> {
        let Value::Map(entries) = &node.value else {
            self.error(
                cx,
                node.pos,
                format!("a claim must be a mapping, not {}", node.kind_name()),
                None,
            );
            return None;
        };
        let before = self.errors.len();
        let mut claim = Claim {
            id: format!("{}#{}", cx.display, index + 1),
            file: file_index,
            pos: node.pos,
            text: None,
            cited: Vec::new(),
            cites_all: true,
            quotes: Vec::new(),
            speaker: None,
            figures: Vec::new(),
            accept: Vec::new(),
        };
        if let Some((k, _)) = entries.first() {
            claim.pos = k.pos;
        }
        let mut id_pos = claim.pos;
        let mut quote_given = false;
        for (k, v) in entries {
            let Some(key) = self.key_name(cx, k, CLAIM_KEYS, "claim") else {
                continue;
            };
            match key.as_str() {
                "id" => {
                    if let Some(id) = v.as_scalar_text().filter(|s| !s.trim().is_empty()) {
                        claim.id = id;
                        id_pos = v.pos;
                    } else {
                        self.error(cx, v.pos, "`id` must be a non-empty name", None);
                    }
                }
                "text" => claim.text = self.string(cx, v, "`text`"),
                "source" => {
                    claim.cites_all = false;
                    let items: Vec<&Node> = match &v.value {
                        Value::Seq(items) => items.iter().collect(),
                        _ => vec![v],
                    };
                    if items.is_empty() {
                        self.error(cx, v.pos, "`source` lists no source", None);
                    }
                    for item in items {
                        let Some(name) = item.as_scalar_text() else {
                            self.error(
                                cx,
                                item.pos,
                                "`source` must be a source key or a list of keys",
                                None,
                            );
                            continue;
                        };
                        match keys.get(&name) {
                            Some(&d) => claim.cited.push(d),
                            None => {
                                let known: Vec<&str> = keys.keys().map(String::as_str).collect();
                                let help = match did_you_mean(&name, &known) {
                                    Some(s) => format!("did you mean `{s}`?"),
                                    None if known.is_empty() => {
                                        "declare it under `sources:`".to_string()
                                    }
                                    None => {
                                        let mut known = known;
                                        known.sort();
                                        format!("declared sources: {}", known.join(", "))
                                    }
                                };
                                self.error(
                                    cx,
                                    item.pos,
                                    format!("claim cites source `{name}`, which is not declared"),
                                    Some(help),
                                );
                            }
                        }
                    }
                }
                "quote" => {
                    quote_given = true;
                    let items: Vec<&Node> = match &v.value {
                        Value::Seq(items) => items.iter().collect(),
                        _ => vec![v],
                    };
                    if items.is_empty() {
                        self.error(cx, v.pos, "`quote` is an empty list", None);
                    }
                    for item in items {
                        match &item.value {
                            Value::Str(s) | Value::Number(s) => {
                                if crate::text::fold::fold_words(s).is_empty() {
                                    self.error(cx, item.pos, "the quote is empty", None);
                                } else {
                                    claim.quotes.push(Located {
                                        text: s.clone(),
                                        pos: item.pos,
                                    });
                                }
                            }
                            Value::Null => self.error(cx, item.pos, "the quote is empty", None),
                            _ => self.error(
                                cx,
                                item.pos,
                                format!("a quote must be a string, not {}", item.kind_name()),
                                None,
                            ),
                        }
                    }
                }
                "speaker" => {
                    if let Some(s) = self.string(cx, v, "`speaker`") {
                        if s.trim().is_empty() {
                            self.error(cx, v.pos, "`speaker` is empty", None);
                        } else {
                            claim.speaker = Some(Located {
                                text: s,
                                pos: v.pos,
                            });
                        }
                    }
                }
                "figures" => self.load_figures(cx, v, &mut claim),
                "accept" => self.load_accepts(cx, v, &mut claim),
                _ => {}
            }
        }
        if !quote_given && claim.figures.is_empty() && self.errors.len() == before {
            self.error(
                cx,
                claim.pos,
                "the claim has neither `quote` nor `figures`: nothing to check",
                Some(
                    "add the exact words quoted as `quote:`, or the numbers stated as `figures:`"
                        .into(),
                ),
            );
        }
        if let Some(speaker) = &claim.speaker {
            if !quote_given {
                self.error(
                    cx,
                    speaker.pos,
                    "`speaker` without a `quote`: there is nothing to attribute",
                    None,
                );
            }
        }
        if let Some((file, line, column)) = self.ids.get(&claim.id) {
            let msg = format!(
                "duplicate claim id `{}` (first used at {file}:{line}:{column})",
                claim.id
            );
            self.error(
                cx,
                id_pos,
                msg,
                Some("ids must be unique across the run".into()),
            );
        } else {
            self.ids.insert(
                claim.id.clone(),
                (cx.display.clone(), id_pos.line, id_pos.column),
            );
        }
        Some(claim)
    }

    fn load_figures(&mut self, cx: &FileCx, node: &Node, claim: &mut Claim) {
        let Value::Seq(items) = &node.value else {
            self.error(cx, node.pos, "`figures` must be a list", None);
            return;
        };
        for item in items {
            let figure = match &item.value {
                Value::Str(s) | Value::Number(s) => FigureClaim {
                    text: s.clone(),
                    value: None,
                    of: None,
                    pos: item.pos,
                },
                Value::Map(fields) => {
                    let mut value = None;
                    let mut of = None;
                    for (fk, fv) in fields {
                        match self.key_name(cx, fk, FIGURE_KEYS, "figure").as_deref() {
                            Some("value") => value = fv.as_scalar_text(),
                            Some("of") => of = self.string(cx, fv, "`of`"),
                            _ => {}
                        }
                    }
                    let Some(value) = value else {
                        self.error(cx, item.pos, "a figure map needs `value`", None);
                        continue;
                    };
                    let text = match &of {
                        Some(of) => format!("{value} {of}"),
                        None => value.clone(),
                    };
                    FigureClaim {
                        text,
                        value: Some(value),
                        of,
                        pos: item.pos,
                    }
                }
                _ => {
                    self.error(
                        cx,
                        item.pos,
                        format!(
                            "a figure is a string or `{{value, of}}`, not {}",
                            item.kind_name()
                        ),
                        None,
                    );
                    continue;
                }
            };
            let number_part = figure.value.as_deref().unwrap_or(&figure.text);
            if !crate::numbers::has_number(number_part) {
                self.error(
                    cx,
                    item.pos,
                    format!("figure {:?} has no number", figure.text),
                    Some(
                        "write the value as digits or number words, e.g. `about 400,000 deaths`"
                            .into(),
                    ),
                );
                continue;
            }
            claim.figures.push(figure);
        }
    }

    fn load_accepts(&mut self, cx: &FileCx, node: &Node, claim: &mut Claim) {
        let Value::Seq(items) = &node.value else {
            self.error(
                cx,
                node.pos,
                "`accept` must be a list of `{kind, reason}`",
                None,
            );
            return;
        };
        for item in items {
            let Value::Map(fields) = &item.value else {
                self.error(cx, item.pos, "an `accept` entry is `{kind, reason}`", None);
                continue;
            };
            let mut kind = None;
            let mut reason = None;
            let mut kind_seen = false;
            for (fk, fv) in fields {
                match self
                    .key_name(cx, fk, ACCEPT_KEYS, "accept entry")
                    .as_deref()
                {
                    Some("kind") => {
                        kind_seen = true;
                        let name = fv.as_scalar_text().unwrap_or_default();
                        match Kind::from_name(&name) {
                            Some(k) => kind = Some(k),
                            None => {
                                let names: Vec<&str> = Kind::ALL.iter().map(|k| k.name()).collect();
                                let help = did_you_mean(&name, &names)
                                    .map(|s| format!("did you mean `{s}`?"))
                                    .unwrap_or_else(|| format!("kinds: {}", names.join(", ")));
                                self.error(
                                    cx,
                                    fv.pos,
                                    format!("unknown finding kind `{name}` in `accept`"),
                                    Some(help),
                                );
                            }
                        }
                    }
                    Some("reason") => {
                        reason = self
                            .string(cx, fv, "`reason`")
                            .filter(|r| !r.trim().is_empty());
                        if reason.is_none() {
                            self.error(
                                cx,
                                fv.pos,
                                "`reason` is empty: say why the deviation is acceptable",
                                None,
                            );
                            reason = Some(String::new());
                        }
                    }
                    _ => {}
                }
            }
            if !kind_seen {
                self.error(cx, item.pos, "an `accept` entry needs `kind`", None);
            }
            if reason.is_none() {
                self.error(
                    cx,
                    item.pos,
                    "an `accept` entry needs a `reason`",
                    Some("say why a person accepted this deviation".into()),
                );
            }
            if let (Some(kind), Some(reason)) = (kind, reason) {
                claim.accept.push(Accept {
                    kind,
                    reason,
                    pos: item.pos,
                });
            }
        }
    }

    /// A mapping key, checked against the keys this place allows.
    fn key_name(
        &mut self,
        cx: &FileCx,
        key: &Node,
        allowed: &[&str],
        place: &str,
    ) -> Option<String> {
        let Some(name) = key.as_scalar_text() else {
            self.error(
                cx,
                key.pos,
                format!("a {place} key must be a plain name"),
                None,
            );
            return None;
        };
        if allowed.contains(&name.as_str()) {
            return Some(name);
        }
        let help = match did_you_mean(&name, allowed) {
            Some(s) => format!("did you mean `{s}`?"),
            None => format!("allowed keys: {}", allowed.join(", ")),
        };
        self.error(
            cx,
            key.pos,
            format!("unknown key `{name}` in {place}"),
            Some(help),
        );
        None
    }

    fn string(&mut self, cx: &FileCx, node: &Node, what: &str) -> Option<String> {
        match &node.value {
            Value::Str(s) => Some(s.clone()),
            Value::Number(s) => Some(s.clone()),
            _ => {
                self.error(
                    cx,
                    node.pos,
                    format!("{what} must be a string, not {}", node.kind_name()),
                    None,
                );
                None
            }
        }
    }

    fn finish(mut self) -> Result<ClaimSet, LoadFailure> {
        if self.errors.is_empty() && self.set.claims.is_empty() {
            let file = self
                .set
                .files
                .first()
                .map(|f| f.display.clone())
                .unwrap_or_else(|| "claims".to_string());
            self.errors.push(InputError {
                file,
                line: 1,
                column: 1,
                offset: 0,
                length: 0,
                message: "no claims found: nothing would be checked".into(),
                help: Some(
                    "add claims under `claims:`, or run `verbatim init` for an example".into(),
                ),
            });
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

fn read_limited(path: &Path) -> Result<Vec<u8>, String> {
    let meta = std::fs::metadata(path).map_err(|e| format!("cannot read the claims file: {e}"))?;
    if !meta.is_file() {
        return Err("cannot read the claims file: not a regular file".into());
    }
    if meta.len() > MAX_CLAIMS_FILE_BYTES {
        return Err(format!(
            "the claims file is {} bytes; the limit is {MAX_CLAIMS_FILE_BYTES}",
            meta.len()
        ));
    }
    std::fs::read(path).map_err(|e| format!("cannot read the claims file: {e}"))
}

fn decode_claims_text(bytes: Vec<u8>) -> Result<String, (String, (u32, u32))> {
    let bytes = bytes
        .strip_prefix(b"\xEF\xBB\xBF")
        .map(<[u8]>::to_vec)
        .unwrap_or(bytes);
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let place = line_col_of(e.as_bytes(), at);
        (
            format!("the claims file is not valid UTF-8 (byte {at})"),
            place,
        )
    })
}

/// Load and validate one claims file given as bytes (tests, fuzzing);
/// `name` is the path its paths are relative to.
pub fn load_claims_bytes(name: &str, bytes: &[u8]) -> Result<ClaimSet, LoadFailure> {
    let mut loader = Loader::default();
    let path = Path::new(name);
    let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
    loader.load_bytes(paths::display(path), dir, bytes.to_vec());
    loader.finish()
}

fn line_col_of(text: &[u8], offset: usize) -> (u32, u32) {
    let offset = offset.min(text.len());
    let before = &text[..offset];
    let line = before.iter().filter(|&&b| b == b'\n').count() as u32 + 1;
    let start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let column = String::from_utf8_lossy(&before[start..]).chars().count() as u32 + 1;
    (line, column)
}

fn offset_of_line_col(text: &str, line: u32, column: u32) -> usize {
    let mut offset = 0;
    for (i, l) in text.split_inclusive('\n').enumerate() {
        if i + 1 == line as usize {
            let within: usize = l
                .chars()
                .take(column.saturating_sub(1) as usize)
                .map(char::len_utf8)
                .sum();
            return offset + within;
        }
        offset += l.len();
    }
    text.len()
}

/// The closest allowed name, when it is close enough to be a slip.
pub fn did_you_mean<'a>(name: &str, candidates: &[&'a str]) -> Option<&'a str> {
    candidates
        .iter()
        .map(|c| (strsim::damerau_levenshtein(name, c), *c))
        .filter(|(d, c)| *d <= 2.max(c.len() / 3))
        .min()
        .map(|(_, c)| c)
}

pub fn parse_date(text: &str) -> Option<Date> {
    let parts: Vec<&str> = text.trim().split('-').collect();
    if parts.len() != 3 || parts[0].len() != 4 || parts[1].len() != 2 || parts[2].len() != 2 {
        return None;
    }
    let year: i32 = parts[0].parse().ok()?;
    let month: u32 = parts[1].parse().ok()?;
    let day: u32 = parts[2].parse().ok()?;
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    (day >= 1 && day <= days).then_some(Date { year, month, day })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_checked_for_real_days() {
        assert!(parse_date("2025-12-20").is_some());
        assert!(parse_date("2024-02-29").is_some());
        assert!(parse_date("2025-02-29").is_none());
        assert!(parse_date("2025-13-01").is_none());
        assert!(parse_date("20-12-2025").is_none());
    }

    #[test]
    fn suggestions_only_when_close() {
        assert_eq!(did_you_mean("qoute", CLAIM_KEYS), Some("quote"));
        assert_eq!(did_you_mean("sorce", CLAIM_KEYS), Some("source"));
        assert_eq!(did_you_mean("zzzzzz", CLAIM_KEYS), None);
    }
}
