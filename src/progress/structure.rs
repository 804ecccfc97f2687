//! Changing a plan's structure: adding, renaming, reordering, moving and
//! deleting priorities, activities, actions and measures, and setting their
//! details (leads, partners, governance groups, outcomes, success measures,
//! deadlines, the plan's own title, organisation and revision).
//!
//! Structure changes are [`Change`]s like progress ones: signed, timed, kept
//! in the same journal, taken back by undo, merged by id. They are applied
//! to the plan as read ([`shape`]) before progress is, so the plan people see
//! and the plan exported are one function of the file and the journal.
//!
//! Rules: ids of existing items never change, and a new item's id is given
//! by its edit, so replaying is the same everywhere. Adding an id the plan
//! already has does nothing (the edit is already in). A change whose item is
//! gone (deleted, or never in this revision) is not applied, and is returned
//! so that it is kept, never dropped. A plan always keeps one priority.
//! Deleting a measure or priority also drops the links to it, so the
//! exported file always reads back.

use serde::Serialize;

use super::edit::{in_time_order, Change, Edit};
use crate::plan::dates::{iso_date, long_date, parse_iso_date};
use crate::plan::due::read_label;
use crate::plan::{Action, Activity, Due, Extra, Lead, Measure, Plan, Priority};

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
        (Level::Activity, Some(Spot::Priority(pi))) => plan.priorities[pi]
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

/// Text as a field holds it: trimmed, and absent when empty (format rule).
fn present(text: Option<&str>) -> Option<String> {
    text.map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
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
        (Spot::Priority(pi), TextField::Title) => {
            plan.priorities[pi].title = text.unwrap_or_default()
        }
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
        (Spot::Measure(mi), TextField::Title) => match plan.measures.as_mut() {
            Some(measures) => measures[mi].title = text.unwrap_or_default(),
            None => return false,
        },
        _ => return false,
    }
    true
}

