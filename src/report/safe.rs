//! Text from a claims file, a source, a draft or a file name is untrusted:
//! printed raw, it could drive a terminal (ESC, OSC 52, CSI), reorder what
//! a reader sees (bidirectional overrides) or become a CI runner's command
//! (a line starting with `::` or `##[`). Every text renderer passes what it
//! prints through here.

use std::borrow::Cow;

/// Characters that act on a terminal or reorder text.
fn is_hostile(c: char) -> bool {
    (c.is_control() && !matches!(c, '\n' | '\t' | '\r'))
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}')
}

/// `text` with hostile characters and lone carriage returns replaced by
/// `?`, byte for byte, so offsets into it still hold.
pub fn same_length(text: &str) -> Cow<'_, str> {
    let lone_cr = |i: usize| text.as_bytes().get(i + 1) != Some(&b'\n');
    if !text
        .char_indices()
        .any(|(i, c)| is_hostile(c) || (c == '\r' && lone_cr(i)))
    {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for (i, c) in text.char_indices() {
        if is_hostile(c) || (c == '\r' && lone_cr(i)) {
            out.extend(std::iter::repeat_n('?', c.len_utf8()));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A rendered report with no line a CI runner would take for a command:
/// a line starting (after spaces) with `::` or `##[` gets a zero-width
/// space after its first character.
pub fn no_commands(text: &str) -> Cow<'_, str> {
    let starts_command = |line: &str| {
        let t = line.trim_start();
        t.starts_with("::") || t.starts_with("##[")
    };
    if !text.lines().any(starts_command) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for line in text.split_inclusive('\n') {
        if starts_command(line) {
            let lead = line.len() - line.trim_start().len();
            out.push_str(&line[..lead + 1]);
            out.push('\u{200B}');
            out.push_str(&line[lead + 1..]);
        } else {
            out.push_str(line);
        }
    }
    Cow::Owned(out)
}

/// Text for XML 1.0: characters it cannot hold become U+FFFD.
pub fn xml_text(text: &str) -> Cow<'_, str> {
    let invalid = |c: char| {
        (c < ' ' && !matches!(c, '\t' | '\n' | '\r')) || matches!(c, '\u{FFFE}' | '\u{FFFF}')
    };
    if !text.chars().any(invalid) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| if invalid(c) { '\u{FFFD}' } else { c })
            .collect(),
    )
}

/// A path as a URI reference: percent-encoded but for unreserved
/// characters and `/`.
pub fn uri_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// A Markdown table cell or inline text: no line breaks, no pipes, no
/// backticks that would end a code span, no HTML.
pub fn markdown_cell(text: &str) -> String {
    same_length(text)
        .replace(['\r', '\n'], " ")
        .replace('|', "\\|")
        .replace('`', "'")
        .replace('<', "&lt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_controls_become_question_marks_of_the_same_length() {
        let text = "a\u{1b}]52;c;ZXZpbA==\u{7}b\u{9b}2Jc\u{202E}d\r\ne\rf";
        let safe = same_length(text);
        assert_eq!(safe.len(), text.len());
        assert!(!safe.contains('\u{1b}') && !safe.contains('\u{7}') && !safe.contains('\u{202E}'));
        assert!(safe.contains("\r\n") && safe.contains("e?f"));
        assert!(matches!(same_length("plain text\n"), Cow::Borrowed(_)));
    }

    #[test]
    fn lines_that_would_be_workflow_commands_are_broken() {
        let safe = no_commands("ok\n  ::warning file=x::owned\n##[error]x\n");
        assert!(!safe.lines().any(|l| l.trim_start().starts_with("::")));
        assert!(!safe.lines().any(|l| l.starts_with("##[")));
        assert!(safe.contains("warning file=x::owned"));
    }

    #[test]
    fn xml_uri_and_markdown() {
        assert_eq!(xml_text("a\u{1}b\u{FFFF}"), "a\u{FFFD}b\u{FFFD}");
        assert_eq!(uri_path("claims/a b#1.yaml"), "claims/a%20b%231.yaml");
        assert_eq!(markdown_cell("a|b`c\nd<e"), "a\\|b'c d&lt;e");
    }
}
