//! Words of a sentence with their places and whether they stand inside a
//! quotation.

use crate::text::fold::fold;

#[derive(Debug, Clone)]
pub(super) struct Tok {
    pub(super) text: String,
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) quoted: bool,
}

pub(super) fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

pub(super) fn folded(word: &str) -> String {
    fold(word).text
}

/// Words and punctuation of a sentence, each marked when it stands inside
/// quotation marks.
pub(super) fn tokenize(text: &str) -> Vec<Tok> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut toks = Vec::new();
    let mut depth_double = false;
    let mut depth_single = 0usize;
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        let prev = i.checked_sub(1).map(|p| chars[p].1);
        let next = chars.get(i + 1).map(|x| x.1);
        match c {
            '“' | '«' => depth_double = true,
            '”' | '»' => depth_double = false,
            '"' => depth_double = !depth_double,
            '‘' if !prev.is_some_and(char::is_alphanumeric) => depth_single += 1,
            '’' | '\''
                if depth_single > 0
                    && !(prev.is_some_and(char::is_alphanumeric)
                        && next.is_some_and(char::is_alphanumeric)) =>
            {
                depth_single -= 1;
            }
            _ => {}
        }
        if c.is_alphanumeric() {
            let mut j = i + 1;
            while j < chars.len() {
                let d = chars[j].1;
                let n = chars.get(j + 1).map(|x| x.1);
                let inner = (d == '’' || d == '\'' || d == '.' || d == '-')
                    && n.is_some_and(char::is_alphanumeric)
                    && chars[j - 1].1.is_alphanumeric();
                if d.is_alphanumeric() || inner {
                    j += 1;
                } else {
                    break;
                }
            }
            let end = chars.get(j).map_or(text.len(), |x| x.0);
            toks.push(Tok {
                text: text[at..end].to_string(),
                start: at,
                end,
                quoted: depth_double || depth_single > 0,
            });
            i = j;
            continue;
        }
        if matches!(c, ',' | ':' | ';' | '(' | ')' | '—' | '–') {
            toks.push(Tok {
                text: c.to_string(),
                start: at,
                end: at + c.len_utf8(),
                quoted: depth_double || depth_single > 0,
            });
        }
        if matches!(c, '“' | '”' | '‘' | '"' | '«' | '»')
            || (c == '’'
                && !(prev.is_some_and(char::is_alphanumeric)
                    && next.is_some_and(char::is_alphanumeric)))
        {
            toks.push(Tok {
                text: "\"".into(),
                start: at,
                end: at + c.len_utf8(),
                quoted: false,
            });
        }
        i += 1;
    }
    toks
}
