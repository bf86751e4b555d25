//! Drafts: every quote of a claims file must be in its draft, and every
//! quotation of the draft (four words or more) must be claimed.

use crate::claims::ClaimSet;
use crate::evidence::{DraftCheck, Job, UnclaimedQuotation};
use crate::matcher::quote::ParsedQuote;
use crate::matcher::{analyze, LazyIndex, Reading};
use crate::text::{ReadError, Source};

/// Quotations shorter than this many words are not asked for a claim.
pub const MIN_QUOTATION_WORDS: usize = 4;

/// Is the quote in the draft, under the same folding and editorial rules
/// as sources? Returns the folded range where it stands.
pub fn find_in(
    draft: &Source,
    quote: &ParsedQuote,
    index: &mut LazyIndex,
) -> Option<(usize, usize)> {
    let folded = &draft.folded.text;
    if let Some(plain) = quote.plain.as_ref() {
        let bytes = folded.as_bytes();
        let mut from = 0;
        while let Some(i) = folded[from..].find(plain.as_str()).map(|i| from + i) {
            let end = i + plain.len();
            if (i == 0 || bytes[i - 1] == b' ') && (end == bytes.len() || bytes[end] == b' ') {
                return Some((i, end));
            }
            from = i + 1;
        }
        return None;
    }
    // Only a whole alignment counts here.
    let evidence = analyze(draft, quote, &[], index, &Default::default(), 1.0);
    evidence
        .aligned
        .filter(|a| a.aligned == a.words && a.reading == Reading::Faithful)
        .map(|a| a.range)
}

/// Every quote of a claims file with a draft looked for in it, and every
/// quotation of the draft looked for among the quotes.
pub fn check(set: &ClaimSet, jobs: &[Job]) -> DraftCheck {
    let mut result = DraftCheck {
        missing: vec![None; jobs.len()],
        unclaimed: Vec::new(),
    };
    for (f, file) in set.files.iter().enumerate() {
        let Some(draft_ref) = &file.draft else {
            continue;
        };
        let file_jobs: Vec<usize> = (0..jobs.len())
            .filter(|&j| set.claims[jobs[j].claim].file == f)
            .collect();
        let draft = match crate::text::kept::read_kept(&draft_ref.path, false) {
            Ok(draft) => draft,
            Err(e) => {
                let why = match e {
                    ReadError::Missing => format!("the draft {} does not exist", draft_ref.display),
                    ReadError::Unreadable(why) => {
                        format!("the draft {} cannot be read: {why}", draft_ref.display)
                    }
                };
                for j in file_jobs {
                    result.missing[j] = Some(why.clone());
                }
                continue;
            }
        };
        let mut index = LazyIndex::default();
        let mut covered: Vec<(usize, usize)> = Vec::new();
        for j in file_jobs {
            match find_in(&draft, &jobs[j].parsed, &mut index) {
                Some(range) => covered.push(range),
                None => {
                    result.missing[j] = Some(format!(
                        "the quote is not in the draft {}",
                        draft_ref.display
                    ));
                }
            }
        }
        for &(qs, qe) in &draft.layout.quotations {
            // The quotation's words, without its marks.
            let text = draft.folded.text.get(qs..qe).unwrap_or("").trim();
            if text.split(' ').filter(|w| !w.is_empty()).count() < MIN_QUOTATION_WORDS {
                continue;
            }
            let first = qs
                + (draft.folded.text[qs..qe].len() - draft.folded.text[qs..qe].trim_start().len());
            let claimed = covered.iter().any(|&(cs, ce)| cs < qe && first < ce);
            if claimed {
                continue;
            }
            result.unclaimed.push(UnclaimedQuotation {
                draft: draft_ref.display.clone(),
                place: draft.place(first, qe),
            });
        }
    }
    result
}
