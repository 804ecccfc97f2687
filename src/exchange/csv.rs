//! The filtered view as CSV for Excel: UTF-8 with a byte order mark (so Excel
//! reads accents right), CRLF line ends, every field quoted when it needs to
//! be, and cells that Excel would run as formulas made inert.

use crate::plan::due::resolve;
use crate::plan::{present, Plan, Progress};

pub const HEADER: [&str; 11] = [
    "Priority",
    "Activity",
    "Action",
    "Lead organisation",
    "Partners",
    "Due (as written)",
    "Due date",
    "Status",
    "Percent complete",
    "Latest note",
    "Latest note date",
];

/// One CSV field.
pub fn field(text: &str) -> String {
    // A leading = + - @ (or tab/CR) makes Excel evaluate the cell; a quote
    // mark in front keeps hostile text as text.
    let text = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

/// Adds one row: each cell made safe with [`field`], commas between, and the
/// CRLF line end Excel expects.
pub fn push_row(out: &mut String, cells: &[impl AsRef<str>]) {
    for (i, cell) in cells.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&field(cell.as_ref()));
    }
    out.push_str("\r\n");
}

/// The CSV text for the given actions, as (priority, activity, action)
/// positions with each action's current progress.
pub fn actions_csv(
    plan: &Plan,
    rows: impl IntoIterator<Item = ((usize, usize, usize), Option<Progress>)>,
) -> String {
    let mut out = String::from("\u{feff}");
    push_row(&mut out, &HEADER);
    for ((pi, ai, ki), progress) in rows {
        let Some(priority) = plan.priorities.get(pi) else {
            continue;
        };
        let Some(activity) = priority.activities().get(ai) else {
            continue;
        };
        let Some(action) = activity.actions().get(ki) else {
            continue;
        };
        let numbered = |number: &Option<String>, title: &str| match present(number) {
            Some(n) => format!("{n}. {title}"),
            None => title.to_owned(),
        };
        let lead = action
            .lead
            .as_ref()
            .or(activity.lead.as_ref())
            .map(|l| l.organisation.clone())
            .unwrap_or_default();
        let (deadline, _) = resolve(action.due.as_ref());
        let latest = progress.as_ref().and_then(|p| p.notes().last().cloned());
        let cells = [
            numbered(&priority.number, &priority.title),
            numbered(&activity.number, &activity.title),
            numbered(&action.number, &action.title),
            lead,
            activity.partners().join(", "),
            action
                .due
                .as_ref()
                .and_then(|d| present(&d.label))
                .unwrap_or_default()
                .to_owned(),
            deadline.date.map(|d| d.to_string()).unwrap_or_default(),
            progress
                .as_ref()
                .and_then(|p| p.status)
                .map(|s| s.label().to_owned())
                .unwrap_or_default(),
            progress
                .as_ref()
                .and_then(|p| p.percent)
                .map(|p| p.to_string())
                .unwrap_or_default(),
            latest.as_ref().map(|n| n.text.clone()).unwrap_or_default(),
            latest
                .as_ref()
                .map(|n| n.at.date().to_string())
                .unwrap_or_default(),
        ];
        push_row(&mut out, &cells);
    }
    out
}

/// `<plan id>-<YYYY-MM-DD>.csv`.
pub fn csv_file_name(plan_id: &str, day: chrono::NaiveDate) -> String {
    super::export_file_name(plan_id, day)
        .trim_end_matches(".json")
        .to_owned()
        + ".csv"
}
