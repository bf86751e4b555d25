//! Verdicts: the contract's ordered rules applied to the evidence, turned
//! into findings per claim, then the severity policy. Reads no files.

mod aligned;
mod attribution;
mod context;
mod drafts;
mod figures;
mod policy;
mod quotes;
mod sources;
#[cfg(test)]
mod tests;

pub use aligned::typography_differs;
pub use context::cited_decls;

use crate::claims::ClaimSet;
use crate::evidence::{Evidence, JobId, Searched, SourceId};
use crate::model::{ClaimResult, Finding, Kind, Report, Settings, Severity, SourceTitle, Status};
use context::{Cx, JobEvidence};
use rayon::prelude::*;

/// Decide every claim of `set` from the evidence the search gathered.
pub fn decide(set: &ClaimSet, searched: &Searched, settings: &Settings) -> Report {
    let cx = Cx::new(set, searched, settings);
    let by_job = evidence_by_job(searched);
    let jobs = &searched.jobs;
    // Claims are decided in parallel and collected in claim order, so any
    // thread count gives the same report; jobs are in claim order, so a
    // claim's first job is found by bisection.
    let claims: Vec<ClaimResult> = set
        .claims
        .par_iter()
        .enumerate()
        .map(|(c, claim)| {
            let mut job = jobs.partition_point(|j| j.claim < c);
            let file = &set.files[claim.file];
            let mut findings = Vec::new();
            let cited = cited_decls(set, claim);
            let mut quote_failed = false;
            let mut shown = Vec::new();
            while job < jobs.len() && jobs[job].claim == c {
                let quote = &claim.quotes[jobs[job].quote];
                let before = findings.len();
                let located = quotes::quote_findings(
                    &cx,
                    claim,
                    quote,
                    &jobs[job],
                    &by_job[job],
                    cited,
                    &mut findings,
                );
                if settings.keep_passages {
                    shown.push(quotes::shown(
                        &cx,
                        claim,
                        quote,
                        located,
                        &findings[before..],
                    ));
                }
                if let (Some(speaker), Some((d, evidence))) = (&claim.speaker, located) {
                    attribution::attribution_findings(
                        &cx,
                        claim,
                        speaker,
                        quote,
                        d,
                        evidence,
                        &mut findings,
                    );
                }
                if let Some(why) = &searched.drafts.missing[job] {
                    findings.push(drafts::not_in_draft(&cx, claim, quote, why));
                }
                if findings[before..]
                    .iter()
                    .any(|f| f.severity >= Severity::Warning)
                {
                    quote_failed = true;
                }
                job += 1;
            }
            let before_figures = findings.len();
            for figure in &claim.figures {
                figures::figure_findings(&cx, claim, figure, cited, &mut findings);
            }
            let figure_missing = findings[before_figures..]
                .iter()
                .any(|f| f.kind == Kind::FigureNotFound);
            // Source problems: always for cited sources; for claims searching
            // every source, only when a quote or figure was not found.
            if !claim.cites_all() || quote_failed || figure_missing {
                // Each source file once.
                let mut seen = std::collections::HashSet::new();
                for &d in cited {
                    // (Checked first: a claim of every source lists thousands.)
                    if !cx.may_have_problem(d) || !seen.insert(cx.file_of(d)) {
                        continue;
                    }
                    findings.extend(sources::source_problem(&cx, claim, d));
                }
            }
            policy::apply_severities(settings, &mut findings);
            policy::apply_accepts(claim, &file.display, &mut findings);
            policy::drop_off(settings, &mut findings);
            ClaimResult {
                id: claim.id.clone(),
                file: file.display.clone(),
                line: claim.pos.line,
                column: claim.pos.column,
                status: Status::of(&findings),
                findings,
                quotes: shown,
            }
        })
        .collect();
    let mut unclaimed: Vec<Finding> = searched
        .drafts
        .unclaimed
        .iter()
        .map(drafts::unclaimed)
        .collect();
    policy::apply_severities(settings, &mut unclaimed);
    policy::drop_off(settings, &mut unclaimed);
    Report {
        errors: Vec::new(),
        claims,
        unclaimed,
        files: set
            .files
            .iter()
            .map(|f| (f.display.clone(), f.text.clone()))
            .collect(),
        titles: titles(set),
    }
}

/// The titles and addresses the claims files give their sources, each
/// (key, path) once.
fn titles(set: &ClaimSet) -> Vec<SourceTitle> {
    let mut out: Vec<SourceTitle> = Vec::new();
    for d in &set.declared {
        if d.title.is_none() && d.url.is_none() {
            continue;
        }
        let path = &set.source_files[d.source_file].display;
        if out.iter().any(|t| t.key == d.key && &t.path == path) {
            continue;
        }
        out.push(SourceTitle {
            key: d.key.clone(),
            path: path.clone(),
            title: d.title.clone(),
            url: d.url.clone(),
        });
    }
    out
}

/// Each job's evidence by source file; an exact hit found outside the
/// cited sources joins in.
fn evidence_by_job(searched: &Searched) -> Vec<JobEvidence<'_>> {
    let mut by_job: Vec<Vec<(SourceId, &Evidence)>> = vec![Vec::new(); searched.jobs.len()];
    for (sf, outcome) in searched.outcomes.iter().enumerate() {
        for (JobId(job), evidence) in &outcome.evidence {
            by_job[*job].push((SourceId(sf), evidence));
        }
    }
    for (job, found) in searched.elsewhere.iter().enumerate() {
        if let Some((sf, evidence)) = found {
            match by_job[job].iter_mut().find(|(s, _)| s == sf) {
                // Every-source claims: the exact hit joins that source's evidence.
                Some(slot) if slot.1.exact.is_none() => slot.1 = evidence,
                Some(_) => {}
                None => by_job[job].push((*sf, evidence)),
            }
        }
    }
    by_job
}
