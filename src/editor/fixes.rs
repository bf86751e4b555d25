//! Fixes an editor offers as code actions, each a set of text edits:
//! quote the source's wording, accept a finding with a reason to fill in,
//! pin the sources, and add a claim for a draft's unclaimed quotation.

use crate::model::{ClaimResult, Finding, Kind, Report, Severity};
use crate::workflow::extract_yaml::{slug, yaml_string};
use std::collections::BTreeSet;

/// Replace `length` bytes at `offset` of `file` (display path) with
/// `new_text`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub file: String,
    pub offset: usize,
    pub length: usize,
    pub new_text: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    pub title: String,
    /// The finding it fixes (its kind), if any.
    pub kind: Option<&'static str>,
    pub edits: Vec<Edit>,
}

/// The fixes for what lies between bytes `start` and `end` of `file`,
/// whose text is `text`. `claims` is the claims file a new claim goes to
/// (its display path and text), for a draft's unclaimed quotation.
pub fn fixes(
    report: &Report,
    file: &str,
    text: &str,
    (start, end): (usize, usize),
    claims: Option<(&str, &str)>,
) -> Vec<Fix> {
    let touches = |at: usize, length: usize| at <= end && start <= at + length;
    let mut out = Vec::new();
    for claim in &report.claims {
        for f in &claim.findings {
            let Some(at) = f.claim.as_ref().filter(|a| a.file == file) else {
                continue;
            };
            if !touches(at.offset, at.length) {
                continue;
            }
            if matches!(f.kind, Kind::Misquote | Kind::Typo) {
                if let Some(fix) = use_source_wording(f, file, text) {
                    out.push(fix);
                }
            }
            if f.severity >= Severity::Warning && f.accepted.is_none() {
                if let Some(fix) = accept(claim, f, file, text) {
                    out.push(fix);
                }
            }
        }
    }
    if let Some((claims_file, claims_text)) = claims {
        for f in &report.unclaimed {
            let Some(at) = f.source.as_ref().filter(|s| s.path == file) else {
                continue;
            };
            if touches(at.offset, at.length) {
                // The new claim's id must not be one the file has.
                let mut taken: BTreeSet<String> = report
                    .claims
                    .iter()
                    .filter(|c| c.file == claims_file)
                    .map(|c| c.id.clone())
                    .collect();
                out.push(add_claim(&at.text, &mut taken, claims_file, claims_text));
            }
        }
    }
    out
}

fn use_source_wording(f: &Finding, file: &str, text: &str) -> Option<Fix> {
    let at = f.claim.as_ref()?;
    let wording = f
        .source
        .as_ref()?
        .text
        .split_whitespace()
        .collect::<Vec<_>>();
    let wording = wording.join(" ");
    let before = text.as_bytes().get(at.offset.checked_sub(1)?).copied();
    let quoted = yaml_string(&wording);
    let new_text = match before {
        // Inside the quotes already there: the escaped text alone.
        Some(b'"') => quoted[1..quoted.len() - 1].to_string(),
        Some(b'\'') => wording.replace('\'', "''"),
        _ if plain_safe(&wording) => wording.clone(),
        _ => quoted,
    };
    Some(Fix {
        title: format!("Quote the source: “{wording}”"),
        kind: Some(f.kind.name()),
        edits: vec![Edit {
            file: file.to_string(),
            offset: at.offset,
            length: at.length,
            new_text,
        }],
    })
}

/// Text that reads as the same string when written as a plain YAML scalar.
fn plain_safe(text: &str) -> bool {
    let first = text.chars().next();
    !text.is_empty()
        && !first.is_some_and(|c| "-?:,[]{}#&*!|>'\"%@`".contains(c))
        && !text.contains(": ")
        && !text.contains(" #")
        && !text.ends_with(':')
        && text.trim() == text
}

