//! The CI formats: SARIF valid against the official schema, GitHub
//! annotations escaped, JUnit that parses back, and documents even on
//! invalid input.

use crate::common::{root, run};

fn sarif_validator() -> jsonschema::Validator {
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("tests/fixtures/sarif-schema-2.1.0.json")).unwrap(),
    )
    .unwrap();
    jsonschema::validator_for(&schema).unwrap()
}

fn assert_valid_sarif(text: &str) -> serde_json::Value {
    let doc: serde_json::Value = serde_json::from_str(text).unwrap();
    let validator = sarif_validator();
    let errors: Vec<String> = validator
        .iter_errors(&doc)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "SARIF schema errors: {errors:#?}");
    doc
}

#[test]
fn sarif_is_valid_against_the_official_schema() {
    let (text, code) = run(
        &root().join("tests/fixtures/basic"),
        &["check", "--format", "sarif"],
    );
    assert_eq!(code, 1);
    let doc = assert_valid_sarif(&text);
    let sarif_run = &doc["runs"][0];
    assert_eq!(sarif_run["columnKind"], "unicodeCodePoints");
    assert_eq!(
        sarif_run["tool"]["driver"]["rules"]
            .as_array()
            .unwrap()
            .len(),
        verbatim::model::Kind::ALL.len()
    );
    let results = sarif_run["results"].as_array().unwrap();
    let misquote = results.iter().find(|r| r["ruleId"] == "misquote").unwrap();
    assert_eq!(misquote["level"], "error");
    assert_eq!(
        misquote["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "claims/basic.yaml"
    );
    assert_eq!(
        misquote["relatedLocations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "sources/speech.txt"
    );
    assert!(
        misquote["partialFingerprints"]["verbatimFinding/v1"]
            .as_str()
            .unwrap()
            .len()
            == 16
    );
    // Fingerprints are stable from run to run.
    let (again, _) = run(
        &root().join("tests/fixtures/basic"),
        &["check", "--format", "sarif"],
    );
    assert_eq!(text, again);
}

#[test]
fn sarif_on_invalid_input_is_a_valid_document_with_the_errors() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("c.yaml"),
        "sources:\n  s: s.txt\nclaims:\n  - source: t\n    qoute: x\n",
    )
    .unwrap();
    let (text, code) = run(dir.path(), &["check", "c.yaml", "--format", "sarif"]);
    assert_eq!(code, 2);
    let doc = assert_valid_sarif(&text);
    let invocation = &doc["runs"][0]["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], false);
    assert_eq!(
        invocation["toolExecutionNotifications"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
}

/// Undo the workflow-command escapes.
fn unescape(text: &str) -> String {
    text.replace("%0A", "\n")
        .replace("%0D", "\r")
        .replace("%3A", ":")
        .replace("%2C", ",")
        .replace("%25", "%")
}

#[test]
fn github_annotations_escape_commas_newlines_and_percents() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("claims")).unwrap();
    std::fs::write(dir.path().join("s.txt"), "Nothing of the sort, at all.").unwrap();
    std::fs::write(
        dir.path().join("claims/c.yaml"),
        "sources:\n  s: ../s.txt\nclaims:\n  - id: \"odd, id: 100%\"\n    source: s\n    quote: \"one, two,\\nthree: four, 50% five, six\"\n",
    )
    .unwrap();
    let summary = dir.path().join("summary.md");
    let out = crate::common::verbatim(dir.path())
        .env("GITHUB_STEP_SUMMARY", &summary)
        .args(["check", "--format", "github"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let line = text
        .lines()
        .find(|l| l.starts_with("::error "))
        .unwrap_or_else(|| panic!("{text}"));
    let (head, message) = line[2..].split_once("::").unwrap();
    let (command, props) = head.split_once(' ').unwrap();
    assert_eq!(command, "error");
    let props: Vec<(&str, &str)> = props
        .split(',')
        .map(|p| p.split_once('=').unwrap())
        .collect();
    let names: Vec<&str> = props.iter().map(|(k, _)| *k).collect();
    assert_eq!(
        names,
        ["file", "line", "col", "endLine", "endColumn", "title"]
    );
    assert_eq!(unescape(props[5].1), "verbatim not-found: odd, id: 100%");
    assert_eq!(props[0].1, "claims/c.yaml");
    assert!(!message.contains('\n'));
    assert!(unescape(message).starts_with("nothing in `s` is close"));
    // The job summary gets a table.
    let table = std::fs::read_to_string(&summary).unwrap();
    assert!(
        table.contains("| `odd, id: 100%` | `claims/c.yaml:4` | fail | not-found |"),
        "{table}"
    );
}

#[test]
fn junit_parses_back_with_one_case_per_claim() {
    let (text, _) = run(
        &root().join("tests/fixtures/basic"),
        &["check", "--format", "junit"],
    );
    let mut reader = quick_xml::Reader::from_str(&text);
    let (mut suites, mut cases, mut failures) = (0, 0, 0);
    loop {
        match reader.read_event().unwrap() {
            quick_xml::events::Event::Start(e) | quick_xml::events::Event::Empty(e) => {
                match e.name().as_ref() {
                    b"testsuite" => suites += 1,
                    b"testcase" => cases += 1,
                    b"failure" => failures += 1,
                    _ => {}
                }
            }
            quick_xml::events::Event::Eof => break,
            _ => {}
        }
    }
    assert_eq!((suites, cases, failures), (1, 5, 3));
}

#[test]
fn every_format_reports_invalid_input_as_a_document() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("c.yaml"), "claims: [}\n").unwrap();
    let (json, code) = run(dir.path(), &["check", "c.yaml", "--format", "json"]);
    assert_eq!(code, 2);
    let doc: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(doc["errors"][0]["file"], "c.yaml");
    let (junit, code) = run(dir.path(), &["check", "c.yaml", "--format", "junit"]);
    assert_eq!(code, 2);
    assert!(
        junit.contains("<error") && junit.contains("c.yaml:1:"),
        "{junit}"
    );
    let (github, code) = run(dir.path(), &["check", "c.yaml", "--format", "github"]);
    assert_eq!(code, 2);
    assert!(
        github.starts_with("::error file=c.yaml,line=1,"),
        "{github}"
    );
}

#[test]
fn snapshots_per_format() {
    let dir = root().join("tests/fixtures/basic");
    insta::assert_snapshot!("sarif", run(&dir, &["check", "--format", "sarif"]).0);
    insta::assert_snapshot!("github", run(&dir, &["check", "--format", "github"]).0);
    insta::assert_snapshot!("junit", run(&dir, &["check", "--format", "junit"]).0);
}

/// A SARIF region over several lines ends at its last line's own column:
/// the text between start and end, read from the file's bytes, is the
/// passage (columns count code points, the end exclusive).
#[test]
fn sarif_regions_over_several_lines_cover_the_passage() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("claims")).unwrap();
    std::fs::create_dir_all(dir.path().join("sources")).unwrap();
    // The passage ends on its second line before the column it starts at.
    let source =
        "In Monterrey on Monday the minister said that the troops\nwould stay. Talks continue.\n";
    std::fs::write(dir.path().join("sources/s.txt"), source).unwrap();
    std::fs::write(
        dir.path().join("claims/c.yaml"),
        "sources:\n  s: ../sources/s.txt\nclaims:\n  - {id: q, source: s, quote: \"the minister said that the troops would go\"}\n",
    )
    .unwrap();
    let (text, code) = run(dir.path(), &["check", "--format", "sarif"]);
    assert_eq!(code, 1, "{text}");
    let doc = assert_valid_sarif(&text);
    let lines: Vec<&str> = source.lines().collect();
    let mut checked = 0;
    for result in doc["runs"][0]["results"].as_array().unwrap() {
        for related in result["relatedLocations"].as_array().into_iter().flatten() {
            let location = &related["physicalLocation"];
            if location["artifactLocation"]["uri"] != "sources/s.txt" {
                continue;
            }
            let region = &location["region"];
            let at = |key: &str| region[key].as_u64().unwrap() as usize;
            let (start_line, end_line) = (at("startLine"), at("endLine"));
            if start_line == end_line {
                continue;
            }
            // The text from (startLine, startColumn) to (endLine, endColumn).
            let first: String = lines[start_line - 1]
                .chars()
                .skip(at("startColumn") - 1)
                .collect();
            let last: String = lines[end_line - 1]
                .chars()
                .take(at("endColumn") - 1)
                .collect();
            let covered = format!("{first}\n{last}");
            assert!(covered.starts_with("the minister"), "{covered:?}");
            assert!(covered.ends_with("would stay"), "{covered:?}");
            checked += 1;
        }
    }
    assert!(checked > 0, "no region over several lines in {text}");
}
