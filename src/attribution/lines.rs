//! Credits on lines of their own: a dash line under a pull quote, and a
//! comment's numbered header.

use super::names::looks_like_name;
use super::Credit;
use crate::text::Source;

/// "-- Stanislaw Lem" on the line under the quote's paragraph (a line
/// that is no blank line away, so it reads as the paragraph's last line).
pub(super) fn pull_quote(source: &Source, paragraph: usize, quote_end: usize) -> Option<Credit> {
    let layout = &source.layout;
    let folded_len = source.folded.text.len();
    let (ps, _) = layout.paragraph_range(paragraph, folded_len);
    let (para_start, _) = source.original_range(ps, ps + 1);
    // Up to the end of the next paragraph: where lines are paragraphs, the
    // credit line under the quote is a paragraph of its own. A blank line
    // under the quote ends the search below.
    let para_end = match layout.paragraphs.get(paragraph + 2) {
        Some(&next) => source.original_range(next, next + 1).0,
        None => source.original_len(),
    };
    let text = source.original_text(para_start, para_end);
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let at = para_start + offset;
        offset += line.len();
        if at < quote_end {
            continue;
        }
        let trimmed = line.trim();
        let rest = trimmed
            .strip_prefix("--")
            .or_else(|| trimmed.strip_prefix('—'))
            .or_else(|| trimmed.strip_prefix('–'))?;
        if !rest.starts_with(char::is_whitespace) && !rest.starts_with(char::is_alphabetic) {
            return None;
        }
        let name = rest
            .trim()
            .split(',')
            .next()
            .unwrap_or("")
            .trim()
            .to_string();
        if name.is_empty() || name.split(' ').count() > 6 {
            return None;
        }
        let name_at = at + line.find(&name).unwrap_or(0);
        return Some(Credit {
            speaker: Some(name.clone()),
            place: Some(source.place_original(name_at, name_at + name.len())),
        });
    }
    None
}

/// A comment's numbered header ("  6. noonespecial") above the quote, with
/// no "Reply" line between.
pub(super) fn commenter(source: &Source, start: usize) -> Option<Credit> {
    let (quote_orig, _) = source.original_range(start, start + 1);
    let from = quote_orig.saturating_sub(20_000);
    let before = source.original_text(from, quote_orig);
    let mut offset = before.len();
    for line in before.lines().rev().skip(1) {
        offset = offset.saturating_sub(line.len() + 1);
        let trimmed = line.trim();
        if trimmed == "Reply" {
            return None;
        }
        let Some((number, name)) = trimmed.split_once(". ") else {
            continue;
        };
        let name_words: Vec<&str> = name.split_whitespace().collect();
        // "3. Jo Smith" or a handle ("6. noonespecial"); a numbered section
        // title ("2. Decompressing partial scanlines") is no commenter.
        let capitalised = name_words.len() == 1
            || name_words
                .iter()
                .all(|w| w.chars().next().is_some_and(char::is_uppercase));
        if !number.is_empty()
            && number.bytes().all(|b| b.is_ascii_digit())
            && capitalised
            && looks_like_name(name.trim_end_matches(" Post author"))
        {
            let at = from + offset + line.find(name).unwrap_or(0);
            let name = name.trim_end_matches(" Post author").to_string();
            return Some(Credit {
                speaker: Some(name.clone()),
                place: Some(source.place_original(at, at + name.len())),
            });
        }
    }
    None
}
