//! The server's messages: diagnostics published after a check, and the
//! answers to hover, definition and code-action requests, in LSP's JSON.

use super::position::{self, range, range_of_columns, Lines};
use super::Server;
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use verbatim::editor::{self, Checked, Edit};
use verbatim::files::paths;
use verbatim::model::{Kind, Report, Severity};

impl Server<'_> {
    fn display(&self, path: &Path) -> String {
        paths::display(path, &self.ws.root)
    }

    fn full(&self, display: &str) -> PathBuf {
        paths::normalize(&self.ws.root.join(display))
    }

    /// The text of a file a report names: the open buffer, the claims
    /// file the report holds, or the file on disk.
    fn text_for(&self, report: &Report, display: &str) -> String {
        let full = self.full(display);
        let held = report.files.iter().find(|(name, _)| name == display);
        match held {
            Some((_, text)) if !self.docs.contains_key(&full) => text.to_string(),
            _ => self.text_of(&full).unwrap_or_default(),
        }
    }

    /// The check whose report covers the file shown as `display`.
    fn check_of(&self, display: &str) -> Option<&Checked> {
        let full = self.full(display);
        self.checked.get(&full).or_else(|| {
            self.checked.values().find(|c| {
                c.report.claims.iter().any(|r| r.file == display)
                    || c.report
                        .unclaimed
                        .iter()
                        .any(|u| u.source.as_ref().is_some_and(|s| s.path == display))
            })
        })
    }
}

fn severity(s: Severity) -> u8 {
    match s {
        Severity::Error => 1,
        Severity::Warning => 2,
        _ => 3,
    }
}

/// Publish a check's diagnostics, file by file; the files published.
pub(super) fn publish(server: &Server, key: &Path, checked: &Checked) -> BTreeSet<PathBuf> {
    let mut by_file: BTreeMap<String, Vec<Value>> = BTreeMap::new();
    // The checked file always gets its list, empty when all is well.
    by_file.insert(server.display(key), Vec::new());
    let diagnostics = editor::diagnostics(&checked.report);
    let files: BTreeSet<&str> = diagnostics.iter().map(|d| d.file.as_str()).collect();
    let texts: BTreeMap<&str, String> = files
        .into_iter()
        .map(|f| (f, server.text_for(&checked.report, f)))
        .collect();
    let lines: BTreeMap<&str, Lines> = texts.iter().map(|(f, t)| (*f, Lines::new(t))).collect();
    for d in &diagnostics {
        let Some(at) = lines.get(d.file.as_str()) else {
            continue;
        };
        let related: Vec<Value> = d
            .related
            .iter()
            .map(|span| {
                let (end_line, end_column) = span.end();
                json!({
                    "location": {
                        "uri": position::uri(&server.full(&span.path)),
                        "range": range_of_columns(span.line, span.column, end_line, end_column),
                    },
                    "message": format!("the source: {}", collapse(&span.text)),
                })
            })
            .collect();
        by_file.entry(d.file.clone()).or_default().push(json!({
            "range": at.range(d.offset, d.length),
            "severity": severity(d.severity),
            "code": d.code,
            "source": "verbatim",
            "message": d.message,
            "relatedInformation": related,
        }));
    }
    let mut published = BTreeSet::new();
    for (file, diagnostics) in by_file {
        let full = server.full(&file);
        server.notify(
            "textDocument/publishDiagnostics",
            json!({"uri": position::uri(&full), "diagnostics": diagnostics}),
        );
        published.insert(full);
    }
    published
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The answer to a request (`null` when there is nothing to say).
pub(super) fn answer(server: &Server, method: &str, params: &Value) -> Value {
    let Some(path) = params["textDocument"]["uri"]
        .as_str()
        .and_then(position::path)
    else {
        return Value::Null;
    };
    let display = server.display(&path);
    let Some(checked) = server.check_of(&display) else {
        return Value::Null;
    };
    let text = server.text_for(&checked.report, &display);
    match method {
        "textDocument/hover" => {
            let at = position::offset(&text, &params["position"]);
            match editor::hover(&checked.report, &display, at) {
                Some(value) => json!({"contents": {"kind": "markdown", "value": value}}),
                None => Value::Null,
            }
        }
        "textDocument/definition" => {
            let at = position::offset(&text, &params["position"]);
            match editor::definition(&checked.report, checked.set.as_ref(), &display, &text, at) {
                Some(t) => json!({
                    "uri": position::uri(&server.full(&t.file)),
                    "range": range_of_columns(t.line, t.column, t.end_line, t.end_column),
                }),
                None => Value::Null,
            }
        }
        "textDocument/codeAction" => {
            let start = position::offset(&text, &params["range"]["start"]);
            let end = position::offset(&text, &params["range"]["end"]);
            code_actions(server, checked, &path, &display, &text, (start, end))
        }
        _ => Value::Null,
    }
}

fn code_actions(
    server: &Server,
    checked: &Checked,
    path: &Path,
    display: &str,
    text: &str,
    span: (usize, usize),
) -> Value {
    // A draft's new claims go to the claims file naming it.
    let claims_file = server.ws.claims_naming(path).into_iter().next().map(|f| {
        (
            server.display(&f),
            server.text_for(&checked.report, &server.display(&f)),
        )
    });
    let mut fixes = editor::fixes(
        &checked.report,
        display,
        text,
        span,
        claims_file.as_ref().map(|(f, t)| (f.as_str(), t.as_str())),
    );
    // Pinning hashes every source: offered on a source's declaration or a
    // `source-changed` finding only.
    let line = text[..span.0.min(text.len())].matches('\n').count() as u32 + 1;
    let on_declaration = checked.set.as_ref().is_some_and(|set| {
        set.declared.iter().any(|d| {
            d.pos.line == line && set.files.get(d.file).is_some_and(|f| f.display == display)
        })
    });
    let changed = editor::diagnostics(&checked.report).iter().any(|d| {
        d.code == Kind::SourceChanged.name()
            && d.file == display
            && d.offset <= span.1
            && span.0 <= d.offset + d.length
    });
    if on_declaration || changed {
        fixes.extend(server.ws.pin_fix(path, text));
    }
    let actions: Vec<Value> = fixes
        .into_iter()
        .map(|fix| {
            let mut changes: BTreeMap<String, Vec<Value>> = BTreeMap::new();
            for Edit {
                file,
                offset,
                length,
                new_text,
            } in fix.edits
            {
                let file_text = server.text_for(&checked.report, &file);
                changes
                    .entry(position::uri(&server.full(&file)))
                    .or_default()
                    .push(json!({"range": range(&file_text, offset, length), "newText": new_text}));
            }
            json!({"title": fix.title, "kind": "quickfix", "edit": {"changes": changes}})
        })
        .collect();
    Value::Array(actions)
}
