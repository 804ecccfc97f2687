//! Getting a plan in without writing JSON: a table from a CSV or
//! tab-separated file, an Excel workbook's sheet, cells pasted from Excel,
//! or a table pasted from Word,
//! read into a format version 1 plan. Plain Rust: the browser's part
//! (reading the file, the clipboard's HTML) is in `browser` and `ui::import`.
//!
//! - [`decode`](mod@decode): bytes to text (UTF-8, UTF-16, Windows-1252).
//! - [`table`]: text or HTML cells to a table, merged cells spread.
//! - [`workbook`]: a sheet of an Excel workbook to a table.
//! - [`fields`]: headings to fields, RAG words to statuses.
//! - [`rows`]: the rows read by the columns' uses, problems listed with row
//!   and column.
//! - [`build`]: the rows grouped and the plan written, with ids made from
//!   content.
//! - [`blank`]: a new plan from its title, period and first priority.
//! - [`into_open`]: the rows added to the open plan as edits.

pub mod blank;
pub mod build;
pub mod decode;
pub mod fields;
pub mod into_open;
pub mod rows;
pub mod table;
pub mod workbook;

pub use build::{build_plan, Imported, NewPlan};
pub use decode::{decode, Encoding};
pub use fields::{guess_uses, Field, Use};
pub use rows::{headings, read_rows, rows_read_text, DeadlineRead, ImportProblem, ReadRow};
pub use table::{SpanCell, Table, TableError};
