//! The human report: miette's graphical layout, the claims file's snippet
//! with the quote underlined and the source's passage as a nested
//! diagnostic, then a summary line. Snippets of sources come from the
//! excerpts kept with each span: this renderer reads no file.

mod errors;
mod views;
mod window;

pub use errors::render_errors;

use crate::model::{ClaimResult, Finding, Kind, LineIndex, Report, Severity, SourceSpan, Status};
use crate::report::safe::{no_commands, same_length};
use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan, NamedSource};
use std::collections::HashMap;
use std::sync::Arc;
use views::{FindingView, InputView, Passage};
use window::Window;

/// How the report looks.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub color: bool,
    pub width: usize,
    pub notes: Notes,
}

/// How the human report shows notes (errors and warnings always come with
/// their snippets).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Notes {
    /// `--quiet`: not at all.
    Hidden,
    /// The default: one line each (kind, claim, location, message).
    Brief,
    /// `--verbose`: with snippets, like warnings.
    Full,
}

/// A note in one line: where it points, its kind and claim, its message.
fn brief_note(claim: &str, finding: &Finding) -> String {
    let at = match (&finding.claim, &finding.source) {
        (Some(span), _) => format!("{}:{}:{}: ", span.file, span.line, span.column),
        (None, Some(span)) => format!("{}:{}:{}: ", span.path, span.line, span.column),
        (None, None) => String::new(),
    };
    safe(&format!(
        "{at}note[{}] {claim}: {}",
        finding.kind.name(),
        finding.message
    ))
}

fn handler(style: Style) -> GraphicalReportHandler {
    let theme = if style.color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    GraphicalReportHandler::new_themed(theme)
        .with_width(style.width)
        .with_wrap_lines(false)
        .with_links(false)
        .with_context_lines(1)
        .with_show_related_as_nested(true)
}

fn miette_severity(severity: Severity) -> miette::Severity {
    match severity {
        Severity::Note => miette::Severity::Advice,
        Severity::Warning => miette::Severity::Warning,
        Severity::Error => miette::Severity::Error,
    }
}

fn finding_view(claim: &ClaimResult, finding: &Finding, files: &Files) -> FindingView {
    let (source, label) = match &finding.claim {
        Some(span) => match files.get(span.file.as_str()) {
            Some((text, index)) => (
                Some(NamedSource::new(
                    safe(&span.file),
                    Window::lines_around(text, index, span.offset, span.length),
                )),
                Some(LabeledSpan::new_primary_with_span(
                    Some(label_for(finding)),
                    (span.offset, span.length),
                )),
            ),
            None => (None, None),
        },
        None => (None, None),
    };
    let mut related = Vec::new();
    let mut passages: Vec<(&SourceSpan, String)> = Vec::new();
    if let Some(s) = &finding.source {
        passages.push((s, "the source".to_string()));
    }
    for (i, r) in finding.related.iter().enumerate() {
        if finding.source.as_ref() != Some(r) {
            passages.push((r, format!("related passage {}", i + 1)));
        }
    }
    for (span, what) in passages {
        let window = Window::around(span);
        related.push(Passage {
            message: safe(&format!("{what}: {} (`{}`)", span.location(), span.key)),
            source: NamedSource::new(safe(&span.path), window),
            label: LabeledSpan::new_primary_with_span(Some(what), (span.offset, span.length)),
        });
    }
    let mut help = finding.help.clone();
    if let (Some(expected), Some(actual)) =
        (finding.source.as_ref().map(|s| &s.text), &finding.actual)
    {
        if matches!(finding.kind, Kind::Misquote | Kind::Typo) {
            let diff = crate::report::diff::word_diff(expected, actual);
            help = Some(match help {
                Some(h) => format!("{diff}\n{h}"),
                None => diff,
            });
        }
    }
    FindingView {
        message: safe(&format!(
            "{} [{}]: {}",
            claim.id,
            finding.kind.name(),
            finding.message
        )),
        severity: miette_severity(finding.severity),
        help: help.map(|h| safe(&h)),
        source,
        label,
        related,
    }
}

