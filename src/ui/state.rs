//! The app's state: a few signals for what a person did, and memos for
//! everything that follows from them. One effect writes the journal outward
//! to storage; nothing else copies state around.

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::browser::frames::when_idle;
use crate::browser::storage::{self, Person, StorageError};
use crate::browser::{address, clock};
use crate::plan::dates::parse_iso_date;
use crate::plan::{read_plan, Moment, Plan, Problem, ReadError};
use crate::progress::{Change, Edit, Journal, Locator};
use crate::query::{self, Filter, Index, Overlay, Results, Rollups, SearchText};

/// A plan that opened, with what is prepared once for it.
#[derive(Clone)]
pub struct Opened {
    pub plan: Arc<Plan>,
    pub index: Arc<Index>,
    /// Where each item is, by id, and the words filter's text: each built
    /// the first time it is needed (see [`Opened::locator`] and
    /// [`Opened::search_text`]) and dropped with the plan.
    locator: Arc<OnceLock<Locator>>,
    search_text: Arc<OnceLock<SearchText>>,
    /// The `plan=` link it came from, kept in the address.
    pub link: Option<String>,
}

impl Opened {
    fn new(plan: Plan, index: Index, link: Option<String>) -> Opened {
        let (locator, search_text) = (Arc::default(), Arc::default());
        Opened { plan: Arc::new(plan), index: Arc::new(index), locator, search_text, link }
    }

    /// Where each item is: built on first use, which is the first edit, a
    /// stored change to place, or the first moment the browser is idle after
    /// opening.
    pub fn locator(&self) -> &Locator {
        self.locator.get_or_init(|| Locator::new(&self.plan))
    }

    /// The plan's search text: built on first use, which is either the first
    /// search or the first moment the browser is idle after opening.
    pub fn search_text(&self) -> &SearchText {
        self.search_text.get_or_init(|| SearchText::build(&self.plan))
    }
}

/// Which page is showing; kept in the address as `view`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    #[default]
    Plan,
    Measures,
    Exchange,
}

impl View {
    pub fn code(self) -> &'static str {
        match self {
            View::Plan => "plan",
            View::Measures => "measures",
            View::Exchange => "share",
        }
    }

    /// The `view` named in the address; the plan when none or unknown.
    pub fn from_query(pairs: &[(String, String)]) -> View {
        match pairs.iter().find(|(k, _)| k == "view").map(|(_, v)| v.as_str()) {
            Some("measures") => View::Measures,
            Some("share") => View::Exchange,
            _ => View::Plan,
        }
    }
}

/// Something that would close the open plan, waiting while the person is
/// asked about changes that are not saved anywhere.
pub enum Replacement {
    Close,
    Open {
        plan: Box<Plan>,
        /// The file's text, to keep for a reload, when it is small enough.
        bytes: Option<Arc<[u8]>>,
        link: Option<String>,
    },
}

/// Who changes are signed by when nobody has said who they are.
pub const UNNAMED: &str = "Plan Tracker user";

/// What goes in the GOV.UK error summary.
#[derive(Debug, Clone, PartialEq)]
pub struct ProblemReport {
    /// What was being opened, and that the earlier plan is still open.
    pub intro: String,
    pub problems: Vec<Problem>,
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub opened: RwSignal<Option<Opened>>,
    pub journal: RwSignal<Journal>,
    pub filter: RwSignal<Filter>,
    pub view: RwSignal<View>,
    pub problems: RwSignal<Option<ProblemReport>>,
    /// Notices about the address or stored data; shown until dismissed.
    pub notices: RwSignal<Vec<String>>,
    pub storage_issue: RwSignal<Option<StorageError>>,
    /// How the last write of the journal to storage went: written only by
    /// the one effect that saves it.
    pub journal_saved: RwSignal<Result<(), StorageError>>,
    /// A close or open waiting for the person to decide about unsaved changes.
    pub pending_replacement: RwSignal<Option<Replacement>>,
    pub person: RwSignal<Option<Person>>,
    /// "Plan exported" and the like.
    pub success: RwSignal<Option<String>>,
    pub loading: RwSignal<Option<String>>,
    /// How many results are drawn; more on request.
    pub shown: RwSignal<usize>,
    pub fixed_today: Option<NaiveDate>,
    pub edits_by_item: Memo<Arc<HashMap<String, Vec<Edit>>>>,
    pub overlay: Memo<Overlay>,
    pub results: Memo<Results>,
    pub rollups: Memo<Rollups>,
}

/// How many actions are drawn at first, and how many more each time the list
/// is scrolled to its end: about two screens on a tablet. Drawing is what
/// costs on a large plan, not filtering, so the page draws what a person can
/// look at.
pub const PAGE_SIZE: usize = 10;

