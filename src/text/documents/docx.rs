//! Word documents (`.docx`): the text of `word/document.xml`, paragraph by
//! paragraph (headings, list items and table cells are paragraphs too),
//! tracked changes read as accepted (insertions kept, deletions dropped),
//! comments left out (they live in another part), then the footnotes.

use super::{Extracted, SectionKind};
use quick_xml::events::Event;
use quick_xml::Reader;
use std::io::{Cursor, Read};

/// The most XML read from one part: a zip bomb stops here.
const MAX_PART_BYTES: u64 = 256 * 1024 * 1024;

/// A part of a zipped document, as text, refused past [`MAX_PART_BYTES`].
pub(super) fn part(
    archive: &mut zip::ZipArchive<Cursor<&[u8]>>,
    name: &str,
) -> Result<Option<String>, String> {
    let file = match archive.by_name(name) {
        Ok(f) => f,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(format!("not a readable document ({e})")),
    };
    let mut xml = String::new();
    file.take(MAX_PART_BYTES + 1)
        .read_to_string(&mut xml)
        .map_err(|e| format!("not a readable document ({e})"))?;
    if xml.len() as u64 > MAX_PART_BYTES {
        return Err(format!("its {name} is larger than 256 MiB"));
    }
    Ok(Some(xml))
}

/// The paragraphs of a WordprocessingML part: in `w:body` (or each
/// `w:footnote` other than the separators).
fn paragraphs(xml: &str) -> Result<Vec<String>, String> {
    let mut reader = Reader::from_str(xml);
    let mut out = Vec::new();
    // Open paragraphs (a text box holds paragraphs inside one).
    let mut open: Vec<String> = Vec::new();
    let mut in_text = false;
    // Inside a deletion (tracked change) or a separator footnote.
    let mut skipping = 0usize;
    loop {
        let event = reader
            .read_event()
            .map_err(|e| format!("not a readable Word document (its XML: {e})"))?;
        match event {
            Event::Start(e) => {
                let name = e.name();
                match name.as_ref() {
                    b"w:del" | b"w:moveFrom" => skipping += 1,
                    b"w:footnote" | b"w:endnote"
                        if e.attributes().flatten().any(|a| {
                            a.key.as_ref() == b"w:type"
                                && matches!(
                                    a.value.as_ref(),
                                    b"separator" | b"continuationSeparator" | b"continuationNotice"
                                )
                        }) =>
                    {
                        skipping += 1
                    }
                    b"w:p" => open.push(String::new()),
                    b"w:t" => in_text = true,
                    _ => {}
                }
            }
            Event::Empty(e) if skipping == 0 => {
                if let Some(p) = open.last_mut() {
                    match e.name().as_ref() {
                        b"w:tab" | b"w:br" | b"w:cr" => p.push(' '),
                        b"w:noBreakHyphen" => p.push('-'),
                        _ => {}
                    }
                }
            }
            Event::Text(t) if in_text && skipping == 0 => {
                let text = t
                    .decode()
                    .map_err(|e| format!("not a readable Word document ({e})"))?;
                let text = quick_xml::escape::unescape(&text)
                    .map_err(|e| format!("not a readable Word document ({e})"))?;
                if let Some(p) = open.last_mut() {
                    p.push_str(&text);
                }
            }
            Event::GeneralRef(r) if in_text && skipping == 0 => {
                // An entity or character reference inside a run's text.
                if let (Some(p), Some(c)) = (open.last_mut(), reference(r.as_ref())) {
                    p.push(c);
                }
            }
            Event::End(e) => match e.name().as_ref() {
                b"w:del" | b"w:moveFrom" | b"w:footnote" | b"w:endnote" if skipping > 0 => {
                    skipping -= 1
                }
                b"w:t" => in_text = false,
                b"w:p" => {
                    if let Some(p) = open.pop().map(|p| joined(&p)).filter(|p| !p.is_empty()) {
                        out.push(p);
                    }
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(out)
}

/// The text of a Word document's bytes, a paragraph per line with a blank
/// line between, and where each paragraph starts.
pub(super) fn extract(bytes: &[u8]) -> Result<Extracted, String> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| format!("not a readable Word document ({e})"))?;
    let document = part(&mut archive, "word/document.xml")?
        .ok_or("not a Word document (it has no word/document.xml)")?;
    let mut all = paragraphs(&document)?;
    if let Some(notes) = part(&mut archive, "word/footnotes.xml")? {
        all.extend(paragraphs(&notes)?);
    }
    Ok(as_extracted(all, SectionKind::Paragraph))
}

/// A paragraph's text with its white space collapsed.
pub(super) fn joined(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The character an XML entity or character reference stands for.
pub(super) fn reference(name: &[u8]) -> Option<char> {
    let name = std::str::from_utf8(name).ok()?;
    match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        n => n
            .strip_prefix("#x")
            .and_then(|h| u32::from_str_radix(h, 16).ok())
            .or_else(|| n.strip_prefix('#').and_then(|d| d.parse().ok()))
            .and_then(char::from_u32),
    }
}

/// Paragraphs as extracted text: one per line, a blank line between, each
/// marked with its number.
pub(super) fn as_extracted(paragraphs: Vec<String>, kind: SectionKind) -> Extracted {
    let mut text = String::new();
    let mut marks = Vec::with_capacity(paragraphs.len());
    for (i, p) in paragraphs.iter().enumerate() {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        marks.push((text.len(), i as u32 + 1));
        text.push_str(p);
    }
    Extracted { text, kind, marks }
}

#[cfg(test)]
mod tests {
    use super::paragraphs;

    #[test]
    fn tracked_changes_read_as_accepted() {
        let xml = r#"<w:document><w:body>
            <w:p><w:r><w:t>The court </w:t></w:r><w:del><w:r><w:delText>never</w:delText></w:r></w:del>
            <w:ins><w:r><w:t xml:space="preserve">always </w:t></w:r></w:ins><w:r><w:t>held &amp; so</w:t></w:r></w:p>
            <w:p><w:r><w:t>Second</w:t><w:tab/><w:t>para</w:t></w:r></w:p>
            <w:tbl><w:tr><w:tc><w:p><w:r><w:t>cell</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
            </w:body></w:document>"#;
        assert_eq!(
            paragraphs(xml).unwrap(),
            ["The court always held & so", "Second para", "cell"]
        );
    }

    #[test]
    fn separator_footnotes_are_no_text() {
        let xml = r#"<w:footnotes><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:t>---</w:t></w:r></w:p></w:footnote>
            <w:footnote w:id="1"><w:p><w:r><w:t>See id. at 4.</w:t></w:r></w:p></w:footnote></w:footnotes>"#;
        assert_eq!(paragraphs(xml).unwrap(), ["See id. at 4."]);
    }
}
