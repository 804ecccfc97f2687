//! Export, undo, discard and the count of changes not yet exported.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::wasm_split::wasm_split;

use super::on_demand::PartNotLoaded;
use super::{long_moment, state};
use crate::browser::save_file::{self, SaveFileError};
use crate::browser::{clock, download};
use crate::exchange::{export_file_name, export_plan, export_text};
use crate::plan::{Moment, Plan};
use crate::progress::Journal;
use crate::ui::state::{AppState, View};

/// A plan file ready to export: the plan with every change applied.
struct ExportFile {
    name: String,
    text: String,
    at: Moment,
    /// The edits the file holds.
    edit_ids: Vec<String>,
    /// How many of them are to items the plan lacks, kept in `orphaned_edits`.
    orphans: usize,
}

/// The written file, and what it holds.
struct Written {
    text: String,
    edit_ids: Vec<String>,
    orphans: usize,
}

/// The plan file's text: the plan with every change applied. Serialising a
/// plan is needed only here, so it is downloaded on the first export (see
/// [`super::on_demand`]).
#[wasm_split(export_plan, wasm_split_path = ::leptos::wasm_split, fallible)]
fn plan_file_text(plan: Arc<Plan>, journal: Journal, at: Moment, by: String) -> Result<Written, PartNotLoaded> {
    let export = export_plan(&plan, &journal, at, &by);
    let orphans = export.orphans.len();
    Ok(Written { text: export_text(&export.plan), edit_ids: export.edit_ids, orphans })
}

async fn export_file(state: AppState) -> Result<Option<ExportFile>, PartNotLoaded> {
    let Some(opened) = state.opened.get_untracked() else { return Ok(None) };
    let at = clock::now();
    let journal = state.journal.get_untracked();
    let written = plan_file_text(opened.plan.clone(), journal, at.clone(), state.signature()).await?;
    let name = export_file_name(&opened.plan.id, at.instant().date_naive());
    Ok(Some(ExportFile { name, text: written.text, at, edit_ids: written.edit_ids, orphans: written.orphans }))
}

/// The export file; `None` when no plan is open, or after `not_done` has
/// said that the writer could not be downloaded.
async fn file_or_say_why(state: AppState, not_done: fn(AppState, &str)) -> Option<ExportFile> {
    export_file(state).await.unwrap_or_else(|PartNotLoaded| {
        not_done(state, NOT_DOWNLOADED);
        None
    })
}

/// Downloads the plan with every change applied, then counts it as exported.
pub fn export(state: AppState) {
    leptos::task::spawn_local(async move {
        let Some(file) = file_or_say_why(state, not_exported).await else { return };
        match download::download_text(&file.name, &file.text, "application/json") {
            Ok(()) => {
                let message = format!("Plan exported as {}", file.name);
                exported(state, file, message);
            }
            Err(e) => not_exported(state, &e.to_string()),
        }
    });
}

/// Saves the plan to a file the person picks, such as the one they opened.
fn save_to_file(state: AppState) {
    leptos::task::spawn_local(async move {
        let Some(file) = file_or_say_why(state, not_saved).await else { return };
        match save_file::save_to_file(&file.name, &file.text).await {
            Ok(saved_as) => exported(state, file, format!("Plan saved to {saved_as}")),
            Err(SaveFileError::Cancelled) => {}
            Err(e) => not_saved(state, &e.to_string()),
        }
    });
}

const NOT_DOWNLOADED: &str = "The part of Plan Tracker that writes plan files could not be downloaded. Check your connection, then try again; if it still fails, reload the page.";

fn not_exported(state: AppState, problem: &str) {
    state.report_failure("The plan was not exported. Your changes are still kept in this browser.".into(), problem.to_owned());
}

fn not_saved(state: AppState, problem: &str) {
    state.report_failure("The plan was not saved to a file. Your changes are still kept in this browser.".into(), problem.to_owned());
}

