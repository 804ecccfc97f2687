//! "Start a new plan": a plan from its title, organisation, period and first
//! priority, to which activities and actions are then added in place (as
//! structure changes in the journal, like any later edit).

use serde_json::{json, Map, Value};

use super::build::plan_id;
use crate::plan::dates::{iso_date, parse_iso_date};
use crate::plan::{FORMAT, FORMAT_VERSION};

/// What the "Start a new plan" form says.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PlanStart {
    pub title: String,
    pub organisation: String,
    /// "YYYY-MM-DD", as a date field gives it, or empty.
    pub start: String,
    pub end: String,
    pub first_priority: String,
}

/// A problem with one field of the form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StartProblem {
    pub field: StartField,
    pub text: &'static str,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StartField {
    Title,
    Start,
    End,
    FirstPriority,
}

/// The new plan as the text of a format version 1 file, or every problem
/// with the form. `unique` makes the plan's id differ from any other plan
/// of the same title kept in this browser (its changes are stored by id).
pub fn start_plan(form: &PlanStart, unique: &str) -> Result<String, Vec<StartProblem>> {
    let mut problems = Vec::new();
    let mut problem = |field, text| problems.push(StartProblem { field, text });
    let title = form.title.trim();
    if title.is_empty() {
        problem(StartField::Title, "Enter the plan's title");
    }
    let date = |text: &str| {
        let text = text.trim();
        if text.is_empty() {
            Ok(None)
        } else {
            parse_iso_date(text).map(Some).ok_or(())
        }
    };
    let start = date(&form.start);
    let end = date(&form.end);
    if start.is_err() {
        problem(
            StartField::Start,
            "Enter the start as a real date, such as 1 4 2026",
        );
    }
    if end.is_err() {
        problem(
            StartField::End,
            "Enter the end as a real date, such as 31 3 2029",
        );
    }
    if let (Ok(Some(start)), Ok(Some(end))) = (start, end) {
        if end < start {
            problem(StartField::End, "The end must be after the start");
        }
    }
    let first = form.first_priority.trim();
    if first.is_empty() {
        problem(
            StartField::FirstPriority,
            "Enter the first priority: a plan needs at least one",
        );
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut plan = Map::new();
    plan.insert("format".into(), FORMAT.into());
    plan.insert("format_version".into(), FORMAT_VERSION.into());
    plan.insert("id".into(), format!("{}-{unique}", plan_id(title)).into());
    plan.insert("title".into(), title.into());
    let organisation = form.organisation.trim();
    if !organisation.is_empty() {
        plan.insert("organisation".into(), organisation.into());
    }
    let mut period = Map::new();
    for (key, day) in [("start", start), ("end", end)] {
        if let Ok(Some(day)) = day {
            period.insert(key.into(), iso_date(day).into());
        }
    }
    if !period.is_empty() {
        plan.insert("period".into(), Value::Object(period));
    }
    plan.insert(
        "priorities".into(),
        json!([{ "id": format!("p-{unique}"), "title": first }]),
    );
    Ok(serde_json::to_string_pretty(&Value::Object(plan)).unwrap_or_default())
}
