//! Rendered reports on a small fixture, as a reader sees them.

use assert_cmd::Command;
use std::path::Path;

fn render(format: &str) -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/basic");
    let out = Command::cargo_bin("verbatim")
        .unwrap()
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .args(["check", "--format", format])
        .output()
        .unwrap();
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn human_report() {
    insta::assert_snapshot!("human", render("human"));
}

#[test]
fn json_report() {
    insta::assert_snapshot!("json", render("json"));
}

#[test]
fn human_invalid_input() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("bad.yaml"),
        "sources:\n  s: s.txt\nclaims:\n  - source: t\n    qoute: x\n",
    )
    .unwrap();
    let out = Command::cargo_bin("verbatim")
        .unwrap()
        .current_dir(dir.path())
        .env("NO_COLOR", "1")
        .args(["check", "bad.yaml"])
        .output()
        .unwrap();
    insta::assert_snapshot!("invalid", String::from_utf8(out.stderr).unwrap());
}
