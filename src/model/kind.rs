//! The finding kinds of the contract, in one table: name, default severity,
//! meaning, an example and the fix. `verbatim explain`, SARIF rules, the
//! README table and the severity policy all read this table.

use super::severity::Severity;

macro_rules! kinds {
    ($($variant:ident = $name:literal, $severity:ident, $meaning:literal,
       example: $example:literal, fix: $fix:literal;)*) => {
        /// A finding kind, as named by the contract.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Kind { $($variant),* }

        impl Kind {
            pub const ALL: &'static [Kind] = &[$(Kind::$variant),*];

            pub fn name(self) -> &'static str {
                match self { $(Kind::$variant => $name),* }
            }

            pub fn default_severity(self) -> Severity {
                match self { $(Kind::$variant => Severity::$severity),* }
            }

            pub fn meaning(self) -> &'static str {
                match self { $(Kind::$variant => $meaning),* }
            }

            /// A short example of what the kind catches.
            pub fn example(self) -> &'static str {
                match self { $(Kind::$variant => $example),* }
            }

            /// What to do about it.
            pub fn fix(self) -> &'static str {
                match self { $(Kind::$variant => $fix),* }
            }

            pub fn from_name(name: &str) -> Option<Kind> {
                match name { $($name => Some(Kind::$variant),)* _ => None }
            }
        }
    };
}

kinds! {
    Typography = "typography", Note, "matched only after folding quotes, dashes, case, diacritics or spacing",
        example: "quote: There's no doubt… (straight apostrophe); source: There’s no doubt…",
        fix: "Nothing to fix: the note records that quotation marks, dashes, case, diacritics or spacing were folded.";
    Omission = "omission", Note, "an ellipsis omits words; the pieces are in order in one paragraph",
        example: "quote: The United States is not going to come to Mexico with their military ... It’s off the table",
        fix: "Nothing to fix when the omission keeps the meaning; the pieces must stay in order in one paragraph.";
    Insertion = "insertion", Note, "a bracketed insertion stands for source words",
        example: "quote: We always say [U.S. forces are] not necessary; source: We always say it’s not necessary",
        fix: "Nothing to fix when the bracket only clarifies; never let it add or flip a negation or number.";
    Typo = "typo", Warning, "differs from the source only by small in-word edits",
        example: "quote: navigating that minfield; source: navigating that minefield",
        fix: "Correct the spelling to the source's, or `accept` it with a reason if the source misspells.";
    Misquote = "misquote", Error, "words added, dropped or changed; the source's wording is given",
        example: "quote: it would be one of the worst wars; source: that would be one of the worst wars",
        fix: "Quote the source's exact words (the finding gives them), or paraphrase without quotation marks.";
    Stitched = "stitched", Error, "pieces of separate quotations or paragraphs joined as one quote",
        example: "quote: We reached the site, but we found no one. Every country has the right… (two paragraphs apart)",
        fix: "Quote each passage on its own, or join them with an ellipsis only when they are in order in one paragraph.";
    NotFound = "not-found", Error, "nothing in the cited sources is close to the quote",
        example: "quote: Mexico will never allow foreign boots on its soil under any circumstances.",
        fix: "Find the passage the quote comes from and cite that source, or remove the quote.";
    WrongSource = "wrong-source", Error, "not in the cited source, but found in another declared source",
        example: "quote: We have eliminated 97% of the drugs entering via waterways (cited: the explainer; found: riviera)",
        fix: "Cite the source that holds the quote.";
    Misattributed = "misattributed", Error, "the source credits the passage to someone other than `speaker`",
        example: "speaker: Arturo Sarukhán; the source credits Roberta Jacobson",
        fix: "Credit the person the source names, or cite a source that credits your speaker.";
    Unattributed = "unattributed", Warning, "`speaker` is given, but the source credits no one near the passage",
        example: "speaker: Trump; the source quotes the words without saying who said them",
        fix: "Cite a source that says who spoke, or drop `speaker`.";
    FigureMismatch = "figure-mismatch", Error, "the cited source gives a different value for the same thing",
        example: "claim: at least 70 times; source: at least 17 times",
        fix: "State the source's figure, or cite a source that gives yours.";
    Hedge = "hedge", Warning, "same value, but the claim drops or hardens the source's qualifier",
        example: "claim: 400,000 fatal overdoses; source: about 400,000 fatal overdoses",
        fix: "Keep the source's qualifier (about, nearly, more than…).";
    FigureNotFound = "figure-not-found", Error, "the cited source has no figure for that thing",
        example: "claim: 250 drone flights a month; the source counts no drone flights",
        fix: "Cite the source the figure comes from, or remove it.";
    FigureConflict = "figure-conflict", Warning, "another source of the file gives an incompatible figure for the same thing",
        example: "about 400,000 fatal overdoses during the past decade vs over 100,000 overdose deaths annually",
        fix: "Decide which source to trust and say why; mention the disagreement if it matters.";
    SourceMissing = "source-missing", Error, "the source file does not exist",
        example: "gone: ../sources/no-such-article.txt",
        fix: "Fix the path, or save the article into sources/.";
    SourceUnreadable = "source-unreadable", Error, "the source cannot be read or decoded (a folder, a device, bad bytes)",
        example: "a folder, a FIFO, or a file that is not UTF-8 text",
        fix: "Save the source as UTF-8 text, Markdown or HTML.";
    SourceChanged = "source-changed", Error, "the source's SHA-256 differs from its `sha256` pin",
        example: "sha256: 0000… while the file hashes to 9f2c…",
        fix: "Re-check the claims against the new text, then run `verbatim pin --update`.";
    NotInDraft = "not-in-draft", Warning, "the claim's quote does not occur in the `draft`",
        example: "the claim quotes “We always say it’s not necessary” but the draft no longer does",
        fix: "Update the claim to the draft's wording, or remove the claim.";
    UnclaimedQuote = "unclaimed-quote", Warning, "a quotation in the `draft` that no claim covers",
        example: "the draft quotes “What we need is information” but no claim covers it",
        fix: "Add a claim for the quotation with its source.";
    StaleAccept = "stale-accept", Warning, "an `accept` entry that matches no finding",
        example: "accept: {kind: typo} on a claim that no longer has a typo",
        fix: "Remove the `accept` entry.";
}

impl Kind {
    /// The text `verbatim explain` prints for a kind.
    pub fn explanation(self) -> String {
        format!(
            "{name} ({severity})\n\n  {meaning}.\n\nExample:\n  {example}\n\nFix:\n  {fix}\n",
            name = self.name(),
            severity = self.default_severity().name(),
            meaning = capitalise(self.meaning()),
            example = self.example(),
            fix = self.fix(),
        )
    }
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_read_back() {
        for &kind in Kind::ALL {
            assert_eq!(Kind::from_name(kind.name()), Some(kind));
            assert!(!kind.example().is_empty() && !kind.fix().is_empty());
        }
        assert_eq!(Kind::from_name("nonsense"), None);
    }

    #[test]
    fn explanation_names_kind_severity_and_fix() {
        let text = Kind::Typo.explanation();
        assert!(text.starts_with("typo (warning)\n"));
        assert!(text.contains("Fix:\n  Correct the spelling"));
    }
}
