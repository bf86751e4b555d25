//! PDF sources and Word drafts, on the fixtures `tests/fixtures/documents/
//! make.py` makes: a three-page opinion (a running header and page numbers
//! on every page, a hyphenated line end, a paragraph running over a page
//! break, a footnote, a two-column page) and a brief quoting it (a tracked
//! change, a comment, a footnote, a table).

use crate::common::{fixture, json_report, run, verbatim};
use std::path::Path;

/// A claim as the test compares it: id, draft line, status, and each
/// finding's kind, source page and source line.
type Row = (String, u64, String, Vec<(String, u64, u64)>);

fn text_of(file: &str) -> String {
    let (text, code) = run(&fixture("documents"), &["text", file]);
    assert_eq!(code, 0, "{text}");
    text
}

#[test]
fn a_pdf_reads_in_order_without_its_running_headers() {
    let text = text_of("opinion.pdf");
    assert!(
        !text.contains("SMITH v. JONES"),
        "running header kept:\n{text}"
    );
    assert!(
        !text.lines().any(|l| l.trim().parse::<u32>().is_ok()),
        "page number kept:\n{text}"
    );
    // "pro-" + "vision" at a line end is one word.
    assert!(text.contains("the statutory provision reaches the anchored barge"));
    // A paragraph running over the page break stays one paragraph, and the
    // first page's footnote follows it.
    assert!(
        text.contains("which shows that the barge\nwas towed twice"),
        "{text}"
    );
    assert!(text.contains(
        "cargo on the water.\n\n1 The parties agree that the harbor lies within the district."
    ));
    // The two columns of page 3, one after the other.
    assert!(
        text.contains("capable of transport on water.\n\nWe therefore hold that the barge"),
        "{text}"
    );
}

#[test]
fn a_word_document_reads_its_changes_as_accepted() {
    let text = text_of("brief.docx");
    assert!(text.contains("within the meaning of the statute when it was inspected"));
    assert!(!text.contains("the law"), "a tracked deletion is not text");
    assert!(!text.contains("Check this quote"), "a comment is not text");
    assert!(
        text.contains("\n\nSee the opinion at page 2."),
        "the footnote, last"
    );
    assert!(
        text.contains("\n\nSmith v. Jones\n"),
        "a table cell is a paragraph"
    );
}

/// A brief in Word quoting a PDF opinion, checked in one step: each
/// finding at the brief's line and column and the opinion's page and line.
#[test]
fn a_word_brief_quoting_a_pdf_opinion() {
    let dir = tempfile::tempdir().unwrap();
    for (from, to) in [("opinion.pdf", "sources"), ("brief.docx", "drafts")] {
        std::fs::create_dir_all(dir.path().join(to)).unwrap();
        std::fs::copy(
            fixture("documents").join(from),
            dir.path().join(to).join(from),
        )
        .unwrap();
    }
    let (report, code) = json_report(dir.path(), &["drafts/brief.docx"]);
    assert_eq!(code, 1);
    let got: Vec<Row> = report["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            let findings = c["findings"]
                .as_array()
                .unwrap()
                .iter()
                .map(|f| {
                    (
                        f["kind"].as_str().unwrap().to_string(),
                        f["source"]["page"].as_u64().unwrap_or(0),
                        f["source"]["line"].as_u64().unwrap_or(0),
                    )
                })
                .collect();
            (
                c["id"].as_str().unwrap().to_string(),
                c["line"].as_u64().unwrap(),
                c["status"].as_str().unwrap().to_string(),
                findings,
            )
        })
        .collect();
    let want = [
        ("we-agree-with-the", 3, "pass", vec![]), // across a hyphenated line end
        ("shows-that-the-barge", 5, "pass", vec![]), // across the page break
        (
            "nothing-in-the-text",
            7,
            "warn",
            vec![("typo".to_string(), 2, 14)],
        ),
        (
            "has-long-covered-any",
            9,
            "fail",
            vec![("misquote".to_string(), 3, 20)],
        ),
        (
            "congress-knew-how-to",
            11,
            "fail",
            vec![("stitched".to_string(), 2, 15)],
        ),
        ("was-a-vessel-within", 13, "pass", vec![]), // through a tracked change
    ];
    let want: Vec<Row> = want
        .into_iter()
        .map(|(id, line, status, f)| (id.to_string(), line, status.to_string(), f))
        .collect();
    assert_eq!(got, want);
    let stitched = &report["claims"][4]["findings"][0];
    assert_eq!(stitched["related"][1]["page"], 3, "each piece has its page");
    // The human report names the page beside the line.
    let (human, _) = run(
        dir.path(),
        &["check", "drafts/brief.docx", "--color", "never"],
    );
    assert!(
        human.contains("the source: sources/opinion.pdf:20:1 (page 3) (`opinion`)"),
        "{human}"
    );
}

fn claims_citing(dir: &Path, file: &str, quote: &str) {
    std::fs::create_dir_all(dir.join("claims")).unwrap();
    std::fs::write(
        dir.join("claims/c.yaml"),
        format!("sources:\n  s: ../sources/{file}\nclaims:\n  - id: q\n    source: s\n    quote: {quote}\n"),
    )
    .unwrap();
}

#[test]
fn an_unreadable_pdf_says_why() {
    for (file, why) in [
        ("scanned.pdf", "no text layer; run OCR first"),
        ("locked.pdf", "encrypted"),
        ("broken.pdf", "not a readable PDF"),
    ] {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("sources")).unwrap();
        std::fs::copy(
            fixture("documents").join(file),
            dir.path().join("sources").join(file),
        )
        .unwrap();
        claims_citing(dir.path(), file, "any words at all");
        let (report, code) = json_report(dir.path(), &[]);
        assert_eq!(code, 1, "{file}");
        let f = &report["claims"][0]["findings"][0];
        assert_eq!(f["kind"], "source-unreadable", "{file}");
        assert!(
            f["message"].as_str().unwrap().contains(why),
            "{file}: {}",
            f["message"]
        );
    }
}

