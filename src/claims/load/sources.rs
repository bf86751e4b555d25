//! The top of a claims file: its keys, `draft`, and `sources`.

use super::*;
use rayon::prelude::*;

/// Claims a task reads in a row (see `load_root`).
const CLAIMS_PER_TASK: usize = 512;

/// A claim as read, with its id's place, and the problems found in it.
type Loaded = (Option<(Claim, Pos)>, Vec<InputError>);

impl Loader {
    pub(super) fn load_root(&mut self, cx: &FileCx, root: &Node) {
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
        let mut keys: HashMap<String, Vec<usize>> = HashMap::new();
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
                        if let Some(why) = self.roots.refuse(&path, &self.cwd) {
                            self.error(cx, v.pos, format!("the draft {why}"), None);
                        }
                        file.draft = Some(DraftRef {
                            display: self.display(&path),
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
                    // Claims are read in parallel, a run of them per task,
                    // each run with a loader of its own for its errors (a
                    // large file holds 200,000); kept, and their ids told,
                    // in file order, so the errors are those one pass gives.
                    let (cwd, roots) = (&self.cwd, &self.roots);
                    let runs: Vec<Vec<Loaded>> = items
                        .par_chunks(CLAIMS_PER_TASK)
                        .enumerate()
                        .map(|(run, chunk)| {
                            let mut own = Loader::new(cwd, roots.clone());
                            let first = run * CLAIMS_PER_TASK;
                            let loaded = chunk.iter().enumerate().map(|(i, item)| {
                                let claim = own.load_claim(cx, item, first + i, file_index, &keys);
                                (claim, std::mem::take(&mut own.errors))
                            });
                            loaded.collect()
                        })
                        .collect();
                    for (claim, errors) in runs.into_iter().flatten() {
                        self.errors.extend(errors);
                        if let Some((claim, id_pos)) = claim {
                            self.keep_id(cx, &claim, id_pos);
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

    pub(super) fn load_sources(
        &mut self,
        cx: &FileCx,
        node: &Node,
        file_index: usize,
        keys: &mut HashMap<String, Vec<usize>>,
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
            // An archive: a glob or a manifest instead of one path.
            let mut archive: Option<(Result<Vec<archive::Document>, String>, Pos)> = None;
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
                            "glob" => {
                                if let Some(p) = self.string(cx, fv, "`glob`") {
                                    // Not even a folder's listing is read
                                    // outside the project.
                                    let base = archive::glob_base(&cx.dir, &p);
                                    archive = Some(match self.roots.refuse(&base, &self.cwd) {
                                        Some(why) => {
                                            (Err(format!("the glob's folder {why}")), fv.pos)
                                        }
                                        None => (archive::glob(&cx.dir, &p), fv.pos),
                                    });
                                }
                            }
                            "manifest" => {
                                if let Some(p) = self.string(cx, fv, "`manifest`") {
                                    let path = paths::normalize(&cx.dir.join(&p));
                                    archive = Some(match self.roots.refuse(&path, &self.cwd) {
                                        Some(why) => (Err(format!("the manifest {why}")), fv.pos),
                                        None => (archive::manifest(&path), fv.pos),
                                    });
                                }
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
                    if path_text.is_none() && archive.is_none() {
                        self.error(
                            cx,
                            k.pos,
                            format!("source `{key}` has no `path`"),
                            Some(format!(
                                "add `path: ../sources/{key}.txt` (or `glob:`, or `manifest:` for an archive) under `{key}`"
                            )),
                        );
                    }
                    if path_text.is_some() && archive.is_some() {
                        self.error(
                            cx,
                            k.pos,
                            format!("source `{key}` has both a `path` and an archive (`glob` or `manifest`)"),
                            Some("keep one: a path for one document, a glob or manifest for many".into()),
                        );
                        archive = None;
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
            if let Some((documents, pos)) = archive {
                self.load_archive(cx, &key, decl, documents, pos, keys, file);
                continue;
            }
            if let Some((p, ppos)) = path_text {
                if p.trim().is_empty() {
                    self.error(cx, ppos, format!("source `{key}` has an empty path"), None);
                    continue;
                }
                let path = paths::normalize(&cx.dir.join(&p));
                // Outside the root: an input error, so nothing is read; the
                // key stays declared, sparing its claims a second error.
                if let Some(why) = self.roots.refuse(&path, &self.cwd) {
                    self.error(cx, ppos, format!("source `{key}`: {why}"), None);
                }
                let next = self.set.source_files.len();
                let index = *self.source_by_path.entry(path.clone()).or_insert(next);
                if index == next {
                    self.set.source_files.push(SourceFile {
                        display: self.display(&path),
                        path,
                    });
                }
                decl.source_file = index;
                keys.insert(key, vec![self.set.declared.len()]);
                file.sources.push(self.set.declared.len());
                self.set.declared.push(decl);
            }
        }
    }

    /// An archive's documents, each declared under the archive's key with
    /// the archive's title, address and date (and its manifest pin).
    #[allow(clippy::too_many_arguments)]
    fn load_archive(
        &mut self,
        cx: &FileCx,
        key: &str,
        decl: SourceDecl,
        documents: Result<Vec<archive::Document>, String>,
        pos: Pos,
        keys: &mut HashMap<String, Vec<usize>>,
        file: &mut ClaimsFile,
    ) {
        let documents = match documents {
            Ok(d) if d.is_empty() => {
                self.error(
                    cx,
                    pos,
                    format!("source `{key}`: the archive holds no document"),
                    None,
                );
                return;
            }
            Ok(d) => d,
            Err(why) => {
                self.error(cx, pos, format!("source `{key}`: {why}"), None);
                return;
            }
        };
        let mut outside = 0usize;
        let mut declared = Vec::with_capacity(documents.len());
        for doc in documents {
            // A document outside the root is never read: said once, with a
            // count, not once per document.
            if let Some(why) = self.roots.refuse(&doc.path, &self.cwd) {
                outside += 1;
                if outside == 1 {
                    self.error(cx, pos, format!("source `{key}`: a document {why}"), None);
                }
                continue;
            }
            let next = self.set.source_files.len();
            let index = *self.source_by_path.entry(doc.path.clone()).or_insert(next);
            if index == next {
                self.set.source_files.push(SourceFile {
                    display: self.display(&doc.path),
                    path: doc.path,
                });
            }
            let mut d = decl.clone();
            d.source_file = index;
            d.sha256 = doc.sha256.or(d.sha256);
            declared.push(self.set.declared.len());
            file.sources.push(self.set.declared.len());
            self.set.declared.push(d);
        }
        if outside > 1 {
            self.error(
                cx,
                pos,
                format!("source `{key}`: {outside} documents lie outside the project root"),
                None,
            );
        }
        keys.insert(key.to_string(), declared);
    }
}
