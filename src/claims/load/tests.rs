//! Claims are read in parallel runs; the errors must be those, and in the
//! order, that one pass over the file gives.

use super::load_claims_bytes;

#[test]
fn errors_of_a_large_file_come_in_file_order() {
    let mut yaml = String::from("sources:\n  s: a.txt\nclaims:\n");
    let mut expected = Vec::new();
    for i in 0..1500 {
        let line = yaml.lines().count() as u32 + 1;
        let id = if i == 3 || i == 1200 {
            "dup".to_string()
        } else {
            format!("c{i}")
        };
        yaml.push_str(&format!("  - id: {id}\n    quote: some words {i}\n"));
        match i {
            100 => {
                yaml.push_str("    figures: 12\n");
                expected.push((line + 2, "`figures` must be a list"));
            }
            700 => {
                yaml.push_str("    qoute: typo\n");
                expected.push((line + 2, "qoute"));
            }
            1200 => expected.push((line, "duplicate claim id `dup`")),
            _ => {}
        }
    }
    let Err(failure) = load_claims_bytes("c.yaml", yaml.as_bytes()) else {
        panic!("the file has errors");
    };
    let got: Vec<(u32, String)> = failure
        .errors
        .iter()
        .map(|e| (e.at.line, e.message.clone()))
        .collect();
    assert_eq!(got.len(), expected.len(), "{got:?}");
    for ((line, message), (want_line, want)) in got.iter().zip(&expected) {
        assert_eq!(line, want_line, "{got:?}");
        assert!(message.contains(want), "{message} / {want}");
    }
}
