//! One claim: its keys, quotes, speaker, figures and `accept` entries.

use super::*;

impl Loader {
    pub(super) fn load_claim(
        &mut self,
        cx: &FileCx,
        node: &Node,
        index: usize,
        file_index: usize,
        keys: &HashMap<String, Vec<usize>>,
    ) -> Option<(Claim, Pos)> {
        let Value::Map(entries) = &node.value else {
            self.error(
                cx,
                node.pos,
                format!("a claim must be a mapping, not {}", node.kind_name()),
                None,
            );
            return None;
        };
        let before = self.errors.len();
        let mut claim = Claim {
            id: format!("{}#{}", cx.display, index + 1),
            file: file_index,
            pos: node.pos,
            text: None,
            cites: Cites::All,
            quotes: Vec::new(),
            speaker: None,
            figures: Vec::new(),
            accept: Vec::new(),
        };
        if let Some((k, _)) = entries.first() {
            claim.pos = k.pos;
        }
        let mut id_pos = claim.pos;
        let mut quote_given = false;
        for (k, v) in entries {
            let Some(key) = self.key_name(cx, k, CLAIM_KEYS, "claim") else {
                continue;
            };
            match key.as_str() {
                "id" => {
                    if let Some(id) = v.as_scalar_text().filter(|s| !s.trim().is_empty()) {
                        claim.id = id;
                        id_pos = v.pos;
                    } else {
                        self.error(cx, v.pos, "`id` must be a non-empty name", None);
                    }
                }
                "text" => claim.text = self.string(cx, v, "`text`"),
                "source" => {
                    let mut cited = Vec::new();
                    let items: Vec<&Node> = match &v.value {
                        Value::Seq(items) => items.iter().collect(),
                        _ => vec![v],
                    };
                    if items.is_empty() {
                        self.error(cx, v.pos, "`source` lists no source", None);
                    }
                    for item in items {
                        let Some(name) = item.as_scalar_text() else {
                            self.error(
                                cx,
                                item.pos,
                                "`source` must be a source key or a list of keys",
                                None,
                            );
                            continue;
                        };
                        match keys.get(&name) {
                            Some(ds) => cited.extend(ds.iter().copied()),
                            None => {
                                let known: Vec<&str> = keys.keys().map(String::as_str).collect();
                                let help = match did_you_mean(&name, &known) {
                                    Some(s) => format!("did you mean `{s}`?"),
                                    None if known.is_empty() => {
                                        "declare it under `sources:`".to_string()
                                    }
                                    None => {
                                        let mut known = known;
                                        known.sort();
                                        format!("declared sources: {}", known.join(", "))
                                    }
                                };
                                self.error(
                                    cx,
                                    item.pos,
                                    format!("claim cites source `{name}`, which is not declared"),
                                    Some(help),
                                );
                            }
                        }
                    }
                    claim.cites = Cites::Keys(cited);
                }
                "quote" => {
                    quote_given = true;
                    let items: Vec<&Node> = match &v.value {
                        Value::Seq(items) => items.iter().collect(),
                        _ => vec![v],
                    };
                    if items.is_empty() {
                        self.error(cx, v.pos, "`quote` is an empty list", None);
                    }
                    for item in items {
                        match &item.value {
                            Value::Str(s) | Value::Number(s) => {
                                if crate::text::fold::fold(s)
                                    .text
                                    .split(' ')
                                    .all(str::is_empty)
                                {
                                    self.error(cx, item.pos, "the quote is empty", None);
                                } else {
                                    claim.quotes.push(Located {
                                        text: s.clone(),
                                        pos: item.pos,
                                    });
                                }
                            }
                            Value::Null => self.error(cx, item.pos, "the quote is empty", None),
                            _ => self.error(
                                cx,
                                item.pos,
                                format!("a quote must be a string, not {}", item.kind_name()),
                                None,
                            ),
                        }
                    }
                }
                "speaker" => {
                    if let Some(s) = self.string(cx, v, "`speaker`") {
                        if s.trim().is_empty() {
                            self.error(cx, v.pos, "`speaker` is empty", None);
                        } else {
                            claim.speaker = Some(Located {
                                text: s,
                                pos: v.pos,
                            });
                        }
                    }
                }
                "figures" => self.load_figures(cx, v, &mut claim),
                "accept" => self.load_accepts(cx, v, &mut claim),
                _ => {}
            }
        }
        if !quote_given && claim.figures.is_empty() && self.errors.len() == before {
            self.error(
                cx,
                claim.pos,
                "the claim has neither `quote` nor `figures`: nothing to check",
                Some(
                    "add the exact words quoted as `quote:`, or the numbers stated as `figures:`"
                        .into(),
                ),
            );
        }
        if let Some(speaker) = &claim.speaker {
            if !quote_given {
                self.error(
                    cx,
                    speaker.pos,
                    "`speaker` without a `quote`: there is nothing to attribute",
                    None,
                );
            }
        }
        Some((claim, id_pos))
    }

    /// Note a loaded claim's id, or tell it is taken (ids are unique
    /// across the run; claims are noted in order, so the second is told).
    pub(super) fn keep_id(&mut self, cx: &FileCx, claim: &Claim, id_pos: Pos) {
        if let Some((file, line, column)) = self.ids.get(&claim.id) {
            let msg = format!(
                "duplicate claim id `{}` (first used at {file}:{line}:{column})",
                claim.id
            );
            self.error(
                cx,
                id_pos,
                msg,
                Some("ids must be unique across the run".into()),
            );
        } else {
            self.ids.insert(
                claim.id.clone(),
                (cx.display.clone(), id_pos.line, id_pos.column),
            );
        }
    }

