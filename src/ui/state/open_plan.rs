//! The open plan and its journal: what people work on, and the only state
//! that changes as they work. Every change to the journal is made here,
//! signed by the person and marked with the tab it was made in; the rest of
//! the app reads it and derives what it shows.

use std::collections::HashMap;
use std::sync::Arc;

use leptos::prelude::*;

use crate::browser::clock;
use crate::browser::storage::{self, StorageError};
use crate::plan::Moment;
use crate::progress::{Change, Edit, Journal};
use crate::query::{Overlay, Rollups};

use super::opened::Opened;
use super::shaping::Shaping;

/// Who changes are signed by when nobody has said who they are.
pub const UNNAMED: &str = "Plan Tracker user";

#[derive(Clone, Copy)]
pub struct OpenPlan {
    /// The plan as read from its file: set when one opens or closes.
    as_read: RwSignal<Option<Opened>>,
    /// The plan as shown, with the journal's structure changes applied:
    /// none while a plan with structure changes waits for the shaper.
    pub opened: Memo<Option<Opened>>,
    pub shaping: RwSignal<Shaping>,
    /// How to download the shaper: given by the app as it starts.
    download_shaper: StoredValue<Option<super::shaping::Download>>,
    /// Changed only by the methods below.
    journal: RwSignal<Journal>,
    /// How the last write of the journal to storage went: written only by
    /// the one effect that saves it, and by the person choosing to lose
    /// what could not be saved.
    saved: RwSignal<Result<(), StorageError>>,
    pub edits_by_item: Memo<Arc<HashMap<String, Vec<Edit>>>>,
    pub overlay: Memo<Overlay>,
    pub rollups: Memo<Rollups>,
}

impl OpenPlan {
    pub fn new() -> OpenPlan {
        let as_read: RwSignal<Option<Opened>> = RwSignal::new(None);
        let journal = RwSignal::new(Journal::default());
        let structure = Memo::new(move |_| {
            journal.with(|j| {
                j.edits
                    .iter()
                    .filter(|e| e.change.is_structural())
                    .cloned()
                    .collect::<Vec<_>>()
            })
        });
        let shaping = RwSignal::new(Shaping::NotLoaded);
        let download_shaper = StoredValue::new(None);
        // Reshaped only when the structure changes (or another plan opens),
        // never for progress. The first plan with structure changes asks for
        // the shaper's part, and shows once it is here.
        let opened = Memo::new_with_compare(
            move |_| {
                let read = as_read.get()?;
                if !structure.with(|s| read.needs_shaping(s)) {
                    return Some(read);
                }
                match shaping.get() {
                    Shaping::Ready(shape) => {
                        Some(structure.with(|edits| read.shaped(shape, edits)))
                    }
                    Shaping::NotLoaded => {
                        super::shaping::load(shaping, download_shaper);
                        None
                    }
                    Shaping::Loading | Shaping::Failed => None,
                }
            },
            |a, b| match (a, b) {
                (Some(Some(a)), Some(Some(b))) => !a.same(b),
                (Some(None), Some(None)) => false,
                _ => true,
            },
        );
        let edits_by_item = Memo::new_with_compare(
            move |_| {
                let mut map: HashMap<String, Vec<Edit>> = HashMap::new();
                journal.with(|j| {
                    for edit in &j.edits {
                        map.entry(edit.change.target().to_owned())
                            .or_default()
                            .push(edit.clone());
                    }
                });
                Arc::new(map)
            },
            |a, b| a.map(|a| a.as_ref()) != b.map(|b| b.as_ref()),
        );
        let overlay = Memo::new(move |_| {
            let Some(opened) = opened.get() else {
                return Overlay::default();
            };
            let edits = edits_by_item.get();
            if edits.is_empty() {
                return Overlay::default();
            }
            Overlay::from_edits(&opened.plan, &opened.index, opened.locator(), &edits)
        });
        let rollups = Memo::new(move |_| match opened.get() {
            Some(opened) => overlay.with(|o| o.rollups(&opened.index)),
            None => Rollups::default(),
        });
        let saved = RwSignal::new(Ok(()));
        // The one effect: every change to the journal is written to storage
        // as it is made; a failure is shown, and the change stays in memory.
        // No plan open is nothing to save, and says nothing about storage.
        // It runs within the change itself, not on a later tick: the edit is
        // stored before anything is drawn from it, so nothing that drawing
        // does, however slow or broken, stands between a change and storage.
        ImmediateEffect::new_scoped(move || {
            let result =
                journal.with(|j| (!j.plan_id.is_empty()).then(|| storage::save_journal(j)));
            // Set only when it changes: what shows a problem has nothing to
            // redo for each further change that storage refuses.
            if let Some(result) = result.filter(|r| saved.with_untracked(|s| s != r)) {
                saved.set(result);
            }
        });
        OpenPlan {
            as_read,
            opened,
            shaping,
            download_shaper,
            journal,
            saved,
            edits_by_item,
            overlay,
            rollups,
        }
    }

