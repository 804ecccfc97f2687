//! JSONTestSuite's parsing cases (tests/json-test-suite) through the plan
//! reader's JSON parser and through `read_plan`: every `y_` case accepted,
//! every `n_` case refused with a message, and the `i_` cases, which
//! parsers may take either way, never a panic.

#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

use plan_tracker::plan::{json, read_plan};

/// `y_` cases refused and `n_` cases accepted on purpose, with why. None:
/// the parser is serde_json's, which passes the whole suite, and the plan
/// reader's own limit (`json::MAX_VALUES`) is far beyond any case.
const DELIBERATE: &[(&str, &str)] = &[];

fn cases() -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/json-test-suite");
    let mut cases: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .expect("tests/json-test-suite")
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "json"))
        .map(|path| {
            let name = path
                .file_name()
                .expect("a name")
                .to_string_lossy()
                .into_owned();
            (name, std::fs::read(&path).expect("a case"))
        })
        .collect();
    cases.sort();
    cases
}

#[test]
fn the_suite_is_all_there() {
    let cases = cases();
    let count = |prefix: &str| cases.iter().filter(|(n, _)| n.starts_with(prefix)).count();
    assert_eq!((count("y_"), count("n_"), count("i_")), (95, 188, 35));
}

#[test]
fn the_parser_takes_exactly_the_json_the_suite_says() {
    let mut wrong = Vec::new();
    for (name, bytes) in cases() {
        let parsed = json::parse(&bytes);
        let expected = if name.starts_with("y_") {
            true
        } else if name.starts_with("n_") {
            false
        } else {
            continue;
        };
        if let Err(error) = &parsed {
            assert!(
                !error.to_string().is_empty(),
                "{name}: a refusal without a message"
            );
        }
        let deliberate = DELIBERATE.iter().any(|(case, _)| *case == name);
        if parsed.is_ok() != expected && !deliberate {
            wrong.push(format!("{name}: {:?}", parsed.map(|_| "accepted")));
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn the_reader_opens_or_refuses_every_case_with_a_message() {
    for (name, bytes) in cases() {
        let _ = json::parse(&bytes);
        if let Err(error) = read_plan(&bytes) {
            assert!(!error.to_string().is_empty(), "{name}");
            assert!(
                error.problems().iter().all(|p| !p.message.is_empty()),
                "{name}"
            );
        }
    }
}
