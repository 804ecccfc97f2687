//! Browser storage: the journal of changes for each plan (gloo-storage over
//! localStorage), the plan's own text while it is small, and who is editing.
//!
//! Every call returns a typed error. Nothing here throws or panics: gloo's
//! `LocalStorage` throws when storage is blocked, so availability is checked
//! through web_sys first. A stored entry that cannot be read is never deleted:
//! it is moved aside under a backup key and the person is told.

use gloo_storage::{LocalStorage, Storage};
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsCast;

use crate::progress::{read_journal, Journal};

const PREFIX: &str = "plan-tracker/v1";
/// Plans larger than this are not copied into localStorage, which holds about
/// five million characters for the whole site.
pub const MAX_STORED_PLAN_BYTES: usize = 1_500_000;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageError {
    /// Blocked by settings or private browsing: the app works in memory.
    Unavailable,
    /// The quota is full: the change is kept in memory only.
    Full,
    /// A stored entry could not be read; it was kept aside under `kept_as`.
    Corrupt { what: String, kept_as: String },
    /// The plan is too large for localStorage; its changes are still kept.
    PlanTooLarge,
    Failed(String),
}

impl std::fmt::Display for StorageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StorageError::Unavailable => write!(f, "This browser is not letting Plan Tracker save anything (private browsing or a setting blocks storage). Your changes are kept only while this page is open: export the plan before you close it."),
            StorageError::Full => write!(f, "Browser storage is full, so your latest change is kept only while this page is open. Export the plan now to keep it."),
            StorageError::Corrupt { what, kept_as } => write!(f, "Saved {what} in this browser could not be read, so Plan Tracker set it aside (as \"{kept_as}\") and started afresh. Nothing was deleted."),
            StorageError::PlanTooLarge => write!(f, "This plan is too large to keep a copy in the browser. Your changes are saved, but after a reload you will need to open the plan file again."),
            StorageError::Failed(why) => write!(f, "Browser storage failed: {why}. Export the plan to keep your changes."),
        }
    }
}

/// Who is making changes; asked once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    pub name: String,
    pub organisation: String,
}

impl Person {
    /// How changes are signed: "Sam Jones (Nottinghamshire Police)".
    pub fn signature(&self) -> String {
        if self.organisation.trim().is_empty() {
            self.name.trim().to_owned()
        } else {
            format!("{} ({})", self.name.trim(), self.organisation.trim())
        }
    }
}

fn available() -> Result<web_sys::Storage, StorageError> {
    web_sys::window()
        .ok_or(StorageError::Unavailable)?
        .local_storage()
        .ok()
        .flatten()
        .ok_or(StorageError::Unavailable)
}

fn classify(error: gloo_storage::errors::StorageError) -> StorageError {
    match error {
        gloo_storage::errors::StorageError::JsError(js) => {
            // Chromium: QuotaExceededError; old Firefox: NS_ERROR_DOM_QUOTA_REACHED.
            let text = format!("{} {}", js.name, js.message).to_lowercase();
            if text.contains("quota") {
                StorageError::Full
            } else {
                StorageError::Failed(js.message)
            }
        }
        other => StorageError::Failed(other.to_string()),
    }
}

fn write_raw(key: &str, text: &str) -> Result<(), StorageError> {
    let storage = available()?;
    // set_item is called directly so that old WebKit's code-22 error is seen too.
    storage.set_item(key, text).map_err(|e| {
        let name = e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.name())).unwrap_or_default();
        let code = js_sys::Reflect::get(&e, &"code".into()).ok().and_then(|c| c.as_f64());
        if name.to_lowercase().contains("quota") || code == Some(22.0) {
            StorageError::Full
        } else {
            StorageError::Failed(name)
        }
    })
}

fn read_raw(key: &str) -> Result<Option<String>, StorageError> {
    Ok(available()?.get_item(key).ok().flatten())
}

fn set_aside(key: &str, text: &str, what: &str) -> StorageError {
    let kept_as = format!("{PREFIX}/backup/{}/{}", key.trim_start_matches(PREFIX), js_sys::Date::now() as u64);
    let _ = write_raw(&kept_as, text);
    // Only remove the original once the copy is in place.
    if read_raw(&kept_as).ok().flatten().is_some() {
        if let Ok(storage) = available() {
            let _ = storage.remove_item(key);
        }
    }
    StorageError::Corrupt { what: what.to_owned(), kept_as }
}

