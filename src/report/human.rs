//! The human report: miette's graphical layout, the claims file's snippet
//! with the quote underlined and the source's passage as a nested
//! diagnostic, then a summary line.

use crate::findings::{ClaimResult, Finding, InputError, Report, Severity, SourceSpan, Status};
use miette::{
    Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError,
    MietteSpanContents, NamedSource, SourceCode, SpanContents,
};
use std::collections::HashMap;
use std::fmt;
use std::sync::Arc;

/// How the report looks.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub color: bool,
    pub width: usize,
}

/// Text shown in a snippet: a whole claims file or a source excerpt, with
/// the real line numbers, offsets and columns (in characters, as the rest
/// of the report counts them).
#[derive(Debug)]
struct Window {
    text: Arc<String>,
    base_offset: usize,
    base_line: usize,
    /// Characters cut from the start of the excerpt's first line.
    base_column: usize,
}

impl Window {
    fn whole(text: Arc<String>) -> Window {
        Window {
            text,
            base_offset: 0,
            base_line: 0,
            base_column: 0,
        }
    }
}

impl SourceCode for Window {
    fn read_span<'a>(
        &'a self,
        span: &miette::SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let at = span
            .offset()
            .saturating_sub(self.base_offset)
            .min(self.text.len());
        let local = miette::SourceSpan::new(at.into(), span.len());
        let inner = self.text.as_str().read_span(&local, before, after)?;
        let line_start = self.text[..at].rfind('\n').map_or(0, |i| i + 1);
        let mut column = self
            .text
            .get(line_start..at)
            .map_or(0, |t| t.chars().count());
        if line_start == 0 {
            column += self.base_column;
        }
        Ok(Box::new(MietteSpanContents::new(
            inner.data(),
            miette::SourceSpan::new(
                (inner.span().offset() + self.base_offset).into(),
                inner.span().len(),
            ),
            inner.line() + self.base_line,
            column,
            inner.line_count(),
        )))
    }
}

#[derive(Debug)]
struct Passage {
    message: String,
    source: NamedSource<Window>,
    label: LabeledSpan,
}

impl fmt::Display for Passage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}
impl std::error::Error for Passage {}
impl Diagnostic for Passage {
    fn severity(&self) -> Option<miette::Severity> {
        Some(miette::Severity::Advice)
    }
    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(&self.source)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        Some(Box::new(std::iter::once(self.label.clone())))
    }
}

#[derive(Debug)]
struct FindingView {
    message: String,
    severity: miette::Severity,
    help: Option<String>,
    source: Option<NamedSource<Window>>,
    label: Option<LabeledSpan>,
    related: Vec<Passage>,
}

impl fmt::Display for FindingView {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}
impl std::error::Error for FindingView {}
impl Diagnostic for FindingView {
    fn severity(&self) -> Option<miette::Severity> {
        Some(self.severity)
    }
    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }
    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.source.as_ref().map(|s| s as &dyn SourceCode)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        self.label
            .clone()
            .map(|l| Box::new(std::iter::once(l)) as Box<dyn Iterator<Item = LabeledSpan>>)
    }
    fn related<'a>(&'a self) -> Option<Box<dyn Iterator<Item = &'a dyn Diagnostic> + 'a>> {
        if self.related.is_empty() {
            None
        } else {
            Some(Box::new(self.related.iter().map(|p| p as &dyn Diagnostic)))
        }
    }
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

/// Excerpts of sources, read once per file for display only.
#[derive(Default)]
struct SourceTexts {
    cache: HashMap<String, Option<Arc<String>>>,
}

/// Sources larger than this are shown by their passage alone.
const SNIPPET_FILE_LIMIT: u64 = 32 * 1024 * 1024;

