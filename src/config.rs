//! `verbatim.toml`: severities per kind, the matcher's thresholds, default
//! paths. Found upward from the working directory, or given with
//! `--config`; its errors are reported like a claims file's.

use crate::findings::{InputError, Kind, Severity};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub const FILE_NAME: &str = "verbatim.toml";

/// The typo rule: edits allowed per word, by length.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TypoLimits {
    /// Edits allowed in a shorter word.
    pub distance: usize,
    /// Edits allowed in a word of `long_letters` letters or more.
    pub long_distance: usize,
    pub long_letters: usize,
    /// Words shorter than this are never typos.
    pub min_letters: usize,
}

impl Default for TypoLimits {
    fn default() -> Self {
        TypoLimits {
            distance: 1,
            long_distance: 2,
            long_letters: 8,
            min_letters: 4,
        }
    }
}

/// What the run may be configured with.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    pub severity: BTreeMap<Kind, Severity>,
    /// Share of a quote's words that must align in one passage (rule 2).
    pub aligned: f64,
    /// Below this share, nothing is close (rule 5).
    pub not_found: f64,
    pub typo: TypoLimits,
    /// Claims paths checked when none are given.
    pub claims: Vec<PathBuf>,
    /// The file these came from, if any.
    pub file: Option<PathBuf>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            severity: BTreeMap::new(),
            aligned: 0.75,
            not_found: 0.60,
            typo: TypoLimits::default(),
            claims: vec![PathBuf::from("claims")],
            file: None,
        }
    }
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct Raw {
    #[serde(default)]
    severity: BTreeMap<String, toml::Spanned<String>>,
    #[serde(default)]
    matcher: RawMatcher,
    #[serde(default)]
    paths: RawPaths,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawMatcher {
    aligned: Option<toml::Spanned<f64>>,
    not_found: Option<toml::Spanned<f64>>,
    typo_distance: Option<usize>,
    typo_distance_long: Option<usize>,
    typo_long_letters: Option<usize>,
    typo_min_letters: Option<usize>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawPaths {
    claims: Option<Vec<String>>,
}

/// `verbatim.toml` in the working directory or the nearest folder above.
pub fn find() -> Option<PathBuf> {
    let mut dir = std::env::current_dir().ok()?;
    loop {
        let candidate = dir.join(FILE_NAME);
        if candidate.is_file() {
            return Some(candidate);
        }
        if !dir.pop() {
            return None;
        }
    }
}

fn line_col(text: &str, offset: usize) -> (u32, u32) {
    let offset = offset.min(text.len());
    let before = &text[..offset];
    let line = before.matches('\n').count() as u32 + 1;
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[start..].chars().count() as u32 + 1)
}

/// Read a configuration file; every problem comes back at once.
pub fn load(path: &Path) -> Result<Settings, (Vec<InputError>, String)> {
    let shown = crate::paths::display(path);
    let text = std::fs::read_to_string(path).map_err(|e| {
        (
            vec![InputError {
                file: shown.clone(),
                line: 1,
                column: 1,
                offset: 0,
                length: 0,
                message: format!("cannot read the configuration: {e}"),
                help: None,
            }],
            String::new(),
        )
    })?;
    let error = |range: std::ops::Range<usize>, message: String, help: Option<String>| {
        let (line, column) = line_col(&text, range.start);
        InputError {
            file: shown.clone(),
            line,
            column,
            offset: range.start,
            length: range.end.saturating_sub(range.start),
            message,
            help,
        }
    };
    let raw: Raw = match toml::from_str(&text) {
        Ok(raw) => raw,
        Err(e) => {
            let range = e.span().unwrap_or(0..0);
            let message = e.message().to_string();
            return Err((
                vec![error(
                    range,
                    format!("invalid configuration: {message}"),
                    None,
                )],
                text,
            ));
        }
    };
    let mut settings = Settings {
        file: Some(path.to_path_buf()),
        ..Settings::default()
    };
    let mut errors = Vec::new();
    for (name, value) in &raw.severity {
        let Some(kind) = Kind::from_name(name) else {
            let names: Vec<&str> = Kind::ALL.iter().map(|k| k.name()).collect();
            let help =
                crate::claims::did_you_mean(name, &names).map(|s| format!("did you mean `{s}`?"));
            errors.push(error(
                value.span(),
                format!("unknown finding kind `{name}` in [severity]"),
                help,
            ));
            continue;
        };
        let severity = match value.get_ref().as_str() {
            "note" => Severity::Note,
            "warning" => Severity::Warning,
            "error" => Severity::Error,
            other => {
                errors.push(error(
                    value.span(),
                    format!("severity of `{name}` must be note, warning or error, not `{other}`"),
                    None,
                ));
                continue;
            }
        };
        settings.severity.insert(kind, severity);
    }
    for (value, slot, what) in [
        (&raw.matcher.aligned, &mut settings.aligned, "aligned"),
        (&raw.matcher.not_found, &mut settings.not_found, "not_found"),
    ] {
        if let Some(v) = value {
            if !(0.0..=1.0).contains(v.get_ref()) {
                errors.push(error(
                    v.span(),
                    format!("`{what}` is a share of the quote's words, from 0 to 1"),
                    None,
                ));
            } else {
                *slot = *v.get_ref();
            }
        }
    }
    if settings.not_found > settings.aligned {
        errors.push(error(
            0..0,
            "`not_found` must not exceed `aligned`".into(),
            None,
        ));
    }
    let typo = &raw.matcher;
    settings.typo = TypoLimits {
        distance: typo.typo_distance.unwrap_or(settings.typo.distance),
        long_distance: typo
            .typo_distance_long
            .unwrap_or(settings.typo.long_distance),
        long_letters: typo.typo_long_letters.unwrap_or(settings.typo.long_letters),
        min_letters: typo.typo_min_letters.unwrap_or(settings.typo.min_letters),
    };
    if let Some(claims) = &raw.paths.claims {
        let base = path.parent().unwrap_or(Path::new("."));
        settings.claims = claims
            .iter()
            .map(|c| crate::paths::normalize(&base.join(c)))
            .collect();
    }
    if errors.is_empty() {
        Ok(settings)
    } else {
        errors.sort_by_key(|e| (e.line, e.column));
        Err((errors, text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load_text(text: &str) -> Result<Settings, Vec<InputError>> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(FILE_NAME);
        std::fs::write(&path, text).unwrap();
        load(&path).map_err(|(e, _)| e)
    }

    #[test]
    fn reads_severities_thresholds_and_paths() {
        let s = load_text("[severity]\ntypo = \"error\"\n[matcher]\naligned = 0.8\ntypo_distance = 2\n[paths]\nclaims = [\"checks\"]\n").unwrap();
        assert_eq!(s.severity.get(&Kind::Typo), Some(&Severity::Error));
        assert_eq!(s.aligned, 0.8);
        assert_eq!(s.typo.distance, 2);
        assert!(s.claims[0].ends_with("checks"));
    }

    #[test]
    fn errors_have_lines_and_all_come_at_once() {
        let errors = load_text("[severity]\ntpyo = \"error\"\nhedge = \"fatal\"\n").unwrap_err();
        assert_eq!(errors.len(), 2);
        assert_eq!((errors[0].line, errors[1].line), (2, 3));
        assert!(errors[0].help.as_deref().unwrap_or("").contains("typo"));
        let errors = load_text("[matcher]\nalinged = 0.5\n").unwrap_err();
        assert_eq!(errors[0].line, 2);
    }
}
