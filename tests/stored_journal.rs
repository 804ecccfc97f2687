//! The journal as browser storage keeps it: written by serde, read back by
//! `read_journal`. Journals already stored must keep reading, and nothing
//! stored, however damaged, may panic the page.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use chrono::NaiveDate;
use common::{any_json, at_path, paths};
use plan_tracker::plan::figure::Figure;
use plan_tracker::plan::{Moment, Status};
use plan_tracker::progress::*;
use proptest::prelude::*;

fn at(text: &str) -> Moment {
    Moment::parse(text).expect("moment")
}

fn edit(id: &str, when: &str, change: Change) -> Edit {
    Edit {
        id: id.into(),
        at: at(when),
        by: "Sam Jones (Nottinghamshire Police)".into(),
        batch: None,
        session: None,
        change,
    }
}

fn stored(journal: &Journal) -> String {
    serde_json::to_string(journal).expect("json")
}

/// A journal holding `edits` (written as stored JSON objects), for checking one edit at a time.
fn journal_text(edits: &str) -> String {
    format!(r#"{{"version":2,"plan_id":"p","edits":[{edits}]}}"#)
}

/// An edit's own fields, to which a test adds the change's.
const EDIT: &str = r#""id":"e1","at":"2016-11-22T10:00:00Z","by":"Sam","#;

fn every_change() -> Vec<Change> {
    let item = || "p1-a3-k1".to_owned();
    let mut changes: Vec<Change> = Status::ALL
        .into_iter()
        .map(|s| Change::SetStatus {
            item: item(),
            status: Some(s),
        })
        .collect();
    changes.push(Change::SetStatus {
        item: item(),
        status: None,
    });
    for percent in [Some(0), Some(45), Some(100), Some(255), None] {
        changes.push(Change::SetPercent {
            item: item(),
            percent,
        });
    }
    changes.push(Change::AddNote {
        item: item(),
        note: NoteDraft {
            id: "n1".into(),
            text: "Started".into(),
            ..NoteDraft::default()
        },
    });
    changes.push(Change::AddNote {
        item: item(),
        note: NoteDraft {
            id: "n2".into(),
            text: "Line one\nLine \"two\" — café ✓ \u{1F600}".into(),
            status: Some(Status::OffTrack),
            evidence: vec![
                EvidenceDraft {
                    title: Some("Audit".into()),
                    source: Some("Council".into()),
                    url: Some("https://example.org/a?b=c&d".into()),
                },
                EvidenceDraft::default(),
            ],
            corrects: Some("n1".into()),
        },
    });
    changes.push(Change::AddMeasureValue {
        measure: "m1".into(),
        value: ValueDraft::default(),
    });
    for value in [41.5, 3.0, -0.25, 1e-7, 12_345_678.9] {
        changes.push(Change::AddMeasureValue {
            measure: "m1".into(),
            value: ValueDraft {
                period: Some("2016/17 Q2".into()),
                value: Figure::new(value),
                text: Some("41.5%".into()),
                date: NaiveDate::from_ymd_opt(2016, 9, 30),
            },
        });
    }
    changes.push(Change::AddMeasureValue {
        measure: "m1".into(),
        value: ValueDraft {
            text: Some("Not yet published".into()),
            ..ValueDraft::default()
        },
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

    journal.mark_exported(
        ["e1".to_owned(), "e3".to_owned()],
        at("2016-11-22T12:00:00Z"),
    );
    let session = journal.edits[3].session.insert("tab-1".to_owned()).clone();
    assert_eq!(
        journal.undo(&session, at("2016-11-22T12:30:00Z")),
        0,
        "e3 is exported"
    );
    journal.edits[4].session = Some(session.clone());
    assert_eq!(journal.undo(&session, at("2016-11-22T12:30:00Z")), 1);
    journal.discard(at("2016-11-22T12:45:00Z"));
    journal.record(edit(
        "e-after",
        "2016-11-22T13:00:00Z",
        Change::SetStatus {
            item: "p1-a3-k1".into(),
            status: None,
        },
    ));
    let text = stored(&journal);
    let back = read_journal(&text).expect("reads back");
    assert_eq!(back, journal);
    assert_eq!(back.withdrawn.len(), every_change().len());
    let why = |id: &str| back.withdrawn.iter().find(|w| w.edit == id).map(|w| w.why);
    assert_eq!(why("e4"), Some(Withdrawn::Undone));
    assert_eq!(why("e0"), Some(Withdrawn::Discarded));
    // Moments compare by instant; the text they were written in is kept too.
    assert_eq!(stored(&back), text);
}

#[test]
fn an_empty_journal_reads_back() {
    let journal = Journal::new("p");
    assert_eq!(read_journal(&stored(&journal)), Some(journal));
}

/// A journal as version 1 of the stored form had it, written out by hand:
/// an export mark by position ("exported_through"), no tab sessions and no
/// withdrawals.
const STORED_V1: &str = concat!(
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

/// The same journal as this version stores it, written out by hand, with a
/// tab session on e8 and one edit taken back.
const STORED: &str = concat!(
    r#"{"version":2,"plan_id":"notts-cypf-2016-18","edits":["#,
    r#"{"id":"e1","at":"2016-11-22T10:00:00Z","by":"Sam Jones (Nottinghamshire Police)","kind":"set_status","item":"p1-a3-k1","status":"at_risk"},"#,
    r#"{"id":"e2","at":"2016-11-22T10:01:00.250+01:00","by":"Sam","batch":"b1","kind":"set_percent","item":"p1-a3-k1","percent":40},"#,
    r#"{"id":"e3","at":"2016-11-22T10:01:00.250+01:00","by":"Sam","batch":"b1","kind":"set_status","item":"p1-a3-k1","status":null},"#,
    r#"{"id":"e4","at":"2016-11-22T10:02:00Z","by":"Sam","kind":"set_percent","item":"p1-a3-k1","percent":null},"#,
    r#"{"id":"e5","at":"2016-11-22T10:03:00Z","by":"Sam","kind":"add_note","item":"p1-a3","note":{"id":"n1","text":"Co-located"}},"#,
    r#"{"id":"e6","at":"2016-11-22T10:04:00Z","by":"Sam","kind":"add_note","item":"p1-a3","note":{"id":"n2","text":"Co-located in November","status":"on_track","evidence":[{"title":"Audit","url":"https://example.org/a"},{"source":"Board minutes"}],"corrects":"n1"}},"#,
    r#"{"id":"e7","at":"2016-11-22T10:05:00Z","by":"Sam","kind":"add_measure_value","measure":"m1","value":{"period":"2016/17 Q2","value":41.5,"text":"41.5%","date":"2016-09-30"}},"#,
    r#"{"id":"e8","at":"2016-11-22T10:06:00Z","by":"Sam","session":"tab-1","kind":"add_measure_value","measure":"m1","value":{}}"#,
    r#"],"withdrawn":[{"edit":"e0","at":"2016-11-22T10:07:00Z","why":"undone"}],"exported":["e1","e2"],"last_export":"2016-11-22T12:00:00Z"}"#,
);

fn expected_stored() -> Journal {
    let note = |id: &str, text: &str| NoteDraft {
        id: id.into(),
        text: text.into(),
        ..NoteDraft::default()
    };
    let by = |mut e: Edit, by: &str, batch: Option<&str>| {
        e.by = by.into();
        e.batch = batch.map(str::to_owned);
        e
    };
    let item = || "p1-a3-k1".to_owned();
    let edits = vec![
        edit(
            "e1",
            "2016-11-22T10:00:00Z",
            Change::SetStatus {
                item: item(),
                status: Some(Status::AtRisk),
            },
        ),
        by(
            edit(
                "e2",
                "2016-11-22T10:01:00.250+01:00",
                Change::SetPercent {
                    item: item(),
                    percent: Some(40),
                },
            ),
            "Sam",
            Some("b1"),
        ),
        by(
            edit(
                "e3",
                "2016-11-22T10:01:00.250+01:00",
                Change::SetStatus {
                    item: item(),
                    status: None,
                },
            ),
            "Sam",
            Some("b1"),
        ),
        by(
            edit(
                "e4",
                "2016-11-22T10:02:00Z",
                Change::SetPercent {
                    item: item(),
                    percent: None,
                },
            ),
            "Sam",
            None,
        ),
        by(
            edit(
                "e5",
                "2016-11-22T10:03:00Z",
                Change::AddNote {
                    item: "p1-a3".into(),
                    note: note("n1", "Co-located"),
                },
            ),
            "Sam",
            None,
        ),
        by(
            edit(
                "e6",
                "2016-11-22T10:04:00Z",
                Change::AddNote {
                    item: "p1-a3".into(),
                    note: NoteDraft {
                        status: Some(Status::OnTrack),
                        evidence: vec![
                            EvidenceDraft {
                                title: Some("Audit".into()),
                                source: None,
                                url: Some("https://example.org/a".into()),
                            },
                            EvidenceDraft {
                                source: Some("Board minutes".into()),
                                ..EvidenceDraft::default()
                            },
                        ],
                        corrects: Some("n1".into()),
                        ..note("n2", "Co-located in November")
                    },
                },
            ),
            "Sam",
            None,
        ),
        by(
            edit(
                "e7",
                "2016-11-22T10:05:00Z",
                Change::AddMeasureValue {
                    measure: "m1".into(),
                    value: ValueDraft {
                        period: Some("2016/17 Q2".into()),
                        value: Figure::new(41.5),
                        text: Some("41.5%".into()),
                        date: NaiveDate::from_ymd_opt(2016, 9, 30),
                    },
                },
            ),
            "Sam",
            None,
        ),
        by(
            edit(
                "e8",
                "2016-11-22T10:06:00Z",
                Change::AddMeasureValue {
                    measure: "m1".into(),
                    value: ValueDraft::default(),
                },
            ),
            "Sam",
            None,
        ),
    ];
    Journal {
        version: JOURNAL_VERSION,
        plan_id: "notts-cypf-2016-18".into(),
        edits,
        withdrawn: Vec::new(),
        exported: vec!["e1".to_owned(), "e2".to_owned()],
        last_export: Some(at("2016-11-22T12:00:00Z")),
        made_here: false,
    }
}

#[test]
fn journals_stored_by_the_first_version_are_read_and_upgraded() {
    // Everything up to the "exported through" edit counts as exported.
    assert_eq!(read_journal(STORED_V1), Some(expected_stored()));
    let expected = expected_stored();
    let unexported: Vec<&str> = expected.unexported().map(|e| e.id.as_str()).collect();
    assert_eq!(unexported, ["e3", "e4", "e5", "e6", "e7", "e8"]);
}

#[test]
fn journals_already_stored_keep_reading() {
    let mut expected = expected_stored();
    expected.edits[7].session = Some("tab-1".into());
    expected.withdrawn.push(Withdrawal {
        edit: "e0".into(),
        at: at("2016-11-22T10:07:00Z"),
        why: Withdrawn::Undone,
    });
    assert_eq!(read_journal(STORED), Some(expected.clone()));
    // And the stored form itself has not changed.
    assert_eq!(stored(&expected), STORED);
}

#[test]
fn a_stored_edit_that_was_also_taken_back_stays_taken_back() {
    let both = STORED.replace(r#"{"edit":"e0""#, r#"{"edit":"e5""#);
    assert_ne!(both, STORED);
    let journal = read_journal(&both).expect("reads");
    assert!(journal.edits.iter().all(|e| e.id != "e5"));
    assert!(journal.is_withdrawn("e5"));
}

#[test]
fn a_plan_made_here_is_still_known_as_one_after_a_reload() {
    let mut journal = Journal::new("p");
    journal.made_here = true;
    let text = stored(&journal);
    assert!(text.contains(r#""made_here":true"#));
    assert_eq!(read_journal(&text), Some(journal));
    // Left out when false, as every journal stored before it was.
    assert!(!stored(&Journal::new("p")).contains("made_here"));
    let not_a_flag = r#"{"version":2,"plan_id":"p","edits":[],"made_here":"yes"}"#;
    assert_eq!(read_journal(not_a_flag), None);
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
        r#"],"version":2,"exported":[],"withdrawn":[],"last_export":null}"#,
    );
    let note = NoteDraft {
        id: "n".into(),
        text: "t".into(),
        ..NoteDraft::default()
    };
    let sam = |mut e: Edit| {
        e.by = "Sam".into();
        e
    };
    let expected = Journal {
        version: JOURNAL_VERSION,
        plan_id: "p".into(),
        edits: vec![
            sam(edit(
                "e1",
                "2016-11-22T10:00:00Z",
                Change::SetStatus {
                    item: "a".into(),
                    status: None,
                },
            )),
            sam(edit(
                "e2",
                "2016-11-22T10:00:00Z",
                Change::SetPercent {
                    item: "a".into(),
                    percent: None,
                },
            )),
            sam(edit(
                "e3",
                "2016-11-22T10:00:00Z",
                Change::AddNote {
                    item: "a".into(),
                    note: note.clone(),
                },
            )),
            sam(edit(
                "e4",
                "2016-11-22T10:00:00Z",
                Change::AddNote {
                    item: "a".into(),
                    note,
                },
            )),
            sam(edit(
                "e5",
                "2016-11-22T10:00:00Z",
                Change::AddMeasureValue {
                    measure: "m".into(),
                    value: ValueDraft {
                        value: Some(Figure::from_number(7.into())),
                        ..ValueDraft::default()
                    },
                },
            )),
        ],
        withdrawn: Vec::new(),
        exported: Vec::new(),
        last_export: None,
        made_here: false,
    };
    assert_eq!(read_journal(text), Some(expected));
}

#[test]
fn what_is_not_a_journal_is_refused() {
    let not_journals = [
        "",
        "   ",
        "null",
        "1",
        "\"journal\"",
        "[]",
        "{}",
        "{not json",
        "\u{0}",
        // The journal's own fields.
        r#"{"version":0,"plan_id":"p","edits":[]}"#,
        r#"{"version":3,"plan_id":"p","edits":[]}"#,
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
        r#"{"version":2,"plan_id":"p","edits":[],"exported":"e1"}"#,
        r#"{"version":2,"plan_id":"p","edits":[],"exported":[1]}"#,
        r#"{"version":2,"plan_id":"p","edits":[],"withdrawn":["e1"]}"#,
        r#"{"version":2,"plan_id":"p","edits":[],"withdrawn":{"e1":{"at":"2016-11-22T10:00:00Z","why":"undone"}}}"#,
        r#"{"version":2,"plan_id":"p","edits":[],"withdrawn":[{"edit":"e1","at":"2016-11-22T10:00:00Z"}]}"#,
        r#"{"version":2,"plan_id":"p","edits":[],"withdrawn":[{"edit":"e1","at":"2016-11-22T10:00:00Z","why":"forgotten"}]}"#,
        r#"{"version":2,"plan_id":"p","edits":[],"withdrawn":[{"edit":"e1","why":"undone"}]}"#,
        r#"{"version":2,"plan_id":"p","edits":[],"withdrawn":[{"at":"2016-11-22T10:00:00Z","why":"undone"}]}"#,
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
        (
            &format!("{{{EDIT}{set_status}}}"),
            r#"{"kind":"set_status","item":"a"}"#,
        ),
        (
            &format!("{{{EDIT}{set_status}}}"),
            &format!(r#"{{"at":"2016-11-22T10:00:00Z","by":"Sam",{set_status}}}"#),
        ),
        (
            &format!("{{{EDIT}{set_status}}}"),
            &format!(r#"{{"id":"e1","by":"Sam",{set_status}}}"#),
        ),
        (
            &format!("{{{EDIT}{set_status}}}"),
            &format!(r#"{{"id":"e1","at":"2016-11-22T10:00:00Z",{set_status}}}"#),
        ),
        (
            &format!("{{{EDIT}{set_status}}}"),
            &format!(r#"{{"id":1,"at":"2016-11-22T10:00:00Z","by":"Sam",{set_status}}}"#),
        ),
        (
            &format!("{{{EDIT}{set_status}}}"),
            &format!(r#"{{"id":"e1","at":"22/11/2016 10:00","by":"Sam",{set_status}}}"#),
        ),
        (
            &format!("{{{EDIT}{set_status}}}"),
            &format!(r#"{{"id":"e1","at":"2016-11-22T10:00:00","by":"Sam",{set_status}}}"#),
        ),
        (
            &format!(r#"{{{EDIT}"batch":"b",{set_status}}}"#),
            &format!(r#"{{{EDIT}"batch":1,{set_status}}}"#),
        ),
        // The kind of change.
        (
            &format!("{{{EDIT}{set_status}}}"),
            &format!(r#"{{{EDIT}"item":"a","status":"on_track"}}"#),
        ),
        (
            &format!("{{{EDIT}{set_status}}}"),
            &format!(r#"{{{EDIT}"kind":"delete","item":"a"}}"#),
        ),
        (
            &format!("{{{EDIT}{set_status}}}"),
            &format!(r#"{{{EDIT}"kind":"SetStatus","item":"a"}}"#),
        ),
        (
            &format!("{{{EDIT}{set_status}}}"),
            &format!(r#"{{{EDIT}"kind":null,"item":"a"}}"#),
        ),
        (
            &format!("{{{EDIT}{set_status}}}"),
            &format!(r#"{{{EDIT}"kind":0,"item":"a"}}"#),
        ),
        // Statuses and percentages.
        (
            &format!("{{{EDIT}{set_status}}}"),
            &format!(r#"{{{EDIT}"kind":"set_status","status":"on_track"}}"#),
        ),
        (
            &format!("{{{EDIT}{set_status}}}"),
            &format!(r#"{{{EDIT}"kind":"set_status","item":null,"status":"on_track"}}"#),
        ),
        (
            &format!("{{{EDIT}{set_status}}}"),
            &format!(r#"{{{EDIT}"kind":"set_status","item":"a","status":"On track"}}"#),
        ),
        (
            &format!("{{{EDIT}{set_status}}}"),
            &format!(r#"{{{EDIT}"kind":"set_status","item":"a","status":"done"}}"#),
        ),
        (
            &format!("{{{EDIT}{set_status}}}"),
            &format!(r#"{{{EDIT}"kind":"set_status","item":"a","status":""}}"#),
        ),
        (
            &format!("{{{EDIT}{set_status}}}"),
            &format!(r#"{{{EDIT}"kind":"set_status","item":"a","status":1}}"#),
        ),
        (
            &format!(r#"{{{EDIT}"kind":"set_percent","item":"a","percent":255}}"#),
            &format!(r#"{{{EDIT}"kind":"set_percent","item":"a","percent":256}}"#),
        ),
        (
            &format!(r#"{{{EDIT}"kind":"set_percent","item":"a","percent":0}}"#),
            &format!(r#"{{{EDIT}"kind":"set_percent","item":"a","percent":-1}}"#),
        ),
        (
            &format!(r#"{{{EDIT}"kind":"set_percent","item":"a","percent":40}}"#),
            &format!(r#"{{{EDIT}"kind":"set_percent","item":"a","percent":40.5}}"#),
        ),
        (
            &format!(r#"{{{EDIT}"kind":"set_percent","item":"a","percent":40}}"#),
            &format!(r#"{{{EDIT}"kind":"set_percent","item":"a","percent":40.0}}"#),
        ),
        (
            &format!(r#"{{{EDIT}"kind":"set_percent","item":"a","percent":40}}"#),
            &format!(r#"{{{EDIT}"kind":"set_percent","item":"a","percent":"40"}}"#),
        ),
        // Notes.
        (
            &format!(r#"{{{EDIT}"kind":"add_note","item":"a","note":{{"id":"n","text":"t"}}}}"#),
            &format!(r#"{{{EDIT}"kind":"add_note","item":"a"}}"#),
        ),
        (
            &format!(r#"{{{EDIT}"kind":"add_note","item":"a","note":{{"id":"n","text":"t"}}}}"#),
            &format!(r#"{{{EDIT}"kind":"add_note","item":"a","note":null}}"#),
        ),
        (
            &format!(r#"{{{EDIT}"kind":"add_note","item":"a","note":{{"id":"n","text":"t"}}}}"#),
            &format!(r#"{{{EDIT}"kind":"add_note","item":"a","note":"t"}}"#),
        ),
        (
            &format!(r#"{{{EDIT}"kind":"add_note","item":"a","note":{{"id":"n","text":"t"}}}}"#),
            &format!(r#"{{{EDIT}"kind":"add_note","note":{{"id":"n","text":"t"}}}}"#),
        ),
        (
            &format!(r#"{{{EDIT}"kind":"add_note","item":"a","note":{{"id":"n","text":"t"}}}}"#),
            &format!(r#"{{{EDIT}"kind":"add_note","item":"a","note":{{"text":"t"}}}}"#),
        ),
        (
            &format!(r#"{{{EDIT}"kind":"add_note","item":"a","note":{{"id":"n","text":"t"}}}}"#),
            &format!(r#"{{{EDIT}"kind":"add_note","item":"a","note":{{"id":"n"}}}}"#),
        ),
        (
            &format!(r#"{{{EDIT}"kind":"add_note","item":"a","note":{{"id":"n","text":"t"}}}}"#),
            &format!(
                r#"{{{EDIT}"kind":"add_note","item":"a","note":{{"id":"n","text":"t","status":"closed"}}}}"#
            ),
        ),
        (
            &format!(r#"{{{EDIT}"kind":"add_note","item":"a","note":{{"id":"n","text":"t"}}}}"#),
            &format!(
                r#"{{{EDIT}"kind":"add_note","item":"a","note":{{"id":"n","text":"t","corrects":5}}}}"#
            ),
        ),
        (
            &format!(
                r#"{{{EDIT}"kind":"add_note","item":"a","note":{{"id":"n","text":"t","evidence":[]}}}}"#
            ),
            &format!(
                r#"{{{EDIT}"kind":"add_note","item":"a","note":{{"id":"n","text":"t","evidence":null}}}}"#
            ),
        ),
        (
            &format!(
                r#"{{{EDIT}"kind":"add_note","item":"a","note":{{"id":"n","text":"t","evidence":[]}}}}"#
            ),
            &format!(
                r#"{{{EDIT}"kind":"add_note","item":"a","note":{{"id":"n","text":"t","evidence":{{}}}}}}"#
            ),
        ),
        (
            &format!(
                r#"{{{EDIT}"kind":"add_note","item":"a","note":{{"id":"n","text":"t","evidence":[{{}}]}}}}"#
            ),
            &format!(
                r#"{{{EDIT}"kind":"add_note","item":"a","note":{{"id":"n","text":"t","evidence":[1]}}}}"#
            ),
        ),
        (
            &format!(
                r#"{{{EDIT}"kind":"add_note","item":"a","note":{{"id":"n","text":"t","evidence":[{{"title":"T"}}]}}}}"#
            ),
            &format!(
                r#"{{{EDIT}"kind":"add_note","item":"a","note":{{"id":"n","text":"t","evidence":[{{"title":1}}]}}}}"#
            ),
        ),
        (
            &format!(
                r#"{{{EDIT}"kind":"add_note","item":"a","note":{{"id":"n","text":"t","evidence":[{{"url":"u"}}]}}}}"#
            ),
            &format!(
                r#"{{{EDIT}"kind":"add_note","item":"a","note":{{"id":"n","text":"t","evidence":[{{"url":["u"]}}]}}}}"#
            ),
        ),
        // Measure values.
        (
            &format!(r#"{{{EDIT}"kind":"add_measure_value","measure":"m","value":{{}}}}"#),
            &format!(r#"{{{EDIT}"kind":"add_measure_value","value":{{}}}}"#),
        ),
        (
            &format!(r#"{{{EDIT}"kind":"add_measure_value","measure":"m","value":{{}}}}"#),
            &format!(r#"{{{EDIT}"kind":"add_measure_value","measure":"m"}}"#),
        ),
        (
            &format!(r#"{{{EDIT}"kind":"add_measure_value","measure":"m","value":{{}}}}"#),
            &format!(r#"{{{EDIT}"kind":"add_measure_value","measure":"m","value":41.5}}"#),
        ),
        (
            &format!(
                r#"{{{EDIT}"kind":"add_measure_value","measure":"m","value":{{"value":41.5}}}}"#
            ),
            &format!(
                r#"{{{EDIT}"kind":"add_measure_value","measure":"m","value":{{"value":"41.5"}}}}"#
            ),
        ),
        (
            &format!(
                r#"{{{EDIT}"kind":"add_measure_value","measure":"m","value":{{"period":"Q2"}}}}"#
            ),
            &format!(
                r#"{{{EDIT}"kind":"add_measure_value","measure":"m","value":{{"period":2}}}}"#
            ),
        ),
        (
            &format!(
                r#"{{{EDIT}"kind":"add_measure_value","measure":"m","value":{{"date":"2016-09-30"}}}}"#
            ),
            &format!(
                r#"{{{EDIT}"kind":"add_measure_value","measure":"m","value":{{"date":"30/09/2016"}}}}"#
            ),
        ),
        (
            &format!(
                r#"{{{EDIT}"kind":"add_measure_value","measure":"m","value":{{"date":"2016-09-30"}}}}"#
            ),
            &format!(
                r#"{{{EDIT}"kind":"add_measure_value","measure":"m","value":{{"date":"2016-09-31"}}}}"#
            ),
        ),
        (
            &format!(
                r#"{{{EDIT}"kind":"add_measure_value","measure":"m","value":{{"date":"2016-09-30"}}}}"#
            ),
            &format!(r#"{{{EDIT}"kind":"add_measure_value","measure":"m","value":{{"date":""}}}}"#),
        ),
        (
            &format!(
                r#"{{{EDIT}"kind":"add_measure_value","measure":"m","value":{{"date":"2016-09-30"}}}}"#
            ),
            &format!(
                r#"{{{EDIT}"kind":"add_measure_value","measure":"m","value":{{"date":20160930}}}}"#
            ),
        ),
    ];
    for (good, bad) in cases {
        assert!(read_journal(&journal_text(good)).is_some(), "{good}");
        assert_eq!(read_journal(&journal_text(bad)), None, "{bad}");
        // One bad edit among good ones still refuses the whole journal.
        assert_eq!(
            read_journal(&journal_text(&format!("{good},{bad},{good}"))),
            None,
            "{bad}"
        );
    }
}

#[test]
fn deeply_nested_text_is_refused_without_overflowing_the_stack() {
    let deep = |depth: usize| format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    let deep_object = |depth: usize| format!("{}1{}", r#"{"a":"#.repeat(depth), "}".repeat(depth));
    for nested in [deep(100_000), deep_object(100_000)] {
        assert_eq!(read_journal(&nested), None);
        assert_eq!(
            read_journal(&format!(
                r#"{{"version":1,"plan_id":"p","edits":[],"x":{nested}}}"#
            )),
            None
        );
        assert_eq!(
            read_journal(&journal_text(&format!(
                r#"{{{EDIT}"kind":"set_status","item":"a","x":{nested}}}"#
            ))),
            None
        );
        let note = format!(
            r#"{{{EDIT}"kind":"add_note","item":"a","note":{{"id":"n","text":"t","evidence":[{{"x":{nested}}}]}}}}"#
        );
        assert_eq!(read_journal(&journal_text(&note)), None);
    }
    // Nesting that serde_json allows reads as usual when it is in a field nobody reads.
    assert!(read_journal(&format!(
        r#"{{"version":1,"plan_id":"p","edits":[],"x":{}}}"#,
        deep(100)
    ))
    .is_some());
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
        assert_eq!(
            serde_json::to_string(&status).expect("json"),
            format!("\"{}\"", status.code())
        );
    }
}

/// Journals as this app stores them, with every kind of change, text of
/// every kind, and marks of export and withdrawal.
fn any_journal() -> impl Strategy<Value = Journal> {
    let text = "\\PC{0,10}";
    let change = prop_oneof![
        (
            text,
            prop::option::of(prop::sample::select(Status::ALL.to_vec()))
        )
            .prop_map(|(item, status)| Change::SetStatus { item, status }),
        (text, prop::option::of(any::<u8>()))
            .prop_map(|(item, percent)| Change::SetPercent { item, percent }),
        (
            text,
            text,
            text,
            prop::option::of(text),
            prop::option::of(text)
        )
            .prop_map(|(item, id, text, url, corrects)| Change::AddNote {
                item,
                note: NoteDraft {
                    id,
                    text,
                    evidence: vec![EvidenceDraft {
                        url,
                        ..EvidenceDraft::default()
                    }],
                    corrects,
                    ..NoteDraft::default()
                },
            }),
        (
            text,
            prop::option::of(text),
            prop::option::of(any::<f64>()),
            prop::option::of(1u32..366)
        )
            .prop_map(|(measure, period, value, day)| {
                Change::AddMeasureValue {
                    measure,
                    value: ValueDraft {
                        period,
                        value: value.and_then(Figure::new),
                        text: None,
                        date: day.and_then(|d| NaiveDate::from_yo_opt(2017, d)),
                    },
                }
            }),
    ];
    let edit = (
        text,
        0i64..2_000_000_000_000,
        prop::option::of(text),
        prop::option::of(text),
        change,
    )
        .prop_map(|(by, millis, batch, session, change)| {
            let instant = chrono::DateTime::from_timestamp_millis(millis)
                .expect("time")
                .fixed_offset();
            (by, Moment::from_instant(instant), batch, session, change)
        });
    (
        prop::collection::vec(edit, 0..8),
        prop::collection::vec(any::<bool>(), 8),
        prop::collection::vec(any::<bool>(), 8),
    )
        .prop_map(|(edits, export, withdraw)| {
            let mut journal = Journal::new("p");
            for (i, (by, at, batch, session, change)) in edits.into_iter().enumerate() {
                journal.record(Edit {
                    id: format!("e{i}"),
                    at,
                    by,
                    batch,
                    session,
                    change,
                });
            }
            let ids: Vec<String> = journal.edits.iter().map(|e| e.id.clone()).collect();
            let exported = ids
                .iter()
                .zip(&export)
                .filter(|(_, x)| **x)
                .map(|(id, _)| id.clone());
            journal.mark_exported(exported.collect::<Vec<_>>(), at("2030-01-01T00:00:00Z"));
            for (id, _) in ids.iter().zip(&withdraw).filter(|(_, w)| **w) {
                journal.add_withdrawal(Withdrawal {
                    edit: id.clone(),
                    at: at("2030-01-02T00:00:00Z"),
                    why: Withdrawn::Undone,
                });
            }
            journal
        })
}

proptest! {
    /// Whatever the app stores, it reads back as the same journal, and
    /// writes back as the same text.
    #[test]
    fn every_stored_journal_reads_back_as_itself(journal in any_journal()) {
        let text = stored(&journal);
        let back = read_journal(&text);
        prop_assert_eq!(back.as_ref(), Some(&journal));
        prop_assert_eq!(back.map(|j| stored(&j)), Some(text));
    }

    /// A stored journal with any one value replaced by any other JSON value
    /// either reads (and then stores and reads back the same) or is refused,
    /// and never panics.
    #[test]
    fn a_journal_with_any_value_replaced_reads_or_is_refused(journal in any_journal(), pick in any::<prop::sample::Index>(), with in any_json()) {
        let mut value = serde_json::to_value(&journal).expect("json");
        let all = paths(&value);
        let path = pick.get(&all).clone();
        if let Some(slot) = at_path(&mut value, &path) {
            *slot = with;
        }
        if let Some(read) = read_journal(&value.to_string()) {
            prop_assert_eq!(read_journal(&stored(&read)), Some(read));
        }
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