impl AppState {
    pub fn new() -> AppState {
        let pairs = address::query_pairs();
        let fixed_today = pairs
            .iter()
            .find(|(k, _)| k == "today")
            .and_then(|(_, v)| parse_iso_date(v));
        let opened: RwSignal<Option<Opened>> = RwSignal::new(None);
        let journal = RwSignal::new(Journal::default());
        let filter = RwSignal::new(Filter::default());
        let edits_by_item = Memo::new_with_compare(
            move |_| {
                let mut map: HashMap<String, Vec<Edit>> = HashMap::new();
                journal.with(|j| {
                    for edit in &j.edits {
                        map.entry(edit.change.target().to_owned()).or_default().push(edit.clone());
                    }
                });
                Arc::new(map)
            },
            |a, b| a.map(|a| a.as_ref()) != b.map(|b| b.as_ref()),
        );
        let overlay = Memo::new(move |_| {
            let Some(opened) = opened.get() else { return Overlay::default() };
            let edits = edits_by_item.get();
            if edits.is_empty() {
                return Overlay::default();
            }
            Overlay::from_edits(&opened.plan, &opened.index, opened.locator(), &edits)
        });
        let results = Memo::new(move |_| {
            let Some(opened) = opened.get() else { return Results::default() };
            let today = clock::today(fixed_today);
            overlay.with(|o| filter.with(|f| query::run(&opened.index, || opened.search_text(), o, f, today)))
        });
        let rollups = Memo::new(move |_| match opened.get() {
            Some(opened) => overlay.with(|o| o.rollups(&opened.index)),
            None => Rollups::default(),
        });
        let state = AppState {
            opened,
            journal,
            filter,
            view: RwSignal::new(View::Plan),
            problems: RwSignal::new(None),
            notices: RwSignal::new(Vec::new()),
            storage_issue: RwSignal::new(None),
            journal_saved: RwSignal::new(Ok(())),
            pending_replacement: RwSignal::new(None),
            person: RwSignal::new(storage::load_person()),
            success: RwSignal::new(None),
            loading: RwSignal::new(None),
            shown: RwSignal::new(PAGE_SIZE),
            fixed_today,
            edits_by_item,
            overlay,
            results,
            rollups,
        };
        // The one effect: every change to the journal is written to storage
        // as it is made; a failure is shown, and the change stays in memory.
        // No plan open is nothing to save, and says nothing about storage.
        Effect::new(move |_| {
            if let Some(saved) = journal.with(|j| (!j.plan_id.is_empty()).then(|| storage::save_journal(j))) {
                state.journal_saved.set(saved);
            }
        });
        state
    }

    pub fn today(&self) -> NaiveDate {
        clock::today(self.fixed_today)
    }

    /// Opens plan bytes. On failure the open plan stays as it was and every
    /// problem is listed.
    pub fn open_bytes(&self, bytes: &[u8], source: &str, link: Option<String>) {
        self.loading.set(None);
        match read_plan(bytes) {
            Ok(plan) => {
                self.problems.set(None);
                if self.would_lose_changes(Some(&plan.id)) {
                    let keep = link.is_none() && bytes.len() <= storage::MAX_STORED_PLAN_BYTES;
                    let bytes = keep.then(|| Arc::from(bytes));
                    self.pending_replacement.set(Some(Replacement::Open { plan: Box::new(plan), bytes, link }));
                } else {
                    self.replace_plan(plan, link.is_none().then_some(bytes), link);
                }
            }
            Err(error) => self.report(source, &error),
        }
    }

    /// How many changes closing the open plan would lose: those not
    /// exported, when they are not saved in the browser either.
    pub fn unsaved_changes(&self) -> usize {
        let saving = self.journal_saved.with(|saved| saved.as_ref().err().is_none_or(|e| !e.loses_changes()));
        if saving {
            0
        } else {
            self.journal.with(Journal::unexported_count)
        }
    }

    /// True when replacing the open plan with `next` (or with nothing) would
    /// lose changes. Opening the same plan again keeps them (see
    /// [`AppState::show_plan`]).
    fn would_lose_changes(&self, next: Option<&str>) -> bool {
        let same_plan = next.is_some_and(|id| self.journal.with_untracked(|j| j.plan_id == id));
        !same_plan && untrack(|| self.unsaved_changes()) > 0
    }

    /// Carries out a close or open the person was asked about.
    pub fn go_ahead_with_replacement(&self) {
        let Some(Some(replacement)) = self.pending_replacement.try_update(Option::take) else { return };
        // Their choice: the unsaved changes go with the plan, and so does
        // the warning about them.
        self.journal_saved.set(Ok(()));
        match replacement {
            Replacement::Close => self.close_now(),
            Replacement::Open { plan, bytes, link } => self.replace_plan(*plan, bytes.as_deref(), link),
        }
    }

