//! Applying structure changes to a plan, in time order: each one finds its
//! item by id, and one whose item or new place is gone is handed back.

use super::{find, present, Level, ListField, Spot, TextField};
use crate::plan::dates::parse_iso_date;
use crate::plan::{Action, Activity, Due, Extra, Lead, Measure, Plan, Priority};
use crate::progress::edit::{in_time_order, Change, Edit};

/// Applies the structure changes among `edits` in time order. Returns those
/// that could not be applied (their item or its new place is gone), to be
/// kept with the other edits the plan has no place for.
pub fn shape<'e>(plan: &mut Plan, edits: impl IntoIterator<Item = &'e Edit>) -> Vec<&'e Edit> {
    let structural = edits.into_iter().filter(|e| e.change.is_structural());
    in_time_order(structural)
        .into_iter()
        .filter(|edit| !apply_structure(plan, &edit.change))
        .collect()
}

/// Applies one structure change; false when it has no place in this plan.
fn apply_structure(plan: &mut Plan, change: &Change) -> bool {
    match change {
        Change::AddItem {
            item,
            level,
            parent,
            title,
        } => add(plan, item, *level, parent.as_deref(), title),
        Change::SetText { item, field, text } => set_text(plan, item, *field, text.as_deref()),
        Change::SetList { item, field, items } => set_list(plan, item, *field, items),
        Change::MoveItem {
            item,
            parent,
            before,
        } => move_item(plan, item, parent.as_deref(), before.as_deref()),
        Change::DeleteItem { item } => delete(plan, item),
        _ => true,
    }
}

fn add(plan: &mut Plan, id: &str, level: Level, parent: Option<&str>, title: &str) -> bool {
    if find(plan, id).is_some() {
        return true;
    }
    let (id, title) = (id.to_owned(), title.to_owned());
    match (level, parent.and_then(|p| find(plan, p))) {
        (Level::Priority, _) => plan.priorities.push(Priority {
            id,
            number: None,
            title,
            summary: None,
            outcomes: None,
            success: None,
            activities: None,
            extra: Extra::new(),
        }),
        (Level::Measure, _) => plan.measures.get_or_insert_with(Vec::new).push(Measure {
            id,
            number: None,
            title,
            description: None,
            unit: None,
            direction: None,
            frequency: None,
            responsible: None,
            baseline: None,
            targets: None,
            values: None,
            comparators: None,
            priorities: None,
            extra: Extra::new(),
        }),
        (Level::Activity, Some(Spot::Priority(pi))) => match plan.priorities.get_mut(pi) {
            Some(priority) => priority
                .activities
                .get_or_insert_with(Vec::new)
                .push(Activity {
                    id,
                    number: None,
                    title,
                    strategic_plan: None,
                    governance_group: None,
                    lead: None,
                    partners: None,
                    remarks: None,
                    actions: None,
                    measure_ids: None,
                    progress: None,
                    extra: Extra::new(),
                }),
            None => return false,
        },
        (Level::Action, Some(Spot::Activity(pi, ai))) => match plan.activity_mut(pi, ai) {
            Some(activity) => activity.actions.get_or_insert_with(Vec::new).push(Action {
                id,
                number: None,
                title,
                due: None,
                lead: None,
                remarks: None,
                measure_ids: None,
                progress: None,
                extra: Extra::new(),
            }),
            None => return false,
        },
        _ => return false,
    }
    true
}

/// A lead organisation changed, keeping the team, officer and any unknown
/// fields of the lead it replaces.
fn with_organisation(lead: &mut Option<Lead>, organisation: Option<String>) {
    match (organisation, lead.as_mut()) {
        (None, _) => *lead = None,
        (Some(organisation), Some(lead)) => lead.organisation = organisation,
        (Some(organisation), None) => {
            *lead = Some(Lead {
                organisation,
                team: None,
                officer: None,
                extra: Extra::new(),
            })
        }
    }
}

/// A deadline as written: the label kept, the date understood from it
/// (an ISO date is the date itself), any unknown fields kept.
fn with_deadline(due: &mut Option<Due>, label: Option<String>) {
    let Some(label) = label else {
        *due = None;
        return;
    };
    let extra = due.take().map(|d| d.extra).unwrap_or_default();
    *due = Some(match parse_iso_date(&label) {
        Some(date) => Due {
            label: None,
            start: None,
            date: Some(date),
            extra,
        },
        None => Due {
            label: Some(label),
            start: None,
            date: None,
            extra,
        },
    });
}

fn set_text(plan: &mut Plan, id: &str, field: TextField, text: Option<&str>) -> bool {
    let text = present(text);
    let Some(spot) = find(plan, id) else {
        return false;
    };
    // A title is never emptied: the format needs one.
    if field == TextField::Title && text.is_none() {
        return true;
    }
    match (spot, field) {
        (Spot::Plan, TextField::Title) => plan.title = text.unwrap_or_default(),
        (Spot::Plan, TextField::Organisation) => plan.organisation = text,
        (Spot::Plan, TextField::Revision) => plan.revision = text,
        (Spot::Priority(pi), TextField::Title) => match plan.priorities.get_mut(pi) {
            Some(priority) => priority.title = text.unwrap_or_default(),
            None => return false,
        },
        (Spot::Activity(pi, ai), field) => {
            let Some(activity) = plan.activity_mut(pi, ai) else {
                return false;
            };
            match field {
                TextField::Title => activity.title = text.unwrap_or_default(),
                TextField::Lead => with_organisation(&mut activity.lead, text),
                TextField::GovernanceGroup => activity.governance_group = text,
                _ => return false,
            }
        }
        (Spot::Action(pi, ai, ki), field) => {
            let Some(action) = plan.action_mut(pi, ai, ki) else {
                return false;
            };
            match field {
                TextField::Title => action.title = text.unwrap_or_default(),
                TextField::Lead => with_organisation(&mut action.lead, text),
                TextField::Deadline => with_deadline(&mut action.due, text),
                _ => return false,
            }
        }
        (Spot::Measure(mi), TextField::Title) => {
            match plan.measures.as_mut().and_then(|m| m.get_mut(mi)) {
                Some(measure) => measure.title = text.unwrap_or_default(),
                None => return false,
            }
        }
        _ => return false,
    }
    true
}