fn set_list(plan: &mut Plan, id: &str, field: ListField, items: &[String]) -> bool {
    let lines: Vec<String> = items.iter().filter_map(|i| present(Some(i))).collect();
    let lines = (!lines.is_empty()).then_some(lines);
    match (find(plan, id), field) {
        (Some(Spot::Priority(pi)), ListField::Outcomes) => plan.priorities[pi].outcomes = lines,
        (Some(Spot::Priority(pi)), ListField::Success) => plan.priorities[pi].success = lines,
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
            let item = plan.priorities.remove(pi);
            insert_before(&mut plan.priorities, item, before, |p| &p.id);
        }
        (Spot::Measure(mi), None) => {
            let Some(measures) = plan.measures.as_mut() else {
                return false;
            };
            let item = measures.remove(mi);
            insert_before(measures, item, before, |m| &m.id);
        }
        (Spot::Activity(pi, ai), to @ (None | Some(Spot::Priority(_)))) => {
            let target = match to {
                Some(Spot::Priority(to)) => to,
                _ => pi,
            };
            let Some(item) = plan.priorities[pi]
                .activities
                .as_mut()
                .map(|a| a.remove(ai))
            else {
                return false;
            };
            let siblings = plan.priorities[target]
                .activities
                .get_or_insert_with(Vec::new);
            insert_before(siblings, item, before, |a| &a.id);
        }
        (Spot::Action(pi, ai, ki), to @ (None | Some(Spot::Activity(..)))) => {
            let (tp, ta) = match to {
                Some(Spot::Activity(tp, ta)) => (tp, ta),
                _ => (pi, ai),
            };
            let Some(item) = plan
                .activity_mut(pi, ai)
                .and_then(|a| a.actions.as_mut())
                .map(|k| k.remove(ki))
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
            plan.priorities.remove(pi);
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
            if let Some(activities) = plan.priorities[pi].activities.as_mut() {
                activities.remove(ai);
            }
        }
        Some(Spot::Action(pi, ai, ki)) => {
            if let Some(actions) = plan.activity_mut(pi, ai).and_then(|a| a.actions.as_mut()) {
                actions.remove(ki);
            }
        }
        Some(Spot::Measure(mi)) => {
            if let Some(measures) = plan.measures.as_mut() {
                measures.remove(mi);
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

/// The changes that move an item one place up or down among its siblings,
/// when it can move that way: (up, down).
pub fn up_and_down(plan: &Plan, id: &str) -> (Option<Change>, Option<Change>) {
    let siblings: Vec<&str> = match find(plan, id) {
        Some(Spot::Priority(_)) => plan.priorities.iter().map(|p| p.id.as_str()).collect(),
        Some(Spot::Activity(pi, _)) => plan.priorities[pi]
            .activities()
            .iter()
            .map(|a| a.id.as_str())
            .collect(),
        Some(Spot::Action(pi, ai, _)) => plan
            .activity(pi, ai)
            .map(|a| a.actions().iter().map(|k| k.id.as_str()).collect())
            .unwrap_or_default(),
        Some(Spot::Measure(_)) => plan.measures().iter().map(|m| m.id.as_str()).collect(),
        Some(Spot::Plan) | None => return (None, None),
    };
    let Some(at) = siblings.iter().position(|s| *s == id) else {
        return (None, None);
    };
    let to = |before: Option<&str>| Change::MoveItem {
        item: id.to_owned(),
        parent: None,
        before: before.map(str::to_owned),
    };
    let up = (at > 0).then(|| to(siblings.get(at - 1).copied()));
    let down = (at + 1 < siblings.len()).then(|| to(siblings.get(at + 2).copied()));
    (up, down)
}

/// What deleting an item takes with it, for the question before it goes:
/// "the key activity 'Early help' and its 4 key actions".
pub fn what_goes(plan: &Plan, id: &str) -> Option<String> {
    let count = |n: usize, one: &str, many: &str| match n {
        1 => format!("1 {one}"),
        n => format!("{n} {many}"),
    };
    let (noun, title, inside) = match find(plan, id)? {
        Spot::Priority(pi) => {
            let priority = &plan.priorities[pi];
            let activities = priority.activities();
            let actions: usize = activities.iter().map(|a| a.actions().len()).sum();
            let inside = match (activities.len(), actions) {
                (0, _) => None,
                (a, 0) => Some(count(a, "key activity", "key activities")),
                (a, k) => Some(format!(
                    "{} with {}",
                    count(a, "key activity", "key activities"),
                    count(k, "key action", "key actions")
                )),
            };
            ("priority", &priority.title, inside)
        }
        Spot::Activity(pi, ai) => {
            let activity = plan.activity(pi, ai)?;
            let actions = activity.actions().len();
            let inside = (actions > 0).then(|| count(actions, "key action", "key actions"));
            ("key activity", &activity.title, inside)
        }
        Spot::Action(pi, ai, ki) => ("key action", &plan.action(pi, ai, ki)?.title, None),
        Spot::Measure(mi) => ("measure", &plan.measures()[mi].title, None),
        Spot::Plan => return None,
    };
    Some(match inside {
        Some(inside) => format!("the {noun} '{title}' and its {inside}"),
        None => format!("the {noun} '{title}'"),
    })
}

/// Why an item cannot be deleted, if it cannot.
pub fn cannot_delete(plan: &Plan, id: &str) -> Option<&'static str> {
    match find(plan, id) {
        Some(Spot::Priority(_)) if plan.priorities.len() == 1 => {
            Some("A plan needs at least one priority: add another before deleting this one.")
        }
        Some(Spot::Plan) | None => Some("It is no longer in the plan."),
        _ => None,
    }
}

/// The date understood from a deadline as written, shown beside it:
/// "31 March 2017", "1 October 2016 to 31 March 2017", or why there is none.
pub fn date_understood(label: &str) -> String {
    let label = label.trim();
    if label.is_empty() {
        return "No deadline".to_owned();
    }
    if let Some(date) = parse_iso_date(label) {
        return long_date(date);
    }
    match read_label(label) {
        Some(deadline) => match (deadline.start, deadline.date) {
            (Some(start), Some(date)) => format!("{} to {}", long_date(start), long_date(date)),
            (None, Some(date)) => long_date(date),
            (Some(start), None) => format!("Begins {}", long_date(start)),
            (None, None) => "No date understood".to_owned(),
        },
        None => "No date understood: the action will show as having no date".to_owned(),
    }
}

/// What a form for one item says now, to be compared with the item.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ItemDraft {
    pub title: String,
    pub lead: String,
    pub governance_group: String,
    pub deadline: String,
    /// One per line.
    pub partners: String,
    pub outcomes: String,
    pub success: String,
    /// An action's activity, by id: choosing another moves the action there.
    pub activity: String,
}

impl ItemDraft {
    /// The form for an item as the plan has it now.
    pub fn of(plan: &Plan, id: &str) -> Option<ItemDraft> {
        let lines = |list: Option<&[String]>| list.unwrap_or_default().join("\n");
        let lead = |lead: Option<&Lead>| lead.map(|l| l.organisation.clone()).unwrap_or_default();
        Some(match find(plan, id)? {
            Spot::Plan => return None,
            Spot::Priority(pi) => {
                let p = &plan.priorities[pi];
                ItemDraft {
                    title: p.title.clone(),
                    outcomes: lines(p.outcomes.as_deref()),
                    success: lines(p.success.as_deref()),
                    ..ItemDraft::default()
                }
            }
            Spot::Activity(pi, ai) => {
                let a = plan.activity(pi, ai)?;
                ItemDraft {
                    title: a.title.clone(),
                    lead: lead(a.lead.as_ref()),
                    governance_group: a.governance_group.clone().unwrap_or_default(),
                    partners: lines(a.partners.as_deref()),
                    ..ItemDraft::default()
                }
            }
            Spot::Action(pi, ai, ki) => {
                let k = plan.action(pi, ai, ki)?;
                ItemDraft {
                    title: k.title.clone(),
                    lead: lead(k.lead.as_ref()),
                    deadline: k.due.as_ref().map(deadline_as_written).unwrap_or_default(),
                    activity: plan.activity(pi, ai)?.id.clone(),
                    ..ItemDraft::default()
                }
            }
            Spot::Measure(mi) => ItemDraft {
                title: plan.measures()[mi].title.clone(),
                ..ItemDraft::default()
            },
        })
    }

    /// The changes that make the item say what the form says: only the
    /// fields that differ. An empty title is a problem, not a change.
    pub fn changes(&self, plan: &Plan, id: &str) -> Result<Vec<Change>, &'static str> {
        if self.title.trim().is_empty() {
            return Err("Enter a title");
        }
        let Some(now) = ItemDraft::of(plan, id) else {
            return Err("It is no longer in the plan");
        };
        let spot = find(plan, id).and_then(Spot::level);
        let mut changes = Vec::new();
        let mut text = |field: TextField, ours: &str, theirs: &str| {
            if ours.trim() != theirs.trim() {
                changes.push(Change::SetText {
                    item: id.to_owned(),
                    field,
                    text: present(Some(ours)),
                });
            }
        };
        text(TextField::Title, &self.title, &now.title);
        match spot {
            Some(Level::Activity) => {
                text(TextField::Lead, &self.lead, &now.lead);
                text(
                    TextField::GovernanceGroup,
                    &self.governance_group,
                    &now.governance_group,
                );
            }
            Some(Level::Action) => {
                text(TextField::Lead, &self.lead, &now.lead);
                text(TextField::Deadline, &self.deadline, &now.deadline);
            }
            _ => {}
        }
        let mut list = |field: ListField, ours: &str, theirs: &str| {
            if split_lines(ours) != split_lines(theirs) {
                changes.push(Change::SetList {
                    item: id.to_owned(),
                    field,
                    items: split_lines(ours),
                });
            }
        };
        match spot {
            Some(Level::Priority) => {
                list(ListField::Outcomes, &self.outcomes, &now.outcomes);
                list(ListField::Success, &self.success, &now.success);
            }
            Some(Level::Activity) => list(ListField::Partners, &self.partners, &now.partners),
            _ => {}
        }
        if spot == Some(Level::Action) && !self.activity.is_empty() && self.activity != now.activity
        {
            changes.push(Change::MoveItem {
                item: id.to_owned(),
                parent: Some(self.activity.clone()),
                before: None,
            });
        }
        Ok(changes)
    }
}

