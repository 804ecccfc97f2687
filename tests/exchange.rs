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
    read_plan(&std::fs::read("public/samples/notts-cypf-2016-18.json").expect("sample"))
        .expect("opens")
}

/// When the coordinator opens the returns.
fn received() -> Moment {
    at("2016-11-25T09:00:00Z")
}

fn leads(names: &[&str]) -> PackChoice {
    PackChoice {
        leads: names.iter().map(|s| s.to_string()).collect::<BTreeSet<_>>(),
        only_actions: None,
    }
}

fn edit(id: &str, when: &str, by: &str, change: Change) -> Edit {
    Edit {
        id: id.into(),
        at: at(when),
        by: by.into(),
        batch: None,
        session: None,
        change,
    }
}

/// A partner opens the pack, records changes and exports it back.
fn partner_returns(pack: &Plan, edits: Vec<Edit>, when: &str, by: &str) -> Plan {
    let mut journal = Journal::new(&pack.id);
    for e in edits {
        journal.record(e);
    }
    let export = export_plan(pack, &journal, at(when), by);
    assert!(export.orphans.is_empty());
    // It travels as a file.
    read_plan(export_text(&export.plan).as_bytes()).expect("the return opens")
}

/// Merges one returned file into `base`, with no changes made here and no
/// record of packs sent.
fn merge_alone(base: &Plan, file: &str, returned: Plan) -> MergePlan {
    plan_merge(base, &[], &[(file.to_owned(), returned)], &received(), None)
}

fn all_action_ids(plan: &Plan) -> Vec<String> {
    plan.priorities
        .iter()
        .flat_map(|p| p.activities())
        .flat_map(|a| a.actions())
        .map(|k| k.id.clone())
        .collect()
}