fn exported(state: AppState, file: ExportFile, message: String) {
    let kept = match file.orphans {
        0 => String::new(),
        1 => ". It also carries 1 change to an item this version of the plan does not have, so that it is not lost".to_owned(),
        n => format!(". It also carries {n} changes to items this version of the plan does not have, so that they are not lost"),
    };
    state.mark_exported(file.edit_ids, file.at);
    state.success.set(Some(format!("{message}{kept}")));
}

#[component]
pub fn Toolbar() -> impl IntoView {
    let state = state();
    let unexported = Memo::new(move |_| state.journal.with(Journal::unexported_count));
    let last_export = Memo::new(move |_| state.journal.with(|j| j.last_export.clone()));
    let confirming_discard = RwSignal::new(false);
    let discard = move |_| {
        state.discard();
        confirming_discard.set(false);
        state.success.set(Some("Your changes were discarded".into()));
    };
    view! {
        <nav class="toolbar" aria-label="Plan">
            <ul class="toolbar__views">
                <li>
                    <button type="button" class="link-button" aria-current=move || (state.view.get() == View::Plan).then_some("page")
                        on:click=move |_| state.set_view(View::Plan)>"Actions"</button>
                </li>
                <li>
                    <button type="button" class="link-button" aria-current=move || (state.view.get() == View::Measures).then_some("page")
                        on:click=move |_| state.set_view(View::Measures)>"Measures"</button>
                </li>
                <li>
                    <button type="button" class="link-button" aria-current=move || (state.view.get() == View::Exchange).then_some("page")
                        on:click=move |_| state.set_view(View::Exchange)>"Share and merge"</button>
                </li>
            </ul>
            <p class="toolbar__status" role="status">
                {move || match unexported.get() {
                    0 => "No changes waiting to be exported".to_owned(),
                    1 => "1 change not exported yet".to_owned(),
                    n => format!("{n} changes not exported yet"),
                }}
                {move || last_export.get().map(|at| format!(". Last exported {}", long_moment(&at)))}
            </p>
            <div class="toolbar__actions">
                <button type="button" class="button" on:click=move |_| export(state)>"Export plan"</button>
                {save_file::can_save_to_file().then(|| view! {
                    <button type="button" class="button button--secondary" on:click=move |_| save_to_file(state)>"Save to a file…"</button>
                })}
                <button type="button" class="button button--secondary" disabled=move || !state.can_undo()
                    on:click=move |_| state.undo()>"Undo last change"</button>
                <button type="button" class="button button--warning" disabled=move || state.journal.with(|j| j.edits.is_empty())
                    on:click=move |_| confirming_discard.set(true)>"Discard my changes"</button>
                <button type="button" class="button button--secondary" on:click=move |_| state.close()>"Close plan"</button>
            </div>
            <div class="toolbar__open">
                <label class="label-s" for="another-plan-file">"Open another plan file"</label>
                <input class="file-upload file-upload--small" id="another-plan-file" type="file" accept=".json,application/json"
                    on:change=move |ev| {
                        let input: web_sys::HtmlInputElement = event_target(&ev);
                        if let Some(file) = input.files().and_then(|f| f.get(0)) {
                            super::open_file(state, file);
                        }
                        input.set_value("");
                    }/>
            </div>
            <Show when=move || confirming_discard.get()>
                <div class="confirm" role="alertdialog" aria-labelledby="discard-title">
                    <h2 class="heading-m" id="discard-title">"Discard all your changes to this plan?"</h2>
                    <p>{move || format!("This removes {} recorded changes from this browser. Export first to keep a copy.", state.journal.with(|j| j.edits.len()))}</p>
                    <div class="button-group">
                        <button type="button" class="button" on:click=move |_| export(state)>"Export first"</button>
                        <button type="button" class="button button--warning" on:click=discard>"Yes, discard my changes"</button>
                        <button type="button" class="link-button" on:click=move |_| confirming_discard.set(false)>"Cancel"</button>
                    </div>
                </div>
            </Show>
        </nav>
    }
}