fn set_list(plan: &mut Plan, id: &str, field: ListField, items: &[String]) -> bool {
    let lines: Vec<String> = items.iter().filter_map(|i| present(Some(i))).collect();
    let lines = (!lines.is_empty()).then_some(lines);
    match (find(plan, id), field) {
        (Some(Spot::Priority(pi)), ListField::Outcomes | ListField::Success) => {
            let Some(priority) = plan.priorities.get_mut(pi) else {
                return false;
            };
            match field {
                ListField::Outcomes => priority.outcomes = lines,
                _ => priority.success = lines,
            }
        }
        (Some(Spot::Activity(pi, ai)), ListField::Partners) => match plan.activity_mut(pi, ai) {
            Some(activity) => activity.partners = lines,
            None => return false,
        },
        _ => return false,
    }
    true
}

/// Moves `item` to just before `before` among the children of `parent` (its
/// own parent when none), or to the end when `before` is none or not there.
fn move_item(plan: &mut Plan, id: &str, parent: Option<&str>, before: Option<&str>) -> bool {
    let Some(spot) = find(plan, id) else {
        return false;
    };
    let to = match parent {
        Some(parent) => match find(plan, parent) {
            Some(to) => Some(to),
            None => return false,
        },
        None => None,
    };
    match (spot, to) {
        (Spot::Priority(pi), None) => {
            let Some(item) = take(&mut plan.priorities, pi) else {
                return false;
            };
            insert_before(&mut plan.priorities, item, before, |p| &p.id);
        }
        (Spot::Measure(mi), None) => {
            let Some(measures) = plan.measures.as_mut() else {
                return false;
            };
            let Some(item) = take(measures, mi) else {
                return false;
            };
            insert_before(measures, item, before, |m| &m.id);
        }
        (Spot::Activity(pi, ai), to @ (None | Some(Spot::Priority(_)))) => {
            let target = match to {
                Some(Spot::Priority(to)) => to,
                _ => pi,
            };
            let Some(item) = plan
                .priorities
                .get_mut(pi)
                .and_then(|p| p.activities.as_mut())
                .and_then(|a| take(a, ai))
            else {
                return false;
            };
            let Some(to) = plan.priorities.get_mut(target) else {
                return false;
            };
            insert_before(
                to.activities.get_or_insert_with(Vec::new),
                item,
                before,
                |a| &a.id,
            );
        }
        (Spot::Action(pi, ai, ki), to @ (None | Some(Spot::Activity(..)))) => {
            let (tp, ta) = match to {
                Some(Spot::Activity(tp, ta)) => (tp, ta),
                _ => (pi, ai),
            };
            let Some(item) = plan
                .activity_mut(pi, ai)
                .and_then(|a| a.actions.as_mut())
                .and_then(|k| take(k, ki))
            else {
                return false;
            };
            let Some(target) = plan.activity_mut(tp, ta) else {
                return false;
            };
            insert_before(
                target.actions.get_or_insert_with(Vec::new),
                item,
                before,
                |k| &k.id,
            );
        }
        _ => return false,
    }
    true
}

/// The item at `at`, taken out of the list; none when there is none there.
fn take<T>(list: &mut Vec<T>, at: usize) -> Option<T> {
    (at < list.len()).then(|| list.remove(at))
}

fn insert_before<T>(list: &mut Vec<T>, item: T, before: Option<&str>, id: impl Fn(&T) -> &String) {
    let at = before
        .and_then(|b| list.iter().position(|x| id(x) == b))
        .unwrap_or(list.len());
    list.insert(at, item);
}

fn delete(plan: &mut Plan, id: &str) -> bool {
    match find(plan, id) {
        Some(Spot::Priority(pi)) => {
            if plan.priorities.len() == 1 {
                return false;
            }
            take(&mut plan.priorities, pi);
            for measure in plan.measures.iter_mut().flatten() {
                if let Some(links) = measure.priorities.as_mut() {
                    links.retain(|l| l.id != id);
                    if links.is_empty() {
                        measure.priorities = None;
                    }
                }
            }
        }
        Some(Spot::Activity(pi, ai)) => {
            if let Some(activities) = plan
                .priorities
                .get_mut(pi)
                .and_then(|p| p.activities.as_mut())
            {
                take(activities, ai);
            }
        }
        Some(Spot::Action(pi, ai, ki)) => {
            if let Some(actions) = plan.activity_mut(pi, ai).and_then(|a| a.actions.as_mut()) {
                take(actions, ki);
            }
        }
        Some(Spot::Measure(mi)) => {
            if let Some(measures) = plan.measures.as_mut() {
                take(measures, mi);
            }
            let unlink = |ids: &mut Option<Vec<String>>| {
                if let Some(list) = ids.as_mut() {
                    list.retain(|m| m != id);
                    if list.is_empty() {
                        *ids = None;
                    }
                }
            };
            for priority in &mut plan.priorities {
                for activity in priority.activities.iter_mut().flatten() {
                    unlink(&mut activity.measure_ids);
                    for action in activity.actions.iter_mut().flatten() {
                        unlink(&mut action.measure_ids);
                    }
                }
            }
        }
        Some(Spot::Plan) | None => return false,
    }
    true
}
