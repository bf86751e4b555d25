//! OpenDocument text (`.odt`): the paragraphs and headings of
//! `content.xml`, tracked changes read as accepted (deleted text lives in
//! `text:tracked-changes`, which is skipped), comments (`office:annotation`)
//! left out, footnotes and endnotes last.

use super::docx::{joined, part};
use super::{Extracted, SectionKind};
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use std::io::Cursor;

/// How many spaces a `text:s` stands for.
fn spaces(e: &BytesStart) -> usize {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == b"text:c")
        .and_then(|a| std::str::from_utf8(&a.value).ok()?.parse().ok())
        .unwrap_or(1)
        .min(1000)
}

/// The paragraphs of `content.xml`: the body's, then the notes'.
fn paragraphs(xml: &str) -> Result<Vec<String>, String> {
    let mut reader = Reader::from_str(xml);
    let (mut body, mut notes) = (Vec::new(), Vec::new());
    let mut open: Vec<String> = Vec::new();
    // Inside tracked changes, a comment or a note's citation: no text.
    let mut skipping = 0usize;
    // Inside a note's body: its paragraphs are notes.
    let mut in_note = 0usize;
    let bad = |e: quick_xml::Error| format!("not a readable OpenDocument file (its XML: {e})");
    loop {
        match reader.read_event().map_err(bad)? {
            Event::Start(e) => match e.name().as_ref() {
                b"text:tracked-changes" | b"office:annotation" | b"text:note-citation" => {
                    skipping += 1
                }
                b"text:note-body" => in_note += 1,
                b"text:p" | b"text:h" => open.push(String::new()),
                _ => {}
            },
            Event::Empty(e) if skipping == 0 => {
                if let Some(p) = open.last_mut() {
                    match e.name().as_ref() {
                        b"text:s" => p.extend(std::iter::repeat_n(' ', spaces(&e))),
                        b"text:tab" | b"text:line-break" => p.push(' '),
                        _ => {}
                    }
                }
            }
            Event::Text(t) if skipping == 0 => {
                let text = t
                    .decode()
                    .map_err(|e| format!("not a readable OpenDocument file ({e})"))?;
                if let Some(p) = open.last_mut() {
                    p.push_str(&text);
                }
            }
            Event::GeneralRef(r) if skipping == 0 => {
                if let (Some(p), Some(c)) = (open.last_mut(), super::docx::reference(r.as_ref())) {
                    p.push(c);
                }
            }
            Event::End(e) => match e.name().as_ref() {
                b"text:tracked-changes" | b"office:annotation" | b"text:note-citation"
                    if skipping > 0 =>
                {
                    skipping -= 1
                }
                b"text:note-body" => in_note = in_note.saturating_sub(1),
                b"text:p" | b"text:h" => {
                    if let Some(p) = open.pop().map(|p| joined(&p)).filter(|p| !p.is_empty()) {
                        if in_note > 0 { &mut notes } else { &mut body }.push(p);
                    }
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    body.extend(notes);
    Ok(body)
}

/// The text of an OpenDocument file's bytes, a paragraph per line.
pub(super) fn extract(bytes: &[u8]) -> Result<Extracted, String> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| format!("not a readable OpenDocument file ({e})"))?;
    let content = part(&mut archive, "content.xml")?
        .ok_or("not an OpenDocument text (it has no content.xml)")?;
    Ok(super::docx::as_extracted(
        paragraphs(&content)?,
        SectionKind::Paragraph,
    ))
}

#[cfg(test)]
mod tests {
    use super::paragraphs;

    #[test]
    fn changes_accepted_comments_out_notes_last() {
        let xml = r#"<office:document-content><office:body><office:text>
            <text:tracked-changes><text:changed-region><text:deletion><text:p>the law</text:p></text:deletion></text:changed-region></text:tracked-changes>
            <text:h>Brief</text:h>
            <text:p>The court held<text:s text:c="2"/>that<text:note><text:note-citation>1</text:note-citation><text:note-body><text:p>See id.</text:p></text:note-body></text:note> it <text:change text:change-id="c1"/>the statute &amp; rules<office:annotation><text:p>check</text:p></office:annotation>.</text:p>
            </office:text></office:body></office:document-content>"#;
        assert_eq!(
            paragraphs(xml).unwrap(),
            [
                "Brief",
                "The court held that it the statute & rules.",
                "See id."
            ]
        );
    }
}