    /// Downloads the part that applies structure changes, if it is not
    /// here: for pages about to make them, so the first shows at once.
    pub fn prepare_for_structure_changes(&self) {
        super::shaping::load(self.shaping, self.download_shaper);
    }

    /// Gives the way to download the shaper: the app's start does, as the
    /// one place that names its split point.
    pub fn set_shaper_download(&self, download: super::shaping::Download) {
        self.download_shaper.set_value(Some(download));
    }

    /// The shaper, downloaded if it is not here yet; true once it is.
    pub async fn shaper_ready(&self) -> bool {
        super::shaping::ready(self.shaping, self.download_shaper).await
    }

    /// True when a plan is open, whether or not it is shown yet (it waits
    /// for the shaper when it has structure changes).
    pub fn is_open(&self) -> bool {
        self.as_read.with(Option::is_some)
    }

    /// Reads the journal, tracked.
    pub fn journal<R>(&self, read: impl FnOnce(&Journal) -> R) -> R {
        self.journal.with(read)
    }

    /// Reads the journal without tracking it, for event handlers.
    pub fn journal_untracked<R>(&self, read: impl FnOnce(&Journal) -> R) -> R {
        self.journal.with_untracked(read)
    }

    /// Why the journal is not being saved, if it is not.
    pub fn save_problem(&self) -> Option<StorageError> {
        self.saved.with(|saved| saved.as_ref().err().cloned())
    }

    /// How many changes closing the plan would lose: those not exported,
    /// when they are not saved in the browser either.
    pub fn unsaved_changes(&self) -> usize {
        let saving = self
            .saved
            .with(|saved| saved.as_ref().err().is_none_or(|e| !e.loses_changes()));
        if saving {
            0
        } else {
            self.journal.with(Journal::waiting).count()
        }
    }

    /// Shows `opened` with `journal`, the one read from storage for it
    /// (`stored`: how reading it went). Another revision of the plan
    /// already open carries its changes over, saved or not.
    pub(super) fn show(
        &self,
        opened: Opened,
        mut journal: Journal,
        stored: Result<(), StorageError>,
    ) {
        self.journal.with_untracked(|open| {
            if open.plan_id == journal.plan_id {
                journal.merge(open);
            }
        });
        if stored.is_err() {
            self.saved.set(stored);
        }
        self.journal.set(journal);
        self.as_read.set(Some(opened));
    }

    /// Closes the plan. `forget_unsaved`: the person chose to lose changes
    /// that could not be saved, and the warning about them goes too.
    pub(super) fn close(&self, forget_unsaved: bool) {
        if forget_unsaved {
            self.saved.set(Ok(()));
        }
        self.as_read.set(None);
        self.journal.set(Journal::default());
    }

    /// Records changes made together (one form), signed by `by`.
    pub fn record(&self, changes: Vec<Change>, by: &str) {
        let at = clock::now();
        let edits = changes
            .into_iter()
            .map(|change| Edit::new(clock::new_id("e"), at.clone(), by.to_owned(), change))
            .collect();
        self.record_together(edits);
    }

    /// Records edits made together (one form, one merge) as one change,
    /// which undo takes back whole, marked with this tab. Returns how many
    /// were new.
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
    }

    /// Takes back every change in effect; returns how many.
    pub fn discard(&self) -> usize {
        self.journal
            .try_update(|j| j.discard(clock::now()))
            .unwrap_or_default()
    }

    /// Counts the edits an exported file holds as exported.
    pub fn mark_exported(&self, edit_ids: Vec<String>, at: Moment) {
        self.journal.update(|j| j.mark_exported(edit_ids, at));
    }

    /// Another tab changed a plan's journal: take its changes, if it is ours.
    pub fn merge_from_other_tab(&self, plan_id: &str, text: Option<String>) {
        if self.journal.with_untracked(|j| j.plan_id != plan_id) {
            return;
        }
        let Some(other) = text.and_then(|t| storage::parse_journal(&t, plan_id)) else {
            return;
        };
        let mut merged = self.journal.get_untracked();
        merged.merge(&other);
        if self.journal.with_untracked(|j| *j != merged) {
            self.journal.set(merged);
        }
    }
}

impl Default for OpenPlan {
    fn default() -> Self {
        Self::new()
    }
}
