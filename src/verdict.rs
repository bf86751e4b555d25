//! Stage 4: the contract's ordered verdicts, from the evidence each source
//! gave, turned into findings per claim.

use crate::check::{Job, SourceOutcome, SourceState};
use crate::claims::{Claim, ClaimSet, FigureClaim, Located};
use crate::config::Settings;
use crate::drafts::DraftCheck;
use crate::figures::{self, Figure, SourceFigure};
use crate::findings::*;
use crate::matcher::{Aligned, Evidence, Piece, Reading};
use crate::text::source::{Place, ReadError};

pub fn decide(
    set: &ClaimSet,
    jobs: &[Job],
    outcomes: &[SourceOutcome],
    elsewhere: &[Option<(usize, Evidence)>],
    drafts: DraftCheck,
    settings: &Settings,
) -> Report {
    // Evidence per job, by source file.
    let mut by_job: Vec<Vec<(usize, &Evidence)>> = vec![Vec::new(); jobs.len()];
    for (sf, outcome) in outcomes.iter().enumerate() {
        for (job, evidence) in &outcome.evidence {
            by_job[*job].push((sf, evidence));
        }
    }
    for (job, found) in elsewhere.iter().enumerate() {
        if let Some((sf, evidence)) = found {
            match by_job[job].iter_mut().find(|(s, _)| s == sf) {
                // Every-source claims: the exact hit joins that source's evidence.
                Some(slot) if slot.1.exact.is_none() => slot.1 = evidence,
                Some(_) => {}
                None => by_job[job].push((*sf, evidence)),
            }
        }
    }
    let mut claims = Vec::with_capacity(set.claims.len());
    let mut job = 0;
    for (c, claim) in set.claims.iter().enumerate() {
        let file = &set.files[claim.file];
        let mut findings = Vec::new();
        let cited = cited_decls(set, claim);
        let mut quote_failed = false;
        let first_job = job;
        while job < jobs.len() && jobs[job].claim == c {
            let quote = &claim.quotes[jobs[job].quote];
            let before = findings.len();
            let located = quote_findings(
                set,
                claim,
                quote,
                &jobs[job],
                &by_job[job],
                outcomes,
                &cited,
                &mut findings,
                settings,
            );
            if let (Some(speaker), Some((d, evidence))) = (&claim.speaker, located) {
                attribution_findings(set, claim, speaker, quote, d, evidence, &mut findings);
            }
            if let Some(why) = &drafts.missing[job] {
                let mut f = Finding::new(Kind::NotInDraft, why.clone());
                f.claim = Some(claim_span(set, claim, quote));
                f.actual = Some(quote.text.clone());
                f.help = Some("update the claim to the draft's wording, or remove it".into());
                findings.push(f);
            }
            if findings[before..]
                .iter()
                .any(|f| f.severity >= Severity::Warning)
            {
                quote_failed = true;
            }
            job += 1;
        }
        let _ = first_job;
        for figure in &claim.figures {
            figure_findings(set, claim, figure, &cited, outcomes, &mut findings);
        }
        // Source problems: always for cited sources; for claims searching
        // every source, only when a quote was not found.
        if !claim.cites_all || quote_failed || claim.quotes.is_empty() {
            let mut seen = Vec::new();
            for &d in &cited {
                let decl = &set.declared[d];
                if seen.contains(&decl.source_file) {
                    continue;
                }
                seen.push(decl.source_file);
                if let Some(f) = source_problem(set, claim, d, &outcomes[decl.source_file]) {
                    findings.push(f);
                }
            }
        }
        for f in findings.iter_mut() {
            if let Some(&severity) = settings.severity.get(&f.kind) {
                f.severity = severity;
            }
        }
        apply_accepts(claim, &file.display, &mut findings);
        claims.push(ClaimResult {
            id: claim.id.clone(),
            file: file.display.clone(),
            line: claim.pos.line,
            column: claim.pos.column,
            status: Status::of(&findings),
            findings,
        });
    }
    Report {
        errors: Vec::new(),
        claims,
        unclaimed: drafts.unclaimed,
        files: set
            .files
            .iter()
            .map(|f| (f.display.clone(), f.text.clone()))
            .collect(),
    }
}

