//! JUnit XML for test dashboards: a test suite per claims file, a test case
//! per claim; errors fail it, warnings are reported in its output.

use crate::model::{Report, Severity, Status};
use crate::report::safe::xml_text;
use quick_junit::{NonSuccessKind, Report as JUnit, TestCase, TestCaseStatus, TestSuite};

/// Text as XML 1.0 can hold it: ids and texts come from claims files and
/// sources, and any character may be in them.
fn x(text: &str) -> String {
    xml_text(text).into_owned()
}

pub fn render(report: &Report) -> String {
    let mut junit = JUnit::new("verbatim");
    if !report.errors.is_empty() {
        let mut suite = TestSuite::new("invalid input");
        for e in &report.errors {
            let mut status = TestCaseStatus::non_success(NonSuccessKind::Error);
            let at = format!("{}:{}:{}", e.at.file, e.at.line, e.at.column);
            status.set_message(x(&format!("{at}: {}", e.message)));
            status.set_type("invalid-input");
            let mut case = TestCase::new(x(&at), status);
            case.set_classname(x(&e.at.file));
            suite.add_test_case(case);
        }
        junit.add_test_suite(suite);
    }
    let mut files: Vec<&str> = Vec::new();
    for claim in &report.claims {
        if !files.contains(&claim.file.as_str()) {
            files.push(&claim.file);
        }
    }
    for file in files {
        let mut suite = TestSuite::new(x(file));
        for claim in report.claims.iter().filter(|c| c.file == file) {
            let details: Vec<String> = claim
                .findings
                .iter()
                .map(|f| {
                    let at = f
                        .source
                        .as_ref()
                        .map(|s| format!(" [{}]", s.location()))
                        .unwrap_or_default();
                    format!("{} {}: {}{at}", f.severity.name(), f.kind.name(), f.message)
                })
                .collect();
            let status = match claim.status {
                Status::Fail => {
                    let first = claim
                        .findings
                        .iter()
                        .find(|f| f.severity == Severity::Error);
                    let mut status = TestCaseStatus::non_success(NonSuccessKind::Failure);
                    if let Some(f) = first {
                        status.set_message(x(&f.message));
                        status.set_type(f.kind.name());
                    }
                    status.set_description(x(&details.join("\n")));
                    status
                }
                _ => TestCaseStatus::success(),
            };
            let mut case = TestCase::new(x(&claim.id), status);
            case.set_classname(x(file));
            if claim.status != Status::Fail && !details.is_empty() {
                case.set_system_out(x(&details.join("\n")));
            }
            suite.add_test_case(case);
        }
        junit.add_test_suite(suite);
    }
    if !report.unclaimed.is_empty() {
        let mut suite = TestSuite::new("unclaimed quotations");
        for u in &report.unclaimed {
            let Some(span) = &u.source else {
                continue;
            };
            let detail = format!(
                "{} {}: no claim covers “{}”",
                u.severity.name(),
                u.kind.name(),
                span.text
            );
            let status = if u.severity == Severity::Error {
                let mut status = TestCaseStatus::non_success(NonSuccessKind::Failure);
                status.set_message(x(&u.message));
                status.set_type(u.kind.name());
                status.set_description(x(&detail));
                status
            } else {
                TestCaseStatus::success()
            };
            let mut case = TestCase::new(
                x(&format!("{}:{}:{}", span.path, span.line, span.column)),
                status,
            );
            case.set_classname(x(&span.path));
            if u.severity != Severity::Error {
                case.set_system_out(x(&detail));
            }
            suite.add_test_case(case);
        }
        junit.add_test_suite(suite);
    }
    junit
        .to_string()
        .unwrap_or_else(|e| format!("<?xml version=\"1.0\"?><!-- {e} -->\n"))
}