fn journal_key(plan_id: &str) -> String {
    format!("{PREFIX}/journal/{plan_id}")
}

/// The storage key journals live under, for recognising storage events.
pub fn plan_id_of_journal_key(key: &str) -> Option<&str> {
    key.strip_prefix(PREFIX)?.strip_prefix("/journal/")
}

/// The stored journal of a plan; `Ok(None)` when there is none.
pub fn load_journal(plan_id: &str) -> Result<Option<Journal>, StorageError> {
    available()?;
    let key = journal_key(plan_id);
    let Some(text) = read_raw(&key)? else { return Ok(None) };
    parse_journal(&text, plan_id).map(Some).ok_or_else(|| set_aside(&key, &text, "changes to this plan"))
}

/// Reads a journal's stored text; `None` for other versions, other plans and
/// text that is not a journal.
pub fn parse_journal(text: &str, plan_id: &str) -> Option<Journal> {
    read_journal(text).filter(|journal| journal.plan_id == plan_id)
}

pub fn save_journal(journal: &Journal) -> Result<(), StorageError> {
    available()?;
    LocalStorage::set(journal_key(&journal.plan_id), journal).map_err(classify)
}

pub fn remove_journal(plan_id: &str) -> Result<(), StorageError> {
    available()?.remove_item(&journal_key(plan_id)).map_err(|_| StorageError::Failed("remove".into()))
}

/// Keeps the plan file's text so a reload reopens it. The size is checked
/// before anything else: a large plan is turned down without touching its bytes.
pub fn save_plan_text(plan_id: &str, bytes: &[u8]) -> Result<(), StorageError> {
    if bytes.len() > MAX_STORED_PLAN_BYTES {
        return Err(StorageError::PlanTooLarge);
    }
    write_raw(&format!("{PREFIX}/plan/{plan_id}"), &String::from_utf8_lossy(bytes))?;
    write_raw(&format!("{PREFIX}/current"), plan_id)
}

/// The plan open last time, if its text was kept.
pub fn load_current_plan_text() -> Result<Option<String>, StorageError> {
    let Some(id) = read_raw(&format!("{PREFIX}/current"))? else { return Ok(None) };
    read_raw(&format!("{PREFIX}/plan/{id}"))
}

pub fn forget_current_plan() {
    if let Ok(storage) = available() {
        let _ = storage.remove_item(&format!("{PREFIX}/current"));
    }
}

pub fn load_person() -> Option<Person> {
    available().ok()?;
    LocalStorage::get(format!("{PREFIX}/person")).ok()
}

pub fn save_person(person: &Person) -> Result<(), StorageError> {
    available()?;
    LocalStorage::set(format!("{PREFIX}/person"), person).map_err(classify)
}

/// Calls `on_change` with the plan id and new text when another tab changes a journal.
pub fn on_other_tab_change(on_change: impl Fn(String, Option<String>) + 'static) {
    let Some(window) = web_sys::window() else { return };
    let closure = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::StorageEvent)>::new(move |event: web_sys::StorageEvent| {
        if let Some(key) = event.key() {
            if let Some(plan_id) = plan_id_of_journal_key(&key) {
                on_change(plan_id.to_owned(), event.new_value());
            }
        }
    });
    let _ = window.add_event_listener_with_callback("storage", closure.as_ref().unchecked_ref());
    closure.forget();
}

/// Asks the browser to keep this site's storage. `Some(true)` when granted.
pub async fn ask_to_persist() -> Option<bool> {
    let storage = web_sys::window()?.navigator().storage();
    let promise = storage.persist().ok()?;
    wasm_bindgen_futures::JsFuture::from(promise).await.ok()?.as_bool()
}

/// Safari and iPadOS clear script-written storage after seven days without use.
pub fn storage_may_be_evicted() -> bool {
    let agent = web_sys::window().and_then(|w| w.navigator().user_agent().ok()).unwrap_or_default();
    let safari = agent.contains("Safari") && !agent.contains("Chrome") && !agent.contains("Chromium");
    safari || agent.contains("iPad") || agent.contains("iPhone")
}
