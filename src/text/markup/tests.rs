//! Markup sources: what is text, what is not, and spans on the bytes.

use super::*;
use crate::text::Source;

fn source(text: &str, kind: Markup) -> Source {
    Source::from_markup(fold_markup(text, kind), text.to_string())
}

fn find(source: &Source, quote: &str) -> Option<(String, String)> {
    let q = crate::text::fold::fold(quote).text;
    let at = source.folded.text.find(&q)?;
    let place = source.place(at, at + q.len());
    let raw = source.raw_text(place.offset, place.offset + place.length);
    Some((raw, place.text))
}

#[test]
fn html_tags_are_not_text_and_entities_are_decoded() {
    let html = "<html><head><style>p { color: red }</style><script>var secret = 'hidden words here';</script></head>\
        <body><p>She said it was <em>very</em> im<b>port</b>ant to Pe&ntilde;a &amp; co.</p><!-- a comment --></body></html>";
    let s = source(html, Markup::Html);
    assert!(!s.folded.text.contains("hidden"));
    assert!(!s.folded.text.contains("color"));
    assert!(!s.folded.text.contains("comment"));
    let (raw, clean) = find(&s, "it was very important to Peña").unwrap();
    assert_eq!(raw, "it was <em>very</em> im<b>port</b>ant to Pe&ntilde;a");
    assert_eq!(clean, "it was very important to Peña");
}

/// Every folded word maps back inside the text.
fn assert_words_inside(s: &Source, len: usize) {
    let mut at = 0;
    for word in s.folded.text.split(' ') {
        let (a, b) = s.original_range(at, at + word.len());
        assert!(a <= b && b <= len, "{word}: {a}..{b}");
        at += word.len() + 1;
    }
}

/// Found by fuzzing: a lone carriage return (which HTML reads as a line
/// feed) and NUL bytes must not shift later words past the text's end.
#[test]
fn lone_carriage_returns_and_nuls_keep_spans_in_the_text() {
    let text = "one\rtwo three\0four five &amp six &notit seven\r\neight northern nine";
    let s = source(text, Markup::Html);
    assert_words_inside(&s, text.len());
    let (raw, _) = find(&s, "northern nine").unwrap();
    assert_eq!(raw, "northern nine");
}

/// Found by fuzzing: a reference decoding to two characters leaves one
/// standing for no bytes; the map must not read that as an identity run.
#[test]
fn characters_standing_for_no_bytes_stay_in_the_text() {
    let text = "<title>Pe&notinE;ti and more words here at the very end";
    let s = source(text, Markup::Html);
    assert_words_inside(&s, text.len());
    assert_eq!(find(&s, "the very end").unwrap().0, "the very end");
}

#[test]
fn html_blocks_are_paragraphs() {
    let s = source("<p>first one</p><p>second one</p>", Markup::Html);
    assert_eq!(s.layout.paragraphs.len(), 2);
    let s = source("<p>one<br>two</p>", Markup::Html);
    assert_eq!(s.folded.text, "one two");
    assert_eq!(s.layout.paragraphs.len(), 1);
}

#[test]
fn markdown_emphasis_and_markers_are_not_text() {
    let md = "# A heading\n\nShe said it was *very* **important** to [Peña](http://x).\n\n> A block quote\n> over two lines.\n\n- item one\n- item two\n\nUse `code spans` too.\n";
    let s = source(md, Markup::Markdown);
    assert!(s.folded.text.starts_with("a heading she said"));
    let (raw, clean) = find(&s, "it was very important to Peña").unwrap();
    assert_eq!(raw, "it was *very* **important** to [Peña]");
    assert_eq!(clean, "it was very important to Peña");
    assert!(find(&s, "code spans too").is_some());
    assert!(!s.folded.text.contains("http"));
    // The heading, the paragraph, the quote, two items, the last line.
    assert!(s.layout.paragraphs.len() >= 6, "{:?}", s.layout.paragraphs);
    // A block quote is a quotation.
    assert!(s
        .layout
        .quotations
        .iter()
        .any(|&(a, b)| s.folded.text[a..b].contains("a block quote over two lines")));
}

/// A fix quoting a passage keeps an elided word's apostrophe.
#[test]
fn an_elided_words_apostrophe_belongs_to_the_passage() {
    let s = Source::from_text("In the ’90s and the '80s, ’tis said.".to_string());
    let (_, raw) = find(&s, "90s and the 80s").unwrap();
    assert_eq!(raw, "’90s and the '80s");
}
