#![no_main]
//! Any text as a source (plain, Markdown, HTML): every folded word maps
//! back inside the original, on character boundaries.
use libfuzzer_sys::fuzz_target;
use verbatim::text::markup::{fold_markup, Markup};
use verbatim::text::source::Source;

fn check(source: &Source, original_len: usize) {
    let folded = &source.folded.text;
    let mut at = 0;
    for word in folded.split(' ') {
        let (s, e) = source.original_range(at, at + word.len());
        assert!(s <= e && e <= original_len, "{s}..{e} of {original_len}");
        let _ = source.place(at, at + word.len());
        at += word.len() + 1;
    }
    for &(a, b) in &source.layout.quotations {
        assert!(a <= b && b <= folded.len());
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let len = text.len();
    check(&Source::from_text(text.to_string()), len);
    for kind in [Markup::Markdown, Markup::Html] {
        check(&Source::from_markup(fold_markup(text, kind), text.to_string()), len);
    }
});
