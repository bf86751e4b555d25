//! `verbatim scan` and `merge`: shards of a scan, in any partition and
//! order, merge into exactly the report `check` gives, in every format;
//! parts that do not fit together are refused, each problem named.

use crate::common::{root, run, sorted_paths, verbatim};
use proptest::prelude::*;
use std::path::{Path, PathBuf};
use verbatim::model::{Report, Settings};
use verbatim::report::{github, html, human, json, junit, sarif};
use verbatim::workflow::shards::{self, Documents};

/// Sentences of the demo sources: real prose to build documents from.
pub(crate) fn sentences() -> Vec<String> {
    let mut out = Vec::new();
    for name in sorted_paths(&root().join("sources")) {
        let text = std::fs::read_to_string(name).unwrap();
        for s in text.split(". ") {
            let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
            if s.split(' ').count() >= 8 && !s.contains('"') && !s.contains('\\') {
                out.push(s);
            }
        }
    }
    out
}

/// Sentence `i` of document `d` in [`sentence_documents`], as an index
/// into [`sentences`] (`pool` long): documents overlap, so quotes recur.
pub(crate) fn sentence_of(d: usize, i: usize, pool: usize) -> usize {
    (d * 7 + i * 13) % pool
}

/// `count` documents of `per_doc` of the demo's sentences each, written
/// to `folder/NAME` under `p` (`name` gives NAME), joined by ". ".
pub(crate) fn sentence_documents(
    p: &Path,
    folder: &str,
    count: usize,
    per_doc: usize,
    name: impl Fn(usize) -> String,
) {
    let pool = sentences();
    std::fs::create_dir_all(p.join(folder)).unwrap();
    for d in 0..count {
        let text: Vec<&str> = (0..per_doc)
            .map(|i| pool[sentence_of(d, i, pool.len())].as_str())
            .collect();
        std::fs::write(p.join(folder).join(name(d)), text.join(". ")).unwrap();
    }
}

/// `merge --format json` of the `n` shards of a scan of the project at
/// `p`, its parts given in reverse order.
pub(crate) fn merged_shards(p: &Path, n: usize) -> (String, i32) {
    let mut parts = Vec::new();
    for k in 1..=n {
        let out = format!("p{k}.jsonl");
        let (_, code) = run(
            p,
            &["scan", "--shard", &format!("{k}/{n}"), "--output", &out],
        );
        assert_eq!(code, 0);
        parts.push(out);
    }
    parts.reverse();
    let mut args = vec!["merge", "--format", "json"];
    args.extend(parts.iter().map(String::as_str));
    run(p, &args)
}

/// One claim: which document its words come from, what is done to them,
/// which document it cites (`None`: every source).
#[derive(Debug, Clone)]
struct ClaimPlan {
    doc: usize,
    sentence: usize,
    edit: u8,
    cites: Option<usize>,
    speaker: bool,
}

fn claim_plan(docs: usize) -> impl Strategy<Value = ClaimPlan> {
    (
        0..docs,
        0..12usize,
        0..6u8,
        prop::option::weighted(0.8, 0..docs),
        prop::bool::weighted(0.2),
    )
        .prop_map(|(doc, sentence, edit, cites, speaker)| ClaimPlan {
            doc,
            sentence,
            edit,
            cites,
            speaker,
        })
}

