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
    assert_eq!(
        plan.priorities[0].activities()[0].actions()[0].title,
        "Co-locate"
    );
}

#[test]
fn the_example_in_the_format_page_opens() {
    let page =
        std::fs::read_to_string("public/schema/plan-format.md").expect("the shipped format page");
    let start = page.find("```json").expect("example") + "```json".len();
    let end = start + page[start..].find("```").expect("end of example");
    let plan = read_plan(&page.as_bytes()[start..end]).expect("the documented example opens");
    let action = &plan.priorities[0].activities()[0].actions()[0];
    assert_eq!(
        action.progress.as_ref().and_then(|p| p.status),
        Some(Status::OnTrack)
    );
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
    assert!(
        written.find("\"priorities\"").expect("priorities") < zeta,
        "unknown fields keep their place after known ones"
    );
}

#[test]
fn several_unknown_fields_keep_their_order_among_known_ones() {
    let text = r#"{"x_first": 1, "format": "plan-tracker/plan", "x_second": 2, "format_version": 1, "id": "p",
        "x_third": 3, "title": "T", "x_fourth": 4,
        "priorities": [{"a_note": 1, "id": "p1", "m_note": 2, "title": "One", "z_note": 3}]}"#;
    let written = write_plan(&read_plan(text.as_bytes()).expect("opens"));
    let position = |key: &str| {
        written
            .find(&format!("\"{key}\""))
            .unwrap_or_else(|| panic!("{key} kept"))
    };
    assert!(position("x_first") < position("x_second"));
    assert!(position("x_second") < position("x_third"));
    assert!(position("x_third") < position("x_fourth"));
    assert!(
        position("a_note") < position("m_note") && position("m_note") < position("z_note"),
        "{written}"
    );
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
    assert_eq!(
        written.matches("\"title\"").count(),
        2,
        "the plan's title and the priority's, once each"
    );
    assert_eq!(written.matches("\"x3\"").count(), 1);
    assert!(
        written.find("\"x2\"") < written.find("\"x3\"")
            && written.find("\"x3\"") < written.find("\"x4\""),
        "first place kept"
    );
}

