//! Folding: the text that matching compares, with a sparse map back to the
//! original bytes.
//!
//! Folded text is lower-case words without diacritics, compatibility forms
//! or curly apostrophes, separated by single spaces. Punctuation between
//! words disappears; an apostrophe inside a word and the separators inside a
//! number stay. The map records a breakpoint only where the folded text's
//! length stops tracking the original's, so plain ASCII prose costs one
//! breakpoint per punctuation mark and nothing else.

use unicode_normalization::char::{decompose_compatible, is_combining_mark};

/// Where an identity run of the folded text starts, and which original byte
/// it starts at. Original bytes between the end of one identity run and the
/// start of the next were deleted by folding. An atomic run maps all of its
/// folded bytes onto the whole original range up to the next breakpoint.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Breakpoint {
    folded: usize,
    original: usize,
    /// 0 for an identity run; otherwise one more than the byte length of
    /// the one original character that all of this run's folded bytes come
    /// from (a decoded reference may stand for no bytes at all).
    atomic: u32,
}

/// Map from folded byte positions to original byte positions.
#[derive(Clone, Debug, Default)]
pub struct OffsetMap {
    points: Vec<Breakpoint>,
}

impl OffsetMap {
    /// Identity from here on.
    fn push(&mut self, folded: usize, original: usize) {
        self.push_point(folded, original, 0);
    }

    /// The folded bytes from here to the next breakpoint all come from the
    /// one original character of `len` bytes at `original`.
    fn push_atomic(&mut self, folded: usize, original: usize, len: usize) {
        self.push_point(folded, original, len as u32 + 1);
    }

    fn push_point(&mut self, folded: usize, original: usize, atomic: u32) {
        if let Some(last) = self.points.last_mut() {
            if last.folded == folded {
                // The previous run is empty: it maps nothing, replace it.
                *last = Breakpoint {
                    folded,
                    original,
                    atomic,
                };
                return;
            }
            if atomic == 0
                && last.atomic == 0
                && original >= last.original
                && original - last.original == folded - last.folded
            {
                return; // still the same identity run
            }
        }
        self.points.push(Breakpoint {
            folded,
            original,
            atomic,
        });
    }

    fn segment(&self, folded: usize) -> usize {
        self.points
            .partition_point(|p| p.folded <= folded)
            .saturating_sub(1)
    }

    /// The original byte where the character that produced folded byte
    /// `folded` starts.
    pub fn start(&self, folded: usize) -> usize {
        let i = self.segment(folded);
        let p = self.points[i];
        if p.atomic > 0 {
            p.original
        } else {
            p.original + (folded - p.folded)
        }
    }

    /// The original byte just past the character that produced the folded
    /// byte before `folded_end`.
    pub fn end(&self, folded_end: usize) -> usize {
        let last = folded_end.saturating_sub(1);
        let i = self.segment(last);
        let p = self.points[i];
        if p.atomic > 0 {
            p.original + p.atomic as usize - 1
        } else {
            p.original + (last - p.folded) + 1
        }
    }

    pub fn breakpoints(&self) -> usize {
        self.points.len()
    }
}