#[test]
fn a_pack_holds_only_the_chosen_leads_work_and_is_a_valid_plan() {
    let plan = sample();
    let pack = partner_pack(
        &plan,
        &leads(&["Health"]),
        &at("2016-11-01T09:00:00Z"),
        "Coordinator",
    );
    assert_eq!(pack.id, plan.id);
    assert!(!pack.priorities.is_empty());
    for activity in pack.priorities.iter().flat_map(|p| p.activities()) {
        assert_eq!(
            activity.lead.as_ref().map(|l| l.organisation.as_str()),
            Some("Health")
        );
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
            edit(
                "c1",
                "2016-11-10T10:00:00Z",
                "Ann (NCC)",
                Change::SetStatus {
                    item: "p1-a3-k1".into(),
                    status: Some(Status::OnTrack),
                },
            ),
            edit(
                "c2",
                "2016-11-10T10:01:00Z",
                "Ann (NCC)",
                Change::AddNote {
                    item: "p1-a3-k1".into(),
                    note: NoteDraft {
                        id: "n-council-1".into(),
                        text: "Co-located in October".into(),
                        ..NoteDraft::default()
                    },
                },
            ),
            edit(
                "c3",
                "2016-11-10T10:02:00Z",
                "Ann (NCC)",
                Change::SetPercent {
                    item: "p1-a3-k2".into(),
                    percent: Some(50),
                },
            ),
        ],
        "2016-11-10T11:00:00Z",
        "Ann (NCC)",
    );
    let health_return = partner_returns(
        &health_pack,
        vec![edit(
            "h1",
            "2016-11-12T10:00:00Z",
            "Hari (Health)",
            Change::SetStatus {
                item: health_action.clone(),
                status: Some(Status::AtRisk),
            },
        )],
        "2016-11-12T11:00:00Z",
        "Hari (Health)",
    );

    // Meanwhile the coordinator changed p1-a3-k2 too: that is a conflict.
    let mut coordinator = Journal::new(&plan.id);
    coordinator.record(edit(
        "k1",
        "2016-11-05T10:00:00Z",
        "Coordinator",
        Change::SetPercent {
            item: "p1-a3-k2".into(),
            percent: Some(30),
        },
    ));
    let merge = plan_merge(
        &plan,
        &coordinator.edits,
        &[
            ("council.json".into(), council_return.clone()),
            ("health.json".into(), health_return),
        ],
        &received(),
        None,
    );
    assert!(merge.not_merged.is_empty(), "{:#?}", merge.not_merged);
    assert_eq!(merge.conflicts.len(), 1, "{:#?}", merge.conflicts);
    let conflict = &merge.conflicts[0];
    assert_eq!(
        (conflict.item.as_str(), conflict.field),
        ("p1-a3-k2", Field::Percent)
    );
    assert_eq!(
        (conflict.ours.value.as_str(), conflict.theirs.value.as_str()),
        ("30%", "50%")
    );
    assert_eq!(conflict.theirs.by.as_deref(), Some("Ann (NCC)"));
    assert_eq!(conflict.file, "council.json");

    // Nothing is applied until confirmed; then the edits go in the journal.
    for e in &merge.edits {
        coordinator.record(e.clone());
    }
    coordinator.record(conflict.take_theirs(
        "decided-1".into(),
        at("2016-11-20T09:00:00Z"),
        "Coordinator",
    ));
    let mut merged = plan.clone();
    apply_all(&mut merged, &coordinator.edits);
    let progress = |p: &Plan, id: &str| {
        p.priorities
            .iter()
            .flat_map(|x| x.activities())
            .flat_map(|a| a.actions())
            .find(|k| k.id == id)
            .and_then(|k| k.progress.clone())
            .unwrap_or_default()
    };
    assert_eq!(progress(&merged, "p1-a3-k1").status, Some(Status::OnTrack));
    assert_eq!(
        progress(&merged, "p1-a3-k1")
            .notes()
            .iter()
            .filter(|n| n.id == "n-council-1")
            .count(),
        1
    );
    assert_eq!(progress(&merged, "p1-a3-k2").percent, Some(50));
    assert_eq!(
        progress(&merged, &health_action).status,
        Some(Status::AtRisk)
    );

    // Merging the same return again changes nothing and duplicates nothing.
    let again = plan_merge(
        &plan,
        &coordinator.edits,
        &[("council.json".into(), council_return)],
        &received(),
        None,
    );
    assert!(again.edits.is_empty(), "{:#?}", again.edits);
    assert!(again.conflicts.is_empty());

    // The board's export holds everything and reopens.
    let board = export_plan(
        &plan,
        &coordinator,
        at("2016-11-21T09:00:00Z"),
        "Coordinator",
    )
    .plan;
    assert_eq!(
        read_plan(export_text(&board).as_bytes()).expect("opens"),
        board
    );
}

#[test]
fn different_fields_changed_on_each_side_are_not_a_conflict() {
    let plan = sample();
    let sent = "2016-11-01T09:00:00Z";
    let pack = partner_pack(
        &plan,
        &leads(&["Nottinghamshire County Council"]),
        &at(sent),
        "Coordinator",
    );
    let theirs = partner_returns(
        &pack,
        vec![edit(
            "t1",
            "2016-11-10T10:00:00Z",
            "Ann",
            Change::SetStatus {
                item: "p1-a3-k1".into(),
                status: Some(Status::OnTrack),
            },
        )],
        "2016-11-10T11:00:00Z",
        "Ann",
    );
    // We changed the percent later than they changed the status.
    let ours = vec![edit(
        "o1",
        "2016-11-15T10:00:00Z",
        "Chris",
        Change::SetPercent {
            item: "p1-a3-k1".into(),
            percent: Some(30),
        },
    )];
    let merge = plan_merge(
        &plan,
        &ours,
        &[("r.json".into(), theirs)],
        &received(),
        None,
    );
    assert!(merge.conflicts.is_empty(), "{:#?}", merge.conflicts);
    let mut journal = Journal::new(&plan.id);
    for e in ours.iter().chain(&merge.edits) {
        journal.record(e.clone());
    }
    let mut merged = plan.clone();
    apply_all(&mut merged, &journal.edits);
    let progress = merged.priorities[0].activities()[2].actions()[0]
        .progress
        .clone()
        .unwrap_or_default();
    assert_eq!(
        (progress.status, progress.percent),
        (Some(Status::OnTrack), Some(30)),
        "both changes kept"
    );
}

