//! The folded text that the words filter searches, for every action, activity
//! and priority of a plan.
//!
//! Kept apart from the [`Index`](super::Index) because it is most of the
//! work of indexing a plan and only words need it: a plan opens and paints
//! without it, and it is built straight after, before anyone can type.

use super::fold::fold_into;
use crate::plan::{present, Activity, Plan, Progress};

/// Folded text by position: rows in index order, activities and priorities
/// by their place in the plan. An action's own text does not repeat its
/// activity's or priority's; a search checks all three.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SearchText {
    /// Each action's title, deadline label, notes and evidence.
    pub rows: Vec<String>,
    pub activities: Vec<Vec<String>>,
    pub priorities: Vec<String>,
}

impl SearchText {
    pub fn build(plan: &Plan) -> SearchText {
        let mut text = SearchText::default();
        for priority in &plan.priorities {
            text.priorities.push(priority_haystack(priority));
            let mut activities = Vec::with_capacity(priority.activities().len());
            for activity in priority.activities() {
                activities.push(activity_haystack(activity));
                for action in activity.actions() {
                    let mut row = String::new();
                    fold_into(&mut row, &action.title);
                    if let Some(label) = action.due.as_ref().and_then(|d| present(&d.label)) {
                        fold_into(&mut row, label);
                    }
                    add_progress_text(&mut row, action.progress.as_ref());
                    text.rows.push(row);
                }
            }
            text.activities.push(activities);
        }
        text
    }
}

fn priority_haystack(priority: &crate::plan::Priority) -> String {
    let mut text = String::new();
    fold_into(&mut text, &priority.title);
    for line in priority.outcomes.iter().chain(priority.success.iter()).flatten() {
        fold_into(&mut text, line);
    }
    if let Some(summary) = present(&priority.summary) {
        fold_into(&mut text, summary);
    }
    text
}

fn activity_haystack(activity: &Activity) -> String {
    let mut text = String::new();
    fold_into(&mut text, &activity.title);
    for field in [&activity.strategic_plan, &activity.governance_group] {
        if let Some(value) = present(field) {
            fold_into(&mut text, value);
        }
    }
    if let Some(lead) = &activity.lead {
        fold_into(&mut text, &lead.organisation);
        for field in [&lead.team, &lead.officer] {
            if let Some(value) = present(field) {
                fold_into(&mut text, value);
            }
        }
    }
    for partner in activity.partners() {
        fold_into(&mut text, partner);
    }
    add_progress_text(&mut text, activity.progress.as_ref());
    text
}

fn add_progress_text(text: &mut String, progress: Option<&Progress>) {
    for note in progress.map(Progress::notes).unwrap_or_default() {
        fold_into(text, &note.text);
        for evidence in note.evidence.iter().flatten() {
            for field in [&evidence.title, &evidence.source] {
                if let Some(value) = present(field) {
                    fold_into(text, value);
                }
            }
        }
    }
}
