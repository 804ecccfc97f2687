//! Browser-only modules, tested in headless Chromium with wasm-bindgen-test:
//! storage (including what happens to entries it cannot read), the address
//! bar and ids.

#![cfg(target_arch = "wasm32")]

use plan_tracker::browser::{address, clock, files, frames, storage};
use plan_tracker::plan::{Moment, Status};
use plan_tracker::progress::{Change, Edit, Journal};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn local() -> web_sys::Storage {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .expect("localStorage in the test browser")
}

fn journal(plan_id: &str) -> Journal {
    let mut journal = Journal::new(plan_id);
    journal.record(Edit {
        id: clock::new_id("e"),
        at: Moment::parse("2026-11-22T10:00:00Z").expect("moment"),
        by: "Tester (Police)".into(),
        batch: None,
        session: None,
        change: Change::SetStatus {
            item: "p1-a1-k1".into(),
            status: Some(Status::AtRisk),
        },
    });
    journal
}

#[wasm_bindgen_test]
fn a_journal_is_saved_and_read_back() {
    let saved = journal("web-test-plan");
    storage::save_journal(&saved).expect("saved");
    let loaded = storage::load_journal("web-test-plan")
        .expect("readable")
        .expect("present");
    assert_eq!(loaded, saved);
    assert_eq!(storage::load_journal("no-such-plan"), Ok(None));
}

#[wasm_bindgen_test]
fn a_corrupt_entry_is_set_aside_not_deleted() {
    local()
        .set_item("plan-tracker/v1/journal/corrupt-plan", "{not json")
        .expect("set");
    let error = storage::load_journal("corrupt-plan").expect_err("refused");
    let storage::StorageError::Corrupt { kept_as, .. } = error else {
        panic!("{error:?}")
    };
    assert_eq!(
        local().get_item(&kept_as).ok().flatten().as_deref(),
        Some("{not json")
    );
    assert_eq!(
        local()
            .get_item("plan-tracker/v1/journal/corrupt-plan")
            .ok()
            .flatten(),
        None
    );
    // The app carries on: the next read finds nothing, not an error.
    assert_eq!(storage::load_journal("corrupt-plan"), Ok(None));
}

#[wasm_bindgen_test]
fn an_entry_from_an_older_version_is_set_aside() {
    let mut old = journal("old-plan");
    old.version = 0;
    local()
        .set_item(
            "plan-tracker/v1/journal/old-plan",
            &serde_json::to_string(&old).expect("json"),
        )
        .expect("set");
    assert!(matches!(
        storage::load_journal("old-plan"),
        Err(storage::StorageError::Corrupt { .. })
    ));
}

/// Fills localStorage until the browser refuses even small entries; returns
/// how many fillers to remove.
fn fill_storage() -> usize {
    let mut i = 0;
    for size in [512 * 1024, 32 * 1024, 1024, 16, 1] {
        let filler = "x".repeat(size);
        while i < 10_000 && local().set_item(&format!("filler-{i}"), &filler).is_ok() {
            i += 1;
        }
    }
    i
}

fn empty_storage(filled: usize) {
    for n in 0..=filled {
        let _ = local().remove_item(&format!("filler-{n}"));
    }
}

#[wasm_bindgen_test]
fn a_full_quota_is_reported_as_full() {
    let i = fill_storage();
    let mut big = journal("full-plan");
    for n in 0..2000 {
        big.record(Edit {
            id: format!("e{n}"),
            at: Moment::parse("2026-11-22T10:00:00Z").expect("moment"),
            by: "Tester".into(),
            batch: None,
            session: None,
            change: Change::SetPercent {
                item: format!("p1-a1-k{n}"),
                percent: Some(10),
            },
        });
    }
    let result = storage::save_journal(&big);
    empty_storage(i);
    assert_eq!(result, Err(storage::StorageError::Full));
}

#[wasm_bindgen_test]
fn saving_merges_with_what_another_tab_stored() {
    let mut theirs = journal("two-tab-plan");
    theirs.edits[0].id = "theirs".into();
    local()
        .set_item(
            "plan-tracker/v1/journal/two-tab-plan",
            &serde_json::to_string(&theirs).expect("json"),
        )
        .expect("set");
    let ours = journal("two-tab-plan");
    storage::save_journal(&ours).expect("saved");
    let stored = storage::load_journal("two-tab-plan")
        .expect("readable")
        .expect("present");
    let ids: Vec<&str> = stored.edits.iter().map(|e| e.id.as_str()).collect();
    assert!(
        ids.contains(&"theirs") && ids.contains(&ours.edits[0].id.as_str()),
        "{ids:?}"
    );
}

#[wasm_bindgen_test]
fn an_unreadable_entry_that_cannot_be_set_aside_is_left_as_it_was() {
    let key = "plan-tracker/v1/journal/future-plan";
    let newer = r#"{"version":99,"plan_id":"future-plan","edits":[]}"#;
    local().set_item(key, newer).expect("set");
    let filled = fill_storage();
    let loaded = storage::load_journal("future-plan");
    let saved = storage::save_journal(&journal("future-plan"));
    let left = local().get_item(key).ok().flatten();
    empty_storage(filled);
    let full = Some(Box::new(storage::StorageError::Full));
    assert_eq!(
        loaded,
        Err(storage::StorageError::Unreadable {
            what: "changes to this plan".into(),
            why: full.clone()
        })
    );
    assert!(!loaded
        .expect_err("refused")
        .to_string()
        .contains("Nothing was deleted"));
    assert_eq!(
        saved,
        Err(storage::StorageError::Unreadable {
            what: "changes to this plan".into(),
            why: full
        })
    );
    assert_eq!(
        left.as_deref(),
        Some(newer),
        "neither moved nor overwritten"
    );
    let _ = local().remove_item(key);
}

