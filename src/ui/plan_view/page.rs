//! The plan, filtered: header, filters, and the actions that match.

use leptos::prelude::*;

use super::filter_panel::{FilterPanel, SelectedFilters};
use super::results_list::ResultsList;
use crate::query::results_text;
use crate::ui::shared::plan_header::PlanHeader;
use crate::ui::use_state;

#[component]
pub fn PlanPage() -> impl IntoView {
    let state = use_state();
    let filters_open = RwSignal::new(false);
    let summary = move || {
        state
            .view
            .results
            .with(|r| results_text(r.rows.len(), r.total))
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