/// The cited declarations whose source file could be read.
fn readable_decls(set: &ClaimSet, cited: &[usize], outcomes: &[SourceOutcome]) -> Vec<usize> {
    cited
        .iter()
        .copied()
        .filter(|&d| {
            matches!(
                outcomes[set.declared[d].source_file].state,
                SourceState::Read { .. }
            )
        })
        .collect()
}

/// The declared sources a claim searches, in declaration order.
pub fn cited_decls(set: &ClaimSet, claim: &Claim) -> Vec<usize> {
    if claim.cites_all {
        set.files[claim.file].sources.clone()
    } else {
        claim.cited.clone()
    }
}

fn claim_span(set: &ClaimSet, claim: &Claim, located: &Located) -> ClaimSpan {
    ClaimSpan {
        file: set.files[claim.file].display.clone(),
        line: located.pos.line,
        column: located.pos.column,
        offset: located.pos.offset,
        length: located.pos.len,
    }
}

fn source_span(set: &ClaimSet, decl: usize, place: &Place) -> SourceSpan {
    let d = &set.declared[decl];
    SourceSpan {
        key: d.key.clone(),
        path: set.source_files[d.source_file].display.clone(),
        line: place.line,
        column: place.column,
        offset: place.offset,
        length: place.length,
        text: place.text.clone(),
    }
}

fn pin_failed(set: &ClaimSet, decl: usize, outcomes: &[SourceOutcome]) -> bool {
    let d = &set.declared[decl];
    match (&d.sha256, &outcomes[d.source_file].state) {
        (
            Some(pin),
            SourceState::Read {
                sha256: Some(actual),
            },
        ) => pin != actual,
        _ => false,
    }
}

