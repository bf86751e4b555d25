//! A draft's own credits for its quotations: the source a paragraph links
//! to. extract takes these before any search, so that a draft crediting the
//! wrong source is caught rather than silently corrected.

use std::path::Path;

/// The source a paragraph links to (a Markdown link or an HTML `href`)
/// whose file name, without its extension, is the link target's last
/// segment: the one such source, or none.
pub(super) fn linked_source(paragraph: &str, sources: &[&Path]) -> Option<usize> {
    let mut targets: Vec<&str> = Vec::new();
    for (open, close) in [("](", ')'), ("href=\"", '"')] {
        let mut rest = paragraph;
        while let Some(at) = rest.find(open) {
            rest = &rest[at + open.len()..];
            let end = rest.find(close).unwrap_or(rest.len());
            targets.push(&rest[..end]);
            rest = &rest[end..];
        }
    }
    let stem = |name: &str| -> String {
        let name = name.split(['?', '#']).next().unwrap_or("");
        let last = name.trim_end_matches('/').rsplit('/').next().unwrap_or("");
        let stem = Path::new(last)
            .file_stem()
            .map_or(String::new(), |s| s.to_string_lossy().to_lowercase());
        stem
    };
    let mut found: Option<usize> = None;
    for target in targets {
        let wanted = stem(target.trim());
        if wanted.is_empty() {
            continue;
        }
        for (i, path) in sources.iter().enumerate() {
            let name = path.file_stem().map(|s| s.to_string_lossy().to_lowercase());
            if name.as_deref() == Some(wanted.as_str()) {
                if found.is_some_and(|f| f != i) {
                    return None; // two sources linked: no single credit
                }
                found = Some(i);
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::linked_source;
    use std::path::Path;

    #[test]
    fn a_link_names_a_source_by_its_file_name() {
        let sources = [
            Path::new("sources/gpl-3.txt"),
            Path::new("sources/mpl-2.0.txt"),
        ];
        let md = "As [the MPL](https://www.mozilla.org/MPL/mpl-2.0.html?x=1) says, “…”";
        assert_eq!(linked_source(md, &sources), Some(1));
        let html = r#"the <a href="/licenses/gpl-3">GNU licence</a> says"#;
        assert_eq!(linked_source(html, &sources), Some(0));
        assert_eq!(linked_source("no link at all", &sources), None);
        let both = "[a](gpl-3.txt) and [b](mpl-2.0.txt)";
        assert_eq!(
            linked_source(both, &sources),
            None,
            "two sources: no single credit"
        );
    }
}
