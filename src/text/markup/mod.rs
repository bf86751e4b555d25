//! Markdown and HTML sources: markup is not text.
//!
//! Markdown goes through pulldown-cmark's offset iterator and HTML through
//! html5gum's tokenizer with spans (WHATWG-compliant, maintained, and it
//! reports byte ranges, which html5ever's tree builder does not). Both feed
//! the same folder as plain text, piece by piece with each piece's original
//! offset, so every span still lands on the file's bytes.

use super::fold::{Folded, Folder};
use super::layout::{Collector, Layout};
use std::path::Path;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Markup {
    Markdown,
    Html,
}

impl Markup {
    /// The markup a source is written in, by its extension; `None` is text.
    pub fn of(path: &Path) -> Option<Markup> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "md" | "markdown" => Some(Markup::Markdown),
            "html" | "htm" | "xhtml" => Some(Markup::Html),
            _ => None,
        }
    }
}

/// Text pieces of a markup source: the original byte range and the text it
/// reads as (entities decoded, escapes removed, block breaks as new lines).
pub type Pieces = Vec<(usize, usize, String)>;

struct Walk<'s> {
    folder: Folder<'s, Collector>,
    pieces: Pieces,
    /// Folded positions where open block quotations began.
    blockquotes: Vec<usize>,
}

impl Walk<'_> {
    /// Feed `decoded`, the reading of `raw` (which starts at `raw_start`).
    fn text(&mut self, decoded: &str, raw: &str, raw_start: usize) {
        if decoded == raw {
            self.folder.push(decoded, raw_start);
            self.pieces
                .push((raw_start, raw_start + raw.len(), decoded.to_string()));
            return;
        }
        let chars: Vec<char> = decoded.chars().collect();
        let mut r = 0;
        let mut after_reference = false;
        for (ci, &c) in chars.iter().enumerate() {
            let rest = &raw[r.min(raw.len())..];
            let reference = rest.starts_with('&') && !rest.starts_with(c);
            let len = if after_reference && !rest.starts_with(c) {
                // The second character of a reference such as "&notinE;"
                // ("⋹̸") stands for no bytes of its own.
                0
            } else if rest.starts_with(c) {
                c.len_utf8()
            } else if rest.starts_with('\\') && rest[1..].starts_with(c) {
                1 + c.len_utf8()
            } else if rest.starts_with('&') {
                // The reference ends where the rest of the text picks up
                // again ("&notit" reads "¬it": the reference is "&not").
                let after: String = chars[ci + 1..]
                    .iter()
                    .skip_while(|c| !rest.contains(**c))
                    .take(4)
                    .collect();
                (2..=rest.len().min(40))
                    .filter(|&k| rest.is_char_boundary(k))
                    .find(|&k| rest[k..].starts_with(&after))
                    .unwrap_or_else(|| entity_len(rest))
            } else if rest.starts_with("\r\n") && c == '\n' {
                2
            } else {
                // Unexpected: keep going one raw character at a time.
                rest.chars().next().map_or(0, char::len_utf8)
            };
            after_reference = reference || (after_reference && len == 0);
            // Never past the raw text, whatever the decoder did.
            let at = raw_start + r.min(raw.len());
            let len = len.min(raw.len().saturating_sub(r));
            self.folder.push_char(c, at, len);
            self.pieces.push((at, at + len, c.to_string()));
            r += len;
        }
    }

    fn block(&mut self, at: usize) {
        self.folder.paragraph_break();
        self.pieces.push((at, at, "\n".into()));
    }

    fn line_break(&mut self, at: usize) {
        self.folder.separate();
        self.pieces.push((at, at, " ".into()));
    }

    fn open_quotation(&mut self) {
        self.blockquotes.push(self.folder.folded_len());
    }

    fn close_quotation(&mut self) {
        if let Some(start) = self.blockquotes.pop() {
            let end = self.folder.folded_len();
            self.folder.quotation(start, end);
        }
    }
}

/// The length of the character reference at the start of `rest`:
/// `&name;`, `&#123;`, or a legacy `&name` without its semicolon.
fn entity_len(rest: &str) -> usize {
    let body = rest[1..]
        .char_indices()
        .find(|&(_, c)| !(c.is_ascii_alphanumeric() || c == '#'))
        .map_or(rest.len() - 1, |(i, _)| i);
    if rest[1 + body..].starts_with(';') {
        body + 2
    } else {
        (body + 1).max(1)
    }
}

