//! Drafts: a claim's quote missing from its draft, and a draft's
//! quotation that no claim covers.

use super::context::{span_at, Cx};
use crate::claims::{Claim, Located};
use crate::evidence::UnclaimedQuotation;
use crate::model::{Finding, Kind};

pub(super) fn not_in_draft(cx: &Cx, claim: &Claim, quote: &Located, why: &str) -> Finding {
    let mut f = Finding::new(Kind::NotInDraft, why);
    f.claim = Some(cx.claim_span(claim, quote));
    f.actual = Some(quote.text.clone());
    f.help = Some("update the claim to the draft's wording, or remove it".into());
    f
}

/// An `unclaimed-quote` finding: its `source` is the quotation in the draft.
pub(super) fn unclaimed(u: &UnclaimedQuotation) -> Finding {
    let place = &u.place;
    let mut f = Finding::new(
        Kind::UnclaimedQuote,
        format!("no claim covers the quotation “{}”", place.text),
    );
    f.source = Some(span_at("", &u.draft, place));
    f.help =
        Some("add a claim with this quote and its source (`verbatim extract` drafts one)".into());
    f
}
