//! A priority: its title, outcomes and success, roll-up, and its activities.

use leptos::prelude::*;

use super::activity_card::ActivityCard;
use crate::plan::present;
use crate::ui::use_state;

#[component]
pub fn PrioritySection(
    priority: usize,
    #[prop(into)] activities: Signal<Vec<(usize, Vec<usize>)>>,
) -> impl IntoView {
    let state = use_state();
    let Some(opened) = state.plan.opened.get_untracked() else {
        return ().into_any();
    };
    let Some(p) = opened.plan.priorities.get(priority) else {
        return ().into_any();
    };
    let heading_id = format!("priority-{}", priority + 1);
    let labelled_by = heading_id.clone();
    let title = match present(&p.number) {
        Some(n) => format!("Priority {n}: {}", p.title),
        None => p.title.clone(),
    };
    let outcomes = p.outcomes.clone().unwrap_or_default();
    let success = p.success.clone().unwrap_or_default();
    let summary = present(&p.summary).map(str::to_owned);
    let detail_label = if summary.is_some() && outcomes.is_empty() && success.is_empty() {
        "Why this matters".to_owned()
    } else {
        format!(
            "Outcomes ({}) and what success looks like ({})",
            outcomes.len(),
            success.len()
        )
    };
    let has_detail = !outcomes.is_empty() || !success.is_empty() || summary.is_some();
    let rollup = move || {
        let all = state.plan.rollups.with(|r| r.priority(priority).actions);
        state
            .view
            .shown_rollups
            .with(|r| r.priority(priority).summary_of(all))
    };
    view! {
        <section class="priority" aria-labelledby=labelled_by>
            <h2 class="heading-l priority__title" id=heading_id>{title}</h2>
            <p class="rollup">{rollup}</p>
            {has_detail.then(|| view! {
                <details class="details">
                    <summary class="details__summary">{detail_label}</summary>
                    <div class="details__text">
                        {summary.map(|s| s.split("\n\n").map(|para| view! { <p>{para.to_owned()}</p> }).collect_view())}
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
