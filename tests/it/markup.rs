//! Markdown and HTML sources: quotes across tags and emphasis, entities in
//! names, script and comment text never matching, spans on the real bytes.

use crate::common::{fixture, json_report, kinds};
use proptest::prelude::*;
use verbatim::text::markup::{fold_markup, Markup};
use verbatim::text::Source;

fn report() -> serde_json::Value {
    json_report(&fixture("markup"), &[]).0
}

#[test]
fn markup_verdicts() {
    let r = report();
    assert_eq!(kinds(&r, "across-tags"), Vec::<String>::new());
    // A no-break space (&nbsp;) between the names: spacing folded.
    assert_eq!(kinds(&r, "entity-name"), ["typography"]);
    assert_eq!(kinds(&r, "script-text"), ["not-found"]);
    assert_eq!(kinds(&r, "comment-text"), ["not-found"]);
    assert_eq!(kinds(&r, "blockquote"), Vec::<String>::new());
    assert_eq!(kinds(&r, "nested-list"), Vec::<String>::new());
    assert_eq!(kinds(&r, "emphasis"), ["typography"]);
    assert_eq!(kinds(&r, "md-blockquote"), Vec::<String>::new());
    assert_eq!(kinds(&r, "md-code"), Vec::<String>::new());
    assert_eq!(kinds(&r, "md-misquote"), ["misquote"]);
}

#[test]
fn spans_cover_the_markup_and_expected_is_the_text() {
    let r = report();
    let dir = fixture("markup");
    let claim = r["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "md-misquote")
        .unwrap();
    let f = &claim["findings"][0];
    let raw = std::fs::read(dir.join(f["source"]["path"].as_str().unwrap())).unwrap();
    let (o, n) = (
        f["source"]["offset"].as_u64().unwrap() as usize,
        f["source"]["length"].as_u64().unwrap() as usize,
    );
    assert_eq!(
        String::from_utf8_lossy(&raw[o..o + n]),
        "the border is *very* **secure"
    );
    assert_eq!(f["expected"], "the border is very secure");
}

fn tagged_word() -> impl Strategy<Value = (String, String, String)> {
    (
        "[a-z]{1,6}",
        prop::sample::select(vec![
            ("", ""),
            ("<em>", "</em>"),
            ("<b>", "</b>"),
            ("<a href=\"x\">", "</a>"),
        ]),
        prop::sample::select(vec!["", "&ntilde;", "&eacute;"]),
    )
        .prop_map(|(w, (open, close), entity)| {
            let html = format!("{open}{w}{entity}{close}");
            let text = format!(
                "{w}{}",
                match entity {
                    "&ntilde;" => "ñ",
                    "&eacute;" => "é",
                    _ => "",
                }
            );
            (html, text, w)
        })
}

proptest! {
    #[test]
    fn html_words_map_back_inside_the_original(words in prop::collection::vec(tagged_word(), 1..25)) {
        let html = format!("<p>{}</p>", words.iter().map(|(h, _, _)| h.as_str()).collect::<Vec<_>>().join(" "));
        let source = Source::from_markup(fold_markup(&html, Markup::Html), html.clone());
        let folded = &source.folded.text;
        let mut at = 0;
        for word in folded.split(' ') {
            let (s, e) = source.original_range(at, at + word.len());
            prop_assert!(s <= e && e <= html.len(), "{s}..{e} outside {html:?}");
            prop_assert!(html.is_char_boundary(s) && html.is_char_boundary(e));
            // The word's letters stand, in order, in the original bytes.
            let raw = &html[s..e];
            let letters: String = word.chars().filter(|c| c.is_ascii_alphabetic()).collect();
            let mut rest = raw.to_lowercase();
            for c in letters.chars() {
                match rest.find(c) {
                    Some(i) => rest = rest[i + 1..].to_string(),
                    None => prop_assert!(false, "{word:?} not in {raw:?}"),
                }
            }
            at += word.len() + 1;
        }
    }
}
