pub mod plan;
pub mod exchange;
pub mod generate;
pub mod progress;
pub mod query;
pub mod browser;
pub mod ui;
