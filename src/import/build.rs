//! From the rows read (`rows`) to a plan in format version 1: rows grouped
//! into priorities and activities, numbers taken off titles, names split,
//! and ids made from the rows' content so that the same sheet imported twice
//! gives the same ids. Nothing is made while any row has a problem.

use std::collections::{HashMap, HashSet};

use serde_json::{json, Map, Value};

use super::fields::Use;
use super::rows::{read_rows, ImportProblem};
use super::table::Table;
use crate::plan::dates::parse_iso_date;

/// What the person says about the plan being made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewPlan {
    pub title: String,
    pub organisation: String,
    /// Where the rows came from ("actions.csv", "a table pasted from Word").
    pub source: String,
    /// Who imports it, and when (RFC 3339): the notes' signature.
    pub by: String,
    pub at: String,
}

/// A number at the start of a title ("1. Children are safe", "3.2) MASH")
/// taken off as the label people use.
/// Titles are one line: a cell's line breaks (Word paragraphs) become spaces.
fn split_number(text: &str) -> (Option<String>, String) {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let text = text.as_str();
    let Some((first, rest)) = text.split_once(' ') else {
        return (None, text.to_owned());
    };
    let marked = first.ends_with('.') || first.ends_with(')');
    let number = first.trim_end_matches(['.', ')']);
    let is_number = !number.is_empty()
        && number.len() <= 6
        && number.chars().next().is_some_and(|c| c.is_ascii_digit())
        && number
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.')
        && (marked || number.contains('.'));
    if is_number && !rest.trim().is_empty() {
        (Some(number.to_owned()), rest.trim().to_owned())
    } else {
        (None, text.to_owned())
    }
}

/// Names in a cell, split at commas, semicolons and line breaks.
fn names(cell: &str) -> Vec<String> {
    cell.split([',', ';', '\n'])
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(str::to_owned)
        .collect()
}

/// FNV-1a: a small, fixed hash, the same on every machine and in every
/// version, which is what ids made from content need.
fn fnv1a(parts: &[&str]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for byte in part.bytes().chain([0x1f]) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    hash
}

/// Ids made from content, unique within the plan.
#[derive(Default)]
struct Ids {
    taken: HashSet<String>,
}

impl Ids {
    fn make(&mut self, prefix: &str, parts: &[&str]) -> String {
        let base = format!("{prefix}-{:08x}", fnv1a(parts) >> 32);
        let mut id = base.clone();
        let mut n = 2;
        while !self.taken.insert(id.clone()) {
            id = format!("{base}-{n}");
            n += 1;
        }
        id
    }
}

/// The key two titles are the same by: case and spacing aside.
pub(crate) fn key(title: &str) -> String {
    title
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// A plan's id from its title: "Children and Young People's Plan 2019" is
/// "children-and-young-people-s-plan-2019".
pub fn plan_id(title: &str) -> String {
    let words: Vec<String> = title
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect();
    let mut id = String::new();
    for word in words {
        if id.len() + word.len() > 60 {
            break;
        }
        if !id.is_empty() {
            id.push('-');
        }
        id.push_str(&word);
    }
    if id.is_empty() {
        "imported-plan".to_owned()
    } else {
        id
    }
}

/// The plan made, as the text of a format version 1 file, and what is in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    pub json: String,
    pub priorities: usize,
    pub activities: usize,
    pub actions: usize,
}

struct ActivityBuild {
    value: Map<String, Value>,
    lead: Option<String>,
    partners: Vec<String>,
    actions: Vec<Value>,
    titles_seen: HashMap<String, usize>,
}

struct PriorityBuild {
    value: Map<String, Value>,
    activities: Vec<String>,
}

