//! Exchanging plans by email: packs for partners, merging their returns,
//! comparing versions, CSV for Excel.

#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;

use plan_tracker::exchange::*;
use plan_tracker::plan::{read_plan, write_plan, Moment, Plan, Status};
use plan_tracker::progress::{apply_all, Change, Edit, Journal, NoteDraft};

fn at(text: &str) -> Moment {
    Moment::parse(text).expect("moment")
}

fn sample() -> Plan {
    read_plan(&std::fs::read("public/samples/notts-cypf-2016-18.json").expect("sample")).expect("opens")
}

fn leads(names: &[&str]) -> PackChoice {
    PackChoice { leads: names.iter().map(|s| s.to_string()).collect::<BTreeSet<_>>(), only_actions: None }
}

fn edit(id: &str, when: &str, by: &str, change: Change) -> Edit {
    Edit { id: id.into(), at: at(when), by: by.into(), batch: None, change }
}

/// A partner opens the pack, records changes and exports it back.
fn partner_returns(pack: &Plan, edits: Vec<Edit>, when: &str, by: &str) -> Plan {
    let mut journal = Journal::new(&pack.id);
    for e in edits {
        journal.record(e);
    }
    let (returned, orphans) = export_plan(pack, &journal, at(when), by);
    assert!(orphans.is_empty());
    // It travels as a file.
    read_plan(export_text(&returned).as_bytes()).expect("the return opens")
}

fn all_action_ids(plan: &Plan) -> Vec<String> {
    plan.priorities.iter().flat_map(|p| p.activities()).flat_map(|a| a.actions()).map(|k| k.id.clone()).collect()
}

#[test]
fn a_pack_holds_only_the_chosen_leads_work_and_is_a_valid_plan() {
    let plan = sample();
    let pack = partner_pack(&plan, &leads(&["Health"]), &at("2016-11-01T09:00:00Z"), "Coordinator");
    assert_eq!(pack.id, plan.id);
    assert!(!pack.priorities.is_empty());
    for activity in pack.priorities.iter().flat_map(|p| p.activities()) {
        assert_eq!(activity.lead.as_ref().map(|l| l.organisation.as_str()), Some("Health"));
    }
    let reopened = read_plan(write_plan(&pack).as_bytes()).expect("a pack is a valid plan file");
    assert_eq!(pack_sent_at(&reopened), Some(at("2016-11-01T09:00:00Z")));
    assert!(all_action_ids(&pack).len() < all_action_ids(&plan).len());
}

#[test]
fn a_pack_can_be_limited_to_the_current_filter() {
    let plan = sample();
    let council = "Nottinghamshire County Council";
    let mut choice = leads(&[council]);
    choice.only_actions = Some(["p1-a3-k1".to_owned(), "p1-a3-k2".to_owned()].into());
    let pack = partner_pack(&plan, &choice, &at("2016-11-01T09:00:00Z"), "Coordinator");
    assert_eq!(all_action_ids(&pack), ["p1-a3-k1", "p1-a3-k2"]);
    assert!(read_plan(write_plan(&pack).as_bytes()).is_ok());
}

