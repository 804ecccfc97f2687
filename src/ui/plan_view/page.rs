//! The plan, filtered: header, filters, and the actions that match, with
//! printing, a snapshot and meeting mode for the view.

use leptos::prelude::*;

use super::filter_layout::FilterLayout;
use super::filter_panel::SelectedFilters;
use super::results_list::ResultsList;
use crate::browser::printing::{before_printing, print_after};
use crate::plan::dates::long_date;
use crate::query::{filters_in_words, results_text};
use crate::ui::boards::snapshot::{SnapshotButton, SnapshotOf};
use crate::ui::shared::announce::SettledAnnouncement;
use crate::ui::shared::plan_header::PlanHeader;
use crate::ui::state::{MeetingPlace, Page};
use crate::ui::use_state;

#[component]
pub fn PlanPage() -> impl IntoView {
    let state = use_state();
    let summary = move || {
        state
            .view
            .results
            .with(|r| results_text(r.rows.len(), r.total))
    };
    // A printout holds every action the view shows, however it was asked for.
    let printing = before_printing(move || state.view.show_all());
    on_cleanup(move || printing.remove());
    let filters = move || {
        state
            .plan
            .opened
            .with(|o| {
                o.as_ref()
                    .map(|o| state.view.filter.with(|f| filters_in_words(f, &o.index)))
            })
            .unwrap_or_default()
    };
    view! {
        <PlanHeader/>
        <p class="print-only">{move || format!("Showing: {}. Printed on {}.", filters(), long_date(state.view.today()))}</p>
        <div class="button-group view-actions no-print">
            <button type="button" class="button button--secondary" on:click=move |_| print_after(move || state.view.show_all())>"Print this view"</button>
            <SnapshotButton of=SnapshotOf::View/>
            <button type="button" class="button button--secondary" on:click=move |_| {
                state.view.meeting.set(MeetingPlace::default());
                state.set_page(Page::Meeting);
            }>"Meeting mode"</button>
        </div>
        <FilterLayout>
            <section class="filter-layout__content" aria-labelledby="results-count">
                <SelectedFilters/>
                <h2 class="heading-m results-count" id="results-count">{summary}</h2>
                <SettledAnnouncement text=Signal::derive(summary)/>
                <ResultsList/>
            </section>
        </FilterLayout>
    }
}
