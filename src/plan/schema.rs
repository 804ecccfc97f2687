//! The JSON Schema of format version 1, generated from the same types that
//! write plan files, shipped at `public/schema/plan-v1.json`.

use super::model::Plan;

/// The schema as pretty-printed JSON, exactly as shipped.
pub fn plan_schema_json() -> String {
    let mut schema = schemars::schema_for!(Plan);
    schema.insert(
        "$id".into(),
        "https://plan-tracker.invalid/schema/plan-v1.json".into(),
    );
    schema.insert(
        "description".into(),
        "A Plan Tracker plan file, format version 1. Unknown fields are allowed everywhere and are kept.".into(),
    );
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}
