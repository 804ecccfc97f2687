//! Applying edits to a plan: one pure function, used for export, for showing
//! an item with its changes, and for merging.
//!
//! Rules: a status or percent takes the later change (by `at`), so replaying
//! edits in any order gives the same plan; notes and values are added once
//! (by note id, or by identical content for values), never rewritten.

use std::collections::HashMap;

use super::edit::{Change, Edit};
use crate::plan::{Measure, Plan, Progress};

/// Where an item with an id lives in a plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Location {
    Activity(usize, usize),
    Action(usize, usize, usize),
    Measure(usize),
}

/// Ids of the items edits can touch, found once per plan.
#[derive(Debug, Clone, Default)]
pub struct Locator(HashMap<String, Location>);

impl Locator {
    pub fn new(plan: &Plan) -> Locator {
        let mut map = HashMap::new();
        for (pi, priority) in plan.priorities.iter().enumerate() {
            for (ai, activity) in priority.activities().iter().enumerate() {
                map.insert(activity.id.clone(), Location::Activity(pi, ai));
                for (ki, action) in activity.actions().iter().enumerate() {
                    map.insert(action.id.clone(), Location::Action(pi, ai, ki));
                }
            }
        }
        for (mi, measure) in plan.measures().iter().enumerate() {
            map.insert(measure.id.clone(), Location::Measure(mi));
        }
        Locator(map)
    }

    pub fn find(&self, id: &str) -> Option<Location> {
        self.0.get(id).copied()
    }
}

/// Applies edits in time order. Returns the edits whose item the plan does
/// not have, so that they can be listed and kept rather than dropped.
pub fn apply_all<'e>(plan: &mut Plan, edits: impl IntoIterator<Item = &'e Edit>) -> Vec<&'e Edit> {
    let locator = Locator::new(plan);
    let mut orphans = Vec::new();
    for edit in super::edit::in_time_order(edits) {
        if !apply(plan, &locator, edit) {
            orphans.push(edit);
        }
    }
    orphans
}

/// Applies one edit; false when its item is not in the plan (or is the wrong
/// kind of item for the change).
pub fn apply(plan: &mut Plan, locator: &Locator, edit: &Edit) -> bool {
    let Some(location) = locator.find(edit.change.target()) else { return false };
    match (location, &edit.change) {
        (Location::Measure(mi), Change::AddMeasureValue { .. }) => match plan.measures.as_mut().and_then(|m| m.get_mut(mi)) {
            Some(measure) => {
                apply_to_measure(measure, edit);
                true
            }
            None => false,
        },
        (Location::Measure(_), _) | (_, Change::AddMeasureValue { .. }) => false,
        (Location::Activity(pi, ai), _) => {
            let activity = plan.priorities.get_mut(pi).and_then(|p| p.activities.as_mut()).and_then(|a| a.get_mut(ai));
            match activity {
                Some(activity) => {
                    apply_to_progress(activity.progress.get_or_insert_with(Progress::default), edit);
                    true
                }
                None => false,
            }
        }
        (Location::Action(pi, ai, ki), _) => {
            let action = plan
                .priorities
                .get_mut(pi)
                .and_then(|p| p.activities.as_mut())
                .and_then(|a| a.get_mut(ai))
                .and_then(|a| a.actions.as_mut())
                .and_then(|a| a.get_mut(ki));
            match action {
                Some(action) => {
                    apply_to_progress(action.progress.get_or_insert_with(Progress::default), edit);
                    true
                }
                None => false,
            }
        }
    }
}

/// Applies an edit to an item's progress.
pub fn apply_to_progress(progress: &mut Progress, edit: &Edit) {
    // An older change never overwrites a newer one; it stays in the journal.
    let is_newer = progress.updated.as_ref().is_none_or(|updated| edit.at >= *updated);
    match &edit.change {
        Change::SetStatus { status, .. } if is_newer => {
            progress.status = *status;
            progress.updated = Some(edit.at.clone());
            progress.updated_by = Some(edit.by.clone());
        }
        Change::SetPercent { percent, .. } if is_newer => {
            progress.percent = percent.map(|p| p.min(100));
            progress.updated = Some(edit.at.clone());
            progress.updated_by = Some(edit.by.clone());
        }
        Change::AddNote { note, .. } => {
            let notes = progress.notes.get_or_insert_with(Vec::new);
            if !notes.iter().any(|n| n.id == note.id) {
                let new = note.to_note(&edit.at, &edit.by);
                // Oldest first, whatever order edits arrive in.
                let at = notes.partition_point(|n| n.at <= new.at);
                notes.insert(at, new);
            }
        }
        Change::SetStatus { .. } | Change::SetPercent { .. } | Change::AddMeasureValue { .. } => {}
    }
}

/// Applies an edit to a measure.
pub fn apply_to_measure(measure: &mut Measure, edit: &Edit) {
    if let Change::AddMeasureValue { value, .. } = &edit.change {
        let new = value.to_value(&edit.at, &edit.by);
        let values = measure.values.get_or_insert_with(Vec::new);
        if !values.contains(&new) {
            values.push(new);
        }
    }
}
