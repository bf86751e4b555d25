//! Whether two words are close: a few edits apart, checked cheaply.

/// Which letters a-z (and digits, as one bit) a word holds.
pub fn letter_mask(word: &str) -> u32 {
    word.bytes().fold(0, |mask, b| match b {
        b'a'..=b'z' => mask | 1 << (b - b'a'),
        b'0'..=b'9' => mask | 1 << 26,
        _ => mask | 1 << 27,
    })
}

/// Are two different words plausibly one mistyped as the other?
pub fn is_close(a: &str, b: &str) -> bool {
    is_close_masked(a, b, letter_mask(a), letter_mask(b))
}

/// `is_close` with the letter masks at hand: each edit changes at most two
/// letters of the mask, so words whose masks differ more are not close.
/// Inlined: an alignment asks it of every pair of words it compares, and
/// most are turned down by these two tests (a call each was a tenth of a
/// large run's time).
#[inline]
pub fn is_close_masked(a: &str, b: &str, mask_a: u32, mask_b: u32) -> bool {
    let (la, lb) = (a.len(), b.len());
    let limit = edits_allowed(la.min(lb));
    // An edit changes the letter mask by two bits at most: most word pairs
    // an alignment compares are turned down here, before any distance.
    if la.abs_diff(lb) > 3 || (mask_a ^ mask_b).count_ones() as usize > 2 * limit {
        return false;
    }
    within(a, b, limit)
}

/// Edits that keep two words close, by the shorter one's length in bytes.
#[inline]
pub fn edits_allowed(shorter: usize) -> usize {
    if shorter >= 9 {
        3
    } else if shorter >= 4 {
        2
    } else {
        1
    }
}

/// Are `a` and `b` at most `limit` edits apart?
#[inline(never)]
fn within(a: &str, b: &str, limit: usize) -> bool {
    let d = if a.is_ascii() && b.is_ascii() {
        bounded_distance(a.as_bytes(), b.as_bytes(), limit)
    } else {
        strsim::damerau_levenshtein(a, b)
    };
    d <= limit
}

/// Optimal-string-alignment distance, giving up (returning `limit + 1`)
/// once every cell of a row exceeds `limit`. Words are short: the rows live
/// on the stack.
fn bounded_distance(a: &[u8], b: &[u8], limit: usize) -> usize {
    const MAX: usize = 64;
    if a.len() >= MAX || b.len() >= MAX {
        return strsim::damerau_levenshtein(
            std::str::from_utf8(a).unwrap_or_default(),
            std::str::from_utf8(b).unwrap_or_default(),
        );
    }
    // Three rows, used in rotation: two back, one back, this one.
    let mut rows = [[0u8; MAX]; 3];
    for (j, cell) in rows[0].iter_mut().enumerate().take(b.len() + 1) {
        *cell = j as u8;
    }
    for i in 1..=a.len() {
        // Row r lives at index r % 3.
        let (two, one, cur) = ((i + 1) % 3, (i + 2) % 3, i % 3);
        rows[cur][0] = i as u8;
        let mut row_min = i;
        for j in 1..=b.len() {
            let cost = u8::from(a[i - 1] != b[j - 1]);
            let mut d = (rows[one][j] + 1)
                .min(rows[cur][j - 1] + 1)
                .min(rows[one][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(rows[two][j - 2] + 1);
            }
            rows[cur][j] = d;
            row_min = row_min.min(d as usize);
        }
        if row_min > limit {
            return limit + 1;
        }
    }
    rows[a.len() % 3][b.len()] as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounded_distance_agrees_with_strsim_within_the_limit() {
        for (a, b) in [
            ("minfield", "minefield"),
            ("sovled", "solved"),
            ("abc", "abc"),
            ("kitten", "sitting"),
        ] {
            let want = strsim::damerau_levenshtein(a, b);
            let got = bounded_distance(a.as_bytes(), b.as_bytes(), 3);
            assert_eq!(got.min(4), want.min(4), "{a} {b}");
        }
    }

    #[test]
    fn the_mask_filter_turns_down_no_close_pair() {
        let text = include_str!("../../sources/troops-push-backlash.txt");
        let mut words: Vec<String> = crate::text::fold::fold_words(text);
        words.sort();
        words.dedup();
        words.push("sovled".into());
        words.push("minfield".into());
        words.push("überraschung".into());
        words.push("uberraschüng".into());
        for a in &words {
            for b in &words {
                let shorter = a.len().min(b.len());
                let limit = if shorter >= 9 {
                    3
                } else if shorter >= 4 {
                    2
                } else {
                    1
                };
                let distance = if a.is_ascii() && b.is_ascii() {
                    bounded_distance(a.as_bytes(), b.as_bytes(), limit)
                } else {
                    strsim::damerau_levenshtein(a, b)
                };
                let want = a.len().abs_diff(b.len()) <= 3 && distance <= limit;
                assert_eq!(is_close(a, b), want, "{a} {b}");
            }
        }
    }

    #[test]
    fn typos_are_close() {
        assert!(is_close("minfield", "minefield"));
        assert!(is_close("sovled", "solved"));
        assert!(is_close("sheibnaum", "sheinbaum"));
        assert!(!is_close("that", "it"));
    }
}
