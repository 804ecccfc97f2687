//! From a table and the use of each column to a plan in format version 1:
//! rows grouped into priorities and activities, deadlines and statuses read
//! with the plan's own rules, ids made from the rows' content so that the
//! same sheet imported twice gives the same ids, and every problem listed
//! with its row and column before anything is made.

use std::collections::{HashMap, HashSet};

use serde_json::{json, Map, Value};

use super::fields::{status_of_word, Field, Use};
use super::table::{is_blank, Table};
use crate::plan::dates::{long_date, parse_iso_date};
use crate::plan::due::read_label;
use crate::plan::Status;

/// The most rows a sheet may have: far more than any plan, few enough to
/// read in a browser in seconds.
pub const MAX_ROWS: usize = 100_000;

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

/// A problem in the rows, with where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportProblem {
    /// The sheet's row, counting from 1, when the problem is in one.
    pub row: Option<usize>,
    /// The column's heading, when the problem is in one.
    pub column: Option<String>,
    pub text: String,
}

impl std::fmt::Display for ImportProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (&self.row, &self.column) {
            (Some(row), Some(column)) => write!(f, "Row {row}, {column}: {}", self.text),
            (Some(row), None) => write!(f, "Row {row}: {}", self.text),
            (None, Some(column)) => write!(f, "{column}: {}", self.text),
            (None, None) => f.write_str(&self.text),
        }
    }
}

/// One row as it will be read, for the preview and the plan alike.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReadRow {
    /// The sheet's row, counting from 1.
    pub row: usize,
    pub priority: String,
    /// Whether the priority was left blank and taken from a row above.
    pub priority_from_above: bool,
    pub activity: String,
    pub activity_from_above: bool,
    pub lead: String,
    pub partners: String,
    pub governance: String,
    pub action: String,
    pub deadline: String,
    /// The deadline as understood ("31 March 2017"), or why not.
    pub deadline_read: DeadlineRead,
    pub status_word: String,
    pub status: Option<Status>,
    pub percent: Option<u8>,
    pub note: String,
    /// Cells of columns kept as they are, by heading.
    pub kept: Vec<(String, String)>,
}

/// What a deadline cell was read as.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum DeadlineRead {
    #[default]
    Blank,
    /// The last day it names, in words.
    Date(String),
    /// Words with no date ("Ongoing", "To be confirmed"): kept as written.
    Undated,
}

/// The headings (the first non-blank row) and the rows under them.
pub fn headings(table: &Table) -> (usize, Vec<String>) {
    let at = table.rows.iter().position(|r| !is_blank(r)).unwrap_or(0);
    (at, table.rows.get(at).cloned().unwrap_or_default())
}

fn column_of(uses: &[Use], field: Field) -> Option<usize> {
    uses.iter().position(|u| *u == Use::Field(field))
}

