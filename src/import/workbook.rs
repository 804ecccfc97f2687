//! A sheet of an Excel workbook (.xlsx) as a table, read with calamine.
//! Cells give their values as Excel last calculated them: a formula is
//! never run, only its value read. Dates become ISO dates ("2017-03-31"),
//! which deadlines read like any other.

use std::io::Cursor;

use calamine::{open_workbook_from_rs, Data, Reader, Xlsx};

use super::table::{Table, TableError};

/// Why a workbook could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WorkbookError {
    /// Not a workbook, damaged, or protected with a password (which makes
    /// the file an encrypted container that is not a workbook at all).
    Unreadable(String),
    NoSheets,
    Empty(String),
}

impl std::fmt::Display for WorkbookError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WorkbookError::Unreadable(why) => write!(
                f,
                "It is not an Excel workbook that can be read: it may be damaged, or protected with a password ({why}). Open it in Excel, remove any password, and save it again."
            ),
            WorkbookError::NoSheets => write!(f, "The workbook has no sheets."),
            WorkbookError::Empty(sheet) => write!(f, "The sheet \"{sheet}\" is empty: there are no rows to import."),
        }
    }
}

fn open(bytes: &[u8]) -> Result<Xlsx<Cursor<&[u8]>>, WorkbookError> {
    open_workbook_from_rs(Cursor::new(bytes))
        .map_err(|e: calamine::XlsxError| WorkbookError::Unreadable(e.to_string()))
}

/// The names of a workbook's sheets, in order.
pub fn sheet_names(bytes: &[u8]) -> Result<Vec<String>, WorkbookError> {
    let names = open(bytes)?.sheet_names();
    if names.is_empty() {
        Err(WorkbookError::NoSheets)
    } else {
        Ok(names)
    }
}

/// The sheet at `index` (0 is the first) as a table whose row `i` is the
/// sheet's row `i + 1`.
pub fn sheet_table(bytes: &[u8], index: usize) -> Result<Table, WorkbookError> {
    let mut workbook = open(bytes)?;
    let name = workbook
        .sheet_names()
        .get(index)
        .cloned()
        .ok_or(WorkbookError::NoSheets)?;
    let range = workbook
        .worksheet_range(&name)
        .map_err(|e| WorkbookError::Unreadable(e.to_string()))?;
    let (first_row, first_column) = range.start().unwrap_or((0, 0));
    let mut rows: Vec<Vec<String>> = vec![Vec::new(); first_row as usize];
    for cells in range.rows() {
        let mut row = vec![String::new(); first_column as usize];
        row.extend(cells.iter().map(cell_text));
        rows.push(row);
    }
    Table::from_rows(rows).map_err(|e| match e {
        TableError::Empty => WorkbookError::Empty(name),
        other => WorkbookError::Unreadable(other.to_string()),
    })
}

/// A cell's value as text: whole numbers without ".0", dates as ISO dates.
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(text) | Data::DateTimeIso(text) | Data::DurationIso(text) => text.clone(),
        Data::Int(n) => n.to_string(),
        Data::Float(x) if x.fract() == 0.0 && x.abs() < 1e15 => format!("{x:.0}"),
        Data::Float(x) => x.to_string(),
        Data::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_owned(),
        Data::DateTime(moment) if moment.is_datetime() => {
            let (year, month, day, ..) = moment.to_ymd_hms_milli();
            format!("{year:04}-{month:02}-{day:02}")
        }
        Data::DateTime(moment) => moment.as_f64().to_string(),
        Data::Error(error) => format!("{error}"),
    }
}

/// The sheet that most likely holds the plan: the one whose headings
/// name the most fields, the key actions among them; else the first.
pub fn likely_plan_sheet(bytes: &[u8], sheets: usize) -> usize {
    use super::fields::{guess_uses, Field, Use};
    let fields_named = |index: usize| {
        let Ok(table) = sheet_table(bytes, index) else {
            return 0;
        };
        let (_, headings) = super::rows::headings(&table);
        let uses = guess_uses(&headings);
        if uses.contains(&Use::Field(Field::Action)) {
            uses.iter().filter(|u| matches!(u, Use::Field(_))).count()
        } else {
            0
        }
    };
    let mut best = (0, 0);
    for index in 0..sheets {
        let named = fields_named(index);
        if named > best.1 {
            best = (index, named);
        }
    }
    best.0
}
