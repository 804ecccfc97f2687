//! Opening plan files: good ones load, bad ones say every problem and where.

#![cfg(not(target_arch = "wasm32"))]

use plan_tracker::plan::{read_plan, write_plan, ReadError, Status};
use serde_json::{json, Value};

fn minimal() -> Value {
    json!({
        "format": "plan-tracker/plan",
        "format_version": 1,
        "id": "example",
        "title": "Example plan",
        "priorities": [{
            "id": "p1", "title": "Safe",
            "activities": [{
                "id": "p1-a1", "title": "MASH",
                "measure_ids": ["m1"],
                "actions": [{ "id": "p1-a1-k1", "title": "Co-locate", "due": { "label": "March 2017" } }]
            }]
        }],
        "measures": [{ "id": "m1", "title": "Referrals" }]
    })
}

fn read(value: &Value) -> Result<plan_tracker::plan::Plan, ReadError> {
    read_plan(value.to_string().as_bytes())
}

fn problems(value: &Value) -> Vec<String> {
    match read(value) {
        Ok(_) => panic!("expected problems"),
        Err(e) => e.problems().iter().map(ToString::to_string).collect(),
    }
}

#[test]
fn a_minimal_plan_opens() {
    let plan = read(&minimal()).expect("opens");
    assert_eq!(plan.title, "Example plan");
    assert_eq!(plan.priorities[0].activities()[0].actions()[0].title, "Co-locate");
}

#[test]
fn the_example_in_the_format_page_opens() {
    let page = std::fs::read_to_string("public/schema/plan-format.md").expect("the shipped format page");
    let start = page.find("```json").expect("example") + "```json".len();
    let end = start + page[start..].find("```").expect("end of example");
    let plan = read_plan(&page.as_bytes()[start..end]).expect("the documented example opens");
    let action = &plan.priorities[0].activities()[0].actions()[0];
    assert_eq!(action.progress.as_ref().and_then(|p| p.status), Some(Status::OnTrack));
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(minimal().to_string().as_bytes());
    assert!(read_plan(&bytes).is_ok());
}

#[test]
fn unknown_fields_survive_at_every_level_in_order() {
    let mut v = minimal();
    v["zeta_first"] = json!(1);
    v["priorities"][0]["colour"] = json!("teal");
    v["priorities"][0]["activities"][0]["actions"][0]["due"]["note"] = json!({"nested": [1, 2]});
    v["measures"][0]["x-source"] = json!("p14");
    let written = write_plan(&read(&v).expect("opens"));
    let back: Value = serde_json::from_str(&written).expect("json");
    assert_eq!(back, v, "nothing lost or changed");
    let zeta = written.find("zeta_first").expect("kept");
    assert!(written.find("\"priorities\"").expect("priorities") < zeta, "unknown fields keep their place after known ones");
}

#[test]
fn several_unknown_fields_keep_their_order_among_known_ones() {
    let text = r#"{"x_first": 1, "format": "plan-tracker/plan", "x_second": 2, "format_version": 1, "id": "p",
        "x_third": 3, "title": "T", "x_fourth": 4,
        "priorities": [{"a_note": 1, "id": "p1", "m_note": 2, "title": "One", "z_note": 3}]}"#;
    let written = write_plan(&read_plan(text.as_bytes()).expect("opens"));
    let position = |key: &str| written.find(&format!("\"{key}\"")).unwrap_or_else(|| panic!("{key} kept"));
    assert!(position("x_first") < position("x_second"));
    assert!(position("x_second") < position("x_third"));
    assert!(position("x_third") < position("x_fourth"));
    assert!(position("a_note") < position("m_note") && position("m_note") < position("z_note"), "{written}");
}