    /// Opens a plan in place of the one open; `bytes` are kept so that a
    /// reload reopens it (a large plan just isn't).
    fn replace_plan(&self, plan: Plan, bytes: Option<&[u8]>, link: Option<String>) {
        if let Some(bytes) = bytes {
            if let Err(e) = storage::save_plan_text(&plan.id, bytes) {
                self.storage_issue.set(Some(e));
            }
        }
        self.show_plan(plan, link);
    }

    fn report(&self, source: &str, error: &ReadError) {
        let kept = if self.opened.with_untracked(Option::is_some) {
            " The plan that was open before is still open, unchanged."
        } else {
            ""
        };
        self.problems.set(Some(ProblemReport {
            intro: format!("{source} could not be opened.{kept}"),
            problems: error.problems(),
        }));
    }

    /// `source` could not be opened, for a reason other than its content.
    pub fn report_other(&self, source: &str, message: String) {
        self.loading.set(None);
        let kept = if self.opened.with_untracked(Option::is_some) { " The plan that was open before is still open." } else { "" };
        self.report_failure(format!("{source} could not be opened.{kept}"), message);
    }

    /// Something other than opening failed (an export, a download): says
    /// what, and that the changes are still kept here.
    pub fn report_failure(&self, intro: String, message: String) {
        self.problems.set(Some(ProblemReport { intro, problems: vec![Problem::whole_file(message)] }));
    }

    fn show_plan(&self, plan: Plan, link: Option<String>) {
        let index = Index::build(&plan);
        // Changes stored for this plan come back, re-applied by id.
        let mut journal = Journal::new(&plan.id);
        match storage::load_journal(&plan.id) {
            Ok(Some(stored)) => journal = stored,
            Ok(None) => {}
            Err(e @ StorageError::Corrupt { .. }) => self.notices.update(|n| n.push(e.to_string())),
            // Nothing will be saved: shown as the save's own warning.
            Err(e) => self.journal_saved.set(Err(e)),
        }
        // Another revision of the plan already open: the changes made to it
        // here carry over, saved or not.
        self.journal.with_untracked(|open| {
            if open.plan_id == journal.plan_id {
                journal.merge(open);
            }
        });
        let in_file = plan.orphaned_edits.as_ref().map_or(0, Vec::len);
        if in_file > 0 {
            self.notices.update(|n| {
                n.push(format!(
                    "This plan file carries {in_file} change{} recorded against items it no longer has (in its \"orphaned_edits\"). They are kept in every export.",
                    if in_file == 1 { "" } else { "s" }
                ))
            });
        }
        let opened = Opened::new(plan, index, link);
        let orphans: Vec<String> = journal
            .edits
            .iter()
            .filter(|e| opened.locator().find(e.change.target()).is_none())
            .map(|e| format!("{} to '{}' on {} by {}", e.change.describe(), e.change.target(), e.at.date(), e.by))
            .collect();
        if !orphans.is_empty() {
            self.notices.update(|n| {
                n.push(format!(
                    "{} saved change{} no longer match{} anything in this version of the plan. They are kept, and the next export carries them (as \"orphaned_edits\"): {}.",
                    orphans.len(),
                    if orphans.len() == 1 { "" } else { "s" },
                    if orphans.len() == 1 { "es" } else { "" },
                    orphans.join("; ")
                ))
            });
        }
        // Filters from the address that name nothing in this plan are dropped.
        let (mut filter, mut url_notices) = query::filter_from_query(&address::query_pairs());
        url_notices.extend(query::keep_known(&mut filter, &opened.index));
        if !url_notices.is_empty() {
            self.notices.update(|n| n.extend(url_notices));
        }
        self.journal.set(journal);
        self.filter.set(filter);
        self.shown.set(PAGE_SIZE);
        self.opened.set(Some(opened));
        self.write_address(false);
        // Ready before anyone can type or record a change, without holding
        // up the first sight of the plan.
        let opened = self.opened;
        when_idle(move || {
            opened.with_untracked(|o| {
                if let Some(o) = o {
                    o.search_text();
                    o.locator();
                }
            });
        });
    }

    /// Closes the plan and goes back to the welcome page, once the person has
    /// said what to do with changes that are saved nowhere.
    pub fn close(&self) {
        if self.would_lose_changes(None) {
            self.pending_replacement.set(Some(Replacement::Close));
        } else {
            self.close_now();
        }
    }

