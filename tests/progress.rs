//! Recording progress: edits applied by a pure function, the journal, roll-up
//! and export round trips.

#![cfg(not(target_arch = "wasm32"))]

use plan_tracker::exchange::{export_file_name, export_plan, export_text};
use plan_tracker::generate::generate_plan;
use plan_tracker::plan::figure::Figure;
use plan_tracker::plan::{read_plan, Moment, Plan, Status};
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

fn sample() -> Plan {
    read_plan(&std::fs::read("public/samples/notts-cypf-2016-18.json").expect("sample"))
        .expect("opens")
}

fn status(item: &str, s: Status) -> Change {
    Change::SetStatus {
        item: item.into(),
        status: Some(s),
    }
}

fn action<'p>(plan: &'p Plan, id: &str) -> &'p plan_tracker::plan::Action {
    plan.priorities
        .iter()
        .flat_map(|p| p.activities())
        .flat_map(|a| a.actions())
        .find(|a| a.id == id)
        .expect("action")
}

#[test]
fn a_status_edit_is_stamped_with_who_and_when() {
    let mut plan = sample();
    let e = edit(
        "e1",
        "2016-11-22T10:00:00Z",
        status("p1-a3-k1", Status::AtRisk),
    );
    assert!(apply_all(&mut plan, [&e]).is_empty());
    let progress = action(&plan, "p1-a3-k1")
        .progress
        .as_ref()
        .expect("progress");
    assert_eq!(progress.status, Some(Status::AtRisk));
    assert_eq!(
        progress.updated.as_ref().map(Moment::as_str),
        Some("2016-11-22T10:00:00Z")
    );
    assert_eq!(
        progress.updated_by.as_deref(),
        Some("Sam Jones (Nottinghamshire Police)")
    );
}

#[test]
fn the_later_change_wins_whatever_order_edits_arrive_in() {
    let early = edit(
        "e1",
        "2016-11-22T10:00:00Z",
        status("p1-a3-k1", Status::AtRisk),
    );
    let late = edit(
        "e2",
        "2016-11-22T11:00:00Z",
        status("p1-a3-k1", Status::OffTrack),
    );
    for order in [[&early, &late], [&late, &early]] {
        let mut plan = sample();
        apply_all(&mut plan, order);
        assert_eq!(
            action(&plan, "p1-a3-k1")
                .progress
                .as_ref()
                .and_then(|p| p.status),
            Some(Status::OffTrack)
        );
    }
}

#[test]
fn notes_are_added_once_in_time_order_and_never_rewritten() {
    let note = |id: &str, text: &str, corrects: Option<&str>| Change::AddNote {
        item: "p1-a3".into(),
        note: NoteDraft {
            id: id.into(),
            text: text.into(),
            corrects: corrects.map(str::to_owned),
            ..NoteDraft::default()
        },
    };
    let first = edit(
        "e1",
        "2016-11-22T10:00:00Z",
        note("n-a", "Co-located in October", None),
    );
    let fix = edit(
        "e2",
        "2016-11-23T10:00:00Z",
        note("n-b", "Co-located in November, not October", Some("n-a")),
    );
    let mut plan = sample();
    apply_all(&mut plan, [&fix, &first, &first]);
    let activity = &plan.priorities[0].activities()[2];
    let notes = activity.progress.as_ref().expect("progress").notes();
    let ours: Vec<&str> = notes
        .iter()
        .map(|n| n.id.as_str())
        .filter(|id| *id == "n-a" || *id == "n-b")
        .collect();
    assert_eq!(ours, ["n-a", "n-b"], "oldest first");
    assert_eq!(
        notes
            .iter()
            .find(|n| n.id == "n-a")
            .map(|n| n.text.as_str()),
        Some("Co-located in October")
    );
}

#[test]
fn measure_values_are_added_with_their_stamp() {
    let mut plan = sample();
    let id = plan.measures()[0].id.clone();
    let value = ValueDraft {
        period: Some("2016/17 Q2".into()),
        value: Figure::new(41.5),
        text: Some("41.5%".into()),
        date: None,
    };
    let e = edit(
        "e1",
        "2016-11-22T10:00:00Z",
        Change::AddMeasureValue {
            measure: id.clone(),
            value,
        },
    );
    let before = plan.measures()[0].values().len();
    apply_all(&mut plan, [&e, &e]);
    let values = plan.measures()[0].values();
    assert_eq!(values.len(), before + 1, "added once");
    let added = values.last().expect("the value");
    assert_eq!(
        added.by.as_deref(),
        Some("Sam Jones (Nottinghamshire Police)")
    );
    assert_eq!(
        added.at.as_ref().map(Moment::as_str),
        Some("2016-11-22T10:00:00Z")
    );
}

#[test]
fn edits_to_missing_items_are_returned_not_dropped() {
    let mut plan = sample();
    let gone = edit(
        "e1",
        "2016-11-22T10:00:00Z",
        status("p9-a9-k9", Status::Complete),
    );
    let wrong_kind = edit(
        "e2",
        "2016-11-22T10:00:00Z",
        Change::AddMeasureValue {
            measure: "p1-a3".into(),
            value: ValueDraft::default(),
        },
    );
    let orphans = apply_all(&mut plan, [&gone, &wrong_kind]);
    assert_eq!(orphans.len(), 2);
}

