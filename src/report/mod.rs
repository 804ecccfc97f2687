//! What a board reviews: the figures behind the dashboard and its charts
//! (charming option values, with a table for each), the exception report,
//! and the read-only snapshot. Plain Rust, tested natively; the browser
//! draws the charts and offers the files.

pub mod charts;
pub mod exceptions;
pub mod figures;
pub mod snapshot;
