//! Editing a plan's structure: structure changes are edits in the journal,
//! applied before progress, kept through storage, undone by withdrawal,
//! exported, and the export reads back as the plan shown.

#![cfg(not(target_arch = "wasm32"))]

use plan_tracker::exchange::{export_plan, plan_as_it_stands, plan_merge, ExportFile};
use plan_tracker::plan::{read_plan, write_plan, Moment, Plan, Status};
use plan_tracker::progress::structure::*;
use plan_tracker::progress::*;
use proptest::prelude::*;

fn at(text: &str) -> Moment {
    Moment::parse(text).expect("moment")
}

fn sample() -> Plan {
    read_plan(&std::fs::read("public/samples/notts-cypf-2016-18.json").expect("sample"))
        .expect("opens")
}

/// Edits one second apart, in the order given, from one tab.
fn journal_of(changes: Vec<Change>) -> Journal {
    let mut journal = Journal::new("notts-cypf-2016-18");
    for (n, change) in changes.into_iter().enumerate() {
        let mut edit = Edit::new(
            format!("e{n:03}"),
            at(&format!("2026-11-02T10:{:02}:{:02}Z", n / 60, n % 60)),
            "Sam Officer (Nottinghamshire County Council)".into(),
            change,
        );
        edit.session = Some("tab".into());
        journal.record(edit);
    }
    journal
}

fn shaped(plan: &Plan, journal: &Journal) -> Plan {
    plan_as_it_stands(plan, journal)
}

/// The plan exported and read back.
fn round_trip(plan: &Plan, journal: &Journal) -> Plan {
    let file = ExportFile::new(plan, journal, at("2026-11-03T09:00:00Z"), "Sam Officer");
    read_plan(file.text.as_bytes()).expect("the export reads back")
}

fn add(item: &str, level: Level, parent: Option<&str>, title: &str) -> Change {
    Change::AddItem {
        item: item.into(),
        level,
        parent: parent.map(Into::into),
        title: title.into(),
    }
}

fn text(item: &str, field: TextField, value: &str) -> Change {
    Change::SetText {
        item: item.into(),
        field,
        text: Some(value.into()),
    }
}

fn ids<'p>(list: impl IntoIterator<Item = &'p String>) -> Vec<&'p str> {
    list.into_iter().map(String::as_str).collect()
}

fn activity_ids(plan: &Plan, priority: usize) -> Vec<&str> {
    ids(plan.priorities[priority].activities().iter().map(|a| &a.id))
}

fn action_ids(plan: &Plan, priority: usize, activity: usize) -> Vec<&str> {
    ids(plan.priorities[priority].activities()[activity]
        .actions()
        .iter()
        .map(|k| &k.id))
}

#[test]
fn items_added_in_place_export_and_read_back() {
    let plan = sample();
    let journal = journal_of(vec![
        add("n-p5", Level::Priority, None, "Young carers are supported"),
        add(
            "n-p5-a1",
            Level::Activity,
            Some("n-p5"),
            "Identify young carers",
        ),
        add("n-p5-a1-k1", Level::Action, Some("n-p5-a1"), "Run a census"),
        text("n-p5-a1-k1", TextField::Deadline, "Q3 2017/18"),
        text("n-p5-a1", TextField::Lead, "Nottinghamshire County Council"),
        Change::SetList {
            item: "n-p5-a1".into(),
            field: ListField::Partners,
            items: vec!["Schools".into(), " ".into(), "CCGs".into()],
        },
        add(
            "n-m1",
            Level::Measure,
            None,
            "Young carers known to services",
        ),
        Change::SetStatus {
            item: "n-p5-a1-k1".into(),
            status: Some(Status::OnTrack),
        },
    ]);
    let now = shaped(&plan, &journal);
    let last = now.priorities.last().unwrap();
    assert_eq!(last.id, "n-p5");
    let activity = &last.activities()[0];
    assert_eq!(
        activity.lead.as_ref().unwrap().organisation,
        "Nottinghamshire County Council"
    );
    assert_eq!(activity.partners(), ["Schools", "CCGs"]);
    let action = &activity.actions()[0];
    assert_eq!(
        action.due.as_ref().unwrap().label.as_deref(),
        Some("Q3 2017/18")
    );
    assert_eq!(
        action.progress.as_ref().unwrap().status,
        Some(Status::OnTrack)
    );
    assert_eq!(now.measures().last().unwrap().id, "n-m1");

    let back = round_trip(&plan, &journal);
    let mut expected = now.clone();
    expected.exported = back.exported.clone();
    assert_eq!(back, expected, "the export is the plan shown");
    assert!(back.orphaned_edits.is_none());
}