/// A markup source folded: its folded text, layout and text pieces.
pub struct Marked {
    pub folded: Folded,
    pub layout: Layout,
    pub pieces: Pieces,
}

/// Fold a markup source.
pub fn fold_markup(text: &str, kind: Markup) -> Marked {
    let mut collector = Collector::for_markup();
    let (folded, pieces): (Folded, Pieces) = {
        let mut folder = Folder::new(&mut collector);
        folder.set_markup();
        folder.reserve(text.len());
        let mut walk = Walk {
            folder,
            pieces: Vec::new(),
            blockquotes: Vec::new(),
        };
        match kind {
            Markup::Markdown => markdown(text, &mut walk),
            Markup::Html => html(text, &mut walk),
        }
        let pieces = walk.pieces;
        (walk.folder.finish(), pieces)
    };
    Marked {
        folded,
        layout: collector.finish(),
        pieces,
    }
}

fn markdown(text: &str, walk: &mut Walk) {
    use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_FOOTNOTES;
    for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
        match event {
            Event::Start(Tag::BlockQuote(_)) => {
                walk.block(range.start);
                walk.open_quotation();
            }
            Event::End(TagEnd::BlockQuote(_)) => {
                walk.close_quotation();
                walk.block(range.end);
            }
            Event::Start(
                Tag::Paragraph
                | Tag::Heading { .. }
                | Tag::Item
                | Tag::CodeBlock(_)
                | Tag::List(_)
                | Tag::Table(_)
                | Tag::TableRow
                | Tag::TableCell
                | Tag::FootnoteDefinition(_),
            ) => walk.block(range.start),
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::CodeBlock
                | TagEnd::List(_)
                | TagEnd::Table
                | TagEnd::TableRow
                | TagEnd::TableCell
                | TagEnd::FootnoteDefinition,
            ) => walk.block(range.end),
            Event::Text(t) => walk.text(&t, &text[range.clone()], range.start),
            Event::Code(code) => {
                // The range includes the backticks: find the code inside.
                let raw = &text[range.clone()];
                let at = raw.find(code.as_ref()).unwrap_or(0);
                walk.text(
                    &code,
                    &raw[at..(at + code.len()).min(raw.len())],
                    range.start + at,
                );
            }
            Event::SoftBreak | Event::HardBreak => walk.line_break(range.start),
            Event::Rule => walk.block(range.start),
            _ => {}
        }
    }
}

/// Elements whose start and end break paragraphs.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "section",
    "article",
    "header",
    "footer",
    "main",
    "nav",
    "aside",
    "table",
    "tr",
    "td",
    "th",
    "thead",
    "tbody",
    "pre",
    "hr",
    "title",
    "figure",
    "figcaption",
    "address",
    "body",
    "html",
    "head",
    "form",
    "fieldset",
    "details",
    "summary",
];

/// Elements whose content is not text.
const HIDDEN: &[&str] = &[
    "script", "style", "template", "noscript", "svg", "math", "iframe", "object",
];

fn html(text: &str, walk: &mut Walk) {
    use html5gum::{DefaultEmitter, Token, Tokenizer};
    let mut emitter = DefaultEmitter::<usize>::new_with_span();
    emitter.naively_switch_states(true);
    let mut hidden: Option<String> = None;
    for token in Tokenizer::new_with_emitter(text, emitter).flatten() {
        match token {
            Token::StartTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name).to_ascii_lowercase();
                if hidden.is_some() {
                    continue;
                }
                if HIDDEN.contains(&name.as_str()) {
                    if !tag.self_closing {
                        hidden = Some(name);
                    }
                } else if name == "br" {
                    walk.line_break(tag.span.start);
                } else if BLOCKS.contains(&name.as_str()) {
                    walk.block(tag.span.start);
                    if name == "blockquote" {
                        walk.open_quotation();
                    }
                }
            }
            Token::EndTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name).to_ascii_lowercase();
                if let Some(h) = &hidden {
                    if *h == name {
                        hidden = None;
                    }
                    continue;
                }
                if BLOCKS.contains(&name.as_str()) {
                    if name == "blockquote" {
                        walk.close_quotation();
                    }
                    walk.block(tag.span.end);
                }
            }
            Token::String(s) if hidden.is_none() => {
                let (start, end) = (s.span.start, s.span.end.min(text.len()));
                let decoded = String::from_utf8_lossy(&s.value);
                match text.get(start..end) {
                    Some(raw) => walk.text(&decoded, raw, start),
                    // A span that does not fit the text: no bytes to point at.
                    None => walk.text(&decoded, "", start.min(text.len())),
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests;
