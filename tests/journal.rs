//! The journal: tabs' copies merge by id, undo, discard and export are
//! entries of their own, and nothing one tab took back comes back from
//! another.

#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;

use plan_tracker::exchange::export_plan;
use plan_tracker::plan::{read_plan, Moment, Plan, Status};
use plan_tracker::progress::*;
use proptest::prelude::*;

fn at(text: &str) -> Moment {
    Moment::parse(text).expect("moment")
}

/// An edit made in the tab `session`.
fn edit_in(session: &str, id: &str, when: &str, change: Change) -> Edit {
    let mut edit = Edit::new(id.into(), at(when), format!("Someone in {session}"), change);
    edit.session = Some(session.to_owned());
    edit
}

fn status(item: &str, s: Status) -> Change {
    Change::SetStatus {
        item: item.into(),
        status: Some(s),
    }
}

fn sample() -> Plan {
    read_plan(&std::fs::read("public/samples/notts-cypf-2016-18.json").expect("sample"))
        .expect("opens")
}

fn ids(journal: &Journal) -> BTreeSet<String> {
    journal.edits.iter().map(|e| e.id.clone()).collect()
}

fn shown_status(journal: &Journal, item: &str) -> Option<Status> {
    current_progress(None, journal.history(item)).and_then(|p| p.status)
}

const PLAN: &str = "notts-cypf-2016-18";

#[test]
fn two_tabs_journals_merge_without_losing_either() {
    let mut tab_a = Journal::new(PLAN);
    let mut tab_b = Journal::new(PLAN);
    tab_a.record(edit_in(
        "a",
        "a1",
        "2016-11-22T10:00:00Z",
        status("p1-a3-k1", Status::AtRisk),
    ));
    tab_b.record(edit_in(
        "b",
        "b1",
        "2016-11-22T10:05:00Z",
        status("p1-a3-k1", Status::OnTrack),
    ));
    tab_b.record(edit_in(
        "b",
        "b2",
        "2016-11-22T10:06:00Z",
        status("p2-a1-k1", Status::Complete),
    ));
    tab_a.merge(&tab_b);
    tab_b.merge(&tab_a);
    assert_eq!(
        ids(&tab_a),
        ids(&tab_b),
        "both tabs end up with the same edits"
    );
    assert_eq!(tab_a.edits.len(), 3);
    assert_eq!(
        tab_a.history("p1-a3-k1").count(),
        2,
        "the earlier change stays in the history"
    );
    assert_eq!(
        shown_status(&tab_a, "p1-a3-k1"),
        Some(Status::OnTrack),
        "the later change wins"
    );
}

#[test]
fn an_undone_change_does_not_come_back_from_another_tab() {
    // Tab A sets Complete; tab B hears of it.
    let mut tab_a = Journal::new(PLAN);
    tab_a.record(edit_in(
        "a",
        "a1",
        "2016-11-22T10:00:00Z",
        status("p1-a3-k1", Status::Complete),
    ));
    let mut tab_b = Journal::new(PLAN);
    tab_b.merge(&tab_a);
    // A undoes it. B, which still holds the edit, saves its next change.
    assert_eq!(tab_a.undo("a", at("2016-11-22T10:01:00Z")), 1);
    tab_b.record(edit_in(
        "b",
        "b1",
        "2016-11-22T10:02:00Z",
        status("p2-a1-k1", Status::OnTrack),
    ));
    tab_a.merge(&tab_b);
    assert_eq!(
        shown_status(&tab_a, "p1-a3-k1"),
        None,
        "the undo holds in A"
    );
    tab_b.merge(&tab_a);
    assert_eq!(shown_status(&tab_b, "p1-a3-k1"), None, "and reaches B");
    assert_eq!(ids(&tab_a), BTreeSet::from(["b1".to_owned()]));
    assert_eq!(ids(&tab_b), ids(&tab_a));

    // Neither tab's export holds it.
    for journal in [&tab_a, &tab_b] {
        let export = export_plan(&sample(), journal, at("2016-11-22T11:00:00Z"), "Tester");
        let action = export.plan.priorities[0].activities()[2].actions()[0].clone();
        assert_eq!(action.id, "p1-a3-k1");
        assert_eq!(action.progress.and_then(|p| p.status), None);
    }
}

