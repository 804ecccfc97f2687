//! The journal as browser storage keeps it: written by serde, read back by
//! `read_journal`. Journals already stored must keep reading, and nothing
//! stored, however damaged, may panic the page.

#![cfg(not(target_arch = "wasm32"))]

use chrono::NaiveDate;
use plan_tracker::plan::{Moment, Status};
use plan_tracker::progress::*;
use proptest::prelude::*;

fn at(text: &str) -> Moment {
    Moment::parse(text).expect("moment")
}

fn edit(id: &str, when: &str, change: Change) -> Edit {
    Edit { id: id.into(), at: at(when), by: "Sam Jones (Nottinghamshire Police)".into(), batch: None, change }
}

fn stored(journal: &Journal) -> String {
    serde_json::to_string(journal).expect("json")
}

/// A journal holding `edits` (written as stored JSON objects), for checking one edit at a time.
fn journal_text(edits: &str) -> String {
    format!(r#"{{"version":1,"plan_id":"p","edits":[{edits}]}}"#)
}

/// An edit's own fields, to which a test adds the change's.
const EDIT: &str = r#""id":"e1","at":"2016-11-22T10:00:00Z","by":"Sam","#;

fn every_change() -> Vec<Change> {
    let item = || "p1-a3-k1".to_owned();
    let mut changes: Vec<Change> =
        Status::ALL.into_iter().map(|s| Change::SetStatus { item: item(), status: Some(s) }).collect();
    changes.push(Change::SetStatus { item: item(), status: None });
    for percent in [Some(0), Some(45), Some(100), Some(255), None] {
        changes.push(Change::SetPercent { item: item(), percent });
    }
    changes.push(Change::AddNote { item: item(), note: NoteDraft { id: "n1".into(), text: "Started".into(), ..NoteDraft::default() } });
    changes.push(Change::AddNote {
        item: item(),
        note: NoteDraft {
            id: "n2".into(),
            text: "Line one\nLine \"two\" — café ✓ \u{1F600}".into(),
            status: Some(Status::OffTrack),
            evidence: vec![
                EvidenceDraft { title: Some("Audit".into()), source: Some("Council".into()), url: Some("https://example.org/a?b=c&d".into()) },
                EvidenceDraft::default(),
            ],
            corrects: Some("n1".into()),
        },
    });
    changes.push(Change::AddMeasureValue { measure: "m1".into(), value: ValueDraft::default() });
    for value in [41.5, 3.0, -0.25, 1e-7, 12_345_678.9] {
        changes.push(Change::AddMeasureValue {
            measure: "m1".into(),
            value: ValueDraft {
                period: Some("2016/17 Q2".into()),
                value: Some(value),
                text: Some("41.5%".into()),
                date: NaiveDate::from_ymd_opt(2016, 9, 30),
            },
        });
    }
    changes.push(Change::AddMeasureValue {
        measure: "m1".into(),
        value: ValueDraft { text: Some("Not yet published".into()), ..ValueDraft::default() },
    });
    changes
}

#[test]
fn every_change_reads_back_as_stored() {
    let mut journal = Journal::new("notts-cypf-2016-18");
    for (i, change) in every_change().into_iter().enumerate() {
        let mut e = edit(&format!("e{i}"), "2016-11-22T10:00:00.250+01:00", change);
        e.batch = (i % 2 == 0).then(|| "update-1".to_owned());
        journal.record(e);
    }
    let text = stored(&journal);
    assert_eq!(read_journal(&text), Some(journal.clone()));

    journal.mark_exported_through(Some("e3".into()), at("2016-11-22T12:00:00Z"));
    let text = stored(&journal);
    let back = read_journal(&text).expect("reads back");
    assert_eq!(back, journal);
    // Moments compare by instant; the text they were written in is kept too.
    assert_eq!(stored(&back), text);
}

#[test]
fn an_empty_journal_reads_back() {
    let journal = Journal::new("p");
    assert_eq!(read_journal(&stored(&journal)), Some(journal));
}

/// A journal as this version of the app stores it, written out by hand.
const STORED: &str = concat!(
    r#"{"version":1,"plan_id":"notts-cypf-2016-18","edits":["#,
    r#"{"id":"e1","at":"2016-11-22T10:00:00Z","by":"Sam Jones (Nottinghamshire Police)","kind":"set_status","item":"p1-a3-k1","status":"at_risk"},"#,
    r#"{"id":"e2","at":"2016-11-22T10:01:00.250+01:00","by":"Sam","batch":"b1","kind":"set_percent","item":"p1-a3-k1","percent":40},"#,
    r#"{"id":"e3","at":"2016-11-22T10:01:00.250+01:00","by":"Sam","batch":"b1","kind":"set_status","item":"p1-a3-k1","status":null},"#,
    r#"{"id":"e4","at":"2016-11-22T10:02:00Z","by":"Sam","kind":"set_percent","item":"p1-a3-k1","percent":null},"#,
    r#"{"id":"e5","at":"2016-11-22T10:03:00Z","by":"Sam","kind":"add_note","item":"p1-a3","note":{"id":"n1","text":"Co-located"}},"#,
    r#"{"id":"e6","at":"2016-11-22T10:04:00Z","by":"Sam","kind":"add_note","item":"p1-a3","note":{"id":"n2","text":"Co-located in November","status":"on_track","evidence":[{"title":"Audit","url":"https://example.org/a"},{"source":"Board minutes"}],"corrects":"n1"}},"#,
    r#"{"id":"e7","at":"2016-11-22T10:05:00Z","by":"Sam","kind":"add_measure_value","measure":"m1","value":{"period":"2016/17 Q2","value":41.5,"text":"41.5%","date":"2016-09-30"}},"#,
    r#"{"id":"e8","at":"2016-11-22T10:06:00Z","by":"Sam","kind":"add_measure_value","measure":"m1","value":{}}"#,
    r#"],"exported_through":"e2","last_export":"2016-11-22T12:00:00Z"}"#,
);

fn expected_stored() -> Journal {
    let note = |id: &str, text: &str| NoteDraft { id: id.into(), text: text.into(), ..NoteDraft::default() };
    let by = |mut e: Edit, by: &str, batch: Option<&str>| {
        e.by = by.into();
        e.batch = batch.map(str::to_owned);
        e
    };
    let item = || "p1-a3-k1".to_owned();
    let edits = vec![
        edit("e1", "2016-11-22T10:00:00Z", Change::SetStatus { item: item(), status: Some(Status::AtRisk) }),
        by(edit("e2", "2016-11-22T10:01:00.250+01:00", Change::SetPercent { item: item(), percent: Some(40) }), "Sam", Some("b1")),
        by(edit("e3", "2016-11-22T10:01:00.250+01:00", Change::SetStatus { item: item(), status: None }), "Sam", Some("b1")),
        by(edit("e4", "2016-11-22T10:02:00Z", Change::SetPercent { item: item(), percent: None }), "Sam", None),
        by(edit("e5", "2016-11-22T10:03:00Z", Change::AddNote { item: "p1-a3".into(), note: note("n1", "Co-located") }), "Sam", None),
        by(
            edit("e6", "2016-11-22T10:04:00Z", Change::AddNote {
                item: "p1-a3".into(),
                note: NoteDraft {
                    status: Some(Status::OnTrack),
                    evidence: vec![
                        EvidenceDraft { title: Some("Audit".into()), source: None, url: Some("https://example.org/a".into()) },
                        EvidenceDraft { source: Some("Board minutes".into()), ..EvidenceDraft::default() },
                    ],
                    corrects: Some("n1".into()),
                    ..note("n2", "Co-located in November")
                },
            }),
            "Sam",
            None,
        ),
        by(
            edit("e7", "2016-11-22T10:05:00Z", Change::AddMeasureValue {
                measure: "m1".into(),
                value: ValueDraft {
                    period: Some("2016/17 Q2".into()),
                    value: Some(41.5),
                    text: Some("41.5%".into()),
                    date: NaiveDate::from_ymd_opt(2016, 9, 30),
                },
            }),
            "Sam",
            None,
        ),
        by(edit("e8", "2016-11-22T10:06:00Z", Change::AddMeasureValue { measure: "m1".into(), value: ValueDraft::default() }), "Sam", None),
    ];
    Journal {
        version: JOURNAL_VERSION,
        plan_id: "notts-cypf-2016-18".into(),
        edits,
        exported_through: Some("e2".into()),
        last_export: Some(at("2016-11-22T12:00:00Z")),
    }
}

#[test]
fn journals_already_stored_keep_reading() {
    assert_eq!(read_journal(STORED), Some(expected_stored()));
    // And the stored form itself has not changed.
    assert_eq!(stored(&expected_stored()), STORED);
}

#[test]
fn what_the_stored_form_may_leave_out_or_add_is_accepted() {
    // Fields serde skipped or defaulted, and fields it ignored.
    let text = concat!(
        r#"{"plan_id":"p","note":"unknown fields are ignored","edits":["#,
        r#"{"kind":"set_status","item":"a","id":"e1","by":"Sam","at":"2016-11-22T10:00:00Z","from":"another tab"},"#,
        r#"{"id":"e2","at":"2016-11-22T10:00:00Z","by":"Sam","batch":null,"kind":"set_percent","item":"a"},"#,
        r#"{"id":"e3","at":"2016-11-22T10:00:00Z","by":"Sam","kind":"add_note","item":"a","note":{"id":"n","text":"t","status":null,"corrects":null,"x":[1,{}]}},"#,
        r#"{"id":"e4","at":"2016-11-22T10:00:00Z","by":"Sam","kind":"add_note","item":"a","note":{"id":"n","text":"t","evidence":[]}},"#,
        r#"{"id":"e5","at":"2016-11-22T10:00:00Z","by":"Sam","kind":"add_measure_value","measure":"m","value":{"value":7,"date":null,"period":null,"text":null,"x":1}}"#,
        r#"],"version":1,"exported_through":null,"last_export":null}"#,
    );
    let note = NoteDraft { id: "n".into(), text: "t".into(), ..NoteDraft::default() };
    let sam = |mut e: Edit| {
        e.by = "Sam".into();
        e
    };
    let expected = Journal {
        version: 1,
        plan_id: "p".into(),
        edits: vec![
            sam(edit("e1", "2016-11-22T10:00:00Z", Change::SetStatus { item: "a".into(), status: None })),
            sam(edit("e2", "2016-11-22T10:00:00Z", Change::SetPercent { item: "a".into(), percent: None })),
            sam(edit("e3", "2016-11-22T10:00:00Z", Change::AddNote { item: "a".into(), note: note.clone() })),
            sam(edit("e4", "2016-11-22T10:00:00Z", Change::AddNote { item: "a".into(), note })),
            sam(edit("e5", "2016-11-22T10:00:00Z", Change::AddMeasureValue {
                measure: "m".into(),
                value: ValueDraft { value: Some(7.0), ..ValueDraft::default() },
            })),
        ],
        exported_through: None,
        last_export: None,
    };
    assert_eq!(read_journal(text), Some(expected));
}

#[test]
fn what_is_not_a_journal_is_refused() {
    let not_journals = [
        "", "   ", "null", "1", "\"journal\"", "[]", "{}", "{not json", "\u{0}",
        // The journal's own fields.
        r#"{"version":0,"plan_id":"p","edits":[]}"#,
        r#"{"version":2,"plan_id":"p","edits":[]}"#,
        r#"{"version":"1","plan_id":"p","edits":[]}"#,
        r#"{"version":1.0,"plan_id":"p","edits":[]}"#,
        r#"{"version":-1,"plan_id":"p","edits":[]}"#,
        r#"{"version":4294967297,"plan_id":"p","edits":[]}"#,
        r#"{"plan_id":"p","edits":[]}"#,
        r#"{"version":1,"edits":[]}"#,
        r#"{"version":1,"plan_id":null,"edits":[]}"#,
        r#"{"version":1,"plan_id":7,"edits":[]}"#,
        r#"{"version":1,"plan_id":"p"}"#,
        r#"{"version":1,"plan_id":"p","edits":null}"#,
        r#"{"version":1,"plan_id":"p","edits":{}}"#,
        r#"{"version":1,"plan_id":"p","edits":[],"exported_through":3}"#,
        r#"{"version":1,"plan_id":"p","edits":[],"last_export":"yesterday"}"#,
        r#"{"version":1,"plan_id":"p","edits":[],"last_export":"2016-11-22"}"#,
        r#"{"version":1,"plan_id":"p","edits":[],"last_export":0}"#,
        r#"{"version":1,"plan_id":"p","edits":[]} trailing"#,
        r#"{"version":1,"plan_id":"p","edits":[],}"#,
    ];
    for text in not_journals {
        assert_eq!(read_journal(text), None, "{text}");
    }
}

#[test]
fn an_edit_that_is_not_an_edit_refuses_the_journal() {
    // Each bad edit is paired with the good edit it was spoiled from, so each
    // refusal is for the reason given.
    let set_status = r#""kind":"set_status","item":"a","status":"on_track""#;
    let cases: &[(&str, &str)] = &[
        (&format!("{{{EDIT}{set_status}}}"), "1"),
        (&format!("{{{EDIT}{set_status}}}"), "[]"),
        (&format!("{{{EDIT}{set_status}}}"), r#"{"kind":"set_status","item":"a"}"#),
        (&format!("{{{EDIT}{set_status}}}"), &format!(r#"{{"at":"2016-11-22T10:00:00Z","by":"Sam",{set_status}}}"#)),
        (&format!("{{{EDIT}{set_status}}}"), &format!(r#"{{"id":"e1","by":"Sam",{set_status}}}"#)),
        (&format!("{{{EDIT}{set_status}}}"), &format!(r#"{{"id":"e1","at":"2016-11-22T10:00:00Z",{set_status}}}"#)),
        (&format!("{{{EDIT}{set_status}}}"), &format!(r#"{{"id":1,"at":"2016-11-22T10:00:00Z","by":"Sam",{set_status}}}"#)),
        (&format!("{{{EDIT}{set_status}}}"), &format!(r#"{{"id":"e1","at":"22/11/2016 10:00","by":"Sam",{set_status}}}"#)),
        (&format!("{{{EDIT}{set_status}}}"), &format!(r#"{{"id":"e1","at":"2016-11-22T10:00:00","by":"Sam",{set_status}}}"#)),
        (&format!(r#"{{{EDIT}"batch":"b",{set_status}}}"#), &format!(r#"{{{EDIT}"batch":1,{set_status}}}"#)),
        // The kind of change.
        (&format!("{{{EDIT}{set_status}}}"), &format!(r#"{{{EDIT}"item":"a","status":"on_track"}}"#)),
        (&format!("{{{EDIT}{set_status}}}"), &format!(r#"{{{EDIT}"kind":"delete","item":"a"}}"#)),
        (&format!("{{{EDIT}{set_status}}}"), &format!(r#"{{{EDIT}"kind":"SetStatus","item":"a"}}"#)),
        (&format!("{{{EDIT}{set_status}}}"), &format!(r#"{{{EDIT}"kind":null,"item":"a"}}"#)),
        (&format!("{{{EDIT}{set_status}}}"), &format!(r#"{{{EDIT}"kind":0,"item":"a"}}"#)),
        // Statuses and percentages.
        (&format!("{{{EDIT}{set_status}}}"), &format!(r#"{{{EDIT}"kind":"set_status","status":"on_track"}}"#)),
        (&format!("{{{EDIT}{set_status}}}"), &format!(r#"{{{EDIT}"kind":"set_status","item":null,"status":"on_track"}}"#)),
        (&format!("{{{EDIT}{set_status}}}"), &format!(r#"{{{EDIT}"kind":"set_status","item":"a","status":"On track"}}"#)),
        (&format!("{{{EDIT}{set_status}}}"), &format!(r#"{{{EDIT}"kind":"set_status","item":"a","status":"done"}}"#)),
        (&format!("{{{EDIT}{set_status}}}"), &format!(r#"{{{EDIT}"kind":"set_status","item":"a","status":""}}"#)),
        (&format!("{{{EDIT}{set_status}}}"), &format!(r#"{{{EDIT}"kind":"set_status","item":"a","status":1}}"#)),
        (&format!(r#"{{{EDIT}"kind":"set_percent","item":"a","percent":255}}"#), &format!(r#"{{{EDIT}"kind":"set_percent","item":"a","percent":256}}"#)),
        (&format!(r#"{{{EDIT}"kind":"set_percent","item":"a","percent":0}}"#), &format!(r#"{{{EDIT}"kind":"set_percent","item":"a","percent":-1}}"#)),
        (&format!(r#"{{{EDIT}"kind":"set_percent","item":"a","percent":40}}"#), &format!(r#"{{{EDIT}"kind":"set_percent","item":"a","percent":40.5}}"#)),
        (&format!(r#"{{{EDIT}"kind":"set_percent","item":"a","percent":40}}"#), &format!(r#"{{{EDIT}"kind":"set_percent","item":"a","percent":40.0}}"#)),
        (&format!(r#"{{{EDIT}"kind":"set_percent","item":"a","percent":40}}"#), &format!(r#"{{{EDIT}"kind":"set_percent","item":"a","percent":"40"}}"#)),
        // Notes.
        (&format!(r#"{{{EDIT}"kind":"add_note","item":"a","note":{{"id":"n","text":"t"}}}}"#), &format!(r#"{{{EDIT}"kind":"add_note","item":"a"}}"#)),
        (&format!(r#"{{{EDIT}"kind":"add_note","item":"a","note":{{"id":"n","text":"t"}}}}"#), &format!(r#"{{{EDIT}"kind":"add_note","item":"a","note":null}}"#)),
        (&format!(r#"{{{EDIT}"kind":"add_note","item":"a","note":{{"id":"n","text":"t"}}}}"#), &format!(r#"{{{EDIT}"kind":"add_note","item":"a","note":"t"}}"#)),
        (&format!(r#"{{{EDIT}"kind":"add_note","item":"a","note":{{"id":"n","text":"t"}}}}"#), &format!(r#"{{{EDIT}"kind":"add_note","note":{{"id":"n","text":"t"}}}}"#)),
        (&format!(r#"{{{EDIT}"kind":"add_note","item":"a","note":{{"id":"n","text":"t"}}}}"#), &format!(r#"{{{EDIT}"kind":"add_note","item":"a","note":{{"text":"t"}}}}"#)),
        (&format!(r#"{{{EDIT}"kind":"add_note","item":"a","note":{{"id":"n","text":"t"}}}}"#), &format!(r#"{{{EDIT}"kind":"add_note","item":"a","note":{{"id":"n"}}}}"#)),
        (&format!(r#"{{{EDIT}"kind":"add_note","item":"a","note":{{"id":"n","text":"t"}}}}"#), &format!(r#"{{{EDIT}"kind":"add_note","item":"a","note":{{"id":"n","text":"t","status":"closed"}}}}"#)),
        (&format!(r#"{{{EDIT}"kind":"add_note","item":"a","note":{{"id":"n","text":"t"}}}}"#), &format!(r#"{{{EDIT}"kind":"add_note","item":"a","note":{{"id":"n","text":"t","corrects":5}}}}"#)),
        (&format!(r#"{{{EDIT}"kind":"add_note","item":"a","note":{{"id":"n","text":"t","evidence":[]}}}}"#), &format!(r#"{{{EDIT}"kind":"add_note","item":"a","note":{{"id":"n","text":"t","evidence":null}}}}"#)),
        (&format!(r#"{{{EDIT}"kind":"add_note","item":"a","note":{{"id":"n","text":"t","evidence":[]}}}}"#), &format!(r#"{{{EDIT}"kind":"add_note","item":"a","note":{{"id":"n","text":"t","evidence":{{}}}}}}"#)),
        (&format!(r#"{{{EDIT}"kind":"add_note","item":"a","note":{{"id":"n","text":"t","evidence":[{{}}]}}}}"#), &format!(r#"{{{EDIT}"kind":"add_note","item":"a","note":{{"id":"n","text":"t","evidence":[1]}}}}"#)),
        (&format!(r#"{{{EDIT}"kind":"add_note","item":"a","note":{{"id":"n","text":"t","evidence":[{{"title":"T"}}]}}}}"#), &format!(r#"{{{EDIT}"kind":"add_note","item":"a","note":{{"id":"n","text":"t","evidence":[{{"title":1}}]}}}}"#)),
        (&format!(r#"{{{EDIT}"kind":"add_note","item":"a","note":{{"id":"n","text":"t","evidence":[{{"url":"u"}}]}}}}"#), &format!(r#"{{{EDIT}"kind":"add_note","item":"a","note":{{"id":"n","text":"t","evidence":[{{"url":["u"]}}]}}}}"#)),
        // Measure values.
        (&format!(r#"{{{EDIT}"kind":"add_measure_value","measure":"m","value":{{}}}}"#), &format!(r#"{{{EDIT}"kind":"add_measure_value","value":{{}}}}"#)),
        (&format!(r#"{{{EDIT}"kind":"add_measure_value","measure":"m","value":{{}}}}"#), &format!(r#"{{{EDIT}"kind":"add_measure_value","measure":"m"}}"#)),
        (&format!(r#"{{{EDIT}"kind":"add_measure_value","measure":"m","value":{{}}}}"#), &format!(r#"{{{EDIT}"kind":"add_measure_value","measure":"m","value":41.5}}"#)),
        (&format!(r#"{{{EDIT}"kind":"add_measure_value","measure":"m","value":{{"value":41.5}}}}"#), &format!(r#"{{{EDIT}"kind":"add_measure_value","measure":"m","value":{{"value":"41.5"}}}}"#)),
        (&format!(r#"{{{EDIT}"kind":"add_measure_value","measure":"m","value":{{"period":"Q2"}}}}"#), &format!(r#"{{{EDIT}"kind":"add_measure_value","measure":"m","value":{{"period":2}}}}"#)),
        (&format!(r#"{{{EDIT}"kind":"add_measure_value","measure":"m","value":{{"date":"2016-09-30"}}}}"#), &format!(r#"{{{EDIT}"kind":"add_measure_value","measure":"m","value":{{"date":"30/09/2016"}}}}"#)),
        (&format!(r#"{{{EDIT}"kind":"add_measure_value","measure":"m","value":{{"date":"2016-09-30"}}}}"#), &format!(r#"{{{EDIT}"kind":"add_measure_value","measure":"m","value":{{"date":"2016-09-31"}}}}"#)),
        (&format!(r#"{{{EDIT}"kind":"add_measure_value","measure":"m","value":{{"date":"2016-09-30"}}}}"#), &format!(r#"{{{EDIT}"kind":"add_measure_value","measure":"m","value":{{"date":""}}}}"#)),
        (&format!(r#"{{{EDIT}"kind":"add_measure_value","measure":"m","value":{{"date":"2016-09-30"}}}}"#), &format!(r#"{{{EDIT}"kind":"add_measure_value","measure":"m","value":{{"date":20160930}}}}"#)),
    ];
    for (good, bad) in cases {
        assert!(read_journal(&journal_text(good)).is_some(), "{good}");
        assert_eq!(read_journal(&journal_text(bad)), None, "{bad}");
        // One bad edit among good ones still refuses the whole journal.
        assert_eq!(read_journal(&journal_text(&format!("{good},{bad},{good}"))), None, "{bad}");
    }
}

#[test]
fn deeply_nested_text_is_refused_without_overflowing_the_stack() {
    let deep = |depth: usize| format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    let deep_object = |depth: usize| format!("{}1{}", r#"{"a":"#.repeat(depth), "}".repeat(depth));
    for nested in [deep(100_000), deep_object(100_000)] {
        assert_eq!(read_journal(&nested), None);
        assert_eq!(read_journal(&format!(r#"{{"version":1,"plan_id":"p","edits":[],"x":{nested}}}"#)), None);
        assert_eq!(read_journal(&journal_text(&format!(r#"{{{EDIT}"kind":"set_status","item":"a","x":{nested}}}"#))), None);
        let note = format!(r#"{{{EDIT}"kind":"add_note","item":"a","note":{{"id":"n","text":"t","evidence":[{{"x":{nested}}}]}}}}"#);
        assert_eq!(read_journal(&journal_text(&note)), None);
    }
    // Nesting that serde_json allows reads as usual when it is in a field nobody reads.
    assert!(read_journal(&format!(r#"{{"version":1,"plan_id":"p","edits":[],"x":{}}}"#, deep(100))).is_some());
}

#[test]
fn a_journal_cut_short_is_refused() {
    for end in 0..STORED.len() {
        if let Some(start) = STORED.get(..end) {
            assert_eq!(read_journal(start), None, "{start}");
        }
    }
}

#[test]
fn statuses_are_stored_by_their_codes() {
    // The reader looks statuses up by code; serde writes them by name.
    for status in Status::ALL {
        assert_eq!(serde_json::to_string(&status).expect("json"), format!("\"{}\"", status.code()));
    }
}

proptest! {
    #[test]
    fn any_text_reads_or_is_refused_without_panicking(text in "\\PC*") {
        let _ = read_journal(&text);
    }

    #[test]
    fn a_damaged_journal_reads_or_is_refused_without_panicking(
        at in 0..STORED.len(),
        with in prop::sample::select(vec!["", "{", "}", "[", "]", "\"", ",", ":", "null", "0", "-1", "1e999", "\\", "\\u", "é", "💥"]),
    ) {
        let mut damaged = STORED.to_owned();
        damaged.replace_range(at..=at, with);
        let _ = read_journal(&damaged);
    }
}
