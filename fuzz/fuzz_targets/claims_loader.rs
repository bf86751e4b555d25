#![no_main]
//! Any bytes as a claims file: diagnostics or a claim set, never a panic.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Err(failure) = verbatim::claims::load_claims_bytes("claims/fuzz.yaml", data) {
        for e in &failure.errors {
            assert!(e.at.line >= 1 && e.at.column >= 1);
        }
    }
});
