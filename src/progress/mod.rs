//! Recording progress and changing the structure: edits as values, the
//! journal of them, applying them to a plan, and rolling actions up. Plain
//! Rust.

mod apply;
mod edit;
mod journal;
mod rollup;
mod stored;
pub mod structure;

pub use apply::{apply_all, apply_to_measure, apply_to_progress, Location, Locator};
pub use edit::{
    in_time_order, is_followable_link, parse_percent, Change, Edit, EvidenceDraft, NoteDraft,
    ValueDraft,
};
pub use journal::{waiting_text, Journal, Waiting, Withdrawal, Withdrawn, JOURNAL_VERSION};
pub use rollup::Rollup;
pub use stored::{journal_to_store, read_journal, NotSaved};

use crate::plan::{Measure, Progress};

/// An item's progress as it stands now: the file's, with the edits applied.
/// Only what is shown is computed, so an edit never copies the whole plan.
pub fn current_progress<'e>(
    base: Option<&Progress>,
    edits: impl IntoIterator<Item = &'e Edit>,
) -> Option<Progress> {
    let mut progress = base.cloned();
    let file_updated = base.and_then(|b| b.updated.clone());
    let progress_edits = edits.into_iter().filter(|e| !e.change.is_structural());
    for edit in in_time_order(progress_edits) {
        apply_to_progress(
            progress.get_or_insert_with(Progress::default),
            edit,
            file_updated.as_ref(),
        );
    }
    progress
}

/// A measure as it stands now, with values added since opening.
pub fn current_measure<'e>(base: &Measure, edits: impl IntoIterator<Item = &'e Edit>) -> Measure {
    let mut measure = base.clone();
    for edit in in_time_order(edits) {
        apply_to_measure(&mut measure, edit);
    }
    measure
}