#[test]
fn the_coordinator_and_partners_round_trip() {
    let plan = sample();
    let sent = "2016-11-01T09:00:00Z";
    let council = "Nottinghamshire County Council";
    let council_pack = partner_pack(&plan, &leads(&[council]), &at(sent), "Coordinator");
    let health_pack = partner_pack(&plan, &leads(&["Health"]), &at(sent), "Coordinator");
    let health_action = all_action_ids(&health_pack)[0].clone();

    let council_return = partner_returns(
        &council_pack,
        vec![
            edit("c1", "2016-11-10T10:00:00Z", "Ann (NCC)", Change::SetStatus { item: "p1-a3-k1".into(), status: Some(Status::OnTrack) }),
            edit("c2", "2016-11-10T10:01:00Z", "Ann (NCC)", Change::AddNote {
                item: "p1-a3-k1".into(),
                note: NoteDraft { id: "n-council-1".into(), text: "Co-located in October".into(), ..NoteDraft::default() },
            }),
            edit("c3", "2016-11-10T10:02:00Z", "Ann (NCC)", Change::SetPercent { item: "p1-a3-k2".into(), percent: Some(50) }),
        ],
        "2016-11-10T11:00:00Z",
        "Ann (NCC)",
    );
    let health_return = partner_returns(
        &health_pack,
        vec![edit("h1", "2016-11-12T10:00:00Z", "Hari (Health)", Change::SetStatus { item: health_action.clone(), status: Some(Status::AtRisk) })],
        "2016-11-12T11:00:00Z",
        "Hari (Health)",
    );

    // Meanwhile the coordinator changed p1-a3-k2 too: that is a conflict.
    let mut coordinator = Journal::new(&plan.id);
    coordinator.record(edit("k1", "2016-11-05T10:00:00Z", "Coordinator", Change::SetPercent { item: "p1-a3-k2".into(), percent: Some(30) }));
    let merge = plan_merge(&plan, &coordinator.edits, &[("council.json".into(), council_return.clone()), ("health.json".into(), health_return)]);
    assert!(merge.refused.is_empty());
    assert_eq!(merge.conflicts.len(), 1, "{:#?}", merge.conflicts);
    let conflict = &merge.conflicts[0];
    assert_eq!((conflict.item.as_str(), conflict.field), ("p1-a3-k2", Field::Percent));
    assert_eq!((conflict.ours.value.as_str(), conflict.theirs.value.as_str()), ("30%", "50%"));
    assert_eq!(conflict.theirs.by.as_deref(), Some("Ann (NCC)"));
    assert_eq!(conflict.file, "council.json");

    // Nothing is applied until confirmed; then the edits go in the journal.
    for e in &merge.edits {
        coordinator.record(e.clone());
    }
    coordinator.record(conflict.take_theirs("decided-1".into(), at("2016-11-20T09:00:00Z"), "Coordinator"));
    let mut merged = plan.clone();
    apply_all(&mut merged, &coordinator.edits);
    let progress = |p: &Plan, id: &str| {
        p.priorities.iter().flat_map(|x| x.activities()).flat_map(|a| a.actions()).find(|k| k.id == id).and_then(|k| k.progress.clone()).unwrap_or_default()
    };
    assert_eq!(progress(&merged, "p1-a3-k1").status, Some(Status::OnTrack));
    assert_eq!(progress(&merged, "p1-a3-k1").notes().iter().filter(|n| n.id == "n-council-1").count(), 1);
    assert_eq!(progress(&merged, "p1-a3-k2").percent, Some(50));
    assert_eq!(progress(&merged, &health_action).status, Some(Status::AtRisk));

    // Merging the same return again changes nothing and duplicates nothing.
    let again = plan_merge(&plan, &coordinator.edits, &[("council.json".into(), council_return)]);
    assert!(again.edits.is_empty(), "{:#?}", again.edits);
    assert!(again.conflicts.is_empty());

    // The board's export holds everything and reopens.
    let (board, _) = export_plan(&plan, &coordinator, at("2016-11-21T09:00:00Z"), "Coordinator");
    assert_eq!(read_plan(export_text(&board).as_bytes()).expect("opens"), board);
}