/// `pin` hashes a PDF's bytes, and a changed PDF is `source-changed`.
#[test]
fn a_pinned_pdf_that_changes_is_caught() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("sources/opinion.pdf");
    std::fs::create_dir_all(dir.path().join("sources")).unwrap();
    std::fs::copy(fixture("documents").join("opinion.pdf"), &pdf).unwrap();
    claims_citing(
        dir.path(),
        "opinion.pdf",
        "Congress knew how to draw that line",
    );
    let pinned = verbatim(dir.path()).arg("pin").output().unwrap();
    assert!(pinned.status.success());
    assert!(std::fs::read_to_string(dir.path().join("claims/c.yaml"))
        .unwrap()
        .contains("sha256:"));
    assert_eq!(json_report(dir.path(), &[]).1, 0);
    let mut bytes = std::fs::read(&pdf).unwrap();
    bytes.extend_from_slice(b"\n% amended\n");
    std::fs::write(&pdf, bytes).unwrap();
    let (report, _) = json_report(dir.path(), &[]);
    let kinds = crate::common::kinds(&report, "q");
    assert!(kinds.contains(&"source-changed".to_string()), "{kinds:?}");
}

/// A PDF whose page content inflates to gigabytes (a "zip bomb") is
/// refused before any of it is held: quickly and in little memory.
#[test]
fn a_pdf_bomb_is_refused_in_bounded_memory() {
    use flate2::{Compress, Compression, FlushCompress};
    // One megabyte of spaces, deflated with a sync flush: a byte-aligned
    // block that can be repeated; 1,024 of them inflate to 1 GiB.
    let mut deflate = Compress::new(Compression::best(), true);
    let mut block = Vec::with_capacity(1 << 16);
    deflate
        .compress_vec(&vec![b' '; 1 << 20], &mut block, FlushCompress::Sync)
        .unwrap();
    let mut stream = block.clone();
    let header_and_first = stream.len();
    for _ in 1..1024 {
        stream.extend_from_slice(&block[2..]); // the zlib header once
    }
    assert!(header_and_first < stream.len());
    let mut pdf: Vec<u8> = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for body in [
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>".to_vec(),
        [
            format!(
                "<< /Length {} /Filter /FlateDecode >>\nstream\n",
                stream.len()
            )
            .into_bytes(),
            stream,
            b"\nendstream".to_vec(),
        ]
        .concat(),
    ] {
        offsets.push(pdf.len());
        pdf.extend_from_slice(format!("{} 0 obj\n", offsets.len()).as_bytes());
        pdf.extend_from_slice(&body);
        pdf.extend_from_slice(b"\nendobj\n");
    }
    let xref = pdf.len();
    pdf.extend_from_slice(b"xref\n0 5\n0000000000 65535 f \n");
    for at in &offsets {
        pdf.extend_from_slice(format!("{at:010} 00000 n \n").as_bytes());
    }
    pdf.extend_from_slice(
        format!("trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n").as_bytes(),
    );
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("sources")).unwrap();
    std::fs::write(dir.path().join("sources/bomb.pdf"), &pdf).unwrap();
    claims_citing(dir.path(), "bomb.pdf", "any words at all");
    let (code, cpu, peak) = crate::bounds::measure(dir.path());
    eprintln!(
        "bomb: {} KB, {cpu:?} CPU, peak {} MB",
        pdf.len() / 1024,
        peak >> 20
    );
    assert_eq!(code, 1);
    assert!(peak < 300 << 20, "peak {} MB", peak >> 20);
    let (report, _) = json_report(dir.path(), &[]);
    let f = &report["claims"][0]["findings"][0];
    assert_eq!(f["kind"], "source-unreadable");
    assert!(
        f["message"]
            .as_str()
            .unwrap()
            .contains("inflate to more than 512 MiB"),
        "{f}"
    );
}

/// The same reader serves OpenDocument text: a brief in `.odt` checked in
/// one step against the PDF opinion.
#[test]
fn an_odt_brief_is_read_and_checked_like_a_word_one() {
    let text = text_of("brief.odt");
    assert!(text.contains("within the meaning of the statute when it was inspected"));
    assert!(!text.contains("the law"), "a tracked deletion is not text");
    assert!(!text.contains("Check this quote"), "a comment is not text");
    assert!(
        text.ends_with("See the opinion at page 3.\n"),
        "the footnote, last: {text}"
    );
    let dir = tempfile::tempdir().unwrap();
    for (from, to) in [("opinion.pdf", "sources"), ("brief.odt", "drafts")] {
        std::fs::create_dir_all(dir.path().join(to)).unwrap();
        std::fs::copy(
            fixture("documents").join(from),
            dir.path().join(to).join(from),
        )
        .unwrap();
    }
    let (report, code) = json_report(dir.path(), &["drafts/brief.odt"]);
    assert_eq!(code, 1);
    let kinds: Vec<(String, String)> = report["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            let kind = c["findings"][0]["kind"]
                .as_str()
                .unwrap_or("none")
                .to_string();
            (c["status"].as_str().unwrap().to_string(), kind)
        })
        .collect();
    assert_eq!(
        kinds,
        [
            ("warn".to_string(), "typo".to_string()),
            ("fail".to_string(), "misquote".to_string()),
            ("pass".to_string(), "none".to_string()),
        ]
    );
}