#[test]
fn undo_takes_back_only_this_tabs_own_last_change() {
    let mut tab_a = Journal::new(PLAN);
    tab_a.record(edit_in(
        "a",
        "a1",
        "2016-11-22T10:00:00Z",
        status("p1-a3-k1", Status::AtRisk),
    ));
    let mut tab_b = Journal::new(PLAN);
    tab_b.record(edit_in(
        "b",
        "b1",
        "2016-11-22T10:05:00Z",
        status("p2-a1-k1", Status::Complete),
    ));
    tab_a.merge(&tab_b);
    // B's change came last, but it is not A's to undo.
    assert_eq!(
        tab_a
            .undoable("a")
            .iter()
            .map(|e| e.id.as_str())
            .collect::<Vec<_>>(),
        ["a1"]
    );
    assert_eq!(tab_a.undo("a", at("2016-11-22T10:06:00Z")), 1);
    assert_eq!(ids(&tab_a), BTreeSet::from(["b1".to_owned()]));
    assert_eq!(
        tab_a.undo("a", at("2016-11-22T10:07:00Z")),
        0,
        "nothing more of A's to undo"
    );
    assert!(tab_a.undoable("a").is_empty());
}

#[test]
fn an_export_counts_only_the_edits_its_file_held() {
    let mut tab_a = Journal::new(PLAN);
    tab_a.record(edit_in(
        "a",
        "a1",
        "2016-11-22T10:00:00Z",
        status("p1-a3-k1", Status::AtRisk),
    ));
    let mut tab_b = Journal::new(PLAN);
    tab_b.record(edit_in(
        "b",
        "b1",
        "2016-11-22T09:00:00Z",
        status("p2-a1-k1", Status::Complete),
    ));
    // A exports before it has heard of B's edit.
    let held = export_plan(&sample(), &tab_a, at("2016-11-22T10:30:00Z"), "Tester").edit_ids;
    tab_a.mark_exported(held, at("2016-11-22T10:30:00Z"));
    assert_eq!(tab_a.unexported_count(), 0);
    tab_a.merge(&tab_b);
    tab_b.merge(&tab_a);
    for journal in [&tab_a, &tab_b] {
        let waiting: Vec<&str> = journal.unexported().map(|e| e.id.as_str()).collect();
        assert_eq!(waiting, ["b1"], "B's edit was in no file");
        assert_eq!(journal.last_export, Some(at("2016-11-22T10:30:00Z")));
    }
}

#[test]
fn a_plan_made_here_waits_for_its_first_export() {
    // A new or imported plan exists only in this browser until exported.
    let mut journal = Journal::new(PLAN);
    journal.made_here = true;
    assert_eq!(journal.waiting().count(), 1);
    assert_eq!(journal.waiting().text(), "New plan, not exported yet");
    assert_eq!(journal.waiting().pronoun(), "it");
    journal.record(edit_in(
        "a",
        "a1",
        "2016-11-22T10:00:00Z",
        status("p1-a3-k1", Status::AtRisk),
    ));
    assert_eq!(
        (journal.unexported_count(), journal.waiting().count()),
        (1, 2)
    );
    assert_eq!(journal.waiting().text(), "New plan, not exported yet");
    assert_eq!(journal.waiting().pronoun(), "it");
    // Another tab that has not heard of it learns it from a merge, and
    // neither forgets it.
    let mut other_tab = Journal::new(PLAN);
    other_tab.merge(&journal);
    journal.merge(&Journal::new(PLAN));
    assert!(other_tab.waiting().new_plan && journal.waiting().new_plan);
    // An export holds the plan itself, and later edits count as usual.
    journal.mark_exported(
        journal
            .edits
            .iter()
            .map(|e| e.id.clone())
            .collect::<Vec<_>>(),
        at("2016-11-22T10:30:00Z"),
    );
    assert_eq!(journal.waiting().count(), 0);
    assert_eq!(
        journal.waiting().text(),
        "No changes waiting to be exported"
    );
    other_tab.merge(&journal);
    assert!(!other_tab.waiting().new_plan);
    // A plan opened from a file was never made here.
    assert_eq!(Journal::new(PLAN).waiting().count(), 0);
}

