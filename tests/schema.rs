//! The shipped JSON Schema is generated from the Rust types and never stale,
//! and every sample plan is valid against it.

#![cfg(not(target_arch = "wasm32"))]

use plan_tracker::plan::schema::plan_schema_json;

const SHIPPED: &str = "public/schema/plan-v1.json";

#[test]
fn the_shipped_schema_is_current() {
    let generated = plan_schema_json();
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::create_dir_all("public/schema").expect("mkdir");
        std::fs::write(SHIPPED, &generated).expect("write");
    }
    let shipped = std::fs::read_to_string(SHIPPED).unwrap_or_default();
    assert!(
        shipped == generated,
        "{SHIPPED} is stale: run `UPDATE_SCHEMA=1 cargo test --test schema` and commit the result"
    );
}

#[test]
fn every_sample_validates_against_the_schema() {
    let schema: serde_json::Value = serde_json::from_str(&plan_schema_json()).expect("schema json");
    let validator = jsonschema::validator_for(&schema).expect("a valid schema");
    for entry in std::fs::read_dir("public/samples").expect("samples") {
        let path = entry.expect("entry").path();
        if path.extension().is_none_or(|x| x != "json") || path.ends_with("index.json") {
            continue;
        }
        let plan: serde_json::Value =
            serde_json::from_slice(&std::fs::read(&path).expect("read")).expect("json");
        let errors: Vec<String> = validator
            .iter_errors(&plan)
            .map(|e| format!("{} at {}", e, e.instance_path))
            .collect();
        assert!(errors.is_empty(), "{}: {errors:#?}", path.display());
    }
}

#[test]
fn the_schema_rejects_what_the_format_forbids() {
    let schema: serde_json::Value = serde_json::from_str(&plan_schema_json()).expect("schema json");
    let validator = jsonschema::validator_for(&schema).expect("a valid schema");
    let bad = serde_json::json!({"format": "plan-tracker/plan", "format_version": 1, "id": "x", "title": "t",
        "priorities": [{"id": "p", "title": "P", "activities": [{"id": "a", "title": "A",
        "progress": {"status": "green"}}]}]});
    assert!(!validator.is_valid(&bad));
}
