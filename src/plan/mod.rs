//! The plan file: its types, reading with every problem listed, and deadlines.
//! Plain Rust: nothing here knows about the browser.

pub mod dates;
pub mod due;
pub mod figure;
pub mod hidden;
// The JSON tree the reader builds: public for the fuzz targets and the
// JSONTestSuite test, not for other code.
#[doc(hidden)]
pub mod json;
pub mod model;
mod moment;
mod place;
mod problem;
mod read;
pub mod schema;

pub use model::*;
pub use moment::Moment;
pub use problem::{human_size, Problem, ReadError};
pub use read::{read_plan, MAX_FILE_BYTES, MAX_TEXT_BYTES};

/// Writes a plan as the pretty-printed JSON people email to each other.
pub fn write_plan(plan: &Plan) -> String {
    // Serialising these types cannot fail: every map key is a string and every
    // number is finite (non-finite numbers cannot come out of JSON).
    serde_json::to_string_pretty(plan).unwrap_or_default()
}
