//! "Export for a partner": a plan file holding one or more lead
//! organisations' activities and actions, to email to them.

use std::collections::{BTreeSet, HashSet};

use leptos::prelude::*;

use super::exchange_page::current_plan;
use super::state;
use crate::browser::{clock, download};
use crate::exchange::{export_text, pack_file_name, partner_pack, PackChoice};
use crate::progress::Location;

#[component]
pub fn PartnerPack() -> impl IntoView {
    let state = state();
    let chosen: RwSignal<BTreeSet<String>> = RwSignal::new(BTreeSet::new());
    let only_filtered = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let leads = move || state.opened.with(|o| o.as_ref().map(|o| o.index.leads.clone()).unwrap_or_default());
    let make = move |_| {
        if chosen.with_untracked(BTreeSet::is_empty) {
            error.set(Some("Choose at least one lead organisation".into()));
            return;
        }
        error.set(None);
        let Some(opened) = state.opened.get_untracked() else { return };
        let Some(plan) = current_plan(state) else { return };
        let only_actions = only_filtered.get_untracked().then(|| {
            state.results.with_untracked(|r| {
                r.rows
                    .iter()
                    .filter_map(|&i| opened.index.rows.get(i))
                    .filter_map(|row| Location::Action(row.priority, row.activity, row.action).id(&opened.plan))
                    .map(str::to_owned)
                    .collect::<HashSet<_>>()
            })
        });
        let choice = PackChoice { leads: chosen.get_untracked(), only_actions };
        let sent = clock::now();
        let by = state.signature();
        let pack = partner_pack(&plan, &choice, &sent, &by);
        if pack.priorities.is_empty() {
            error.set(Some("Those organisations lead nothing in the current view; choose others, or include the whole plan".into()));
            return;
        }
        let name = pack_file_name(&plan.id, &choice, sent.instant().date_naive());
        match download::download_text(&name, &export_text(&pack), "application/json") {
            Ok(()) => state.success.set(Some(format!("Pack for {} downloaded as {name}", choice.leads.iter().cloned().collect::<Vec<_>>().join(", ")))),
            Err(e) => error.set(Some(e.to_string())),
        }
    };
    view! {
        <section class="section" aria-labelledby="pack-title">
            <h3 class="heading-m" id="pack-title">"Export for a partner"</h3>
            <p>"The file holds only the chosen organisations' activities and actions, with the priorities and measures needed to read them. They open it in Plan Tracker, record progress, export it and send it back."</p>
            {move || error.get().map(|m| view! {
                <div class="error-summary" role="alert">
                    <h2 class="error-summary__title">"There is a problem"</h2>
                    <ul class="error-summary__list"><li><a href="#pack-leads">{m}</a></li></ul>
                </div>
            })}
            <fieldset class="fieldset" id="pack-leads">
                <legend class="legend-s">"Lead organisations"</legend>
                {move || leads().into_iter().enumerate().map(|(i, (org, count))| {
                    let id = format!("pack-lead-{i}");
                    let (a, b) = (org.clone(), org.clone());
                    view! {
                        <div class="checkbox">
                            <input class="checkbox__input" type="checkbox" id=id.clone()
                                prop:checked=move || chosen.with(|c| c.contains(&a))
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    chosen.update(|c| { if on { c.insert(b.clone()); } else { c.remove(&b); } });
                                }/>
                            <label class="checkbox__label" for=id>{org}<span class="count">{format!(" ({count} actions)")}</span></label>
                        </div>
                    }
                }).collect_view()}
            </fieldset>
            <div class="checkbox checkbox--small">
                <input class="checkbox__input" type="checkbox" id="pack-filtered" prop:checked=only_filtered
                    on:change=move |ev| only_filtered.set(event_target_checked(&ev))/>
                <label class="checkbox__label" for="pack-filtered">
                    {move || format!("Only actions in the current filtered view ({})", state.results.with(|r| r.rows.len()))}
                </label>
            </div>
            <button type="button" class="button" on:click=make>"Download partner pack"</button>
        </section>
    }
}
