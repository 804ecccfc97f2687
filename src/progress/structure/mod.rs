//! Changing a plan's structure: adding, renaming, reordering, moving and
//! deleting priorities, activities, actions and measures, and setting their
//! details (leads, partners, governance groups, outcomes, success measures,
//! deadlines, the plan's own title, organisation and revision).
//!
//! Structure changes are [`Change`](super::edit::Change)s like progress
//! ones: signed, timed, kept in the same journal, taken back by undo, merged
//! by id. They are applied to the plan as read ([`shape`], in `apply`)
//! before progress is, so the plan people see and the plan exported are one
//! function of the file and the journal.
//!
//! Rules: ids of existing items never change, and a new item's id is given
//! by its edit, so replaying is the same everywhere. Adding an id the plan
//! already has does nothing (the edit is already in). A change whose item is
//! gone (deleted, or never in this revision) is not applied, and is returned
//! so that it is kept, never dropped. A plan always keeps one priority.
//! Deleting a measure or priority also drops the links to it, so the
//! exported file always reads back.

mod apply;
mod editor;

pub use apply::shape;
pub use editor::{
    cannot_delete, date_understood, split_lines, summary, up_and_down, what_goes, ItemDraft,
    Outline,
};

use serde::Serialize;

use crate::plan::Plan;

/// Which kind of item a structure change adds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    Priority,
    Activity,
    Action,
    Measure,
}

impl Level {
    pub const ALL: [Level; 4] = [
        Level::Priority,
        Level::Activity,
        Level::Action,
        Level::Measure,
    ];

    /// The name serde writes, which the stored journal is read by.
    pub fn code(self) -> &'static str {
        match self {
            Level::Priority => "priority",
            Level::Activity => "activity",
            Level::Action => "action",
            Level::Measure => "measure",
        }
    }

    pub fn from_code(code: &str) -> Option<Level> {
        Level::ALL.into_iter().find(|l| l.code() == code)
    }

    /// For people: "key activity", "key action".
    pub fn noun(self) -> &'static str {
        match self {
            Level::Priority => "priority",
            Level::Activity => "key activity",
            Level::Action => "key action",
            Level::Measure => "measure",
        }
    }
}

/// A field that holds one piece of text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TextField {
    /// Any item's title, or the plan's.
    Title,
    /// An activity's or action's lead organisation.
    Lead,
    /// An activity's governance group.
    GovernanceGroup,
    /// An action's deadline as written; the date is understood from it.
    Deadline,
    /// The plan's organisation.
    Organisation,
    /// The plan's revision label, given to the next export.
    Revision,
}

impl TextField {
    pub const ALL: [TextField; 6] = [
        TextField::Title,
        TextField::Lead,
        TextField::GovernanceGroup,
        TextField::Deadline,
        TextField::Organisation,
        TextField::Revision,
    ];

    pub fn code(self) -> &'static str {
        match self {
            TextField::Title => "title",
            TextField::Lead => "lead",
            TextField::GovernanceGroup => "governance_group",
            TextField::Deadline => "deadline",
            TextField::Organisation => "organisation",
            TextField::Revision => "revision",
        }
    }

    pub fn from_code(code: &str) -> Option<TextField> {
        TextField::ALL.into_iter().find(|f| f.code() == code)
    }

    pub fn label(self) -> &'static str {
        match self {
            TextField::Title => "Title",
            TextField::Lead => "Lead organisation",
            TextField::GovernanceGroup => "Governance group",
            TextField::Deadline => "Deadline",
            TextField::Organisation => "Organisation",
            TextField::Revision => "Revision",
        }
    }
}

/// A field that holds a list of lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ListField {
    /// An activity's partners.
    Partners,
    /// A priority's outcomes.
    Outcomes,
    /// A priority's "what success looks like".
    Success,
}

impl ListField {
    pub const ALL: [ListField; 3] = [ListField::Partners, ListField::Outcomes, ListField::Success];

    pub fn code(self) -> &'static str {
        match self {
            ListField::Partners => "partners",
            ListField::Outcomes => "outcomes",
            ListField::Success => "success",
        }
    }

    pub fn from_code(code: &str) -> Option<ListField> {
        ListField::ALL.into_iter().find(|f| f.code() == code)
    }

    pub fn label(self) -> &'static str {
        match self {
            ListField::Partners => "Partners",
            ListField::Outcomes => "Outcomes",
            ListField::Success => "What success looks like",
        }
    }
}

/// Where an item is in a plan, priorities included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Spot {
    Plan,
    Priority(usize),
    Activity(usize, usize),
    Action(usize, usize, usize),
    Measure(usize),
}

impl Spot {
    pub fn level(self) -> Option<Level> {
        match self {
            Spot::Plan => None,
            Spot::Priority(_) => Some(Level::Priority),
            Spot::Activity(..) => Some(Level::Activity),
            Spot::Action(..) => Some(Level::Action),
            Spot::Measure(_) => Some(Level::Measure),
        }
    }
}

/// Finds an item by id: a walk, as structure changes are few and rare.
pub fn find(plan: &Plan, id: &str) -> Option<Spot> {
    for (pi, priority) in plan.priorities.iter().enumerate() {
        if priority.id == id {
            return Some(Spot::Priority(pi));
        }
        for (ai, activity) in priority.activities().iter().enumerate() {
            if activity.id == id {
                return Some(Spot::Activity(pi, ai));
            }
            if let Some(ki) = activity.actions().iter().position(|k| k.id == id) {
                return Some(Spot::Action(pi, ai, ki));
            }
        }
    }
    if let Some(mi) = plan.measures().iter().position(|m| m.id == id) {
        return Some(Spot::Measure(mi));
    }
    (plan.id == id).then_some(Spot::Plan)
}

/// Text as a field holds it: trimmed, and absent when empty (format rule).
fn present(text: Option<&str>) -> Option<String> {
    text.map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
}