#[test]
fn moments_keep_how_they_were_written() {
    let mut v = minimal();
    v["priorities"][0]["activities"][0]["progress"] = json!({ "status": "at_risk", "updated": "2016-11-02T10:00:00Z", "notes": [{"id": "n1", "at": "2016-11-02T11:00:00+01:00", "text": "ok"}] });
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
    assert_eq!(
        read_plan(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
        Err(ReadError::NotText)
    );
    assert_eq!(
        read_plan(b"PK\x03\x04\x14\0\x06\0"),
        Err(ReadError::NotText)
    );
    assert_eq!(
        read_plan(b"{\"title\": \"\xff\xfe\"}"),
        Err(ReadError::NotText)
    );
}

#[test]
fn broken_json_gives_line_and_column() {
    let text = "{\n  \"format\": \"plan-tracker/plan\",\n  \"title\": \"x\"\n  \"id\": 1\n}";
    match read_plan(text.as_bytes()) {
        Err(ReadError::Syntax { line, column, .. }) => assert_eq!((line, column), (4, 3)),
        other => panic!("{other:?}"),
    }
    let cut = &minimal().to_string()[..40];
    let message = read_plan(cut.as_bytes())
        .expect_err("cut short")
        .to_string();
    assert!(message.contains("cut short"), "{message}");
}

#[test]
fn deep_nesting_is_refused_with_a_message() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let message = read_plan(deep.as_bytes())
        .expect_err("too deep")
        .to_string();
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
    for text in [
        "[]",
        "42",
        "\"plan\"",
        "{\"name\": \"budget.xlsx\"}",
        "{\"format\": \"excalidraw\"}",
        "null",
    ] {
        assert_eq!(
            read_plan(text.as_bytes()),
            Err(ReadError::NotAPlan),
            "{text}"
        );
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
    assert_eq!(
        problems(&v),
        ["Plan: priorities are missing; a plan needs at least one priority"]
    );
    v["priorities"] = json!([]);
    assert_eq!(
        problems(&v),
        ["Plan: the plan has no priorities; it needs at least one"]
    );
    v["priorities"] = json!([{"title": "No id"}, "text"]);
    assert_eq!(
        problems(&v),
        [
            "Priority 1: id is missing; it is required",
            "Priority 2: must be an object with fields, not text"
        ]
    );
}

#[test]
fn notes_need_a_moment_and_text() {
    let mut v = minimal();
    v["priorities"][0]["activities"][0]["actions"][0]["progress"] = json!({"notes": [{"id": "n1", "at": "2016-11-02 10:00", "text": "x"}, {"id": "n2", "text": ""}]});
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
    assert_eq!(
        plan.title,
        "<script>alert(1)</script><img src=x onerror=alert(2)>"
    );
}

#[test]
fn long_bad_values_are_clipped_in_messages() {
    let mut v = minimal();
    v["priorities"][0]["activities"][0]["actions"][0]["due"]["date"] = json!("x".repeat(10_000));
    let found = problems(&v);
    assert!(found[0].len() < 200, "{}", found[0]);
}

#[test]
fn every_prefix_of_a_plan_is_refused_without_panicking() {
    let text = minimal().to_string();
    for end in 0..text.len() {
        assert!(
            read_plan(&text.as_bytes()[..end]).is_err(),
            "{}",
            &text[..end]
        );
    }
}

/// A plan with something in every optional place, for spoiling one value at a time.
fn full() -> Value {
    json!({
        "format": "plan-tracker/plan", "format_version": 1, "id": "example", "title": "Example plan",
        "period": { "start": "2016-04-01", "end": "2018-03-31" }, "published": "2016-05-01",
        "priorities": [{
            "id": "p1", "number": "1", "title": "Safe", "outcomes": ["Fewer"], "success": ["More"],
            "activities": [{
                "id": "p1-a1", "title": "MASH", "lead": { "organisation": "Police", "team": "T" }, "partners": ["Health"],
                "remarks": "Key measures: to be confirmed.", "measure_ids": ["m1"],
                "progress": { "status": "on_track", "percent": 40, "updated": "2016-11-22T10:00:00Z", "updated_by": "Sam",
                    "notes": [{ "id": "n1", "at": "2016-11-22T10:00:00Z", "text": "Started", "evidence": [{ "title": "Audit", "url": "https://example.org" }] }] },
                "actions": [{ "id": "p1-a1-k1", "title": "Co-locate", "due": { "label": "March 2017", "date": "2017-03-31" } }]
            }]
        }],
        "measures": [{ "id": "m1", "title": "Referrals", "unit": "%", "direction": "up",
            "baseline": { "period": "2015/16", "value": 40 }, "targets": [{ "period": "2016/17", "text": "Increase" }],
            "values": [{ "period": "Q1", "value": 41.5, "at": "2016-07-01T09:00:00Z" }],
            "comparators": [{ "name": "England", "value": 38.2 }], "priorities": [{ "id": "p1", "role": "primary" }] }],
        "orphaned_edits": [{ "id": "e1", "kind": "set_status", "item": "gone", "status": "complete" }]
    })
}

mod common;

proptest::proptest! {
    /// A plan with any one value replaced by any other JSON value opens (and
    /// then exports and reopens as the same plan) or lists its problems; it
    /// never panics.
    #[test]
    fn a_plan_with_any_value_replaced_opens_or_says_why(pick in proptest::prelude::any::<proptest::sample::Index>(), with in common::any_json()) {
        let mut plan = full();
        let all = common::paths(&plan);
        let path = pick.get(&all).clone();
        if let Some(slot) = common::at_path(&mut plan, &path) {
            *slot = with;
        }
        match read(&plan) {
            Ok(opened) => {
                let again = read_plan(write_plan(&opened).as_bytes()).expect("an opened plan always exports to a file that opens");
                proptest::prop_assert_eq!(again, opened);
            }
            Err(error) => proptest::prop_assert!(!error.problems().is_empty()),
        }
    }
}

#[test]
fn the_full_plan_opens() {
    read(&full()).expect("the plan the property test spoils opens as it is");
}

/// Numbers as Excel, JavaScript and people write them.
const AWKWARD: [&str; 12] = [
    "233.33333333333334",
    "994.819562949742703",
    "1e2",
    "1E+2",
    "-0",
    "-0.0",
    "18446744073709551616",
    "123456789012345678901234567890",
    "0.1e-5",
    "100.50",
    "5e-324",
    "1.7976931348623157e308",
];

#[test]
fn numbers_come_back_byte_for_byte() {
    let mut text = String::from(
        r#"{"format":"plan-tracker/plan","format_version":1,"id":"numbers","title":"Numbers","priorities":[{"id":"p1","title":"P"}],"measures":["#,
    );
    for (i, n) in AWKWARD.iter().enumerate() {
        if i > 0 {
            text.push(',');
        }
        text.push_str(&format!(r#"{{"id":"m{i}","title":"M{i}","values":[{{"period":"Q1","value":{n}}}],"comparators":[{{"name":"England","value":{n}}}],"x":{n},"y":[{n},{{"z":{n}}}]}}"#));
    }
    text.push_str(r#"],"unknown":[1e2,-0,18446744073709551616]}"#);
    let plan = read_plan(text.as_bytes()).expect("opens");
    let written = write_plan(&plan);
    // Every digit comes back as written; only an exponent is spelt the one
    // way serde_json writes it ("1e2" and "1E+2" as "1e+2": never "100.0").
    let spelt = |n: &String| {
        let n = n.replace('E', "e");
        if n.contains("e+") || n.contains("e-") {
            n
        } else {
            n.replace('e', "e+")
        }
    };
    assert_eq!(
        common::numbers_in(&written),
        common::numbers_in(&text)
            .iter()
            .map(spelt)
            .collect::<Vec<_>>()
    );
    // And the figures are the nearest doubles, not one off.
    assert_eq!(
        plan.measures()[0].values()[0]
            .value
            .as_ref()
            .and_then(|f| f.value()),
        Some(700.0 / 3.0)
    );
    assert_eq!(
        plan.measures()[1].values()[0]
            .value
            .as_ref()
            .and_then(|f| f.value()),
        Some(994.8195629497427), // the nearest double, written shortest
    );
    assert_eq!(read_plan(written.as_bytes()).expect("reopens"), plan);
}

#[test]
fn a_figure_beyond_a_double_is_kept_as_written() {
    let mut plan = minimal();
    plan["measures"][0]["values"] = json!([{ "period": "Q1", "value": 1 }]);
    let text = plan
        .to_string()
        .replace(r#""value":1"#, r#""value":1e400"#)
        .replacen('{', r#"{"huge":-1e400,"#, 1);
    let opened = read_plan(text.as_bytes()).expect("a number is a number, however large");
    let figure = opened.measures()[0].values()[0]
        .value
        .clone()
        .expect("kept");
    assert_eq!(
        (figure.as_written(), figure.value()),
        ("1e+400", None),
        "nothing to draw, nothing lost"
    );
    let written = write_plan(&opened);
    assert!(
        written.contains(r#""value": 1e+400"#) && written.contains(r#""huge": -1e+400"#),
        "{written}"
    );
}

#[test]
fn a_file_of_millions_of_values_is_refused_before_it_fills_memory() {
    let mut text = String::with_capacity(10_000_000);
    text.push('[');
    for _ in 0..4_500_000 {
        text.push_str("0,");
    }
    text.push_str("0]");
    match read_plan(text.as_bytes()) {
        Err(error @ ReadError::TooManyValues { .. }) => {
            assert!(error.to_string().contains("more than 4 million values"))
        }
        other => panic!("{other:?}"),
    }
}
