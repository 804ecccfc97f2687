//! Browser storage: the journal of changes for each plan (gloo-storage over
//! localStorage), the plan's own text while it is small, and who is editing.
//!
//! Every call returns a typed error. Nothing here throws or panics: gloo's
//! `LocalStorage` throws when storage is blocked, so availability is checked
//! through web_sys first. A stored entry that cannot be read is never deleted
//! or overwritten: it is moved aside under a backup key, and only once the
//! copy is known to be there is the original removed; if it cannot be moved,
//! it stays where it is and nothing is written over it. Saving a journal
//! first merges the one stored (another tab may have written since), so tabs
//! never overwrite each other's changes.
//!
//! gloo-storage writes the small typed entry (who is editing). Everything
//! is read through web_sys, whose reads return an error where gloo's `get`
//! panics when the browser's read throws; journals and plan text are also
//! written through it, to tell a full quota from other failures on every
//! browser (old WebKit's code 22).

use gloo_storage::{LocalStorage, Storage};
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsCast;

use crate::exchange::{packs_sent_text, read_packs_sent};
use crate::plan::Moment;
use crate::progress::{journal_to_store, read_journal, Journal, NotSaved};

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
    Corrupt {
        what: String,
        kept_as: String,
    },
    /// A stored entry could not be read, nor moved aside (because of `why`,
    /// when known): it is left as it was, and nothing is saved over it.
    Unreadable {
        what: String,
        why: Option<Box<StorageError>>,
    },
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
            StorageError::Unreadable { what, why } => write!(
                f,
                "Saved {what} in this browser could not be read (a newer version of Plan Tracker may have written them) and could not be set aside{}. They are left exactly as they were and nothing is saved over them, so your changes now are kept only while this page is open. Export the plan to keep them.",
                why.as_ref().map(|why| format!(" ({})", why.cause())).unwrap_or_default()
            ),
            StorageError::PlanTooLarge => write!(f, "This plan is too large to keep a copy in the browser. Your changes are saved, but after a reload you will need to open the plan file again."),
            StorageError::Failed(why) => write!(f, "Browser storage failed: {why}. Export the plan to keep your changes."),
        }
    }
}

impl StorageError {
    /// True when changes made now are not being kept in the browser.
    pub fn loses_changes(&self) -> bool {
        matches!(
            self,
            StorageError::Unavailable
                | StorageError::Full
                | StorageError::Failed(_)
                | StorageError::Unreadable { .. }
        )
    }

    /// Why, in a few words, for a sentence about something else.
    pub fn cause(&self) -> String {
        match self {
            StorageError::Full => "browser storage is full".to_owned(),
            StorageError::Unavailable => "browser storage is blocked".to_owned(),
            StorageError::Failed(why) => format!("browser storage failed ({why})"),
            other => other.to_string(),
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
            let text = format!("{} {}", js.name, js.message).to_ascii_lowercase();
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
        let name = e
            .dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.name()))
            .unwrap_or_default();
        let code = js_sys::Reflect::get(&e, &"code".into())
            .ok()
            .and_then(|c| c.as_f64());
        if name.to_ascii_lowercase().contains("quota") || code == Some(22.0) {
            StorageError::Full
        } else {
            StorageError::Failed(name)
        }
    })
}

/// A stored entry's text. A read that fails is an error, never "nothing
/// stored", so that nothing is then written over what could not be read.
fn read_raw(key: &str) -> Result<Option<String>, StorageError> {
    available()?
        .get_item(key)
        .map_err(|_| StorageError::Failed("what it holds could not be read".into()))
}

thread_local! {
    /// Why each entry that could not be read could not be moved aside
    /// either, so that later refusals to save over it say why too.
    static NOT_SET_ASIDE: std::cell::RefCell<Vec<(String, StorageError)>> = const { std::cell::RefCell::new(Vec::new()) };
}

fn not_set_aside(key: &str) -> Option<Box<StorageError>> {
    NOT_SET_ASIDE.with(|keys| {
        keys.borrow()
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, why)| Box::new(why.clone()))
    })
}

/// Moves an entry that cannot be read to a backup key. The original is
/// removed only once the copy reads back the same; otherwise it stays, and
/// the error says why it could not be moved.
fn set_aside(key: &str, text: &str, what: &str) -> StorageError {
    let kept_as = format!(
        "{PREFIX}/backup/{}/{}",
        key.trim_start_matches(PREFIX),
        js_sys::Date::now() as u64
    );
    let unreadable = |why: StorageError| {
        NOT_SET_ASIDE.with(|keys| keys.borrow_mut().push((key.to_owned(), why.clone())));
        StorageError::Unreadable {
            what: what.to_owned(),
            why: Some(Box::new(why)),
        }
    };
    if let Err(why) = write_raw(&kept_as, text) {
        return unreadable(why);
    }
    match read_raw(&kept_as) {
        Ok(Some(copy)) if copy == text => {}
        Ok(_) => return unreadable(StorageError::Failed("the copy did not read back".into())),
        Err(why) => return unreadable(why),
    }
    match available().and_then(|storage| {
        storage
            .remove_item(key)
            .map_err(|_| StorageError::Failed("remove".into()))
    }) {
        Ok(()) => StorageError::Corrupt {
            what: what.to_owned(),
            kept_as,
        },
        Err(why) => unreadable(why),
    }
}

/// A journal, in messages.
const JOURNAL_WHAT: &str = "changes to this plan";

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
    let Some(text) = read_raw(&key)? else {
        return Ok(None);
    };
    parse_journal(&text, plan_id)
        .map(Some)
        .ok_or_else(|| set_aside(&key, &text, JOURNAL_WHAT))
}

