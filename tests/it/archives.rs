//! Archives as sources: one key for the documents a glob or a manifest
//! names, each searched as a source of its own and named in findings.

use crate::common::{json_report, kinds, root};

fn archive_project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    std::fs::create_dir_all(p.join("archive/2024")).unwrap();
    std::fs::create_dir_all(p.join("claims")).unwrap();
    let demo = root().join("sources");
    for (from, to) in [
        ("riviera-maya-joint-raids.txt", "2024/a.txt"),
        ("troops-push-backlash.txt", "2024/b.txt"),
        ("nc-imminent-intervention.txt", "c.txt"),
    ] {
        std::fs::copy(demo.join(from), p.join("archive").join(to)).unwrap();
    }
    dir
}

#[test]
fn a_claim_citing_an_archive_searches_its_documents() {
    let dir = archive_project();
    let p = dir.path();
    let b = std::fs::read(p.join("archive/2024/b.txt")).unwrap();
    let right = {
        use sha2::{Digest, Sha256};
        format!("{:x}", Sha256::digest(&b))
    };
    std::fs::write(
        p.join("archive/MANIFEST"),
        format!("{right}  2024/b.txt\n{}  c.txt\n", "0".repeat(64)),
    )
    .unwrap();
    std::fs::write(
        p.join("claims/a.yaml"),
        r#"sources:
  news: {glob: "../archive/**/*.txt"}
  pinned: {manifest: ../archive/MANIFEST}
claims:
  - id: in-b
    source: news
    quote: "Sheinbaum reiterated her stance"
  - id: misquote-b
    source: news
    quote: "has firmly rejected the idea of U.S. soldiers entering Mexican territory"
  - id: nowhere
    source: news
    quote: "the committee will publish its findings on the harbour dredging"
  - id: pinned-b
    source: pinned
    quote: "Sheinbaum reiterated her stance"
"#,
    )
    .unwrap();
    let (report, code) = json_report(p, &[]);
    assert_eq!(code, 1);
    assert!(report["errors"].as_array().unwrap().is_empty(), "{report}");
    let claim = |id: &str| {
        report["claims"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"] == id)
            .unwrap()
            .clone()
    };
    assert_eq!(claim("in-b")["status"], "pass");
    let misquote = &claim("misquote-b")["findings"][0];
    assert_eq!(misquote["kind"], "misquote");
    assert_eq!(misquote["source"]["key"], "news");
    assert_eq!(
        misquote["source"]["path"], "archive/2024/b.txt",
        "the document is named"
    );
    let nowhere = &claim("nowhere")["findings"][0];
    assert_eq!(nowhere["kind"], "not-found");
    assert!(nowhere["message"]
        .as_str()
        .unwrap()
        .contains("`news` (3 documents)"));
    // The manifest's pin of b is right; c's is not, but the quote is in b.
    let pinned = claim("pinned-b");
    assert_eq!(pinned["status"], "fail");
    assert_eq!(
        kinds(&report, "pinned-b"),
        ["source-changed"],
        "c.txt's pin differs"
    );
}

#[test]
fn an_archive_outside_the_root_or_empty_is_an_input_error() {
    let dir = archive_project();
    let p = dir.path();
    std::fs::write(p.join(".git"), "").unwrap(); // the root is here
    std::fs::write(
        p.join("claims/a.yaml"),
        "sources:\n  out: {glob: \"../../**/*.txt\"}\n  none: {glob: \"../archive/*.pdf\"}\n  both: {path: ../archive/c.txt, glob: \"../archive/*.txt\"}\nclaims:\n  - source: none\n    quote: any words here\n",
    )
    .unwrap();
    let (report, code) = json_report(p, &[]);
    assert_eq!(code, 2);
    let messages: Vec<&str> = report["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["message"].as_str().unwrap())
        .collect();
    let has = |s: &str| messages.iter().any(|m| m.contains(s));
    assert!(has("source `out`: the glob's folder"), "{messages:?}");
    assert!(
        has("source `none`: the archive holds no document"),
        "{messages:?}"
    );
    assert!(has("has both a `path` and an archive"), "{messages:?}");
}
