//! `verbatim figures`: the figures read from sources, for people and tools.

use crate::figures::{format_value, Period, SourceFigure};
use serde::Serialize;

fn interval(f: &crate::figures::Figure) -> String {
    let open = |v: f64| {
        if v.is_infinite() {
            "∞".to_string()
        } else {
            format_value(v)
        }
    };
    if f.low == f.high {
        format_value(f.value)
    } else {
        format!("[{}, {}]", open(f.low), open(f.high))
    }
}

fn period(p: Option<Period>) -> String {
    match p {
        None => "-".into(),
        Some(Period::Years(1.0)) => "a year".into(),
        Some(Period::Years(y)) => format!("{} years", format_value(y)),
        Some(Period::Since {
            year,
            years: Some(y),
        }) => format!("since {year} ({} years)", format_value(y)),
        Some(Period::Since { year, years: None }) => {
            format!("since {year} (unresolved: no published date)")
        }
    }
}

pub fn human(files: &[(String, Vec<SourceFigure>)]) -> String {
    let mut out = String::new();
    for (path, figures) in files {
        for sf in figures {
            let f = &sf.figure;
            if f.is_year {
                out.push_str(&format!(
                    "{path}:{}:{}: {:?} year {}\n",
                    sf.place.line, sf.place.column, f.text, f.value
                ));
                continue;
            }
            out.push_str(&format!(
                "{path}:{}:{}: {:?} value {} interval {} unit {} counts {:?} period {} context [{}]\n",
                sf.place.line,
                sf.place.column,
                f.text,
                format_value(f.value),
                interval(f),
                f.unit.map_or("-".to_string(), |u| format!("{u:?}").to_lowercase()),
                f.noun_phrase,
                period(f.period),
                f.context.join(", ")
            ));
        }
    }
    let n: usize = files.iter().map(|(_, f)| f.len()).sum();
    out.push_str(&format!("{n} figures in {} files\n", files.len()));
    out
}

#[derive(Serialize)]
struct Entry<'a> {
    file: &'a str,
    line: u32,
    column: u32,
    offset: usize,
    length: usize,
    #[serde(flatten)]
    figure: &'a crate::figures::Figure,
}

pub fn json(files: &[(String, Vec<SourceFigure>)]) -> String {
    let entries: Vec<Entry> = files
        .iter()
        .flat_map(|(path, figures)| {
            figures.iter().map(move |sf| Entry {
                file: path,
                line: sf.place.line,
                column: sf.place.column,
                offset: sf.place.offset,
                length: sf.place.length,
                figure: &sf.figure,
            })
        })
        .collect();
    let mut text = serde_json::to_string_pretty(&serde_json::json!({ "figures": entries }))
        .unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    text.push('\n');
    text
}