impl SourceTexts {
    fn window(&mut self, span: &SourceSpan) -> Window {
        let text = self
            .cache
            .entry(span.path.clone())
            .or_insert_with(|| {
                let meta = std::fs::metadata(&span.path).ok()?;
                if meta.len() > SNIPPET_FILE_LIMIT {
                    return None;
                }
                std::fs::read_to_string(&span.path).ok().map(Arc::new)
            })
            .clone();
        match text {
            Some(text)
                if span.offset + span.length <= text.len()
                    && text.is_char_boundary(span.offset)
                    && text.is_char_boundary(span.offset + span.length) =>
            {
                // The passage's own lines, cropped around it: source
                // paragraphs are often one long line.
                let line_start = text[..span.offset].rfind('\n').map_or(0, |i| i + 1);
                let end = span.offset + span.length;
                let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i);
                let start = crop_back(&text, line_start, span.offset, EXCERPT_MARGIN);
                let stop = crop_forward(&text, end, line_end, EXCERPT_MARGIN);
                Window {
                    text: Arc::new(text[start..stop].to_string()),
                    base_offset: start,
                    base_line: text[..start].matches('\n').count(),
                    base_column: text[line_start..start].chars().count(),
                }
            }
            _ => Window {
                text: Arc::new(span.text.clone()),
                base_offset: span.offset,
                base_line: span.line.saturating_sub(1) as usize,
                base_column: span.column.saturating_sub(1) as usize,
            },
        }
    }
}

/// Characters of context kept either side of a passage.
const EXCERPT_MARGIN: usize = 60;

/// Step back at most `margin` characters from `at`, not before `floor`,
/// ending on a word boundary.
fn crop_back(text: &str, floor: usize, at: usize, margin: usize) -> usize {
    let mut start = at;
    for (taken, (i, _)) in text[floor..at].char_indices().rev().enumerate() {
        if taken >= margin {
            break;
        }
        start = floor + i;
    }
    if start > floor {
        if let Some(space) = text[start..at].find(' ') {
            start += space + 1;
        }
    }
    start
}

/// Step forward at most `margin` characters from `at`, not past `ceiling`,
/// ending on a word boundary.
fn crop_forward(text: &str, at: usize, ceiling: usize, margin: usize) -> usize {
    let mut stop = at;
    for (taken, (i, c)) in text[at..ceiling].char_indices().enumerate() {
        if taken >= margin {
            break;
        }
        stop = at + i + c.len_utf8();
    }
    if stop < ceiling {
        if let Some(space) = text[at..stop].rfind(' ') {
            stop = at + space;
        }
    }
    stop
}