/// How one original character takes part in folded text.
#[derive(Clone, Debug, PartialEq)]
enum Class {
    /// Part of a word, folded to these characters.
    Word(WordChars),
    /// A symbol that reads as a word of its own (`%` is "percent").
    Symbol(&'static str),
    /// `'`, `’`, `‘`: part of the word when between two letters or digits.
    Apostrophe,
    /// `.` or `,`: part of the word between two digits ("1.6", "3,200").
    NumberMark(u8),
    /// Deleted without separating words: soft hyphens, joiners, combining
    /// marks, brackets (`[W]e`, `fac[ing]`).
    Invisible,
    Separator,
}

#[derive(Clone, Debug, PartialEq)]
enum WordChars {
    Same(char),
    Folded(String),
}

fn classify(c: char) -> Class {
    if c.is_ascii() {
        return match c {
            'a'..='z' | '0'..='9' => Class::Word(WordChars::Same(c)),
            'A'..='Z' => Class::Word(WordChars::Same(c.to_ascii_lowercase())),
            '\'' | '`' => Class::Apostrophe,
            '.' => Class::NumberMark(b'.'),
            ',' => Class::NumberMark(b','),
            '[' | ']' => Class::Invisible,
            '%' => Class::Symbol("percent"),
            '$' => Class::Symbol("$"),
            '&' => Class::Symbol("and"),
            _ => Class::Separator,
        };
    }
    match c {
        '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{2032}' => Class::Apostrophe,
        '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' => {
            Class::Invisible
        }
        '€' => Class::Symbol("€"),
        '£' => Class::Symbol("£"),
        '¥' => Class::Symbol("¥"),
        '%' | '\u{FF05}' => Class::Symbol("percent"),
        _ if is_combining_mark(c) => Class::Invisible,
        _ if c.is_alphanumeric() => {
            let folded = fold_letter(c);
            if folded.is_empty() {
                Class::Invisible
            } else {
                let mut chars = folded.chars();
                match (chars.next(), chars.next()) {
                    (Some(one), None) if one == c => Class::Word(WordChars::Same(c)),
                    _ => Class::Word(WordChars::Folded(folded)),
                }
            }
        }
        _ => Class::Separator,
    }
}

/// Compatibility decomposition, marks dropped, lower case; plus the letters
/// that carry their diacritic in the base form.
fn fold_letter(c: char) -> String {
    let special = match c {
        'ø' | 'Ø' => Some("o"),
        'ł' | 'Ł' => Some("l"),
        'đ' | 'Đ' | 'ð' | 'Ð' => Some("d"),
        'ß' | 'ẞ' => Some("ss"),
        'æ' | 'Æ' => Some("ae"),
        'œ' | 'Œ' => Some("oe"),
        'þ' | 'Þ' => Some("th"),
        'ı' => Some("i"),
        _ => None,
    };
    if let Some(s) = special {
        return s.to_string();
    }
    let mut out = String::new();
    decompose_compatible(c, |d| {
        if !is_combining_mark(d) && d.is_alphanumeric() {
            out.extend(d.to_lowercase());
        }
    });
    out
}

/// Folded text plus the map back to the original.
#[derive(Clone, Debug, Default)]
pub struct Folded {
    pub text: String,
    pub map: OffsetMap,
}

impl Folded {
    /// The original byte range of a folded range that covers whole words.
    pub fn original_range(&self, start: usize, end: usize) -> (usize, usize) {
        if start >= end {
            let at = self.map.start(start.min(self.text.len().saturating_sub(1)));
            return (at, at);
        }
        (self.map.start(start), self.map.end(end))
    }
}

/// Events the folder reports to whoever builds a source's structure.
pub trait Structure {
    /// A word starts at folded position `at`, after a line break
    /// (`after_blank` when the line before it held no word).
    fn word_start(&mut self, at: usize, after_newline: bool, after_blank: bool);
    /// A sentence ends before the word that starts at folded position `at`.
    fn sentence_break(&mut self, at: usize);
    /// A quotation mark opened (`opening`) or closed at the folded position.
    fn quote_mark(&mut self, at: usize, opening: bool, double: bool);
    /// A line of `chars` characters ended.
    fn line_end(&mut self, chars: usize);
    /// A quotation that no quotation marks delimit (a block quote).
    fn quotation(&mut self, _start: usize, _end: usize) {}
}

/// No structure needed (claims' quotes).
pub struct NoStructure;

impl Structure for NoStructure {
    fn word_start(&mut self, _: usize, _: bool, _: bool) {}
    fn sentence_break(&mut self, _: usize) {}
    fn quote_mark(&mut self, _: usize, _: bool, _: bool) {}
    fn line_end(&mut self, _: usize) {}
}

/// Streaming folder: feed it the original text in pieces (each with the
/// original byte offset where it starts) and it builds the folded text, the
/// offset map and the structure events.
pub struct Folder<'s, S: Structure> {
    out: Folded,
    structure: &'s mut S,
    /// The character waiting for its successor, with its original offset.
    /// With its original offset and original length (an entity such as
    /// `&rsquo;` is one character from seven bytes).
    pending: Option<(char, usize, usize)>,
    /// Markup: line breaks are spaces, paragraphs come from blocks.
    markup: bool,
    prev: Option<char>,
    prev_prev: Option<char>,
    in_word: bool,
    next_original: usize,
    line_chars: usize,
    /// Line breaks since the last word: 1 is a new line, 2 or more a blank
    /// (or wordless) line in between.
    lines_since_word: usize,
    /// Sentence-ending punctuation seen since the last word, and whether the
    /// word before it is an abbreviation.
    sentence_end: bool,
    last_word: String,
    open_double: bool,
    open_single: usize,
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
                    i = self.ascii_run(bytes, i);
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
    fn ascii_run(&mut self, bytes: &[u8], mut i: usize) -> usize {
        while i + 1 < bytes.len() {
            let b = bytes[i];
            if b.is_ascii_alphanumeric() {
                self.ascii_word_char(b);
            } else if b == b' ' && bytes[i + 1].is_ascii_alphanumeric() {
                self.out.text.push(' ');
                self.line_chars += 1;
                self.prev_prev = self.prev;
                self.prev = Some(' ');
                self.last_word.clear();
            } else {
                break;
            }
            i += 1;
        }
        i
    }

    fn ascii_word_char(&mut self, b: u8) {
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

    fn flush_pending(&mut self, next: Option<char>) {
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

    fn close_quotes(&mut self) {
        let at = self.out.text.len();
        if self.open_double {
            self.structure.quote_mark(at, false, true);
            self.open_double = false;
        }
        while self.open_single > 0 {
            self.structure.quote_mark(at, false, false);
            self.open_single -= 1;
        }
    }

    fn step(&mut self, c: char, at: usize, len: usize, next: Option<char>) {
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

    fn is_abbreviation(&self) -> bool {
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

    fn quote_mark_char(&mut self, c: char, next: Option<char>) {
        let at = self.out.text.len();
        match c {
            '"' => {
                let opening = !self.open_double;
                self.open_double = opening;
                self.structure.quote_mark(at, opening, true);
            }
            '\u{201C}' | '\u{201E}' | '\u{00AB}' => {
                self.open_double = true;
                self.structure.quote_mark(at, true, true);
            }
            '\u{201D}' | '\u{00BB}' => {
                self.open_double = false;
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

    fn word_char(&mut self, chars: WordChars, c: char, at: usize, len: usize) {
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

    fn begin_word(&mut self, at: usize, c: char) {
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

fn c_starts_sentence(c: char) -> bool {
    c.is_uppercase() || c.is_ascii_digit() || !c.is_alphabetic()
}

/// Enough of the last word to tell an abbreviation ("Sept", "U.S").
const LAST_WORD_CHARS: usize = 12;

/// Fold a short text with no structure (a quote, a claim's words).
pub fn fold(text: &str) -> Folded {
    let mut none = NoStructure;
    let mut folder = Folder::new(&mut none);
    folder.push(text, 0);
    folder.finish()
}

/// The folded words of a short text.
pub fn fold_words(text: &str) -> Vec<String> {
    fold(text)
        .text
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}
