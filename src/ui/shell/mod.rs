//! The frame around every page: the plan's toolbar, banners, the page's
//! error summary, opening files and links, and the question asked before
//! changes saved nowhere would be lost.

pub mod banners;
pub mod opening;
pub mod page_problems;
pub mod shaping_status;
pub mod toolbar;
pub mod unsaved_changes;
