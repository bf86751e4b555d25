//! The structure matching and attribution need: paragraphs, sentences and
//! quotations, all as positions in the folded text.

use super::fold::Structure;

/// Collects the folder's structure events for one source.
#[derive(Default, Debug)]
pub struct Collector {
    /// Markup sources decide their paragraphs by blocks, never by lines.
    blocks_only: bool,
    line_starts: Vec<usize>,
    blank_starts: Vec<usize>,
    pub(crate) sentence_starts: Vec<usize>,
    open: Vec<(usize, bool)>,
    pub(crate) quotations: Vec<(usize, usize)>,
    lines_with_text: usize,
    long_lines: usize,
}

/// Lines longer than this, in a text with no blank lines, are paragraphs.
const LONG_LINE_CHARS: usize = 100;

impl Structure for Collector {
    fn word_start(&mut self, at: usize, after_newline: bool, after_blank: bool) {
        if after_blank {
            self.blank_starts.push(at);
        } else if after_newline {
            self.line_starts.push(at);
        }
    }

    fn sentence_break(&mut self, at: usize) {
        if self.sentence_starts.last() != Some(&at) {
            self.sentence_starts.push(at);
        }
    }

    fn quote_mark(&mut self, at: usize, opening: bool, double: bool) {
        if opening {
            self.open.push((at, double));
        } else if let Some(i) = self.open.iter().rposition(|&(_, d)| d == double) {
            let (start, _) = self.open.remove(i);
            self.quotations.push((start, at));
            self.open.truncate(i);
        }
    }

    fn quotation(&mut self, start: usize, end: usize) {
        if start < end {
            self.quotations.push((start, end));
        }
    }

    fn line_end(&mut self, chars: usize) {
        if chars > 0 {
            self.lines_with_text += 1;
            if chars > LONG_LINE_CHARS {
                self.long_lines += 1;
            }
        }
    }
}

/// Paragraphs, sentences and quotations of one source.
#[derive(Debug, Default, Clone)]
pub struct Layout {
    /// Folded start of each paragraph; the first is 0.
    pub paragraphs: Vec<usize>,
    /// Folded start of each sentence; the first is 0.
    pub sentences: Vec<usize>,
    /// Folded ranges between a pair of quotation marks, sorted by start.
    pub quotations: Vec<(usize, usize)>,
}

impl Collector {
    /// A collector for markup, whose paragraphs are its blocks.
    pub fn for_markup() -> Collector {
        Collector {
            blocks_only: true,
            ..Collector::default()
        }
    }

    pub fn finish(mut self) -> Layout {
        // A text whose lines run long and that has no blank line is a text
        // whose paragraphs are its lines.
        let lines_are_paragraphs = !self.blocks_only
            && self.blank_starts.is_empty()
            && self.long_lines * 2 > self.lines_with_text;
        let mut paragraphs = vec![0];
        if lines_are_paragraphs {
            let mut all = self.line_starts;
            all.extend(self.blank_starts);
            all.sort_unstable();
            paragraphs.extend(all);
        } else {
            paragraphs.extend(self.blank_starts);
        }
        paragraphs.dedup();
        let mut sentences = vec![0];
        sentences.extend(self.sentence_starts);
        sentences.extend(paragraphs.iter().copied());
        sentences.sort_unstable();
        sentences.dedup();
        self.quotations.sort_unstable();
        Layout {
            paragraphs,
            sentences,
            quotations: self.quotations,
        }
    }
}

impl Layout {
    fn index_in(starts: &[usize], at: usize) -> usize {
        starts.partition_point(|&s| s <= at).saturating_sub(1)
    }

    pub fn paragraph_of(&self, at: usize) -> usize {
        Self::index_in(&self.paragraphs, at)
    }

    /// Folded range of paragraph `i` (its end excludes the joining space).
    pub fn paragraph_range(&self, i: usize, text_len: usize) -> (usize, usize) {
        let start = self.paragraphs[i];
        let end = self
            .paragraphs
            .get(i + 1)
            .map_or(text_len, |&next| next.saturating_sub(1));
        (start, end.max(start))
    }

    pub fn sentence_of(&self, at: usize) -> usize {
        Self::index_in(&self.sentences, at)
    }

    pub fn sentence_range(&self, i: usize, text_len: usize) -> (usize, usize) {
        let start = self.sentences[i];
        let end = self
            .sentences
            .get(i + 1)
            .map_or(text_len, |&next| next.saturating_sub(1));
        (start, end.max(start))
    }

    /// The innermost quotation that contains the folded range, if any.
    pub fn quotation_around(&self, start: usize, end: usize) -> Option<(usize, usize)> {
        self.quotations
            .iter()
            .filter(|&&(s, e)| s <= start && end <= e)
            .min_by_key(|&&(s, e)| e - s)
            .copied()
    }
}

#[cfg(test)]
mod quotation_tests {
    use crate::text::Source;

    fn quoted(text: &str) -> Vec<String> {
        let source = Source::from_text(text.to_string());
        source
            .layout
            .quotations
            .iter()
            .map(|&(s, e)| source.folded.text[s..e].trim().to_string())
            .collect()
    }

    #[test]
    fn a_straight_quotation_inside_a_curly_one_is_nested() {
        let got = quoted("It reads “provided on an \"as is\" basis, without warranty” here.");
        assert!(
            got.iter()
                .any(|q| q == "provided on an as is basis without warranty"),
            "{got:?}"
        );
        // Straight marks alone still open and close.
        let got = quoted("He said \"we will not\" and left.");
        assert_eq!(got, ["we will not"]);
    }
}
