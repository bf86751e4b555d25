//! The binary on fixture claims: verdicts, spans, exit codes, output files
//! and determinism. (Invalid input is covered by the cases in tests/cases.)

use crate::common::{fixture, json_report, kinds, verbatim};
use predicates::prelude::*;

#[test]
fn verdicts_on_the_basic_fixture() {
    let (report, code) = json_report(&fixture("basic"), &[]);
    assert_eq!(code, 1, "errors exit 1");
    assert_eq!(kinds(&report, "exact"), Vec::<String>::new());
    assert_eq!(kinds(&report, "curly"), ["typography"]);
    assert_eq!(kinds(&report, "changed"), ["misquote"]);
    assert_eq!(kinds(&report, "elsewhere"), ["wrong-source"]);
    assert_eq!(kinds(&report, "absent"), ["not-found"]);
    assert_eq!(report["summary"]["claims"], 5);
    assert_eq!(report["summary"]["fail"], 3);
}

#[test]
fn spans_point_at_the_real_bytes() {
    let dir = fixture("basic");
    let (report, _) = json_report(&dir, &[]);
    for claim in report["claims"].as_array().unwrap() {
        for f in claim["findings"].as_array().unwrap() {
            if let Some(source) = f["source"].as_object() {
                let raw = std::fs::read(dir.join(source["path"].as_str().unwrap())).unwrap();
                let start = source["offset"].as_u64().unwrap() as usize;
                let len = source["length"].as_u64().unwrap() as usize;
                assert_eq!(
                    String::from_utf8_lossy(&raw[start..start + len]),
                    f["expected"].as_str().unwrap()
                );
            }
            let span = f["claim"].as_object().unwrap();
            let raw = std::fs::read(dir.join(span["file"].as_str().unwrap())).unwrap();
            let start = span["offset"].as_u64().unwrap() as usize;
            assert!(start + span["length"].as_u64().unwrap() as usize <= raw.len());
        }
    }
}

#[test]
fn a_passing_run_exits_0() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("claims")).unwrap();
    std::fs::copy(
        fixture("basic/sources/speech.txt"),
        dir.path().join("speech.txt"),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("claims/ok.yaml"),
        "sources:\n  s: ../speech.txt\nclaims:\n  - source: s\n    quote: we cooperate, we collaborate\n",
    )
    .unwrap();
    verbatim(dir.path())
        .arg("check")
        .assert()
        .code(0)
        .stdout(predicate::str::contains("1 claim: 1 pass, 0 warn, 0 fail"));
}

#[test]
fn warnings_fail_only_with_deny_warnings() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("claims")).unwrap();
    std::fs::copy(
        fixture("basic/sources/speech.txt"),
        dir.path().join("speech.txt"),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("claims/typo.yaml"),
        "sources:\n  s: ../speech.txt\nclaims:\n  - source: s\n    quote: We cooperate, we colaborate, but there will be no invasion\n",
    )
    .unwrap();
    verbatim(dir.path()).arg("check").assert().code(0);
    verbatim(dir.path())
        .args(["check", "--deny", "warnings"])
        .assert()
        .code(1);
}

#[test]
fn output_is_written_to_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report.json");
    verbatim(&fixture("basic"))
        .args(["check", "--format", "json", "--output"])
        .arg(&out)
        .assert()
        .code(1)
        .stdout("");
    let report: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(report["schema"], 1);
}

#[test]
fn the_same_bytes_for_any_number_of_threads() {
    let dir = fixture("basic");
    let run = |j: &str| {
        verbatim(&dir)
            .args(["check", "--format", "json", "-j", j])
            .output()
            .unwrap()
            .stdout
    };
    let one = run("1");
    assert_eq!(one, run("2"));
    assert_eq!(one, run("7"));
}

#[test]
fn missing_and_unreadable_sources_are_findings() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("claims")).unwrap();
    std::fs::create_dir_all(dir.path().join("folder.txt")).unwrap();
    std::fs::write(dir.path().join("bad.txt"), b"caf\xe9 latin-1").unwrap();
    std::fs::write(dir.path().join("good.txt"), "The exact words are here.").unwrap();
    std::fs::write(
        dir.path().join("claims/s.yaml"),
        concat!(
            "sources:\n  gone: ../nope.txt\n  dir: ../folder.txt\n  bad: ../bad.txt\n",
            "  pinned:\n    path: ../good.txt\n    sha256: 0000000000000000000000000000000000000000000000000000000000000000\n",
            "claims:\n",
            "  - {id: m, source: gone, quote: anything}\n",
            "  - {id: d, source: dir, quote: anything}\n",
            "  - {id: b, source: bad, quote: anything}\n",
            "  - {id: p, source: pinned, quote: the exact words are here}\n",
        ),
    )
    .unwrap();
    let (report, code) = json_report(dir.path(), &[]);
    assert_eq!(code, 1);
    assert_eq!(kinds(&report, "m"), ["source-missing"]);
    assert_eq!(kinds(&report, "d"), ["source-unreadable"]);
    assert_eq!(kinds(&report, "b"), ["source-unreadable"]);
    assert_eq!(kinds(&report, "p"), ["source-changed"]);
}

