//! Applying edits to a plan: one pure function, used for export, for showing
//! an item with its changes, and for merging.
//!
//! Rules: edits are applied in time order (by `at`, then id), so a status or
//! percent takes the later change and replaying edits in any order gives the
//! same plan; an edit older than the file's own stamp on the item does not
//! overwrite it; notes and values are added once (by note id, or by identical
//! content for values), never rewritten.

use foldhash::HashMap;

use super::edit::{Change, Edit};
use crate::plan::{Measure, Moment, Plan, Progress};

/// Where an item with an id lives in a plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Location {
    Activity(usize, usize),
    Action(usize, usize, usize),
    Measure(usize),
}

impl Location {
    /// The recorded progress of the activity or action here (measures have none).
    pub fn progress(self, plan: &Plan) -> Option<&Progress> {
        match self {
            Location::Activity(pi, ai) => plan.activity(pi, ai)?.progress.as_ref(),
            Location::Action(pi, ai, ki) => plan.action(pi, ai, ki)?.progress.as_ref(),
            Location::Measure(_) => None,
        }
    }

    /// The id of the item here.
    pub fn id(self, plan: &Plan) -> Option<&str> {
        match self {
            Location::Activity(pi, ai) => plan.activity(pi, ai).map(|a| a.id.as_str()),
            Location::Action(pi, ai, ki) => plan.action(pi, ai, ki).map(|k| k.id.as_str()),
            Location::Measure(mi) => plan.measures().get(mi).map(|m| m.id.as_str()),
        }
    }

    /// The title of the item here, for people.
    pub fn title(self, plan: &Plan) -> Option<&str> {
        match self {
            Location::Activity(pi, ai) => plan.activity(pi, ai).map(|a| a.title.as_str()),
            Location::Action(pi, ai, ki) => plan.action(pi, ai, ki).map(|k| k.title.as_str()),
            Location::Measure(mi) => plan.measures().get(mi).map(|m| m.title.as_str()),
        }
    }
}

/// Ids of the items edits can touch, found once per plan.
#[derive(Debug, Clone, Default)]
pub struct Locator(HashMap<String, Location>);

impl Locator {
    pub fn new(plan: &Plan) -> Locator {
        let items: usize = plan
            .priorities
            .iter()
            .flat_map(|p| p.activities())
            .map(|a| 1 + a.actions().len())
            .sum();
        let mut map =
            HashMap::with_capacity_and_hasher(items + plan.measures().len(), Default::default());
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

/// Applies edits in time order: the structure changes first (so the plan
/// has every item added), then progress. Returns the edits whose item the
/// plan does not have, so that they can be listed and kept rather than
/// dropped.
pub fn apply_all<'e>(plan: &mut Plan, edits: impl IntoIterator<Item = &'e Edit>) -> Vec<&'e Edit> {
    let edits: Vec<&Edit> = edits.into_iter().collect();
    let mut orphans = super::structure::shape(plan, edits.iter().copied());
    let locator = Locator::new(plan);
    // When each item was last updated in the file itself, before any edit.
    let mut file_updated: HashMap<String, Option<Moment>> = HashMap::default();
    let progress = edits.into_iter().filter(|e| !e.change.is_structural());
    for edit in super::edit::in_time_order(progress) {
        if !apply(plan, &locator, edit, &mut file_updated) {
            orphans.push(edit);
        }
    }
    orphans
}

/// Applies one edit; false when its item is not in the plan (or is the wrong
/// kind of item for the change). `file_updated` remembers each item's stamp
/// from the file, so an edit older than the file's own change is not applied.
fn apply(
    plan: &mut Plan,
    locator: &Locator,
    edit: &Edit,
    file_updated: &mut HashMap<String, Option<Moment>>,
) -> bool {
    let Some(location) = locator.find(edit.change.target()) else {
        return false;
    };
    match (location, &edit.change) {
        (Location::Measure(mi), Change::AddMeasureValue { .. }) => {
            match plan.measures.as_mut().and_then(|m| m.get_mut(mi)) {
                Some(measure) => {
                    apply_to_measure(measure, edit);
                    true
                }
                None => false,
            }
        }
        (Location::Measure(_), _) | (_, Change::AddMeasureValue { .. }) => false,
        (Location::Activity(pi, ai), _) => match plan.activity_mut(pi, ai) {
            Some(activity) => {
                apply_to_item(&activity.id, &mut activity.progress, edit, file_updated)
            }
            None => false,
        },
        (Location::Action(pi, ai, ki), _) => match plan.action_mut(pi, ai, ki) {
            Some(action) => apply_to_item(&action.id, &mut action.progress, edit, file_updated),
            None => false,
        },
    }
}

/// Applies an edit to an activity's or action's progress, remembering the
/// file's own stamp on it the first time it is touched.
fn apply_to_item(
    id: &str,
    progress: &mut Option<Progress>,
    edit: &Edit,
    file_updated: &mut HashMap<String, Option<Moment>>,
) -> bool {
    let progress = progress.get_or_insert_with(Progress::default);
    let from_file = file_updated
        .entry(id.to_owned())
        .or_insert_with(|| progress.updated.clone());
    apply_to_progress(progress, edit, from_file.as_ref());
    true
}

/// Applies an edit to an item's progress. Edits are applied in time order, so
/// among edits the later wins; `file_updated` is when the file itself last
/// changed the item, and an edit older than that is not applied (it stays in
/// the journal and the history).
pub fn apply_to_progress(progress: &mut Progress, edit: &Edit, file_updated: Option<&Moment>) {
    let is_newer = file_updated.is_none_or(|updated| edit.at >= *updated);
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
        _ => {}
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
