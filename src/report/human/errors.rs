//! Invalid input: one diagnostic per problem, each headed FILE:LINE:COL,
//! with the line around it (never more of the file).

use super::views::InputView;
use super::window::Window;
use super::{handler, Style};
use crate::model::InputError;
use miette::{LabeledSpan, NamedSource};
use std::sync::Arc;

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
            .find(|(n, _)| *n == e.at.file)
            .map(|(_, t)| t.clone());
        let (source, label) = match text {
            Some(text) if e.at.offset <= text.len() => {
                let len = e.at.length.min(text.len() - e.at.offset);
                (
                    Some(NamedSource::new(&e.at.file, Window::whole(text))),
                    Some(LabeledSpan::new_primary_with_span(
                        Some("here".into()),
                        (e.at.offset, len),
                    )),
                )
            }
            _ => (None, None),
        };
        let view = InputView {
            severity: None,
            message: format!("{}:{}:{}: {}", e.at.file, e.at.line, e.at.column, e.message),
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
