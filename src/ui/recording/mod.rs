//! Recording progress: the "Update progress" form for an action or activity
//! (downloaded on first use), and an item's notes and history.

mod history;
mod progress_form;

pub use history::History;
pub use progress_form::UpdateProgress;