    pub(super) fn load_figures(&mut self, cx: &FileCx, node: &Node, claim: &mut Claim) {
        let Value::Seq(items) = &node.value else {
            self.error(cx, node.pos, "`figures` must be a list", None);
            return;
        };
        for item in items {
            let figure = match &item.value {
                Value::Str(s) | Value::Number(s) => FigureClaim {
                    text: s.clone(),
                    value: None,
                    of: None,
                    pos: item.pos,
                },
                Value::Map(fields) => {
                    let mut value = None;
                    let mut of = None;
                    for (fk, fv) in fields {
                        match self.key_name(cx, fk, FIGURE_KEYS, "figure").as_deref() {
                            Some("value") => value = fv.as_scalar_text(),
                            Some("of") => of = self.string(cx, fv, "`of`"),
                            _ => {}
                        }
                    }
                    let Some(value) = value else {
                        self.error(cx, item.pos, "a figure map needs `value`", None);
                        continue;
                    };
                    let text = match &of {
                        Some(of) => format!("{value} {of}"),
                        None => value.clone(),
                    };
                    FigureClaim {
                        text,
                        value: Some(value),
                        of,
                        pos: item.pos,
                    }
                }
                _ => {
                    self.error(
                        cx,
                        item.pos,
                        format!(
                            "a figure is a string or `{{value, of}}`, not {}",
                            item.kind_name()
                        ),
                        None,
                    );
                    continue;
                }
            };
            let number_part = figure.value.as_deref().unwrap_or(&figure.text);
            if !crate::lexicon::numbers::has_number(number_part) {
                self.error(
                    cx,
                    item.pos,
                    format!("figure {:?} has no number", figure.text),
                    Some(
                        "write the value as digits or number words, e.g. `about 400,000 deaths`"
                            .into(),
                    ),
                );
                continue;
            }
            claim.figures.push(figure);
        }
    }

    pub(super) fn load_accepts(&mut self, cx: &FileCx, node: &Node, claim: &mut Claim) {
        let Value::Seq(items) = &node.value else {
            self.error(
                cx,
                node.pos,
                "`accept` must be a list of `{kind, reason}`",
                None,
            );
            return;
        };
        for item in items {
            let Value::Map(fields) = &item.value else {
                self.error(cx, item.pos, "an `accept` entry is `{kind, reason}`", None);
                continue;
            };
            let mut kind = None;
            let mut reason = None;
            let mut kind_seen = false;
            for (fk, fv) in fields {
                match self
                    .key_name(cx, fk, ACCEPT_KEYS, "accept entry")
                    .as_deref()
                {
                    Some("kind") => {
                        kind_seen = true;
                        let name = fv.as_scalar_text().unwrap_or_default();
                        match Kind::from_name(&name) {
                            Some(k) => kind = Some(k),
                            None => {
                                let names: Vec<&str> = Kind::ALL.iter().map(|k| k.name()).collect();
                                let help = did_you_mean(&name, &names)
                                    .map(|s| format!("did you mean `{s}`?"))
                                    .unwrap_or_else(|| format!("kinds: {}", names.join(", ")));
                                self.error(
                                    cx,
                                    fv.pos,
                                    format!("unknown finding kind `{name}` in `accept`"),
                                    Some(help),
                                );
                            }
                        }
                    }
                    Some("reason") => {
                        reason = self
                            .string(cx, fv, "`reason`")
                            .filter(|r| !r.trim().is_empty());
                        if reason.is_none() {
                            self.error(
                                cx,
                                fv.pos,
                                "`reason` is empty: say why the deviation is acceptable",
                                None,
                            );
                            reason = Some(String::new());
                        }
                    }
                    _ => {}
                }
            }
            if !kind_seen {
                self.error(cx, item.pos, "an `accept` entry needs `kind`", None);
            }
            if reason.is_none() {
                self.error(
                    cx,
                    item.pos,
                    "an `accept` entry needs a `reason`",
                    Some("say why a person accepted this deviation".into()),
                );
            }
            if let (Some(kind), Some(reason)) = (kind, reason) {
                claim.accept.push(Accept {
                    kind,
                    reason,
                    pos: item.pos,
                });
            }
        }
    }

    /// A mapping key, checked against the keys this place allows.
    pub(super) fn key_name(
        &mut self,
        cx: &FileCx,
        key: &Node,
        allowed: &[&str],
        place: &str,
    ) -> Option<String> {
        let Some(name) = key.as_scalar_text() else {
            self.error(
                cx,
                key.pos,
                format!("a {place} key must be a plain name"),
                None,
            );
            return None;
        };
        if allowed.contains(&name.as_str()) {
            return Some(name);
        }
        let help = match did_you_mean(&name, allowed) {
            Some(s) => format!("did you mean `{s}`?"),
            None => format!("allowed keys: {}", allowed.join(", ")),
        };
        self.error(
            cx,
            key.pos,
            format!("unknown key `{name}` in {place}"),
            Some(help),
        );
        None
    }

    pub(super) fn string(&mut self, cx: &FileCx, node: &Node, what: &str) -> Option<String> {
        match &node.value {
            Value::Str(s) => Some(s.clone()),
            Value::Number(s) => Some(s.clone()),
            _ => {
                self.error(
                    cx,
                    node.pos,
                    format!("{what} must be a string, not {}", node.kind_name()),
                    None,
                );
                None
            }
        }
    }
}