#[test]
fn usage_errors_exit_2() {
    verbatim(&fixture("basic"))
        .args(["check", "--format", "xml"])
        .assert()
        .code(2);
    verbatim(&fixture("basic"))
        .args(["check", "no-such-folder"])
        .assert()
        .code(2);
}

/// `verbatim figures … | head -1`: a reader closing the pipe early ends
/// verbatim quietly, as it ends grep (SPEC §5).
#[test]
fn a_closed_pipe_ends_quietly() {
    use std::io::{BufRead, BufReader};
    let dir = tempfile::tempdir().unwrap();
    let lines: Vec<String> = (0..50_000)
        .map(|i| format!("About {i} people came to the meeting."))
        .collect();
    std::fs::write(dir.path().join("x.txt"), lines.join("\n")).unwrap();
    let program = verbatim(dir.path()).get_program().to_owned();
    let mut child = std::process::Command::new(program)
        .current_dir(dir.path())
        .args(["figures", "x.txt"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    assert!(first.contains("people"), "{first}");
    // The reader is gone; verbatim must notice and stop, quietly.
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A CRLF source: snippets number its lines right and show no stray
/// carriage return.
#[test]
fn crlf_sources_show_their_lines() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    std::fs::create_dir_all(p.join("claims")).unwrap();
    std::fs::write(
        p.join("s.txt"),
        "First line here.\r\nSecond line here.\r\n\r\nWe will not send troops across the border, the minister said.\r\n",
    )
    .unwrap();
    std::fs::write(
        p.join("claims/c.yaml"),
        "sources:\n  s: ../s.txt\nclaims:\n  - {id: c, source: s, quote: we will never send troops across the border}\n",
    )
    .unwrap();
    let out = verbatim(p).arg("check").output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("[s.txt:4:1]"), "{text}");
    assert!(
        text.contains("4 │ We will not send troops across the border, the minister said.\n"),
        "{text}"
    );
}

/// Shell completions and the manual page are generated from the command
/// line's own definition.
#[test]
fn completions_and_the_manual_page_are_generated() {
    let dir = tempfile::tempdir().unwrap();
    for (shell, marker) in [
        ("bash", "_verbatim()"),
        ("zsh", "#compdef verbatim"),
        ("fish", "complete -c verbatim"),
        ("powershell", "Register-ArgumentCompleter"),
    ] {
        let out = verbatim(dir.path())
            .args(["completions", shell])
            .output()
            .unwrap();
        let script = String::from_utf8_lossy(&out.stdout);
        assert_eq!(out.status.code(), Some(0), "{shell}");
        assert!(script.contains(marker), "{shell}: {script}");
        assert!(script.contains("staged"), "{shell} completes check's flags");
    }
    let out = verbatim(dir.path()).arg("man").output().unwrap();
    let page = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0));
    assert!(page.contains(".TH verbatim 1"), "{page}");
    assert!(page.contains("check"), "{page}");
    verbatim(dir.path())
        .args(["completions", "tcsh"])
        .assert()
        .code(2);
}

/// `--quiet` drops notes, `--verbose` gives them snippets; `--color`
/// forces colour on or off, and `auto` honours NO_COLOR and FORCE_COLOR.
#[test]
fn quiet_verbose_and_colour() {
    let dir = crate::common::fixture("basic");
    let text = |args: &[&str], env: &[(&str, &str)]| {
        let mut cmd = verbatim(&dir);
        cmd.env_remove("FORCE_COLOR").env_remove("CLICOLOR_FORCE");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let out = cmd.args(args).output().unwrap();
        String::from_utf8_lossy(&out.stdout).to_string()
    };
    let plain = text(&["check"], &[]);
    assert!(plain.contains("note[typography] curly"), "{plain}");
    let quiet = text(&["check", "--quiet"], &[]);
    assert!(
        !quiet.contains("typography") && quiet.contains("misquote"),
        "{quiet}"
    );
    let verbose = text(&["check", "--verbose"], &[]);
    assert!(
        verbose.contains("[typography]") && verbose.contains("the source reads"),
        "{verbose}"
    );
    let ansi = |s: &str| s.contains('\u{1b}');
    assert!(!ansi(&plain), "no colour into a pipe");
    assert!(ansi(&text(&["check", "--color", "always"], &[])));
    assert!(ansi(&text(
        &["check"],
        &[("NO_COLOR", ""), ("FORCE_COLOR", "1")]
    )));
    assert!(!ansi(&text(
        &["check"],
        &[("NO_COLOR", "1"), ("FORCE_COLOR", "1")]
    )));
    assert!(!ansi(&text(
        &["check", "--color", "never"],
        &[("FORCE_COLOR", "1")]
    )));
}