/// A project: documents of sentences (overlapping, so quotes recur across
/// documents), claims of every kind, a draft.
fn project(dir: &Path, docs: &[Vec<usize>], claims: &[ClaimPlan]) {
    let pool = sentences();
    let doc_text =
        |d: &[usize]| -> Vec<String> { d.iter().map(|&i| pool[i % pool.len()].clone()).collect() };
    std::fs::create_dir_all(dir.join("sources")).unwrap();
    std::fs::create_dir_all(dir.join("claims")).unwrap();
    let mut yaml = String::from("sources:\n");
    for (i, d) in docs.iter().enumerate() {
        let text = doc_text(d).join(". ") + ".\n";
        std::fs::write(dir.join(format!("sources/d{i}.txt")), text).unwrap();
        yaml.push_str(&format!("  d{i}: ../sources/d{i}.txt\n"));
    }
    yaml.push_str("claims:\n");
    for (n, c) in claims.iter().enumerate() {
        let sentences = doc_text(&docs[c.doc]);
        let s = &sentences[c.sentence % sentences.len()];
        let words: Vec<&str> = s.split(' ').collect();
        let take = &words[1..words.len().min(14)];
        let quote = match c.edit {
            0 | 1 => take.join(" "),
            // A word changed, a word dropped, two sentences stitched.
            2 => {
                let mut w = take.to_vec();
                w[take.len() / 2] = "zebras";
                w.join(" ")
            }
            3 => {
                let mut w = take.to_vec();
                w.remove(take.len() / 2);
                w.join(" ")
            }
            4 => {
                let other = &sentences[(c.sentence + 2) % sentences.len()];
                let tail: Vec<&str> = other.split(' ').take(6).collect();
                format!("{} {}", take[..5.min(take.len())].join(" "), tail.join(" "))
            }
            _ => "the harbour committee voted to dredge the lagoon twice".to_string(),
        };
        yaml.push_str(&format!("  - id: c{n}\n    quote: \"{quote}\"\n"));
        if let Some(d) = c.cites {
            yaml.push_str(&format!("    source: d{d}\n"));
        }
        if c.speaker {
            yaml.push_str("    speaker: Claudia Sheinbaum\n");
        }
        if let Some(figure) = words
            .iter()
            .position(|w| w.chars().any(|c| c.is_ascii_digit()))
        {
            let stated: Vec<&str> = words[figure..].iter().take(3).copied().collect();
            yaml.push_str(&format!("    figures:\n      - \"{}\"\n", stated.join(" ")));
        }
    }
    std::fs::write(dir.join("claims/c.yaml"), yaml).unwrap();
}

/// Every format of a report, as one text.
fn rendered(report: &Report) -> String {
    let style = human::Style {
        color: false,
        width: 100,
        notes: human::Notes::Full,
    };
    [
        json::render(report),
        human::render(report, style),
        sarif::render(report),
        junit::render(report),
        github::render(report),
        html::render(report),
    ]
    .join("\n---\n")
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]
    #[test]
    fn merged_shards_give_exactly_the_check(
        (docs, claims, cuts, order) in (1..7usize).prop_flat_map(|n| (
            prop::collection::vec(prop::collection::vec(0..400usize, 3..14), n),
            prop::collection::vec(claim_plan(n), 1..14),
            prop::collection::vec(0..=n, 0..4),
            any::<u64>(),
        ))
    ) {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path();
        project(p, &docs, &claims);
        let settings = Settings { keep_passages: true, ..Settings::default() };
        let paths = [PathBuf::from("claims")];
        let checked = verbatim::check(&paths, p, &settings, &|_| {});
        prop_assert!(checked.errors.is_empty(), "{:?}", checked.errors);
        // The partition: cuts anywhere (empty shards too), parts shuffled.
        let mut cuts = cuts;
        cuts.push(0);
        cuts.push(docs.len());
        cuts.sort_unstable();
        let mut parts = Vec::new();
        for (k, w) in cuts.windows(2).enumerate() {
            let mut evidence = Vec::new();
            let which = Documents::Range(w[0], w[1]);
            let written = shards::scan(&paths, p, &settings, which, &|_| {}, &mut evidence);
            prop_assert!(matches!(written, Ok(Ok(_))));
            let name = PathBuf::from(format!("part-{k}.jsonl"));
            std::fs::write(p.join(&name), evidence).unwrap();
            parts.push(name);
        }
        let n = parts.len();
        let rotated: Vec<PathBuf> = (0..n).map(|i| parts[(i + order as usize) % n].clone()).collect();
        let parts = if order % 2 == 0 { rotated } else { rotated.into_iter().rev().collect() };
        let merged = shards::merge(&paths, &parts, p, &settings);
        prop_assert!(merged.errors.is_empty(), "{:?}", merged.errors);
        prop_assert_eq!(rendered(&merged), rendered(&checked));
    }
}

/// The demo project in a temporary folder, scanned in three shards.
fn demo_parts() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    crate::common::copy_tree(&root().join("claims"), &dir.path().join("claims"));
    crate::common::copy_tree(&root().join("sources"), &dir.path().join("sources"));
    crate::common::copy_tree(&root().join("drafts"), &dir.path().join("drafts"));
    for k in 1..=3 {
        let shard = format!("{k}/3");
        let out = format!("p{k}.jsonl");
        let (_, code) = run(dir.path(), &["scan", "--shard", &shard, "--output", &out]);
        assert_eq!(code, 0);
    }
    dir
}

