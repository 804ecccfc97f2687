//! The plan reader's JSON tree against serde_json's own `Value` (with the
//! same features: ordered maps, numbers as written) on the same bytes: the
//! same documents accepted, the same values, the same key order. The only
//! difference allowed is the one json.rs documents: it stops at
//! `MAX_VALUES` values where serde_json goes on.
#![no_main]

use libfuzzer_sys::fuzz_target;
use plan_tracker_fuzz::json::{self, Json};
use serde_json::Value;

fuzz_target!(|bytes: &[u8]| {
    let ours = json::parse(bytes);
    let theirs = serde_json::from_slice::<Value>(bytes);
    match (ours, theirs) {
        (Ok(ours), Ok(theirs)) => {
            if let Err(why) = same(&ours, &theirs) {
                panic!("different values: {why}\nours: {ours:?}\ntheirs: {theirs:?}");
            }
        }
        (Err(_), Err(_)) => {}
        (Err(error), Ok(_)) if stopped_at_value_limit(&error) => {}
        (Ok(ours), Err(error)) => {
            panic!("json.rs accepts what serde_json refuses ({error}): {ours:?}")
        }
        (Err(error), Ok(theirs)) => {
            panic!("json.rs refuses what serde_json accepts ({error}): {theirs:?}")
        }
    }
});

/// json.rs's own limit, documented at `MAX_VALUES` (its `TOO_MANY_VALUES`
/// message is crate-private).
fn stopped_at_value_limit(error: &serde_json::Error) -> bool {
    error.to_string().starts_with("too many values")
}

/// Whether the tree and the value say the same, field order included; if
/// not, where they part.
fn same(ours: &Json, theirs: &Value) -> Result<(), String> {
    match (ours, theirs) {
        (Json::Null, Value::Null) => Ok(()),
        (Json::Bool(a), Value::Bool(b)) if a == b => Ok(()),
        // Both keep the number as written (`arbitrary_precision`).
        (Json::Number(a), Value::Number(b)) if a.as_str() == b.as_str() => Ok(()),
        (Json::String(a), Value::String(b)) if a == b => Ok(()),
        (Json::Array(a), Value::Array(b)) if a.len() == b.len() => a
            .iter()
            .zip(b)
            .enumerate()
            .try_for_each(|(i, (a, b))| same(a, b).map_err(|why| format!("[{i}] {why}"))),
        (Json::Object(a), Value::Object(b)) if a.len() == b.len() => {
            a.iter().zip(b).try_for_each(|((key_a, a), (key_b, b))| {
                if key_a != key_b {
                    return Err(format!("key {key_a:?} where serde_json has {key_b:?}"));
                }
                same(a, b).map_err(|why| format!(".{key_a} {why}"))
            })
        }
        _ => Err(format!("{ours:?} against {theirs:?}")),
    }
}
