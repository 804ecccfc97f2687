//! The matching actions: grouped under their priority and activity in plan
//! order, or as one flat list. Only the first page is drawn, with more as the
//! list is scrolled or on request, so a 20,000-action plan opens and filters
//! as fast as a small one. Lists are keyed, so a form someone is filling in
//! survives changes elsewhere.

use leptos::prelude::*;

use super::action_item::ActionItem;
use super::activity_card::ActivityCard;
use super::state::PAGE_SIZE;
use super::{long_date, state};
use crate::browser::visibility;
use crate::plan::present;
use crate::query::Sort;

/// The shown rows of one priority, by activity.
#[derive(Debug, Clone, PartialEq)]
struct PriorityGroup {
    priority: usize,
    activities: Vec<(usize, Vec<usize>)>,
}

#[component]
pub fn ResultsList() -> impl IntoView {
    let state = state();
    let sort = Memo::new(move |_| state.filter.with(|f| f.sort));
    let shown_rows = Memo::new(move |_| {
        let shown = state.shown.get();
        state.results.with(|r| r.rows.iter().take(shown).copied().collect::<Vec<_>>())
    });
    let groups = Memo::new(move |_| {
        let Some(opened) = state.opened.get() else { return Vec::new() };
        let mut groups: Vec<PriorityGroup> = Vec::new();
        for &r in shown_rows.get().iter() {
            let Some(row) = opened.index.rows.get(r) else { continue };
            if groups.last().is_none_or(|g| g.priority != row.priority) {
                groups.push(PriorityGroup { priority: row.priority, activities: Vec::new() });
            }
            if let Some(group) = groups.last_mut() {
                match group.activities.last_mut() {
                    Some((ai, rows)) if *ai == row.activity => rows.push(r),
                    _ => group.activities.push((row.activity, vec![r])),
                }
            }
        }
        groups
    });
    let remaining = move || state.results.with(|r| r.rows.len()).saturating_sub(state.shown.get());
    view! {
        <Show when=move || shown_rows.with(Vec::is_empty)>
            <div class="empty">
                <h3 class="heading-s">"No actions match these filters"</h3>
                <p>"Remove a filter, or clear them all, to see more."</p>
            </div>
        </Show>
        {move || match sort.get() {
            Sort::Plan => view! {
                <For each=move || groups.get() key=|g| g.priority let:group>
                    <PrioritySection priority=group.priority
                        activities=Signal::derive(move || groups.with(|gs| gs.iter().find(|g| g.priority == group.priority).map(|g| g.activities.clone()).unwrap_or_default()))/>
                </For>
            }.into_any(),
            _ => view! {
                <ol class="action-list action-list--flat">
                    <For each=move || shown_rows.get() key=|r| *r let:row>
                        <ActionItem row=row with_context=true/>
                    </For>
                </ol>
            }.into_any(),
        }}
        <Show when=move || { remaining() > 0 }>
            <ShowMore remaining=Signal::derive(remaining)/>
        </Show>
    }
}

/// "Show 10 more actions", which also draws the next page by itself as it
/// comes into view, so scrolling down a long list just carries on.
#[component]
fn ShowMore(#[prop(into)] remaining: Signal<usize>) -> impl IntoView {
    let state = state();
    let show_more = move || state.shown.update(|s| *s += PAGE_SIZE);
    let area: NodeRef<leptos::html::Div> = NodeRef::new();
    area.on_load(move |element| {
        // Kept with this component, and dropped (no longer watching) with it.
        StoredValue::new_local(visibility::watch(&element, show_more));
    });
    view! {
        <div class="show-more" node_ref=area>
            <button type="button" class="button button--secondary" on:click=move |_| show_more()>
                {move || format!("Show {} more actions", remaining.get().min(PAGE_SIZE))}
            </button>
            <p class="hint">{move || format!("{} more match these filters", remaining.get())}</p>
        </div>
    }
}

/// A priority: its title, outcomes and success, roll-up, and its activities.
#[component]
fn PrioritySection(priority: usize, #[prop(into)] activities: Signal<Vec<(usize, Vec<usize>)>>) -> impl IntoView {
    let state = state();
    let Some(opened) = state.opened.get_untracked() else { return ().into_any() };
    let Some(p) = opened.plan.priorities.get(priority) else { return ().into_any() };
    let heading_id = format!("priority-{}", priority + 1);
    let labelled_by = heading_id.clone();
    let title = match present(&p.number) {
        Some(n) => format!("Priority {n}: {}", p.title),
        None => p.title.clone(),
    };
    let outcomes = p.outcomes.clone().unwrap_or_default();
    let success = p.success.clone().unwrap_or_default();
    let has_detail = !outcomes.is_empty() || !success.is_empty() || present(&p.summary).is_some();
    let detail_label = format!(
        "Outcomes ({}) and what success looks like ({})",
        outcomes.len(),
        success.len()
    );
    let rollup = move || state.rollups.with(|r| r.priority(priority));
    view! {
        <section class="priority" aria-labelledby=labelled_by>
            <h2 class="heading-l priority__title" id=heading_id>{title}</h2>
            <p class="rollup">{move || super::activity_card::rollup_text(&rollup())}</p>
            {has_detail.then(|| view! {
                <details class="details">
                    <summary class="details__summary">{if present(&p.summary).is_some() && outcomes.is_empty() && success.is_empty() { "Why this matters".to_owned() } else { detail_label }}</summary>
                    <div class="details__text">
                        {present(&p.summary).map(|s| s.split("\n\n").map(|para| view! { <p>{para.to_owned()}</p> }).collect_view())}
                        {(!outcomes.is_empty()).then(|| view! {
                            <h3 class="heading-s">"What are our outcomes?"</h3>
                            <ul class="list list--bullet">{outcomes.into_iter().map(|o| view! { <li>{o}</li> }).collect_view()}</ul>
                        })}
                        {(!success.is_empty()).then(|| view! {
                            <h3 class="heading-s">"What will success look like?"</h3>
                            <ul class="list list--bullet">{success.into_iter().map(|o| view! { <li>{o}</li> }).collect_view()}</ul>
                        })}
                    </div>
                </details>
            })}
            <For each=move || activities.get() key=|(ai, _)| *ai let:activity>
                <ActivityCard priority=priority activity=activity.0
                    rows=Signal::derive(move || activities.with(|a| a.iter().find(|(x, _)| *x == activity.0).map(|(_, r)| r.clone()).unwrap_or_default()))/>
            </For>
        </section>
    }
    .into_any()
}

/// "March 2017 (31 March 2017)", or the label alone when no date is understood.
pub fn deadline_text(label: Option<&str>, date: Option<chrono::NaiveDate>, start: Option<chrono::NaiveDate>) -> String {
    let understood = match (start, date) {
        (Some(s), Some(d)) => Some(format!("{} to {}", long_date(s), long_date(d))),
        (None, Some(d)) => Some(long_date(d)),
        (Some(s), None) => Some(format!("starts {}", long_date(s))),
        (None, None) => None,
    };
    match (label, understood) {
        (Some(l), Some(u)) => format!("{l} ({u})"),
        (Some(l), None) => format!("{l} (no date set)"),
        (None, Some(u)) => u,
        (None, None) => "No date set".to_owned(),
    }
}
