//! Generators and walkers shared by the property tests.

#![allow(dead_code)]

use proptest::prelude::*;
use serde_json::Value;

/// Any JSON value, as a file or stored text might hold where a field should be.
pub fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |v| v.is_finite())
            .prop_map(Value::from),
        "\\PC{0,12}".prop_map(Value::String),
        prop::sample::select(vec![
            "on_track",
            "2016-11-22T10:00:00Z",
            "2016-09-30",
            "set_status",
            "add_note",
            "undone",
            "p1",
            "m1"
        ])
        .prop_map(Value::from),
    ];
    leaf.prop_recursive(3, 16, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::vec(("\\PC{0,6}", inner), 0..4)
                .prop_map(|fields| Value::Object(fields.into_iter().collect())),
        ]
    })
}

/// Every place in a JSON value, as a path of keys and indexes.
pub fn paths(value: &Value) -> Vec<Vec<String>> {
    fn walk(value: &Value, here: Vec<String>, out: &mut Vec<Vec<String>>) {
        out.push(here.clone());
        match value {
            Value::Array(items) => items
                .iter()
                .enumerate()
                .for_each(|(i, v)| walk(v, [here.clone(), vec![i.to_string()]].concat(), out)),
            Value::Object(fields) => fields
                .iter()
                .for_each(|(k, v)| walk(v, [here.clone(), vec![k.clone()]].concat(), out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(value, Vec::new(), &mut out);
    out
}

/// The value at a path, to replace.
pub fn at_path<'v>(value: &'v mut Value, path: &[String]) -> Option<&'v mut Value> {
    path.iter().try_fold(value, |v, step| match v {
        Value::Array(items) => items.get_mut(step.parse::<usize>().ok()?),
        Value::Object(fields) => fields.get_mut(step),
        _ => None,
    })
}

/// The number literals in JSON text, as written, in order.
pub fn numbers_in(json: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut chars = json.char_indices().peekable();
    let mut in_string = false;
    while let Some((i, c)) = chars.next() {
        if in_string {
            match c {
                '\\' => {
                    chars.next();
                }
                '"' => in_string = false,
                _ => {}
            }
        } else if c == '"' {
            in_string = true;
        } else if c == '-' || c.is_ascii_digit() {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = chars.peek() {
                if d.is_ascii_digit() || matches!(d, '.' | 'e' | 'E' | '+' | '-') {
                    end = j + d.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            out.push(json[i..end].to_owned());
        }
    }
    out
}
