//! Drafts: claims whose quotes left the draft, draft quotations nobody
//! claimed, and `verbatim extract`.

use crate::common::{copy_tree, json_report, kinds, root, run, verbatim};
use std::path::Path;

fn check_json(dir: &Path) -> serde_json::Value {
    json_report(dir, &[]).0
}

#[test]
fn quotes_missing_from_the_draft_and_quotations_nobody_claimed() {
    let report = check_json(&root().join("tests/fixtures/drafting"));
    // Curly and straight double quotes both count as quotations.
    assert_eq!(kinds(&report, "troops"), Vec::<String>::new());
    assert_eq!(kinds(&report, "partners"), Vec::<String>::new());
    assert_eq!(kinds(&report, "forces"), ["not-in-draft"]);
    let unclaimed: Vec<&str> = report["unclaimed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["text"].as_str().unwrap())
        .collect();
    // Single quotes with an apostrophe inside ("mayor's" is no quotation
    // mark), curly doubles; "no comment" is too short.
    assert_eq!(
        unclaimed,
        [
            "has never been safer than it is this year",
            "nobody asked the people of the town first"
        ]
    );
    assert_eq!(report["summary"]["unclaimed"], 2);
    // Every unclaimed span is the draft's own bytes.
    let draft = std::fs::read(root().join("tests/fixtures/drafting/drafts/story.md")).unwrap();
    for u in report["unclaimed"].as_array().unwrap() {
        let (o, n) = (
            u["offset"].as_u64().unwrap() as usize,
            u["length"].as_u64().unwrap() as usize,
        );
        assert_eq!(
            String::from_utf8_lossy(&draft[o..o + n]),
            u["text"].as_str().unwrap()
        );
    }
}

#[test]
fn extract_finds_the_sources_of_the_acceptance_draft() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("claims")).unwrap();
    std::fs::create_dir_all(dir.path().join("drafts")).unwrap();
    std::fs::copy(
        root().join("tests/fixtures/drafts/border-explainer.md"),
        dir.path().join("drafts/border-explainer.md"),
    )
    .unwrap();
    // The sources inside the project: nothing outside its root is read.
    copy_tree(&root().join("sources"), &dir.path().join("sources"));
    let out = verbatim(dir.path())
        .args([
            "extract",
            "drafts/border-explainer.md",
            "--sources",
            "sources",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let yaml = String::from_utf8(out.stdout).unwrap();
    std::fs::write(dir.path().join("claims/extracted.yaml"), &yaml).unwrap();
    let report = check_json(dir.path());
    assert!(
        report["errors"].as_array().unwrap().is_empty(),
        "{yaml}\n{report}"
    );
    let source_of = |words: &str| -> String {
        let claim = report["claims"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| {
                yaml.contains(&format!("id: {}", c["id"].as_str().unwrap())) && {
                    let id = c["id"].as_str().unwrap();
                    let at = yaml.find(&format!("id: {id}\n")).unwrap();
                    yaml[at..].lines().take(5).any(|l| l.contains(words))
                }
            })
            .unwrap_or_else(|| panic!("no claim for {words}\n{yaml}"));
        let id = claim["id"].as_str().unwrap();
        let at = yaml.find(&format!("id: {id}\n")).unwrap();
        yaml[at..]
            .lines()
            .take(4)
            .find_map(|l| l.trim().strip_prefix("source: ").map(str::to_string))
            .unwrap_or_default()
    };
    assert!(yaml.contains("nc-imminent-intervention.txt"));
    assert!(source_of("We cooperate, we collaborate").starts_with("nc"));
    assert!(source_of("What we need is information").starts_with("riviera"));
    assert!(source_of("as strong as ever").starts_with("msn"));
    // Every quotation of the draft is claimed now.
    assert_eq!(report["summary"]["unclaimed"], 0, "{report}");
}

/// `[severity]` applies to unclaimed quotations like any kind: an error
/// fails the run in every format; a note is no warning.
#[test]
fn unclaimed_quotations_take_their_configured_severity() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&root().join("tests/fixtures/drafting"), dir.path());
    std::fs::write(
        dir.path().join("verbatim.toml"),
        "[severity]\nunclaimed-quote = \"error\"\n",
    )
    .unwrap();
    let (report, code) = json_report(dir.path(), &[]);
    assert_eq!(code, 1, "{report}");
    assert_eq!(report["summary"]["unclaimed"], 2);
    let (sarif, _) = run(dir.path(), &["check", "--format", "sarif"]);
    assert!(sarif.contains("\"ruleId\": \"unclaimed-quote\",\n          \"ruleIndex\": 18,\n          \"level\": \"error\""), "{sarif}");
    let (github, _) = run(dir.path(), &["check", "--format", "github"]);
    assert!(github.contains("::error file=drafts/story.md"), "{github}");
    std::fs::write(
        dir.path().join("verbatim.toml"),
        "[severity]\nunclaimed-quote = \"note\"\nnot-in-draft = \"note\"\n",
    )
    .unwrap();
    let (_, code) = run(dir.path(), &["check", "--deny", "warnings"]);
    assert_eq!(code, 0);
    let (github, _) = run(dir.path(), &["check", "--format", "github"]);
    assert!(github.contains("::notice file=drafts/story.md"), "{github}");
}

