//! Merging returns: partners' updated files folded back into the plan, item
//! by item, as edit values, so the journal, undo and later exports treat them
//! like any other change.
//!
//! Notes combine by id: none duplicated, none lost. Status and percent take
//! the newer change. Where both sides changed the same field since the pack
//! was sent, it is a [`Conflict`] for a person to decide. Measure values are
//! added once.

use std::collections::HashMap;

use crate::plan::{Moment, Plan, Progress, Status};
use crate::progress::{Change, Edit, EvidenceDraft, Location, Locator, NoteDraft, ValueDraft};

use super::pack::pack_sent_at;

/// Why a file cannot be merged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MergeRefusal {
    OtherPlan { file: String, id: String, title: String },
}

impl std::fmt::Display for MergeRefusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            MergeRefusal::OtherPlan { file, id, title } => write!(
                f,
                "{file} is a different plan (\"{title}\", id {id}), so it cannot be merged into this one"
            ),
        }
    }
}

/// A field that both sides changed since the file was sent.
#[derive(Debug, Clone, PartialEq)]
pub struct Conflict {
    pub item: String,
    pub item_title: String,
    pub field: Field,
    pub ours: Side,
    pub theirs: Side,
    /// The returned file it came from.
    pub file: String,
    /// What taking their side changes.
    take: Change,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Status,
    Percent,
}

impl Field {
    pub fn label(self) -> &'static str {
        match self {
            Field::Status => "Status",
            Field::Percent => "Percent complete",
        }
    }
}

/// One side's value of a field, with who set it and when.
#[derive(Debug, Clone, PartialEq)]
pub struct Side {
    pub value: String,
    pub by: Option<String>,
    pub at: Option<Moment>,
}

/// What merging some returns would do; nothing is applied until confirmed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MergePlan {
    /// Changes taken without question, as edits.
    pub edits: Vec<Edit>,
    pub conflicts: Vec<Conflict>,
    /// Files refused, with the reason.
    pub refused: Vec<String>,
    /// Items in returns that this plan does not have.
    pub unknown_items: Vec<String>,
}

impl MergePlan {
    /// Lines for the summary: what changes, item by item.
    pub fn summary(&self) -> Vec<String> {
        self.edits.iter().map(|e| format!("{}: {} (from {})", e.change.target(), e.change.describe(), e.by)).collect()
    }
}

impl Conflict {
    /// The edit that takes their side, made now by the person deciding.
    pub fn take_theirs(&self, id: String, at: Moment, decided_by: &str) -> Edit {
        let by = match &self.theirs.by {
            Some(theirs) => format!("{theirs}, merged by {decided_by}"),
            None => format!("merged by {decided_by}"),
        };
        Edit { id, at, by, batch: None, change: self.take.clone() }
    }
}

/// Works out what merging `returns` (file name, plan) into `current` would do.
pub fn plan_merge(current: &Plan, returns: &[(String, Plan)]) -> MergePlan {
    let locator = Locator::new(current);
    let mut out = MergePlan::default();
    for (file, theirs) in returns {
        if theirs.id != current.id {
            out.refused.push(MergeRefusal::OtherPlan { file: file.clone(), id: theirs.id.clone(), title: theirs.title.clone() }.to_string());
            continue;
        }
        let sent = pack_sent_at(theirs);
        for priority in &theirs.priorities {
            for activity in priority.activities() {
                merge_item(current, &locator, &activity.id, &activity.title, activity.progress.as_ref(), sent.as_ref(), file, &mut out);
                for action in activity.actions() {
                    merge_item(current, &locator, &action.id, &action.title, action.progress.as_ref(), sent.as_ref(), file, &mut out);
                }
            }
        }
        for measure in theirs.measures() {
            let Some(Location::Measure(mi)) = locator.find(&measure.id) else {
                if !measure.values().is_empty() {
                    out.unknown_items.push(format!("{} ({file})", measure.title));
                }
                continue;
            };
            let ours = current.measures().get(mi).map(|m| m.values()).unwrap_or_default();
            for value in measure.values() {
                let known = ours.iter().any(|v| v.period == value.period && v.value == value.value && v.text == value.text && v.at == value.at);
                let Some(at) = value.at.clone() else { continue };
                if known {
                    continue;
                }
                let by = value.by.clone().unwrap_or_else(|| file.clone());
                let draft = ValueDraft { period: value.period.clone(), value: value.value, text: value.text.clone(), date: value.date };
                let id = format!("merge:{}:{}:{}", measure.id, at.as_str(), value.period.clone().unwrap_or_default());
                push_once(&mut out.edits, Edit { id, at, by, batch: None, change: Change::AddMeasureValue { measure: measure.id.clone(), value: draft } });
            }
        }
    }
    out
}

