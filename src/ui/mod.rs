//! What people see: the app shell and one file per feature.

mod activity_card;
mod action_item;
mod banners;
mod compare_versions;
mod error_summary;
mod exchange_page;
mod filter_panel;
mod history;
mod measures_page;
mod merge_returns;
mod on_demand;
mod partner_pack;
mod person_form;
mod plan_header;
mod plan_page;
mod progress_form;
mod results_list;
pub mod state;
mod status_tag;
mod toolbar;
mod unsaved_changes;
mod welcome;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::browser::{address, files, storage};
use on_demand::{exchange_page, measures_page, on_demand};
use state::{use_state, AppState, View};

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let state = AppState::new();
    provide_context(state);
    start(state);

    let on_drop = move |ev: web_sys::DragEvent| {
        ev.prevent_default();
        let Some(file) = ev.data_transfer().and_then(|d| d.files()).and_then(|f| f.get(0)) else { return };
        open_file(state, file);
    };
    view! {
        <div class="page" on:dragover=|ev: web_sys::DragEvent| ev.prevent_default() on:drop=on_drop>
            <header class="masthead">
                <a class="skip-link" href="#main">"Skip to main content"</a>
                <div class="masthead__inner">
                    <span class="masthead__name">"Plan Tracker"</span>
                </div>
            </header>
            <Show when=move || state.opened.with(Option::is_some)>
                <toolbar::Toolbar/>
            </Show>
            <main id="main" class="main" tabindex="-1">
                <banners::Banners/>
                <unsaved_changes::UnsavedChanges/>
                <error_summary::ErrorSummary/>
                <Show when=move || state.loading.with(Option::is_some)>
                    <p class="loading" role="status">{move || state.loading.get().unwrap_or_default()}</p>
                </Show>
                {move || match (state.opened.with(Option::is_some), state.view.get()) {
                    (false, _) => view! { <welcome::Welcome/> }.into_any(),
                    (true, View::Plan) => view! { <plan_page::PlanPage/> }.into_any(),
                    (true, View::Measures) => on_demand(measures_page).into_any(),
                    (true, View::Exchange) => on_demand(exchange_page).into_any(),
                }}
            </main>
            <footer class="footer">
                <p>"Plan Tracker runs entirely in your browser. Plans and changes stay on this device until you export them."</p>
            </footer>
        </div>
    }
}

/// What happens once at start: open the plan the address or storage names,
/// listen for back and forward and for other tabs, and ask to keep storage.
fn start(state: AppState) {
    let pairs = address::query_pairs();
    state.view.set(View::from_query(&pairs));
    if let Some((_, link)) = pairs.iter().find(|(k, _)| k == "plan") {
        open_link(state, link.clone());
    } else {
        match storage::load_current_plan_text() {
            Ok(Some(text)) => state.open_bytes(text.as_bytes(), "The plan you had open", None),
            Ok(None) => {}
            Err(e) => state.storage_issue.set(Some(e)),
        }
    }
    address::on_history_change(move || state.follow_address());
    storage::on_other_tab_change(move |plan_id, text| state.merge_from_other_tab(&plan_id, text));
    warn_before_leaving(state);
    leptos::task::spawn_local(async move {
        if storage::ask_to_persist().await != Some(true) && storage::storage_may_be_evicted() {
            state.notices.update(|n| {
                n.push("This browser may clear saved changes after 7 days without use. Export the plan at the end of each session.".into())
            });
        }
    });
}

pub fn open_link(state: AppState, link: String) {
    state.loading.set(Some(format!("Opening the plan at {link}…")));
    leptos::task::spawn_local(async move {
        match files::fetch_bytes(&link).await {
            Ok(bytes) => state.open_bytes(&bytes, &format!("The plan at {link}"), Some(link)),
            Err(e) => state.report_other(&format!("The plan at {link}"), e.to_string()),
        }
    });
}

pub fn open_file(state: AppState, file: web_sys::File) {
    let name = file.name();
    state.loading.set(Some(format!("Opening {name}…")));
    leptos::task::spawn_local(async move {
        match files::read_file(&file).await {
            Ok(bytes) => state.open_bytes(&bytes, &name, None),
            Err(e) => state.report_other(&name, e.to_string()),
        }
    });
}

/// Leaving with unexported changes asks first.
fn warn_before_leaving(state: AppState) {
    let Some(window) = web_sys::window() else { return };
    let closure = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::BeforeUnloadEvent)>::new(move |ev: web_sys::BeforeUnloadEvent| {
        let unexported = state.journal.with_untracked(crate::progress::Journal::unexported_count);
        if unexported > 0 {
            ev.prevent_default();
            ev.set_return_value("You have changes that have not been exported.");
        }
    });
    let _ = window.add_event_listener_with_callback("beforeunload", closure.as_ref().unchecked_ref());
    closure.forget();
}

pub use crate::plan::dates::long_date;

/// "22 November 2016 at 10:30", in the reader's own time zone.
pub fn long_moment(moment: &crate::plan::Moment) -> String {
    crate::plan::dates::long_date_time(moment.instant().with_timezone(&chrono::Local).naive_local())
}

pub(crate) fn state() -> AppState {
    use_state()
}
