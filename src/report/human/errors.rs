//! Invalid input: one diagnostic per problem, each headed FILE:LINE:COL,
//! with the line around it (never more of the file).

use super::views::InputView;
use super::window::Window;
use super::{handler, indexed, Style};
use crate::model::InputError;
use crate::report::safe::{no_commands, same_length};
use miette::{LabeledSpan, NamedSource};
use std::sync::Arc;

/// Invalid input: one diagnostic per problem, each headed FILE:LINE:COL.
pub fn render_errors(
    errors: &[InputError],
    files: &[(String, Arc<String>)],
    style: Style,
) -> String {
    let handler = handler(style);
    let files = indexed(files);
    let mut out = String::new();
    for e in errors {
        let (source, label) = match files.get(e.at.file.as_str()) {
            Some((text, index)) if e.at.offset <= text.len() => {
                let len = e.at.length.min(text.len() - e.at.offset);
                (
                    Some(NamedSource::new(
                        same_length(&e.at.file),
                        // The lines around the problem, never the whole file.
                        Window::lines_around(text, index, e.at.offset, len),
                    )),
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
            message: same_length(&format!(
                "{}:{}:{}: {}",
                e.at.file, e.at.line, e.at.column, e.message
            ))
            .into_owned(),
            help: e.help.as_deref().map(|h| same_length(h).into_owned()),
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
    no_commands(&out).into_owned()
}
