//! The journal: every edit made to one plan in this browser, what has been
//! taken back, and what has gone into an export.
//!
//! The journal is what browser storage keeps, and every tab of the plan holds
//! a copy. Copies merge by id and only ever grow: an edit, a withdrawal (undo
//! or discard) and an export mark are each entries of their own, so merging
//! two copies gives the same journal in either order, and an edit one tab
//! took back never comes back from another tab that still held it. Among the
//! edits in effect, the later change to a field wins when the plan is shown,
//! and the earlier one stays in the item's history.

use serde::Serialize;

use super::edit::Edit;
use crate::plan::Moment;

/// The stored form's version. Version 1 journals (an export mark by position,
/// no withdrawals) are read and upgraded; any other version is set aside.
pub const JOURNAL_VERSION: u32 = 2;

/// Stored as serde writes it and read back by [`super::read_journal`]: a
/// change to these types or their serde attributes must be made there too.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Journal {
    pub version: u32,
    pub plan_id: String,
    /// The edits in effect, in the order this browser learnt of them.
    /// (Applying sorts by time: merged edits keep their own older moments.)
    pub edits: Vec<Edit>,
    /// Edits taken back, in order of edit id. Their bodies are dropped; the
    /// entry stays, so that no copy of the journal can bring them back.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub withdrawn: Vec<Withdrawal>,
    /// The ids of the edits that have gone into an export, in order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub exported: Vec<String>,
    pub last_export: Option<Moment>,
    /// Made in this browser (a new plan, or one imported from a table), so
    /// no file holds the plan itself until it is first exported.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub made_here: bool,
}

// Sets of ids are sorted lists, searched by halving: smaller in the download
// than the standard library's ordered sets, which bring tree and sorting code.

/// An edit taken back: which, when and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Withdrawal {
    pub edit: String,
    pub at: Moment,
    pub why: Withdrawn,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Withdrawn {
    /// "Undo last change".
    Undone,
    /// "Discard my changes".
    Discarded,
}

impl Journal {
    pub fn new(plan_id: &str) -> Journal {
        Journal {
            version: JOURNAL_VERSION,
            plan_id: plan_id.to_owned(),
            ..Journal::default()
        }
    }

    /// Records an edit. One already present or taken back (by id) is ignored.
    pub fn record(&mut self, edit: Edit) -> bool {
        if self.is_withdrawn(&edit.id) || self.edits.iter().any(|e| e.id == edit.id) {
            return false;
        }
        self.edits.push(edit);
        true
    }

    pub fn is_withdrawn(&self, id: &str) -> bool {
        self.withdrawal(id).is_ok()
    }

    /// Where the withdrawal of `id` is in the list, or would go.
    fn withdrawal(&self, id: &str) -> Result<usize, usize> {
        self.withdrawn.binary_search_by(|w| w.edit.as_str().cmp(id))
    }

    pub fn is_exported(&self, id: &str) -> bool {
        self.exported
            .binary_search_by(|e| e.as_str().cmp(id))
            .is_ok()
    }

