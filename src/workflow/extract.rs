//! `verbatim extract DRAFT`: a claims file for a draft's quotations and
//! figures, each with the source that holds it (a best guess, searched in
//! the sources folder) and the speaker the draft credits.

use super::credit_words::{named_source, Identity};
use super::credits::linked_source;
use super::error::WorkflowError;
use super::extract_yaml::{key_for, relative_to, slug, yaml_comment, yaml_string};
use crate::attribution::credit;
use crate::figures::{self, agrees, same_thing};
use crate::files::paths;
use crate::matcher::quote::{parse_quote, ParsedQuote};
use crate::matcher::LazyIndex;
use crate::text::{read_source, ReadError, Source};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Quotations shorter than this are left out.
const MIN_WORDS: usize = 2;

struct Candidate {
    path: PathBuf,
    key: String,
    source: Source,
}

/// A source's file name and title (its first paragraph), which a draft's
/// credit may name.
fn identity(c: &Candidate) -> Identity {
    let s = &c.source;
    let (start, end) = s.layout.paragraph_range(0, s.folded.text.len());
    let (os, oe) = s.original_range(start, end.min(start + 400));
    let stem = c
        .path
        .file_stem()
        .map_or(String::new(), |n| n.to_string_lossy().into_owned());
    Identity::new(&stem, &s.original_text(os, oe))
}

/// The sources `extract` offers: text, Markdown and HTML files in `dir`.
fn source_files(dir: &Path) -> Vec<PathBuf> {
    crate::files::walk::files_in(
        dir,
        &["txt", "md", "markdown", "html", "htm", "pdf", "docx"],
    )
}

/// Where a quote best matches: the source index and whether exactly.
fn best_source(
    candidates: &[Candidate],
    indexes: &mut [LazyIndex],
    quote: &ParsedQuote,
) -> Option<(usize, bool, f64)> {
    let mut best: Option<(usize, bool, f64)> = None;
    for (i, c) in candidates.iter().enumerate() {
        if crate::pipeline::find_in(&c.source, quote, &mut indexes[i]).is_some() {
            return Some((i, true, 1.0));
        }
        let evidence = crate::matcher::analyze(
            &c.source,
            quote,
            &[],
            &mut indexes[i],
            &Default::default(),
            0.0,
        );
        if let Some(a) = evidence.aligned {
            if best.is_none_or(|(_, _, r)| a.ratio() > r) {
                best = Some((i, false, a.ratio()));
            }
        }
    }
    best.filter(|&(_, _, r)| r >= 0.6)
}

/// The claims file for `draft`, with sources searched in `sources_dir`,
/// written as if saved in `claims_dir` (all three relative to `cwd`).
pub fn extract(
    draft_path: &Path,
    sources_dir: &Path,
    claims_dir: &Path,
    cwd: &Path,
) -> Result<String, WorkflowError> {
    draft_claims(draft_path, None, sources_dir, claims_dir, cwd, false).map(|e| e.yaml)
}

/// A draft's claims as `extract` writes them, with where each claim's
/// quotation or figure stands in the draft.
pub struct Extracted {
    pub yaml: String,
    /// Claim id and its place in the draft.
    pub places: Vec<(String, crate::text::Place)>,
    /// The draft's text, as read.
    pub draft_text: String,
}