#[test]
fn renames_and_details_change_only_what_they_name() {
    let plan = sample();
    let journal = journal_of(vec![
        text("p1", TextField::Title, "  Children are safe  "),
        text("p1-a1", TextField::GovernanceGroup, "Safeguarding board"),
        text("p1-a1-k1", TextField::Deadline, "2017-03-31"),
        text(
            "notts-cypf-2016-18",
            TextField::Revision,
            "Version 3, agreed by the board",
        ),
        Change::SetList {
            item: "p1".into(),
            field: ListField::Outcomes,
            items: vec!["Fewer children need protection plans".into()],
        },
        // Emptying a title is refused: the format needs one.
        Change::SetText {
            item: "p2".into(),
            field: TextField::Title,
            text: None,
        },
    ]);
    let now = shaped(&plan, &journal);
    assert_eq!(now.priorities[0].title, "Children are safe");
    assert_eq!(now.priorities[1].title, plan.priorities[1].title);
    assert_eq!(
        now.priorities[0].outcomes.as_deref().unwrap(),
        ["Fewer children need protection plans"]
    );
    let a1 = &now.priorities[0].activities()[0];
    assert_eq!(a1.governance_group.as_deref(), Some("Safeguarding board"));
    assert_eq!(
        a1.lead,
        plan.priorities[0].activities()[0].lead,
        "the lead is untouched"
    );
    let due = a1.actions()[0].due.as_ref().unwrap();
    assert_eq!(
        (due.label.as_deref(), due.date.map(|d| d.to_string())),
        (None, Some("2017-03-31".into()))
    );
    assert_eq!(
        now.revision.as_deref(),
        Some("Version 3, agreed by the board")
    );
    assert_eq!(
        round_trip(&plan, &journal).revision.as_deref(),
        Some("Version 3, agreed by the board")
    );
}

#[test]
fn a_new_lead_keeps_the_team_and_officer_of_the_old_one() {
    let mut plan = sample();
    let lead = plan.priorities[0].activities.as_mut().unwrap()[0]
        .lead
        .as_mut()
        .unwrap();
    lead.team = Some("Early help".into());
    let journal = journal_of(vec![text("p1-a1", TextField::Lead, "Nottingham CityCare")]);
    let lead = shaped(&plan, &journal).priorities[0].activities()[0]
        .lead
        .clone()
        .unwrap();
    assert_eq!(
        (lead.organisation.as_str(), lead.team.as_deref()),
        ("Nottingham CityCare", Some("Early help"))
    );
}

#[test]
fn up_and_down_reorder_and_an_action_moves_to_another_activity() {
    let plan = sample();
    let before = activity_ids(&plan, 0);
    let (up, down) = up_and_down(&plan, before[0]);
    assert!(up.is_none(), "the first cannot go up");
    let journal = journal_of(vec![down.unwrap()]);
    let now = shaped(&plan, &journal);
    assert_eq!(activity_ids(&now, 0)[..2], [before[1], before[0]]);

    let last = before.last().unwrap();
    let (up, down) = up_and_down(&plan, last);
    assert!(down.is_none(), "the last cannot go down");
    let now = shaped(&plan, &journal_of(vec![up.unwrap()]));
    let got = activity_ids(&now, 0);
    assert_eq!(got[got.len() - 2..], [*last, before[before.len() - 2]]);

    // p1-a1-k1 goes to p2-a4, which had no actions.
    let draft = ItemDraft {
        activity: "p2-a4".into(),
        ..ItemDraft::of(&plan, "p1-a1-k1").unwrap()
    };
    let changes = draft.changes(&plan, "p1-a1-k1").unwrap();
    assert_eq!(changes.len(), 1, "only the move: {changes:?}");
    let now = shaped(&plan, &journal_of(changes));
    assert_eq!(action_ids(&now, 1, 3), ["p1-a1-k1"]);
    assert!(!action_ids(&now, 0, 0).contains(&"p1-a1-k1"));
    let back = round_trip(
        &plan,
        &journal_of(vec![Change::MoveItem {
            item: "p1-a1-k1".into(),
            parent: Some("p2-a4".into()),
            before: None,
        }]),
    );
    assert_eq!(action_ids(&back, 1, 3), ["p1-a1-k1"]);
}