#[test]
fn a_repeated_key_keeps_its_last_value_and_is_written_once() {
    let mut extra: String = (0..40).map(|i| format!(r#""x{i}": {i}, "#)).collect();
    extra.push_str(r#""x3": "again", "#);
    let text = format!(
        r#"{{"format": "plan-tracker/plan", "format_version": 1, "id": "p", "title": "First", {extra}"title": "Last",
            "priorities": [{{"id": "p1", "title": "One"}}]}}"#
    );
    let plan = read_plan(text.as_bytes()).expect("opens");
    assert_eq!(plan.title, "Last");
    assert_eq!(plan.extra.get("x3"), Some(&json!("again")));
    let written = write_plan(&plan);
    assert_eq!(written.matches("\"title\"").count(), 2, "the plan's title and the priority's, once each");
    assert_eq!(written.matches("\"x3\"").count(), 1);
    assert!(written.find("\"x2\"") < written.find("\"x3\"") && written.find("\"x3\"") < written.find("\"x4\""), "first place kept");
}

#[test]
fn moments_keep_how_they_were_written() {
    let mut v = minimal();
    v["priorities"][0]["activities"][0]["progress"] =
        json!({ "status": "at_risk", "updated": "2016-11-02T10:00:00Z", "notes": [{"id": "n1", "at": "2016-11-02T11:00:00+01:00", "text": "ok"}] });
    let written = write_plan(&read(&v).expect("opens"));
    assert!(written.contains("2016-11-02T10:00:00Z"));
    assert!(written.contains("2016-11-02T11:00:00+01:00"));
}

#[test]
fn empty_files_say_so() {
    assert_eq!(read_plan(b""), Err(ReadError::Empty));
    assert_eq!(read_plan(b"  \n\t "), Err(ReadError::Empty));
    assert_eq!(read_plan(b"\xEF\xBB\xBF"), Err(ReadError::Empty));
}

#[test]
fn binary_files_say_so() {
    assert_eq!(read_plan(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"), Err(ReadError::NotText));
    assert_eq!(read_plan(b"PK\x03\x04\x14\0\x06\0"), Err(ReadError::NotText));
    assert_eq!(read_plan(b"{\"title\": \"\xff\xfe\"}"), Err(ReadError::NotText));
}

#[test]
fn broken_json_gives_line_and_column() {
    let text = "{\n  \"format\": \"plan-tracker/plan\",\n  \"title\": \"x\"\n  \"id\": 1\n}";
    match read_plan(text.as_bytes()) {
        Err(ReadError::Syntax { line, column, .. }) => assert_eq!((line, column), (4, 3)),
        other => panic!("{other:?}"),
    }
    let cut = &minimal().to_string()[..40];
    let message = read_plan(cut.as_bytes()).expect_err("cut short").to_string();
    assert!(message.contains("cut short"), "{message}");
}

#[test]
fn deep_nesting_is_refused_with_a_message() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let message = read_plan(deep.as_bytes()).expect_err("too deep").to_string();
    assert!(message.contains("128 levels"), "{message}");
}

#[test]
fn files_over_the_limit_are_refused_before_parsing() {
    let big = vec![b' '; plan_tracker::plan::MAX_FILE_BYTES + 1];
    let error = read_plan(&big).expect_err("too big");
    assert!(error.to_string().contains("up to 64.0 MB"), "{error}");
}

#[test]
fn other_json_is_not_a_plan() {
    for text in ["[]", "42", "\"plan\"", "{\"name\": \"budget.xlsx\"}", "{\"format\": \"excalidraw\"}", "null"] {
        assert_eq!(read_plan(text.as_bytes()), Err(ReadError::NotAPlan), "{text}");
    }
}

#[test]
fn a_newer_version_says_so() {
    let mut v = minimal();
    v["format_version"] = json!(2);
    let error = read(&v).expect_err("newer");
    assert_eq!(error, ReadError::NewerVersion { version: 2 });
    assert!(error.to_string().contains("newer version of Plan Tracker"));
}

#[test]
fn a_wrong_date_names_its_place_and_the_fix() {
    let mut v = minimal();
    v["priorities"][0]["activities"][0]["actions"][0]["due"]["date"] = json!("31/03/2017");
    assert_eq!(
        problems(&v),
        ["Priority 1 › Activity 1 › Action 1: due date '31/03/2017' is not a date; write 2017-03-31"]
    );
}

#[test]
fn every_problem_is_listed_in_file_order() {
    let mut v = minimal();
    v["title"] = json!("");
    v["priorities"][0]["activities"][0]["id"] = json!("p1");
    v["priorities"][0]["activities"][0]["measure_ids"] = json!(["m1", "m-missing"]);
    v["priorities"][0]["activities"][0]["progress"] = json!({"status": "green", "percent": 150});
    v["priorities"][0]["activities"][0]["actions"][0]["title"] = json!(7);
    v["measures"][0]["values"] = json!([{"period": "2016/17", "value": "41.5"}]);
    v["measures"][0]["priorities"] = json!([{"id": "p9", "role": "main"}]);
    let found = problems(&v);
    assert_eq!(
        found,
        [
            "Plan: title is empty; it is required",
            "Priority 1 › Activity 1: id 'p1' is used more than once (first at Priority 1); every id in a plan must be different",
            "Priority 1 › Activity 1 › Action 1: title must be text, not a number",
            "Priority 1 › Activity 1 › Progress: status 'green' is not one of not_started, on_track, at_risk, off_track, complete, cancelled",
            "Priority 1 › Activity 1 › Progress: percent is 150; it must be a whole number from 0 to 100",
            "Measure 1 › Value 1: value must be a number, not text; put words in \"text\"",
            "Measure 1 › Priority link 1: role 'main' must be \"primary\" or \"additional\"",
            "Priority 1 › Activity 1: measure id 'm-missing' does not match any measure in the plan",
            "Measure 1 › Priority link 1: priority id 'p9' does not match any priority in the plan",
        ]
    );
}

#[test]
fn required_fields_and_lists() {
    let mut v = minimal();
    v.as_object_mut().expect("object").remove("priorities");
    assert_eq!(problems(&v), ["Plan: priorities are missing; a plan needs at least one priority"]);
    v["priorities"] = json!([]);
    assert_eq!(problems(&v), ["Plan: the plan has no priorities; it needs at least one"]);
    v["priorities"] = json!([{"title": "No id"}, "text"]);
    assert_eq!(
        problems(&v),
        ["Priority 1: id is missing; it is required", "Priority 2: must be an object with fields, not text"]
    );
}

#[test]
fn notes_need_a_moment_and_text() {
    let mut v = minimal();
    v["priorities"][0]["activities"][0]["actions"][0]["progress"] =
        json!({"notes": [{"id": "n1", "at": "2016-11-02 10:00", "text": "x"}, {"id": "n2", "text": ""}]});
    assert_eq!(
        problems(&v),
        [
            "Priority 1 › Activity 1 › Action 1 › Progress › Note 1: at '2016-11-02 10:00' is not a date and time; write it like 2026-11-22T09:30:00Z",
            "Priority 1 › Activity 1 › Action 1 › Progress › Note 2: at is missing; it is required",
            "Priority 1 › Activity 1 › Action 1 › Progress › Note 2: text is empty; it is required",
        ]
    );
}

#[test]
fn nulls_count_as_absent() {
    let mut v = minimal();
    v["subtitle"] = Value::Null;
    v["priorities"][0]["activities"][0]["lead"] = Value::Null;
    v["priorities"][0]["activities"][0]["actions"][0]["due"]["date"] = Value::Null;
    assert!(read(&v).is_ok());
}

#[test]
fn hostile_text_is_kept_as_text() {
    let mut v = minimal();
    v["title"] = json!("<script>alert(1)</script><img src=x onerror=alert(2)>");
    let plan = read(&v).expect("opens");
    assert_eq!(plan.title, "<script>alert(1)</script><img src=x onerror=alert(2)>");
}

#[test]
fn long_bad_values_are_clipped_in_messages() {
    let mut v = minimal();
    v["priorities"][0]["activities"][0]["actions"][0]["due"]["date"] = json!("x".repeat(10_000));
    let found = problems(&v);
    assert!(found[0].len() < 200, "{}", found[0]);
}

#[test]
fn arbitrary_bytes_never_panic() {
    // A cheap stand-in for fuzzing: every prefix of a valid file, and noise.
    let text = minimal().to_string();
    for end in 0..text.len() {
        let _ = read_plan(&text.as_bytes()[..end]);
    }
    const ALPHABET: &[u8] = b"{}[]\",:0123456789.eE-+truefalsnul \\/u";
    let mut seed = 0x2545_f491_4f6c_dd1d_u64;
    for _ in 0..2_000 {
        let bytes: Vec<u8> = (0..64)
            .map(|_| {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                ALPHABET[(seed % ALPHABET.len() as u64) as usize]
            })
            .collect();
        let _ = read_plan(&bytes);
    }
}
