//! What people see, grouped by feature, as the app's parts are:
//!
//! | folder | what |
//! |---|---|
//! | `shell` | the frame around every page: the plan's toolbar, banners, the error summary, opening files and links, the question before unsaved changes are lost |
//! | `plan_view` | the plan filtered: filters, priorities, activity cards and actions |
//! | `recording` | recording progress: the progress form and an item's history |
//! | `measures` | the measures page and adding a value |
//! | `sharing` | "Share and merge": export, partner packs, merging returns, comparing, CSV |
//! | `importing` | importing a plan from a spreadsheet or a pasted table |
//! | `editing` | starting a new plan, and editing a plan's structure in place |
//! | `boards` | for the board: the dashboard, the exception report, meeting mode, snapshots |
//! | `welcome` | the welcome page: choose, drop or import a plan file, or open a sample |
//! | `accessibility` | the accessibility statement |
//! | `shared` | pieces several features use: the error summary, checkboxes, status tags, the plan's header, who is recording, parts downloaded on demand |
//! | `state` | the app's state, by owner |
//!
//! Components read state through [`state::use_state`] and change it through
//! its methods; words for people come from the domain modules, where they
//! are tested natively.
//!
//! A reactive view that is sometimes absent returns
//! `shared::or_nothing`, an `AnyView` like the app's other reactive views,
//! not an option of its own element type: Leptos draws each type of
//! reactive view with its own copy of the drawing code, and the main part
//! has no room for a copy per banner, meter and panel. For the same reason
//! an effect (focus that follows, a listener while it is needed) is made
//! with `shared::effect`, so that Leptos's effect code is compiled once.

mod accessibility;
pub(crate) mod boards;
mod editing;
mod importing;
mod measures;
mod plan_view;
mod recording;
mod shared;
mod sharing;
mod shell;
pub mod state;
mod welcome;

use leptos::prelude::*;

use crate::browser::{address, focus, leaving, storage};
use crate::progress::Journal;
use shared::on_demand::on_demand_page;
use shell::opening::{Opening, Source};
use state::{AppState, Origin, Page};

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let state = AppState::new();
    state.plan.set_shaper_download(state::shaping::download);
    provide_context(state);
    let opening = Opening::new(state);
    provide_context(opening);
    boards::snapshot::SnapshotMaker::provide(state);
    sharing::export::Exporter::provide(state);
    start(state, opening);

    let on_drop = move |ev: web_sys::DragEvent| {
        ev.prevent_default();
        let Some(file) = ev
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|f| f.get(0))
        else {
            return;
        };
        opening.open(Source::File(file));
    };
    // Which page to draw: a page is drawn afresh only when this changes, not
    // each time the address is read again with the same page in it.
    let shown = Memo::new(move |_| {
        let showing = if state.plan.opened.with(Option::is_some) {
            Showing::Plan
        } else if state.plan.is_open() {
            Showing::Shaping
        } else if opening.is_under_way() {
            Showing::Opening
        } else {
            Showing::Welcome
        };
        (showing, state.view.page.get())
    });
    view! {
        <div class="page" on:dragover=|ev: web_sys::DragEvent| ev.prevent_default() on:drop=on_drop>
            <header class="masthead">
                <a class="skip-link" href="#main">"Skip to main content"</a>
                <div class="masthead__inner">
                    <span class="masthead__name">"Plan Tracker"</span>
                </div>
            </header>
            <Show when=move || state.plan.opened.with(Option::is_some)>
                <shell::toolbar::Toolbar/>
            </Show>
            <main id="main" class="main" tabindex="-1">
                <shell::banners::Banners/>
                <shell::unsaved_changes::UnsavedChanges/>
                <shell::page_problems::PageProblems/>
                <shell::opening::OpeningStatus/>
                {move || match shown.get() {
                    (_, Page::Import) => on_demand_page(importing::import_page).into_any(),
                    (_, Page::Accessibility) => on_demand_page(accessibility::statement_page).into_any(),
                    (_, Page::NewPlan) | (Showing::Plan, Page::Edit) => on_demand_page(editing::editing_page).into_any(),
                    (Showing::Welcome, _) => on_demand_page(welcome::welcome_page).into_any(),
                    // The opening status says it all, and a plan opened by
                    // link never downloads the welcome page.
                    (Showing::Opening, _) => ().into_any(),
                    (Showing::Shaping, _) => view! { <shell::shaping_status::ShapingStatus/> }.into_any(),
                    (Showing::Plan, Page::Plan) => view! { <plan_view::page::PlanPage/> }.into_any(),
                    (Showing::Plan, Page::Measures) => on_demand_page(measures::measures_page).into_any(),
                    (Showing::Plan, Page::Dashboard) => on_demand_page(boards::dashboard_page).into_any(),
                    (Showing::Plan, Page::Exceptions) => on_demand_page(boards::exceptions_page).into_any(),
                    (Showing::Plan, Page::Meeting) => on_demand_page(boards::meeting_page).into_any(),
                    (Showing::Plan, Page::Exchange) => on_demand_page(sharing::exchange_page).into_any(),
                }}
            </main>
            <footer class="footer">
                <p>"Plan Tracker runs entirely in your browser. Plans and changes stay on this device until you export them."</p>
                <p><button type="button" class="link-button" on:click=move |_| {
                    state.set_page(Page::Accessibility);
                    focus::scroll_to_top();
                }>"Accessibility statement"</button></p>
            </footer>
        </div>
    }
}

/// What the page is showing, apart from which page.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Showing {
    Welcome,
    /// No plan is open, and one is being read.
    Opening,
    /// A plan is open and waits for the part that applies its structure
    /// changes.
    Shaping,
    Plan,
}

/// What happens once at start: open the plan the address or storage names,
/// follow back and forward and other tabs, ask before leaving with changes
/// not exported, and ask to keep storage. The listeners go with the app.
fn start(state: AppState, opening: Opening) {
    let pairs = address::query_pairs();
    state.view.page.set(Page::from_query(&pairs));
    state
        .view
        .meeting
        .set(state::MeetingPlace::from_query(&pairs));
    if let Some((_, link)) = pairs.iter().find(|(k, _)| k == "plan") {
        opening.open(Source::Link(link.clone()));
    } else {
        match storage::load_current_plan_text() {
            Ok(Some(text)) => {
                state.open_bytes(text.as_bytes(), "The plan you had open", Origin::File)
            }
            Ok(None) => {}
            Err(e) => state.messages.storage.set(Some(e)),
        }
    }
    let listeners = [
        address::on_history_change(move || state.follow_address()),
        storage::on_other_tab_change(move |plan_id, text| {
            state.plan.merge_from_other_tab(&plan_id, text)
        }),
    ];
    on_cleanup(move || listeners.into_iter().for_each(|listener| listener.remove()));
    // The browser asks before leaving only while there is something to
    // lose. With no listener it leaves or reloads the page without first
    // waiting on it, and may keep the page in its back-forward cache.
    shared::effect(move || {
        if state.plan.journal(Journal::waiting).count() > 0 {
            let warning = leaving::warn_before_leaving();
            // Before the next run, and when the app goes.
            on_cleanup(move || warning.remove());
        }
    });
    leptos::task::spawn_local(async move {
        if storage::ask_to_persist().await != Some(true) && storage::storage_may_be_evicted() {
            state.messages.may_be_cleared.set(true);
        }
    });
}

pub(crate) fn use_state() -> AppState {
    state::use_state()
}