fn push_once(edits: &mut Vec<Edit>, edit: Edit) {
    if !edits.iter().any(|e| e.id == edit.id) {
        edits.push(edit);
    }
}

#[allow(clippy::too_many_arguments)]
fn merge_item(
    current: &Plan,
    locator: &Locator,
    id: &str,
    title: &str,
    theirs: Option<&Progress>,
    sent: Option<&Moment>,
    file: &str,
    out: &mut MergePlan,
) {
    let Some(theirs) = theirs else { return };
    let ours = match locator.find(id) {
        Some(Location::Activity(pi, ai)) => current.priorities.get(pi).and_then(|p| p.activities().get(ai)).and_then(|a| a.progress.as_ref()),
        Some(Location::Action(pi, ai, ki)) => current
            .priorities
            .get(pi)
            .and_then(|p| p.activities().get(ai))
            .and_then(|a| a.actions().get(ki))
            .and_then(|k| k.progress.as_ref()),
        _ => {
            out.unknown_items.push(format!("{title} ({file})"));
            return;
        }
    };
    let empty = Progress::default();
    let ours = ours.unwrap_or(&empty);

    // Notes combine by id.
    let known: HashMap<&str, ()> = ours.notes().iter().map(|n| (n.id.as_str(), ())).collect();
    for note in theirs.notes() {
        if known.contains_key(note.id.as_str()) {
            continue;
        }
        let draft = NoteDraft {
            id: note.id.clone(),
            text: note.text.clone(),
            status: note.status,
            evidence: note
                .evidence
                .iter()
                .flatten()
                .map(|e| EvidenceDraft { title: e.title.clone(), source: e.source.clone(), url: e.url.clone() })
                .collect(),
            corrects: note.corrects.clone(),
        };
        let by = note.by.clone().unwrap_or_else(|| file.to_owned());
        push_once(&mut out.edits, Edit { id: format!("merge:{}", note.id), at: note.at.clone(), by, batch: None, change: Change::AddNote { item: id.to_owned(), note: draft } });
    }

    // Status and percent: the newer change, or a conflict.
    let changed_since = |p: &Progress| match (sent, &p.updated) {
        (Some(sent), Some(updated)) => updated > sent,
        (None, Some(_)) => true,
        (_, None) => false,
    };
    let they_changed = changed_since(theirs);
    if !they_changed {
        return;
    }
    let we_changed = sent.is_some() && changed_since(ours);
    let fields: [(Field, String, String, Change); 2] = [
        (
            Field::Status,
            status_words(ours.status),
            status_words(theirs.status),
            Change::SetStatus { item: id.to_owned(), status: theirs.status },
        ),
        (
            Field::Percent,
            percent_words(ours.percent),
            percent_words(theirs.percent),
            Change::SetPercent { item: id.to_owned(), percent: theirs.percent },
        ),
    ];
    for (field, our_value, their_value, change) in fields {
        if our_value == their_value {
            continue;
        }
        let Some(at) = theirs.updated.clone() else { continue };
        if we_changed {
            out.conflicts.push(Conflict {
                item: id.to_owned(),
                item_title: title.to_owned(),
                field,
                ours: Side { value: our_value, by: ours.updated_by.clone(), at: ours.updated.clone() },
                theirs: Side { value: their_value, by: theirs.updated_by.clone(), at: Some(at) },
                file: file.to_owned(),
                take: change,
            });
        } else if ours.updated.as_ref().is_none_or(|u| at >= *u) {
            let by = theirs.updated_by.clone().unwrap_or_else(|| file.to_owned());
            let key = if field == Field::Status { "status" } else { "percent" };
            push_once(&mut out.edits, Edit { id: format!("merge:{id}:{key}:{}", at.as_str()), at, by, batch: None, change });
        }
    }
}

fn status_words(status: Option<Status>) -> String {
    status.map_or("No status".to_owned(), |s| s.label().to_owned())
}

fn percent_words(percent: Option<u8>) -> String {
    percent.map_or("None".to_owned(), |p| format!("{p}%"))
}
