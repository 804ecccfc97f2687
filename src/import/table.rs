//! A table of text cells, from CSV or tab-separated text (a file, or cells
//! pasted from Excel) or from the cells of an HTML table (pasted from Word).

/// Rows of cells as read, blank rows included so that row `i` is the
/// sheet's row `i + 1`; the first non-blank row is the headings. Rows may
/// differ in length.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Table {
    pub rows: Vec<Vec<String>>,
}

/// Why text could not be read as a table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TableError {
    /// Nothing but blank cells.
    Empty,
    /// CSV that cannot be read (`line` is 1-based).
    Unreadable { line: u64, why: String },
}

impl std::fmt::Display for TableError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TableError::Empty => write!(f, "The table is empty: there are no rows to import."),
            TableError::Unreadable { line, why } => {
                write!(f, "Line {line} could not be read as CSV ({why}).")
            }
        }
    }
}

/// The separator a text table uses: tabs when its first line has any
/// (Excel's clipboard and "Text (tab delimited)"), else whichever of comma
/// and semicolon (Excel in much of Europe) the first line has more of.
fn separator(text: &str) -> u8 {
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let count = |c: char| first.matches(c).count();
    if count('\t') > 0 {
        b'\t'
    } else if count(';') > count(',') {
        b';'
    } else {
        b','
    }
}

impl Table {
    /// A table of cells already read (a workbook's sheet); cells tidied.
    pub fn from_rows(rows: Vec<Vec<String>>) -> Result<Table, TableError> {
        let rows = rows
            .into_iter()
            .map(|row| row.iter().map(|c| clean(c)).collect())
            .collect();
        Table { rows }.non_empty()
    }

    /// Reads CSV or tab-separated text, quoted cells (with line breaks
    /// inside them) included.
    pub fn from_delimited(text: &str) -> Result<Table, TableError> {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(separator(text))
            .from_reader(text.as_bytes());
        let mut rows = Vec::new();
        for record in reader.records() {
            let record = record.map_err(|e| TableError::Unreadable {
                line: e.position().map_or(0, |p| p.line()),
                why: e.to_string(),
            })?;
            rows.push(record.iter().map(clean).collect());
        }
        Table { rows }.non_empty()
    }

    /// The cells of an HTML table, with merged cells spread over the rows
    /// and columns they span: a cell merged down (a priority beside its
    /// activities) repeats its text in every row; one merged across is
    /// placed in its first column.
    pub fn from_spans(rows: Vec<Vec<SpanCell>>) -> Result<Table, TableError> {
        let mut grid: Vec<Vec<Option<String>>> = Vec::new();
        for (r, cells) in rows.into_iter().enumerate() {
            if grid.len() <= r {
                grid.resize_with(r + 1, Vec::new);
            }
            let mut c = 0;
            for cell in cells {
                while grid[r].get(c).is_some_and(Option::is_some) {
                    c += 1;
                }
                let down = cell.rows_spanned.clamp(1, 1000);
                let across = cell.columns_spanned.clamp(1, 100);
                let text = clean(&cell.text);
                for dr in 0..down {
                    if grid.len() <= r + dr {
                        grid.resize_with(r + dr + 1, Vec::new);
                    }
                    let row = &mut grid[r + dr];
                    if row.len() < c + across {
                        row.resize(c + across, None);
                    }
                    for dc in 0..across {
                        row[c + dc] = Some(if dc == 0 { text.clone() } else { String::new() });
                    }
                }
                c += across;
            }
        }
        let rows = grid
            .into_iter()
            .map(|row| row.into_iter().map(Option::unwrap_or_default).collect())
            .collect();
        Table { rows }.non_empty()
    }

    fn non_empty(self) -> Result<Table, TableError> {
        if self.rows.iter().any(|row| !is_blank(row)) {
            Ok(self)
        } else {
            Err(TableError::Empty)
        }
    }
}

/// A row with nothing in it.
pub fn is_blank(row: &[String]) -> bool {
    row.iter().all(String::is_empty)
}

/// One cell of an HTML table: its text (line breaks kept) and its spans.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpanCell {
    pub text: String,
    pub rows_spanned: usize,
    pub columns_spanned: usize,
}

/// A cell's text with spaces tidied: each line trimmed, runs of spaces
/// (and Word's no-break spaces) made one, blank lines dropped.
fn clean(cell: &str) -> String {
    cell.replace(['\u{a0}', '\r'], " ")
        .lines()
        .map(|line| line.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(text: &str, rows: usize, columns: usize) -> SpanCell {
        SpanCell {
            text: text.to_owned(),
            rows_spanned: rows,
            columns_spanned: columns,
        }
    }

    #[test]
    fn csv_with_quotes_and_line_breaks_in_cells() {
        let table =
            Table::from_delimited("Priority,Action\n\"Safe, well\",\"First line\nsecond\"\n")
                .unwrap();
        assert_eq!(
            table.rows,
            vec![
                vec!["Priority", "Action"],
                vec!["Safe, well", "First line\nsecond"]
            ]
        );
    }

    #[test]
    fn tabs_and_semicolons_are_found() {
        let pasted = Table::from_delimited("Priority\tAction\r\nSafe\tDo it, soon\r\n").unwrap();
        assert_eq!(pasted.rows[1], vec!["Safe", "Do it, soon"]);
        let european = Table::from_delimited("Priority;Action\nSafe;Do it, soon\n").unwrap();
        assert_eq!(european.rows[1], vec!["Safe", "Do it, soon"]);
    }

    #[test]
    fn blank_rows_keep_their_place_and_an_empty_sheet_is_said_to_be_empty() {
        let table = Table::from_delimited("A,B\n,\n1,2\n").unwrap();
        assert_eq!(table.rows.len(), 3);
        assert!(is_blank(&table.rows[1]));
        assert_eq!(Table::from_delimited(",,\n\n"), Err(TableError::Empty));
        assert_eq!(Table::from_delimited(""), Err(TableError::Empty));
    }

    #[test]
    fn merged_cells_are_spread() {
        let table = Table::from_spans(vec![
            vec![
                cell("Priority", 1, 1),
                cell("Action", 1, 1),
                cell("When", 1, 1),
            ],
            vec![cell("Safe", 2, 1), cell("First", 1, 1), cell("2017", 1, 1)],
            vec![cell("Second", 1, 2)],
        ])
        .unwrap();
        assert_eq!(
            table.rows,
            vec![
                vec!["Priority", "Action", "When"],
                vec!["Safe", "First", "2017"],
                vec!["Safe", "Second", ""],
            ]
        );
    }

    #[test]
    fn cells_are_tidied() {
        assert_eq!(
            clean("  Police\u{a0}and\r\n\n  Health  "),
            "Police and\nHealth"
        );
    }
}