    /// Edits in effect that are not yet in an export, in recorded order.
    pub fn unexported(&self) -> impl Iterator<Item = &Edit> + '_ {
        self.edits.iter().filter(|e| !self.is_exported(&e.id))
    }

    pub fn unexported_count(&self) -> usize {
        self.unexported().count()
    }

    /// What closing without exporting would leave in no file.
    pub fn waiting(&self) -> Waiting {
        Waiting {
            changes: self.unexported_count(),
            new_plan: self.made_here && self.last_export.is_none(),
        }
    }

    /// Counts these edits as exported: the ones the exported file holds.
    /// Edits made while the export was being written are not among them,
    /// and still wait.
    pub fn mark_exported(&mut self, ids: impl IntoIterator<Item = String>, at: Moment) {
        self.add_exported(ids);
        if self.last_export.as_ref().is_none_or(|last| at > *last) {
            self.last_export = Some(at);
        }
    }

    /// Adds ids to the exported ones, keeping them in order.
    pub(super) fn add_exported(&mut self, ids: impl IntoIterator<Item = String>) {
        for id in ids {
            if let Err(place) = self.exported.binary_search(&id) {
                self.exported.insert(place, id);
            }
        }
    }

    /// The edits `undo` would take back for the tab `session`: its last
    /// change not yet exported (all of it, for a change made of several edits
    /// such as one update form or a merge). Another tab's changes are never
    /// its to undo.
    pub fn undoable(&self, session: &str) -> Vec<&Edit> {
        let mine = |e: &&Edit| e.session.as_deref() == Some(session) && !self.is_exported(&e.id);
        let Some(last) = self.edits.iter().rev().find(mine) else {
            return Vec::new();
        };
        match &last.batch {
            Some(batch) => self
                .edits
                .iter()
                .filter(mine)
                .filter(|e| e.batch.as_ref() == Some(batch))
                .collect(),
            None => vec![last],
        }
    }

    /// Takes back the last change made in the tab `session`, if it has not
    /// been exported. Returns how many edits were taken back.
    pub fn undo(&mut self, session: &str, at: Moment) -> usize {
        let ids: Vec<String> = self
            .undoable(session)
            .into_iter()
            .map(|e| e.id.clone())
            .collect();
        self.withdraw(ids, at, Withdrawn::Undone)
    }

    /// Takes back every edit in effect: the plan shows as its file says.
    /// Returns how many edits were taken back.
    pub fn discard(&mut self, at: Moment) -> usize {
        let ids: Vec<String> = self.edits.iter().map(|e| e.id.clone()).collect();
        self.withdraw(ids, at, Withdrawn::Discarded)
    }

    fn withdraw(&mut self, ids: Vec<String>, at: Moment, why: Withdrawn) -> usize {
        let count = ids.len();
        for edit in ids {
            self.add_withdrawal(Withdrawal {
                edit,
                at: at.clone(),
                why,
            });
        }
        count
    }

    /// Takes an edit back, keeping the earlier withdrawal of the same edit
    /// (so that merging is the same in either order).
    pub fn add_withdrawal(&mut self, withdrawal: Withdrawal) {
        match self.withdrawal(&withdrawal.edit) {
            Ok(place) => {
                if let Some(ours) = self
                    .withdrawn
                    .get_mut(place)
                    .filter(|ours| withdrawal.at < ours.at)
                {
                    *ours = withdrawal;
                }
            }
            Err(place) => {
                self.edits.retain(|e| e.id != withdrawal.edit);
                self.withdrawn.insert(place, withdrawal);
            }
        }
    }

    /// Another copy of this plan's journal (another tab's, or the one in
    /// storage) combined with this one: every edit either has, less every
    /// edit either took back; every export mark of either.
    pub fn merge(&mut self, other: &Journal) {
        for withdrawal in &other.withdrawn {
            self.add_withdrawal(withdrawal.clone());
        }
        for edit in &other.edits {
            self.record(edit.clone());
        }
        self.add_exported(other.exported.iter().cloned());
        if other.last_export > self.last_export {
            self.last_export = other.last_export.clone();
        }
        self.made_here |= other.made_here;
    }

    /// The edits to one item, oldest first.
    pub fn history<'a>(&'a self, item: &'a str) -> impl Iterator<Item = &'a Edit> + 'a {
        self.edits.iter().filter(move |e| e.change.target() == item)
    }
}

/// What is in no file yet: the edits not exported, and for a plan made here
/// and never exported, the plan itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Waiting {
    pub changes: usize,
    pub new_plan: bool,
}

impl Waiting {
    /// How many things closing would lose: the edits, and the plan itself
    /// counting as one more.
    pub fn count(self) -> usize {
        self.changes + usize::from(self.new_plan)
    }

    /// "3 changes not exported yet", or "New plan, not exported yet", as
    /// all of a new plan waits, not only its edits.
    pub fn text(self) -> String {
        if self.new_plan {
            "New plan, not exported yet".to_owned()
        } else {
            waiting_text(self.changes)
        }
    }

    /// What exporting keeps: "it" (one change, or the new plan) or "them".
    pub fn pronoun(self) -> &'static str {
        if self.new_plan || self.changes == 1 {
            "it"
        } else {
            "them"
        }
    }
}

/// "3 changes not exported yet": what a person would lose by not exporting.
pub fn waiting_text(unexported: usize) -> String {
    match unexported {
        0 => "No changes waiting to be exported".to_owned(),
        1 => "1 change not exported yet".to_owned(),
        n => format!("{n} changes not exported yet"),
    }
}
