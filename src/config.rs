//! `verbatim.toml`: severities per kind, the matcher's thresholds, default
//! paths. Found upward from the working directory, or given with
//! `--config`; its errors are reported like a claims file's.

use crate::files::paths;
use crate::lexicon::did_you_mean;
use crate::model::{InputError, Kind, LineIndex, Settings, Severity, Span, TypoLimits};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub const FILE_NAME: &str = "verbatim.toml";

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
    roots: Option<Vec<String>>,
}

/// Why a configuration cannot be used: every problem, and its text (for
/// snippets) under its display path.
#[derive(Debug, thiserror::Error)]
#[error("invalid configuration {file}: {} problems", errors.len())]
pub struct ConfigError {
    pub file: String,
    pub text: Arc<String>,
    pub errors: Vec<InputError>,
}

/// `verbatim.toml` in `cwd` or the nearest folder above.
pub fn find(cwd: &Path) -> Option<PathBuf> {
    let mut dir = cwd.to_path_buf();
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

/// Read a configuration file (shown relative to `cwd`); every problem
/// comes back at once.
pub fn load(path: &Path, cwd: &Path) -> Result<Settings, ConfigError> {
    let shown = paths::display(path, cwd);
    let failure = |errors: Vec<InputError>, text: String| ConfigError {
        file: shown.clone(),
        text: Arc::new(text),
        errors,
    };
    let text = std::fs::read_to_string(path).map_err(|e| {
        failure(
            vec![InputError::new(
                Span::start_of(shown.clone()),
                format!("cannot read the configuration: {e}"),
            )],
            String::new(),
        )
    })?;
    let lines = LineIndex::new(&text);
    let error = |range: std::ops::Range<usize>, message: String, help: Option<String>| {
        let (line, column) = lines.locate(&text, range.start);
        InputError {
            at: Span {
                file: shown.clone(),
                line,
                column,
                offset: range.start,
                length: range.end.saturating_sub(range.start),
            },
            message,
            help,
        }
    };
    let raw: Raw = match toml::from_str(&text) {
        Ok(raw) => raw,
        Err(e) => {
            let range = e.span().unwrap_or(0..0);
            let message = e.message().to_string();
            let errors = vec![error(
                range,
                format!("invalid configuration: {message}"),
                None,
            )];
            return Err(failure(errors, text));
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
            let help = did_you_mean(name, &names).map(|s| format!("did you mean `{s}`?"));
            errors.push(error(
                value.span(),
                format!("unknown finding kind `{name}` in [severity]"),
                help,
            ));
            continue;
        };
        let severity = match value.get_ref().as_str() {
            "off" => {
                settings.off.insert(kind);
                continue;
            }
            "note" => Severity::Note,
            "warning" => Severity::Warning,
            "error" => Severity::Error,
            other => {
                errors.push(error(
                    value.span(),
                    format!(
                        "severity of `{name}` must be off, note, warning or error, not `{other}`"
                    ),
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
    let base = paths::normalize(&cwd.join(path.parent().unwrap_or(Path::new("."))));
    settings.root = Some(base.clone());
    if let Some(claims) = &raw.paths.claims {
        settings.claims = claims
            .iter()
            .map(|c| paths::normalize(&base.join(c)))
            .collect();
    }
    if let Some(roots) = &raw.paths.roots {
        settings.extra_roots = roots
            .iter()
            .map(|r| paths::normalize(&base.join(r)))
            .collect();
    }
    if errors.is_empty() {
        Ok(settings)
    } else {
        errors.sort_by_key(|e| (e.at.line, e.at.column));
        Err(failure(errors, text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load_text(text: &str) -> Result<Settings, Vec<InputError>> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(FILE_NAME);
        std::fs::write(&path, text).unwrap();
        load(&path, dir.path()).map_err(|e| e.errors)
    }

    #[test]
    fn reads_severities_thresholds_and_paths() {
        let s = load_text("[severity]\ntypo = \"error\"\nhedge = \"off\"\n[matcher]\naligned = 0.8\ntypo_distance = 2\n[paths]\nclaims = [\"checks\"]\n").unwrap();
        assert_eq!(s.severity.get(&Kind::Typo), Some(&Severity::Error));
        assert!(s.off.contains(&Kind::Hedge));
        assert_eq!(s.aligned, 0.8);
        assert_eq!(s.typo.distance, 2);
        assert!(s.claims[0].ends_with("checks"));
    }

    #[test]
    fn errors_have_lines_and_all_come_at_once() {
        let errors = load_text("[severity]\ntpyo = \"error\"\nhedge = \"fatal\"\n").unwrap_err();
        assert_eq!(errors.len(), 2);
        assert_eq!((errors[0].at.line, errors[1].at.line), (2, 3));
        assert!(errors[0].help.as_deref().unwrap_or("").contains("typo"));
        let errors = load_text("[matcher]\nalinged = 0.5\n").unwrap_err();
        assert_eq!(errors[0].at.line, 2);
    }
}
