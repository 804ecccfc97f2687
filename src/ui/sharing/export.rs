//! Exporting the plan: as a download, which always works, or saved to a file
//! the person picks, where the browser allows. Either way the file holds
//! every change, and only the edits it holds then count as exported.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::wasm_split::wasm_split;

use crate::browser::save_file::{self, SaveFileError};
use crate::browser::{clock, download};
use crate::exchange::{Delivered, ExportFile};
use crate::plan::{Moment, Plan};
use crate::progress::Journal;
use crate::ui::shared::on_demand::PartNotLoaded;
use crate::ui::state::AppState;

/// The plan file: the plan with every change applied. Serialising a plan is
/// needed only here, so it is downloaded on the first export (see
/// [`crate::ui::shared::on_demand`]).
#[wasm_split(export_plan, wasm_split_path = ::leptos::wasm_split, fallible)]
fn plan_file(
    plan: Arc<Plan>,
    journal: Journal,
    at: Moment,
    by: String,
) -> Result<ExportFile, PartNotLoaded> {
    Ok(ExportFile::new(&plan, &journal, at, &by))
}

/// The export file; `None` when no plan is open, or after saying that the
/// writer could not be downloaded.
async fn file_or_say_why(state: AppState, not_done: &'static str) -> Option<ExportFile> {
    let opened = state.plan.opened.get_untracked()?;
    let journal = state.plan.journal_untracked(Journal::clone);
    match plan_file(
        opened.plan.clone(),
        journal,
        clock::now(),
        state.signature(),
    )
    .await
    {
        Ok(file) => Some(file),
        Err(PartNotLoaded) => {
            state
                .messages
                .failure(not_done.to_owned(), NOT_DOWNLOADED.to_owned());
            None
        }
    }
}

const NOT_DOWNLOADED: &str = "The part of Plan Tracker that writes plan files could not be downloaded. Check your connection, then try again; if it still fails, reload the page.";
const NOT_EXPORTED: &str =
    "The plan was not exported. Your changes are still kept in this browser.";
const NOT_SAVED: &str =
    "The plan was not saved to a file. Your changes are still kept in this browser.";

/// Downloads the plan with every change applied, then counts it as exported.
pub fn export(state: AppState) {
    leptos::task::spawn_local(async move {
        let Some(file) = file_or_say_why(state, NOT_EXPORTED).await else {
            return;
        };
        match download::download_text(&file.name, &file.text, "application/json") {
            Ok(()) => exported(state, file, Delivered::Downloaded),
            Err(e) => state
                .messages
                .failure(NOT_EXPORTED.to_owned(), e.to_string()),
        }
    });
}

/// Saves the plan to a file the person picks, such as the one they opened.
pub fn save_to_file(state: AppState) {
    leptos::task::spawn_local(async move {
        let Some(file) = file_or_say_why(state, NOT_SAVED).await else {
            return;
        };
        match save_file::save_to_file(&file.name, &file.text).await {
            Ok(saved_as) => exported(state, file, Delivered::SavedTo(saved_as)),
            Err(SaveFileError::Cancelled) => {}
            Err(e) => state.messages.failure(NOT_SAVED.to_owned(), e.to_string()),
        }
    });
}

fn exported(state: AppState, file: ExportFile, delivered: Delivered) {
    state.messages.success(file.done_message(&delivered));
    state.plan.mark_exported(file.edit_ids, file.at);
}

/// True where the browser can save back to a file.
pub fn can_save_to_file() -> bool {
    save_file::can_save_to_file()
}