/// Makes the plan, or lists every problem; nothing is made while there is
/// one.
pub fn build_plan(
    table: &Table,
    uses: &[Use],
    plan: &NewPlan,
) -> Result<Imported, Vec<ImportProblem>> {
    let (rows, mut problems) = read_rows(table, uses);
    if plan.title.trim().is_empty() {
        problems.insert(
            0,
            ImportProblem {
                row: None,
                column: None,
                text: "Enter the plan's title.".to_owned(),
            },
        );
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let title = plan.title.trim();
    let mut ids = Ids::default();
    let mut priorities: Vec<(String, PriorityBuild)> = Vec::new();
    let mut activities: HashMap<String, ActivityBuild> = HashMap::new();
    let mut action_count = 0;
    for row in &rows {
        let priority_title = if row.priority.is_empty() {
            title
        } else {
            &row.priority
        };
        let activity_title = if row.activity.is_empty() {
            priority_title
        } else {
            &row.activity
        };
        let priority_key = key(priority_title);
        let activity_key = format!("{priority_key}\u{1f}{}", key(activity_title));
        if !priorities.iter().any(|(k, _)| *k == priority_key) {
            let (number, text) = split_number(priority_title);
            let mut value = Map::new();
            value.insert("id".into(), ids.make("p", &[&priority_key]).into());
            if let Some(number) = number {
                value.insert("number".into(), number.into());
            }
            value.insert("title".into(), text.into());
            priorities.push((
                priority_key.clone(),
                PriorityBuild {
                    value,
                    activities: Vec::new(),
                },
            ));
        }
        let activity = activities.entry(activity_key.clone()).or_insert_with(|| {
            let (number, text) = split_number(activity_title);
            let mut value = Map::new();
            value.insert("id".into(), ids.make("a", &[&activity_key]).into());
            if let Some(number) = number {
                value.insert("number".into(), number.into());
            }
            value.insert("title".into(), text.into());
            if let Some((_, p)) = priorities.iter_mut().find(|(k, _)| *k == priority_key) {
                p.activities.push(activity_key.clone());
            }
            ActivityBuild {
                value,
                lead: None,
                partners: Vec::new(),
                actions: Vec::new(),
                titles_seen: HashMap::new(),
            }
        });
        if !row.governance.is_empty() && !activity.value.contains_key("governance_group") {
            activity
                .value
                .insert("governance_group".into(), row.governance.clone().into());
        }
        let mut lead_names = names(&row.lead);
        let row_lead = (!lead_names.is_empty()).then(|| lead_names.remove(0));
        let mut partners = lead_names;
        partners.extend(names(&row.partners));
        for partner in partners {
            if !activity.partners.contains(&partner) {
                activity.partners.push(partner);
            }
        }
        if activity.lead.is_none() {
            activity.lead.clone_from(&row_lead);
        }
        if row.action.is_empty() {
            continue;
        }
        let (number, text) = split_number(&row.action);
        let seen = activity.titles_seen.entry(key(&text)).or_insert(0);
        *seen += 1;
        let occurrence = seen.to_string();
        let id = ids.make("k", &[&activity_key, &key(&text), &occurrence]);
        let mut action = Map::new();
        action.insert("id".into(), id.clone().into());
        if let Some(number) = number {
            action.insert("number".into(), number.into());
        }
        action.insert("title".into(), text.into());
        if parse_iso_date(&row.deadline).is_some() {
            // A date cell from a workbook: the date itself.
            action.insert("due".into(), json!({ "date": row.deadline }));
        } else if !row.deadline.is_empty() {
            action.insert("due".into(), json!({ "label": row.deadline }));
        }
        if let Some(lead) = row_lead.filter(|l| Some(l) != activity.lead.as_ref()) {
            action.insert("lead".into(), json!({ "organisation": lead }));
        }
        let mut progress = Map::new();
        if let Some(status) = row.status {
            progress.insert("status".into(), status.code().into());
        }
        if let Some(percent) = row.percent {
            progress.insert("percent".into(), percent.into());
        }
        if !progress.is_empty() {
            progress.insert("updated".into(), plan.at.clone().into());
            progress.insert("updated_by".into(), plan.by.clone().into());
        }
        if !row.note.is_empty() {
            let mut note = json!({ "id": ids.make("n", &[&id, "note"]), "at": plan.at, "by": plan.by, "text": row.note });
            if let Some(status) = row.status {
                note["status"] = status.code().into();
            }
            progress.insert("notes".into(), json!([note]));
        }
        if !progress.is_empty() {
            action.insert("progress".into(), progress.into());
        }
        if !row.kept.is_empty() {
            let kept: Map<String, Value> = row
                .kept
                .iter()
                .map(|(h, v)| (h.clone(), Value::from(v.clone())))
                .collect();
            action.insert("imported_columns".into(), kept.into());
        }
        activity.actions.push(action.into());
        action_count += 1;
    }
    let activity_count = activities.len();
    let priority_values: Vec<Value> = priorities
        .into_iter()
        .map(|(_, mut p)| {
            let list: Vec<Value> = p
                .activities
                .iter()
                .filter_map(|k| activities.remove(k))
                .map(|mut a| {
                    if let Some(lead) = a.lead {
                        a.value
                            .insert("lead".into(), json!({ "organisation": lead }));
                    }
                    if !a.partners.is_empty() {
                        a.value.insert("partners".into(), a.partners.into());
                    }
                    a.value.insert("actions".into(), a.actions.into());
                    a.value.into()
                })
                .collect();
            p.value.insert("activities".into(), list.into());
            p.value.into()
        })
        .collect();
    let priority_count = priority_values.len();
    let mut file = Map::new();
    file.insert("format".into(), "plan-tracker/plan".into());
    file.insert("format_version".into(), 1.into());
    file.insert("id".into(), plan_id(title).into());
    file.insert("title".into(), title.into());
    if !plan.organisation.trim().is_empty() {
        file.insert("organisation".into(), plan.organisation.trim().into());
    }
    file.insert(
        "description".into(),
        format!(
            "Imported from {} by {} on {}.",
            plan.source,
            plan.by,
            plan.at.get(..10).unwrap_or(&plan.at)
        )
        .into(),
    );
    file.insert("priorities".into(), priority_values.into());
    let json = serde_json::to_string_pretty(&Value::Object(file)).map_err(|e| {
        vec![ImportProblem {
            row: None,
            column: None,
            text: format!("The plan could not be written ({e})."),
        }]
    })?;
    Ok(Imported {
        json,
        priorities: priority_count,
        activities: activity_count,
        actions: action_count,
    })
}
