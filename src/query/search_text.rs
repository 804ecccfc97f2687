//! The folded text that the words filter searches, for every action, activity
//! and priority of a plan.
//!
//! Kept apart from the [`Index`](super::Index) because it is most of the
//! work of indexing a plan and only words need it: a plan opens and paints
//! without it, and it is built straight after, before anyone can type.

use memchr::memmem::Finder;

use super::fold::fold_into;
use crate::plan::{present, Activity, Plan, Progress};

/// Between two rows' text. Query words never hold control characters (see
/// [`super::fold::query_terms`]), so no match runs from one row into the next.
const ROW_SEPARATOR: char = '\u{1e}';

/// Folded text by position: rows in index order, activities and priorities
/// by their place in the plan. An action's own text does not repeat its
/// activity's or priority's; a search checks all three.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SearchText {
    /// Every action's title, deadline label, notes and evidence, one row
    /// after another, so that a word is looked for in one pass over all of
    /// them rather than once per row.
    rows: String,
    /// Where each row's text starts in `rows`, in index order.
    row_starts: Vec<usize>,
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
                    text.rows.push(ROW_SEPARATOR);
                    text.row_starts.push(text.rows.len());
                    let mut row = String::new();
                    fold_into(&mut row, &action.title);
                    if let Some(label) = action.due.as_ref().and_then(|d| present(&d.label)) {
                        fold_into(&mut row, label);
                    }
                    add_progress_text(&mut row, action.progress.as_ref());
                    text.rows.push_str(&row);
                }
            }
            text.activities.push(activities);
        }
        text
    }

    /// Which of the words (bit by bit) each row's own text contains, by row.
    pub fn row_masks(&self, terms: &[Finder]) -> Vec<u64> {
        let mut masks = vec![0u64; self.row_starts.len()];
        let haystack = self.rows.as_bytes();
        for (bit, term) in terms.iter().enumerate().take(64) {
            let mut from = 0;
            while let Some(found) = haystack.get(from..).and_then(|rest| term.find(rest)) {
                let at = from + found;
                // The row the match is in; the rest of that row needs no search.
                let row = self
                    .row_starts
                    .partition_point(|&start| start <= at)
                    .saturating_sub(1);
                if let Some(mask) = masks.get_mut(row) {
                    *mask |= 1 << bit;
                }
                from = self
                    .row_starts
                    .get(row + 1)
                    .copied()
                    .unwrap_or(haystack.len());
            }
        }
        masks
    }

    /// The folded text of one row, as searched.
    pub fn row(&self, row: usize) -> &str {
        let start = self.row_starts.get(row).copied().unwrap_or(self.rows.len());
        let end = self
            .row_starts
            .get(row + 1)
            .map_or(self.rows.len(), |next| next - ROW_SEPARATOR.len_utf8());
        self.rows.get(start..end).unwrap_or_default()
    }
}

fn priority_haystack(priority: &crate::plan::Priority) -> String {
    let mut text = String::new();
    fold_into(&mut text, &priority.title);
    for line in priority
        .outcomes
        .iter()
        .chain(priority.success.iter())
        .flatten()
    {
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