/// A deadline as a person would type it again: its label, else its date.
fn deadline_as_written(due: &Due) -> String {
    due.label
        .clone()
        .or_else(|| due.date.map(iso_date))
        .unwrap_or_default()
}

/// Lines of a list field: trimmed, blank lines dropped.
pub fn split_lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Where every item is and what is in it, for drawing the plan's outline
/// without walking the plan for each row.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Outline {
    pub priorities: Vec<String>,
    pub measures: Vec<String>,
    /// Every activity, by priority, for "move to another activity":
    /// (activity id, "Priority title › Activity title").
    pub activities: Vec<(String, String)>,
    children: foldhash::HashMap<String, Vec<String>>,
    spots: foldhash::HashMap<String, Spot>,
    pub actions: usize,
}

impl Outline {
    pub fn of(plan: &Plan) -> Outline {
        let mut outline = Outline::default();
        for (pi, priority) in plan.priorities.iter().enumerate() {
            outline.priorities.push(priority.id.clone());
            outline
                .spots
                .insert(priority.id.clone(), Spot::Priority(pi));
            let mut activities = Vec::new();
            for (ai, activity) in priority.activities().iter().enumerate() {
                activities.push(activity.id.clone());
                outline
                    .spots
                    .insert(activity.id.clone(), Spot::Activity(pi, ai));
                outline.activities.push((
                    activity.id.clone(),
                    format!("{} › {}", priority.title, activity.title),
                ));
                let mut actions = Vec::new();
                for (ki, action) in activity.actions().iter().enumerate() {
                    actions.push(action.id.clone());
                    outline
                        .spots
                        .insert(action.id.clone(), Spot::Action(pi, ai, ki));
                }
                outline.actions += actions.len();
                outline.children.insert(activity.id.clone(), actions);
            }
            outline.children.insert(priority.id.clone(), activities);
        }
        for (mi, measure) in plan.measures().iter().enumerate() {
            outline.measures.push(measure.id.clone());
            outline.spots.insert(measure.id.clone(), Spot::Measure(mi));
        }
        outline
    }

