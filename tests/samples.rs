//! The bundled sample plans open, read like their sources, and match the schema.

#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

use plan_tracker::plan::{read_plan, write_plan, Plan};

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

#[test]
fn every_sample_round_trips() {
    for path in sample_paths() {
        let plan = open(&path);
        let again = read_plan(write_plan(&plan).as_bytes()).expect("reopens");
        assert_eq!(again, plan, "{}", path.display());
    }
}

#[test]
fn the_sample_index_lists_every_sample() {
    let index: serde_json::Value =
        serde_json::from_slice(&std::fs::read("public/samples/index.json").expect("index")).expect("json");
    let listed: Vec<&str> = index.as_array().expect("list").iter().filter_map(|s| s["file"].as_str()).collect();
    let mut files: Vec<String> =
        sample_paths().iter().filter_map(|p| p.file_name()).map(|n| n.to_string_lossy().into_owned()).collect();
    files.sort();
    let mut listed_sorted: Vec<String> = listed.iter().map(|s| s.to_string()).collect();
    listed_sorted.sort();
    assert_eq!(listed_sorted, files);
}

fn count(plan: &Plan) -> (usize, usize, usize, usize) {
    let activities = plan.priorities.iter().map(|p| p.activities().len()).sum();
    let actions = plan.priorities.iter().flat_map(|p| p.activities()).map(|a| a.actions().len()).sum();
    (plan.priorities.len(), activities, actions, plan.measures().len())
}

#[test]
fn the_2016_18_plan_is_complete() {
    let plan = open(Path::new("public/samples/notts-cypf-2016-18.json"));
    assert_eq!(count(&plan), (4, 17, 45, 35));
    let mash = &plan.priorities[0].activities()[2];
    assert_eq!(mash.title, "The development of the Multi Agency Safeguarding Hub (MASH)");
    assert_eq!(mash.governance_group.as_deref(), Some("MASH Governance Group"));
    assert_eq!(mash.actions().len(), 9);
    let notes: usize = plan
        .priorities
        .iter()
        .flat_map(|p| p.activities())
        .filter_map(|a| a.progress.as_ref())
        .map(|p| p.notes().len())
        .sum();
    assert_eq!(notes, 21, "every evidence row of the 2017/18 review");
}

#[test]
fn the_2019_21_strategy_is_complete() {
    let plan = open(Path::new("public/samples/notts-cyp-strategy-2019-21.json"));
    assert_eq!(count(&plan), (4, 27, 29, 67));
}

#[test]
fn the_2011_14_plan_is_complete() {
    let plan = open(Path::new("public/samples/notts-cypf-2011-14.json"));
    assert_eq!(count(&plan), (7, 19, 67, 23));
    assert_eq!(plan.revision.as_deref(), Some("1.1"));
}
