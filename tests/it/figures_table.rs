//! The figure reader against the table read by hand from the five demo
//! articles (tests/fixtures/figures.tsv): recall and precision.

use std::path::Path;
use verbatim::figures::{read_source, Period, Qualifier, SourceFigure, Unit};
use verbatim::text::source::Source;

struct Row {
    file: String,
    line: u32,
    text: String,
    low: f64,
    high: f64,
    qualifier: String,
    unit: String,
    period: String,
    noun: String,
}

fn rows() -> Vec<Row> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let table = std::fs::read_to_string(root.join("tests/fixtures/figures.tsv")).unwrap();
    table
        .lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with("file\t") && !l.is_empty())
        .map(|l| {
            let c: Vec<&str> = l.split('\t').collect();
            let (low, high) = match c[3].split_once("..") {
                Some((a, b)) => (a.parse().unwrap(), b.parse().unwrap()),
                None => (c[3].parse().unwrap(), c[3].parse().unwrap()),
            };
            Row {
                file: c[0].into(),
                line: c[1].parse().unwrap(),
                text: c[2].into(),
                low,
                high,
                qualifier: c[4].into(),
                unit: c[5].into(),
                period: c[6].into(),
                noun: c[7].into(),
            }
        })
        .collect()
}

fn qualifier_name(f: &SourceFigure) -> &'static str {
    if f.figure.is_year {
        return "year";
    }
    match f.figure.qualifier {
        Qualifier::Exact => "exact",
        Qualifier::About => "about",
        Qualifier::Nearly => "nearly",
        Qualifier::MoreThan => "more-than",
        Qualifier::AtLeast => "at-least",
        Qualifier::LessThan => "less-than",
        Qualifier::AtMost => "at-most",
        Qualifier::Range => "range",
    }
}

fn unit_name(f: &SourceFigure) -> &'static str {
    match f.figure.unit {
        None => "-",
        Some(Unit::Percent) => "percent",
        Some(Unit::Usd) => "usd",
        Some(Unit::Km) => "km",
        Some(_) => "other",
    }
}

fn period_name(f: &SourceFigure) -> String {
    match f.figure.period {
        None => "-".into(),
        Some(Period::Years(1.0)) => "year".into(),
        Some(Period::Years(10.0)) => "decade".into(),
        Some(Period::Years(y)) => format!("{y}y"),
        Some(Period::Since { year, .. }) => format!("since:{year}"),
    }
}

fn value_matches(row: &Row, f: &SourceFigure) -> bool {
    let v = &f.figure;
    let close = |a: f64, b: f64| (a - b).abs() <= 0.02 * a.abs().max(b.abs()).max(1.0);
    if row.qualifier == "range" || row.low != row.high {
        close(v.low, row.low) && (close(v.high, row.high) || v.high >= row.high * 0.9)
    } else {
        close(v.value, row.low)
    }
}

#[test]
fn reader_recall_and_precision_on_the_hand_made_table() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("sources");
    let rows = rows();
    assert!(rows.len() >= 40);
    let mut by_file = std::collections::HashMap::new();
    for row in &rows {
        by_file.entry(row.file.clone()).or_insert_with(|| {
            let text = std::fs::read_to_string(root.join(&row.file)).unwrap();
            read_source(&Source::from_text(text), Some(2026))
        });
    }
    let (mut values, mut full) = (0, 0);
    let mut misses = Vec::new();
    for row in &rows {
        let figures = &by_file[&row.file];
        let on_line: Vec<&SourceFigure> = figures
            .iter()
            .filter(|f| f.place.line == row.line)
            .collect();
        let hit = on_line.iter().find(|f| value_matches(row, f));
        match hit {
            Some(f) => {
                values += 1;
                let noun_ok = row.noun == "-"
                    || f.figure.nouns.iter().any(|n| {
                        row.noun.starts_with(n.as_str())
                            || n.starts_with(&row.noun[..row.noun.len().min(4)])
                    });
                if qualifier_name(f) == row.qualifier
                    && unit_name(f) == row.unit
                    && period_name(f) == row.period
                    && noun_ok
                {
                    full += 1;
                } else {
                    misses.push(format!(
                        "{}:{} {:?}: read {} {} {} {:?}",
                        row.file,
                        row.line,
                        row.text,
                        qualifier_name(f),
                        unit_name(f),
                        period_name(f),
                        f.figure.nouns
                    ));
                }
            }
            None => misses.push(format!(
                "{}:{} {:?}: no value",
                row.file, row.line, row.text
            )),
        }
    }
    // Precision: of the figures read on the table's lines, how many are in the table.
    let mut read_on_lines = 0;
    let mut in_table = 0;
    for (file, figures) in &by_file {
        let lines: Vec<u32> = rows
            .iter()
            .filter(|r| &r.file == file)
            .map(|r| r.line)
            .collect();
        for f in figures.iter().filter(|f| lines.contains(&f.place.line)) {
            read_on_lines += 1;
            if rows
                .iter()
                .any(|r| &r.file == file && r.line == f.place.line && value_matches(r, f))
            {
                in_table += 1;
            }
        }
    }
    let n = rows.len() as f64;
    let recall_values = values as f64 / n;
    let recall_full = full as f64 / n;
    let precision = in_table as f64 / read_on_lines.max(1) as f64;
    println!("figures table: {} rows; value recall {:.1}%, full recall (qualifier, unit, period, noun) {:.1}%, precision on table lines {:.1}%",
        rows.len(), 100.0 * recall_values, 100.0 * recall_full, 100.0 * precision);
    for m in &misses {
        println!("  {m}");
    }
    assert!(recall_values >= 0.9, "value recall {recall_values}");
    assert!(recall_full >= 0.8, "full recall {recall_full}");
    assert!(precision >= 0.75, "precision {precision}");
}