/// Reads the rows under the headings with the columns' uses; problems come
/// with their row and column. Blank rows are skipped.
pub fn read_rows(table: &Table, uses: &[Use]) -> (Vec<ReadRow>, Vec<ImportProblem>) {
    let (heading_row, headings) = headings(table);
    let heading = |field: Field| {
        column_of(uses, field)
            .and_then(|c| headings.get(c).cloned())
            .filter(|h| !h.is_empty())
            .unwrap_or_else(|| field.label().to_owned())
    };
    let mut problems = Vec::new();
    if column_of(uses, Field::Action).is_none() {
        problems.push(ImportProblem {
            row: None,
            column: None,
            text: "Choose the column that holds the key actions.".to_owned(),
        });
        return (Vec::new(), problems);
    }
    let data = table.rows.len().saturating_sub(heading_row + 1);
    if data > MAX_ROWS {
        problems.push(ImportProblem {
            row: None,
            column: None,
            text: format!("The sheet has {data} rows; at most {MAX_ROWS} can be imported. Split it into smaller sheets."),
        });
        return (Vec::new(), problems);
    }
    let has_priority = column_of(uses, Field::Priority).is_some();
    let has_activity = column_of(uses, Field::Activity).is_some();
    let mut rows = Vec::new();
    let mut priority = String::new();
    let mut activity = String::new();
    for (index, cells) in table.rows.iter().enumerate().skip(heading_row + 1) {
        if is_blank(cells) {
            continue;
        }
        let row = index + 1;
        let cell = |field: Field| {
            column_of(uses, field)
                .and_then(|c| cells.get(c))
                .map(|c| c.trim().to_owned())
                .unwrap_or_default()
        };
        let mut read = ReadRow {
            row,
            ..ReadRow::default()
        };
        let given = cell(Field::Priority);
        if !given.is_empty() {
            if given != priority {
                activity.clear();
            }
            priority = given;
        } else {
            read.priority_from_above = has_priority && !priority.is_empty();
        }
        let given = cell(Field::Activity);
        if !given.is_empty() {
            activity = given;
        } else {
            read.activity_from_above = has_activity && !activity.is_empty();
        }
        if has_priority && priority.is_empty() {
            problems.push(ImportProblem {
                row: Some(row),
                column: Some(heading(Field::Priority)),
                text: "there is no priority in this row or above it.".to_owned(),
            });
        }
        if has_activity && activity.is_empty() && !cell(Field::Action).is_empty() {
            problems.push(ImportProblem {
                row: Some(row),
                column: Some(heading(Field::Activity)),
                text: "there is no key activity in this row or above it under this priority."
                    .to_owned(),
            });
        }
        read.priority = priority.clone();
        read.activity = activity.clone();
        read.lead = cell(Field::Lead);
        read.partners = cell(Field::Partners);
        read.governance = cell(Field::Governance);
        read.action = cell(Field::Action);
        read.note = cell(Field::Note);
        read.deadline = cell(Field::Deadline);
        read.deadline_read = match read_deadline(&read.deadline) {
            Ok(read) => read,
            Err(()) => {
                problems.push(ImportProblem {
                    row: Some(row),
                    column: Some(heading(Field::Deadline)),
                    text: format!("'{}' is not a date.", read.deadline),
                });
                DeadlineRead::Undated
            }
        };
        read.status_word = cell(Field::Status);
        if !read.status_word.is_empty() {
            read.status = status_of_word(&read.status_word);
            if read.status.is_none() {
                problems.push(ImportProblem {
                    row: Some(row),
                    column: Some(heading(Field::Status)),
                    text: format!("'{}' is not a status. Use Red, Amber, Green or Blue, or Not started, On track, At risk, Off track, Complete or Cancelled.", read.status_word),
                });
            }
        }
        let percent = cell(Field::Percent);
        if !percent.is_empty() {
            read.percent = read_percent(&percent);
            if read.percent.is_none() {
                problems.push(ImportProblem {
                    row: Some(row),
                    column: Some(heading(Field::Percent)),
                    text: format!("'{percent}' is not a percentage from 0 to 100."),
                });
            }
        }
        read.kept = uses
            .iter()
            .enumerate()
            .filter(|(_, u)| **u == Use::Keep)
            .filter_map(|(c, _)| {
                let value = cells.get(c).filter(|v| !v.is_empty())?;
                let name = headings
                    .get(c)
                    .filter(|h| !h.is_empty())
                    .cloned()
                    .unwrap_or_else(|| format!("Column {}", c + 1));
                Some((name, value.clone()))
            })
            .collect();
        rows.push(read);
    }
    if rows.iter().all(|r| r.action.is_empty()) {
        problems.push(ImportProblem {
            row: None,
            column: Some(heading(Field::Action)),
            text: "no row has a key action.".to_owned(),
        });
    }
    (rows, problems)
}

/// A deadline cell: blank, a date the plan format understands, or words
/// with no date; `Err` when it looks like a date but is not one
/// ("31/13/2017").
fn read_deadline(cell: &str) -> Result<DeadlineRead, ()> {
    if cell.is_empty() {
        return Ok(DeadlineRead::Blank);
    }
    if let Some(date) = read_label(cell).and_then(|d| d.date.or(d.start)) {
        return Ok(DeadlineRead::Date(long_date(date)));
    }
    let looks_like_a_date = cell.chars().any(|c| c.is_ascii_digit())
        && cell
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '/' | '-' | '.' | ' '));
    if looks_like_a_date {
        Err(())
    } else {
        Ok(DeadlineRead::Undated)
    }
}

/// "60", "60%", "60.0 %" as 60; a fraction of one with a percent sign is
/// not guessed at.
fn read_percent(cell: &str) -> Option<u8> {
    let number: f64 = cell.trim().trim_end_matches('%').trim().parse().ok()?;
    (0.0..=100.0)
        .contains(&number)
        .then(|| number.round() as u8)
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
