//! The search of a source cut into segments finds what the search of the
//! whole source finds: the demo claims, checked with segments of a few
//! kilobytes, give the same report, places (offsets, lines, columns) and
//! figures included.

use super::run_with;
use crate::claims::load_claims;
use crate::files::root::Roots;
use crate::model::Settings;
use crate::text::segments::Limits;
use std::path::{Path, PathBuf};

/// The demo's claims set, loaded from the repository.
fn demo_set() -> crate::claims::ClaimSet {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let files: Vec<PathBuf> = ["claims/border.yaml", "claims/red-line.yaml"]
        .iter()
        .map(|f| root.join(f))
        .collect();
    match load_claims(&files, root, &Roots::new(root, &[])) {
        Ok(set) => set,
        Err(e) => panic!("{:?}", e.errors),
    }
}

/// Progress comes in bytes, per segment: a large source moves it as it
/// is read, and the bytes add up to the sources' sizes.
#[test]
fn progress_counts_the_bytes_of_every_segment() {
    let set = demo_set();
    let total: u64 = set
        .source_files
        .iter()
        .map(|s| std::fs::metadata(&s.path).map_or(0, |m| m.len()))
        .sum();
    for (limits, more_ticks_than_sources) in [
        (Limits::default(), false),
        (
            Limits {
                whole: 0,
                segment: 5 << 10,
                overlap: 2 << 10,
            },
            true,
        ),
    ] {
        let ticks = std::sync::Mutex::new(Vec::new());
        run_with(&set, &Settings::default(), limits, &|n| {
            if let Ok(mut t) = ticks.lock() {
                t.push(n);
            }
        });
        let ticks = ticks.into_inner().unwrap_or_default();
        assert_eq!(ticks.iter().sum::<u64>(), total);
        assert_eq!(
            ticks.len() > set.source_files.len(),
            more_ticks_than_sources
        );
    }
}

fn demo_report(limits: Limits) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let files: Vec<PathBuf> = ["claims/border.yaml", "claims/red-line.yaml"]
        .iter()
        .map(|f| root.join(f))
        .collect();
    let roots = Roots::new(root, &[]);
    let set = match load_claims(&files, root, &roots) {
        Ok(set) => set,
        Err(e) => panic!("{:?}", e.errors),
    };
    let report = run_with(&set, &Settings::default(), limits, &|_| {});
    assert!(!report.claims.is_empty());
    format!("{:#?}", report.claims)
}

#[test]
fn segments_find_what_the_whole_source_finds() {
    let whole = demo_report(Limits::default());
    for (segment, overlap) in [(8 << 10, 2 << 10), (5 << 10, 2 << 10)] {
        let cut = demo_report(Limits {
            whole: 0,
            segment,
            overlap,
        });
        if cut != whole {
            let diff = similar::TextDiff::from_lines(&whole, &cut)
                .unified_diff()
                .context_radius(3)
                .to_string();
            panic!("segments of {segment} bytes differ:\n{diff}");
        }
    }
}

/// Segments searched a batch at a time in parallel: the same report for
/// any number of threads.
#[test]
fn segments_give_the_same_report_for_any_number_of_threads() {
    let tiny = Limits {
        whole: 0,
        segment: 5 << 10,
        overlap: 2 << 10,
    };
    let reports: Vec<String> = [1, 2, 5]
        .iter()
        .map(|&n| {
            let pool = match rayon::ThreadPoolBuilder::new().num_threads(n).build() {
                Ok(pool) => pool,
                Err(e) => panic!("{e}"),
            };
            pool.install(|| demo_report(tiny))
        })
        .collect();
    assert!(reports.windows(2).all(|w| w[0] == w[1]));
}

/// Candidate keys packed into one number keep their order.
#[test]
fn packed_keys_order_as_the_keys() {
    use super::plan::packed;
    use crate::evidence::SourceId;
    use std::cmp::Reverse;
    let keys = [
        (1, Reverse(SourceId(9))),
        (1, Reverse(SourceId(2))),
        (2, Reverse(SourceId(50))),
        (2, Reverse(SourceId(0))),
        (40, Reverse(SourceId(7))),
    ];
    for pair in keys.windows(2) {
        assert!(pair[0] < pair[1]);
        assert!(packed(pair[0]) < packed(pair[1]), "{pair:?}");
    }
    assert!(packed((1, Reverse(SourceId(0)))) > 0);
}

#[test]
fn waves_cover_the_documents_once_in_order() {
    assert_eq!(super::waves((3, 200)), vec![(3, 200)]);
    for (from, to) in [(0, 256), (0, 20_000), (7, 1_000)] {
        let waves = super::waves((from, to));
        assert_eq!(waves.len(), 2 + super::REST_WAVES);
        assert_eq!(waves.first().map(|w| w.0), Some(from));
        assert_eq!(waves.last().map(|w| w.1), Some(to));
        assert!(waves.windows(2).all(|w| w[0].1 == w[1].0));
        assert!(waves.iter().all(|&(a, b)| a < b), "{waves:?}");
        // The first wave is the smallest: it finds what an archive repeats.
        assert_eq!(waves[0].1 - waves[0].0, (to - from) / 64);
    }
}