/// A draft checked in one step (`verbatim check DRAFT.md`): seven planted
/// mistakes of different kinds, each caught at the draft's line and column.
#[test]
fn a_draft_is_checked_in_one_step() {
    let dir = tempfile::tempdir().unwrap();
    let root = crate::common::root();
    crate::common::copy_tree(&root.join("sources"), &dir.path().join("sources"));
    std::fs::create_dir_all(dir.path().join("drafts")).unwrap();
    std::fs::copy(
        root.join("tests/fixtures/planted/planted.md"),
        dir.path().join("drafts/planted.md"),
    )
    .unwrap();
    let (report, code) = crate::common::json_report(dir.path(), &["drafts/planted.md"]);
    assert_eq!(code, 1);
    let got: Vec<(String, u64, u64, Vec<String>)> = report["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            assert_eq!(c["file"], "drafts/planted.md");
            let kinds = c["findings"]
                .as_array()
                .unwrap()
                .iter()
                .map(|f| f["kind"].as_str().unwrap().to_string())
                .collect();
            (
                c["id"].as_str().unwrap().to_string(),
                c["line"].as_u64().unwrap(),
                c["column"].as_u64().unwrap(),
                kinds,
            )
        })
        .collect();
    let want = [
        (3, 61, "typo"),            // drgus
        (5, 8, "misquote"),         // soldiers for troops
        (7, 22, "misquote"),        // the negation dropped
        (11, 19, "stitched"),       // an ellipsis joining pieces out of order
        (13, 48, "wrong-source"),   // credited in words to the wrong source
        (15, 19, "wrong-source"),   // the draft links to the wrong source
        (9, 39, "figure-mismatch"), // 300,000 for 400,000
    ];
    for (line, column, kind) in want {
        assert!(
            got.iter()
                .any(|(_, l, c, k)| *l == line && *c == column && k.iter().any(|x| x == kind)),
            "{kind} at {line}:{column} not in {got:?}"
        );
    }
    // The findings point into the draft too.
    let finding = &report["claims"][0]["findings"][0]["claim"];
    assert_eq!(finding["file"], "drafts/planted.md");
}

/// `verbatim extract DRAFT | verbatim check -`: a claims file on standard
/// input, its paths relative to the working directory.
#[test]
fn a_claims_file_from_standard_input() {
    let dir = crate::common::root();
    let claims = std::fs::read_to_string(dir.join("claims/border.yaml"))
        .unwrap()
        .replace("../sources/", "sources/")
        .replace("../drafts/", "drafts/");
    let out = crate::common::verbatim(&dir)
        .args(["check", "-", "--format", "json"])
        .write_stdin(claims)
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(report["claims"].as_array().unwrap().len() > 5);
    assert!(report["errors"].as_array().unwrap().is_empty());
}

/// What `verbatim extract d.md` writes for a draft over one source.
fn extract_of(source: &str, draft: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    std::fs::create_dir_all(p.join("sources")).unwrap();
    std::fs::write(p.join("sources/s.txt"), source).unwrap();
    std::fs::write(p.join("d.md"), draft).unwrap();
    let out = crate::common::verbatim(p)
        .args(["extract", "d.md"])
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// extract never invents a speaker: a quotation is credited only by a tag
/// in its own paragraph, not by the next paragraph's "…," said X.
#[test]
fn extract_borrows_no_speaker_from_the_next_paragraph() {
    let yaml = extract_of(
        "The licence is provided without warranty of any kind.\n\nWe wanted a licence that companies could live with, Baker said.\n",
        "The text is blunt: it is “provided without warranty of any kind”.\n\n“We wanted a licence that companies could live with,” said Mitchell Baker.\n",
    );
    let first = yaml.split("- id:").nth(1).unwrap_or("");
    assert!(first.contains("provided without warranty"), "{yaml}");
    assert!(!first.contains("speaker"), "a borrowed speaker:\n{yaml}");
    let second = yaml.split("- id:").nth(2).unwrap_or("");
    assert!(second.contains("speaker: \"Mitchell Baker\""), "{yaml}");
}

/// One clause stating two numbers is one figure claim, not two
/// overlapping ones.
#[test]
fn extract_writes_one_claim_per_clause_of_figures() {
    let yaml = extract_of(
        "The text runs to 10 sections.\n",
        "The text runs to 10 sections and three exhibits.\n",
    );
    assert_eq!(yaml.matches("figures:").count(), 1, "{yaml}");
    assert!(yaml.contains("10 sections and three exhibits"), "{yaml}");
}