/// [`extract`], keeping the places of the claims in the draft. With
/// `declare_all`, every source found is declared, not only those a claim
/// cites (a figure no source agrees with is then compared with them all).
/// `buffer` is the draft's text when an editor holds it unsaved.
pub fn draft_claims(
    draft_path: &Path,
    buffer: Option<&str>,
    sources_dir: &Path,
    claims_dir: &Path,
    cwd: &Path,
    declare_all: bool,
) -> Result<Extracted, WorkflowError> {
    let (draft_path, sources_dir) = (&cwd.join(draft_path), &cwd.join(sources_dir));
    let read = match buffer {
        Some(text) => Ok(crate::text::read::source_from_text(
            draft_path,
            text.to_string(),
        )),
        None => read_source(draft_path, false),
    };
    let draft = read.map_err(|e| match e {
        ReadError::Missing => WorkflowError::NoDraft(paths::display(draft_path, cwd)),
        ReadError::Unreadable(why) => WorkflowError::Unreadable {
            path: paths::display(draft_path, cwd),
            reason: why,
        },
    })?;
    let mut keys = BTreeSet::new();
    let candidates: Vec<Candidate> = source_files(sources_dir)
        .into_iter()
        .filter_map(|path| {
            let source = read_source(&path, false).ok()?;
            let key = key_for(&path, &mut keys);
            Some(Candidate { path, key, source })
        })
        .collect();
    if candidates.is_empty() {
        return Err(WorkflowError::NoSources(paths::display(sources_dir, cwd)));
    }
    let mut places = Vec::new();
    let mut indexes: Vec<LazyIndex> = candidates.iter().map(|_| LazyIndex::default()).collect();
    let mut used = BTreeSet::new();
    let mut ids = BTreeSet::new();
    let mut claims = String::new();

    let source_paths: Vec<&Path> = candidates.iter().map(|c| c.path.as_path()).collect();
    let identities: Vec<Identity> = candidates.iter().map(identity).collect();
    let quotations = &draft.layout.quotations;
    for &(qs, qe) in quotations {
        // A quotation inside a longer one ('gzip -l' quoted within a
        // sentence that is itself quoted) is part of that claim.
        let nested = quotations
            .iter()
            .any(|&(s, e)| s <= qs && qe <= e && (s, e) != (qs, qe));
        if nested {
            continue;
        }
        let folded = draft.folded.text.get(qs..qe).unwrap_or("").trim();
        if folded.split(' ').filter(|w| !w.is_empty()).count() < MIN_WORDS {
            continue;
        }
        let first =
            qs + (draft.folded.text[qs..qe].len() - draft.folded.text[qs..qe].trim_start().len());
        let place = draft.place(first, qe);
        let quote = place.text.split_whitespace().collect::<Vec<_>>().join(" ");
        let parsed = parse_quote(&quote);
        let id = slug(&quote, &mut ids);
        places.push((id.clone(), place.clone()));
        claims.push_str(&format!("  # draft line {}\n", place.line));
        claims.push_str(&format!("  - id: {id}\n"));
        // The quotation's paragraph, in decoded offsets of the draft.
        let (para_start, para_end) = {
            let (ps, pe) = draft
                .layout
                .paragraph_range(draft.layout.paragraph_of(first), draft.folded.text.len());
            draft.original_range(ps, pe)
        };
        // The draft's own credit first: a link to a source in the
        // quotation's paragraph. A draft crediting the wrong source is then
        // caught (wrong-source), never silently corrected by the search.
        let paragraph = {
            // The paragraph's own text, markup and all: up to its blank
            // line, for a link's target follows the last word.
            let raw = draft.raw_text(para_start, (para_end + 2000).min(draft.original_len()));
            let words_end = (para_end - para_start).min(raw.len());
            let end = raw
                .get(words_end..)
                .and_then(|tail| tail.find("\n\n"))
                .map_or(raw.len(), |i| words_end + i);
            raw.get(..end).unwrap_or(&raw).to_string()
        };
        // Then a credit in the draft's words: "as the Apache licence puts
        // it", in the quotation's sentence.
        let named = {
            let (qs_o, qe_o) = draft.original_range(first, qe);
            let lead = draft.original_text(para_start, qs_o.max(para_start));
            let tail = draft.original_text(qe_o.min(para_end), para_end);
            named_source(&lead, &tail, &identities)
        };
        if let Some(i) = linked_source(&paragraph, &source_paths) {
            used.insert(i);
            claims.push_str("    # source: the draft links to it\n");
            claims.push_str(&format!("    source: {}\n", candidates[i].key));
        } else if let Some((i, words)) =
            named.as_ref().and_then(|n| n.source.map(|i| (i, &n.words)))
        {
            used.insert(i);
            claims.push_str(&format!(
                "    # source: the draft credits it ({})\n",
                yaml_comment(words)
            ));
            claims.push_str(&format!("    source: {}\n", candidates[i].key));
        } else if let Some((i, exact, ratio)) = best_source(&candidates, &mut indexes, &parsed) {
            used.insert(i);
            match &named {
                Some(n) => claims.push_str(&format!(
                    "    # source: found by search (the draft credits \"{}\", which names no source here)\n",
                    yaml_comment(&n.words)
                )),
                None => {
                    claims.push_str("    # source: found by search (the draft credits none)\n")
                }
            }
            if !exact {
                claims.push_str(&format!(
                    "    # closest passage only: {:.0}% of the words match; check the wording\n",
                    100.0 * ratio
                ));
            }
            claims.push_str(&format!("    source: {}\n", candidates[i].key));
        } else {
            claims.push_str(&format!(
                "    # no source in {} holds this quote: add its source, or every source is searched\n",
                paths::display(sources_dir, cwd)
            ));
        }
        claims.push_str(&format!("    quote: {}\n", yaml_string(&quote)));
        // A speaker only when the draft names one in the quotation's own
        // paragraph: never one borrowed from the next paragraph's quote.
        let credited = credit(&draft, first, qe);
        // Places count file bytes (a byte-order mark first); the paragraph
        // is in decoded offsets.
        let skip = place
            .offset
            .saturating_sub(draft.original_range(first, qe).0);
        let in_paragraph = credited
            .place
            .as_ref()
            .is_some_and(|tag| (para_start + skip..para_end + skip).contains(&tag.offset));
        if let (Some(name), true) = (credited.speaker, in_paragraph) {
            claims.push_str(&format!("    speaker: {}\n", yaml_string(&name)));
        }
        claims.push('\n');
    }

    // Figures the draft states, each with a source that agrees.
    let source_figures: Vec<Vec<figures::SourceFigure>> = candidates
        .iter()
        .map(|c| figures::read_source(&c.source, None))
        .collect();
    // Stretches of the draft a figure claim already holds: "10 sections
    // and three exhibits" is one claim, not also "three exhibits".
    let mut covered: Vec<(usize, usize)> = Vec::new();
    for sf in figures::read_source(&draft, None) {
        let f = &sf.figure;
        if f.is_year || f.noun_phrase.is_empty() {
            continue;
        }
        let at = sf.place.offset;
        if covered.iter().any(|&(s, e)| s <= at && at < e) {
            continue;
        }
        let inside_quote = draft.layout.quotations.iter().any(|&(qs, qe)| {
            let q = draft.place(qs, qe);
            q.offset <= sf.place.offset && sf.place.offset < q.offset + q.length
        });
        if inside_quote {
            continue;
        }
        // The figure and the words after it in its clause: its thing and period.
        let (_, sentence_end) = draft.folded.original_range(0, draft.folded.text.len());
        let rest = draft.original_text(sf.place.offset, sentence_end.min(sf.place.offset + 200));
        let clause = rest
            .split(['.', ';', ':', '\n', '“', '”', '('])
            .next()
            .unwrap_or(&rest);
        let text: String = clause
            .split(", ")
            .next()
            .unwrap_or(clause)
            .split_whitespace()
            .take(12)
            .collect::<Vec<_>>()
            .join(" ");
        if !crate::lexicon::numbers::has_number(&text) {
            continue;
        }
        covered.push((at, at + text.len()));
        let id = slug(&text, &mut ids);
        places.push((id.clone(), sf.place.clone()));
        claims.push_str(&format!("  # draft line {}\n", sf.place.line));
        claims.push_str(&format!("  - id: {id}\n"));
        let agreeing = source_figures.iter().position(|figs| {
            figs.iter()
                .any(|g| same_thing(f, &g.figure) && agrees(f, &g.figure))
        });
        match agreeing {
            Some(i) => {
                used.insert(i);
                claims.push_str(&format!("    source: {}\n", candidates[i].key));
            }
            None => claims.push_str("    # no source gives this figure: add its source\n"),
        }
        claims.push_str(&format!("    figures:\n      - {}\n\n", yaml_string(&text)));
    }

    let mut out = format!(
        "# Claims drafted by `verbatim extract` from {}: check every source and speaker.\n",
        paths::display(draft_path, cwd)
    );
    out.push_str(&format!(
        "draft: {}\n",
        yaml_string(&relative_to(draft_path, claims_dir, cwd))
    ));
    if declare_all {
        used.extend(0..candidates.len());
    }
    if used.is_empty() {
        out.push_str("sources: {}\n");
    } else {
        out.push_str("sources:\n");
        for &i in &used {
            out.push_str(&format!(
                "  {}: {}\n",
                candidates[i].key,
                yaml_string(&relative_to(&candidates[i].path, claims_dir, cwd))
            ));
        }
    }
    if claims.is_empty() {
        out.push_str("claims: []\n");
    } else {
        out.push_str("\nclaims:\n");
        out.push_str(&claims);
    }
    Ok(Extracted {
        yaml: out,
        places,
        draft_text: draft.raw_text(0, draft.original_len()),
    })
}
