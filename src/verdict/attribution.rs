//! Attribution: the source's credit for a located quote against the
//! claim's `speaker`.

use super::context::Cx;
use crate::attribution::same_speaker;
use crate::claims::{Claim, Located};
use crate::evidence::Evidence;
use crate::model::{Finding, Kind};

/// The source's credit for a located quote, against the claim's `speaker`.
pub(super) fn attribution_findings(
    cx: &Cx,
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
    let at_claim = cx.claim_span(claim, speaker);
    let passage = evidence
        .exact
        .as_ref()
        .or(evidence.aligned.as_ref().map(|a| &a.place))
        .map(|p| cx.source_span(d, p));
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
        Some(name) if !same_speaker(&speaker.text, name) => {
            let mut f = Finding::new(
                Kind::Misattributed,
                format!("the source credits {name}, not {}", speaker.text),
            );
            f.claim = Some(at_claim);
            f.source = passage;
            f.actual = Some(quote.text.clone());
            if let Some(place) = &credit.place {
                f.related.push(cx.source_span(d, place));
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