fn indent_of(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

/// Add `accept: [{kind, reason}]` to the claim (or an entry to its block
/// `accept:` list), the reason left for the writer to fill in.
fn accept(claim: &ClaimResult, f: &Finding, file: &str, text: &str) -> Option<Fix> {
    if claim.file != file {
        return None;
    }
    let indent = claim.column.checked_sub(1)? as usize;
    let pad = " ".repeat(indent);
    let entry = format!(
        "{{kind: {}, reason: \"TODO: why this is acceptable\"}}",
        f.kind.name()
    );
    // The claim's lines: from its first key to the last line indented
    // under it.
    let mut offset = 0;
    let mut end = None;
    let mut accept_list: Option<usize> = None;
    for (i, line) in text.split_inclusive('\n').enumerate() {
        let number = i as u32 + 1;
        let next = offset + line.len();
        if number > claim.line {
            let blank = line.trim().is_empty();
            if !blank && indent_of(line) < indent {
                break;
            }
            if !blank {
                end = Some(next);
                if indent_of(line) == indent && line.trim_start().starts_with("accept:") {
                    if line.trim_end().ends_with("accept:") {
                        accept_list = Some(next);
                    } else {
                        return None; // a flow list: left to the writer
                    }
                }
            }
        } else if number == claim.line {
            end = Some(next);
        }
        offset = next;
    }
    let at = end?;
    // Past the block list's last item when the claim has one.
    let (at, insert) = match accept_list {
        Some(_) => (at, format!("{pad}  - {entry}\n")),
        None => (at, format!("{pad}accept:\n{pad}  - {entry}\n")),
    };
    let (at, insert) = if text[..at].ends_with('\n') || at == 0 {
        (at, insert)
    } else {
        (at, format!("\n{insert}"))
    };
    Some(Fix {
        title: format!("Accept this {} (give the reason)", f.kind.name()),
        kind: Some(f.kind.name()),
        edits: vec![Edit {
            file: file.to_string(),
            offset: at,
            length: 0,
            new_text: insert,
        }],
    })
}

/// A claim for a draft's quotation, at the end of the claims file's
/// `claims:` list (it searches every source, as the draft names none).
fn add_claim(
    quotation: &str,
    taken: &mut BTreeSet<String>,
    claims_file: &str,
    claims_text: &str,
) -> Fix {
    let quote = quotation.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut insert = String::new();
    if !claims_text.is_empty() && !claims_text.ends_with('\n') {
        insert.push('\n');
    }
    insert.push_str(&format!(
        "  - id: {}\n    quote: {}\n",
        slug(&quote, taken),
        yaml_string(&quote)
    ));
    Fix {
        title: "Add a claim for this quotation".to_string(),
        kind: Some(Kind::UnclaimedQuote.name()),
        edits: vec![Edit {
            file: claims_file.to_string(),
            offset: claims_text.len(),
            length: 0,
            new_text: insert,
        }],
    }
}

#[cfg(test)]
mod tests {
    use super::{add_claim, plain_safe};
    use std::collections::BTreeSet;

    #[test]
    fn plain_scalars_only_when_they_read_the_same() {
        assert!(plain_safe("we will not send troops"));
        assert!(!plain_safe("note: troops"));
        assert!(!plain_safe("'quoted'"));
        assert!(!plain_safe("a #tag"));
    }

    #[test]
    fn a_new_claim_goes_at_the_end_of_the_list() {
        let mut taken = BTreeSet::from(["a".to_string()]);
        let fix = add_claim(
            "We are ready\nfor \"every\" outcome",
            &mut taken,
            "c.yaml",
            "claims:\n  - id: a\n",
        );
        assert_eq!(
            fix.edits[0].new_text,
            "  - id: we-are-ready-for\n    quote: \"We are ready for \\\"every\\\" outcome\"\n"
        );
        assert_eq!(fix.edits[0].offset, "claims:\n  - id: a\n".len());
        // An id the file already has is not given again.
        let again = add_claim("We are ready for it", &mut taken, "c.yaml", "");
        assert!(again.edits[0]
            .new_text
            .starts_with("  - id: we-are-ready-for-2\n"));
    }
}
