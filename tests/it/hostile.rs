//! Hostile input: every case in tests/hostile/cases (a claims file whose
//! header says the expected exit code and a fragment of the message) and
//! the generated ones below (FIFOs, devices, symlink loops, encodings,
//! alias bombs, huge inputs). None may panic, hang or be killed.

use crate::common::{copy_tree, sorted_paths};
use std::path::{Path, PathBuf};
use std::time::Duration;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/hostile")
}

/// A fresh folder with the hostile sources and an empty claims folder.
fn workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("claims")).unwrap();
    copy_tree(&root().join("sources"), &dir.path().join("sources"));
    dir
}

struct Outcome {
    code: Option<i32>,
    text: String,
}

fn run(dir: &Path, args: &[&str]) -> Outcome {
    let out = crate::common::verbatim(dir)
        .timeout(Duration::from_secs(60))
        .args(args)
        .output()
        .unwrap();
    Outcome {
        code: out.status.code(),
        text: String::from_utf8_lossy(&out.stdout).to_string()
            + &String::from_utf8_lossy(&out.stderr),
    }
}

fn expect(name: &str, outcome: &Outcome, code: i32, fragment: &str) -> Result<(), String> {
    if outcome.code == Some(101) {
        return Err(format!("{name}: PANIC\n{}", outcome.text));
    }
    if outcome.code != Some(code)
        || !outcome
            .text
            .to_lowercase()
            .contains(&fragment.to_lowercase())
    {
        let shown: String = outcome.text.chars().take(600).collect();
        return Err(format!(
            "{name}: expected exit {code} with {fragment:?}, got {:?}:\n{shown}",
            outcome.code
        ));
    }
    Ok(())
}

/// A claims file citing `source` (relative to claims/).
fn citing(source: &str) -> String {
    format!("sources:\n  s: {source}\nclaims:\n  - {{source: s, quote: we will not send troops}}\n")
}

type Setup = Box<dyn Fn(&Path)>;

fn generated() -> Vec<(&'static str, i32, &'static str, Setup)> {
    let write = |path: &'static str, bytes: Vec<u8>| -> Setup {
        Box::new(move |dir: &Path| std::fs::write(dir.join(path), &bytes).unwrap())
    };
    let utf16 = |big: bool| {
        let text = "The minister said “we will not send troops” on Monday.\r\n";
        let mut bytes = if big {
            vec![0xFE, 0xFF]
        } else {
            vec![0xFF, 0xFE]
        };
        for unit in text.encode_utf16() {
            bytes.extend(if big {
                unit.to_be_bytes()
            } else {
                unit.to_le_bytes()
            });
        }
        bytes
    };
    let mut laughs = String::from(
        "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
    );
    for i in 1..10 {
        let prev = (b'a' + i - 1) as char;
        let this = (b'a' + i) as char;
        laughs.push_str(&format!("{this}: &{this} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]\n"));
    }
    laughs.push_str("sources:\n  s: ../sources/plain.txt\nclaims:\n  - {source: s, quote: lol}\n");
    vec![
        ("alias-bomb", 2, "claims/c.yaml:", write("claims/c.yaml", laughs.into_bytes())),
        ("deep-nesting", 2, "claims/c.yaml:", write("claims/c.yaml", "[".repeat(100_000).into_bytes())),
        ("invalid-utf8-claims", 2, "UTF-8", write("claims/c.yaml", b"sources:\n  s: ../sources/plain.txt\nclaims: [\xff\xfe]\n".to_vec())),
        ("nul-in-claims", 2, "claims/c.yaml:", write("claims/c.yaml", b"sources:\n  s: ../sources/plain.txt\x00\nclaims: []\n".to_vec())),
        ("bom-crlf-claims", 0, "1 claim", write("claims/c.yaml", format!("\u{feff}{}", citing("../sources/plain.txt").replace('\n', "\r\n")).into_bytes())),
        ("huge-quote", 1, "not-found", write("claims/c.yaml", format!("sources:\n  s: ../sources/plain.txt\nclaims:\n  - source: s\n    quote: \"{}\"\n", "words and more words ".repeat(50_000)).into_bytes())),
        ("oversized-claims", 2, "limit", Box::new(|dir: &Path| {
            let mut text = "# ".to_string() + &"x".repeat(65 * 1024 * 1024) + "\n";
            text.push_str(&citing("../sources/plain.txt"));
            std::fs::write(dir.join("claims/c.yaml"), text).unwrap();
        })),
        ("source-folder", 1, "source-unreadable", Box::new(|dir: &Path| {
            std::fs::create_dir_all(dir.join("sources/folder.txt")).unwrap();
            std::fs::write(dir.join("claims/c.yaml"), citing("../sources/folder.txt")).unwrap();
        })),
        ("source-fifo", 1, "source-unreadable", Box::new(|dir: &Path| {
            let fifo = dir.join("sources/pipe.txt");
            assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
            std::fs::write(dir.join("claims/c.yaml"), citing("../sources/pipe.txt")).unwrap();
        })),
        // Outside the project root: an input error, never opened.
        ("source-device", 2, "outside the project root", Box::new(|dir: &Path| {
            std::fs::write(dir.join("claims/c.yaml"), citing("/dev/null")).unwrap();
        })),
        ("source-invalid-utf8", 1, "not valid UTF-8", Box::new(|dir: &Path| {
            std::fs::write(dir.join("sources/latin1.txt"), b"caf\xe9 we will not send troops").unwrap();
            std::fs::write(dir.join("claims/c.yaml"), citing("../sources/latin1.txt")).unwrap();
        })),
        ("source-nul", 1, "NUL", Box::new(|dir: &Path| {
            std::fs::write(dir.join("sources/nul.txt"), b"we will not\x00 send troops").unwrap();
            std::fs::write(dir.join("claims/c.yaml"), citing("../sources/nul.txt")).unwrap();
        })),
        ("source-utf8-bom", 0, "1 pass", Box::new(|dir: &Path| {
            std::fs::write(dir.join("sources/bom.txt"), "\u{feff}we will not send troops").unwrap();
            std::fs::write(dir.join("claims/c.yaml"), citing("../sources/bom.txt")).unwrap();
        })),
        ("source-utf16le", 0, "1 pass", Box::new(move |dir: &Path| {
            std::fs::write(dir.join("sources/le.txt"), utf16(false)).unwrap();
            std::fs::write(dir.join("claims/c.yaml"), citing("../sources/le.txt")).unwrap();
        })),
        ("source-utf16be", 0, "1 pass", Box::new(move |dir: &Path| {
            std::fs::write(dir.join("sources/be.txt"), utf16(true)).unwrap();
            std::fs::write(dir.join("claims/c.yaml"), citing("../sources/be.txt")).unwrap();
        })),
        ("source-crlf", 0, "1 pass", Box::new(|dir: &Path| {
            std::fs::write(dir.join("sources/crlf.txt"), "First line.\r\n\r\nThey said we will not send\r\ntroops at all.\r\n").unwrap();
            std::fs::write(dir.join("claims/c.yaml"), citing("../sources/crlf.txt")).unwrap();
        })),
        ("source-one-long-line", 0, "1 pass", Box::new(|dir: &Path| {
            let mut text = "lorem ipsum dolor sit amet ".repeat(200_000);
            text.push_str("and we will not send troops.");
            std::fs::write(dir.join("sources/long.txt"), text).unwrap();
            std::fs::write(dir.join("claims/c.yaml"), citing("../sources/long.txt")).unwrap();
        })),
        ("source-dangling-symlink", 1, "source-missing", Box::new(|dir: &Path| {
            std::os::unix::fs::symlink(dir.join("sources/gone.txt"), dir.join("sources/link.txt")).unwrap();
            std::fs::write(dir.join("claims/c.yaml"), citing("../sources/link.txt")).unwrap();
        })),
        ("symlink-loop-under-claims", 0, "1 claim", Box::new(|dir: &Path| {
            std::fs::create_dir_all(dir.join("claims/sub")).unwrap();
            std::os::unix::fs::symlink(dir.join("claims"), dir.join("claims/sub/loop")).unwrap();
            std::fs::write(dir.join("claims/c.yaml"), citing("../sources/plain.txt")).unwrap();
        })),
        ("no-claims-files", 2, "no claims files", Box::new(|_: &Path| {})),
    ]
}

