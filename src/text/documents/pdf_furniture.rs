//! What is not a page's running text: headers, footers and page numbers
//! (lines in its top or bottom margin that repeat across pages, or that
//! only number the page), and footnotes.

use super::pdf_page::{Line, Page};

/// What a running header or footer reads as on every page: lower case,
/// digits as `#`, white space collapsed.
fn furniture_key(text: &str) -> String {
    let mut key = String::new();
    for word in text.split_whitespace() {
        if !key.is_empty() {
            key.push(' ');
        }
        key.extend(word.chars().map(|c| {
            if c.is_ascii_digit() {
                '#'
            } else {
                c.to_ascii_lowercase()
            }
        }));
    }
    key
}

/// A line that is only a page number ("12", "- 12 -", "Page 12", "xiv").
fn is_page_number(text: &str) -> bool {
    let t = text
        .trim()
        .trim_matches(|c: char| c == '-' || c == '–' || c.is_whitespace());
    let t = t
        .strip_prefix("Page ")
        .or_else(|| t.strip_prefix("page "))
        .unwrap_or(t);
    let t = t.split(" of ").next().unwrap_or(t);
    !t.is_empty()
        && (t.chars().all(|c| c.is_ascii_digit())
            || (t.len() <= 6 && t.chars().all(|c| "ivxlcdm".contains(c))))
}

/// Whether a line lies in a page's top or bottom margin.
fn in_margin(page: &Page, line: &Line) -> bool {
    let h = page.height.max(1.0);
    line.y > 0.9 * h || line.y < 0.1 * h
}

/// Drop running headers and footers (the same margin line on at least half
/// the pages, and on two or more) and page numbers in the margins.
pub(super) fn drop_furniture(pages: &[Page], lines: &mut [Vec<Line>]) {
    let mut seen: std::collections::HashMap<String, usize> = Default::default();
    for (page, page_lines) in pages.iter().zip(lines.iter()) {
        let keys: std::collections::HashSet<String> = page_lines
            .iter()
            .filter(|l| in_margin(page, l))
            .map(|l| furniture_key(&l.text))
            .collect();
        for k in keys {
            *seen.entry(k).or_default() += 1;
        }
    }
    let pages_n = pages.len();
    for (page, page_lines) in pages.iter().zip(lines.iter_mut()) {
        let mut kept = Vec::with_capacity(page_lines.len());
        for l in page_lines.drain(..) {
            let repeated = seen
                .get(&furniture_key(&l.text))
                .is_some_and(|&n| n >= 2 && 2 * n >= pages_n);
            if in_margin(page, &l) && (repeated || is_page_number(&l.text)) {
                continue;
            }
            kept.push(l);
        }
        *page_lines = kept;
    }
}

/// A page's footnotes: lines in a smaller type below all of its body text
/// (a single-column page only). They are set after the paragraph that is
/// open at the page's end, so that a paragraph running on to the next page
/// stays whole.
pub(super) fn split_footnotes(page: &Page, lines: &[Line]) -> (Vec<Line>, Vec<Line>) {
    let mut sizes: Vec<f64> = lines.iter().map(|l| l.size).collect();
    sizes.sort_by(f64::total_cmp);
    let Some(&body_size) = sizes.get(sizes.len() / 2) else {
        return (Vec::new(), Vec::new());
    };
    let small = |l: &Line| l.size < 0.85 * body_size;
    let lowest_body = lines
        .iter()
        .filter(|l| !small(l))
        .map(|l| l.y)
        .fold(f64::MAX, f64::min);
    let single_column = lines.iter().all(|l| l.column == 0);
    lines
        .iter()
        .cloned()
        .partition(|l| !(single_column && small(l) && l.y < lowest_body && l.y < 0.4 * page.height))
}