#[test]
fn returns_of_another_plan_are_refused_with_the_reason() {
    let plan = sample();
    let other = read_plan(&std::fs::read("public/samples/notts-cypf-2011-14.json").expect("other"))
        .expect("opens");
    let merge = merge_alone(&plan, "other.json", other);
    assert_eq!(merge.not_merged.len(), 1);
    assert!(matches!(
        merge.not_merged[0].why,
        NotMergedReason::OtherPlan { .. }
    ));
    let said = merge.not_merged[0].to_string();
    assert!(said.contains("other.json is a different plan"), "{said}");
    assert!(merge.edits.is_empty());
}

#[test]
fn a_hostile_return_cannot_touch_items_the_plan_lacks() {
    let plan = sample();
    let mut hostile = plan.clone();
    hostile.priorities[0]
        .activities
        .as_mut()
        .expect("activities")[0]
        .id = "injected".into();
    hostile.priorities[0]
        .activities
        .as_mut()
        .expect("activities")[0]
        .progress = Some(plan_tracker::plan::Progress {
        status: Some(Status::Complete),
        updated: Some(at("2030-01-01T00:00:00Z")),
        ..Default::default()
    });
    let merge = merge_alone(&plan, "hostile.json", hostile);
    assert!(merge.edits.iter().all(|e| e.change.target() != "injected"));
    assert_eq!(merge.not_merged.len(), 1);
    assert!(
        merge.not_merged[0]
            .to_string()
            .contains("(id injected) is not in this plan, so its status cannot be merged"),
        "{}",
        merge.not_merged[0]
    );
}

