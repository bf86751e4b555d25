//! How each original character takes part in folded text.

use unicode_normalization::char::{decompose_compatible, is_combining_mark};

/// How one original character takes part in folded text.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Class {
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
pub(super) enum WordChars {
    Same(char),
    Folded(String),
}

pub(super) fn classify(c: char) -> Class {
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
pub(super) fn fold_letter(c: char) -> String {
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
