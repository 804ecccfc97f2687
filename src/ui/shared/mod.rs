//! Pieces several features use.

pub mod announce;
pub mod checkbox;
pub mod error_summary;
pub mod on_demand;
pub mod person_form;
pub mod plan_header;
pub mod status_tag;