    /// The activities of a priority, or the actions of an activity.
    pub fn children(&self, id: &str) -> &[String] {
        self.children.get(id).map_or(&[], Vec::as_slice)
    }

    pub fn spot(&self, id: &str) -> Option<Spot> {
        self.spots.get(id).copied()
    }
}

/// An item's title and the facts shown beside it in the outline.
pub fn summary(plan: &Plan, spot: Spot) -> (String, Vec<(&'static str, String)>) {
    let lead = |lead: Option<&Lead>| lead.map(|l| l.organisation.clone());
    match spot {
        Spot::Plan => (plan.title.clone(), Vec::new()),
        Spot::Priority(pi) => match plan.priorities.get(pi) {
            Some(p) => (p.title.clone(), Vec::new()),
            None => Default::default(),
        },
        Spot::Activity(pi, ai) => match plan.activity(pi, ai) {
            Some(a) => {
                let facts = [
                    ("Lead", lead(a.lead.as_ref())),
                    (
                        "Partners",
                        (!a.partners().is_empty()).then(|| a.partners().join(", ")),
                    ),
                    ("Governance group", a.governance_group.clone()),
                ];
                (
                    a.title.clone(),
                    facts
                        .into_iter()
                        .filter_map(|(k, v)| Some((k, v?)))
                        .collect(),
                )
            }
            None => Default::default(),
        },
        Spot::Action(pi, ai, ki) => match plan.action(pi, ai, ki) {
            Some(k) => {
                let deadline = k.due.as_ref().map(|due| {
                    let written = deadline_as_written(due);
                    let understood = date_understood(&written);
                    if due.label.is_none() {
                        understood
                    } else if understood.starts_with("No date") {
                        format!("{written} (no date understood)")
                    } else {
                        format!("{written} (understood as {understood})")
                    }
                });
                let facts = [("Deadline", deadline), ("Lead", lead(k.lead.as_ref()))];
                (
                    k.title.clone(),
                    facts
                        .into_iter()
                        .filter_map(|(k, v)| Some((k, v?)))
                        .collect(),
                )
            }
            None => Default::default(),
        },
        Spot::Measure(mi) => match plan.measures().get(mi) {
            Some(m) => (m.title.clone(), Vec::new()),
            None => Default::default(),
        },
    }
}
