//! The app's state, with clear owners: the open plan and its journal
//! ([`OpenPlan`], the only state that changes as people work), what is being
//! looked at ([`ViewState`], kept in the address), and what the app tells
//! people ([`Messages`]). Everything shown is derived from these by memos;
//! one effect writes the journal outward to storage.
//!
//! [`AppState`] holds them and does what spans them: opening a plan (which
//! resets the view and may need the person's say about unsaved changes),
//! closing it, and keeping the address in step.

mod messages;
mod open_plan;
mod opened;
pub mod shaping;
mod view;

use leptos::prelude::*;

pub use messages::{Messages, ProblemReport};
pub use open_plan::{OpenPlan, UNNAMED};
pub use opened::Opened;
pub use shaping::Shaping;
pub use view::{MeetingPlace, Page, ViewState, PAGE_SIZE};

use crate::browser::address;
use crate::browser::frames::when_idle;
use crate::browser::storage::{self, Person, StorageError};
use crate::plan::dates::parse_iso_date;
use crate::plan::{hidden, read_plan, Plan, ReadError};
use crate::progress::{Change, Journal};
use crate::query;

/// Where the bytes of a plan being opened came from.
pub enum Origin {
    /// A file the person chose, or the copy this browser kept for a reload.
    File,
    /// A `plan=` link, kept in the address.
    Link(String),
    /// Made in this browser, as a new plan or from an imported table: until
    /// it is exported, no file holds it.
    MadeHere,
}

/// Something that would close the open plan, waiting while the person is
/// asked about changes that are not saved anywhere.
pub enum Replacement {
    Close,
    Open {
        plan: Box<Plan>,
        /// The file's text, to keep for a reload, when it is small enough.
        bytes: Option<Box<[u8]>>,
        origin: Origin,
    },
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub plan: OpenPlan,
    pub view: ViewState,
    pub messages: Messages,
    /// Who is recording; asked once, kept in storage.
    pub person: RwSignal<Option<Person>>,
    /// A close or open waiting for the person to decide about unsaved changes.
    pub pending_replacement: RwSignal<Option<Replacement>>,
}

impl AppState {
    pub fn new() -> AppState {
        let fixed_today = address::query_pairs()
            .iter()
            .find(|(k, _)| k == "today")
            .and_then(|(_, v)| parse_iso_date(v));
        let plan = OpenPlan::new();
        AppState {
            plan,
            view: ViewState::new(plan, fixed_today),
            messages: Messages::new(),
            person: RwSignal::new(storage::load_person()),
            pending_replacement: RwSignal::new(None),
        }
    }

    /// Who changes and files are signed by.
    pub fn signature(&self) -> String {
        self.person.with_untracked(|p| {
            p.as_ref()
                .map_or_else(|| UNNAMED.to_owned(), Person::signature)
        })
    }

    /// Records a change, signed by the person; false when nobody has said
    /// who they are (the form asks first).
    pub fn record(&self, changes: Vec<Change>) -> bool {
        let Some(person) = self.person.get_untracked() else {
            return false;
        };
        self.plan.record(changes, &person.signature());
        true
    }

    /// Opens plan bytes from `source`. On failure the open plan stays as it
    /// was and every problem is listed; if opening would lose changes saved
    /// nowhere, the person is asked first.
    pub fn open_bytes(&self, bytes: &[u8], source: &str, origin: Origin) {
        match read_plan(bytes) {
            Ok(plan) => {
                self.messages.problems.set(None);
                if self.would_lose_changes(Some(&plan.id)) {
                    let keep = bytes.len() <= storage::MAX_STORED_PLAN_BYTES;
                    let bytes = keep.then(|| Box::from(bytes));
                    self.pending_replacement.set(Some(Replacement::Open {
                        plan: Box::new(plan),
                        bytes,
                        origin,
                    }));
                } else {
                    self.replace_plan(plan, Some(bytes), origin);
                }
            }
            Err(error) => self.report(source, &error),
        }
    }

    /// `source` could not be opened, for a reason other than its content.
    pub fn report_not_opened(&self, source: &str, message: String) {
        let kept = if self.plan.opened.with_untracked(Option::is_some) {
            " The plan that was open before is still open."
        } else {
            ""
        };
        self.messages
            .failure(format!("{source} could not be opened.{kept}"), message);
    }

