//! Filters, after the Ministry of Justice filter component: options with the
//! number of results each would give, the selected filters listed at the top
//! and removable one by one, and "Clear filters".

use std::collections::BTreeSet;

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::plan::dates::parse_iso_date;
use crate::query::{filter_chips, DueChoice, Filter, Sort, StatusChoice};
use crate::ui::shared::checkbox::CheckboxItem;
use crate::ui::shared::or_nothing;
use crate::ui::state::AppState;
use crate::ui::use_state;

/// Changes the filter with `change` and records it in the address.
fn change(state: AppState, push: bool, change: impl FnOnce(&mut Filter)) {
    let mut filter = state.view.filter.get_untracked();
    change(&mut filter);
    state.set_filter(filter, push);
}

fn toggle<T: Ord + Clone>(set: &mut BTreeSet<T>, value: &T, on: bool) {
    if on {
        set.insert(value.clone());
    } else {
        set.remove(value);
    }
}

/// One filter option: a checkbox with the number of results it would give.
#[component]
fn FilterOption(
    /// Unique within the page, for the label.
    id: String,
    label: String,
    #[prop(into)] count: Signal<usize>,
    #[prop(into)] checked: Signal<bool>,
    on_toggle: Callback<bool>,
) -> impl IntoView {
    view! { <CheckboxItem id label after=Signal::derive(move || format!(" ({})", count.get())) checked on_toggle/> }
}

#[component]
pub fn FilterPanel() -> impl IntoView {
    let state = use_state();
    let opened = move || state.plan.opened.get();
    let priority_options = move || {
        let Some(opened) = opened() else {
            return Vec::new();
        };
        opened.index.priorities.clone()
    };
    let lead_options = move || {
        opened()
            .map(|o| o.index.leads.keys().cloned().collect::<Vec<_>>())
            .unwrap_or_default()
    };
    let partners_on = Memo::new(move |_| state.view.filter.with(|f| !f.partners.is_empty()));
    view! {
        <div class="filter-panel" id="filter-panel" role="search" aria-label="Filter actions">
            <h2 class="heading-m">"Filter"</h2>
            <div class="form-group">
                <label class="label-s" for="filter-words">"Search words"</label>
                <p class="hint" id="filter-words-hint">"Titles, outcomes, partners, governance groups, notes and evidence"</p>
                <input class="input" type="search" id="filter-words" aria-describedby="filter-words-hint"
                    prop:value=move || state.view.filter.with(|f| f.words.clone())
                    on:input=move |ev| {
                        let words = event_target_value(&ev);
                        change(state, false, |f| f.words = words);
                    }/>
            </div>
            <fieldset class="fieldset">
                <legend class="legend-s">"Priority"</legend>
                {move || priority_options().into_iter().enumerate().map(|(i, (id, label))| {
                    let (a, b, c) = (id.clone(), id.clone(), id.clone());
                    view! {
                        <FilterOption id=format!("f-priority-{i}") label=label
                            count=Signal::derive(move || state.view.results.with(|r| r.priority_counts.get(&a).copied().unwrap_or(0)))
                            checked=Signal::derive(move || state.view.filter.with(|f| f.priorities.contains(&b)))
                            on_toggle=Callback::new(move |on| change(state, true, |f| toggle(&mut f.priorities, &c, on)))/>
                    }
                }).collect_view()}
            </fieldset>
            <fieldset class="fieldset">
                <legend class="legend-s">"Lead organisation"</legend>
                <p class="hint">"The number of actions each leads"</p>
                {move || lead_options().into_iter().enumerate().map(|(i, org)| {
                    let (a, b, c) = (org.clone(), org.clone(), org.clone());
                    view! {
                        <FilterOption id=format!("f-lead-{i}") label=org
                            count=Signal::derive(move || state.view.results.with(|r| r.lead_counts.get(&a).copied().unwrap_or(0)))
                            checked=Signal::derive(move || state.view.filter.with(|f| f.leads.contains(&b)))
                            on_toggle=Callback::new(move |on| change(state, true, |f| {
                                toggle(&mut f.leads, &c, on);
                                if !f.partners.is_empty() {
                                    toggle(&mut f.partners, &c, on);
                                }
                            }))/>
                    }
                }).collect_view()}
                <CheckboxItem id="f-partners" label="Include activities where they are a partner" small=true checked=partners_on
                    on_toggle=Callback::new(move |on| change(state, true, |f| f.partners = if on { f.leads.clone() } else { BTreeSet::new() }))/>
            </fieldset>
            <fieldset class="fieldset">
                <legend class="legend-s">"Deadline"</legend>
                {DueChoice::ALL.into_iter().map(|choice| view! {
                    <FilterOption id=format!("f-due-{}", choice.code()) label=choice.label().to_owned()
                        count=Signal::derive(move || state.view.results.with(|r| r.due_counts.get(&choice).copied().unwrap_or(0)))
                        checked=Signal::derive(move || state.view.filter.with(|f| f.due.contains(&choice)))
                        on_toggle=Callback::new(move |on| change(state, true, |f| toggle(&mut f.due, &choice, on)))/>
                }).collect_view()}
                <div class="date-range">
                    <DateInput id="f-from" label="Due from" value=Signal::derive(move || state.view.filter.with(|f| f.from))
                        on_set=Callback::new(move |d| change(state, true, |f| f.from = d))/>
                    <DateInput id="f-to" label="Due by" value=Signal::derive(move || state.view.filter.with(|f| f.to))
                        on_set=Callback::new(move |d| change(state, true, |f| f.to = d))/>
                </div>
            </fieldset>
            <fieldset class="fieldset">
                <legend class="legend-s">"Status"</legend>
                {StatusChoice::all().map(|choice| view! {
                    <FilterOption id=format!("f-status-{}", choice.code()) label=choice.label().to_owned()
                        count=Signal::derive(move || state.view.results.with(|r| r.status_counts.get(&choice).copied().unwrap_or(0)))
                        checked=Signal::derive(move || state.view.filter.with(|f| f.statuses.contains(&choice)))
                        on_toggle=Callback::new(move |on| change(state, true, |f| toggle(&mut f.statuses, &choice, on)))/>
                }).collect_view()}
            </fieldset>
            <div class="form-group">
                <label class="label-s" for="f-sort">"Show results"</label>
                <select class="select" id="f-sort" on:change=move |ev| {
                    let sort = Sort::from_code(&event_target_value(&ev)).unwrap_or_default();
                    change(state, true, |f| f.sort = sort);
                }>
                    {Sort::ALL.into_iter().map(|sort| view! {
                        <option value=sort.code() selected=move || state.view.filter.with(|f| f.sort == sort)>{sort.label()}</option>
                    }).collect_view()}
                </select>
            </div>
        </div>
    }
}

