//! `verbatim lsp`: a language server over standard input and output.
//! Diagnostics for claims files and drafts as they are typed, hover, go to
//! definition and code actions, from the library's `editor` module. Each
//! check covers one claims file (or one draft checked alone); sources are
//! kept in memory while unchanged, and a change to one re-checks the files
//! citing it.

mod position;
mod replies;

use lsp_server::{Connection, Message, Notification, Request, Response};
use notify::{RecursiveMode, Watcher};
use serde_json::{json, Value};
use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc;
use std::time::{Duration, Instant};
use verbatim::editor::{Checked, Workspace};
use verbatim::workflow::draft_check;

/// How long typing must pause before a check: keystrokes closer together
/// are one edit.
const DEBOUNCE: Duration = Duration::from_millis(25);

pub fn run(cwd: &Path) -> ExitCode {
    let (connection, io) = Connection::stdio();
    let code = match serve(&connection, cwd) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => crate::fail(format_args!("language server: {e}")),
    };
    drop(connection);
    let _ = io.join();
    code
}

fn serve(connection: &Connection, cwd: &Path) -> Result<(), String> {
    let (id, params) = connection.initialize_start().map_err(|e| e.to_string())?;
    let root = ["rootUri"]
        .iter()
        .filter_map(|k| params[*k].as_str())
        .chain(params["workspaceFolders"][0]["uri"].as_str())
        .find_map(position::path)
        .unwrap_or_else(|| cwd.to_path_buf());
    let capabilities = json!({
        "positionEncoding": "utf-16",
        "textDocumentSync": {"openClose": true, "change": 1, "save": {"includeText": false}},
        "hoverProvider": true,
        "definitionProvider": true,
        "codeActionProvider": {"codeActionKinds": ["quickfix"]},
    });
    connection
        .initialize_finish(
            id,
            json!({"capabilities": capabilities,
                   "serverInfo": {"name": "verbatim", "version": env!("CARGO_PKG_VERSION")}}),
        )
        .map_err(|e| e.to_string())?;
    let mut server = Server::new(&root, connection);
    server.serve()
}

pub(super) struct Server<'a> {
    ws: Workspace,
    connection: &'a Connection,
    /// Open documents' texts, by absolute path.
    docs: HashMap<PathBuf, String>,
    /// The last check of each claims file (or draft checked alone).
    checked: HashMap<PathBuf, Checked>,
    /// Files each check published diagnostics for, to clear them later.
    published: HashMap<PathBuf, BTreeSet<PathBuf>>,
    /// Checks due, and when.
    due: HashMap<PathBuf, Instant>,
    watcher: Option<notify::RecommendedWatcher>,
    watched: BTreeSet<PathBuf>,
    changes: mpsc::Receiver<notify::Result<notify::Event>>,
}

fn is_claims(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "yaml" || e == "yml")
}

/// A draft an editor holds as text: not a Word or OpenDocument file, whose
/// buffer would be its zipped bytes.
fn is_draft(path: &Path) -> bool {
    draft_check::is_draft(path) && verbatim::text::documents::Document::of(path).is_none()
}