#[test]
fn changes_made_while_an_export_is_being_saved_still_wait() {
    let mut journal = Journal::new("x");
    journal.record(edit_in(
        "a",
        "e1",
        "2016-11-22T10:00:00Z",
        status("a", Status::AtRisk),
    ));
    let in_the_file: Vec<String> = journal.edits.iter().map(|e| e.id.clone()).collect();
    // The person changes something while the save dialog is open.
    journal.record(edit_in(
        "a",
        "e2",
        "2016-11-22T10:01:00Z",
        status("a", Status::OffTrack),
    ));
    journal.mark_exported(in_the_file, at("2016-11-22T10:02:00Z"));
    assert_eq!(
        journal
            .unexported()
            .map(|e| e.id.as_str())
            .collect::<Vec<_>>(),
        ["e2"]
    );
}

#[test]
fn exported_changes_are_not_undone() {
    let mut journal = Journal::new("x");
    journal.record(edit_in(
        "a",
        "e1",
        "2016-11-22T10:00:00Z",
        status("a", Status::AtRisk),
    ));
    journal.record(edit_in(
        "a",
        "e2",
        "2016-11-22T11:00:00Z",
        status("a", Status::OffTrack),
    ));
    assert_eq!(journal.unexported_count(), 2);
    journal.mark_exported(
        ["e1".to_owned(), "e2".to_owned()],
        at("2016-11-22T12:00:00Z"),
    );
    assert_eq!(journal.unexported_count(), 0);
    assert_eq!(
        journal.undo("a", at("2016-11-22T12:01:00Z")),
        0,
        "exported changes are not undone"
    );
    journal.record(edit_in(
        "a",
        "e3",
        "2016-11-22T13:00:00Z",
        status("a", Status::Complete),
    ));
    assert_eq!(journal.unexported_count(), 1);
    assert_eq!(journal.undo("a", at("2016-11-22T13:01:00Z")), 1);
    assert_eq!(
        ids(&journal),
        BTreeSet::from(["e1".to_owned(), "e2".to_owned()])
    );
}

#[test]
fn undo_takes_back_a_whole_batch_such_as_a_merge() {
    let mut journal = Journal::new("x");
    journal.record(edit_in(
        "a",
        "e1",
        "2016-11-22T10:00:00Z",
        status("a", Status::AtRisk),
    ));
    journal.mark_exported(["e1".to_owned()], at("2016-11-22T12:00:00Z"));
    // A merge brings in edits made before the export, recorded after it.
    for (i, when) in ["2016-11-01T10:00:00Z", "2016-11-02T10:00:00Z"]
        .iter()
        .enumerate()
    {
        let mut e = edit_in(
            "a",
            &format!("m{i}"),
            when,
            status(&format!("b{i}"), Status::OnTrack),
        );
        e.batch = Some("merge-1".into());
        journal.record(e);
    }
    assert_eq!(journal.unexported_count(), 2);
    assert_eq!(
        journal.undo("a", at("2016-11-22T12:05:00Z")),
        2,
        "the whole merge"
    );
    assert_eq!(journal.unexported_count(), 0);
}

