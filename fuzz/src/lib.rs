//! What the fuzz targets share: the plan reader's JSON tree.

pub use plan_tracker::plan::json;
