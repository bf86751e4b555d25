//! Positioned glyphs to text in reading order: glyphs on one baseline make
//! a line (a wide gap splits it, so two columns stay apart), a page with a
//! clear gutter is read column by column, running headers, footers and
//! page numbers are dropped, vertical gaps and font changes start
//! paragraphs, and a word hyphenated across a line end is joined. A
//! paragraph that runs on over a page or column break stays one paragraph.

use super::pdf_furniture::{drop_furniture, split_footnotes};
use super::pdf_page::Line;
pub use super::pdf_page::{Glyph, Page};

/// A gap wider than this many font sizes splits a line into two.
const SPLIT_GAP: f64 = 1.6;
/// A gap wider than this many font sizes is a space.
const SPACE_GAP: f64 = 0.12;

fn unligature(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            'ﬀ' => out.push_str("ff"),
            'ﬁ' => out.push_str("fi"),
            'ﬂ' => out.push_str("fl"),
            'ﬃ' => out.push_str("ffi"),
            'ﬄ' => out.push_str("ffl"),
            'ﬅ' | 'ﬆ' => out.push_str("st"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// The lines of a page: glyphs grouped by baseline, split at wide gaps.
fn lines_of(page: &Page) -> Vec<Line> {
    let mut glyphs: Vec<&Glyph> = page
        .glyphs
        .iter()
        .filter(|g| g.x.is_finite() && g.y.is_finite())
        .collect();
    glyphs.sort_by(|a, b| b.y.total_cmp(&a.y).then(a.x.total_cmp(&b.x)));
    let mut rows: Vec<Vec<&Glyph>> = Vec::new();
    for g in glyphs {
        match rows.last_mut() {
            Some(row) if (row[0].y - g.y).abs() <= 0.35 * row[0].size.max(g.size) => row.push(g),
            _ => rows.push(vec![g]),
        }
    }
    let mut lines = Vec::new();
    for mut row in rows {
        row.sort_by(|a, b| a.x.total_cmp(&b.x));
        let mut line: Option<Line> = None;
        for g in row {
            let text = unligature(&g.text);
            let blank = text.trim().is_empty();
            if let Some(l) = line.as_mut() {
                let gap = g.x - l.x1;
                if gap <= SPLIT_GAP * g.size.max(l.size) {
                    if (gap > SPACE_GAP * g.size || blank) && !l.text.ends_with(' ') {
                        l.text.push(' ');
                    }
                    if !blank {
                        l.text.push_str(&text);
                    }
                    l.x1 = l.x1.max(g.x + g.advance);
                    continue;
                }
            }
            // A wide gap ends the line: the glyph starts the next one.
            lines.extend(line.take());
            if !blank {
                line = Some(Line {
                    y: g.y,
                    x0: g.x,
                    x1: g.x + g.advance,
                    size: g.size,
                    text,
                    column: 0,
                });
            }
        }
        lines.extend(line);
    }
    for l in &mut lines {
        l.text = l.text.trim_end().to_string();
    }
    lines.retain(|l| !l.text.is_empty());
    lines
}

/// The lines of a page in reading order: column by column when a gutter
/// runs down its middle, else top to bottom.
fn reading_order(page: &Page, mut lines: Vec<Line>) -> Vec<Line> {
    let by_position = |a: &Line, b: &Line| b.y.total_cmp(&a.y).then(a.x0.total_cmp(&b.x0));
    let n = lines.len();
    let mut best: Option<(usize, f64)> = None;
    let mut x = 0.3 * page.width;
    while x <= 0.7 * page.width {
        let crossing = lines.iter().filter(|l| l.x0 < x && x < l.x1).count();
        if best.is_none_or(|(c, _)| crossing < c) {
            best = Some((crossing, x));
        }
        x += 2.0;
    }
    if let Some((crossing, gutter)) = best {
        let left: Vec<&Line> = lines.iter().filter(|l| l.x1 <= gutter).collect();
        let right: Vec<&Line> = lines.iter().filter(|l| l.x0 >= gutter).collect();
        // Columns of prose, not a table's columns of short cells: most
        // lines on each side run across most of their side.
        let wide = |side: &[&Line]| {
            let mut widths: Vec<f64> = side.iter().map(|l| l.x1 - l.x0).collect();
            widths.sort_by(f64::total_cmp);
            widths.get(widths.len() / 2).copied().unwrap_or(0.0) >= 0.2 * page.width
        };
        if n > 0
            && crossing * 10 <= n
            && left.len() >= 4
            && right.len() >= 4
            && wide(&left)
            && wide(&right)
        {
            // Full-width lines above the columns (a title) come first,
            // those below them last.
            let column_top = lines
                .iter()
                .filter(|l| l.x1 <= gutter || l.x0 >= gutter)
                .map(|l| l.y)
                .fold(f64::MIN, f64::max);
            for l in &mut lines {
                l.column = if l.x1 <= gutter {
                    1
                } else if l.x0 >= gutter {
                    2
                } else if l.y > column_top {
                    0
                } else {
                    3
                };
            }
            lines.sort_by(|a, b| a.column.cmp(&b.column).then(by_position(a, b)));
            return lines;
        }
    }
    lines.sort_by(by_position);
    lines
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Break {
    None,
    Line,
    Paragraph,
}

/// Whether a paragraph ending in `last` may run on into the next page or
/// column starting with `next`.
fn runs_on(last: &str, next: &str) -> bool {
    let ends = last.trim_end().chars().last();
    let open = !ends.is_some_and(|c| ".!?:;”\")’'".contains(c));
    let hyphen = ends.is_some_and(|c| c == '-' || c == '\u{AD}');
    let lower = next.chars().next().is_some_and(char::is_lowercase);
    hyphen || (open && lower)
}

/// The breaks before each line of a page, from its layout.
fn breaks(lines: &[Line]) -> Vec<Break> {
    let mut gaps: Vec<f64> = lines
        .windows(2)
        .filter(|w| w[0].column == w[1].column)
        .map(|w| w[0].y - w[1].y)
        .filter(|g| *g > 0.0 && *g < 3.0 * 12.0)
        .collect();
    gaps.sort_by(f64::total_cmp);
    let typical = gaps.get(gaps.len() / 2).copied().unwrap_or(12.0);
    let mut out = Vec::with_capacity(lines.len());
    for (i, line) in lines.iter().enumerate() {
        let Some(prev) = i.checked_sub(1).map(|p| &lines[p]) else {
            out.push(Break::None);
            continue;
        };
        let b = if prev.column != line.column {
            if runs_on(&prev.text, &line.text) {
                Break::Line
            } else {
                Break::Paragraph
            }
        } else {
            let gap = prev.y - line.y;
            let resized = (line.size - prev.size).abs() > 0.15 * prev.size.max(line.size);
            if gap > 1.6 * typical || gap < 0.0 || resized {
                Break::Paragraph
            } else {
                Break::Line
            }
        };
        out.push(b);
    }
    out
}

/// Text being laid out, and which page each stretch of it comes from.
#[derive(Default)]
struct Out {
    text: String,
    marks: Vec<(usize, u32)>,
    last_line: String,
}

impl Out {
    /// What follows comes from page `number`.
    fn mark(&mut self, number: u32) {
        if self.marks.last().is_none_or(|&(_, n)| n != number) {
            self.marks.push((self.text.len(), number));
        }
    }

    fn push_line(&mut self, number: u32, text: &str, b: Break) {
        // "pro-" + "vision": one word again, on the first line.
        let hyphenated = self.text.ends_with('-')
            && self.text[..self.text.len() - 1]
                .chars()
                .last()
                .is_some_and(char::is_alphabetic)
            && text.chars().next().is_some_and(char::is_lowercase);
        match b {
            Break::None if self.text.is_empty() => {}
            Break::Line if hyphenated => {
                self.text.pop();
            }
            Break::Line => self.text.push('\n'),
            Break::None | Break::Paragraph => self.text.push_str("\n\n"),
        }
        self.mark(number);
        // A soft hyphen is a hyphen at a line end, nothing elsewhere.
        let text = match text.strip_suffix('\u{AD}') {
            Some(rest) => format!("{}-", rest.replace('\u{AD}', "")),
            None => text.replace('\u{AD}', ""),
        };
        self.text.push_str(&text);
        self.last_line = text;
    }

    fn flush_notes(&mut self, pending: &mut Vec<(u32, Vec<Line>)>) {
        for (number, notes) in pending.drain(..) {
            for (i, note) in notes.iter().enumerate() {
                let b = if i == 0 {
                    Break::Paragraph
                } else {
                    Break::Line
                };
                self.push_line(number, &note.text, b);
            }
        }
    }
}

/// The text of the pages, and which page each stretch of it comes from:
/// (offset, 1-based page) pairs in offset order.
pub fn lay_out(pages: &[Page]) -> (String, Vec<(usize, u32)>) {
    let mut lines: Vec<Vec<Line>> = pages
        .iter()
        .map(|p| reading_order(p, lines_of(p)))
        .collect();
    drop_furniture(pages, &mut lines);
    let mut out = Out::default();
    let mut pending: Vec<(u32, Vec<Line>)> = Vec::new();
    for (k, (page, page_lines)) in pages.iter().zip(&lines).enumerate() {
        let number = k as u32 + 1;
        let (body, notes) = split_footnotes(page, page_lines);
        for (line, b) in body.iter().zip(breaks(&body)) {
            let b = match b {
                Break::None if out.text.is_empty() => Break::None,
                Break::None if runs_on(&out.last_line, &line.text) => Break::Line,
                Break::None => Break::Paragraph,
                b => b,
            };
            if b == Break::Paragraph {
                out.flush_notes(&mut pending);
            }
            out.push_line(number, &line.text, b);
        }
        if !notes.is_empty() {
            pending.push((number, notes));
        }
    }
    out.flush_notes(&mut pending);
    (out.text, out.marks)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(x: f64, y: f64, text: &str) -> Vec<Glyph> {
        let mut out = Vec::new();
        let mut at = x;
        for c in text.chars() {
            out.push(Glyph {
                x: at,
                y,
                advance: 5.0,
                size: 10.0,
                text: c.to_string(),
            });
            at += 5.0;
        }
        out
    }

    fn page(words: &[(f64, f64, &str)]) -> Page {
        Page {
            width: 600.0,
            height: 800.0,
            glyphs: words.iter().flat_map(|(x, y, t)| word(*x, *y, t)).collect(),
        }
    }

    #[test]
    fn words_lines_and_paragraphs() {
        let p = page(&[
            (100.0, 700.0, "The"),
            (120.0, 700.0, "first"),
            (100.0, 688.0, "line"),
            (100.0, 650.0, "Another"),
        ]);
        let (text, marks) = lay_out(&[p]);
        assert_eq!(text, "The first\nline\n\nAnother");
        assert_eq!(marks, [(0, 1)]);
    }

    #[test]
    fn a_hyphenated_line_end_is_joined_and_ligatures_unfolded() {
        let p = page(&[(100.0, 700.0, "the pro-"), (100.0, 688.0, "vision ﬁts")]);
        let (text, _) = lay_out(&[p]);
        assert_eq!(text, "the provision fits");
    }

    #[test]
    fn running_headers_and_page_numbers_go_and_paragraphs_run_on() {
        let pages: Vec<Page> = (1..=3)
            .map(|n| {
                let number = n.to_string();
                let body = if n == 1 {
                    "a sentence that runs"
                } else {
                    "on to the next page."
                };
                page(&[
                    (100.0, 780.0, "Smith v. Jones"),
                    (100.0, 700.0, body),
                    (300.0, 20.0, number.as_str()),
                ])
            })
            .collect();
        let (text, marks) = lay_out(&pages);
        assert_eq!(
            text,
            "a sentence that runs\non to the next page.\n\non to the next page."
        );
        assert_eq!(marks, [(0, 1), (21, 2), (43, 3)]);
    }

    #[test]
    fn two_columns_are_read_one_after_the_other() {
        let mut words = Vec::new();
        let left = "left column words run across the column";
        let right = "right column words run across it too";
        for i in 0..6 {
            let y = 700.0 - 12.0 * i as f64;
            words.push((40.0, y, left));
            words.push((320.0, y, right));
        }
        let (text, _) = lay_out(&[page(&words)]);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 12, "{text}");
        assert!(lines[..6].iter().all(|l| *l == left), "{text}");
        assert!(lines[6..].iter().all(|l| *l == right), "{text}");
        // A table's short cells are read row by row.
        let mut cells = Vec::new();
        for i in 0..6 {
            let y = 700.0 - 12.0 * i as f64;
            cells.push((60.0, y, "a1"));
            cells.push((340.0, y, "b2"));
        }
        let (text, _) = lay_out(&[page(&cells)]);
        assert!(text.starts_with("a1\nb2\na1"), "{text}");
    }
}
