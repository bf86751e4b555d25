//! `verbatim lsp` as an editor runs it: a child process spoken to in
//! JSON-RPC over its standard input and output.

use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

struct Client {
    child: Child,
    stdin: ChildStdin,
    messages: mpsc::Receiver<Value>,
    next_id: u64,
    root: PathBuf,
}

fn read_message(reader: &mut impl BufRead) -> Option<Value> {
    let mut length = 0;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(n) = line.strip_prefix("Content-Length: ") {
            length = n.parse().ok()?;
        }
    }
    let mut body = vec![0; length];
    reader.read_exact(&mut body).ok()?;
    serde_json::from_slice(&body).ok()
}

pub fn uri(path: &Path) -> String {
    let mut out = String::from("file://");
    for b in path.to_string_lossy().bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

impl Client {
    fn start(root: &Path) -> Client {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_verbatim"))
            .current_dir(root)
            .arg("lsp")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap();
        let stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, messages) = mpsc::channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            while let Some(message) = read_message(&mut reader) {
                if tx.send(message).is_err() {
                    break;
                }
            }
        });
        let mut client = Client {
            child,
            stdin,
            messages,
            next_id: 1,
            root: root.to_path_buf(),
        };
        let id = client.request(
            "initialize",
            json!({"rootUri": uri(root), "capabilities": {}}),
        );
        let init = client.response(id);
        assert_eq!(init["result"]["capabilities"]["hoverProvider"], true);
        client.notify("initialized", json!({}));
        client
    }

    fn send(&mut self, message: Value) {
        let body = message.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        self.stdin.flush().unwrap();
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    fn request(&mut self, method: &str, params: Value) -> u64 {
        let id = self.next_id;
        self.next_id += 1;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        id
    }

    /// The next message that `wanted` accepts, skipping others.
    fn wait(&self, what: &str, timeout: Duration, wanted: impl Fn(&Value) -> bool) -> Value {
        let end = Instant::now() + timeout;
        loop {
            let left = end.saturating_duration_since(Instant::now());
            match self.messages.recv_timeout(left) {
                Ok(m) if wanted(&m) => return m,
                Ok(_) => {}
                Err(_) => panic!("no {what} within {timeout:?}"),
            }
        }
    }

    fn response(&self, id: u64) -> Value {
        self.wait("response", Duration::from_secs(30), |m| m["id"] == id)
    }

    fn ask(&mut self, method: &str, params: Value) -> Value {
        let id = self.request(method, params);
        self.response(id)["result"].clone()
    }

    /// The diagnostics next published for `path`.
    fn diagnostics(&self, path: &Path, timeout: Duration) -> Vec<Value> {
        let want = uri(path);
        let m = self.wait("diagnostics", timeout, |m| {
            m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == want
        });
        m["params"]["diagnostics"].as_array().unwrap().clone()
    }

    fn open(&mut self, path: &Path, text: &str) {
        let language = if path.extension().is_some_and(|e| e == "md") {
            "markdown"
        } else {
            "yaml"
        };
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri(path), "languageId": language, "version": 1, "text": text}}),
        );
    }

    fn change(&mut self, path: &Path, version: u32, text: &str) {
        self.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri(path), "version": version},
                   "contentChanges": [{"text": text}]}),
        );
    }

    fn stop(mut self) {
        let id = self.request("shutdown", Value::Null);
        self.response(id);
        self.notify("exit", Value::Null);
        let status = self.child.wait().unwrap();
        assert!(status.success(), "the server exits cleanly: {status}");
        let _ = self.root;
    }
}

/// A byte offset as an LSP position (the claims files here are
/// single-byte up to the quotes used, and BMP text elsewhere).
fn position(text: &str, offset: usize) -> Value {
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let line = text[..line_start].matches('\n').count();
    let character: usize = text[line_start..offset].chars().map(char::len_utf16).sum();
    json!({"line": line, "character": character})
}

/// Apply an LSP text edit (ranges in UTF-16 units) to `text`.
fn apply(text: &str, edit: &Value) -> String {
    let offset_of = |p: &Value| {
        let (line, character) = (
            p["line"].as_u64().unwrap() as usize,
            p["character"].as_u64().unwrap() as usize,
        );
        let start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
        let mut units = 0;
        for (i, c) in text[start..].char_indices() {
            if units >= character {
                return start + i;
            }
            units += c.len_utf16();
        }
        text.len()
    };
    let (s, e) = (
        offset_of(&edit["range"]["start"]),
        offset_of(&edit["range"]["end"]),
    );
    format!(
        "{}{}{}",
        &text[..s],
        edit["newText"].as_str().unwrap(),
        &text[e..]
    )
}