impl<'a> Server<'a> {
    fn new(root: &Path, connection: &'a Connection) -> Server<'a> {
        let (tx, changes) = mpsc::channel();
        let watcher = notify::recommended_watcher(move |event| {
            let _ = tx.send(event);
        })
        .ok();
        Server {
            ws: Workspace::new(root),
            connection,
            docs: HashMap::new(),
            checked: HashMap::new(),
            published: HashMap::new(),
            due: HashMap::new(),
            watcher,
            watched: BTreeSet::new(),
            changes,
        }
    }

    fn serve(&mut self) -> Result<(), String> {
        loop {
            let wait = self
                .due
                .values()
                .min()
                .map_or(Duration::from_millis(200), |at| {
                    at.saturating_duration_since(Instant::now())
                });
            match self.connection.receiver.recv_timeout(wait) {
                Ok(Message::Request(req)) => {
                    // A client leaving without the `exit` notification
                    // after `shutdown` ends the session just as well.
                    if self.connection.handle_shutdown(&req).unwrap_or(true) {
                        return Ok(());
                    }
                    self.request(req);
                }
                Ok(Message::Notification(note)) => self.notification(note),
                Ok(Message::Response(_)) => {}
                Err(crossbeam_timeout) if crossbeam_timeout.is_timeout() => {}
                Err(_) => return Ok(()), // the client is gone
            }
            self.sources_changed();
            self.run_due();
        }
    }

    fn text_of(&self, path: &Path) -> Option<String> {
        self.docs
            .get(path)
            .cloned()
            .or_else(|| std::fs::read_to_string(path).ok())
    }

    /// The checks a change to the file at `path` calls for.
    fn checks_for(&self, path: &Path) -> Vec<PathBuf> {
        if is_claims(path) {
            return vec![path.to_path_buf()];
        }
        if is_draft(path) {
            let naming = self.ws.claims_naming(path);
            if !naming.is_empty() {
                return naming;
            }
            if self.ws.sources_folder().is_dir() && !path.starts_with(self.ws.sources_folder()) {
                return vec![path.to_path_buf()];
            }
        }
        Vec::new()
    }

    fn schedule(&mut self, path: &Path, after: Duration) {
        let at = Instant::now() + after;
        for key in self.checks_for(path) {
            self.due.insert(key, at);
        }
    }

    fn notification(&mut self, note: Notification) {
        let p = &note.params;
        let path = p["textDocument"]["uri"].as_str().and_then(position::path);
        match (note.method.as_str(), path) {
            ("textDocument/didOpen", Some(path)) => {
                let text = p["textDocument"]["text"].as_str().unwrap_or("").to_string();
                self.docs.insert(path.clone(), text);
                self.schedule(&path, Duration::ZERO);
            }
            ("textDocument/didChange", Some(path)) => {
                // Full sync: the last change holds the whole text.
                if let Some(text) = p["contentChanges"]
                    .as_array()
                    .and_then(|c| c.last())
                    .and_then(|c| c["text"].as_str())
                {
                    self.docs.insert(path.clone(), text.to_string());
                }
                // A draft a claims file names is read as saved.
                if is_claims(&path) || self.ws.claims_naming(&path).is_empty() {
                    self.schedule(&path, DEBOUNCE);
                }
            }
            ("textDocument/didSave", Some(path)) => {
                self.schedule(&path, Duration::ZERO);
                self.recheck_citing(&path);
            }
            ("textDocument/didClose", Some(path)) => {
                self.docs.remove(&path);
            }
            ("workspace/didChangeWatchedFiles", _) => {
                for change in p["changes"].as_array().into_iter().flatten() {
                    if let Some(path) = change["uri"].as_str().and_then(position::path) {
                        self.recheck_citing(&path);
                    }
                }
            }
            _ => {}
        }
    }

    /// Re-check the claims files whose sources include `path`.
    fn recheck_citing(&mut self, path: &Path) {
        let citing: Vec<PathBuf> = self
            .checked
            .iter()
            .filter(|(_, c)| {
                c.set
                    .as_ref()
                    .is_some_and(|set| set.read_paths().any(|p| p == path))
            })
            .map(|(k, _)| k.clone())
            .collect();
        for key in citing {
            self.due.insert(key, Instant::now());
        }
    }

    /// Sources changed on disk (the watcher): re-check what cites them.
    fn sources_changed(&mut self) {
        let mut changed = BTreeSet::new();
        while let Ok(event) = self.changes.try_recv() {
            if let Ok(event) = event {
                if !event.kind.is_access() {
                    changed.extend(event.paths);
                }
            }
        }
        for path in changed {
            self.recheck_citing(&path);
        }
    }

    fn run_due(&mut self) {
        let now = Instant::now();
        let ready: Vec<PathBuf> = self
            .due
            .iter()
            .filter(|(_, at)| **at <= now)
            .map(|(k, _)| k.clone())
            .collect();
        for key in ready {
            self.due.remove(&key);
            self.check(&key);
        }
    }

    fn check(&mut self, key: &Path) {
        let Some(text) = self.text_of(key) else {
            return;
        };
        let checked = if is_claims(key) {
            self.ws.check_claims(key, &text)
        } else {
            self.ws.check_draft(key, &text)
        };
        self.watch_sources(&checked);
        let now = replies::publish(self, key, &checked);
        let before = self
            .published
            .insert(key.to_path_buf(), now.clone())
            .unwrap_or_default();
        for gone in before.difference(&now) {
            self.notify(
                "textDocument/publishDiagnostics",
                json!({"uri": position::uri(gone), "diagnostics": []}),
            );
        }
        self.checked.insert(key.to_path_buf(), checked);
    }

    /// Watch the folders of a check's sources, so that an edit to one
    /// re-checks the claims citing it.
    fn watch_sources(&mut self, checked: &Checked) {
        let Some(set) = &checked.set else { return };
        let Some(watcher) = self.watcher.as_mut() else {
            return;
        };
        for path in set.read_paths() {
            if let Some(dir) = path.parent() {
                if self.watched.insert(dir.to_path_buf()) {
                    let _ = watcher.watch(dir, RecursiveMode::NonRecursive);
                }
            }
        }
    }

    fn notify(&self, method: &str, params: Value) {
        let _ = self
            .connection
            .sender
            .send(Message::Notification(Notification::new(
                method.to_string(),
                params,
            )));
    }

    fn request(&mut self, req: Request) {
        let result = replies::answer(self, &req.method, &req.params);
        let _ = self
            .connection
            .sender
            .send(Message::Response(Response::new_ok(req.id, result)));
    }
}
