//! The plan, filtered: header, filters, and the actions that match.

use leptos::prelude::*;

use super::filter_panel::{FilterPanel, SelectedFilters};
use super::plan_header::PlanHeader;
use super::results_list::ResultsList;
use super::state;

#[component]
pub fn PlanPage() -> impl IntoView {
    let state = state();
    let filters_open = RwSignal::new(false);
    let summary = move || {
        let (shown, total) = state.results.with(|r| (r.rows.len(), r.total));
        let noun = if total == 1 { "action" } else { "actions" };
        if shown == total {
            format!("Showing all {total} {noun}")
        } else {
            format!("Showing {shown} of {total} {noun}")
        }
    };
    view! {
        <PlanHeader/>
        <div class="filter-layout" class:filter-layout--open=move || filters_open.get()>
            <button type="button" class="button button--secondary filter-toggle" aria-controls="filter-panel"
                aria-expanded=move || filters_open.get().to_string()
                on:click=move |_| filters_open.update(|o| *o = !*o)>
                {move || if filters_open.get() { "Hide filters" } else { "Show filters" }}
            </button>
            <FilterPanel/>
            <section class="filter-layout__content" aria-labelledby="results-count">
                <SelectedFilters/>
                <h2 class="heading-m results-count" id="results-count" aria-live="polite">{summary}</h2>
                <ResultsList/>
            </section>
        </div>
    }
}