#[wasm_bindgen_test]
fn a_tab_keeps_its_session_across_calls() {
    assert_eq!(storage::tab_session(), storage::tab_session());
    assert!(storage::tab_session().starts_with("tab-"));
}

#[wasm_bindgen_test]
fn the_person_is_remembered() {
    let person = storage::Person {
        name: "Sam Jones".into(),
        organisation: "Nottinghamshire Police".into(),
    };
    storage::save_person(&person).expect("saved");
    assert_eq!(storage::load_person(), Some(person.clone()));
    assert_eq!(person.signature(), "Sam Jones (Nottinghamshire Police)");
}

#[wasm_bindgen_test]
fn plan_text_is_kept_while_small() {
    storage::save_plan_text("small-plan", b"{\"x\":1}").expect("saved");
    assert_eq!(
        storage::load_current_plan_text(),
        Ok(Some("{\"x\":1}".to_owned()))
    );
    let big = "x".repeat(storage::MAX_STORED_PLAN_BYTES + 1);
    assert_eq!(
        storage::save_plan_text("big-plan", big.as_bytes()),
        Err(storage::StorageError::PlanTooLarge)
    );
}

#[wasm_bindgen_test]
fn the_query_round_trips_through_the_address_encoding() {
    let pairs = vec![
        ("lead".to_owned(), "Café & Co = 1".to_owned()),
        ("q".to_owned(), "mash referrals".to_owned()),
        ("lead".to_owned(), "Police".to_owned()),
    ];
    let encoded = address::encode_query(&pairs);
    assert!(encoded.starts_with('?'));
    assert_eq!(address::parse_query(&encoded), pairs);
    assert_eq!(address::encode_query(&[]), "");
}

#[wasm_bindgen_test]
fn ids_do_not_repeat() {
    let ids: std::collections::HashSet<String> = (0..1000).map(|_| clock::new_id("e")).collect();
    assert_eq!(ids.len(), 1000);
}

async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}

#[wasm_bindgen_test]
async fn typing_reaches_the_address_once_it_pauses() {
    address::set_query(&[], false);
    address::replace_query_when_idle(pairs(&[("q", "a")]));
    address::replace_query_when_idle(pairs(&[("q", "ab")]));
    assert_eq!(address::query_pairs(), pairs(&[]), "not while typing");
    sleep(500).await;
    assert_eq!(
        address::query_pairs(),
        pairs(&[("q", "ab")]),
        "the last words, once typing pauses"
    );

    // A choice made meanwhile wins over typing not yet written.
    address::replace_query_when_idle(pairs(&[("q", "stale")]));
    address::set_query(&pairs(&[("status", "on_track")]), true);
    sleep(500).await;
    assert_eq!(address::query_pairs(), pairs(&[("status", "on_track")]));
    address::set_query(&[], false);
}

#[wasm_bindgen_test]
async fn work_put_off_until_idle_runs_after_the_current_task() {
    let done = std::rc::Rc::new(std::cell::Cell::new(false));
    let flag = done.clone();
    frames::when_idle(move || flag.set(true));
    assert!(!done.get(), "not straight away");
    // Idle callbacks wait at most a second.
    sleep(1200).await;
    assert!(done.get(), "done once the browser is idle");
}

#[wasm_bindgen_test]
async fn only_web_addresses_are_fetched() {
    for url in [
        "data:application/json,{}",
        "javascript:alert(1)",
        " JAVASCRIPT:alert(1)",
        "file:///etc/passwd",
        "blob:null/x",
    ] {
        let refused = files::fetch_bytes(url).await.err();
        assert_eq!(
            refused,
            Some(files::FetchError::NotWeb {
                url: url.to_owned()
            }),
            "{url}"
        );
    }
    // A relative link is on the page's own site: fetched (and here, not found).
    assert!(matches!(
        files::fetch_bytes("no-such-plan.json").await,
        Err(files::FetchError::Status { status: 404, .. })
    ));
}

fn file_of(bytes: &[u8]) -> web_sys::File {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    web_sys::File::new_with_u8_array_sequence(&parts, "plan.json").expect("a file")
}

#[wasm_bindgen_test]
async fn files_read_exactly_their_bytes_whatever_was_read_before() {
    let long = files::read_file(&file_of(b"a longer file, read first"))
        .await
        .expect("reads");
    assert_eq!(&*long, b"a longer file, read first");
    drop(long);
    // The buffer is reused: a shorter file must not keep the longer one's tail.
    let short = files::read_file(&file_of(b"short")).await.expect("reads");
    assert_eq!(&*short, b"short");
    // While one file is held, another is read into a buffer of its own.
    let other = files::read_file(&file_of(b"{}")).await.expect("reads");
    assert_eq!((&*short, &*other), (&b"short"[..], &b"{}"[..]));
}
