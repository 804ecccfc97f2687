//! Adding imported rows to the plan that is open, rather than making a new
//! plan: what the open plan lacks is added as structure changes (and the
//! rows' progress as progress changes), so it is signed, can be undone as
//! one change, and goes into the next export like any edit.
//!
//! Priorities, key activities and key actions are matched by title (case
//! and spacing aside) under the same parent; a row whose action the plan
//! already has is left as it is and counted. Nothing is dropped: columns
//! kept as they are become a note on the new action.

use super::build::key;
use super::rows::counted;
use crate::plan::dates::iso_date;
use crate::plan::{Action, Activity, Plan, Priority};
use crate::progress::structure::{Level, ListField, TextField};
use crate::progress::{Change, NoteDraft};

/// What adding would do.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Additions {
    /// In order: each item added before anything in it.
    pub changes: Vec<Change>,
    pub priorities: usize,
    pub activities: usize,
    pub actions: usize,
    /// Rows whose action the open plan already has.
    pub already_there: usize,
}

impl Additions {
    /// "2 key activities and 14 key actions added; 3 rows were already in
    /// the plan and were left as they are."
    pub fn summary(&self) -> String {
        let mut added: Vec<String> = Vec::new();
        if self.priorities > 0 {
            added.push(counted(self.priorities, "priority", "priorities"));
        }
        if self.activities > 0 {
            added.push(counted(self.activities, "key activity", "key activities"));
        }
        added.push(counted(self.actions, "key action", "key actions"));
        let last = added.pop().unwrap_or_default();
        let mut text = match added.is_empty() {
            true => format!("{last} added"),
            false => format!("{} and {last} added", added.join(", ")),
        };
        if self.already_there > 0 {
            text.push_str(&format!(
                "; {} already in the plan and left as {}",
                counted(self.already_there, "row was", "rows were"),
                if self.already_there == 1 {
                    "it was"
                } else {
                    "they were"
                }
            ));
        }
        text.push('.');
        text
    }
}

/// The changes that add to `open` what `made` (a plan made from the rows)
/// has and it lacks. `new_id` gives a new unique id for a prefix ("p", "a",
/// "k", "n" for notes).
pub fn additions(open: &Plan, made: &Plan, new_id: &mut dyn FnMut(&str) -> String) -> Additions {
    let mut out = Additions::default();
    for priority in &made.priorities {
        let existing = open
            .priorities
            .iter()
            .find(|p| key(&p.title) == key(&priority.title));
        let priority_id = match existing {
            Some(p) => p.id.clone(),
            None => {
                let id = new_id("p");
                add_priority(&mut out, &id, priority);
                id
            }
        };
        for activity in priority.activities() {
            let existing = existing.and_then(|p| {
                p.activities()
                    .iter()
                    .find(|a| key(&a.title) == key(&activity.title))
            });
            let activity_id = match existing {
                Some(a) => a.id.clone(),
                None => {
                    let id = new_id("a");
                    add_activity(&mut out, &id, &priority_id, activity);
                    id
                }
            };
            for action in activity.actions() {
                let there = existing.is_some_and(|a| {
                    a.actions()
                        .iter()
                        .any(|k| key(&k.title) == key(&action.title))
                });
                if there {
                    out.already_there += 1;
                } else {
                    add_action(&mut out, new_id, &activity_id, action);
                }
            }
        }
    }
    out
}

fn add_priority(out: &mut Additions, id: &str, priority: &Priority) {
    out.priorities += 1;
    out.changes.push(Change::AddItem {
        item: id.to_owned(),
        level: Level::Priority,
        parent: None,
        title: priority.title.clone(),
    });
}

fn add_activity(out: &mut Additions, id: &str, priority: &str, activity: &Activity) {
    out.activities += 1;
    out.changes.push(Change::AddItem {
        item: id.to_owned(),
        level: Level::Activity,
        parent: Some(priority.to_owned()),
        title: activity.title.clone(),
    });
    let text = |field, value: Option<&String>| {
        value.map(|v| Change::SetText {
            item: id.to_owned(),
            field,
            text: Some(v.clone()),
        })
    };
    out.changes.extend(text(
        TextField::Lead,
        activity.lead.as_ref().map(|l| &l.organisation),
    ));
    out.changes.extend(text(
        TextField::GovernanceGroup,
        activity.governance_group.as_ref(),
    ));
    if !activity.partners().is_empty() {
        out.changes.push(Change::SetList {
            item: id.to_owned(),
            field: ListField::Partners,
            items: activity.partners().to_vec(),
        });
    }
}

fn add_action(
    out: &mut Additions,
    new_id: &mut dyn FnMut(&str) -> String,
    activity: &str,
    action: &Action,
) {
    out.actions += 1;
    let id = new_id("k");
    out.changes.push(Change::AddItem {
        item: id.clone(),
        level: Level::Action,
        parent: Some(activity.to_owned()),
        title: action.title.clone(),
    });
    let deadline = action
        .due
        .as_ref()
        .and_then(|d| d.label.clone().or_else(|| d.date.map(iso_date)));
    if let Some(deadline) = deadline {
        out.changes.push(Change::SetText {
            item: id.clone(),
            field: TextField::Deadline,
            text: Some(deadline),
        });
    }
    if let Some(lead) = &action.lead {
        out.changes.push(Change::SetText {
            item: id.clone(),
            field: TextField::Lead,
            text: Some(lead.organisation.clone()),
        });
    }
    let progress = action.progress.as_ref();
    if let Some(status) = progress.and_then(|p| p.status) {
        out.changes.push(Change::SetStatus {
            item: id.clone(),
            status: Some(status),
        });
    }
    if let Some(percent) = progress.and_then(|p| p.percent) {
        out.changes.push(Change::SetPercent {
            item: id.clone(),
            percent: Some(percent),
        });
    }
    for note in progress.map(|p| p.notes()).unwrap_or_default() {
        out.changes.push(Change::AddNote {
            item: id.clone(),
            note: NoteDraft {
                id: new_id("n"),
                text: note.text.clone(),
                status: note.status,
                ..NoteDraft::default()
            },
        });
    }
    // Columns kept as they are: the format has no place for them on an
    // item already made, so they become a note rather than being lost.
    if let Some(serde_json::Value::Object(kept)) = action.extra.get("imported_columns") {
        let lines: Vec<String> = kept
            .iter()
            .filter_map(|(heading, value)| Some(format!("{heading}: {}", value.as_str()?)))
            .collect();
        if !lines.is_empty() {
            out.changes.push(Change::AddNote {
                item: id,
                note: NoteDraft {
                    id: new_id("n"),
                    text: format!("From the imported sheet: {}", lines.join("; ")),
                    ..NoteDraft::default()
                },
            });
        }
    }
}
