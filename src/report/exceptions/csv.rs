//! The exception report as CSV for Excel.

use super::{ExceptionReport, ItemKind};
use crate::exchange::push_csv_row;
use crate::plan::Status;

const HEADER: [&str; 10] = [
    "Priority",
    "Kind",
    "Title",
    "Activity",
    "Lead organisation",
    "Deadline",
    "Status",
    "Why",
    "Latest note",
    "Note date",
];

/// The report as CSV for Excel: one row per item, then one per measure.
pub fn exceptions_csv(report: &ExceptionReport) -> String {
    let mut out = String::from("\u{feff}");
    push_csv_row(&mut out, &HEADER);
    for group in &report.groups {
        for item in &group.items {
            let kind = match item.kind {
                ItemKind::Action => "Action",
                ItemKind::Activity => "Activity",
            };
            let why: Vec<&str> = item.reasons.iter().map(|r| r.label()).collect();
            let cells = [
                group.title.as_str(),
                kind,
                item.title.as_str(),
                item.activity.as_deref().unwrap_or_default(),
                item.lead.as_deref().unwrap_or_default(),
                item.deadline.as_str(),
                item.status.map_or("No status yet", Status::label),
                &why.join("; "),
                item.latest_note
                    .as_ref()
                    .map_or("", |(_, text)| text.as_str()),
                &item
                    .latest_note
                    .as_ref()
                    .map(|(at, _)| at.date().to_string())
                    .unwrap_or_default(),
            ];
            push_csv_row(&mut out, &cells);
        }
    }
    for measure in &report.measures {
        let cells = [
            "Measures",
            "Measure",
            measure.title.as_str(),
            "",
            "",
            "",
            "",
            &measure.why.join("; "),
            "",
            "",
        ];
        push_csv_row(&mut out, &cells);
    }
    out
}