#[test]
fn deleting_drops_links_to_what_went_and_keeps_edits_to_it() {
    let plan = sample();
    let measure = plan.priorities[0].activities()[0].measure_ids()[0].clone();
    let journal = journal_of(vec![
        Change::SetStatus {
            item: "p3-a1-k1".into(),
            status: Some(Status::Complete),
        },
        Change::DeleteItem { item: "p3".into() },
        Change::DeleteItem {
            item: measure.clone(),
        },
    ]);
    let now = shaped(&plan, &journal);
    assert!(now.priorities.iter().all(|p| p.id != "p3"));
    assert!(now.measures().iter().all(|m| m.id != measure));
    for m in now.measures() {
        for link in m.priorities.iter().flatten() {
            assert_ne!(
                link.id, "p3",
                "{} still links to the deleted priority",
                m.id
            );
        }
    }
    assert!(!now.priorities[0].activities()[0]
        .measure_ids()
        .contains(&measure));
    // The status recorded before the priority went is kept, not dropped.
    let export = export_plan(&plan, &journal, at("2026-11-03T09:00:00Z"), "Sam");
    assert_eq!(export.orphans.len(), 1);
    assert_eq!(export.orphans[0].change.target(), "p3-a1-k1");
    let back = read_plan(write_plan(&export.plan).as_bytes()).expect("reads back");
    assert_eq!(back.orphaned_edits.as_ref().map(Vec::len), Some(1));
}

#[test]
fn undoing_a_delete_brings_the_item_back() {
    let plan = sample();
    let mut journal = journal_of(vec![Change::DeleteItem {
        item: "p1-a2".into(),
    }]);
    assert!(find(&shaped(&plan, &journal), "p1-a2").is_none());
    assert_eq!(journal.undo("tab", at("2026-11-02T11:00:00Z")), 1);
    assert_eq!(shaped(&plan, &journal), plan);
}

#[test]
fn the_last_priority_is_never_deleted() {
    let mut plan = sample();
    plan.priorities.truncate(1);
    plan.measures = None;
    for activity in plan.priorities[0].activities.iter_mut().flatten() {
        activity.measure_ids = None;
    }
    let id = plan.priorities[0].id.clone();
    assert!(cannot_delete(&plan, &id).is_some());
    let journal = journal_of(vec![Change::DeleteItem { item: id.clone() }]);
    let export = export_plan(&plan, &journal, at("2026-11-03T09:00:00Z"), "Sam");
    assert_eq!(export.plan.priorities.len(), 1);
    assert_eq!(export.orphans.len(), 1, "kept, not applied");
    assert!(read_plan(write_plan(&export.plan).as_bytes()).is_ok());
}

#[test]
fn changes_to_items_a_revision_lacks_are_kept() {
    let plan = sample();
    let journal = journal_of(vec![
        add("n-k", Level::Action, Some("no-such-activity"), "Lost?"),
        text("no-such-item", TextField::Title, "Renamed"),
        Change::MoveItem {
            item: "p1-a1-k1".into(),
            parent: Some("gone".into()),
            before: None,
        },
    ]);
    let export = export_plan(&plan, &journal, at("2026-11-03T09:00:00Z"), "Sam");
    assert_eq!(export.orphans.len(), 3);
    assert_eq!(shaped(&plan, &journal), plan);
}

#[test]
fn adding_an_id_already_in_the_plan_changes_nothing() {
    let plan = sample();
    let journal = journal_of(vec![add("p1-a1", Level::Activity, Some("p2"), "Copy")]);
    assert_eq!(shaped(&plan, &journal), plan);
}

#[test]
fn a_return_for_a_deleted_item_is_listed_not_dropped() {
    let plan = sample();
    let mut theirs = plan.clone();
    let action = &mut theirs.priorities[0].activities.as_mut().unwrap()[1]
        .actions
        .as_mut()
        .unwrap()[0];
    let id = action.id.clone();
    action.progress.get_or_insert_with(Default::default).status = Some(Status::AtRisk);
    let ours = journal_of(vec![Change::DeleteItem {
        item: "p1-a2".into(),
    }]);
    let merge = plan_merge(
        &plan,
        &ours.edits,
        &[("return.json".into(), theirs)],
        &at("2026-11-03T09:00:00Z"),
        None,
    );
    assert!(merge.edits.is_empty());
    assert!(
        merge.not_merged.iter().any(|n| n.to_string().contains(&id) || matches!(&n.why, plan_tracker::exchange::NotMergedReason::NotInPlan { id: i, .. } if *i == id)),
        "{:?}",
        merge.not_merged
    );
}

#[test]
fn structure_changes_come_back_from_storage() {
    let journal = journal_of(vec![
        add("n-p5", Level::Priority, None, "New"),
        text("p1-a1", TextField::Lead, "NCC"),
        Change::SetText {
            item: "p1-a1".into(),
            field: TextField::GovernanceGroup,
            text: None,
        },
        Change::SetList {
            item: "p1".into(),
            field: ListField::Success,
            items: vec!["a".into(), "b".into()],
        },
        Change::MoveItem {
            item: "p1-a1-k1".into(),
            parent: Some("p2-a4".into()),
            before: Some("x".into()),
        },
        Change::MoveItem {
            item: "p1".into(),
            parent: None,
            before: None,
        },
        Change::DeleteItem { item: "p2".into() },
    ]);
    let text = serde_json::to_string(&journal).unwrap();
    assert_eq!(read_journal(&text), Some(journal));
}