#[test]
fn discard_takes_back_what_is_known_and_later_changes_still_count() {
    let mut tab_a = Journal::new(PLAN);
    tab_a.record(edit_in(
        "a",
        "a1",
        "2016-11-22T10:00:00Z",
        status("p1-a3-k1", Status::AtRisk),
    ));
    let mut tab_b = Journal::new(PLAN);
    tab_b.merge(&tab_a);
    assert_eq!(tab_a.discard(at("2016-11-22T10:10:00Z")), 1);
    assert!(tab_a.edits.is_empty());
    // B changes something after A discarded, then the tabs hear of each other.
    tab_b.record(edit_in(
        "b",
        "b1",
        "2016-11-22T10:20:00Z",
        status("p2-a1-k1", Status::OnTrack),
    ));
    tab_a.merge(&tab_b);
    tab_b.merge(&tab_a);
    assert_eq!(ids(&tab_a), BTreeSet::from(["b1".to_owned()]));
    assert_eq!(ids(&tab_b), ids(&tab_a));
    // A taken-back edit cannot be recorded again.
    assert!(!tab_a.record(edit_in(
        "a",
        "a1",
        "2016-11-22T10:00:00Z",
        status("p1-a3-k1", Status::AtRisk)
    )));
}

#[test]
fn edits_within_one_second_keep_their_order_through_storage() {
    // Two tabs can both change a field within a second; the one stored and
    // read back by the other tab must still order as it was made.
    let second = chrono::DateTime::parse_from_rfc3339("2026-11-22T10:00:05Z").expect("instant");
    let earlier = Moment::from_instant(second + chrono::Duration::milliseconds(100));
    let later = Moment::from_instant(second + chrono::Duration::milliseconds(700));
    assert_eq!(later.as_str(), "2026-11-22T10:00:05.700Z");
    let mut other_tab = Journal::new("p");
    other_tab.record(Edit::new(
        "a-second".into(),
        later.clone(),
        "Tab two".into(),
        status("p1-a3-k1", Status::OnTrack),
    ));
    let stored =
        read_journal(&serde_json::to_string(&other_tab).expect("json")).expect("read back");
    assert_eq!(stored.edits[0].at, later);
    assert!(stored.edits[0].at > earlier);

    let mut journal = Journal::new("p");
    journal.record(Edit::new(
        "z-first".into(),
        earlier,
        "Tab one".into(),
        status("p1-a3-k1", Status::Complete),
    ));
    journal.merge(&stored);
    let progress = current_progress(None, &journal.edits).expect("progress");
    assert_eq!(
        progress.status,
        Some(Status::OnTrack),
        "the later change wins, whatever the ids"
    );
}

