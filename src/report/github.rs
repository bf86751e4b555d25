//! GitHub Actions workflow commands: one annotation per finding, and a
//! Markdown summary for the job page when `GITHUB_STEP_SUMMARY` is set.

use crate::model::span::end_of;
use crate::model::{Finding, Report, Severity, Status};
use crate::report::safe::{markdown_cell, same_length};

/// Escape a command's message (terminal controls neutralised first).
pub fn escape_data(text: &str) -> String {
    same_length(text)
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escape a command's property value.
pub fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

fn command(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "notice",
    }
}

fn annotation(claim_id: &str, f: &Finding, files: &[(String, std::sync::Arc<String>)]) -> String {
    let mut props = Vec::new();
    if let Some(span) = &f.claim {
        let text = files
            .iter()
            .find(|(n, _)| *n == span.file)
            .and_then(|(_, t)| t.get(span.offset..span.offset + span.length))
            .unwrap_or("");
        let (end_line, end_column) = end_of(span.line, span.column, text);
        props.push(format!("file={}", escape_property(&span.file)));
        props.push(format!("line={}", span.line));
        props.push(format!("col={}", span.column));
        props.push(format!("endLine={end_line}"));
        props.push(format!("endColumn={}", end_column.max(span.column + 1)));
    }
    props.push(format!(
        "title={}",
        escape_property(&format!("verbatim {}: {claim_id}", f.kind.name()))
    ));
    let mut message = f.message.clone();
    if let Some(s) = &f.source {
        message.push_str(&format!("\nsource {}: “{}”", s.location(), s.text));
    }
    if let Some(help) = &f.help {
        message.push_str(&format!("\nhelp: {help}"));
    }
    format!(
        "::{} {}::{}\n",
        command(f.severity),
        props.join(","),
        escape_data(&message)
    )
}

/// A command pointing at one place of a file (no end position).
fn point(command: &str, file: &str, line: u32, column: u32, title: &str, message: &str) -> String {
    format!(
        "::{command} file={},line={line},col={column},title={}::{}\n",
        escape_property(file),
        escape_property(title),
        escape_data(message)
    )
}

pub fn render(report: &Report) -> String {
    let mut out = String::new();
    for e in &report.errors {
        out.push_str(&point(
            "error",
            &e.at.file,
            e.at.line,
            e.at.column,
            "verbatim: invalid input",
            &e.message,
        ));
    }
    for claim in &report.claims {
        for f in &claim.findings {
            out.push_str(&annotation(&claim.id, f, &report.files));
        }
    }
    for u in &report.unclaimed {
        let Some(span) = &u.source else {
            continue;
        };
        out.push_str(&point(
            command(u.severity),
            &span.path,
            span.line,
            span.column,
            &format!("verbatim {}", u.kind.name()),
            &u.message,
        ));
    }
    out.push_str(&crate::report::human::summary_line(report));
    out
}

/// The Markdown table appended to the job summary.
pub fn step_summary(report: &Report) -> String {
    let mut out = String::from("## verbatim\n\n");
    if !report.errors.is_empty() {
        out.push_str(&format!(
            "{} problems in the input: nothing was checked.\n\n",
            report.errors.len()
        ));
        for e in &report.errors {
            out.push_str(&format!(
                "- `{}:{}:{}` {}\n",
                cell(&e.at.file),
                e.at.line,
                e.at.column,
                cell(&e.message)
            ));
        }
        return out;
    }
    out.push_str(&format!(
        "{} claims: {} pass, {} warn, {} fail\n\n| claim | where | status | findings |\n| --- | --- | --- | --- |\n",
        report.claims.len(),
        report.count(Status::Pass),
        report.count(Status::Warn),
        report.count(Status::Fail)
    ));
    for claim in &report.claims {
        let kinds: Vec<&str> = claim.findings.iter().map(|f| f.kind.name()).collect();
        out.push_str(&format!(
            "| `{}` | `{}:{}` | {} | {} |\n",
            cell(&claim.id),
            cell(&claim.file),
            claim.line,
            claim.status.name(),
            if kinds.is_empty() {
                "-".to_string()
            } else {
                kinds.join(", ")
            }
        ));
    }
    out
}

fn cell(text: &str) -> String {
    markdown_cell(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_follow_the_workflow_command_rules() {
        assert_eq!(escape_data("50% done\r\nnext"), "50%25 done%0D%0Anext");
        assert_eq!(escape_property("a,b:c%"), "a%2Cb%3Ac%25");
    }
}
