//! Helpers shared by the integration tests.

/// The finding kinds of claim `id` in a JSON report, in order.
pub fn kinds(report: &serde_json::Value, id: &str) -> Vec<String> {
    let claim = report["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == id)
        .unwrap_or_else(|| panic!("no claim {id}"));
    claim["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["kind"].as_str().unwrap().to_string())
        .collect()
}
