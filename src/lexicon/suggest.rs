//! "Did you mean": the closest allowed name to a misspelt one.

/// Names longer than this are never slips of a known name; comparing them
/// would cost time quadratic in a hostile name's length.
const MAX_NAME_CHARS: usize = 64;

/// The closest allowed name, when it is close enough to be a slip.
pub fn did_you_mean<'a>(name: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let length = name.chars().count();
    if length > MAX_NAME_CHARS {
        return None;
    }
    candidates
        .iter()
        .filter_map(|c| {
            let allowed = 2.max(c.len() / 3);
            // The distance is at least the difference in length.
            if c.chars().count().abs_diff(length) > allowed {
                return None;
            }
            let d = strsim::damerau_levenshtein(name, c);
            (d <= allowed).then_some((d, *c))
        })
        .min()
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_names_only() {
        assert_eq!(did_you_mean("qoute", &["quote", "speaker"]), Some("quote"));
        assert_eq!(did_you_mean("zzzzzz", &["quote", "speaker"]), None);
    }

    #[test]
    fn a_huge_name_is_answered_at_once() {
        let name = "a".repeat(100_000);
        let long = "a".repeat(99_999);
        assert_eq!(did_you_mean(&name, &[long.as_str()]), None);
    }
}