fn finding_view(
    claim: &ClaimResult,
    finding: &Finding,
    files: &HashMap<&str, Arc<String>>,
    sources: &mut SourceTexts,
) -> FindingView {
    let (source, label) = match &finding.claim {
        Some(span) => match files.get(span.file.as_str()) {
            Some(text) => (
                Some(NamedSource::new(&span.file, Window::whole(text.clone()))),
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
        let window = sources.window(span);
        related.push(Passage {
            message: format!(
                "{what}: {}:{}:{} (`{}`)",
                span.path, span.line, span.column, span.key
            ),
            source: NamedSource::new(&span.path, window),
            label: LabeledSpan::new_primary_with_span(Some(what), (span.offset, span.length)),
        });
    }
    let mut help = finding.help.clone();
    if let (Some(expected), Some(actual)) =
        (finding.source.as_ref().map(|s| &s.text), &finding.actual)
    {
        if matches!(
            finding.kind,
            crate::findings::Kind::Misquote | crate::findings::Kind::Typo
        ) {
            let diff = crate::report::diff::word_diff(expected, actual);
            help = Some(match help {
                Some(h) => format!("{diff}\n{h}"),
                None => diff,
            });
        }
    }
    FindingView {
        message: format!(
            "{} [{}]: {}",
            claim.id,
            finding.kind.name(),
            finding.message
        ),
        severity: miette_severity(finding.severity),
        help,
        source,
        label,
        related,
    }
}

fn label_for(finding: &Finding) -> String {
    match finding.kind {
        crate::findings::Kind::SourceMissing
        | crate::findings::Kind::SourceUnreadable
        | crate::findings::Kind::SourceChanged => "declared here".into(),
        crate::findings::Kind::StaleAccept => "this entry".into(),
        _ => "quoted here".into(),
    }
}

/// The graphical report of a run's findings and its summary line.
pub fn render(report: &Report, style: Style) -> String {
    let handler = handler(style);
    let files: HashMap<&str, Arc<String>> = report
        .files
        .iter()
        .map(|(name, text)| (name.as_str(), text.clone()))
        .collect();
    let mut sources = SourceTexts::default();
    let mut out = String::new();
    for claim in &report.claims {
        for finding in &claim.findings {
            let view = finding_view(claim, finding, &files, &mut sources);
            if handler.render_report(&mut out, &view).is_err() {
                out.push_str(&format!("{}: {}\n", claim.id, finding.message));
            }
            out.push('\n');
        }
    }
    for u in &report.unclaimed {
        let span = u.span();
        let view = InputView {
            message: format!(
                "{}:{}:{}: [unclaimed-quote] no claim covers the quotation “{}”",
                u.file, u.line, u.column, u.text
            ),
            help: Some(
                "add a claim with this quote and its source (`verbatim extract` drafts one)".into(),
            ),
            source: Some(NamedSource::new(&u.file, sources.window(&span))),
            label: Some(LabeledSpan::new_primary_with_span(
                Some("not claimed".into()),
                (u.offset, u.length),
            )),
            severity: Some(miette::Severity::Warning),
        };
        if handler.render_report(&mut out, &view).is_err() {
            out.push_str(&view.message);
            out.push('\n');
        }
        out.push('\n');
    }
    out.push_str(&summary_line(report));
    out
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
        line.push_str(&format!(
            ", {} unclaimed quotations",
            report.unclaimed.len()
        ));
    }
    line.push('\n');
    line
}

#[derive(Debug)]
struct InputView {
    message: String,
    severity: Option<miette::Severity>,
    help: Option<String>,
    source: Option<NamedSource<Window>>,
    label: Option<LabeledSpan>,
}

impl fmt::Display for InputView {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}
impl std::error::Error for InputView {}
impl Diagnostic for InputView {
    fn severity(&self) -> Option<miette::Severity> {
        self.severity
    }
    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }
    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.source.as_ref().map(|s| s as &dyn SourceCode)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        self.label
            .clone()
            .map(|l| Box::new(std::iter::once(l)) as Box<dyn Iterator<Item = LabeledSpan>>)
    }
}

/// Invalid input: one diagnostic per problem, each headed FILE:LINE:COL.
pub fn render_errors(
    errors: &[InputError],
    files: &[(String, Arc<String>)],
    style: Style,
) -> String {
    let handler = handler(style);
    let mut out = String::new();
    for e in errors {
        let text = files
            .iter()
            .find(|(n, _)| *n == e.file)
            .map(|(_, t)| t.clone());
        let (source, label) = match text {
            Some(text) if e.offset <= text.len() => {
                let len = e.length.min(text.len() - e.offset);
                (
                    Some(NamedSource::new(&e.file, Window::whole(text))),
                    Some(LabeledSpan::new_primary_with_span(
                        Some("here".into()),
                        (e.offset, len),
                    )),
                )
            }
            _ => (None, None),
        };
        let view = InputView {
            severity: None,
            message: format!("{}:{}:{}: {}", e.file, e.line, e.column, e.message),
            help: e.help.clone(),
            source,
            label,
        };
        if handler.render_report(&mut out, &view).is_err() {
            out.push_str(&view.message);
            out.push('\n');
        }
        out.push('\n');
    }
    let n = errors.len();
    out.push_str(&format!(
        "{n} problem{} in the input: nothing was checked\n",
        if n == 1 { "" } else { "s" }
    ));
    out
}