    fn report(&self, source: &str, error: &ReadError) {
        let kept = if self.plan.opened.with_untracked(Option::is_some) {
            " The plan that was open before is still open, unchanged."
        } else {
            ""
        };
        self.messages.problems.set(Some(ProblemReport {
            intro: format!("{source} could not be opened.{kept}"),
            problems: error.problems(),
        }));
    }

    /// True when replacing the open plan with `next` (or with nothing) would
    /// lose changes. Opening the same plan again keeps them.
    fn would_lose_changes(&self, next: Option<&str>) -> bool {
        let same_plan = next.is_some_and(|id| self.plan.journal_untracked(|j| j.plan_id == id));
        !same_plan && untrack(|| self.plan.unsaved_changes()) > 0
    }

    /// Carries out a close or open the person was asked about.
    pub fn go_ahead_with_replacement(&self) {
        let Some(Some(replacement)) = self.pending_replacement.try_update(Option::take) else {
            return;
        };
        match replacement {
            Replacement::Close => self.close_now(true),
            Replacement::Open {
                plan,
                bytes,
                origin,
            } => {
                // Their choice: the unsaved changes go with the plan.
                self.plan.close(true);
                self.replace_plan(*plan, bytes.as_deref(), origin);
            }
        }
    }

    /// Opens a plan in place of the one open; `bytes` are kept so that a
    /// reload reopens it (a large plan just isn't; one from a link is
    /// fetched again).
    fn replace_plan(&self, plan: Plan, bytes: Option<&[u8]>, origin: Origin) {
        let made_here = matches!(origin, Origin::MadeHere);
        let link = match origin {
            Origin::Link(link) => Some(link),
            _ => None,
        };
        if let Some(bytes) = bytes.filter(|_| link.is_none()) {
            if let Err(e) = storage::save_plan_text(&plan.id, bytes) {
                self.messages.storage.set(Some(e));
            }
        }
        // Changes stored for this plan come back, re-applied by id.
        let (mut journal, stored) = match storage::load_journal(&plan.id) {
            Ok(stored) => (stored.unwrap_or_else(|| Journal::new(&plan.id)), Ok(())),
            Err(set_aside @ StorageError::Corrupt { .. }) => {
                self.messages.notice(set_aside.to_string());
                (Journal::new(&plan.id), Ok(()))
            }
            // Nothing will be saved: shown as the save's own warning.
            Err(e) => (Journal::new(&plan.id), Err(e)),
        };
        // Kept with the journal, so that a reload still knows.
        journal.made_here |= made_here;
        let in_file = plan.orphaned_edits.as_ref().map_or(0, Vec::len);
        if in_file > 0 {
            self.messages.notice(format!(
                "This plan file carries {in_file} change{} recorded against items it no longer has (in its \"orphaned_edits\"). They are kept in every export.",
                if in_file == 1 { "" } else { "s" }
            ));
        }
        let opened = Opened::new(plan, link);
        // A plan with structure changes, or hidden characters to mark, is
        // shown once the part that shapes it is here, so that what follows
        // reads the plan as it stands.
        let structural = |j: &Journal| j.edits.iter().any(|e| e.change.is_structural());
        let needs_shaper = opened.hidden > 0
            || structural(&journal)
            || self
                .plan
                .journal_untracked(|open| open.plan_id == journal.plan_id && structural(open));
        if needs_shaper && !self.plan.shaping.get_untracked().is_ready() {
            let state = *self;
            leptos::task::spawn_local(async move {
                state.plan.shaper_ready().await;
                state.show_opened(opened, journal, stored);
            });
        } else {
            self.show_opened(opened, journal, stored);
        }
    }

