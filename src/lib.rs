pub mod plan;
pub mod generate;
pub mod query;