#[test]
fn saving_merges_with_what_another_tab_stored_and_never_overwrites_what_cannot_be_read() {
    let mut ours = Journal::new(PLAN);
    ours.record(edit_in(
        "a",
        "a1",
        "2016-11-22T10:00:00Z",
        status("p1-a3-k1", Status::AtRisk),
    ));
    let mut theirs = Journal::new(PLAN);
    theirs.record(edit_in(
        "b",
        "b1",
        "2016-11-22T10:01:00Z",
        status("p2-a1-k1", Status::OnTrack),
    ));
    let stored = serde_json::to_string(&theirs).expect("json");

    assert_eq!(journal_to_store(None, &ours), Ok(ours.clone()));
    let to_store = journal_to_store(Some(&stored), &ours).expect("merged");
    assert_eq!(
        ids(&to_store),
        BTreeSet::from(["a1".to_owned(), "b1".to_owned()])
    );

    let newer_version = stored.replace(r#""version":2"#, r#""version":3"#);
    assert_ne!(newer_version, stored);
    for unreadable in [
        newer_version.as_str(),
        "{not json",
        r#"{"version":2,"plan_id":"another-plan","edits":[]}"#,
    ] {
        assert_eq!(
            journal_to_store(Some(unreadable), &ours),
            Err(NotSaved::StoredUnreadable),
            "{unreadable}"
        );
    }
}

/// One step a tab can take.
#[derive(Debug, Clone)]
enum Step {
    Record {
        tab: usize,
        item: usize,
        status: usize,
    },
    Undo {
        tab: usize,
    },
    Discard {
        tab: usize,
    },
    Export {
        tab: usize,
    },
    /// `to` hears of `from`'s journal (a storage event, or a save's merge).
    Hear {
        from: usize,
        to: usize,
    },
}

fn steps() -> impl Strategy<Value = Vec<Step>> {
    let tab = 0usize..3;
    let step = prop_oneof![
        4 => (tab.clone(), 0usize..4, 0usize..6).prop_map(|(tab, item, status)| Step::Record { tab, item, status }),
        1 => tab.clone().prop_map(|tab| Step::Undo { tab }),
        1 => tab.clone().prop_map(|tab| Step::Discard { tab }),
        1 => tab.clone().prop_map(|tab| Step::Export { tab }),
        3 => (tab.clone(), tab).prop_map(|(from, to)| Step::Hear { from, to }),
    ];
    proptest::collection::vec(step, 0..40)
}

/// Runs the steps on three tabs, the clock ticking a second a step.
fn run(steps: &[Step]) -> Vec<Journal> {
    let mut tabs = vec![Journal::new(PLAN); 3];
    // The first tab made the plan; the others opened it.
    tabs[0].made_here = true;
    for (n, step) in steps.iter().enumerate() {
        let now = Moment::from_instant(
            chrono::DateTime::from_timestamp(1_700_000_000 + n as i64, 0)
                .expect("time")
                .fixed_offset(),
        );
        match *step {
            Step::Record { tab, item, status } => {
                let change = Change::SetStatus {
                    item: format!("item-{item}"),
                    status: Status::ALL.get(status).copied(),
                };
                let mut edit = Edit::new(format!("e{n}"), now, "Tester".into(), change);
                edit.session = Some(format!("tab-{tab}"));
                tabs[tab].record(edit);
            }
            Step::Undo { tab } => {
                tabs[tab].undo(&format!("tab-{tab}"), now);
            }
            Step::Discard { tab } => {
                tabs[tab].discard(now);
            }
            Step::Export { tab } => {
                let held: Vec<String> = tabs[tab].edits.iter().map(|e| e.id.clone()).collect();
                tabs[tab].mark_exported(held, now);
            }
            Step::Hear { from, to } => {
                let other = tabs[from].clone();
                tabs[to].merge(&other);
            }
        }
    }
    tabs
}

/// What a journal means: the edits in effect, what was taken back, what
/// was exported. (The order edits were learnt in may differ by tab.)
fn meaning(
    journal: &Journal,
) -> (
    BTreeSet<String>,
    BTreeSet<String>,
    BTreeSet<String>,
    Option<Moment>,
    usize,
) {
    let withdrawn = journal.withdrawn.iter().map(|w| w.edit.clone()).collect();
    (
        ids(journal),
        withdrawn,
        journal.exported.iter().cloned().collect(),
        journal.last_export.clone(),
        journal.waiting().count(),
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// However tabs' steps interleave, once every tab has heard of every
    /// other they agree, and in any order of hearing.
    #[test]
    fn tabs_that_have_heard_each_other_agree(steps in steps(), order in Just([0usize, 1, 2]).prop_shuffle()) {
        let tabs = run(&steps);
        let mut forward = tabs[order[0]].clone();
        forward.merge(&tabs[order[1]]);
        forward.merge(&tabs[order[2]]);
        let mut backward = tabs[order[2]].clone();
        backward.merge(&tabs[order[1]]);
        backward.merge(&tabs[order[0]]);
        prop_assert_eq!(meaning(&forward), meaning(&backward));
        // Hearing the same journal twice changes nothing.
        let mut twice = forward.clone();
        twice.merge(&tabs[order[1]]);
        prop_assert_eq!(meaning(&twice), meaning(&forward));
        // Nothing taken back is in effect anywhere.
        for journal in tabs.iter().chain([&forward]) {
            prop_assert!(journal.edits.iter().all(|e| !journal.is_withdrawn(&e.id)));
            // Kept in order, so lookups can halve.
            prop_assert!(journal.withdrawn.windows(2).all(|w| w[0].edit < w[1].edit));
            prop_assert!(journal.exported.windows(2).all(|w| w[0] < w[1]));
        }
        // And the stored form reads back as the same journal.
        let stored = read_journal(&serde_json::to_string(&forward).expect("json")).expect("reads back");
        prop_assert_eq!(stored, forward);
    }
}
