//! Policy: the one place severities are set. The configuration's
//! `[severity]` table applies to every kind, unclaimed quotations
//! included; then a claim's `accept` entries turn what they accept into
//! notes, and an entry that accepts nothing is itself a finding.

use crate::claims::Claim;
use crate::model::{Finding, Kind, Settings, Severity, Span};

/// The configured severity of each finding.
pub(super) fn apply_severities(settings: &Settings, findings: &mut [Finding]) {
    for f in findings.iter_mut() {
        if let Some(&severity) = settings.severity.get(&f.kind) {
            f.severity = severity;
        }
    }
}

/// Kinds the configuration turns off are not reported at all (after the
/// accept entries, so that an entry for such a kind is not called stale).
pub(super) fn drop_off(settings: &Settings, findings: &mut Vec<Finding>) {
    if !settings.off.is_empty() {
        findings.retain(|f| !settings.off.contains(&f.kind));
    }
}

/// Reviewed deviations become notes; an entry matching nothing is stale.
pub(super) fn apply_accepts(claim: &Claim, file: &str, findings: &mut Vec<Finding>) {
    for accept in &claim.accept {
        let mut matched = false;
        for f in findings.iter_mut() {
            if f.kind == accept.kind && f.accepted.is_none() {
                f.accepted = Some(accept.reason.clone());
                f.severity = Severity::Note;
                f.message = format!("{} (accepted: {})", f.message, accept.reason);
                matched = true;
            }
        }
        if !matched {
            let mut f = Finding::new(
                Kind::StaleAccept,
                format!(
                    "`accept` of `{}` matches no finding of this claim",
                    accept.kind.name()
                ),
            );
            f.claim = Some(Span {
                file: file.to_string(),
                line: accept.pos.line,
                column: accept.pos.column,
                offset: accept.pos.offset,
                length: accept.pos.len,
            });
            f.help = Some("remove the entry: the deviation it accepted is gone".into());
            findings.push(f);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn configured_severities_apply_to_every_kind() {
        let mut settings = Settings::default();
        settings
            .severity
            .insert(Kind::UnclaimedQuote, Severity::Error);
        settings.severity.insert(Kind::Typo, Severity::Note);
        let mut findings = vec![
            Finding::new(Kind::UnclaimedQuote, "u"),
            Finding::new(Kind::Typo, "t"),
            Finding::new(Kind::Misquote, "m"),
        ];
        apply_severities(&settings, &mut findings);
        let got: Vec<Severity> = findings.iter().map(|f| f.severity).collect();
        assert_eq!(got, [Severity::Error, Severity::Note, Severity::Error]);
        settings.off.insert(Kind::Typo);
        drop_off(&settings, &mut findings);
        let kinds: Vec<Kind> = findings.iter().map(|f| f.kind).collect();
        assert_eq!(kinds, [Kind::UnclaimedQuote, Kind::Misquote]);
    }
}
