//! Results in plan order, grouped under their priority and activity, as the
//! plan view draws them.

use super::{Index, Results};

/// The shown results of one priority: its activities in plan order, each
/// with its shown action rows (none for an activity with no actions).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PriorityGroup {
    pub priority: usize,
    pub activities: Vec<(usize, Vec<usize>)>,
}

/// Groups the first `shown` result rows (which are in plan order) by
/// priority and activity. The activities with no actions that the filter
/// keeps go where they stand in the plan: those before the last row shown,
/// and the rest once every row is shown, so paging never skips one.
pub fn plan_groups(index: &Index, results: &Results, shown: usize) -> Vec<PriorityGroup> {
    let rows = results
        .rows
        .get(..shown.min(results.rows.len()))
        .unwrap_or_default();
    let every_row_shown = shown >= results.rows.len();
    let last_shown = rows
        .last()
        .and_then(|&r| index.rows.get(r))
        .map(|row| (row.priority, row.activity));
    let actionless = results
        .actionless
        .iter()
        .copied()
        .filter(|place| every_row_shown || last_shown.is_some_and(|last| *place < last));
    // Two lists in plan order, merged.
    let mut entries: Vec<((usize, usize), Option<usize>)> = rows
        .iter()
        .filter_map(|&r| {
            index
                .rows
                .get(r)
                .map(|row| ((row.priority, row.activity), Some(r)))
        })
        .collect();
    let mut merged = Vec::with_capacity(entries.len() + results.actionless.len());
    let mut rows = entries.drain(..).peekable();
    for place in actionless {
        while let Some(entry) = rows.next_if(|(at, _)| *at < place) {
            merged.push(entry);
        }
        merged.push((place, None));
    }
    merged.extend(rows);

    let mut groups: Vec<PriorityGroup> = Vec::new();
    for ((priority, activity), row) in merged {
        if groups.last().is_none_or(|g| g.priority != priority) {
            groups.push(PriorityGroup {
                priority,
                activities: Vec::new(),
            });
        }
        let Some(group) = groups.last_mut() else {
            continue;
        };
        match group.activities.last_mut() {
            Some((ai, rows)) if *ai == activity => rows.extend(row),
            _ => group.activities.push((activity, row.into_iter().collect())),
        }
    }
    groups
}

/// "Showing all 44 actions", "Showing 9 of 44 actions", "Showing 1 action"
/// (not "all 1"), and for a new plan, "This plan has no key actions yet".
pub fn results_text(shown: usize, total: usize) -> String {
    let noun = if total == 1 { "action" } else { "actions" };
    match (shown, total) {
        (_, 0) => "This plan has no key actions yet".to_owned(),
        (1, 1) => "Showing 1 action".to_owned(),
        _ if shown == total => format!("Showing all {total} {noun}"),
        _ => format!("Showing {shown} of {total} {noun}"),
    }
}