/// Standard error and exit code of `verbatim merge ARGS`.
fn merge(dir: &Path, args: &[&str]) -> (String, i32) {
    let out = verbatim(dir).arg("merge").args(args).output().unwrap();
    (
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.code().unwrap_or(-1),
    )
}

#[test]
fn the_command_line_merge_is_the_check() {
    let dir = demo_parts();
    let p = dir.path();
    for format in ["json", "human", "sarif"] {
        let (checked, code) = run(p, &["check", "--format", format]);
        let (merged, merged_code) = run(
            p,
            &[
                "merge", "p2.jsonl", "p3.jsonl", "p1.jsonl", "--format", format,
            ],
        );
        assert_eq!((merged, merged_code), (checked, code), "{format}");
    }
}

#[test]
fn parts_that_do_not_fit_together_are_refused_by_name() {
    let dir = demo_parts();
    let p = dir.path();
    let (err, code) = merge(p, &["p1.jsonl", "p3.jsonl"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("p3.jsonl:1:1: no part covers documents"),
        "{err}"
    );
    let (err, code) = merge(p, &["p1.jsonl", "p2.jsonl", "p2.jsonl", "p3.jsonl"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("p2.jsonl and p2.jsonl are the same shard"),
        "{err}"
    );
    // Overlap: a shard of another partition.
    let (_, code) = run(p, &["scan", "--docs", "0..3", "--output", "wide.jsonl"]);
    assert_eq!(code, 0);
    let (err, code) = merge(p, &["p1.jsonl", "wide.jsonl", "p2.jsonl", "p3.jsonl"]);
    assert_eq!(code, 2);
    assert!(err.contains("overlap"), "{err}");
    // A part cut off at a line, and one cut mid-line.
    let text = std::fs::read_to_string(p.join("p2.jsonl")).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    std::fs::write(p.join("cut.jsonl"), lines[..lines.len() - 1].join("\n")).unwrap();
    let (err, code) = merge(p, &["p1.jsonl", "cut.jsonl", "p3.jsonl"]);
    assert_eq!(code, 2);
    assert!(err.contains("cut.jsonl"), "{err}");
    assert!(err.contains("no end line"), "{err}");
    std::fs::write(p.join("torn.jsonl"), &text[..text.len() / 2]).unwrap();
    let (err, code) = merge(p, &["p1.jsonl", "torn.jsonl", "p3.jsonl"]);
    assert_eq!(code, 2);
    assert!(err.contains("torn.jsonl:"), "{err}");
    // Another version of verbatim, and claims edited since the scan.
    let other = text.replacen(
        &format!("\"version\":\"{}\"", env!("CARGO_PKG_VERSION")),
        "\"version\":\"0.0.0-other\"",
        1,
    );
    std::fs::write(p.join("old.jsonl"), other).unwrap();
    let (err, code) = merge(p, &["p1.jsonl", "old.jsonl", "p3.jsonl"]);
    assert_eq!(code, 2);
    assert!(err.contains("old.jsonl:1:1: verbatim version"), "{err}");
    let claims = p.join("claims/border.yaml");
    let edited = std::fs::read_to_string(&claims).unwrap() + "\n# edited\n";
    std::fs::write(&claims, edited).unwrap();
    let (err, code) = merge(p, &["p1.jsonl", "p2.jsonl", "p3.jsonl"]);
    assert_eq!(code, 2);
    for part in ["p1.jsonl", "p2.jsonl", "p3.jsonl"] {
        assert!(
            err.contains(&format!("{part}:1:1: claims and documents (hash)")),
            "{err}"
        );
    }
    // Not evidence at all; no parts at all.
    std::fs::write(p.join("notes.jsonl"), "hello\n").unwrap();
    let (err, code) = merge(p, &["notes.jsonl"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("notes.jsonl:1:1: not a verbatim evidence file"),
        "{err}"
    );
    let (err, code) = merge(p, &[]);
    assert_eq!(code, 2);
    assert!(err.contains("no evidence parts"), "{err}");
}

#[test]
fn a_scan_is_the_same_for_any_number_of_threads() {
    let dir = demo_parts();
    let p = dir.path();
    let one = run(p, &["scan", "--shard", "2/3", "-j", "1"]);
    let seven = run(p, &["scan", "--shard", "2/3", "-j", "7"]);
    assert_eq!(one.1, 0);
    assert_eq!(one, seven);
    assert_eq!(one.0, std::fs::read_to_string(p.join("p2.jsonl")).unwrap());
    let (plan, code) = run(p, &["scan", "--plan", "20KB"]);
    assert_eq!(code, 0);
    assert!(plan.lines().count() >= 3, "{plan}");
    assert!(plan.starts_with("{\"shard\":\"1/"), "{plan}");
}

#[test]
fn an_archive_claim_merges_into_the_check_too() {
    // Forty documents under one glob key: its claims are searched by
    // candidates, whose best set spans the shards.
    let pool = sentences();
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    std::fs::create_dir_all(p.join("claims")).unwrap();
    sentence_documents(p, "archive", 40, 12, |d| format!("{d:02}.txt"));
    let mut yaml = String::from("sources:\n  archive: {glob: \"../archive/*.txt\"}\nclaims:\n");
    for c in 0..30 {
        let words: Vec<&str> = pool[(c * 29) % pool.len()].split(' ').collect();
        let mut quote: Vec<&str> = words[..words.len().min(12)].to_vec();
        if c % 3 == 1 {
            quote[4] = "zebras";
        }
        if c % 5 == 2 {
            let other: Vec<&str> = pool[(c * 29 + 13) % pool.len()].split(' ').collect();
            quote.truncate(5);
            quote.extend(&other[..6.min(other.len())]);
        }
        let source = if c % 4 == 3 {
            ""
        } else {
            "    source: archive\n"
        };
        yaml.push_str(&format!(
            "  - id: a{c}\n    quote: \"{}\"\n{source}",
            quote.join(" ")
        ));
    }
    std::fs::write(p.join("claims/a.yaml"), yaml).unwrap();
    let (checked, code) = run(p, &["check", "--format", "json"]);
    assert_eq!(code, 1, "{checked}");
    assert_eq!(merged_shards(p, 5), (checked, code));
}

#[test]
fn a_tampered_part_is_refused_or_rendered_never_a_crash() {
    let dir = demo_parts();
    let p = dir.path();
    let text = std::fs::read_to_string(p.join("p1.jsonl")).unwrap();
    // Every excerpt shifted by a byte: places no longer fit their
    // snippets (some now start inside a character).
    fn shift(v: &mut serde_json::Value, in_excerpt: bool) {
        match v {
            serde_json::Value::Object(map) => {
                for (k, child) in map.iter_mut() {
                    if in_excerpt && k == "offset" {
                        *child = serde_json::json!(child.as_u64().unwrap_or(0) + 1);
                    } else {
                        shift(child, k == "excerpt");
                    }
                }
            }
            serde_json::Value::Array(items) => items.iter_mut().for_each(|c| shift(c, false)),
            _ => {}
        }
    }
    let shifted: Vec<String> = text
        .lines()
        .map(|line| {
            let mut v: serde_json::Value = serde_json::from_str(line).unwrap();
            shift(&mut v, false);
            v.to_string()
        })
        .collect();
    std::fs::write(p.join("shifted.jsonl"), shifted.join("\n") + "\n").unwrap();
    for format in ["human", "json", "sarif", "github", "junit", "html"] {
        let out = verbatim(p)
            .args([
                "merge",
                "shifted.jsonl",
                "p2.jsonl",
                "p3.jsonl",
                "-v",
                "--format",
                format,
            ])
            .output()
            .unwrap();
        let code = out.status.code().unwrap_or(-1);
        assert!(matches!(code, 0..=2), "{format}: exit {code}");
        assert!(
            !String::from_utf8_lossy(&out.stderr).contains("panicked"),
            "{format}"
        );
    }
    // A pin that is not a SHA-256 is refused where it stands.
    let forged = text.replacen("\"sha256\":null", "\"sha256\":\"\\n\\n\"", 1);
    assert_ne!(forged, text, "the demo part has a document state to forge");
    std::fs::write(p.join("forged.jsonl"), forged).unwrap();
    let (err, code) = merge(p, &["forged.jsonl", "p2.jsonl", "p3.jsonl"]);
    assert_eq!(code, 2);
    assert!(err.contains("forged.jsonl:2:1: document 0:"), "{err}");
    assert!(err.contains("is not a SHA-256"), "{err}");
}