#[test]
fn a_form_gives_only_the_fields_that_differ() {
    let plan = sample();
    let same = ItemDraft::of(&plan, "p1-a1").unwrap();
    assert_eq!(same.changes(&plan, "p1-a1"), Ok(vec![]));
    let changed = ItemDraft {
        governance_group: "Board".into(),
        partners: format!("{}\nSchools\n\n", same.partners),
        ..same.clone()
    };
    let changes = changed.changes(&plan, "p1-a1").unwrap();
    assert_eq!(changes.len(), 2, "{changes:?}");
    let blank = ItemDraft {
        title: "  ".into(),
        ..same
    };
    assert_eq!(blank.changes(&plan, "p1-a1"), Err("Enter a title"));
}

#[test]
fn what_a_delete_takes_is_said_before_it_goes() {
    let plan = sample();
    let p1 = what_goes(&plan, "p1").unwrap();
    assert!(p1.starts_with("the priority '"), "{p1}");
    assert!(
        p1.ends_with("and its 6 key activities with 22 key actions"),
        "{p1}"
    );
    assert_eq!(
        what_goes(&plan, "p2-a4").unwrap(),
        format!(
            "the key activity '{}'",
            plan.priorities[1].activities()[3].title
        )
    );
}

#[test]
fn the_date_understood_is_shown_beside_the_deadline_as_written() {
    for (label, understood) in [
        ("March 2017", "31 March 2017"),
        ("2017-03-31", "31 March 2017"),
        (
            "Between October 2016 and March 2017",
            "1 October 2016 to 31 March 2017",
        ),
        (
            "Ongoing",
            "No date understood: the action will show as having no date",
        ),
        ("", "No deadline"),
    ] {
        assert_eq!(date_understood(label), understood, "{label}");
    }
}

#[test]
fn describing_structure_changes_for_the_history() {
    assert_eq!(
        add("x", Level::Activity, Some("p1"), "Early help").describe(),
        "Key activity 'Early help' added"
    );
    assert_eq!(
        text("x", TextField::Lead, "NCC").describe(),
        "Lead organisation set to 'NCC'"
    );
    assert_eq!(
        Change::DeleteItem { item: "x".into() }.describe(),
        "Deleted"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// However the journal's copies list the edits, the plan is the same,
    /// and its export reads back as that plan.
    #[test]
    fn any_order_of_the_same_edits_gives_the_same_plan(
        picks in proptest::collection::vec((0usize..8, 0usize..30, 0usize..30), 1..12),
        order in Just(()).prop_perturb(|_, mut rng| rng.random::<u64>()),
    ) {
        let plan = sample();
        let ids: Vec<String> = plan.priorities.iter().flat_map(|p| {
            std::iter::once(p.id.clone()).chain(p.activities().iter().flat_map(|a| {
                std::iter::once(a.id.clone()).chain(a.actions().iter().map(|k| k.id.clone()))
            }))
        }).chain(plan.measures().iter().map(|m| m.id.clone())).collect();
        let changes: Vec<Change> = picks.iter().enumerate().map(|(n, &(kind, a, b))| {
            let a = ids[a % ids.len()].clone();
            let b = ids[b % ids.len()].clone();
            match kind {
                0 => Change::DeleteItem { item: a },
                1 => Change::MoveItem { item: a, parent: Some(b), before: None },
                2 => Change::MoveItem { item: a, parent: None, before: Some(b) },
                3 => text(&a, TextField::Title, &format!("Title {n}")),
                4 => add(&format!("new-{n}"), Level::Action, Some(&a), "New action"),
                5 => add(&format!("new-{n}"), Level::Activity, Some(&a), "New activity"),
                6 => text(&a, TextField::Deadline, "Q3 2017/18"),
                _ => Change::SetStatus { item: a, status: Some(Status::AtRisk) },
            }
        }).collect();
        let journal = journal_of(changes);
        let mut shuffled = journal.clone();
        let len = shuffled.edits.len();
        shuffled.edits.rotate_left((order as usize) % len);
        shuffled.edits.swap(0, len - 1);
        prop_assert_eq!(shaped(&plan, &journal), shaped(&plan, &shuffled));
        let file = ExportFile::new(&plan, &journal, at("2026-11-03T09:00:00Z"), "Sam");
        let back = read_plan(file.text.as_bytes());
        prop_assert!(back.is_ok(), "{:?}", back.err());
    }
}
