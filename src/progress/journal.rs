//! The journal: every edit made to one plan since it was opened, in the order
//! they happened, with how far it has been exported.
//!
//! The journal is what browser storage keeps. Two tabs' journals merge by edit
//! id, so neither tab's change is lost; the later change to a field wins when
//! the plan is shown, and the earlier one stays in the item's history.

use serde::{Deserialize, Serialize};

use super::edit::Edit;
use crate::plan::Moment;

/// The stored form's version; an entry with another version is set aside.
pub const JOURNAL_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Journal {
    pub version: u32,
    pub plan_id: String,
    /// Sorted by `at`, then id.
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

    /// Records an edit, keeping time order. An edit already present is ignored.
    pub fn record(&mut self, edit: Edit) {
        if self.edits.iter().any(|e| e.id == edit.id) {
            return;
        }
        let at = self.edits.partition_point(|e| (&e.at, &e.id) <= (&edit.at, &edit.id));
        self.edits.insert(at, edit);
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
        self.exported_through = self.edits.last().map(|e| e.id.clone());
        self.last_export = Some(at);
    }

    /// Takes back the latest edit, if it has not been exported.
    pub fn undo(&mut self) -> Option<Edit> {
        if self.unexported().is_empty() {
            return None;
        }
        self.edits.pop()
    }

    /// Another tab's (or an older) journal of the same plan, combined with
    /// this one: every edit from both, once, in time order.
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
