//! "Export for a partner": a plan file holding one or more lead
//! organisations' activities and actions, to email to them.

use std::collections::{BTreeSet, HashSet};

use leptos::prelude::*;

use super::current_plan;
use crate::browser::{clock, download, storage};
use crate::exchange::{export_text, pack_file_name, partner_pack, PackChoice};
use crate::progress::Location;
use crate::ui::shared::checkbox::CheckboxItem;
use crate::ui::shared::error_summary::{ErrorSummary, FieldProblem, SummaryPlace};
use crate::ui::use_state;

#[component]
pub fn PartnerPack() -> impl IntoView {
    let state = use_state();
    let chosen: RwSignal<BTreeSet<String>> = RwSignal::new(BTreeSet::new());
    let only_filtered = RwSignal::new(false);
    let problems: RwSignal<Vec<FieldProblem>> = RwSignal::new(Vec::new());
    let problem = move |text: String| problems.set(vec![FieldProblem::at("pack-leads", text)]);
    let leads = move || {
        state.plan.opened.with(|o| {
            o.as_ref()
                .map(|o| o.index.leads.clone())
                .unwrap_or_default()
        })
    };
    let make = move |_| {
        if chosen.with_untracked(BTreeSet::is_empty) {
            problem("Choose at least one lead organisation".into());
            return;
        }
        problems.set(Vec::new());
        let Some(opened) = state.plan.opened.get_untracked() else {
            return;
        };
        let Some(plan) = current_plan(state) else {
            return;
        };
        let only_actions = only_filtered.get_untracked().then(|| {
            state.view.results.with_untracked(|r| {
                r.rows
                    .iter()
                    .filter_map(|&i| opened.index.rows.get(i))
                    .filter_map(|row| {
                        Location::Action(row.priority, row.activity, row.action).id(&opened.plan)
                    })
                    .map(str::to_owned)
                    .collect::<HashSet<_>>()
            })
        });
        let choice = PackChoice {
            leads: chosen.get_untracked(),
            only_actions,
        };
        let sent = clock::now();
        let by = state.signature();
        let pack = partner_pack(&plan, &choice, &sent, &by);
        if pack.priorities.is_empty() {
            problem("Those organisations lead nothing in the current view; choose others, or include the whole plan".into());
            return;
        }
        let name = pack_file_name(&plan.id, &choice, sent.instant().date_naive());
        match download::download_text(&name, &export_text(&pack), "application/json") {
            Ok(()) => {
                let leads = choice.leads.iter().cloned().collect::<Vec<_>>().join(", ");
                // Its return is trusted to say when it was sent only if it was sent from here.
                let unrecorded = match storage::record_pack_sent(&plan.id, &sent) {
                    Ok(()) => String::new(),
                    Err(e) => format!(" This browser could not note that it sent it ({}), so when it comes back, anything you also changed here will be yours to choose.", e.cause()),
                };
                state.messages.success(format!(
                    "Pack for {leads} downloaded as {name}.{unrecorded}"
                ));
            }
            Err(e) => problem(e.to_string()),
        }
    };
    view! {
        <section class="section" aria-labelledby="pack-title">
            <h3 class="heading-m" id="pack-title">"Export for a partner"</h3>
            <p>"The file holds only the chosen organisations' activities and actions, with the priorities and measures needed to read them. They open it in Plan Tracker, record progress, export it and send it back."</p>
            <ErrorSummary id="pack-problems" problems=problems place=SummaryPlace::Within/>
            <fieldset class="fieldset" id="pack-leads">
                <legend class="legend-s">"Lead organisations"</legend>
                {move || leads().into_iter().enumerate().map(|(i, (org, count))| {
                    let (a, b) = (org.clone(), org.clone());
                    view! {
                        <CheckboxItem id=format!("pack-lead-{i}") label=org after=Signal::stored(format!(" ({count} actions)"))
                            checked=Signal::derive(move || chosen.with(|c| c.contains(&a)))
                            on_toggle=Callback::new(move |on| chosen.update(|c| { if on { c.insert(b.clone()); } else { c.remove(&b); } }))/>
                    }
                }).collect_view()}
            </fieldset>
            <CheckboxItem id="pack-filtered" small=true
                label="Only actions in the current filtered view"
                after=Signal::derive(move || format!(" ({})", state.view.results.with(|r| r.rows.len())))
                checked=only_filtered on_toggle=Callback::new(move |on| only_filtered.set(on))/>
            <button type="button" class="button" on:click=make>"Download partner pack"</button>
        </section>
    }
}
