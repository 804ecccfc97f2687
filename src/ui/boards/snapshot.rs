//! "Download a snapshot": one self-contained HTML file of the current view
//! or the exception report, for people who will never open the app. Writing
//! it is a part of its own, downloaded the first time a snapshot is made.

use leptos::prelude::*;
use leptos::wasm_split::wasm_split;

use crate::browser::download;
use crate::query::filters_in_words;
use crate::report::exceptions::exception_report;
use crate::report::snapshot::{exceptions_snapshot, snapshot_file_name, view_snapshot, Heading};
use crate::ui::shared::on_demand::PartNotLoaded;
use crate::ui::state::AppState;

/// What a snapshot is of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SnapshotOf {
    /// The actions the filter shows.
    View,
    ExceptionReport,
}

/// Makes the snapshot of what the state shows now and offers it as a
/// download, saying how it went. All of it is in the snapshot part: the
/// main part only asks for it.
#[wasm_split(snapshot, wasm_split_path = ::leptos::wasm_split, fallible)]
fn make_snapshot(state: AppState, of: SnapshotOf) -> Result<(), PartNotLoaded> {
    let Some(opened) = state.plan.opened.get_untracked() else {
        return Ok(());
    };
    let plan = &opened.plan;
    let (what, name) = match of {
        SnapshotOf::View => ("Actions", "actions"),
        SnapshotOf::ExceptionReport => ("Exception report", "exceptions"),
    };
    let today = state.view.today();
    let filters = state
        .view
        .filter
        .with_untracked(|f| filters_in_words(f, &opened.index));
    let heading = Heading {
        plan,
        what,
        filters: &filters,
        made: today,
    };
    let html = state.plan.edits_by_item.with_untracked(|edits| {
        state.plan.overlay.with_untracked(|overlay| {
            state.view.results.with_untracked(|results| match of {
                SnapshotOf::View => view_snapshot(&heading, &opened.index, results, overlay, edits),
                SnapshotOf::ExceptionReport => {
                    let report =
                        exception_report(plan, &opened.index, overlay, results, edits, today);
                    exceptions_snapshot(&heading, &report)
                }
            })
        })
    });
    let file = snapshot_file_name(&plan.id, name, today);
    match download::download_text(&file, &html, "text/html;charset=utf-8") {
        Ok(()) => state
            .messages
            .success(format!("Snapshot downloaded as {file}")),
        Err(e) => state.messages.failure(NOT_MADE.to_owned(), e.to_string()),
    }
    Ok(())
}

const NOT_MADE: &str = "The snapshot was not made.";

/// How any page asks for a snapshot. The app provides it from the main
/// part, so a page in a part of its own (the exception report) reaches the
/// snapshot part through this callback, never by calling it: one part that
/// calls another directly would pull the other's loader into every build of
/// the crate, the browser tests' included, where no parts exist.
#[derive(Clone, Copy)]
pub struct SnapshotMaker(Callback<SnapshotOf>);

impl SnapshotMaker {
    pub fn provide(state: AppState) {
        provide_context(Self(Callback::new(move |of| download_snapshot(state, of))));
    }

    /// The app's snapshot maker; `None` only outside the app.
    pub fn find() -> Option<Self> {
        use_context::<Self>()
    }

    pub fn make(self, of: SnapshotOf) {
        self.0.run(of);
    }
}

/// Makes a snapshot, downloading the part that writes them the first time.
fn download_snapshot(state: AppState, of: SnapshotOf) {
    leptos::task::spawn_local(async move {
        if make_snapshot(state, of).await.is_err() {
            state.messages.failure(
                NOT_MADE.to_owned(),
                "The part of Plan Tracker that writes snapshots could not be downloaded. Check your connection, then try again.".to_owned(),
            );
        }
    });
}

/// "Download a snapshot" of the view or the exception report.
#[component]
pub fn SnapshotButton(of: SnapshotOf) -> impl IntoView {
    SnapshotMaker::find().map(|maker| {
        view! {
            <button type="button" class="button button--secondary" on:click=move |_| maker.make(of)>
                "Download a snapshot"
            </button>
        }
    })
}