fn demo() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = crate::common::root();
    for folder in ["claims", "sources", "drafts"] {
        crate::common::copy_tree(&root.join(folder), &dir.path().join(folder));
    }
    dir
}

fn codes(diagnostics: &[Value]) -> Vec<(u64, String)> {
    let mut out: Vec<(u64, String)> = diagnostics
        .iter()
        .map(|d| {
            (
                d["range"]["start"]["line"].as_u64().unwrap() + 1,
                d["code"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    out.sort();
    out
}

#[test]
fn the_language_server_checks_as_the_writer_types() {
    let dir = demo();
    let root = std::fs::canonicalize(dir.path()).unwrap();
    let claims = root.join("claims/border.yaml");
    let mut text = std::fs::read_to_string(&claims).unwrap();
    let mut client = Client::start(&root);
    client.open(&claims, &text);
    let first = client.diagnostics(&claims, Duration::from_secs(60));

    // The same findings as `verbatim check --format json`, at the same lines.
    let (report, _) = crate::common::json_report(&root, &["claims/border.yaml"]);
    let mut expected: Vec<(u64, String)> = report["claims"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|c| c["findings"].as_array().unwrap().clone())
        .filter(|f| f["claim"]["file"] == "claims/border.yaml")
        .map(|f| {
            (
                f["claim"]["line"].as_u64().unwrap(),
                f["kind"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    expected.sort();
    assert_eq!(codes(&first), expected);
    let misquote = first.iter().find(|d| d["code"] == "misquote").unwrap();
    assert!(
        !misquote["relatedInformation"]
            .as_array()
            .unwrap()
            .is_empty(),
        "the source passage is related"
    );

    // Fix a quote by typing: its misquote goes.
    let wrong = "if there’s a credible threat";
    let line_of = |t: &str, s: &str| t[..t.find(s).unwrap()].matches('\n').count() as u64 + 1;
    let fixed_line = line_of(&text, wrong);
    assert!(codes(&first).contains(&(fixed_line, "misquote".into())));
    text = text.replace(wrong, "if there’s a credible and imminent threat");
    let typed = Instant::now();
    client.change(&claims, 2, &text);
    let after = client.diagnostics(&claims, Duration::from_secs(60));
    let latency = typed.elapsed();
    assert!(
        !codes(&after).contains(&(fixed_line, "misquote".into())),
        "{:?}",
        codes(&after)
    );
    assert_eq!(after.len(), first.len() - 1);
    eprintln!("demo: edit to diagnostics in {} ms", latency.as_millis());

    // Hover on a quote shows its source passage.
    let quote_at = text
        .find("it is the closest security cooperation we had ever")
        .unwrap();
    let hover = client.ask(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri(&claims)}, "position": position(&text, quote_at + 5)}),
    );
    let shown = hover["contents"]["value"].as_str().unwrap();
    assert!(
        shown.contains("**Source**") && shown.contains("we have ever"),
        "{shown}"
    );

    // Go to definition: the quote's passage in its source file.
    let target = client.ask(
        "textDocument/definition",
        json!({"textDocument": {"uri": uri(&claims)}, "position": position(&text, quote_at + 5)}),
    );
    assert_eq!(
        target["uri"],
        uri(&root.join("sources/msn-friend-neighbor-military-target.txt"))
    );

    // The code action quotes the source; applied, the misquote goes.
    let actions = client.ask(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri(&claims)},
               "range": {"start": position(&text, quote_at), "end": position(&text, quote_at)},
               "context": {"diagnostics": []}}),
    );
    let quote_fix = actions
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["title"].as_str().unwrap().starts_with("Quote the source"))
        .unwrap_or_else(|| panic!("no fix in {actions}"));
    let edits = &quote_fix["edit"]["changes"][uri(&claims)];
    text = apply(&text, &edits[0]);
    assert!(
        text.contains("      - it is the closest security cooperation we have ever\n"),
        "the quote now reads as the source's passage"
    );
    client.change(&claims, 3, &text);
    let fixed = client.diagnostics(&claims, Duration::from_secs(60));
    assert_eq!(fixed.len(), after.len() - 1, "{:?}", codes(&fixed));
    let accept = actions.as_array().unwrap().iter().any(|a| {
        a["title"]
            .as_str()
            .unwrap()
            .starts_with("Accept this misquote")
    });
    assert!(accept, "an accept entry is offered");

    // A claims file broken while typed: its YAML error is a diagnostic, and
    // the server goes on answering.
    client.change(&claims, 4, &text.replace("claims:\n", "claims: [\n"));
    let broken = client.diagnostics(&claims, Duration::from_secs(60));
    assert!(
        broken.iter().any(|d| d["code"] == "invalid-input"),
        "{broken:?}"
    );
    let none = client.ask(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri(&claims)}, "position": {"line": 0, "character": 0}}),
    );
    assert!(none.is_null());
    client.stop();
}

