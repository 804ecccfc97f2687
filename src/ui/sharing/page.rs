//! Sharing by email: packs for partners, merging their returns, comparing
//! with an earlier file, and the current view as CSV.

use leptos::prelude::*;

use super::compare_versions::CompareVersions;
use super::merge_returns::MergeReturns;
use super::partner_pack::PartnerPack;
use crate::browser::download;
use crate::exchange::{actions_csv, csv_file_name};
use crate::progress::{current_progress, Location};
use crate::ui::shared::plan_header::PlanHeader;
use crate::ui::state::AppState;
use crate::ui::use_state;

/// Downloads the actions in the current view as CSV.
pub fn download_csv(state: AppState) {
    let Some(opened) = state.plan.opened.get_untracked() else {
        return;
    };
    let edits = state.plan.edits_by_item.get_untracked();
    let rows: Vec<_> = state.view.results.with_untracked(|r| {
        r.rows
            .iter()
            .filter_map(|&i| opened.index.rows.get(i))
            .map(|row| {
                let location = Location::Action(row.priority, row.activity, row.action);
                let item_edits = location.id(&opened.plan).and_then(|id| edits.get(id));
                let progress = current_progress(
                    location.progress(&opened.plan),
                    item_edits.into_iter().flatten(),
                );
                ((row.priority, row.activity, row.action), progress)
            })
            .collect()
    });
    let count = rows.len();
    let text = actions_csv(&opened.plan, rows);
    let name = csv_file_name(&opened.plan.id, state.view.today());
    match download::download_text(&name, &text, "text/csv;charset=utf-8") {
        Ok(()) => state
            .messages
            .success(format!("{count} actions downloaded as {name}")),
        Err(e) => state
            .messages
            .failure("The CSV file was not saved.".into(), e.to_string()),
    }
}

#[component]
pub fn ExchangePage() -> impl IntoView {
    let state = use_state();
    view! {
        <PlanHeader/>
        <h2 class="heading-l">"Share and merge"</h2>
        <p class="body">"Send each lead organisation its part of the plan, merge what they send back, and see what has changed since an earlier version."</p>
        <PartnerPack/>
        <MergeReturns/>
        <CompareVersions/>
        <section class="section" aria-labelledby="csv-title">
            <h3 class="heading-m" id="csv-title">"Spreadsheet"</h3>
            <p>{move || format!(
                "Download the {} actions in the current view as a CSV file that opens in Excel: one row per action with its priority, activity, lead, partners, deadline, status, percent and latest note.",
                state.view.results.with(|r| r.rows.len())
            )}</p>
            <button type="button" class="button button--secondary" on:click=move |_| download_csv(state)>"Export CSV"</button>
        </section>
    }
}
