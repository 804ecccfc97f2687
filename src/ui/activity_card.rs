//! A key activity as a GOV.UK summary card: who leads it, with whom, who
//! governs it, how its actions stand, and the actions that match.

use leptos::prelude::*;

use super::action_item::ActionItem;
use super::history::History;
use super::progress_form::UpdateProgress;
use super::state;
use super::status_tag::StatusTag;
use crate::plan::{present, Status};
use crate::progress::{current_progress, Rollup};
use crate::ui::state::View;

/// "3 actions: 1 on track, 1 off track, 1 no status yet. Average 45% complete."
pub fn rollup_text(rollup: &Rollup) -> String {
    let mut parts: Vec<String> = Status::ALL
        .iter()
        .filter_map(|s| {
            let n = rollup.count(*s);
            (n > 0).then(|| format!("{n} {}", s.label().to_lowercase()))
        })
        .collect();
    if rollup.no_status > 0 {
        parts.push(format!("{} no status yet", rollup.no_status));
    }
    let noun = if rollup.actions == 1 { "action" } else { "actions" };
    let mut text = format!("{} {noun}", rollup.actions);
    if !parts.is_empty() {
        text.push_str(": ");
        text.push_str(&parts.join(", "));
    }
    text.push('.');
    if let Some(avg) = rollup.average_percent {
        text.push_str(&format!(" Average {avg}% complete."));
    }
    text
}

#[component]
pub fn ActivityCard(priority: usize, activity: usize, #[prop(into)] rows: Signal<Vec<usize>>) -> impl IntoView {
    let state = state();
    let Some(opened) = state.opened.get_untracked() else { return ().into_any() };
    // Borrowed: cloning the activity would copy all its actions and notes.
    let Some(a) = opened.plan.priorities.get(priority).and_then(|p| p.activities().get(activity)) else {
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
        let base = plan.priorities.get(priority).and_then(|p| p.activities().get(activity)).and_then(|a| a.progress.as_ref());
        state.edits_by_item.with(|edits| current_progress(base, edits.get(&item).into_iter().flatten()))
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
    let mut rows_list: Vec<(&'static str, String)> = vec![("Lead organisation", lead.unwrap_or_else(|| "No lead set".into()))];
    if !partners.is_empty() {
        rows_list.push(("Partners", partners));
    }
    if let Some(g) = present(&a.governance_group) {
        rows_list.push(("Governance group", g.to_owned()));
    }
    if let Some(s) = present(&a.strategic_plan) {
        rows_list.push(("Strategic plan", s.to_owned()));
    }
    let rollup = move || state.rollups.with(|r| r.activity(priority, activity));
    view! {
        <section class="summary-card" aria-labelledby=labelled_by>
            <div class="summary-card__title-wrapper">
                <h3 class="summary-card__title" id=heading_id>{title}</h3>
                {move || view! { <StatusTag status=progress.get().and_then(|p| p.status)/> }}
            </div>
            <div class="summary-card__content">
                <dl class="summary-list">
                    {rows_list.into_iter().map(|(k, v)| view! {
                        <div class="summary-list__row"><dt class="summary-list__key">{k}</dt><dd class="summary-list__value">{v}</dd></div>
                    }).collect_view()}
                    {(!measures.is_empty()).then(|| view! {
                        <div class="summary-list__row">
                            <dt class="summary-list__key">"Measures"</dt>
                            <dd class="summary-list__value">
                                <ul class="list">
                                    {measures.into_iter().map(|(mid, mtitle)| view! {
                                        <li><a href=format!("#measure-{mid}") on:click=move |_| state.set_view(View::Measures)>{mtitle}</a></li>
                                    }).collect_view()}
                                </ul>
                            </dd>
                        </div>
                    })}
                    <div class="summary-list__row">
                        <dt class="summary-list__key">"Progress"</dt>
                        <dd class="summary-list__value">
                            {move || rollup_text(&rollup())}
                            {move || progress.get().and_then(|p| p.percent).map(|p| format!(" Activity {p}% complete."))}
                        </dd>
                    </div>
                </dl>
                <History item_id=id.clone() progress=Signal::derive(move || progress.get())/>
                <UpdateProgress item_id=id.clone() button_for=format!("for activity {}", a.title) item_title=a.title.clone()
                    current=Signal::derive(move || progress.get())/>
                <h4 class="heading-s">"Key actions"</h4>
                <ol class="action-list">
                    <For each=move || rows.get() key=|r| *r let:row>
                        <ActionItem row=row with_context=false/>
                    </For>
                </ol>
            </div>
        </section>
    }
    .into_any()
}