#[test]
fn different_fields_changed_on_each_side_are_not_a_conflict() {
    let plan = sample();
    let sent = "2016-11-01T09:00:00Z";
    let pack = partner_pack(&plan, &leads(&["Nottinghamshire County Council"]), &at(sent), "Coordinator");
    let theirs = partner_returns(
        &pack,
        vec![edit("t1", "2016-11-10T10:00:00Z", "Ann", Change::SetStatus { item: "p1-a3-k1".into(), status: Some(Status::OnTrack) })],
        "2016-11-10T11:00:00Z",
        "Ann",
    );
    // We changed the percent later than they changed the status.
    let ours = vec![edit("o1", "2016-11-15T10:00:00Z", "Chris", Change::SetPercent { item: "p1-a3-k1".into(), percent: Some(30) })];
    let merge = plan_merge(&plan, &ours, &[("r.json".into(), theirs)]);
    assert!(merge.conflicts.is_empty(), "{:#?}", merge.conflicts);
    let mut journal = Journal::new(&plan.id);
    for e in ours.iter().chain(&merge.edits) {
        journal.record(e.clone());
    }
    let mut merged = plan.clone();
    apply_all(&mut merged, &journal.edits);
    let progress = merged.priorities[0].activities()[2].actions()[0].progress.clone().unwrap_or_default();
    assert_eq!((progress.status, progress.percent), (Some(Status::OnTrack), Some(30)), "both changes kept");
}

#[test]
fn returns_of_another_plan_are_refused_with_the_reason() {
    let plan = sample();
    let other = read_plan(&std::fs::read("public/samples/notts-cypf-2011-14.json").expect("other")).expect("opens");
    let merge = plan_merge(&plan, &[], &[("other.json".into(), other)]);
    assert_eq!(merge.refused.len(), 1);
    assert!(merge.refused[0].contains("is a different plan"), "{}", merge.refused[0]);
    assert!(merge.edits.is_empty());
}

#[test]
fn a_hostile_return_cannot_touch_items_the_plan_lacks() {
    let plan = sample();
    let mut hostile = plan.clone();
    hostile.priorities[0].activities.as_mut().expect("activities")[0].id = "injected".into();
    hostile.priorities[0].activities.as_mut().expect("activities")[0].progress =
        Some(plan_tracker::plan::Progress { status: Some(Status::Complete), updated: Some(at("2030-01-01T00:00:00Z")), ..Default::default() });
    let merge = plan_merge(&plan, &[], &[("hostile.json".into(), hostile)]);
    assert!(merge.edits.iter().all(|e| e.change.target() != "injected"));
    assert_eq!(merge.unknown_items.len(), 1);
}

#[test]
fn compare_reports_status_changes_notes_and_added_or_removed_items_per_priority() {
    let earlier = sample();
    let mut now = earlier.clone();
    apply_all(&mut now, &[
        edit("e1", "2016-12-01T10:00:00Z", "Ann", Change::SetStatus { item: "p1-a3-k1".into(), status: Some(Status::OffTrack) }),
        edit("e2", "2016-12-01T10:00:00Z", "Ann", Change::AddNote { item: "p2-a1".into(), note: NoteDraft { id: "n-new".into(), text: "Waiting times fell".into(), ..NoteDraft::default() } }),
    ]);
    let removed = now.priorities[3].activities.as_mut().expect("activities")[0].actions.as_mut().expect("actions").remove(0);
    let report = compare(&earlier, &now);
    assert_eq!(report.priorities.len(), 3);
    assert_eq!(report.priorities[0].status_changes, [("Co-location of the MASH and Early Help Unit".to_owned(), None, Some(Status::OffTrack))]);
    assert_eq!(report.priorities[1].new_notes.len(), 1);
    assert_eq!(report.priorities[2].removed, [removed.title]);
    assert!(compare(&earlier, &earlier).is_empty());
}

#[test]
fn csv_opens_in_excel_and_keeps_hostile_text_inert() {
    let plan = sample();
    let rows = vec![((0, 2, 0), None), ((0, 0, 0), None)];
    let csv = actions_csv(&plan, rows);
    assert!(csv.starts_with("\u{feff}Priority,Activity,Action,"));
    assert!(csv.contains("\r\n"));
    assert_eq!(csv.matches("\r\n").count(), 3);
    assert!(csv.contains("\"Adult Social Care, Police, Health\""));
    assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
    assert_eq!(csv_field("a,\"b\""), "\"a,\"\"b\"\"\"");
    assert_eq!(csv_field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
    assert_eq!(csv_field("-1"), "'-1");
    assert_eq!(csv_field("line\nbreak"), "\"line\nbreak\"");
}
