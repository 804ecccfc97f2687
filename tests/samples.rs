//! The bundled sample plans open, read like their sources, and match the schema.

#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

use plan_tracker::plan::{read_plan, write_plan, Action, Activity, Measure, Plan, Status};

fn sample_paths() -> Vec<std::path::PathBuf> {
    let mut paths: Vec<_> = std::fs::read_dir("public/samples")
        .expect("public/samples")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json") && !p.ends_with("index.json"))
        .collect();
    paths.sort();
    paths
}

fn open(path: &Path) -> Plan {
    let bytes = std::fs::read(path).expect("read");
    match read_plan(&bytes) {
        Ok(plan) => plan,
        Err(e) => panic!("{}: {e}\n{:#?}", path.display(), e.problems()),
    }
}

#[test]
fn every_sample_opens_without_problems() {
    let paths = sample_paths();
    assert_eq!(paths.len(), 3, "{paths:?}");
    for path in paths {
        open(&path);
    }
}

mod common;

#[test]
fn every_samples_numbers_come_back_byte_for_byte() {
    for path in sample_paths() {
        let text = std::fs::read_to_string(&path).expect("read");
        let mut before = common::numbers_in(&text);
        let mut after = common::numbers_in(&write_plan(&open(&path)));
        // Known fields are written in the format's order, which a file may not keep.
        before.sort();
        after.sort();
        assert_eq!(after, before, "{}", path.display());
    }
}

#[test]
fn every_sample_round_trips() {
    for path in sample_paths() {
        let plan = open(&path);
        let again = read_plan(write_plan(&plan).as_bytes()).expect("reopens");
        assert_eq!(again, plan, "{}", path.display());
    }
}

#[test]
fn the_sample_index_lists_every_sample_as_it_is() {
    let index: serde_json::Value =
        serde_json::from_slice(&std::fs::read("public/samples/index.json").expect("index"))
            .expect("json");
    let listed = index.as_array().expect("list");
    let mut files: Vec<String> = listed
        .iter()
        .filter_map(|s| s["file"].as_str())
        .map(str::to_owned)
        .collect();
    files.sort();
    let mut on_disk: Vec<String> = sample_paths()
        .iter()
        .filter_map(|p| p.file_name())
        .map(|n| n.to_string_lossy().into_owned())
        .collect();
    on_disk.sort();
    assert_eq!(files, on_disk);
    for entry in listed {
        let plan = open(&Path::new("public/samples").join(entry["file"].as_str().expect("file")));
        let (_, _, actions, measures) = count(&plan);
        assert_eq!(entry["title"].as_str(), Some(plan.title.as_str()));
        assert_eq!(entry["subtitle"].as_str(), plan.subtitle.as_deref());
        assert_eq!(entry["organisation"].as_str(), plan.organisation.as_deref());
        assert_eq!(
            entry["actions"].as_u64(),
            Some(actions as u64),
            "{}",
            plan.id
        );
        assert_eq!(
            entry["measures"].as_u64(),
            Some(measures as u64),
            "{}",
            plan.id
        );
    }
}

fn count(plan: &Plan) -> (usize, usize, usize, usize) {
    let activities = plan.priorities.iter().map(|p| p.activities().len()).sum();
    let actions = plan
        .priorities
        .iter()
        .flat_map(|p| p.activities())
        .map(|a| a.actions().len())
        .sum();
    (
        plan.priorities.len(),
        activities,
        actions,
        plan.measures().len(),
    )
}

fn every_sample() -> Vec<Plan> {
    sample_paths().iter().map(|p| open(p)).collect()
}

fn activities(plan: &Plan) -> impl Iterator<Item = &Activity> {
    plan.priorities.iter().flat_map(|p| p.activities())
}

fn actions(plan: &Plan) -> impl Iterator<Item = &Action> {
    activities(plan).flat_map(|a| a.actions())
}

