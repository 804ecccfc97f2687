//! "What changed since…": an earlier file of the same plan against the plan
//! as it stands, per priority, the way a board reads it.

use std::collections::{HashMap, HashSet};

use crate::plan::{present, Moment, Note, Plan, Progress, Status};

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Comparison {
    pub priorities: Vec<PriorityChanges>,
    /// Values added to measures: (measure title, value in words).
    pub new_values: Vec<(String, String)>,
    pub measures_added: Vec<String>,
    pub measures_removed: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct PriorityChanges {
    pub title: String,
    /// (item title, status before, status now).
    pub status_changes: Vec<(String, Option<Status>, Option<Status>)>,
    /// (item title, the note).
    pub new_notes: Vec<(String, Note)>,
    pub added: Vec<String>,
    pub removed: Vec<String>,
}

impl PriorityChanges {
    pub fn is_empty(&self) -> bool {
        self.status_changes.is_empty()
            && self.new_notes.is_empty()
            && self.added.is_empty()
            && self.removed.is_empty()
    }
}

impl Comparison {
    pub fn is_empty(&self) -> bool {
        self.priorities.iter().all(PriorityChanges::is_empty)
            && self.new_values.is_empty()
            && self.measures_added.is_empty()
            && self.measures_removed.is_empty()
    }
}

struct Item<'p> {
    priority: String,
    title: String,
    progress: Option<&'p Progress>,
}

fn items(plan: &Plan) -> (Vec<String>, HashMap<&str, Item<'_>>) {
    let mut order = Vec::new();
    let mut map = HashMap::new();
    for p in &plan.priorities {
        order.push(p.id.clone());
        for a in p.activities() {
            map.insert(
                a.id.as_str(),
                Item {
                    priority: p.id.clone(),
                    title: a.title.clone(),
                    progress: a.progress.as_ref(),
                },
            );
            for k in a.actions() {
                map.insert(
                    k.id.as_str(),
                    Item {
                        priority: p.id.clone(),
                        title: k.title.clone(),
                        progress: k.progress.as_ref(),
                    },
                );
            }
        }
    }
    (order, map)
}

/// What changed from `earlier` to `now`.
pub fn compare(earlier: &Plan, now: &Plan) -> Comparison {
    let (_, before) = items(earlier);
    let (order, after) = items(now);
    let mut by_priority: HashMap<String, PriorityChanges> = HashMap::new();
    let title_of = |plan: &Plan, id: &str| {
        plan.priorities
            .iter()
            .find(|p| p.id == id)
            .map(|p| match present(&p.number) {
                Some(n) => format!("Priority {n}: {}", p.title),
                None => p.title.clone(),
            })
            .unwrap_or_else(|| id.to_owned())
    };
    // Walk in plan order so the report reads like the plan.
    let mut ids: Vec<&str> = Vec::new();
    for p in &now.priorities {
        for a in p.activities() {
            ids.push(&a.id);
            ids.extend(a.actions().iter().map(|k| k.id.as_str()));
        }
    }
    for id in ids {
        let Some(item) = after.get(id) else { continue };
        let changes = by_priority
            .entry(item.priority.clone())
            .or_insert_with(|| PriorityChanges {
                title: title_of(now, &item.priority),
                ..Default::default()
            });
        match before.get(id) {
            None => changes.added.push(item.title.clone()),
            Some(old) => {
                let (was, is) = (
                    old.progress.and_then(|p| p.status),
                    item.progress.and_then(|p| p.status),
                );
                if was != is {
                    changes.status_changes.push((item.title.clone(), was, is));
                }
                let seen: HashSet<&str> = old
                    .progress
                    .map(|p| p.notes().iter().map(|n| n.id.as_str()).collect())
                    .unwrap_or_default();
                for note in item.progress.map(Progress::notes).unwrap_or_default() {
                    if !seen.contains(note.id.as_str()) {
                        changes.new_notes.push((item.title.clone(), note.clone()));
                    }
                }
            }
        }
    }
    for (id, old) in &before {
        if !after.contains_key(id) {
            by_priority
                .entry(old.priority.clone())
                .or_insert_with(|| PriorityChanges {
                    title: title_of(earlier, &old.priority),
                    ..Default::default()
                })
                .removed
                .push(old.title.clone());
        }
    }
    let mut priorities: Vec<PriorityChanges> = Vec::new();
    for id in order.iter().chain(
        earlier
            .priorities
            .iter()
            .map(|p| &p.id)
            .filter(|id| !order.contains(id)),
    ) {
        if let Some(mut changes) = by_priority.remove(id.as_str()) {
            changes.removed.sort_unstable();
            if !changes.is_empty() {
                priorities.push(changes);
            }
        }
    }
    let mut comparison = Comparison {
        priorities,
        ..Comparison::default()
    };
    let old_measures: HashMap<&str, &crate::plan::Measure> = earlier
        .measures()
        .iter()
        .map(|m| (m.id.as_str(), m))
        .collect();
    let new_ids: HashSet<&str> = now.measures().iter().map(|m| m.id.as_str()).collect();
    for m in now.measures() {
        match old_measures.get(m.id.as_str()) {
            None => comparison.measures_added.push(m.title.clone()),
            Some(old) => {
                for v in m.values() {
                    if !old.values().contains(v) {
                        let words = present(&v.text)
                            .map(str::to_owned)
                            .or(v.value.as_ref().map(|f| f.text().to_owned()))
                            .unwrap_or_default();
                        let period = present(&v.period)
                            .map(|p| format!(", {p}"))
                            .unwrap_or_default();
                        comparison
                            .new_values
                            .push((m.title.clone(), format!("{words}{period}")));
                    }
                }
            }
        }
    }
    comparison.measures_removed = earlier
        .measures()
        .iter()
        .filter(|m| !new_ids.contains(m.id.as_str()))
        .map(|m| m.title.clone())
        .collect();
    comparison
}

/// When the earlier file was exported, for the report's heading.
pub fn exported_at(plan: &Plan) -> Option<Moment> {
    plan.exported.as_ref().map(|e| e.at.clone())
}
