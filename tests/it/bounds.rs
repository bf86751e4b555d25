//! Worst cases of the search, each run with its wall time and peak memory
//! measured (wait4's rusage of the child): repeated words, one enormous
//! paragraph, a 2,000-word quote, 2,000 quotes sharing all their words, a
//! source on one line. Each must stay linear; the bounds are generous (a
//! debug build is ten times slower than a release one) but an input that
//! made the search quadratic again would break them by far. The release
//! figures are in the README's speed section.

use std::path::Path;
use std::time::Duration;

/// CPU time (user and system: steady when other tests share the
/// machine, unlike the wall clock) and peak RSS of `verbatim check
/// --format json` in `dir`.
#[allow(clippy::zombie_processes)] // reaped by wait4, for its rusage
pub fn measure(dir: &Path) -> (i32, Duration, u64) {
    let bin = assert_cmd::cargo::cargo_bin("verbatim");
    let child = std::process::Command::new(bin)
        .args(["check", "--format", "json"])
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let mut status = 0;
    // SAFETY: an all-zero rusage is a valid value for wait4 to fill in.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: waiting once for our own child, with valid out-pointers.
    let pid = unsafe { libc::wait4(child.id() as i32, &mut status, 0, &mut usage) };
    assert_eq!(pid, child.id() as i32, "wait4 failed");
    let code = if libc::WIFEXITED(status) {
        libc::WEXITSTATUS(status)
    } else {
        -1
    };
    let seconds = |t: libc::timeval| Duration::new(t.tv_sec as u64, t.tv_usec as u32 * 1000);
    let cpu = seconds(usage.ru_utime) + seconds(usage.ru_stime);
    // ru_maxrss is in kilobytes on Linux.
    (code, cpu, usage.ru_maxrss as u64 * 1024)
}

/// A deterministic stream of words from `vocab`.
fn words(vocab: &[&str], n: usize, seed: u64) -> Vec<String> {
    let mut x = seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1;
    (0..n)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            vocab[(x % vocab.len() as u64) as usize].to_string()
        })
        .collect()
}

fn project(source: &str, quotes: &[String]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("claims")).unwrap();
    std::fs::create_dir_all(dir.path().join("sources")).unwrap();
    std::fs::write(dir.path().join("sources/s.txt"), source).unwrap();
    let mut claims = String::from("sources:\n  s: ../sources/s.txt\nclaims:\n");
    for q in quotes {
        claims.push_str(&format!("  - source: s\n    quote: \"{q}\"\n"));
    }
    std::fs::write(dir.path().join("claims/c.yaml"), claims).unwrap();
    dir
}

/// Prose-like words: the demo source's own.
fn prose() -> Vec<String> {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("sources/msn-friend-neighbor-military-target.txt"),
    )
    .unwrap();
    text.split_whitespace()
        .map(|w| w.replace(['"', '\\'], "'"))
        .collect()
}

/// `n` words of the demo source, reshuffled into a long text.
fn long_text(n: usize, seed: u64) -> Vec<String> {
    let vocab = prose();
    let vocab: Vec<&str> = vocab.iter().map(String::as_str).collect();
    words(&vocab, n, seed)
}

/// A misquote of `n` words of `text` from word `at`: one word in every
/// `every` replaced.
fn misquote(text: &[String], at: usize, n: usize, every: usize) -> String {
    let mut q: Vec<String> = text[at..at + n].to_vec();
    for k in (n / 2..n).step_by(every.max(1)) {
        q[k] = "flamingo".into();
    }
    q.join(" ")
}

#[test]
fn worst_cases_stay_linear() {
    let common = [
        "the", "of", "and", "to", "a", "in", "that", "is", "was", "he", "for", "it",
    ];
    let text = long_text(300_000, 3);
    let paragraph: String = text
        .chunks(12)
        .map(|line| line.join(" "))
        .collect::<Vec<_>>()
        .join("\n");
    let shared = [
        "alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet",
    ];
    let cases: Vec<(&str, tempfile::TempDir)> = vec![
        (
            // 16 KB of quotes of common words against 1 MB of them.
            "repeated words",
            project(
                &words(&common, 250_000, 1).join(" "),
                &(0..200)
                    .map(|i| words(&common, 12, 100 + i).join(" ") + " zebra")
                    .collect::<Vec<_>>(),
            ),
        ),
        (
            // 2 MB with line breaks but no paragraph break.
            "one enormous paragraph",
            project(
                &paragraph,
                &(0..200)
                    .map(|i| misquote(&text, i * 1_400, 25, 5))
                    .collect::<Vec<_>>(),
            ),
        ),
        (
            "a 2,000-word quote",
            project(&text.join(" "), &[misquote(&text, 5_000, 2_000, 97)]),
        ),
        (
            // Every quote holds every word of the source.
            "2,000 quotes sharing all their words",
            project(
                &words(&shared, 200_000, 2).join(" "),
                &(0..2_000)
                    .map(|i| words(&shared, 15, 1_000 + i).join(" "))
                    .collect::<Vec<_>>(),
            ),
        ),
        (
            "a source on one line",
            project(
                &text.join(" "),
                &(0..200)
                    .map(|i| misquote(&text, i * 1_400, 25, 5))
                    .collect::<Vec<_>>(),
            ),
        ),
    ];
    let (time_bound, memory_bound) = if cfg!(debug_assertions) {
        (Duration::from_secs(15), 300 << 20)
    } else {
        (Duration::from_secs(2), 200 << 20)
    };
    let mut failures = Vec::new();
    for (name, dir) in &cases {
        let (code, cpu, rss) = measure(dir.path());
        println!(
            "{name}: exit {code}, {:.2} s of CPU, {} MB",
            cpu.as_secs_f64(),
            rss >> 20
        );
        if code != 1 || cpu > time_bound || rss > memory_bound {
            failures.push(format!(
                "{name}: exit {code} (want 1: findings), {:.2} s of CPU, {} MB",
                cpu.as_secs_f64(),
                rss >> 20
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