/// Reads a journal's stored text; `None` for other versions, other plans and
/// text that is not a journal.
pub fn parse_journal(text: &str, plan_id: &str) -> Option<Journal> {
    read_journal(text).filter(|journal| journal.plan_id == plan_id)
}

/// Saves a journal, merged first with the one stored (which another tab may
/// have written). Stored text that cannot be read is not overwritten: the
/// error says so, and the journal stays in memory.
pub fn save_journal(journal: &Journal) -> Result<(), StorageError> {
    let key = journal_key(&journal.plan_id);
    let stored = read_raw(&key)?;
    let merged =
        journal_to_store(stored.as_deref(), journal).map_err(|NotSaved::StoredUnreadable| {
            StorageError::Unreadable {
                what: JOURNAL_WHAT.to_owned(),
                why: not_set_aside(&key),
            }
        })?;
    let text = serde_json::to_string(&merged).map_err(|e| StorageError::Failed(e.to_string()))?;
    write_raw(&key, &text)
}

/// Keeps the plan file's text so a reload reopens it. The size is checked
/// before anything else: a large plan is turned down without touching its bytes.
pub fn save_plan_text(plan_id: &str, bytes: &[u8]) -> Result<(), StorageError> {
    if bytes.len() > MAX_STORED_PLAN_BYTES {
        return Err(StorageError::PlanTooLarge);
    }
    write_raw(
        &format!("{PREFIX}/plan/{plan_id}"),
        &String::from_utf8_lossy(bytes),
    )?;
    write_raw(&format!("{PREFIX}/current"), plan_id)
}

/// The plan open last time, if its text was kept.
pub fn load_current_plan_text() -> Result<Option<String>, StorageError> {
    let Some(id) = read_raw(&format!("{PREFIX}/current"))? else {
        return Ok(None);
    };
    read_raw(&format!("{PREFIX}/plan/{id}"))
}

pub fn forget_current_plan() {
    if let Ok(storage) = available() {
        let _ = storage.remove_item(&format!("{PREFIX}/current"));
    }
}

fn packs_key(plan_id: &str) -> String {
    format!("{PREFIX}/packs-sent/{plan_id}")
}

/// When this browser sent packs of a plan, for checking returns; `None`
/// when storage cannot say (unavailable, or the record is unreadable).
pub fn packs_sent(plan_id: &str) -> Option<Vec<Moment>> {
    match read_raw(&packs_key(plan_id)).ok()? {
        Some(text) => read_packs_sent(&text),
        None => Some(Vec::new()),
    }
}

/// Records that a pack of a plan was sent. A record that cannot be read
/// is left as it is, like every stored entry.
pub fn record_pack_sent(plan_id: &str, sent: &Moment) -> Result<(), StorageError> {
    let key = packs_key(plan_id);
    let before = match read_raw(&key)? {
        None => Vec::new(),
        Some(text) => read_packs_sent(&text).ok_or_else(|| {
            StorageError::Failed("the record of packs sent could not be read".into())
        })?,
    };
    write_raw(&key, &packs_sent_text(&before, sent))
}

pub fn load_person() -> Option<Person> {
    // Not gloo's `get`, which panics when the browser's read throws.
    let text = read_raw(&format!("{PREFIX}/person")).ok()??;
    serde_json::from_str(&text).ok()
}

pub fn save_person(person: &Person) -> Result<(), StorageError> {
    available()?;
    LocalStorage::set(format!("{PREFIX}/person"), person).map_err(classify)
}

/// Calls `on_change` with the plan id and new text when another tab changes
/// a journal, until the handle is removed.
pub fn on_other_tab_change(
    on_change: impl Fn(String, Option<String>) + 'static,
) -> leptos::prelude::WindowListenerHandle {
    leptos::prelude::window_event_listener(
        leptos::ev::storage,
        move |event: web_sys::StorageEvent| {
            if let Some(key) = event.key() {
                if let Some(plan_id) = plan_id_of_journal_key(&key) {
                    on_change(plan_id.to_owned(), event.new_value());
                }
            }
        },
    )
}

thread_local! {
    static TAB_SESSION: std::cell::OnceCell<String> = const { std::cell::OnceCell::new() };
}

/// This tab's id, for signing its edits so that its undo takes back only its
/// own. Kept in sessionStorage, which lasts as long as the tab (reloads
/// included) and belongs to no other tab; in memory when that is blocked.
pub fn tab_session() -> String {
    const KEY: &str = "plan-tracker/v1/session";
    TAB_SESSION.with(|cell| {
        cell.get_or_init(|| {
            let storage = web_sys::window().and_then(|w| w.session_storage().ok().flatten());
            if let Some(id) = storage
                .as_ref()
                .and_then(|s| s.get_item(KEY).ok().flatten())
            {
                return id;
            }
            let id = crate::browser::clock::new_id("tab");
            if let Some(storage) = storage {
                let _ = storage.set_item(KEY, &id);
            }
            id
        })
        .clone()
    })
}

/// Asks the browser to keep this site's storage. `Some(true)` when granted.
pub async fn ask_to_persist() -> Option<bool> {
    let storage = web_sys::window()?.navigator().storage();
    let promise = storage.persist().ok()?;
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .ok()?
        .as_bool()
}

/// Safari and iPadOS clear script-written storage after seven days without use.
pub fn storage_may_be_evicted() -> bool {
    let agent = web_sys::window()
        .and_then(|w| w.navigator().user_agent().ok())
        .unwrap_or_default();
    let safari =
        agent.contains("Safari") && !agent.contains("Chrome") && !agent.contains("Chromium");
    safari || agent.contains("iPad") || agent.contains("iPhone")
}