#[test]
fn the_journal_survives_storage_as_json() {
    let mut journal = Journal::new("x");
    journal.record(edit(
        "e1",
        "2016-11-22T10:00:00+01:00",
        status("a", Status::AtRisk),
    ));
    journal.record(edit(
        "e2",
        "2016-11-22T10:00:00Z",
        Change::AddNote {
            item: "a".into(),
            note: NoteDraft {
                id: "n".into(),
                text: "t".into(),
                status: Some(Status::AtRisk),
                evidence: vec![EvidenceDraft {
                    title: Some("Audit".into()),
                    ..EvidenceDraft::default()
                }],
                corrects: None,
            },
        },
    ));
    let text = serde_json::to_string(&journal).expect("json");
    let back = read_journal(&text).expect("reads back");
    assert_eq!(back, journal);
    assert!(text.contains("2016-11-22T10:00:00+01:00"));
}

#[test]
fn ten_thousand_edited_actions_fit_well_within_local_storage() {
    let mut journal = Journal::new("generated-10000");
    for i in 0..10_000 {
        journal.record(edit(
            &format!("e{i}"),
            "2026-11-22T10:00:00Z",
            status(&format!("p1-a{}-k{}", i / 10, i % 10), Status::OnTrack),
        ));
    }
    let bytes = serde_json::to_string(&journal).expect("json").len();
    // localStorage counts UTF-16 code units: about 5 million characters.
    assert!(bytes < 2_000_000, "{bytes} bytes");
}

#[test]
fn activities_roll_up_their_actions() {
    let mut rollup = Rollup::default();
    let p = |s: Status, pc: u8| plan_tracker::plan::Progress {
        status: Some(s),
        percent: Some(pc),
        ..Default::default()
    };
    rollup.add(Some(&p(Status::OnTrack, 50)));
    rollup.add(Some(&p(Status::OffTrack, 20)));
    rollup.add(None);
    assert_eq!(rollup.count(Status::OnTrack), 1);
    assert_eq!(rollup.no_status, 1);
    assert_eq!(rollup.average_percent, Some(35));
    let mut total = Rollup::default();
    total.combine(&rollup);
    total.combine(&rollup);
    assert_eq!((total.actions, total.average_percent), (6, Some(35)));
}

#[test]
fn current_progress_matches_applying_to_the_whole_plan() {
    let plan = sample();
    let edits = [
        edit(
            "e1",
            "2016-11-22T10:00:00Z",
            status("p1-a3-k2", Status::AtRisk),
        ),
        edit(
            "e2",
            "2016-11-22T10:01:00Z",
            Change::SetPercent {
                item: "p1-a3-k2".into(),
                percent: Some(40),
            },
        ),
    ];
    let shown = current_progress(action(&plan, "p1-a3-k2").progress.as_ref(), &edits);
    let mut whole = plan.clone();
    apply_all(&mut whole, &edits);
    assert_eq!(shown.as_ref(), action(&whole, "p1-a3-k2").progress.as_ref());
}

#[test]
fn export_names_and_stamps_the_file() {
    let plan = sample();
    let journal = Journal::new(&plan.id);
    let export = export_plan(
        &plan,
        &journal,
        at("2026-11-22T09:30:00Z"),
        "Sam Jones (Police)",
    );
    assert!(export.orphans.is_empty());
    let stamp = export.plan.exported.as_ref().expect("stamped");
    assert_eq!(stamp.by.as_deref(), Some("Sam Jones (Police)"));
    assert_eq!(
        stamp.app_version.as_deref(),
        Some(env!("CARGO_PKG_VERSION"))
    );
    let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).expect("day");
    assert_eq!(
        export_file_name(&plan.id, day),
        "notts-cypf-2016-18-2026-11-22.json"
    );
    assert_eq!(
        export_file_name("../../etc/passwd", day),
        "etc-passwd-2026-11-22.json"
    );
}

fn arb_edits(plan: &Plan) -> impl Strategy<Value = Vec<Edit>> {
    let ids: Vec<String> = plan
        .priorities
        .iter()
        .flat_map(|p| p.activities())
        .flat_map(|a| std::iter::once(a.id.clone()).chain(a.actions().iter().map(|k| k.id.clone())))
        .collect();
    proptest::collection::vec(
        (
            proptest::sample::select(ids),
            0usize..6,
            0u8..=100,
            0u32..100_000,
        ),
        0..30,
    )
    .prop_map(|raw| {
        raw.into_iter()
            .enumerate()
            .map(|(i, (item, s, pc, secs))| {
                let when = chrono::DateTime::from_timestamp(1_700_000_000 + i64::from(secs), 0)
                    .expect("time")
                    .fixed_offset();
                let change = match i % 3 {
                    0 => Change::SetStatus {
                        item,
                        status: Status::ALL.get(s).copied(),
                    },
                    1 => Change::SetPercent {
                        item,
                        percent: Some(pc),
                    },
                    _ => Change::AddNote {
                        item,
                        note: NoteDraft {
                            id: format!("gen-note-{i}"),
                            text: format!("Note «{i}» – ok"),
                            ..NoteDraft::default()
                        },
                    },
                };
                Edit {
                    id: format!("gen-{i}"),
                    at: Moment::from_instant(when),
                    by: "Tester".into(),
                    batch: None,
                    session: None,
                    change,
                }
            })
            .collect()
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    #[test]
    fn export_then_open_is_the_identity(seed in 0u64..500, edits in arb_edits(&generate_plan(120, 1))) {
        for base in [generate_plan(120, 1), generate_plan(60, seed), sample()] {
            let mut journal = Journal::new(&base.id);
            for e in &edits { journal.record(e.clone()); }
            let exported = export_plan(&base, &journal, at("2026-11-22T09:30:00Z"), "Tester").plan;
            let reopened = read_plan(export_text(&exported).as_bytes()).expect("an export always opens");
            prop_assert_eq!(&reopened, &exported);
            // Exporting the reopened file again changes nothing.
            let again = export_plan(&reopened, &Journal::new(&base.id), at("2026-11-22T09:30:00Z"), "Tester").plan;
            prop_assert_eq!(export_text(&again), export_text(&exported));
        }
    }
}
