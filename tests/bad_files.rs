//! The catalogue of bad files (tests/bad-files/catalogue.json): each one is
//! refused, or opens, with the message the person must see. The end-to-end
//! tests open a sample of the same files in the app.

#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;
use std::path::Path;

use plan_tracker::exchange::plan_merge;
use plan_tracker::plan::{read_plan, write_plan, Moment};
use plan_tracker::progress::read_journal;
use serde::Deserialize;

const FOLDER: &str = "tests/bad-files";

#[derive(Deserialize)]
struct Catalogue {
    plans: Vec<Entry>,
    generated: Vec<Generated>,
    opens: Vec<Opens>,
    returns: Vec<Entry>,
    journals: Vec<Entry>,
}

#[derive(Deserialize)]
struct Entry {
    file: String,
    what: String,
    message: String,
}

#[derive(Deserialize)]
struct Generated {
    file: String,
    bytes: usize,
    message: String,
}

#[derive(Deserialize)]
struct Opens {
    file: String,
    kept: Vec<String>,
}

fn catalogue() -> Catalogue {
    let text = std::fs::read_to_string(Path::new(FOLDER).join("catalogue.json"))
        .expect("the catalogue is there");
    serde_json::from_str(&text).expect("the catalogue reads")
}

fn bytes(file: &str) -> Vec<u8> {
    std::fs::read(Path::new(FOLDER).join(file)).unwrap_or_else(|e| panic!("{file}: {e}"))
}

/// Everything the person is told about a file that does not open; `None`
/// when it opens.
fn refusal(bytes: &[u8]) -> Option<String> {
    let error = read_plan(bytes).err()?;
    let problems: Vec<String> = error.problems().iter().map(ToString::to_string).collect();
    Some(format!("{error}\n{}", problems.join("\n")))
}

#[test]
fn every_file_in_the_folder_is_in_the_catalogue_once() {
    let c = catalogue();
    let listed: Vec<&str> = c
        .plans
        .iter()
        .chain(&c.returns)
        .chain(&c.journals)
        .map(|e| e.file.as_str())
        .chain(c.opens.iter().map(|o| o.file.as_str()))
        .collect();
    let unique: BTreeSet<&str> = listed.iter().copied().collect();
    assert_eq!(unique.len(), listed.len(), "a file is listed twice");
    let on_disk: BTreeSet<String> = std::fs::read_dir(FOLDER)
        .expect("folder")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|name| name != "catalogue.json")
        .collect();
    let listed: BTreeSet<String> = unique.into_iter().map(str::to_owned).collect();
    assert_eq!(on_disk, listed);
}

#[test]
fn every_bad_plan_is_refused_with_its_message() {
    for entry in catalogue().plans {
        match refusal(&bytes(&entry.file)) {
            Some(told) => assert!(
                told.contains(&entry.message),
                "{} ({}): expected {:?}, got {told:?}",
                entry.file,
                entry.what,
                entry.message
            ),
            None => panic!("{} ({}) opened", entry.file, entry.what),
        }
    }
}

#[test]
fn generated_files_too_large_to_keep_are_refused_with_their_message() {
    for entry in catalogue().generated {
        // Plan-shaped, so that only its size is wrong.
        let head = br#"{"format": "plan-tracker/plan", "format_version": 1, "id": "big", "title": "Big", "priorities": [], "description": ""#;
        let mut big = Vec::with_capacity(entry.bytes);
        big.extend_from_slice(head);
        big.resize(entry.bytes - 2, b'x');
        big.extend_from_slice(b"\"}");
        let told = refusal(&big).unwrap_or_else(|| panic!("{} opened", entry.file));
        assert!(told.contains(&entry.message), "{}: {told}", entry.file);
    }
}

#[test]
fn odd_numbers_open_and_are_written_back_as_they_were() {
    for entry in catalogue().opens {
        let plan = read_plan(&bytes(&entry.file))
            .unwrap_or_else(|e| panic!("{} does not open: {e}", entry.file));
        let written = write_plan(&plan);
        for number in &entry.kept {
            assert!(
                written.contains(&format!("\"value\": {number}\n")),
                "{}: {number} not kept in {written}",
                entry.file
            );
        }
    }
}

#[test]
fn returns_that_cannot_be_trusted_or_merged_say_why() {
    let base = read_plan(&std::fs::read("public/samples/notts-cypf-2016-18.json").expect("sample"))
        .expect("opens");
    let received = Moment::parse("2026-12-01T10:00:00Z").expect("moment");
    for entry in catalogue().returns {
        let returned = read_plan(&bytes(&entry.file))
            .unwrap_or_else(|e| panic!("{} does not open: {e}", entry.file));
        // This browser has sent no packs of the plan.
        let merge = plan_merge(
            &base,
            &[],
            &[(entry.file.clone(), returned)],
            &received,
            Some(&[]),
        );
        let told: Vec<String> = merge
            .not_merged
            .iter()
            .map(ToString::to_string)
            .chain(merge.doubtful_packs.iter().map(ToString::to_string))
            .collect();
        assert!(
            told.contains(&entry.message),
            "{} ({}): expected {:?}, got {told:#?}",
            entry.file,
            entry.what,
            entry.message
        );
    }
}

#[test]
fn stored_journals_this_version_cannot_read_are_refused() {
    for entry in catalogue().journals {
        let text = String::from_utf8(bytes(&entry.file)).expect("text");
        assert!(read_journal(&text).is_none(), "{} was read", entry.file);
        // What the person is told comes from browser storage, which sets
        // the journal aside: the end-to-end tests check the message.
    }
}
