//! Finding what matters: filters over a plan's actions, the count each option
//! would give, sorting, and the filter's form in a link. Plain Rust.

mod chips;
mod deadline;
mod filter;
pub mod fold;
mod groups;
mod index;
mod search_text;
mod sort;
mod url;

pub use chips::{filter_chips, filters_in_words};
pub use deadline::DueChoice;
pub use filter::{run, Filter, Results, StatusChoice};
pub use groups::{plan_groups, results_text, PriorityGroup};
pub use index::{Actionless, Index, OrgId, Overlay, Rollups, Row};
pub use search_text::SearchText;
pub use sort::Sort;
pub use url::{filter_from_query, filter_to_query, keep_known, FILTER_KEYS};