    /// Shows a plan just read, with its journal, and follows the address.
    fn show_opened(&self, opened: Opened, journal: Journal, stored: Result<(), StorageError>) {
        self.plan.show(opened, journal, stored);
        self.plan.opened.with_untracked(|opened| {
            let Some(opened) = opened else { return };
            self.note_changes_without_a_place(opened);
            // Filters from the address that name nothing in this plan are dropped.
            let (mut filter, mut notices) = query::filter_from_query(&address::query_pairs());
            notices.extend(query::keep_known(&mut filter, &opened.index));
            if opened.hidden > 0 {
                notices.push(hidden::hidden_notice(opened.hidden));
            }
            notices.into_iter().for_each(|n| self.messages.notice(n));
            self.view.show(filter);
        });
        self.write_address(false);
        // Ready before anyone can type or record a change, without holding
        // up the first sight of the plan.
        let opened = self.plan.opened;
        when_idle(move || {
            opened.with_untracked(|o| {
                if let Some(o) = o {
                    o.search_text();
                    o.locator();
                }
            });
        });
    }

    /// Says which stored changes match nothing in this version of the plan.
    fn note_changes_without_a_place(&self, opened: &Opened) {
        let orphans: Vec<String> = self.plan.journal_untracked(|journal| {
            journal
                .edits
                .iter()
                .filter(|e| match e.change.is_structural() {
                    true => opened.unplaced.contains(&e.id),
                    false => opened.locator().find(e.change.target()).is_none(),
                })
                .map(|e| {
                    format!(
                        "{} to '{}' on {} by {}",
                        e.change.describe(),
                        e.change.target(),
                        e.at.date(),
                        e.by
                    )
                })
                .collect()
        });
        if !orphans.is_empty() {
            let n = orphans.len();
            self.messages.notice(format!(
                "{n} saved change{} no longer match{} anything in this version of the plan. They are kept, and the next export carries them (as \"orphaned_edits\"): {}.",
                if n == 1 { "" } else { "s" },
                if n == 1 { "es" } else { "" },
                orphans.join("; ")
            ));
        }
    }

    /// Closes the plan and goes back to the welcome page, once the person has
    /// said what to do with changes that are saved nowhere.
    pub fn close(&self) {
        if self.would_lose_changes(None) {
            self.pending_replacement.set(Some(Replacement::Close));
        } else {
            self.close_now(false);
        }
    }

    fn close_now(&self, forget_unsaved: bool) {
        storage::forget_current_plan();
        self.plan.close(forget_unsaved);
        self.view.show(query::Filter::default());
        self.messages.notices.set(Vec::new());
        address::set_query(&[], true);
    }

    /// Applies a filter change and puts it in the address. Choices add a
    /// history entry; typing replaces the current one once it pauses.
    pub fn set_filter(&self, filter: query::Filter, push: bool) {
        self.view.show(filter);
        if push {
            self.write_address(true);
        } else {
            address::replace_query_when_idle(self.address_pairs());
        }
    }

    pub fn set_page(&self, page: Page) {
        self.view.page.set(page);
        self.write_address(true);
    }

    /// Moves a meeting to `place`. A new step replaces the address's entry,
    /// so that back leaves the meeting rather than stepping back through it.
    pub fn set_meeting_place(&self, place: MeetingPlace) {
        self.view.meeting.set(place);
        self.write_address(false);
    }

    fn write_address(&self, push: bool) {
        address::set_query(&self.address_pairs(), push);
    }

    /// The open plan's link, the page and the filters, as the address says them.
    fn address_pairs(&self) -> Vec<(String, String)> {
        let link = self
            .plan
            .opened
            .with_untracked(|o| o.as_ref().and_then(|o| o.link.clone()));
        link.map(|link| ("plan".to_owned(), link))
            .into_iter()
            .chain(self.view.address_pairs())
            .collect()
    }

    /// Back and forward: the address says what to show.
    pub fn follow_address(&self) {
        let pairs = address::query_pairs();
        self.view.page.set(Page::from_query(&pairs));
        self.view.meeting.set(MeetingPlace::from_query(&pairs));
        let (mut filter, mut notices) = query::filter_from_query(&pairs);
        self.plan.opened.with_untracked(|opened| {
            if let Some(opened) = opened {
                notices.extend(query::keep_known(&mut filter, &opened.index));
            }
        });
        self.view.show(filter);
        notices.into_iter().for_each(|n| self.messages.notice(n));
    }
}

impl Default for AppState {
    fn default() -> Self {
        Self::new()
    }
}

pub fn use_state() -> AppState {
    expect_context::<AppState>()
}
