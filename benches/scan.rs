//! The scan, in MB/s of source: folding alone, and a whole check (read,
//! fold, find every quote exactly or approximately, decide) of 200 quotes
//! against an 8 MB source, on ASCII prose and on non-ASCII prose (the
//! same words with diacritics and typographic quotation marks, which the
//! folding has to decompose).

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;
use std::path::{Path, PathBuf};
use verbatim::model::Settings;

const SOURCE_BYTES: usize = 8 << 20;

/// The demo sources' words, reshuffled deterministically into `bytes` of
/// prose in paragraphs.
fn prose(bytes: usize, accented: bool) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("sources");
    let mut words: Vec<String> = Vec::new();
    let mut names: Vec<PathBuf> = std::fs::read_dir(&root)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .collect();
    names.sort();
    for name in names {
        let text = std::fs::read_to_string(name).unwrap_or_default();
        words.extend(text.split_whitespace().map(str::to_string));
    }
    if accented {
        for w in &mut words {
            *w = w
                .replace('e', "é")
                .replace('o', "ö")
                .replace('"', "“")
                .replace('\'', "’");
        }
    }
    let mut out = String::with_capacity(bytes + 100);
    let mut x: u64 = 0x2545_f491_4f6c_dd1d;
    let mut n = 0;
    while out.len() < bytes && !words.is_empty() {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        // Runs of the original text, as real archives repeat phrases.
        let start = (x % words.len() as u64) as usize;
        for w in words.iter().cycle().skip(start).take(40) {
            out.push_str(w);
            out.push(' ');
        }
        n += 1;
        if n % 5 == 0 {
            out.push_str("\n\n");
        }
    }
    out
}

/// A project: the source, and 200 quotes of it (half exact, half with a
/// word changed).
fn project(accented: bool) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let text = prose(SOURCE_BYTES, accented);
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut claims = String::from("sources:\n  s: ../sources/s.txt\nclaims:\n");
    for i in 0..200 {
        let at = i * (words.len() / 210);
        let mut quote: Vec<&str> = words[at..at + 20].to_vec();
        if i % 2 == 1 {
            quote[10] = "flamingo";
        }
        let quote = quote.join(" ").replace(['"', '\\', '“', '”'], "");
        claims.push_str(&format!("  - source: s\n    quote: \"{quote}\"\n"));
    }
    for (path, body) in [("sources/s.txt", text), ("claims/c.yaml", claims)] {
        let path = dir.path().join(path);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).unwrap_or_else(|e| panic!("{e}"));
        }
        std::fs::write(path, body).unwrap_or_else(|e| panic!("{e}"));
    }
    dir
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("scan");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(SOURCE_BYTES as u64));
    for (name, accented) in [("ascii", false), ("non-ascii", true)] {
        let text = prose(SOURCE_BYTES, accented);
        group.bench_function(format!("fold {name} prose"), |b| {
            b.iter(|| verbatim::text::fold::fold(black_box(&text)))
        });
        let dir = project(accented);
        let files = [PathBuf::from("claims/c.yaml")];
        let settings = Settings::default();
        group.bench_function(format!("check 200 quotes, {name} prose"), |b| {
            b.iter(|| verbatim::check_files(&files, dir.path(), &settings, &|_| {}))
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