    fn close_now(&self) {
        storage::forget_current_plan();
        self.opened.set(None);
        self.journal.set(Journal::default());
        self.filter.set(Filter::default());
        self.notices.set(Vec::new());
        address::set_query(&[], true);
    }

    /// Applies a filter change and puts it in the address. Choices add a
    /// history entry; typing replaces the current one once it pauses.
    pub fn set_filter(&self, filter: Filter, push: bool) {
        self.filter.set(filter);
        self.shown.set(PAGE_SIZE);
        if push {
            self.write_address(true);
        } else {
            address::replace_query_when_idle(self.address_pairs());
        }
    }

    pub fn set_view(&self, view: View) {
        self.view.set(view);
        self.write_address(true);
    }

    fn write_address(&self, push: bool) {
        address::set_query(&self.address_pairs(), push);
    }

    /// The open plan's link, the page and the filters, as the address says them.
    fn address_pairs(&self) -> Vec<(String, String)> {
        let mut pairs = Vec::new();
        if let Some(link) = self.opened.with_untracked(|o| o.as_ref().and_then(|o| o.link.clone())) {
            pairs.push(("plan".to_owned(), link));
        }
        if self.view.get_untracked() != View::Plan {
            pairs.push(("view".to_owned(), self.view.get_untracked().code().to_owned()));
        }
        pairs.extend(self.filter.with_untracked(query::filter_to_query));
        if let Some(today) = self.fixed_today {
            pairs.push(("today".to_owned(), today.to_string()));
        }
        pairs
    }

    /// Back and forward: the address says what to show.
    pub fn follow_address(&self) {
        let pairs = address::query_pairs();
        self.view.set(View::from_query(&pairs));
        let (mut filter, mut notices) = query::filter_from_query(&pairs);
        if let Some(opened) = self.opened.get_untracked() {
            notices.extend(query::keep_known(&mut filter, &opened.index));
        }
        self.filter.set(filter);
        self.shown.set(PAGE_SIZE);
        if !notices.is_empty() {
            self.notices.update(|n| n.extend(notices));
        }
    }

    // Every change to the journal is made here, signed by the person and
    // marked with this tab, so that undo in one tab takes back its own.

    /// Who changes and files are signed by.
    pub fn signature(&self) -> String {
        self.person.with_untracked(|p| p.as_ref().map_or_else(|| UNNAMED.to_owned(), Person::signature))
    }

    /// Records a change, signed by the person; false when nobody has said who they are.
    pub fn record(&self, changes: Vec<Change>) -> bool {
        let Some(person) = self.person.get_untracked() else { return false };
        let at = clock::now();
        let by = person.signature();
        let edits = changes.into_iter().map(|change| Edit::new(clock::new_id("e"), at.clone(), by.clone(), change)).collect();
        self.record_together(edits);
        true
    }

    /// Records edits made together (one form, one merge) as one change, which
    /// undo takes back whole. Returns how many were new.
    pub fn record_together(&self, edits: Vec<Edit>) -> usize {
        let batch = (edits.len() > 1).then(|| clock::new_id("b"));
        let session = Some(storage::tab_session());
        let mut recorded = 0;
        self.journal.update(|j| {
            for mut edit in edits {
                edit.batch = batch.clone();
                edit.session = session.clone();
                recorded += usize::from(j.record(edit));
            }
        });
        recorded
    }

    /// True when this tab has a change that undo would take back.
    pub fn can_undo(&self) -> bool {
        let session = storage::tab_session();
        self.journal.with(|j| !j.undoable(&session).is_empty())
    }

    /// Takes back this tab's last change, if it has not been exported.
    pub fn undo(&self) {
        let session = storage::tab_session();
        self.journal.update(|j| {
            j.undo(&session, clock::now());
        });
        self.success.set(None);
    }

    /// Takes back every change in effect; returns how many.
    pub fn discard(&self) -> usize {
        self.journal.try_update(|j| j.discard(clock::now())).unwrap_or_default()
    }

    /// Counts the edits an exported file holds as exported.
    pub fn mark_exported(&self, edit_ids: Vec<String>, at: Moment) {
        self.journal.update(|j| j.mark_exported(edit_ids, at));
    }

    /// Another tab changed this plan's journal: take its changes too.
    pub fn merge_from_other_tab(&self, plan_id: &str, text: Option<String>) {
        let open_id = self.journal.with_untracked(|j| j.plan_id.clone());
        if open_id != plan_id {
            return;
        }
        let Some(other) = text.and_then(|t| storage::parse_journal(&t, plan_id)) else { return };
        let mut merged = self.journal.get_untracked();
        merged.merge(&other);
        if merged != self.journal.get_untracked() {
            self.journal.set(merged);
        }
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
