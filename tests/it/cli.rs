//! The binary on fixture claims: exit codes, reports, and every kind of
//! invalid input the contract lists.

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

/// One invalid claims file: the exit code is 2, a diagnostic names
/// FILE:LINE:COL, and the message says what is wrong.
fn assert_invalid(yaml: &str, line: u32, words: &[&str]) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("s.txt"), "Some words of the source.").unwrap();
    std::fs::write(dir.path().join("c.yaml"), yaml).unwrap();
    let out = verbatim(dir.path())
        .args(["check", "c.yaml"])
        .output()
        .unwrap();
    let text =
        String::from_utf8_lossy(&out.stderr).to_string() + &String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(2), "{yaml}\n{text}");
    assert!(
        text.contains(&format!("c.yaml:{line}:")),
        "no c.yaml:{line}: in\n{text}"
    );
    for w in words {
        assert!(
            text.to_lowercase().contains(&w.to_lowercase()),
            "no {w:?} in\n{text}"
        );
    }
    // Machine formats still print a document holding the errors.
    let out = verbatim(dir.path())
        .args(["check", "c.yaml", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(!report["errors"].as_array().unwrap().is_empty());
    assert_eq!(report["claims"].as_array().unwrap().len(), 0);
}

const HEAD: &str = "sources:\n  s: s.txt\nclaims:\n";

#[test]
fn invalid_yaml_syntax() {
    assert_invalid(
        &format!("{HEAD}  - id: a\n    source: s\n     quote: x\n"),
        6,
        &["yaml"],
    );
}

#[test]
fn invalid_wrong_type() {
    assert_invalid(
        &format!("{HEAD}  - source: s\n    quote: {{a: b}}\n"),
        5,
        &["string"],
    );
}

#[test]
fn invalid_unknown_key_with_suggestion() {
    assert_invalid(
        &format!("{HEAD}  - source: s\n    qoute: x\n"),
        5,
        &["unknown key", "did you mean `quote`"],
    );
}

#[test]
fn invalid_undeclared_source() {
    assert_invalid(
        &format!("{HEAD}  - source: t\n    quote: x\n"),
        4,
        &["`t`", "not declared"],
    );
}

#[test]
fn invalid_duplicate_id() {
    assert_invalid(
        &format!("{HEAD}  - {{id: a, source: s, quote: x}}\n  - {{id: a, source: s, quote: y}}\n"),
        5,
        &["duplicate"],
    );
}

#[test]
fn invalid_empty_quote() {
    assert_invalid(
        &format!("{HEAD}  - source: s\n    quote: \"“ ”\"\n"),
        5,
        &["empty"],
    );
}

#[test]
fn invalid_nothing_to_check() {
    assert_invalid(
        &format!("{HEAD}  - source: s\n    text: a sentence\n"),
        4,
        &["neither"],
    );
}

#[test]
fn invalid_speaker_without_quote() {
    assert_invalid(
        &format!("{HEAD}  - source: s\n    speaker: Someone\n    figures: [3 people]\n"),
        5,
        &["speaker"],
    );
}

#[test]
fn invalid_figure_without_number() {
    assert_invalid(
        &format!("{HEAD}  - source: s\n    figures: [many people]\n"),
        5,
        &["no number"],
    );
}

#[test]
fn invalid_accept_without_reason_or_with_unknown_kind() {
    assert_invalid(
        &format!("{HEAD}  - source: s\n    quote: x\n    accept: [{{kind: typo}}]\n"),
        6,
        &["reason"],
    );
    assert_invalid(
        &format!("{HEAD}  - source: s\n    quote: x\n    accept: [{{kind: tpyo, reason: r}}]\n"),
        6,
        &["unknown finding kind", "did you mean `typo`"],
    );
}

#[test]
fn invalid_published_date() {
    assert_invalid("sources:\n  s:\n    path: s.txt\n    published: 2025-02-30\nclaims:\n  - {source: s, quote: x}\n", 4, &["published"]);
}

#[test]
fn invalid_source_without_path() {
    assert_invalid(
        "sources:\n  s:\n    title: T\nclaims:\n  - {source: s, quote: x}\n",
        2,
        &["no `path`"],
    );
}

#[test]
fn invalid_run_with_no_claims() {
    assert_invalid("sources:\n  s: s.txt\nclaims: []\n", 1, &["no claims"]);
}

#[test]
fn every_problem_in_every_file_is_reported_at_once() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("claims")).unwrap();
    std::fs::write(
        dir.path().join("claims/a.yaml"),
        format!("{HEAD}  - source: s\n    qoute: x\n  - source: u\n    quote: y\n"),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("claims/b.yaml"),
        format!("{HEAD}  - source: s\n"),
    )
    .unwrap();
    let out = verbatim(dir.path()).arg("check").output().unwrap();
    let text = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2));
    assert!(text.contains("claims/a.yaml:5:"), "{text}");
    assert!(text.contains("claims/a.yaml:6:"), "{text}");
    assert!(text.contains("claims/b.yaml:4:"), "{text}");
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

#[test]
fn explain_knows_every_kind() {
    verbatim(&fixture("basic"))
        .args(["explain", "misquote"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("Fix:"));
    verbatim(&fixture("basic"))
        .args(["explain", "misqoute"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("did you mean `misquote`"));
}
