//! `verbatim explain KIND`: what a finding means, an example, and the fix.

use crate::findings::Kind;

fn example_and_fix(kind: Kind) -> (&'static str, &'static str) {
    match kind {
        Kind::Typography => (
            "quote: There's no doubt… (straight apostrophe); source: There’s no doubt…",
            "Nothing to fix: the note records that quotation marks, dashes, case, diacritics or spacing were folded.",
        ),
        Kind::Omission => (
            "quote: The United States is not going to come to Mexico with their military ... It’s off the table",
            "Nothing to fix when the omission keeps the meaning; the pieces must stay in order in one paragraph.",
        ),
        Kind::Insertion => (
            "quote: We always say [U.S. forces are] not necessary; source: We always say it’s not necessary",
            "Nothing to fix when the bracket only clarifies; never let it add or flip a negation or number.",
        ),
        Kind::Typo => (
            "quote: navigating that minfield; source: navigating that minefield",
            "Correct the spelling to the source's, or `accept` it with a reason if the source misspells.",
        ),
        Kind::Misquote => (
            "quote: it would be one of the worst wars; source: that would be one of the worst wars",
            "Quote the source's exact words (the finding gives them), or paraphrase without quotation marks.",
        ),
        Kind::Stitched => (
            "quote: We reached the site, but we found no one. Every country has the right… (two paragraphs apart)",
            "Quote each passage on its own, or join them with an ellipsis only when they are in order in one paragraph.",
        ),
        Kind::NotFound => (
            "quote: Mexico will never allow foreign boots on its soil under any circumstances.",
            "Find the passage the quote comes from and cite that source, or remove the quote.",
        ),
        Kind::WrongSource => (
            "quote: We have eliminated 97% of the drugs entering via waterways (cited: the explainer; found: riviera)",
            "Cite the source that holds the quote.",
        ),
        Kind::Misattributed => (
            "speaker: Arturo Sarukhán; the source credits Roberta Jacobson",
            "Credit the person the source names, or cite a source that credits your speaker.",
        ),
        Kind::Unattributed => (
            "speaker: Trump; the source quotes the words without saying who said them",
            "Cite a source that says who spoke, or drop `speaker`.",
        ),
        Kind::FigureMismatch => (
            "claim: at least 70 times; source: at least 17 times",
            "State the source's figure, or cite a source that gives yours.",
        ),
        Kind::Hedge => (
            "claim: 400,000 fatal overdoses; source: about 400,000 fatal overdoses",
            "Keep the source's qualifier (about, nearly, more than…).",
        ),
        Kind::FigureNotFound => (
            "claim: 250 drone flights a month; the source counts no drone flights",
            "Cite the source the figure comes from, or remove it.",
        ),
        Kind::FigureConflict => (
            "about 400,000 fatal overdoses during the past decade vs over 100,000 overdose deaths annually",
            "Decide which source to trust and say why; mention the disagreement if it matters.",
        ),
        Kind::SourceMissing => (
            "gone: ../sources/no-such-article.txt",
            "Fix the path, or save the article into sources/.",
        ),
        Kind::SourceUnreadable => (
            "a folder, a FIFO, or a file that is not UTF-8 text",
            "Save the source as UTF-8 text, Markdown or HTML.",
        ),
        Kind::SourceChanged => (
            "sha256: 0000… while the file hashes to 9f2c…",
            "Re-check the claims against the new text, then run `verbatim pin --update`.",
        ),
        Kind::NotInDraft => (
            "the claim quotes “We always say it’s not necessary” but the draft no longer does",
            "Update the claim to the draft's wording, or remove the claim.",
        ),
        Kind::UnclaimedQuote => (
            "the draft quotes “What we need is information” but no claim covers it",
            "Add a claim for the quotation with its source.",
        ),
        Kind::StaleAccept => (
            "accept: {kind: typo} on a claim that no longer has a typo",
            "Remove the `accept` entry.",
        ),
    }
}

/// The text `verbatim explain` prints for a kind.
pub fn explain(kind: Kind) -> String {
    let (example, fix) = example_and_fix(kind);
    format!(
        "{name} ({severity})\n\n  {meaning}.\n\nExample:\n  {example}\n\nFix:\n  {fix}\n",
        name = kind.name(),
        severity = kind.default_severity().name(),
        meaning = capitalise(kind.meaning()),
    )
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
