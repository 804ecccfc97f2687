//! What the plan editor shows and asks, worked out from the plan: which
//! moves an item can make, what deleting it takes with it, the date a
//! deadline is understood as, a form's changes, and the outline of the plan.

use super::{find, present, Level, ListField, Spot, TextField};
use crate::plan::dates::{iso_date, long_date, parse_iso_date};
use crate::plan::due::read_label;
use crate::plan::{Due, Lead, Plan};
use crate::progress::Change;

/// The changes that move an item one place up or down among its siblings,
/// when it can move that way: (up, down).
pub fn up_and_down(plan: &Plan, id: &str) -> (Option<Change>, Option<Change>) {
    let siblings: Vec<&str> = match find(plan, id) {
        Some(Spot::Priority(_)) => plan.priorities.iter().map(|p| p.id.as_str()).collect(),
        Some(Spot::Activity(pi, _)) => plan
            .priorities
            .get(pi)
            .map(|p| p.activities().iter().map(|a| a.id.as_str()).collect())
            .unwrap_or_default(),
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
            let priority = plan.priorities.get(pi)?;
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
        Spot::Measure(mi) => ("measure", &plan.measures().get(mi)?.title, None),
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
                let p = plan.priorities.get(pi)?;
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
                title: plan.measures().get(mi)?.title.clone(),
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
