//! From a table and the use of each column to rows read: the headings, each
//! row's cells by field, deadlines, statuses and percentages read with the
//! plan's own rules, and every problem listed with its row and column.

use super::fields::{status_of_word, Field, Use};
use super::table::{is_blank, Table};
use crate::plan::dates::long_date;
use crate::plan::due::read_label;
use crate::plan::Status;

/// The most rows a sheet may have: far more than any plan, few enough to
/// read in a browser in seconds.
pub const MAX_ROWS: usize = 100_000;

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

/// What the rows read will make, as the import's preview says it: "2
/// priorities, 1 key activity and 14 key actions from 15 rows." with, when
/// there are any, how many problems are to be put right first.
pub fn rows_read_text(
    priorities: usize,
    activities: usize,
    actions: usize,
    rows: usize,
    problems: usize,
) -> String {
    let mut text = format!(
        "{}, {} and {} from {}.",
        counted(priorities, "priority", "priorities"),
        counted(activities, "key activity", "key activities"),
        counted(actions, "key action", "key actions"),
        counted(rows, "row", "rows"),
    );
    if problems > 0 {
        text.push_str(&format!(
            " {} to put right before the plan can be made: choose \"Create plan\" to see {}.",
            counted(problems, "problem", "problems"),
            if problems == 1 { "it" } else { "them" },
        ));
    }
    text
}

/// "1 row", "2 rows".
pub(crate) fn counted(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
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