#[component]
fn DateInput(
    id: &'static str,
    label: &'static str,
    #[prop(into)] value: Signal<Option<NaiveDate>>,
    on_set: Callback<Option<NaiveDate>>,
) -> impl IntoView {
    view! {
        <div class="form-group form-group--inline">
            <label class="label-s" for=id>{label}</label>
            <input class="input input--date" type="date" id=id
                prop:value=move || value.get().map(|d| d.to_string()).unwrap_or_default()
                on:change=move |ev| on_set.run(parse_iso_date(&event_target_value(&ev)))/>
        </div>
    }
}

/// The filters in force, each removable, and "Clear filters".
#[component]
pub fn SelectedFilters() -> impl IntoView {
    let state = use_state();
    let chips = move || {
        let filter = state.view.filter.get();
        state
            .plan
            .opened
            .with(|o| o.as_ref().map(|o| filter_chips(&filter, &o.index)))
            .unwrap_or_default()
    };
    move || {
        let chips = chips();
        or_nothing((!chips.is_empty()).then(|| view! {
            <div class="selected-filters">
                <h2 class="heading-s">"Selected filters"</h2>
                <ul class="selected-filters__list">
                    {chips.into_iter().map(|(label, without)| view! {
                        <li>
                            <button type="button" class="filter-tag" on:click=move |_| state.set_filter(without.clone(), true)>
                                <span class="visually-hidden">"Remove filter "</span>{label}
                            </button>
                        </li>
                    }).collect_view()}
                </ul>
                <button type="button" class="link-button" on:click=move |_| {
                    let cleared = state.view.filter.with_untracked(Filter::cleared);
                    state.set_filter(cleared, true);
                }>"Clear filters"</button>
            </div>
        }))
    }
}
