//! The first rows as they will be read, what the status words mean, and
//! how many priorities, activities and actions will be made.

use std::collections::BTreeMap;

use leptos::prelude::*;

use super::page::Source;
use crate::import::{read_rows, rows_read_text, DeadlineRead, ReadRow, Use};

/// Rows shown in the preview.
const SHOWN: usize = 10;

/// What the preview says, worked out once per change of table or columns.
#[derive(Debug, Clone, PartialEq, Default)]
struct Reading {
    first: Vec<ReadRow>,
    rows: usize,
    priorities: usize,
    activities: usize,
    actions: usize,
    /// Each status word and what it is read as.
    statuses: BTreeMap<String, String>,
    kept: Vec<String>,
    problems: usize,
}

fn reading(source: &Source, uses: &[Use]) -> Reading {
    let (rows, problems) = read_rows(&source.table, uses);
    let mut priorities = std::collections::HashSet::new();
    let mut activities = std::collections::HashSet::new();
    let mut statuses = BTreeMap::new();
    let mut kept = Vec::new();
    for row in &rows {
        priorities.insert(row.priority.to_lowercase());
        activities.insert((row.priority.to_lowercase(), row.activity.to_lowercase()));
        if !row.status_word.is_empty() {
            let read = row.status.map_or("not a status", |s| s.label());
            statuses.insert(row.status_word.clone(), read.to_owned());
        }
        for (heading, _) in &row.kept {
            if !kept.contains(heading) {
                kept.push(heading.clone());
            }
        }
    }
    Reading {
        first: rows.iter().take(SHOWN).cloned().collect(),
        rows: rows.len(),
        priorities: priorities.len(),
        activities: activities.len(),
        actions: rows.iter().filter(|r| !r.action.is_empty()).count(),
        statuses,
        kept,
        problems: problems.len(),
    }
}

fn deadline_cell(row: &ReadRow) -> String {
    match &row.deadline_read {
        DeadlineRead::Blank => String::new(),
        DeadlineRead::Date(date) if *date != row.deadline => {
            format!("{} (due {date})", row.deadline)
        }
        DeadlineRead::Date(_) => row.deadline.clone(),
        DeadlineRead::Undated => format!("{} (no date)", row.deadline),
    }
}

#[component]
pub fn Preview(source: RwSignal<Option<Source>>, uses: RwSignal<Vec<Use>>) -> impl IntoView {
    let read = Memo::new(move |_| {
        source.with(|s| {
            s.as_ref()
                .map(|s| uses.with(|u| reading(s, u)))
                .unwrap_or_default()
        })
    });
    let from_above = |text: String, above: bool| {
        if above {
            view! { <span class="hint">{text}<span class="visually-hidden">" (from the row above)"</span>" ↑"</span> }.into_any()
        } else {
            text.into_any()
        }
    };
    view! {
        <h3 class="heading-m">"The first rows as they will be read"</h3>
        <p class="body" role="status">{move || read.with(|r| rows_read_text(r.priorities, r.activities, r.actions, r.rows, r.problems))}</p>
        // On a phone the table scrolls sideways in its frame, which the
        // keyboard can then reach and scroll.
        <div class="table-wrap" role="region" aria-label="The first rows as they will be read" tabindex="0">
            <table class="table import__rows">
                <caption class="visually-hidden">"The first rows as they will be read"</caption>
                <thead><tr>
                    <th scope="col">"Row"</th><th scope="col">"Priority"</th><th scope="col">"Key activity"</th>
                    <th scope="col">"Key action"</th><th scope="col">"Lead"</th><th scope="col">"Deadline"</th><th scope="col">"Status"</th>
                </tr></thead>
                <tbody>
                    {move || read.with(|r| r.first.clone()).into_iter().map(|row| {
                        let deadline = deadline_cell(&row);
                        let status = match (row.status, row.status_word.is_empty()) {
                            (Some(s), _) => format!("{} ({})", row.status_word, s.label()),
                            (None, false) => format!("{} (not a status)", row.status_word),
                            (None, true) => String::new(),
                        };
                        view! {
                            <tr>
                                <th scope="row">{row.row}</th>
                                <td>{from_above(row.priority, row.priority_from_above)}</td>
                                <td>{from_above(row.activity, row.activity_from_above)}</td>
                                <td>{row.action}</td>
                                <td>{row.lead}</td>
                                <td>{deadline}</td>
                                <td>{status}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        {move || read.with(|r| (!r.statuses.is_empty()).then(|| {
            let list = r.statuses.iter().map(|(word, read)| view! { <li>{format!("{word}: {read}")}</li> }).collect_view();
            view! { <h3 class="heading-s">"Statuses"</h3><ul class="list">{list}</ul> }
        }))}
        {move || read.with(|r| (!r.kept.is_empty()).then(|| view! {
            <p class="body">{format!("Kept with each action under their headings: {}.", r.kept.join(", "))}</p>
        }))}
    }
}