#[allow(clippy::too_many_arguments)]
fn quote_findings<'a>(
    set: &ClaimSet,
    claim: &Claim,
    quote: &Located,
    job: &Job,
    evidence: &[(usize, &'a Evidence)],
    outcomes: &[SourceOutcome],
    cited: &[usize],
    out: &mut Vec<Finding>,
    settings: &Settings,
) -> Option<(usize, &'a Evidence)> {
    let readable = readable_decls(set, cited, outcomes);
    if readable.is_empty() {
        return None; // the source problems say it all
    }
    let evidence_in = |d: usize| {
        let sf = set.declared[d].source_file;
        evidence.iter().find(|(s, _)| *s == sf).map(|(_, e)| *e)
    };
    let at_claim = claim_span(set, claim, quote);
    let finding = |kind: Kind, message: String| {
        let mut f = Finding::new(kind, message);
        f.claim = Some(at_claim.clone());
        f.actual = Some(quote.text.clone());
        f
    };

    // 1. Exactly, after folding.
    for &d in &readable {
        if let Some((e, place)) = evidence_in(d).and_then(|e| e.exact.as_ref().map(|p| (e, p))) {
            if typography_differs(&job.parsed.core, &place.text) {
                let mut f = finding(
                    Kind::Typography,
                    "matches the source once quotation marks, dashes, case, diacritics or spacing are folded".into(),
                );
                f.source = Some(source_span(set, d, place));
                f.help = Some(format!("the source reads “{}”", place.text));
                out.push(f);
            }
            return Some((d, e));
        }
    }

    // 2. One paragraph aligns with most of the quote.
    let best: Option<(usize, &Aligned)> = readable
        .iter()
        .filter_map(|&d| {
            evidence_in(d)
                .and_then(|e| e.aligned.as_ref())
                .map(|a| (d, a))
        })
        .fold(None, |best, (d, a)| match best {
            Some((_, b)) if b.ratio() >= a.ratio() => best,
            _ => Some((d, a)),
        });
    let ratio = best.map_or(0.0, |(_, a)| a.ratio());
    if let Some((d, aligned)) = best.filter(|_| ratio >= settings.aligned) {
        aligned_findings(set, d, aligned, &finding, out);
        if aligned.reading == Reading::StitchedNarration {
            return None;
        }
        return evidence_in(d).map(|e| (d, e));
    }

    // 3. Verbatim pieces from different paragraphs, or out of order.
    let words = job.parsed.word_count();
    let pieces = readable
        .iter()
        .filter_map(|&d| evidence_in(d).map(|e| (d, &e.pieces)))
        .max_by_key(|(d, p)| {
            (
                p.iter().map(|x| x.words).sum::<usize>(),
                std::cmp::Reverse(*d),
            )
        });
    if let Some((d, pieces)) = pieces {
        let covered: usize = pieces.iter().map(|p| p.words).sum();
        if pieces.len() >= 2
            && covered as f64 >= settings.aligned * words as f64
            && is_stitched(pieces)
        {
            let mut f = finding(
                Kind::Stitched,
                format!(
                    "the quote joins {} pieces that stand apart in the source ({})",
                    pieces.len(),
                    describe_pieces(pieces)
                ),
            );
            f.source = Some(source_span(set, d, &pieces[0].place));
            f.related = pieces
                .iter()
                .map(|p| source_span(set, d, &p.place))
                .collect();
            f.help = Some(
                "quote each passage separately, or mark the omission where the source allows it"
                    .into(),
            );
            out.push(f);
            return None;
        }
    }

    // 4. Exactly in another declared source of the file.
    let file = &set.files[claim.file];
    for &d in &file.sources {
        if cited.contains(&d) || pin_failed(set, d, outcomes) {
            continue;
        }
        let sf = set.declared[d].source_file;
        if cited.iter().any(|&c| set.declared[c].source_file == sf) {
            continue;
        }
        if let Some(place) = evidence
            .iter()
            .find(|(s, _)| *s == sf)
            .and_then(|(_, e)| e.exact.as_ref())
        {
            let key = &set.declared[d].key;
            let mut f = finding(
                Kind::WrongSource,
                format!("the quote is not in the cited source, but it is in `{key}`"),
            );
            let span = source_span(set, d, place);
            f.source = Some(span.clone());
            f.related = vec![span];
            f.help = Some(format!("cite `{key}` for this quote"));
            out.push(f);
            return None;
        }
    }

    // 5. Nothing close, or something partly close.
    if ratio < settings.not_found {
        let cited_keys: Vec<String> = cited
            .iter()
            .map(|&d| format!("`{}`", set.declared[d].key))
            .collect();
        let mut f = finding(
            Kind::NotFound,
            format!("nothing in {} is close to the quote", cited_keys.join(", ")),
        );
        f.help =
            Some("check the quote against the source, or cite the source it comes from".into());
        out.push(f);
    } else if let Some((d, aligned)) = best {
        let mut f = finding(
            Kind::Misquote,
            format!(
                "only {} of the quote's {} words match the closest passage: {}",
                aligned.aligned,
                aligned.words,
                describe_changes(aligned)
            ),
        );
        f.source = Some(source_span(set, d, &aligned.place));
        f.help = Some(format!(
            "quote the source exactly: “{}”",
            aligned.place.text
        ));
        out.push(f);
    }
    None
}

fn aligned_findings(
    set: &ClaimSet,
    d: usize,
    aligned: &Aligned,
    finding: &dyn Fn(Kind, String) -> Finding,
    out: &mut Vec<Finding>,
) {
    let span = source_span(set, d, &aligned.place);
    let mut push_note = |kind: Kind, message: &str| {
        let mut f = finding(kind, message.to_string());
        f.source = Some(span.clone());
        out.push(f);
    };
    if aligned.omission {
        push_note(
            Kind::Omission,
            "an ellipsis omits source words; the pieces are in order in one paragraph",
        );
    }
    if aligned.insertion {
        push_note(
            Kind::Insertion,
            "a bracketed insertion stands for source words",
        );
    }
    match aligned.reading {
        Reading::Faithful => {}
        Reading::Typo => {
            let mut f = finding(
                Kind::Typo,
                format!("the quote has a typo: {}", describe_changes(aligned)),
            );
            f.source = Some(span.clone());
            f.help = Some(format!(
                "correct it to the source's spelling: “{}”",
                aligned.place.text
            ));
            out.push(f);
        }
        Reading::Misquote => {
            let mut message = describe_changes(aligned);
            if !aligned.meaning.is_empty() {
                message = format!("{message} ({})", aligned.meaning.join("; "));
            }
            let mut f = finding(Kind::Misquote, message);
            f.source = Some(span.clone());
            f.help = Some(format!(
                "quote the source exactly: “{}”",
                aligned.place.text
            ));
            out.push(f);
        }
        Reading::StitchedNarration => {
            let mut f = finding(
                Kind::Stitched,
                "the quote joins separate quotations across the narration between them".into(),
            );
            f.source = Some(span.clone());
            f.related = aligned
                .pieces
                .iter()
                .map(|p| source_span(set, d, p))
                .collect();
            f.help = Some(
                "quote each quotation separately, or mark the omission with an ellipsis".into(),
            );
            out.push(f);
        }
    }
}

fn describe_changes(aligned: &Aligned) -> String {
    let parts: Vec<String> = aligned
        .changes
        .iter()
        .take(4)
        .map(|c| match (c.source.is_empty(), c.quote.is_empty()) {
            (true, _) => format!("adds “{}”", c.quote),
            (_, true) => format!("drops “{}”", c.source),
            _ => format!("changes “{}” to “{}”", c.source, c.quote),
        })
        .collect();
    let more = aligned.changes.len().saturating_sub(4);
    let mut text = if parts.is_empty() {
        "the wording differs".to_string()
    } else {
        format!("quote {}", parts.join("; "))
    };
    if more > 0 {
        text.push_str(&format!("; and {more} more"));
    }
    text
}

fn is_stitched(pieces: &[Piece]) -> bool {
    let different_paragraphs = pieces.windows(2).any(|w| w[0].paragraph != w[1].paragraph);
    let out_of_order = pieces
        .windows(2)
        .any(|w| w[1].source_word <= w[0].source_word);
    different_paragraphs || out_of_order
}

fn describe_pieces(pieces: &[Piece]) -> String {
    pieces
        .iter()
        .map(|p| format!("line {}", p.place.line))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Did matching need folding beyond the first word's capital?
pub fn typography_differs(quote_core: &str, source_text: &str) -> bool {
    let (s, e) = crate::matcher::quote::core_range(source_text);
    let source_core = &source_text[s..e];
    if quote_core == source_core {
        return false;
    }
    let lower_first = |t: &str| {
        let mut chars = t.chars();
        match chars.next() {
            Some(c) => c.to_lowercase().chain(chars).collect::<String>(),
            None => String::new(),
        }
    };
    lower_first(quote_core) != lower_first(source_core)
}

fn source_problem(
    set: &ClaimSet,
    claim: &Claim,
    d: usize,
    outcome: &SourceOutcome,
) -> Option<Finding> {
    let decl = &set.declared[d];
    let path = &set.source_files[decl.source_file].display;
    let file = &set.files[claim.file];
    let mut finding = match &outcome.state {
        SourceState::Failed(ReadError::Missing) => {
            let mut f = Finding::new(
                Kind::SourceMissing,
                format!("source `{}` does not exist: {path}", decl.key),
            );
            f.help = Some("fix the path, or add the file to the sources folder".into());
            f
        }
        SourceState::Failed(ReadError::Unreadable(why)) => {
            let mut f = Finding::new(
                Kind::SourceUnreadable,
                format!("source `{}` ({path}) cannot be read: {why}", decl.key),
            );
            f.help = Some("save the source as UTF-8 text, Markdown or HTML".into());
            f
        }
        SourceState::Read { sha256 } => {
            let (Some(pin), Some(actual)) = (&decl.sha256, sha256) else {
                return None;
            };
            if pin == actual {
                return None;
            }
            let mut f = Finding::new(
                Kind::SourceChanged,
                format!(
                    "source `{}` ({path}) has changed since it was pinned: sha256 {} is now {}",
                    decl.key,
                    &pin[..12],
                    &actual[..12]
                ),
            );
            f.help = Some(
                "re-check the quotes against the new text, then run `verbatim pin --update`".into(),
            );
            f
        }
    };
    finding.claim = Some(ClaimSpan {
        file: file.display.clone(),
        line: decl.pos.line,
        column: decl.pos.column,
        offset: decl.pos.offset,
        length: decl.pos.len,
    });
    // Point at the claim's `source:` entry when it names the source.
    let _ = claim;
    Some(finding)
}

/// Reviewed deviations become notes; an entry matching nothing is stale.
fn apply_accepts(claim: &Claim, file: &str, findings: &mut Vec<Finding>) {
    for accept in &claim.accept {
        let mut matched = false;
        for f in findings.iter_mut() {
            if f.kind == accept.kind && f.accepted.is_none() {
                f.accepted = Some(accept.reason.clone());
                f.severity = Severity::Note;
                f.message = format!("{} (accepted: {})", f.message, accept.reason);
                matched = true;
            }
        }
        if !matched {
            let mut f = Finding::new(
                Kind::StaleAccept,
                format!(
                    "`accept` of `{}` matches no finding of this claim",
                    accept.kind.name()
                ),
            );
            f.claim = Some(ClaimSpan {
                file: file.to_string(),
                line: accept.pos.line,
                column: accept.pos.column,
                offset: accept.pos.offset,
                length: accept.pos.len,
            });
            f.help = Some("remove the entry: the deviation it accepted is gone".into());
            findings.push(f);
        }
    }
}

/// A claimed figure against its cited sources, then against the other
/// sources of its claims file.
fn figure_findings(
    set: &ClaimSet,
    claim: &Claim,
    figure: &FigureClaim,
    cited: &[usize],
    outcomes: &[SourceOutcome],
    out: &mut Vec<Finding>,
) {
    let readable = readable_decls(set, cited, outcomes);
    if readable.is_empty() {
        return;
    }
    let published = readable
        .iter()
        .find_map(|&d| set.declared[d].published)
        .map(|p| p.year);
    let at_claim = ClaimSpan {
        file: set.files[claim.file].display.clone(),
        line: figure.pos.line,
        column: figure.pos.column,
        offset: figure.pos.offset,
        length: figure.pos.len,
    };
    let finding = |kind: Kind, message: String| {
        let mut f = Finding::new(kind, message);
        f.claim = Some(at_claim.clone());
        f.actual = Some(figure.text.clone());
        f
    };
    let Some(claimed) = figures::read_claimed(&figure.text, published) else {
        out.push(finding(
            Kind::FigureNotFound,
            format!("cannot read a figure from {:?}", figure.text),
        ));
        return;
    };
    // Figures of the same thing in the cited sources.
    let mut same: Vec<(usize, &SourceFigure)> = Vec::new();
    for &d in &readable {
        let sf = set.declared[d].source_file;
        for f in &outcomes[sf].figures {
            if figures::same_thing(&claimed, &f.figure) {
                same.push((d, f));
            }
        }
    }
    let agreeing: Vec<&(usize, &SourceFigure)> = same
        .iter()
        .filter(|(_, f)| figures::agrees(&claimed, &f.figure))
        .collect();
    let what = describe(&claimed);
    let Some(&&(d, agreed)) = agreeing
        .iter()
        .find(|(_, f)| !figures::is_hedge(&claimed, &f.figure))
        .or_else(|| agreeing.first())
    else {
        match nearest(&claimed, &same) {
            Some((d, near)) => {
                let mut f = finding(
                    Kind::FigureMismatch,
                    format!(
                        "the source gives {} for {what}, not {}",
                        near.figure.text, claimed.text
                    ),
                );
                f.source = Some(source_span(set, d, &near.place));
                f.help = Some(format!("state the source's figure: “{}”", near.figure.text));
                out.push(f);
            }
            None => {
                let keys: Vec<String> = readable
                    .iter()
                    .map(|&d| format!("`{}`", set.declared[d].key))
                    .collect();
                let mut f = finding(
                    Kind::FigureNotFound,
                    format!("{} gives no figure for {what}", keys.join(", ")),
                );
                f.help = Some("cite the source the figure comes from, or remove it".into());
                out.push(f);
            }
        }
        return;
    };
    if figures::is_hedge(&claimed, &agreed.figure) {
        let mut f = finding(
            Kind::Hedge,
            format!(
                "the source says “{}” ({}); the claim says “{}” ({})",
                agreed.figure.text,
                agreed.figure.qualifier.words(),
                claimed.text,
                claimed.qualifier.words()
            ),
        );
        f.source = Some(source_span(set, d, &agreed.place));
        f.help = Some(format!(
            "keep the source's qualifier: “{}”",
            agreed.figure.text
        ));
        out.push(f);
    }
    // Across the other sources of the claims file.
    let cited_files: Vec<usize> = readable
        .iter()
        .map(|&d| set.declared[d].source_file)
        .collect();
    let mut seen_files = cited_files.clone();
    let mut related = Vec::new();
    for &other in &set.files[claim.file].sources {
        let sf = set.declared[other].source_file;
        if seen_files.contains(&sf) {
            continue;
        }
        seen_files.push(sf);
        for g in &outcomes[sf].figures {
            if figures::same_thing(&agreed.figure, &g.figure)
                && figures::conflicts(&agreed.figure, &g.figure)
            {
                related.push(source_span(set, other, &g.place));
            }
        }
    }
    if !related.is_empty() {
        let texts: Vec<String> = related
            .iter()
            .map(|r| format!("“{}” (`{}`)", r.text, r.key))
            .collect();
        let mut f = finding(
            Kind::FigureConflict,
            format!(
                "“{}” conflicts with {}",
                agreed.figure.text,
                texts.join(", ")
            ),
        );
        f.source = Some(source_span(set, d, &agreed.place));
        f.related = related;
        f.help = Some("say which source you follow and why, or mention the disagreement".into());
        out.push(f);
    }
}

fn describe(figure: &Figure) -> String {
    let thing = if figure.noun_phrase.is_empty() {
        "it".to_string()
    } else {
        format!("“{}”", figure.noun_phrase)
    };
    match figure.period {
        Some(figures::Period::Years(1.0)) => format!("{thing} a year"),
        Some(figures::Period::Years(y)) => {
            format!("{thing} over {} years", figures::format_value(y))
        }
        Some(figures::Period::Since { year, .. }) => format!("{thing} since {year}"),
        None => thing,
    }
}

/// The source figure of the same thing closest to the claim's value.
fn nearest<'a>(
    claimed: &Figure,
    same: &[(usize, &'a SourceFigure)],
) -> Option<(usize, &'a SourceFigure)> {
    let distance = |f: &Figure| {
        let (a, b) = (claimed.value.abs().max(1e-9), f.value.abs().max(1e-9));
        (a / b).ln().abs()
    };
    same.iter()
        .copied()
        .min_by(|(_, x), (_, y)| distance(&x.figure).total_cmp(&distance(&y.figure)))
}

/// The source's credit for a located quote, against the claim's `speaker`.
fn attribution_findings(
    set: &ClaimSet,
    claim: &Claim,
    speaker: &Located,
    quote: &Located,
    d: usize,
    evidence: &Evidence,
    out: &mut Vec<Finding>,
) {
    let Some(credit) = &evidence.credit else {
        return;
    };
    let at_claim = claim_span(set, claim, speaker);
    let passage = evidence
        .exact
        .as_ref()
        .or(evidence.aligned.as_ref().map(|a| &a.place))
        .map(|p| source_span(set, d, p));
    match &credit.speaker {
        None => {
            let mut f = Finding::new(
                Kind::Unattributed,
                format!(
                    "the source credits no one near the passage; the claim says {}",
                    speaker.text
                ),
            );
            f.claim = Some(at_claim);
            f.source = passage;
            f.actual = Some(quote.text.clone());
            f.help = Some("cite a source that says who spoke, or drop `speaker`".into());
            out.push(f);
        }
        Some(name) if !crate::attribution::same_speaker(&speaker.text, name) => {
            let mut f = Finding::new(
                Kind::Misattributed,
                format!("the source credits {name}, not {}", speaker.text),
            );
            f.claim = Some(at_claim);
            f.source = passage;
            f.actual = Some(quote.text.clone());
            if let Some(place) = &credit.place {
                f.related.push(source_span(set, d, place));
            }
            f.help = Some(format!(
                "credit {name}, or cite a source that credits {}",
                speaker.text
            ));
            out.push(f);
        }
        Some(_) => {}
    }
}
