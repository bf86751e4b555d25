//! The trust boundary (SPEC §3, "the project root"): a claims file, a
//! configuration or a symlink in a pull request never makes a run read,
//! or print, a file outside the project.

use crate::common::{run, verbatim};
use std::path::Path;

const SECRET: &str = "-----BEGIN OPENSSH PRIVATE KEY----- b3BlbnNzaC1rZXktdjEAAAAA";

/// A project folder inside a parent holding a secret file.
fn project() -> (tempfile::TempDir, std::path::PathBuf) {
    let parent = tempfile::tempdir().unwrap();
    std::fs::write(
        parent.path().join("id_ed25519"),
        format!("{SECRET}\nmore secret words here\n"),
    )
    .unwrap();
    let root = parent.path().join("project");
    std::fs::create_dir_all(root.join("claims")).unwrap();
    std::fs::create_dir_all(root.join("sources")).unwrap();
    std::fs::write(
        root.join("sources/s.txt"),
        "We will not send troops, the minister said.\n",
    )
    .unwrap();
    (parent, root)
}

fn claims(source: &str, extra: &str) -> String {
    format!("{extra}sources:\n  s: {source}\nclaims:\n  - {{id: c, source: s, quote: we will not send the secret words}}\n")
}

/// Exit 2, the refusal named, and nothing of the secret printed.
fn refused(root: &Path, args: &[&str]) {
    let out = verbatim(root).args(args).output().unwrap();
    let text =
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{text}");
    assert!(text.contains("outside the project root"), "{text}");
    assert!(
        !text.contains("PRIVATE KEY") && !text.contains("secret words here"),
        "{text}"
    );
}

#[test]
fn a_source_outside_the_root_is_an_input_error() {
    let (_parent, root) = project();
    std::fs::write(root.join("claims/c.yaml"), claims("../../id_ed25519", "")).unwrap();
    refused(&root, &["check"]);
    std::fs::write(root.join("claims/c.yaml"), claims("/etc/passwd", "")).unwrap();
    refused(&root, &["check", "--format", "json"]);
}

#[cfg(unix)]
#[test]
fn a_symlink_leading_out_is_an_input_error() {
    let (parent, root) = project();
    let secret = parent.path().join("id_ed25519");
    std::os::unix::fs::symlink(&secret, root.join("sources/key.txt")).unwrap();
    std::fs::write(root.join("claims/c.yaml"), claims("../sources/key.txt", "")).unwrap();
    refused(&root, &["check"]);
    // A claims file that is a link to the key: never read, not even for a
    // YAML error's snippet.
    std::fs::remove_file(root.join("claims/c.yaml")).unwrap();
    std::os::unix::fs::symlink(&secret, root.join("claims/x.yaml")).unwrap();
    refused(&root, &["check"]);
}

#[test]
fn a_draft_outside_the_root_is_an_input_error() {
    let (_parent, root) = project();
    let text = claims("../sources/s.txt", "draft: ../../id_ed25519\n");
    std::fs::write(root.join("claims/c.yaml"), text).unwrap();
    refused(&root, &["check"]);
}

#[test]
fn configured_claims_paths_outside_the_root_are_refused() {
    let (_parent, root) = project();
    std::fs::write(root.join("claims/c.yaml"), claims("../sources/s.txt", "")).unwrap();
    std::fs::write(root.join("verbatim.toml"), "[paths]\nclaims = [\"/\"]\n").unwrap();
    refused(&root, &["check"]);
    refused(&root, &["pin"]);
}

#[test]
fn an_extra_root_in_the_configuration_allows_a_folder() {
    let (parent, root) = project();
    let shared = parent.path().join("archive");
    std::fs::create_dir_all(&shared).unwrap();
    std::fs::write(shared.join("a.txt"), "We will not send troops.\n").unwrap();
    let text = "sources:\n  a: ../../archive/a.txt\nclaims:\n  - {id: c, source: a, quote: we will not send troops}\n";
    std::fs::write(root.join("claims/c.yaml"), text).unwrap();
    refused(&root, &["check"]);
    std::fs::write(
        root.join("verbatim.toml"),
        "[paths]\nroots = [\"../archive\"]\n",
    )
    .unwrap();
    let (_, code) = run(&root, &["check"]);
    assert_eq!(code, 0);
}

