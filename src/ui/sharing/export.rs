//! Exporting the plan: as a download, which always works, or saved to a file
//! the person picks, where the browser allows. Either way the file holds
//! every change, and only the edits it holds then count as exported.
//!
//! All of it is the plan file writer's part, downloaded on the first export
//! (see [`crate::ui::shared::on_demand`]); the main part only asks for it.

use leptos::prelude::*;
use leptos::wasm_split::wasm_split;

use crate::browser::save_file::{self, SaveFileError};
use crate::browser::{clock, download};
use crate::exchange::{Delivered, ExportFile};
use crate::ui::shared::on_demand::PartNotLoaded;
use crate::ui::state::AppState;

const NOT_DOWNLOADED: &str = "The part of Plan Tracker that writes plan files could not be downloaded. Check your connection, then try again; if it still fails, reload the page.";
const NOT_EXPORTED: &str =
    "The plan was not exported. Your changes are still kept in this browser.";
const NOT_SAVED: &str =
    "The plan was not saved to a file. Your changes are still kept in this browser.";

/// Writes the plan file and hands it over: downloaded, or saved through the
/// browser's file picker when `to_a_file`.
#[wasm_split(export_plan, wasm_split_path = ::leptos::wasm_split, fallible)]
fn write_and_hand_over(state: AppState, to_a_file: bool) -> Result<(), PartNotLoaded> {
    let Some(opened) = state.plan.opened.get_untracked() else {
        return Ok(());
    };
    let file = state.plan.journal_untracked(|journal| {
        ExportFile::new(&opened.file, journal, clock::now(), &state.signature())
    });
    if to_a_file {
        leptos::task::spawn_local(async move {
            match save_file::save_to_file(&file.name, &file.text).await {
                Ok(saved_as) => exported(state, file, Delivered::SavedTo(saved_as)),
                Err(SaveFileError::Cancelled) => {}
                Err(e) => state.messages.failure(NOT_SAVED.to_owned(), e.to_string()),
            }
        });
    } else {
        match download::download_text(&file.name, &file.text, "application/json") {
            Ok(()) => exported(state, file, Delivered::Downloaded),
            Err(e) => state
                .messages
                .failure(NOT_EXPORTED.to_owned(), e.to_string()),
        }
    }
    Ok(())
}

fn exported(state: AppState, file: ExportFile, delivered: Delivered) {
    state.messages.success(file.done_message(&delivered));
    state.plan.mark_exported(file.edit_ids, file.at);
}

fn hand_over(state: AppState, to_a_file: bool) {
    leptos::task::spawn_local(async move {
        if write_and_hand_over(state, to_a_file).await.is_err() {
            let not_done = if to_a_file { NOT_SAVED } else { NOT_EXPORTED };
            state
                .messages
                .failure(not_done.to_owned(), NOT_DOWNLOADED.to_owned());
        }
    });
}

/// Downloads the plan with every change applied, then counts it as exported.
pub fn export(state: AppState) {
    hand_over(state, false);
}

/// How a page in a part of its own (meeting mode) asks for an export:
/// through this callback, which the app provides from the main part, never
/// by calling [`export`], for the reason
/// [`SnapshotMaker`](crate::ui::boards::snapshot::SnapshotMaker) gives.
#[derive(Clone, Copy)]
pub struct Exporter(Callback<()>);

impl Exporter {
    pub fn provide(state: AppState) {
        provide_context(Self(Callback::new(move |()| export(state))));
    }

    /// The app's exporter; `None` only outside the app.
    pub fn find() -> Option<Self> {
        use_context::<Self>()
    }

    pub fn export(self) {
        self.0.run(());
    }
}

/// Saves the plan to a file the person picks, such as the one they opened.
pub fn save_to_file(state: AppState) {
    hand_over(state, true);
}

/// True where the browser can save back to a file.
pub fn can_save_to_file() -> bool {
    save_file::can_save_to_file()
}
