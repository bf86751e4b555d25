//! SPEC §4 rev. 2: headings, numbered section titles, defined terms and a
//! sentence's first word are never speakers; "a language called X" names
//! something; the quote's own sentence is read whole first; dash credit
//! lines (indented, with initials) and comment headers credit.

use super::same_speaker;
use super::tests::who;

#[test]
fn headings_and_section_titles_are_never_speakers() {
    let text = "1. Definitions.\n\n\"License\" shall mean the terms and conditions for use, as stated in this document.\n";
    assert_eq!(who(text, "shall mean the terms and conditions"), None);
    let text = "4. MODIFICATIONS\n\nYou may copy and distribute the Document, as noted below, under these conditions.\n";
    assert_eq!(who(text, "You may copy and distribute"), None);
}

#[test]
fn a_sentence_first_word_alone_is_never_a_speaker() {
    let text = "Permission is hereby granted, as stated above, to any person obtaining a copy.\n";
    assert_eq!(who(text, "hereby granted"), None);
    let text = "It’s the default for new users, the manual notes in passing.\n";
    assert_eq!(who(text, "the default for new users"), None);
    let text = "Similarly, the output stays the same, as the changelog states.\n";
    assert_eq!(who(text, "the output stays the same"), None);
    // A surname that is no English word still heads its sentence.
    let text = "Sheinbaum has drawn a red line and said flatly that “the answer is no.”\n";
    assert_eq!(who(text, "the answer is no").as_deref(), Some("Sheinbaum"));
}

#[test]
fn a_noun_called_a_name_credits_no_one() {
    let text = "Go is a language called Golang by some, and “it compiles fast.”\n";
    assert_eq!(who(text, "it compiles fast"), None);
    let text = "Sheinbaum called it “a violation of our sovereignty.”\n";
    assert_eq!(
        who(text, "a violation of our sovereignty").as_deref(),
        Some("Sheinbaum")
    );
}

#[test]
fn according_to_in_the_quote_sentence_comes_first() {
    let text =
        "According to Ana Ruiz, “the talks failed.” Luis Vega said later that nothing changed.\n";
    assert_eq!(who(text, "the talks failed").as_deref(), Some("Ana Ruiz"));
}

#[test]
fn an_indented_dash_line_with_initials_credits_the_paragraph() {
    let line = "“Science fiction is not predictive; it is descriptive, and that is what this long line says about it all.”";
    let text = format!("{line}\n\t-- Ursula K. Le Guin\n{line} Again and again.\n");
    let credited = who(&text, "science fiction is not predictive").unwrap_or_default();
    assert!(same_speaker("Ursula K. Le Guin", &credited), "{credited}");
    assert!(same_speaker("Le Guin", &credited), "{credited}");
}

#[test]
fn a_comment_header_credits_its_comment() {
    let text =
        "Comments\n\n3. Jo Smith\n\n   I think the plan is bad for everyone here.\n\nReply\n";
    assert_eq!(who(text, "the plan is bad").as_deref(), Some("Jo Smith"));
}

#[test]
fn the_one_asked_or_told_is_no_speaker_and_i_is_the_writer() {
    let text =
        "Git doesn’t do this. I asked Git to ignore various files, yet they are still tracked.\n";
    assert_eq!(who(text, "yet they are still tracked"), None);
    let text = "“We will not,” said Ana Ruiz.\n";
    assert_eq!(who(text, "we will not").as_deref(), Some("Ana Ruiz"));
    let text = "Ana Ruiz told Luis Vega that “the talks failed.”\n";
    assert_eq!(who(text, "the talks failed").as_deref(), Some("Ana Ruiz"));
    let text = "term_source() is NOT called by jpeg_abort(), as the manual notes.\n";
    assert_eq!(who(text, "jpeg_abort"), None);
}
