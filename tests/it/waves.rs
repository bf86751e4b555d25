//! A run over many documents searches them in waves, letting go between
//! waves of the quotes already found outside their cited sources (see
//! `pipeline::waves`). The report must be the one a single wave gives:
//! shards of fewer documents than a wave are scanned in one, so merging
//! them is that single-wave search.

use crate::common::run;
use crate::shards::{merged_shards, sentence_documents, sentence_of, sentences};

#[test]
fn waves_find_what_one_pass_finds() {
    // 300 documents of the demo's sentences, each repeated in many: the
    // quotes recur all over, as in a large archive.
    let pool = sentences();
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    std::fs::create_dir_all(p.join("claims")).unwrap();
    let docs = 300;
    sentence_documents(p, "docs", docs, 10, |d| format!("{d:03}.txt"));
    let mut yaml = String::from("sources:\n");
    for d in 0..docs {
        yaml.push_str(&format!("  d{d}: ../docs/{d:03}.txt\n"));
    }
    yaml.push_str("claims:\n");
    // What each claim must come to, from the documents' text alone.
    let texts: Vec<String> = (0..docs)
        .map(|d| std::fs::read_to_string(p.join(format!("docs/{d:03}.txt"))).unwrap())
        .collect();
    let mut expected: Vec<(String, &str, Option<usize>)> = Vec::new();
    for c in 0..120 {
        // Cited to a late document: its words are in it (found there
        // after the first wave let it go from the table), or not (found
        // only elsewhere, earliest document first), or changed.
        let cited = 150 + (c * 37) % 150;
        let from = match c % 4 {
            0 | 2 => cited,
            _ => (c * 11) % docs,
        };
        let words: Vec<&str> = pool[sentence_of(from, c % 10, pool.len())]
            .split(' ')
            .collect();
        let mut quote: Vec<&str> = words[..words.len().min(14)].to_vec();
        if c % 4 == 2 {
            quote[3] = "zebras";
        }
        let text = quote.join(" ");
        let holders: Vec<usize> = (0..docs).filter(|&d| texts[d].contains(&text)).collect();
        expected.push(match (c % 10 == 9, c % 4 == 2) {
            (_, true) if c % 10 != 9 => (format!("w{c}"), "misquote", None),
            (_, true) => (format!("w{c}"), "", None),
            (true, false) => (format!("w{c}"), "pass", None),
            (false, false) if holders.contains(&cited) => (format!("w{c}"), "pass", None),
            (false, false) => (format!("w{c}"), "wrong-source", holders.first().copied()),
        });
        let source = if c % 10 == 9 {
            String::new()
        } else {
            format!("    source: d{cited}\n")
        };
        yaml.push_str(&format!(
            "  - id: w{c}\n    quote: \"{}\"\n{source}",
            quote.join(" ")
        ));
    }
    std::fs::write(p.join("claims/w.yaml"), yaml).unwrap();
    let (checked, code) = run(p, &["check", "--format", "json"]);
    assert_eq!(code, 1, "{checked}");
    let report: serde_json::Value = serde_json::from_str(&checked).unwrap();
    let claims = report["claims"].as_array().unwrap();
    let mut seen = [0usize; 3];
    for ((id, want, holder), claim) in expected.iter().zip(claims) {
        assert_eq!(claim["id"], id.as_str());
        let findings = claim["findings"].as_array().unwrap();
        let finding = |kind: &str| findings.iter().find(|f| f["kind"] == kind);
        match *want {
            "pass" => {
                seen[0] += 1;
                assert_eq!(claim["status"], "pass", "{claim}");
            }
            "misquote" => {
                seen[1] += 1;
                assert!(finding("misquote").is_some(), "{claim}");
            }
            "wrong-source" => {
                // Named in the earliest document that holds it.
                seen[2] += 1;
                let found = finding("wrong-source").unwrap_or_else(|| panic!("{claim}"));
                let file = found["source"]["path"].as_str().unwrap_or_default();
                let earliest = format!("docs/{:03}.txt", holder.unwrap_or(usize::MAX));
                assert_eq!(file, earliest, "{claim}");
            }
            _ => {}
        }
    }
    assert!(seen.iter().all(|&n| n >= 10), "{seen:?}");
    assert_eq!(merged_shards(p, 3), (checked.clone(), code));
    assert_eq!(
        run(p, &["check", "--format", "json", "-j", "1"]),
        (checked, code)
    );
}
