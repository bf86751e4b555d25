#![no_main]
//! A quote and a source from the input (split at the first NUL): the
//! matcher and attribution never panic, and spans stay in the source.
use libfuzzer_sys::fuzz_target;
use verbatim::matcher::quote::parse_quote;
use verbatim::matcher::{analyze, LazyIndex};
use verbatim::text::source::Source;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Some((quote, source)) = text.split_once('\0') else { return };
    let source_len = source.len();
    let source = Source::from_text(source.to_string());
    let parsed = parse_quote(quote);
    let mut index = LazyIndex::default();
    let evidence = analyze(&source, &parsed, &[], &mut index, &Default::default());
    if let Some(a) = &evidence.aligned {
        assert!(a.place.offset + a.place.length <= source_len);
        let _ = verbatim::attribution::credit(&source, a.range.0, a.range.1);
    }
    for p in &evidence.pieces {
        assert!(p.place.offset + p.place.length <= source_len);
    }
});
