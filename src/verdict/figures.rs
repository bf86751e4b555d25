//! Figures: a claimed figure against its cited sources (mismatch, hedge,
//! not found), then against the other sources of its claims file.

use super::context::{collapsed, named_sources, Cx};
use crate::claims::{Claim, FigureClaim};
use crate::figures::{self, Figure, SourceFigure};
use crate::model::{FigureRead, Finding, Kind, Span};

/// A claimed figure against its cited sources, then against the other
/// sources of its claims file. A string holding several numbers is checked
/// number by number; every one must agree.
pub(super) fn figure_findings(
    cx: &Cx,
    claim: &Claim,
    figure: &FigureClaim,
    cited: &[usize],
    out: &mut Vec<Finding>,
) {
    let set = cx.set;
    let readable = cx.readable_decls(cited);
    if readable.is_empty() {
        return;
    }
    let published = readable
        .iter()
        .find_map(|&d| set.declared[d].published)
        .map(|p| p.year);
    let at_claim = Span {
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
    let claimed = figures::read_claimed_all(&figure.text, published);
    if claimed.is_empty() {
        out.push(finding(
            Kind::FigureNotFound,
            format!("cannot read a figure from {:?}", figure.text),
        ));
        return;
    }
    for one in &claimed {
        check_number(cx, claim, one, &readable, &finding, out);
    }
}

/// One number of a claimed figure against the cited sources' figures of
/// the same thing in the best-matching context.
fn check_number(
    cx: &Cx,
    claim: &Claim,
    claimed: &Figure,
    readable: &[usize],
    finding: &dyn Fn(Kind, String) -> Finding,
    out: &mut Vec<Finding>,
) {
    let set = cx.set;
    let outcomes = &cx.searched.outcomes;
    // Figures of the same thing in the cited sources, in the context that
    // matches the claim's best: agreeing with a figure of a weaker context
    // ("14 days after an appeal" for "14 days after the first notice")
    // does not count.
    let mut same: Vec<(usize, &SourceFigure)> = Vec::new();
    for &d in readable {
        let sf = set.declared[d].source_file;
        for f in &outcomes[sf].figures {
            if figures::same_thing(claimed, &f.figure) {
                same.push((d, f));
            }
        }
    }
    let overlap = |f: &SourceFigure| figures::context_overlap(claimed, &f.figure);
    let best = same.iter().map(|(_, f)| overlap(f)).max().unwrap_or(0);
    same.retain(|(_, f)| overlap(f) == best);
    let agreeing: Vec<&(usize, &SourceFigure)> = same
        .iter()
        .filter(|(_, f)| figures::agrees(claimed, &f.figure))
        .collect();
    let what = describe(claimed);
    let Some(&&(d, agreed)) = agreeing
        .iter()
        .find(|(_, f)| !figures::is_hedge(claimed, &f.figure))
        .or_else(|| agreeing.first())
    else {
        match nearest(claimed, &same) {
            Some((d, near)) => {
                let mut f = finding(
                    Kind::FigureMismatch,
                    format!(
                        "the source gives {} for {what}, not {}",
                        near.figure.text, claimed.text
                    ),
                );
                f.source = Some(cx.source_span(d, &near.place));
                f.figure = Some(read_as(&near.figure));
                f.help = Some(format!(
                    "state the source's figure: “{}”",
                    collapsed(&near.figure.text)
                ));
                out.push(f);
            }
            None => {
                let mut f = finding(
                    Kind::FigureNotFound,
                    if readable.len() == 1 {
                        format!(
                            "{} gives no figure for {what}",
                            named_sources(set, readable)
                        )
                    } else {
                        format!(
                            "none of {} gives a figure for {what}",
                            named_sources(set, readable)
                        )
                    },
                );
                f.help = Some("cite the source the figure comes from, or remove it".into());
                out.push(f);
            }
        }
        return;
    };
    if figures::is_hedge(claimed, &agreed.figure) {
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
        f.source = Some(cx.source_span(d, &agreed.place));
        f.figure = Some(read_as(&agreed.figure));
        f.help = Some(format!(
            "keep the source's qualifier: “{}”",
            collapsed(&agreed.figure.text)
        ));
        out.push(f);
    }
    // Across the other sources of the claims file.
    let cited_files: Vec<usize> = readable
        .iter()
        .map(|&d| set.declared[d].source_file)
        .collect();
    // Each source file once, the cited ones not at all.
    let mut seen_files: std::collections::HashSet<usize> = cited_files.into_iter().collect();
    let mut related = Vec::new();
    for &other in &set.files[claim.file].sources {
        let sf = set.declared[other].source_file;
        if !seen_files.insert(sf) {
            continue;
        }
        for g in &outcomes[sf].figures {
            if figures::same_thing_across(&agreed.figure, &g.figure)
                && figures::conflicts(&agreed.figure, &g.figure)
            {
                related.push(cx.source_span(other, &g.place));
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
        f.source = Some(cx.source_span(d, &agreed.place));
        f.figure = Some(read_as(&agreed.figure));
        f.related = related;
        f.help = Some("say which source you follow and why, or mention the disagreement".into());
        out.push(f);
    }
}

/// A source's figure as the report shows it.
fn read_as(figure: &Figure) -> FigureRead {
    FigureRead {
        text: collapsed(&figure.text),
        low: figure.low,
        high: figure.high,
        counts: describe(figure),
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