#[test]
fn hostile_inputs_are_answered_never_crashed_on() {
    let mut failures = Vec::new();
    let mut count = 0;
    for case in sorted_paths(&root().join("cases")) {
        let text = std::fs::read_to_string(&case).unwrap();
        let header = |key: &str| {
            text.lines()
                .find_map(|l| l.strip_prefix(&format!("# {key}: ")))
                .unwrap_or_else(|| panic!("{} lacks `# {key}:`", case.display()))
                .to_string()
        };
        let code: i32 = header("exit").parse().unwrap();
        let fragment = header("expect");
        let dir = workspace();
        std::fs::write(dir.path().join("claims/c.yaml"), &text).unwrap();
        let name = case.file_name().unwrap().to_string_lossy().to_string();
        if let Err(e) = expect(&name, &run(dir.path(), &["check"]), code, &fragment) {
            failures.push(e);
        }
        count += 1;
    }
    for (name, code, fragment, setup) in generated() {
        let dir = workspace();
        setup(dir.path());
        if let Err(e) = expect(name, &run(dir.path(), &["check"]), code, fragment) {
            failures.push(e);
        }
        count += 1;
    }
    // A claims path that does not exist.
    let dir = workspace();
    if let Err(e) = expect(
        "missing-path",
        &run(dir.path(), &["check", "nowhere"]),
        2,
        "nowhere",
    ) {
        failures.push(e);
    }
    count += 1;
    println!("hostile inputs: {count} cases, {} failed", failures.len());
    assert!(count >= 40, "only {count} hostile cases");
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// A 1 GB source on one line: bounded memory, or a clear rejection. Run
/// with `cargo test --release --test hostile -- --ignored`.
#[test]
#[ignore]
fn a_one_gigabyte_source_on_one_line() {
    let dir = workspace();
    {
        use std::io::Write;
        let mut f = std::io::BufWriter::new(
            std::fs::File::create(dir.path().join("sources/huge.txt")).unwrap(),
        );
        let chunk = "lorem ipsum dolor sit amet ".repeat(40_000);
        let mut written = 0;
        while written < 1_000_000_000 {
            f.write_all(chunk.as_bytes()).unwrap();
            written += chunk.len();
        }
        f.write_all(b"and we will not send troops.").unwrap();
    }
    std::fs::write(
        dir.path().join("claims/c.yaml"),
        citing("../sources/huge.txt"),
    )
    .unwrap();
    let outcome = run(dir.path(), &["check"]);
    expect("one-gigabyte-line", &outcome, 0, "1 pass").unwrap();
}