/// A source that tries to forge CI commands and drive the terminal.
fn forged_project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    std::fs::create_dir_all(p.join("claims")).unwrap();
    std::fs::create_dir_all(p.join("sources")).unwrap();
    std::fs::write(
        p.join("sources/s.txt"),
        "Intro words here.\n::warning file=README.md,line=1::all good\n##[error]forged\nwe will not send \u{1b}]52;c;ZXZpbA==\u{7}troops \u{1b}[2J today\n",
    )
    .unwrap();
    std::fs::write(
        p.join("claims/c.yaml"),
        "sources:\n  s: ../sources/s.txt\nclaims:\n  - id: \"odd\\u0001id\\uFFFF\"\n    source: s\n    quote: \"::warning file=README.md,line=1::all bad\"\n  - id: b\n    source: s\n    quote: we will never send troops today\n",
    )
    .unwrap();
    dir
}

#[test]
fn no_format_prints_what_a_terminal_or_runner_would_execute() {
    let dir = forged_project();
    for format in ["human", "github", "junit", "sarif", "json"] {
        let out = verbatim(dir.path())
            .args(["check", "--format", format])
            .env("GITHUB_STEP_SUMMARY", dir.path().join("summary.md"))
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout).to_string()
            + &String::from_utf8_lossy(&out.stderr);
        assert!(
            !text.contains('\u{1b}') && !text.contains('\u{7}'),
            "{format}: {text}"
        );
        let commands: Vec<&str> = text
            .lines()
            .filter(|l| l.trim_start().starts_with("::") || l.trim_start().starts_with("##["))
            .collect();
        if format == "github" {
            // Only the report's own annotations, each about a claim.
            assert!(
                commands.iter().all(|l| l.contains("title=verbatim")),
                "{commands:?}"
            );
        } else {
            assert!(commands.is_empty(), "{format}: {commands:?}");
        }
        if format == "junit" {
            let mut reader = quick_xml::Reader::from_str(&text);
            loop {
                match reader.read_event() {
                    Ok(quick_xml::events::Event::Eof) => break,
                    Ok(_) => {}
                    Err(e) => panic!("junit is not XML: {e}\n{text}"),
                }
            }
        }
    }
    let summary = std::fs::read_to_string(dir.path().join("summary.md")).unwrap();
    assert!(!summary.contains('\u{1}'), "{summary}");
}

#[test]
fn sarif_uris_are_percent_encoded() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    std::fs::create_dir_all(p.join("my claims")).unwrap();
    std::fs::write(p.join("a b.txt"), "We will not send troops.\n").unwrap();
    std::fs::write(
        p.join("my claims/c #1.yaml"),
        "sources:\n  s: \"../a b.txt\"\nclaims:\n  - {id: c, source: s, quote: we will never send troops}\n",
    )
    .unwrap();
    let (text, _) = run(p, &["check", "my claims", "--format", "sarif"]);
    assert!(
        text.contains("\"uri\": \"my%20claims/c%20%231.yaml\""),
        "{text}"
    );
    assert!(text.contains("\"uri\": \"a%20b.txt\""), "{text}");
}

/// An invalid claims file's diagnostic shows the lines around the problem,
/// cropped on a huge line, never the whole file.
#[test]
fn a_diagnostic_echoes_only_the_lines_around_the_problem() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    std::fs::create_dir_all(p.join("claims")).unwrap();
    let long = "x".repeat(100_000);
    let secret_lines = "# secret line one\n# secret line two\n# secret line three\n\n";
    let text = format!(
        "{secret_lines}sources:\n  s: s.txt\nclaims:\n  - {{source: s, quote: \"{long}\", qoute: y}}\n\n{secret_lines}"
    );
    std::fs::write(p.join("claims/c.yaml"), text).unwrap();
    let out = verbatim(p).arg("check").output().unwrap();
    let shown = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{shown}");
    assert!(shown.contains("c.yaml:8:"), "{shown}");
    assert!(shown.len() < 3_000, "{} bytes shown", shown.len());
    assert!(!shown.contains("secret line one"), "{shown}");
}
