//! The plan, filtered: the filter panel, and the matching actions under
//! their priorities and activities (or as one flat list).

mod action_item;
mod activity_card;
mod filter_layout;
mod filter_panel;
pub mod page;
mod priority_section;
mod results_list;

pub use filter_layout::FilterLayout;
pub use filter_panel::SelectedFilters;
