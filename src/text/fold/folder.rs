//! The streaming folder: original text in, folded text, offset map and
//! structure events out.

use super::{Folded, Structure};

/// Streaming folder: feed it the original text in pieces (each with the
/// original byte offset where it starts) and it builds the folded text, the
/// offset map and the structure events.
pub struct Folder<'s, S: Structure> {
    pub(super) out: Folded,
    pub(super) structure: &'s mut S,
    /// The character waiting for its successor, with its original offset.
    /// With its original offset and original length (an entity such as
    /// `&rsquo;` is one character from seven bytes).
    pub(super) pending: Option<(char, usize, usize)>,
    /// Markup: line breaks are spaces, paragraphs come from blocks.
    pub(super) markup: bool,
    pub(super) prev: Option<char>,
    pub(super) prev_prev: Option<char>,
    pub(super) in_word: bool,
    pub(super) next_original: usize,
    pub(super) line_chars: usize,
    /// Line breaks since the last word: 1 is a new line, 2 or more a blank
    /// (or wordless) line in between.
    pub(super) lines_since_word: usize,
    /// Sentence-ending punctuation seen since the last word, and whether the
    /// word before it is an abbreviation.
    pub(super) sentence_end: bool,
    pub(super) last_word: String,
    pub(super) open_double: bool,
    /// The open double quotation began with a curly mark (“, „, «): a
    /// straight " inside it quotes within the quotation.
    pub(super) open_curly: bool,
    pub(super) open_single: usize,
}

impl<'s, S: Structure> Folder<'s, S> {
    pub fn new(structure: &'s mut S) -> Self {
        Folder {
            out: Folded::default(),
            structure,
            pending: None,
            markup: false,
            prev: None,
            prev_prev: None,
            in_word: false,
            next_original: 0,
            line_chars: 0,
            lines_since_word: 0,
            sentence_end: false,
            last_word: String::new(),
            open_double: false,
            open_curly: false,
            open_single: 0,
        }
    }

    /// Reserve room for a text of about `bytes` bytes.
    pub fn reserve(&mut self, bytes: usize) {
        self.out.text.reserve(bytes);
    }

