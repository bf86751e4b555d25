//! One character at a time: words, apostrophes, number marks, quotation
//! marks and sentence ends.

use super::classify::{classify, Class, WordChars};
use super::folder::{c_starts_sentence, Folder, LAST_WORD_CHARS};
use super::Structure;

impl<S: Structure> Folder<'_, S> {
    pub(super) fn step(&mut self, c: char, at: usize, len: usize, next: Option<char>) {
        let class = classify(c);
        match class {
            Class::Word(chars) => self.word_char(chars, c, at, len),
            Class::Symbol(word) => {
                self.in_word = false;
                self.begin_word(at, c);
                let start = self.out.text.len();
                self.out.text.push_str(word);
                if word.len() != len || !word.starts_with(c) {
                    self.out.map.push_atomic(start, at, len);
                } else {
                    self.out.map.push(start, at);
                }
                self.out.map.push(self.out.text.len(), at + len);
                self.last_word.push(c);
                self.in_word = false;
            }
            Class::Apostrophe => {
                let inside = self.in_word
                    && self.prev.is_some_and(char::is_alphanumeric)
                    && next.is_some_and(char::is_alphanumeric);
                if inside {
                    let start = self.out.text.len();
                    self.out.text.push('\'');
                    if len != 1 {
                        self.out.map.push_atomic(start, at, len);
                    } else {
                        self.out.map.push(start, at);
                    }
                    self.out.map.push(start + 1, at + len);
                } else {
                    self.quote_mark_char(c, next);
                    self.in_word = false;
                }
            }
            Class::NumberMark(mark) => {
                let between_digits = self.in_word
                    && self.prev.is_some_and(|p| p.is_ascii_digit())
                    && next.is_some_and(|n| n.is_ascii_digit());
                let in_abbreviation = mark == b'.'
                    && self.in_word
                    && self.prev.is_some_and(char::is_alphabetic)
                    && !self.prev_prev.is_some_and(char::is_alphanumeric)
                    && next.is_some_and(char::is_alphabetic);
                if between_digits {
                    let start = self.out.text.len();
                    self.out.text.push(mark as char);
                    self.out.map.push(start, at);
                } else if in_abbreviation {
                    // "U.S." reads as one word "us"; the dot is dropped.
                    self.last_word.push(c);
                    self.out.map.push(self.out.text.len(), at + len);
                } else {
                    if mark == b'.' {
                        self.sentence_end = !self.is_abbreviation();
                    }
                    self.in_word = false;
                }
            }
            Class::Invisible => {
                if self.in_word {
                    self.out.map.push(self.out.text.len(), at + len);
                }
            }
            Class::Separator => {
                if c == '\n' && !self.markup {
                    self.structure.line_end(self.line_chars);
                    self.line_chars = 0;
                    self.lines_since_word += 1;
                }
                match c {
                    '!' | '?' => self.sentence_end = true,
                    '"' | '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{00AB}' | '\u{00BB}' => {
                        self.quote_mark_char(c, next)
                    }
                    _ => {}
                }
                self.in_word = false;
            }
        }
        if c != '\n' {
            self.line_chars += 1;
        }
        self.prev_prev = self.prev;
        self.prev = Some(c);
        self.next_original = at + len;
    }

    pub(super) fn is_abbreviation(&self) -> bool {
        let word = self.last_word.to_lowercase();
        if word.contains('.') {
            return true; // "U.S", "e.g"
        }
        if word.chars().count() == 1 && word.chars().all(char::is_alphabetic) {
            return true; // an initial
        }
        matches!(
            word.as_str(),
            "mr" | "mrs"
                | "ms"
                | "dr"
                | "prof"
                | "sen"
                | "rep"
                | "gov"
                | "gen"
                | "adm"
                | "lt"
                | "col"
                | "maj"
                | "capt"
                | "cmdr"
                | "sgt"
                | "st"
                | "jr"
                | "sr"
                | "inc"
                | "ltd"
                | "co"
                | "corp"
                | "vs"
                | "etc"
                | "no"
                | "jan"
                | "feb"
                | "mar"
                | "apr"
                | "jun"
                | "jul"
                | "aug"
                | "sep"
                | "sept"
                | "oct"
                | "nov"
                | "dec"
                | "approx"
                | "est"
                | "dept"
                | "univ"
                | "pres"
                | "gob"
                | "sra"
                | "sr.a"
        )
    }

    pub(super) fn quote_mark_char(&mut self, c: char, next: Option<char>) {
        let at = self.out.text.len();
        match c {
            '"' if self.open_double && self.open_curly => {
                // “… "as is" …”: a quotation within the quotation.
                let opens = !self.prev.is_some_and(char::is_alphanumeric)
                    && next.is_some_and(char::is_alphanumeric);
                self.structure.quote_mark(at, opens, false);
            }
            '"' => {
                let opening = !self.open_double;
                self.open_double = opening;
                self.open_curly = false;
                self.structure.quote_mark(at, opening, true);
            }
            '\u{201C}' | '\u{201E}' | '\u{00AB}' => {
                self.open_double = true;
                self.open_curly = true;
                self.structure.quote_mark(at, true, true);
            }
            '\u{201D}' | '\u{00BB}' => {
                self.open_double = false;
                self.open_curly = false;
                self.structure.quote_mark(at, false, true);
            }
            '\u{2018}' | '\'' => {
                let opens = !self.prev.is_some_and(char::is_alphanumeric)
                    && next.is_some_and(char::is_alphanumeric);
                if opens {
                    self.open_single += 1;
                    self.structure.quote_mark(at, true, false);
                } else if self.open_single > 0 {
                    self.open_single -= 1;
                    self.structure.quote_mark(at, false, false);
                }
            }
            '\u{2019}' if self.open_single > 0 && !next.is_some_and(char::is_alphanumeric) => {
                self.open_single -= 1;
                self.structure.quote_mark(at, false, false);
            }
            _ => {}
        }
    }

    pub(super) fn word_char(&mut self, chars: WordChars, c: char, at: usize, len: usize) {
        if !self.in_word {
            self.begin_word(at, c);
        }
        let start = self.out.text.len();
        match chars {
            WordChars::Same(ch) => {
                self.out.text.push(ch);
                if ch.len_utf8() != len {
                    self.out.map.push_atomic(start, at, len);
                } else {
                    self.out.map.push(start, at);
                }
            }
            WordChars::Folded(s) => {
                self.out.text.push_str(&s);
                if s.len() != len {
                    self.out.map.push_atomic(start, at, len);
                } else {
                    self.out.map.push(start, at);
                }
            }
        }
        self.out.map.push(self.out.text.len(), at + len);
        if self.last_word.len() < LAST_WORD_CHARS {
            self.last_word.push(c);
        }
    }

    pub(super) fn begin_word(&mut self, at: usize, c: char) {
        if !self.out.text.is_empty() {
            let space_at = self.out.text.len();
            self.out.text.push(' ');
            // The space stands for the whole separator run; map it onto the
            // run's last byte so that a one-byte run costs no breakpoint.
            self.out.map.push(space_at, at.saturating_sub(1));
        }
        let folded_start = self.out.text.len();
        self.out.map.push(folded_start, at);
        let new_paragraph = self.lines_since_word >= 2 && folded_start > 0;
        if folded_start > 0 && (new_paragraph || (self.sentence_end && c_starts_sentence(c))) {
            self.structure.sentence_break(folded_start);
        }
        self.structure
            .word_start(folded_start, self.lines_since_word >= 1, new_paragraph);
        self.sentence_end = false;
        self.lines_since_word = 0;
        self.in_word = true;
        self.last_word.clear();
    }
}