#[test]
fn a_draft_gets_its_unclaimed_quotations_and_a_fix_adding_a_claim() {
    let dir = demo();
    let root = std::fs::canonicalize(dir.path()).unwrap();
    let draft = root.join("drafts/mexico-red-line.md");
    let claims = root.join("claims/red-line.yaml");
    let text = std::fs::read_to_string(&draft).unwrap();
    let mut client = Client::start(&root);
    client.open(&draft, &text);
    let found = client.diagnostics(&draft, Duration::from_secs(60));
    let unclaimed = found
        .iter()
        .find(|d| d["code"] == "unclaimed-quote")
        .unwrap_or_else(|| panic!("{found:?}"));
    let actions = client.ask(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri(&draft)}, "range": unclaimed["range"], "context": {"diagnostics": []}}),
    );
    let add = actions
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["title"] == "Add a claim for this quotation")
        .unwrap_or_else(|| panic!("{actions}"));
    let edit = &add["edit"]["changes"][uri(&claims)][0];
    let claims_text = apply(&std::fs::read_to_string(&claims).unwrap(), edit);
    std::fs::write(&claims, &claims_text).unwrap();
    client.notify(
        "textDocument/didSave",
        json!({"textDocument": {"uri": uri(&claims)}}),
    );
    let after = client.diagnostics(&draft, Duration::from_secs(60));
    assert!(
        after.iter().all(|d| d["code"] != "unclaimed-quote"),
        "{after:?}"
    );
    client.stop();
}

/// Latency on a large project (the benchmark's 2,000 claims over 52 MB):
/// `VERBATIM_LSP_PROJECT=DIR cargo test --release --test it lsp_latency --
/// --ignored --nocapture`, DIR holding `claims/*.yaml` and their sources.
#[test]
#[ignore = "needs a large project: set VERBATIM_LSP_PROJECT"]
fn lsp_latency_on_a_large_project() {
    let Some(dir) = std::env::var_os("VERBATIM_LSP_PROJECT") else {
        return;
    };
    let root = std::fs::canonicalize(dir).unwrap();
    let claims = std::fs::read_dir(root.join("claims"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "yaml"))
        .unwrap();
    let mut text = std::fs::read_to_string(&claims).unwrap();
    let mut client = Client::start(&root);
    let opened = Instant::now();
    client.open(&claims, &text);
    let first = client.diagnostics(&claims, Duration::from_secs(600));
    eprintln!(
        "first check: {} diagnostics in {} ms",
        first.len(),
        opened.elapsed().as_millis()
    );
    for round in 0..3 {
        // Change one word of the first quote, as a writer would.
        let at = text.find("quote: ").unwrap() + "quote: ".len() + 1;
        let end = at + text[at..].find(' ').unwrap();
        let word = if round % 2 == 0 { "Zzyzx" } else { "Qwerty" };
        text.replace_range(at..end, word);
        let typed = Instant::now();
        client.change(&claims, round + 2, &text);
        let after = client.diagnostics(&claims, Duration::from_secs(600));
        eprintln!(
            "edit {round}: {} diagnostics {} ms after the edit",
            after.len(),
            typed.elapsed().as_millis()
        );
    }
    client.stop();
}

/// A source edited on disk re-checks the claims citing it, unasked; a
/// source's declaration offers to pin the sources.
#[test]
fn a_changed_source_rechecks_the_claims_citing_it() {
    let dir = demo();
    let root = std::fs::canonicalize(dir.path()).unwrap();
    let claims = root.join("claims/border.yaml");
    let text = std::fs::read_to_string(&claims).unwrap();
    let mut client = Client::start(&root);
    client.open(&claims, &text);
    let first = client.diagnostics(&claims, Duration::from_secs(60));
    let source = root.join("sources/troops-push-backlash.txt");
    let printed = std::fs::read_to_string(&source).unwrap();
    std::fs::write(
        &source,
        printed.replace("credible and imminent threat", "credible threat"),
    )
    .unwrap();
    let after = client.diagnostics(&claims, Duration::from_secs(10));
    assert_eq!(after.len(), first.len() - 1, "{:?}", codes(&after));

    let declaration = text.find("  atlantic:").unwrap() + 2;
    let actions = client.ask(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri(&claims)},
               "range": {"start": position(&text, declaration), "end": position(&text, declaration)},
               "context": {"diagnostics": []}}),
    );
    let pin = actions
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["title"].as_str().unwrap().starts_with("Pin the sources"))
        .unwrap_or_else(|| panic!("{actions}"));
    let pinned = apply(&text, &pin["edit"]["changes"][uri(&claims)][0]);
    assert!(pinned.contains("    sha256: "), "{pinned}");
    client.stop();
}
