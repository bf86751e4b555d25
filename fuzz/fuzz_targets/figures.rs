#![no_main]
//! Any sentence: the figure reader never panics and intervals are ordered.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    for f in verbatim::figures::read::read_sentence(text, 0, Some(2026)) {
        assert!(f.low <= f.high || f.low.is_nan() || f.high.is_nan(), "{f:?}");
        assert!(f.end <= text.len());
    }
    let _ = verbatim::figures::read_claimed(text, None);
});
