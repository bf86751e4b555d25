//! A quote searched in every source is placed by the seeds it shares with
//! a passage, counted once each: a seed a source repeats line after line
//! (a program's printed output) is one seed, however many hits it has.

use crate::common::{json_report, kinds, project};

fn source() -> String {
    // The passage first, then a paragraph, then two runs of the program's
    // output far from it: each run chains into a cluster of one seed.
    let mut text = String::from(
        "Notice that the message from the spawned thread comes first on the screen, \
         even though the main thread started its loop earlier and we asked the spawned \
         thread to count to nine.\n\n\
         A few runs of the same program show how the order changes from one run to the \
         next, since the operating system decides which thread goes first and for how \
         long; nothing in the code itself fixes that order, and a reader should not \
         expect the lines below to match their own screen line for line.\n\n",
    );
    for run in ["first", "second"] {
        text.push_str(&format!("The {run} time the program runs, it prints:\n\n"));
        for n in 1..=12 {
            text.push_str(&format!("hi number {n} from the spawned thread!\n"));
        }
        text.push_str(
            "\nand after that the main thread catches up with the rest of its loop, \
             until both loops are done and the program stops for good.\n\n",
        );
    }
    text
}

#[test]
fn repeated_output_lines_do_not_hide_the_passage() {
    let start = "the message from the spawned thread comes first on the screen, even though \
                 the main thread started its loop earlier and we asked the spawned";
    let claims = format!(
        "sources:\n  threads: ../sources/threads.txt\n  other: ../sources/other.txt\nclaims:\n\
         \x20 - {{id: exact, quote: \"{start} thread to count\"}}\n\
         \x20 - {{id: typo, quote: \"{start} thraed to count\"}}\n\
         \x20 - {{id: changed, quote: \"{start} interesting to count\"}}\n"
    );
    let dir = project(&[
        ("sources/threads.txt", &source()),
        (
            "sources/other.txt",
            "Nothing in this file is quoted by anyone.\n",
        ),
        ("claims/c.yaml", &claims),
    ]);
    let (report, _) = json_report(dir.path(), &[]);
    assert!(kinds(&report, "exact").is_empty());
    assert_eq!(kinds(&report, "typo"), ["typo"]);
    assert_eq!(kinds(&report, "changed"), ["misquote"]);
}
