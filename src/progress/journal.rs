//! The journal: every edit made to one plan since it was opened, in the order
//! they happened, with how far it has been exported.
//!
//! The journal is what browser storage keeps. Two tabs' journals merge by edit
//! id, so neither tab's change is lost; the later change to a field wins when
//! the plan is shown, and the earlier one stays in the item's history.

use serde::Serialize;

use super::edit::Edit;
use crate::plan::Moment;

/// The stored form's version; an entry with another version is set aside.
pub const JOURNAL_VERSION: u32 = 1;

/// Stored as serde writes it and read back by [`super::read_journal`]: a
/// change to these types or their serde attributes must be made there too.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Journal {
    pub version: u32,
    pub plan_id: String,
    /// In the order they were recorded here. (Applying sorts by time: merged
    /// edits keep their own older moments but are recorded now.)
    pub edits: Vec<Edit>,
    /// The last edit included in an export.
    #[serde(default)]
    pub exported_through: Option<String>,
    #[serde(default)]
    pub last_export: Option<Moment>,
}

impl Journal {
    pub fn new(plan_id: &str) -> Journal {
        Journal { version: JOURNAL_VERSION, plan_id: plan_id.to_owned(), ..Journal::default() }
    }

    /// Records an edit. An edit already present (by id) is ignored.
    pub fn record(&mut self, edit: Edit) {
        if self.edits.iter().any(|e| e.id == edit.id) {
            return;
        }
        self.edits.push(edit);
    }

    /// Edits not yet in an export.
    pub fn unexported(&self) -> &[Edit] {
        let start = match &self.exported_through {
            Some(id) => self.edits.iter().position(|e| &e.id == id).map_or(0, |i| i + 1),
            None => 0,
        };
        self.edits.get(start..).unwrap_or_default()
    }

    pub fn mark_exported(&mut self, at: Moment) {
        let last = self.edits.last().map(|e| e.id.clone());
        self.mark_exported_through(last, at);
    }

    /// Counts the edits up to `last` (by id) as exported. An export that
    /// finishes later, such as saving through a file picker, names the last
    /// edit its file held, so edits made meanwhile still count as waiting.
    pub fn mark_exported_through(&mut self, last: Option<String>, at: Moment) {
        self.exported_through = last;
        self.last_export = Some(at);
    }

    /// Takes back the last change recorded (all of it, for a change made of
    /// several edits such as a merge), if it has not been exported. Returns
    /// how many edits were taken back.
    pub fn undo(&mut self) -> usize {
        let mut taken = 0;
        let Some(batch) = self.unexported().last().map(|e| e.batch.clone()) else { return 0 };
        while self.unexported().last().is_some_and(|e| taken == 0 || (batch.is_some() && e.batch == batch)) {
            self.edits.pop();
            taken += 1;
        }
        taken
    }

    /// Another tab's (or an older) journal of the same plan, combined with
    /// this one: every edit from both, once.
    pub fn merge(&mut self, other: &Journal) {
        for edit in &other.edits {
            self.record(edit.clone());
        }
        // The later export mark covers more.
        if other.last_export > self.last_export {
            self.last_export = other.last_export.clone();
            self.exported_through = other.exported_through.clone();
        }
    }

    /// The edits to one item, oldest first.
    pub fn history<'a>(&'a self, item: &'a str) -> impl Iterator<Item = &'a Edit> + 'a {
        self.edits.iter().filter(move |e| e.change.target() == item)
    }
}
