//! A key activity as a GOV.UK summary card: who leads it, with whom, who
//! governs it, what the plan remarks of it, how its actions stand, and the
//! actions that match.

use leptos::prelude::*;

use super::action_item::ActionItem;
use crate::plan::present;
use crate::progress::current_progress;
use crate::ui::recording::{History, UpdateProgress};
use crate::ui::shared::status_tag::StatusTag;
use crate::ui::state::Page;
use crate::ui::use_state;

#[component]
pub fn ActivityCard(
    priority: usize,
    activity: usize,
    #[prop(into)] rows: Signal<Vec<usize>>,
) -> impl IntoView {
    let state = use_state();
    let Some(opened) = state.plan.opened.get_untracked() else {
        return ().into_any();
    };
    // Borrowed: cloning the activity would copy all its actions and notes.
    let Some(a) = opened.plan.activity(priority, activity) else {
        return ().into_any();
    };
    let id = a.id.clone();
    let title = match present(&a.number) {
        Some(n) => format!("{n}. {}", a.title),
        None => a.title.clone(),
    };
    let heading_id = format!("activity-{}", a.id);
    let labelled_by = heading_id.clone();
    let plan = opened.plan.clone();
    let item = id.clone();
    let progress = Memo::new(move |_| {
        let base = plan
            .activity(priority, activity)
            .and_then(|a| a.progress.as_ref());
        state
            .plan
            .edits_by_item
            .with(|edits| current_progress(base, edits.get(&item).into_iter().flatten()))
    });
    let lead = a.lead.as_ref().map(|l| {
        let mut text = l.organisation.clone();
        for part in [&l.team, &l.officer].into_iter().filter_map(present) {
            text.push_str(", ");
            text.push_str(part);
        }
        text
    });
    let partners = a.partners().join(", ");
    let measures: Vec<(String, String)> = a
        .measure_ids()
        .iter()
        .filter_map(|mid| opened.plan.measures().iter().find(|m| &m.id == mid))
        .map(|m| (m.id.clone(), m.title.clone()))
        .collect();
    let mut facts: Vec<(&'static str, String)> = vec![(
        "Lead organisation",
        lead.unwrap_or_else(|| "No lead set".into()),
    )];
    if !partners.is_empty() {
        facts.push(("Partners", partners));
    }
    if let Some(g) = present(&a.governance_group) {
        facts.push(("Governance group", g.to_owned()));
    }
    if let Some(s) = present(&a.strategic_plan) {
        facts.push(("Strategic plan", s.to_owned()));
    }
    if let Some(r) = present(&a.remarks) {
        facts.push(("Remarks", r.to_owned()));
    }
    let has_actions = !a.actions().is_empty();
    let rollup = move || state.plan.rollups.with(|r| r.activity(priority, activity));
    view! {
        <section class="summary-card" aria-labelledby=labelled_by>
            <div class="summary-card__title-wrapper">
                <h3 class="summary-card__title" id=heading_id tabindex="-1">{title}</h3>
                {move || view! { <StatusTag status=progress.get().and_then(|p| p.status)/> }}
            </div>
            <div class="summary-card__content">
                <dl class="summary-list">
                    {facts.into_iter().map(|(k, v)| view! {
                        <div class="summary-list__row"><dt class="summary-list__key">{k}</dt><dd class="summary-list__value">{v}</dd></div>
                    }).collect_view()}
                    {(!measures.is_empty()).then(|| view! {
                        <div class="summary-list__row">
                            <dt class="summary-list__key">"Measures"</dt>
                            <dd class="summary-list__value">
                                <ul class="list">
                                    {measures.into_iter().map(|(mid, mtitle)| view! {
                                        <li><a href=format!("#measure-{mid}") on:click=move |_| state.set_page(Page::Measures)>{mtitle}</a></li>
                                    }).collect_view()}
                                </ul>
                            </dd>
                        </div>
                    })}
                    <div class="summary-list__row">
                        <dt class="summary-list__key">"Progress"</dt>
                        <dd class="summary-list__value">
                            {move || rollup().summary()}
                            {move || progress.get().and_then(|p| p.percent).map(|p| format!(" Activity {p}% complete."))}
                        </dd>
                    </div>
                </dl>
                <History item_id=id.clone() progress=Signal::derive(move || progress.get())/>
                <UpdateProgress item_id=id.clone() button_for=format!("for activity {}", a.title) item_title=a.title.clone()
                    current=Signal::derive(move || progress.get())/>
                <h4 class="heading-s">"Key actions"</h4>
                {if has_actions {
                    view! {
                        <ol class="action-list">
                            <For each=move || rows.get() key=|r| *r let:row>
                                <ActionItem row=row with_context=false/>
                            </For>
                        </ol>
                    }.into_any()
                } else {
                    view! { <p class="hint">"The plan lists no key actions for this activity yet."</p> }.into_any()
                }}
            </div>
        </section>
    }
    .into_any()
}