#[test]
fn compare_reports_status_changes_notes_and_added_or_removed_items_per_priority() {
    let earlier = sample();
    let mut now = earlier.clone();
    apply_all(
        &mut now,
        &[
            edit(
                "e1",
                "2016-12-01T10:00:00Z",
                "Ann",
                Change::SetStatus {
                    item: "p1-a3-k1".into(),
                    status: Some(Status::OffTrack),
                },
            ),
            edit(
                "e2",
                "2016-12-01T10:00:00Z",
                "Ann",
                Change::AddNote {
                    item: "p2-a1".into(),
                    note: NoteDraft {
                        id: "n-new".into(),
                        text: "Waiting times fell".into(),
                        ..NoteDraft::default()
                    },
                },
            ),
        ],
    );
    let removed = now.priorities[3].activities.as_mut().expect("activities")[0]
        .actions
        .as_mut()
        .expect("actions")
        .remove(0);
    let report = compare(&earlier, &now);
    assert_eq!(report.priorities.len(), 3);
    assert_eq!(
        report.priorities[0].status_changes,
        [(
            "Co-location of the MASH and Early Help Unit".to_owned(),
            None,
            Some(Status::OffTrack)
        )]
    );
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

#[test]
fn an_edit_to_an_item_a_new_revision_lacks_goes_into_the_export() {
    let plan = sample();
    let mut journal = Journal::new(&plan.id);
    let mut gone = edit(
        "e-gone",
        "2016-11-22T10:00:00Z",
        "Sam",
        Change::SetStatus {
            item: "p1-a3-k1".into(),
            status: Some(Status::Complete),
        },
    );
    gone.session = Some("tab-1".into());
    journal.record(gone);
    journal.record(edit(
        "e-kept",
        "2016-11-22T10:01:00Z",
        "Sam",
        Change::SetPercent {
            item: "p1-a3-k2".into(),
            percent: Some(20),
        },
    ));
    // The next revision of the plan no longer has p1-a3-k1.
    let mut revision = plan.clone();
    revision.priorities[0]
        .activities
        .as_mut()
        .expect("activities")[2]
        .actions
        .as_mut()
        .expect("actions")
        .remove(0);

    let export = export_plan(&revision, &journal, at("2016-11-23T09:00:00Z"), "Sam");
    assert_eq!(export.orphans.len(), 1);
    assert_eq!(
        export.edit_ids,
        ["e-gone", "e-kept"],
        "the file holds both, so both count as exported"
    );
    let text = export_text(&export.plan);
    let reopened = read_plan(text.as_bytes()).expect("opens");
    let kept = reopened
        .orphaned_edits
        .clone()
        .expect("the file carries the orphan");
    assert_eq!(kept.len(), 1);
    let orphan = serde_json::Value::Object(kept[0].clone());
    assert_eq!(orphan["id"], "e-gone");
    assert_eq!(orphan["kind"], "set_status");
    assert_eq!(orphan["item"], "p1-a3-k1");
    assert_eq!(orphan["status"], "complete");
    assert_eq!(orphan["by"], "Sam");
    assert!(
        orphan.get("session").is_none(),
        "a tab means nothing outside this browser"
    );

    // Exported again, from the reopened file with the same journal, it is not doubled.
    let again = export_plan(&reopened, &journal, at("2016-11-24T09:00:00Z"), "Sam");
    assert_eq!(again.plan.orphaned_edits.map(|e| e.len()), Some(1));
}

#[test]
fn a_return_of_items_this_plan_lacks_lists_every_one() {
    let plan = sample();
    let mut theirs = plan.clone();
    for activity in theirs.priorities[0]
        .activities
        .as_mut()
        .expect("activities")
    {
        activity.id = format!("renamed-{}", activity.id);
        activity.progress = Some(plan_tracker::plan::Progress {
            status: Some(Status::AtRisk),
            updated: Some(at("2016-11-24T10:00:00Z")),
            ..Default::default()
        });
        for action in activity.actions.iter_mut().flatten() {
            action.id = format!("renamed-{}", action.id);
        }
    }
    let renamed = theirs.priorities[0].activities().len();
    let merge = merge_alone(&plan, "renamed.json", theirs);
    assert!(merge.edits.is_empty() && merge.conflicts.is_empty());
    assert_eq!(merge.not_merged.len(), renamed, "{:#?}", merge.not_merged);
    assert!(merge.not_merged.iter().all(
        |n| matches!(&n.why, NotMergedReason::NotInPlan { changes, .. } if changes == "status")
    ));
}

#[test]
fn returned_values_without_a_time_are_merged_once() {
    let plan = sample();
    let mut theirs = plan.clone();
    theirs.exported = Some(plan_tracker::plan::Exported {
        at: at("2016-11-24T16:00:00Z"),
        by: None,
        app_version: None,
        extra: Default::default(),
    });
    let measure = &mut theirs.measures.as_mut().expect("measures")[1];
    let id = measure.id.clone();
    let typed = plan_tracker::plan::MeasureValue {
        period: Some("2016/17 Q2".into()),
        value: plan_tracker::plan::figure::Figure::new(700.0 / 3.0),
        ..Default::default()
    };
    measure.values.get_or_insert_with(Vec::new).push(typed);
    // It travels as a file, so its figure is read back from text.
    let theirs = read_plan(export_text(&theirs).as_bytes()).expect("opens");
    let merge = merge_alone(&plan, "typed.json", theirs.clone());
    assert_eq!(merge.edits.len(), 1, "{:#?}", merge);
    assert_eq!(
        merge.edits[0].at,
        at("2016-11-24T16:00:00Z"),
        "stamped when the return was exported"
    );
    assert_eq!(merge.edits[0].change.target(), id);
    let mut merged = plan.clone();
    apply_all(&mut merged, &merge.edits);
    let again = merge_alone(&merged, "typed.json", theirs);
    assert!(
        again.edits.is_empty(),
        "the same figure is not added twice: {:#?}",
        again.edits
    );
}

#[test]
fn a_taken_change_that_would_lose_to_a_later_one_here_is_a_conflict() {
    // A pack sent on 1 November; the partner set Complete on 10 November.
    let plan = sample();
    let pack = partner_pack(
        &plan,
        &leads(&["Nottinghamshire County Council"]),
        &at("2016-11-01T09:00:00Z"),
        "Coordinator",
    );
    let action = all_action_ids(&pack)[0].clone();
    let returned = partner_returns(
        &pack,
        vec![edit(
            "p1",
            "2016-11-10T10:00:00Z",
            "Ann (NCC)",
            Change::SetStatus {
                item: action.clone(),
                status: Some(Status::Complete),
            },
        )],
        "2016-11-10T11:00:00Z",
        "Ann (NCC)",
    );
    // Meanwhile a newer revision of the plan arrived, in which the board set
    // the action On track on 15 November.
    let mut revision = plan.clone();
    apply_all(
        &mut revision,
        &[edit(
            "board",
            "2016-11-15T10:00:00Z",
            "Board",
            Change::SetStatus {
                item: action.clone(),
                status: Some(Status::OnTrack),
            },
        )],
    );
    let revision = read_plan(export_text(&revision).as_bytes()).expect("opens");
    let merge = merge_alone(&revision, "ncc.json", returned);
    assert!(
        merge
            .edits
            .iter()
            .all(|e| !matches!(&e.change, Change::SetStatus { item, .. } if *item == action)),
        "not taken silently: {:#?}",
        merge.edits
    );
    assert_eq!(merge.conflicts.len(), 1, "{:#?}", merge.conflicts);
    let conflict = &merge.conflicts[0];
    assert_eq!(
        (conflict.ours.value.as_str(), conflict.theirs.value.as_str()),
        ("On track", "Complete")
    );
    // Taking their side now does show.
    let mut merged = revision.clone();
    apply_all(
        &mut merged,
        &[conflict.take_theirs("decided".into(), at("2016-11-25T09:00:00Z"), "Coordinator")],
    );
    let status = merged
        .priorities
        .iter()
        .flat_map(|p| p.activities())
        .flat_map(|a| a.actions())
        .find(|k| k.id == action)
        .and_then(|k| k.progress.as_ref())
        .and_then(|p| p.status);
    assert_eq!(status, Some(Status::Complete));
}

/// Merges a return whose pack record is `claimed`, into a plan whose
/// coordinator sent a pack on 1 November and set an action off track on 5
/// November; the partner set only that action's percent. `sent_here` is
/// what this browser knows of the packs it sent.
fn merge_claiming(claimed: serde_json::Value, sent_here: Option<&[Moment]>) -> MergePlan {
    let plan = sample();
    let mut pack = partner_pack(
        &plan,
        &leads(&["Nottinghamshire County Council"]),
        &at("2016-11-01T09:00:00Z"),
        "Coordinator",
    );
    pack.extra.insert(PACK_FIELD.to_owned(), claimed);
    let percent = edit(
        "t1",
        "2016-11-10T10:00:00Z",
        "Ann",
        Change::SetPercent {
            item: "p1-a3-k1".into(),
            percent: Some(50),
        },
    );
    let theirs = partner_returns(&pack, vec![percent], "2016-11-20T11:00:00Z", "Ann");
    let ours = vec![edit(
        "o1",
        "2016-11-05T10:00:00Z",
        "Chris",
        Change::SetStatus {
            item: "p1-a3-k1".into(),
            status: Some(Status::OffTrack),
        },
    )];
    plan_merge(
        &plan,
        &ours,
        &[("r.json".into(), theirs)],
        &received(),
        sent_here,
    )
}

fn status_edits(merge: &MergePlan) -> usize {
    merge
        .edits
        .iter()
        .filter(|e| matches!(e.change, Change::SetStatus { .. }))
        .count()
}

/// The one pack this browser sent.
const SENT_HERE: &[&str] = &["2016-11-01T09:00:00Z"];

fn sent_here() -> Vec<Moment> {
    SENT_HERE.iter().map(|s| at(s)).collect()
}

#[test]
fn a_return_of_a_pack_sent_from_here_keeps_changes_made_since() {
    let claimed = serde_json::json!({ "sent_at": SENT_HERE[0] });
    let merge = merge_claiming(claimed, Some(&sent_here()));
    assert!(
        merge.doubtful_packs.is_empty(),
        "{:#?}",
        merge.doubtful_packs
    );
    assert!(merge.conflicts.is_empty(), "{:#?}", merge.conflicts);
    assert_eq!(
        status_edits(&merge),
        0,
        "they left the status, so ours stands"
    );
    assert_eq!(
        merge.edits.len(),
        1,
        "their percent is taken: {:#?}",
        merge.edits
    );
}

#[test]
fn a_return_claiming_a_pack_never_sent_from_here_asks_before_overwriting() {
    // Trusted, this later send time would make our change look older than
    // the pack, and their unchanged status would quietly undo it.
    let claimed = serde_json::json!({ "sent_at": "2016-11-20T09:00:00Z", "sent_by": "Someone" });
    let merge = merge_claiming(claimed, Some(&sent_here()));
    assert_eq!(
        merge.doubtful_packs,
        [DoubtfulPack {
            file: "r.json".into(),
            why: PackDoubt::NotSentHere {
                at: at("2016-11-20T09:00:00Z"),
                by: Some("Someone".into())
            }
        }]
    );
    assert_eq!(
        merge.doubtful_packs[0].to_string(),
        "r.json says it is the return of a pack sent 20 November 2016 at 09:00 by Someone, but this browser has no record of sending that pack. It is merged as a plain plan file: where you changed the same thing here, you choose which to keep."
    );
    assert_eq!(status_edits(&merge), 0);
    assert_eq!(merge.conflicts.len(), 1, "{:#?}", merge.conflicts);
    assert_eq!(merge.conflicts[0].item, "p1-a3-k1");
    assert_eq!(merge.conflicts[0].field, Field::Status);
}

#[test]
fn a_pack_sent_in_the_future_or_at_no_readable_time_is_not_trusted() {
    for (claimed, doubt) in [
        (
            serde_json::json!({ "sent_at": "2016-12-25T09:00:00Z" }),
            PackDoubt::SentLater {
                at: at("2016-12-25T09:00:00Z"),
            },
        ),
        (
            serde_json::json!({ "sent_at": "last Tuesday" }),
            PackDoubt::NoSendTime,
        ),
        (serde_json::json!("sent"), PackDoubt::NoSendTime),
    ] {
        // Also when this browser cannot say which packs it sent.
        let merge = merge_claiming(claimed, None);
        assert_eq!(merge.doubtful_packs.len(), 1);
        assert_eq!(merge.doubtful_packs[0].why, doubt);
        assert_eq!(merge.conflicts.len(), 1, "{:#?}", merge.conflicts);
    }
}

#[test]
fn the_record_of_packs_sent_reads_back_and_keeps_the_newest() {
    let mut text = "[]".to_owned();
    let mut sent = Vec::new();
    for day in 0..600 {
        let moment = Moment::from_instant(
            chrono::DateTime::from_timestamp(1_480_000_000 + day * 86_400, 0)
                .expect("time")
                .fixed_offset(),
        );
        let before = read_packs_sent(&text).expect("reads");
        text = packs_sent_text(&before, &moment);
        sent.push(moment);
    }
    let kept = read_packs_sent(&text).expect("reads");
    assert_eq!(kept.len(), 500);
    assert_eq!(kept, sent[100..]);
    for unreadable in ["", "{}", "[1]", "[\"not a time\"]", "null"] {
        assert_eq!(read_packs_sent(unreadable), None, "{unreadable}");
    }
}