fn activity<'p>(plan: &'p Plan, id: &str) -> &'p Activity {
    activities(plan)
        .find(|a| a.id == id)
        .unwrap_or_else(|| panic!("activity {id}"))
}

fn action<'p>(plan: &'p Plan, id: &str) -> &'p Action {
    actions(plan)
        .find(|a| a.id == id)
        .unwrap_or_else(|| panic!("action {id}"))
}

fn measure<'p>(plan: &'p Plan, id: &str) -> &'p Measure {
    plan.measures()
        .iter()
        .find(|m| m.id == id)
        .unwrap_or_else(|| panic!("measure {id}"))
}

/// Lower case, letters and digits only: how a person compares titles.
fn plain(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric() || c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Words that stand in for a title nobody has written yet.
fn is_placeholder(title: &str) -> bool {
    matches!(
        plain(title).as_str(),
        "" | "to be confirmed"
            | "tbc"
            | "tbd"
            | "to be decided"
            | "na"
            | "n a"
            | "not applicable"
            | "placeholder"
            | "todo"
    )
}

fn notes_of(plan: &Plan, id: &str) -> Vec<String> {
    let progress = activities(plan)
        .find(|a| a.id == id)
        .map(|a| a.progress.as_ref())
        .or_else(|| {
            actions(plan)
                .find(|a| a.id == id)
                .map(|a| a.progress.as_ref())
        })
        .unwrap_or_else(|| panic!("item {id}"));
    progress
        .map(|p| p.notes().iter().map(|n| n.text.clone()).collect())
        .unwrap_or_default()
}

#[test]
fn no_title_is_a_placeholder() {
    for plan in every_sample() {
        for title in activities(&plan)
            .map(|a| &a.title)
            .chain(actions(&plan).map(|a| &a.title))
            .chain(plan.measures().iter().map(|m| &m.title))
        {
            assert!(
                !is_placeholder(title),
                "{}: '{title}' is a placeholder, not an item",
                plan.id
            );
        }
    }
}

#[test]
fn no_measure_or_action_is_listed_twice() {
    for plan in every_sample() {
        let mut seen = std::collections::HashSet::new();
        for measure in plan.measures() {
            assert!(
                seen.insert(plain(&measure.title)),
                "{}: measure '{}' appears twice",
                plan.id,
                measure.title
            );
        }
        for activity in activities(&plan) {
            let mut seen = std::collections::HashSet::new();
            for action in activity.actions() {
                assert!(
                    seen.insert(plain(&action.title)),
                    "{}: '{}' appears twice in {}",
                    plan.id,
                    action.title,
                    activity.id
                );
            }
        }
    }
}

#[test]
fn finished_work_is_marked_and_says_so() {
    for plan in every_sample() {
        for action in actions(&plan) {
            let status = action.progress.as_ref().and_then(|p| p.status);
            let says_done = ["has been established", "was established"]
                .iter()
                .any(|done| action.title.to_lowercase().contains(done));
            if says_done {
                assert_eq!(
                    status,
                    Some(Status::Complete),
                    "{}: '{}' reports itself done",
                    plan.id,
                    action.title
                );
            }
            if status == Some(Status::Complete) {
                let progress = action.progress.as_ref().expect("progress");
                assert!(
                    progress.updated.is_some() && progress.updated_by.is_some(),
                    "{}: who marked {} complete, and when",
                    plan.id,
                    action.id
                );
                assert!(
                    !progress.notes().is_empty(),
                    "{}: {} is complete with no note saying why",
                    plan.id,
                    action.id
                );
            }
        }
    }
}

#[test]
fn every_sample_says_how_it_was_made_from_its_source() {
    for plan in every_sample() {
        let description = plan.description.as_deref().unwrap_or_default();
        assert!(
            description.contains("Sample plan made from the published"),
            "{}",
            plan.id
        );
    }
}

#[test]
fn measures_link_to_priorities_that_exist_and_every_commitment_has_its_measures() {
    for plan in every_sample() {
        for priority in &plan.priorities {
            let linked = plan
                .measures()
                .iter()
                .filter(|m| m.priorities.iter().flatten().any(|l| l.id == priority.id))
                .count();
            let is_stream =
                priority.id == "portfolio" || plain(&priority.title).contains("all outcomes");
            if !plan.measures().is_empty()
                && !priority.activities().is_empty()
                && !is_stream
                && plan.id != "notts-cypf-2011-14"
            {
                assert!(
                    linked > 0,
                    "{}: priority '{}' shows no measures",
                    plan.id,
                    priority.title
                );
            }
        }
    }
}

#[test]
fn the_2016_18_plan_is_complete() {
    let plan = open(Path::new("public/samples/notts-cypf-2016-18.json"));
    assert_eq!(count(&plan), (4, 19, 44, 35));
    let mash = &plan.priorities[0].activities()[2];
    assert_eq!(
        mash.title,
        "The development of the Multi Agency Safeguarding Hub (MASH)"
    );
    assert_eq!(
        mash.governance_group.as_deref(),
        Some("MASH Governance Group")
    );
    assert_eq!(mash.actions().len(), 9);
    // Every evidence row of the 2017/18 review, and three rows quoted in
    // part where they also bear on another activity.
    let review: Vec<&str> = activities(&plan)
        .flat_map(|a| a.progress.iter().flat_map(|p| p.notes()))
        .map(|n| n.id.as_str())
        .collect();
    assert_eq!(review.len(), 24);
    assert_eq!(review.iter().filter(|id| !id.ends_with('b')).count(), 21);

    // Gaps in the source are marked, not filled in.
    assert!(action(&plan, "p1-a1-k4").title.ends_with("[…]"));
    assert!(notes_of(&plan, "p2-a4")
        .iter()
        .chain(&notes_of(&plan, "p2-a3"))
        .chain(&notes_of(&plan, "p2-a2"))
        .chain(&notes_of(&plan, "p2-a1"))
        .all(|n| !n.contains("regularly")));
    // "To be confirmed" is recorded as the plan states it.
    assert!(activity(&plan, "p2-a4").actions().is_empty());
    assert!(activity(&plan, "p2-a4")
        .remarks
        .as_deref()
        .unwrap_or_default()
        .contains("Key actions: to be confirmed"));
    assert_eq!(
        activity(&plan, "p2-a2")
            .lead
            .as_ref()
            .map(|l| l.organisation.as_str()),
        Some("To be confirmed")
    );
    for id in ["p2-a3", "p2-a4"] {
        assert!(
            activity(&plan, id)
                .partners()
                .iter()
                .any(|p| p == "To be confirmed"),
            "{id}"
        );
    }
    for id in ["p1-a2", "p2-a2", "p2-a3"] {
        assert!(
            activity(&plan, id)
                .remarks
                .as_deref()
                .unwrap_or_default()
                .contains("measures: to be confirmed"),
            "{id}"
        );
    }
    // The two streams of 1.5 and their leads.
    let send = activity(&plan, "p1-a5");
    assert!(send
        .remarks
        .as_deref()
        .unwrap_or_default()
        .contains("2.JTAI"));
    assert!(["Police", "Probation"]
        .iter()
        .all(|p| send.partners().iter().any(|q| q == p)));
    // Evidence sits with the activity it is evidence of.
    assert!(notes_of(&plan, "p4-a3").iter().any(|n| n.contains("92%")));
    assert!(
        notes_of(&plan, "p4-a1")
            .iter()
            .all(|n| !n.contains("offending by young people")
                && !n.contains("Family Support Workers"))
    );
    assert!(notes_of(&plan, "p4-a4")
        .iter()
        .any(|n| n.contains("SEND Strategic Action Plan")));
    assert!(!notes_of(&plan, "p1-a2").is_empty());
    let leavers = measure(&plan, "m-p1-a1-1");
    assert_eq!(
        leavers
            .values()
            .iter()
            .filter_map(|v| v.value.as_ref().and_then(|f| f.value()))
            .collect::<Vec<_>>(),
        [92.0]
    );
    assert!(
        plan.description
            .as_deref()
            .unwrap_or_default()
            .contains("dated 31 March 2018"),
        "how the review date was chosen"
    );
}

#[test]
fn the_2019_21_strategy_is_complete() {
    let plan = open(Path::new("public/samples/notts-cyp-strategy-2019-21.json"));
    assert_eq!(count(&plan), (4, 27, 22, 63));
    // The document gives its period only as "2019-2021".
    assert_eq!(plan.period, None);
    for duplicate in ["m-008", "m-033", "m-048", "m-065"] {
        assert!(
            plan.measures().iter().all(|m| m.id != duplicate),
            "{duplicate}"
        );
    }
    let linked = |id: &str| {
        measure(&plan, id)
            .priorities
            .iter()
            .flatten()
            .map(|l| l.id.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(linked("m-016"), ["c1", "c3"]);
    let per_priority: Vec<usize> = plan
        .priorities
        .iter()
        .map(|p| {
            plan.measures()
                .iter()
                .filter(|m| m.priorities.iter().flatten().any(|l| l.id == p.id))
                .count()
        })
        .collect();
    assert_eq!(per_priority, [18, 13, 33, 0]);
    let areas = activity(&plan, "portfolio-a2");
    assert!(
        areas
            .actions()
            .iter()
            .all(|a| !["Fostering", "Short Breaks", "Social Impact Bonds"]
                .contains(&a.title.as_str()))
    );
    assert!(areas
        .remarks
        .as_deref()
        .unwrap_or_default()
        .contains("Social Impact Bonds"));
    let description = plan.description.as_deref().unwrap_or_default();
    assert!(description.contains("Young people with disabilities will have improved pathways to support their preparation for adulthood"));
}

#[test]
fn the_2011_14_plan_is_complete() {
    let plan = open(Path::new("public/samples/notts-cypf-2011-14.json"));
    assert_eq!(count(&plan), (7, 19, 67, 22));
    assert_eq!(plan.revision.as_deref(), Some("1.1"));
    assert_eq!(plan.published, chrono::NaiveDate::from_ymd_opt(2011, 9, 1));
    assert!(plan
        .measures()
        .iter()
        .all(|m| !m.title.starts_with("Milestone monitoring")));
    let complete: Vec<&str> = actions(&plan)
        .filter(|a| a.progress.as_ref().and_then(|p| p.status) == Some(Status::Complete))
        .map(|a| a.id.as_str())
        .collect();
    assert_eq!(complete, ["p3-3-a1-k1", "p3-7-a1-k1"]);
    for id in ["p3-3-a1", "p3-3-a2", "p3-7-a1"] {
        let lead = activity(&plan, id).lead.as_ref().expect("lead");
        assert_eq!(lead.organisation, "Nottinghamshire Children's Trust");
        assert!(
            lead.team
                .as_deref()
                .unwrap_or_default()
                .contains("Joint Commissioning Group"),
            "{id}"
        );
        assert!(
            activity(&plan, id)
                .remarks
                .as_deref()
                .unwrap_or_default()
                .contains("Milestone monitoring"),
            "{id}"
        );
    }
    assert!(actions(&plan).all(|a| a.title != "Start activities within this strand"));
    // Sub-bullets carry the date their programme gives.
    for (activity_id, date) in [
        ("p3-2-a3", (2013, 3, 31)),
        ("p3-5-a1", (2012, 7, 31)),
        ("p3-5-a2", (2012, 3, 31)),
    ] {
        let due = chrono::NaiveDate::from_ymd_opt(date.0, date.1, date.2);
        assert!(
            activity(&plan, activity_id).actions().iter().all(|a| a
                .due
                .as_ref()
                .and_then(|d| d.date)
                == due),
            "{activity_id}"
        );
    }
}