fn label_for(finding: &Finding) -> String {
    match finding.kind {
        Kind::SourceMissing | Kind::SourceUnreadable | Kind::SourceChanged => {
            "declared here".into()
        }
        Kind::StaleAccept => "this entry".into(),
        _ => "quoted here".into(),
    }
}

/// A note as `--quiet` (nothing) and the default (one line) show it;
/// whether it was dealt with, or is to be rendered with its snippets.
fn note_handled(style: Style, who: &str, finding: &Finding, out: &mut String) -> bool {
    if finding.severity != Severity::Note {
        return false;
    }
    match style.notes {
        Notes::Hidden => true,
        Notes::Brief => {
            out.push_str(&brief_note(who, finding));
            out.push_str("\n\n");
            true
        }
        Notes::Full => false,
    }
}

/// The graphical report of a run's findings and its summary line.
pub fn render(report: &Report, style: Style) -> String {
    let handler = handler(style);
    let files = indexed(&report.files);
    let mut out = String::new();
    for claim in &report.claims {
        for finding in &claim.findings {
            if note_handled(style, &claim.id, finding, &mut out) {
                continue;
            }
            let view = finding_view(claim, finding, &files);
            if handler.render_report(&mut out, &view).is_err() {
                out.push_str(&format!("{}: {}\n", claim.id, finding.message));
            }
            out.push('\n');
        }
    }
    for u in &report.unclaimed {
        let Some(span) = &u.source else {
            continue;
        };
        if note_handled(style, "(unclaimed)", u, &mut out) {
            continue;
        }
        let view = InputView {
            message: safe(&format!(
                "{}:{}:{}: [{}] {}",
                span.path,
                span.line,
                span.column,
                u.kind.name(),
                u.message
            )),
            help: u.help.as_deref().map(safe),
            source: Some(NamedSource::new(safe(&span.path), Window::around(span))),
            label: Some(LabeledSpan::new_primary_with_span(
                Some("not claimed".into()),
                (span.offset, span.length),
            )),
            severity: Some(miette_severity(u.severity)),
        };
        if handler.render_report(&mut out, &view).is_err() {
            out.push_str(&view.message);
            out.push('\n');
        }
        out.push('\n');
    }
    out.push_str(&summary_line(report));
    no_commands(&out).into_owned()
}

/// Untrusted text made safe to print: see [`crate::report::safe`].
fn safe(text: &str) -> String {
    same_length(text).into_owned()
}

/// Claims files (and the configuration) by display path, each made safe
/// and indexed once, however many findings or problems point into it.
fn indexed(files: &[(String, Arc<String>)]) -> Files<'_> {
    files
        .iter()
        .map(|(name, text)| {
            let text = safe_text(text);
            let index = LineIndex::new(&text);
            (name.as_str(), (text, index))
        })
        .collect()
}

/// Files a report points into, safe to print, with their line indexes.
type Files<'a> = HashMap<&'a str, (Arc<String>, LineIndex)>;

/// A file's text made safe once, kept shared when it needs no change.
fn safe_text(text: &Arc<String>) -> Arc<String> {
    match same_length(text) {
        std::borrow::Cow::Borrowed(_) => text.clone(),
        std::borrow::Cow::Owned(clean) => Arc::new(clean),
    }
}

pub fn summary_line(report: &Report) -> String {
    let n = report.claims.len();
    let mut line = format!(
        "{n} claim{}: {} pass, {} warn, {} fail",
        if n == 1 { "" } else { "s" },
        report.count(Status::Pass),
        report.count(Status::Warn),
        report.count(Status::Fail)
    );
    if !report.unclaimed.is_empty() {
        let n = report.unclaimed.len();
        line.push_str(&format!(
            ", {n} unclaimed quotation{}",
            if n == 1 { "" } else { "s" }
        ));
    }
    line.push('\n');
    line
}
