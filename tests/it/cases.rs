//! Command-line cases as data: each `tests/cases/NAME.toml` gives the
//! arguments and exit code, `NAME.stdout` / `NAME.stderr` the expected
//! output (`...` skips lines, `[..]` part of a line), and `NAME.in/` the
//! working tree it runs in. `TRYCMD=overwrite cargo test` rewrites the
//! expected output after a deliberate change.

#[test]
fn command_line_cases() {
    trycmd::TestCases::new()
        .register_bin("verbatim", trycmd::cargo::cargo_bin!("verbatim"))
        .case("tests/cases/*.toml");
}