    /// Feed `text`, which starts at original byte `original`. A jump in the
    /// original offsets (markup skipped) is invisible: it joins, not splits.
    pub fn push(&mut self, text: &str, original: usize) {
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            // Inside a word, ASCII letters and digits need no look at their
            // successor and no breakpoint: the common case, done in bulk.
            if let Some((p, p_at, p_len)) = self.pending {
                let contiguous = p_len == 1 && p_at + 1 == original + i;
                let space_then_word = bytes[i] == b' '
                    && bytes.get(i + 1).is_some_and(u8::is_ascii_alphanumeric)
                    && !self.markup;
                if contiguous
                    && self.in_word
                    && p.is_ascii_alphanumeric()
                    && (bytes[i].is_ascii_alphanumeric() || space_then_word)
                {
                    self.pending = None;
                    self.ascii_word_char(p as u8);
                    i = self.ascii_run(text, i);
                    self.next_original = original + i;
                    continue;
                }
            }
            let Some(c) = text[i..].chars().next() else {
                break;
            };
            if let Some((p, p_at, p_len)) = self.pending.take() {
                self.step(p, p_at, p_len, Some(c));
            }
            self.pending = Some((c, original + i, c.len_utf8()));
            i += c.len_utf8();
        }
    }

    /// Feed one character that stands for `len` original bytes at
    /// `original` (a decoded entity or escape).
    pub fn push_char(&mut self, c: char, original: usize, len: usize) {
        if let Some((p, p_at, p_len)) = self.pending.take() {
            self.step(p, p_at, p_len, Some(c));
        }
        self.pending = Some((c, original, len));
    }

    /// Read line breaks as spaces: in markup, blocks make paragraphs.
    pub fn set_markup(&mut self) {
        self.markup = true;
    }

    /// The folded text's length so far.
    pub fn folded_len(&self) -> usize {
        self.out.text.len()
    }

    /// Record a quotation delimited by markup, not marks.
    pub fn quotation(&mut self, start: usize, end: usize) {
        self.flush_pending(Some(' '));
        let end = end.max(self.out.text.len().min(end));
        self.structure.quotation(start, end);
    }

    /// Fold ASCII words joined by single spaces, from `bytes[i]` while a
    /// successor is known; returns where it stopped. Inside such a run no
    /// word starts a line, a paragraph or a sentence (nothing but letters,
    /// digits and single spaces came since the last word start), and the
    /// map stays an identity, so nothing but the text needs recording.
    pub(super) fn ascii_run(&mut self, text: &str, start: usize) -> usize {
        let bytes = text.as_bytes();
        let mut i = start;
        while i + 1 < bytes.len()
            && (bytes[i].is_ascii_alphanumeric()
                || (bytes[i] == b' ' && bytes[i + 1].is_ascii_alphanumeric()))
        {
            i += 1;
        }
        let run = &bytes[start..i];
        let Some((&last, before)) = run.split_last() else {
            return i;
        };
        // The run is ASCII: appended whole, then lowercased in place, and
        // the per-character state set once from its end.
        // A slice of the text itself at ASCII bounds: no UTF-8 check (one
        // per short run was a twentieth of the scan).
        let at = self.out.text.len();
        self.out
            .text
            .push_str(text.get(start..i).unwrap_or_default());
        self.out.text[at..].make_ascii_lowercase();
        self.line_chars += run.len();
        self.prev_prev = match before.last() {
            Some(&b) => Some(b as char),
            None => self.prev,
        };
        self.prev = Some(last as char);
        let word = match run.iter().rposition(|&b| b == b' ') {
            Some(space) => {
                self.last_word.clear();
                &run[space + 1..]
            }
            None => run,
        };
        for &b in word {
            if self.last_word.len() >= LAST_WORD_CHARS {
                break;
            }
            self.last_word.push(b as char);
        }
        i
    }

    pub(super) fn ascii_word_char(&mut self, b: u8) {
        self.out.text.push(b.to_ascii_lowercase() as char);
        if self.last_word.len() < LAST_WORD_CHARS {
            self.last_word.push(b as char);
        }
        self.line_chars += 1;
        self.prev_prev = self.prev;
        self.prev = Some(b as char);
    }

    /// Force a word boundary here, as a block element or a line break in
    /// markup does.
    pub fn separate(&mut self) {
        self.flush_pending(Some(' '));
        self.in_word = false;
        self.prev = Some(' ');
    }

    /// Force a paragraph break here (a block element in markup).
    pub fn paragraph_break(&mut self) {
        self.separate();
        self.lines_since_word = 2;
        self.sentence_end = true;
        self.close_quotes();
    }

    pub(super) fn flush_pending(&mut self, next: Option<char>) {
        if let Some((p, p_at, p_len)) = self.pending.take() {
            self.step(p, p_at, p_len, next);
        }
    }

    pub fn finish(mut self) -> Folded {
        self.flush_pending(None);
        self.close_quotes();
        let end_original = self.next_original;
        let end_folded = self.out.text.len();
        self.out.map.push(end_folded, end_original);
        self.out
    }

    pub(super) fn close_quotes(&mut self) {
        let at = self.out.text.len();
        if self.open_double {
            self.structure.quote_mark(at, false, true);
            self.open_double = false;
        }
        self.open_curly = false;
        while self.open_single > 0 {
            self.structure.quote_mark(at, false, false);
            self.open_single -= 1;
        }
    }
}

pub(super) fn c_starts_sentence(c: char) -> bool {
    c.is_uppercase() || c.is_ascii_digit() || !c.is_alphabetic()
}

/// Enough of the last word to tell an abbreviation ("Sept", "U.S").
pub(super) const LAST_WORD_CHARS: usize = 12;
