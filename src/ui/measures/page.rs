//! Performance measures: baseline, targets, the latest value, comparators,
//! the priorities each evidences, the history of values, and adding a value.

use leptos::prelude::*;

use super::value_form::ValueForm;
use crate::plan::dates::long_moment;
use crate::plan::figure::value_text;
use crate::plan::{present, Direction, Measure, MeasureRole};
use crate::progress::current_measure;
use crate::ui::shared::in_place::focus_once_drawn;
use crate::ui::shared::plan_header::PlanHeader;
use crate::ui::use_state;

const MEASURES_PAGE: usize = 50;

#[component]
pub fn MeasuresPage() -> impl IntoView {
    let state = use_state();
    let shown = RwSignal::new(MEASURES_PAGE);
    let count = move || {
        state
            .plan
            .opened
            .with(|o| o.as_ref().map_or(0, |o| o.plan.measures().len()))
    };
    let visible = move || -> Vec<usize> { (0..count().min(shown.get())).collect() };
    view! {
        <PlanHeader/>
        <h2 class="heading-l">"Performance measures"</h2>
        <Show when=move || count() == 0>
            <p class="body">"This plan has no performance measures."</p>
        </Show>
        <For each=visible key=|i| *i let:i>
            <MeasureCard index=i/>
        </For>
        <Show when=move || { count() > shown.get() }>
            <button type="button" class="button button--secondary" on:click=move |_| shown.update(|s| *s += MEASURES_PAGE)>
                {move || format!("Show more measures ({} not shown)", count() - shown.get())}
            </button>
        </Show>
    }
}

#[component]
fn MeasureCard(index: usize) -> impl IntoView {
    let state = use_state();
    let Some(opened) = state.plan.opened.get_untracked() else {
        return ().into_any();
    };
    let Some(base) = opened.plan.measures().get(index) else {
        return ().into_any();
    };
    let id = base.id.clone();
    let item = id.clone();
    // The card shares the opened plan: it looks its measure and the
    // priorities up there, and copies only the measure it shows.
    let plan = opened.plan.clone();
    let measure = Memo::new(move |_| {
        let edits = state.plan.edits_by_item.get();
        plan.measures()
            .get(index)
            .map(|base| current_measure(base, edits.get(&item).into_iter().flatten()))
    });
    let plan = opened.plan.clone();
    let adding = RwSignal::new(false);
    let opener = StoredValue::new(format!("add-value-{id}"));
    let heading = format!("measure-{id}");
    let title_id = format!("{heading}-title");
    let labelled_by = title_id.clone();
    view! {
        <section class="summary-card" id=heading aria-labelledby=labelled_by>
            {move || {
                let Some(m): Option<Measure> = measure.get() else { return ().into_any() };
                let unit = m.unit.clone();
                let unit = unit.as_deref();
                let title = match present(&m.number) {
                    Some(n) => format!("{n} {}", m.title),
                    None => m.title.clone(),
                };
                let mut rows: Vec<(&'static str, String)> = Vec::new();
                if let Some(d) = present(&m.description) { rows.push(("About", d.to_owned())); }
                if let Some(u) = unit { rows.push(("Unit", u.to_owned())); }
                if let Some(d) = m.direction { rows.push(("Better is", if d == Direction::Up { "Higher".into() } else { "Lower".into() })); }
                if let Some(f) = present(&m.frequency) { rows.push(("Reported", f.to_owned())); }
                if let Some(r) = present(&m.responsible) { rows.push(("Provided by", r.to_owned())); }
                if let Some(b) = &m.baseline { rows.push(("Baseline", value_text(b, unit))); }
                if !m.targets().is_empty() {
                    rows.push(("Target", m.targets().iter().map(|t| value_text(t, unit)).collect::<Vec<_>>().join("; ")));
                }
                rows.push(("Latest value", m.values().last().map(|v| value_text(v, unit)).unwrap_or_else(|| "None reported yet".into())));
                for c in m.comparators() {
                    let figure = present(&c.text).map(str::to_owned).or(c.value.as_ref().map(|f| f.text().to_owned())).unwrap_or_default();
                    let period = present(&c.period).map(|p| format!(", {p}")).unwrap_or_default();
                    rows.push(("Comparator", format!("{}: {figure}{period}", c.name)));
                }
                let links: Vec<String> = m.priorities.iter().flatten().map(|l| {
                    let name = plan.priorities.iter().find(|p| p.id == l.id).map(|p| match present(&p.number) {
                        Some(n) => format!("Priority {n}"),
                        None => p.title.clone(),
                    }).unwrap_or_else(|| l.id.clone());
                    match l.role { Some(MeasureRole::Additional) => format!("{name} (additional)"), _ => name }
                }).collect();
                if !links.is_empty() { rows.push(("Evidences", links.join(", "))); }
                let history: Vec<String> = m.values().iter().rev().map(|v| {
                    let who = match (&v.at, present(&v.by)) {
                        (Some(at), Some(by)) => format!(" (added {} by {by})", long_moment(at)),
                        (Some(at), None) => format!(" (added {})", long_moment(at)),
                        _ => String::new(),
                    };
                    format!("{}{who}", value_text(v, unit))
                }).collect();
                view! {
                    <div class="summary-card__title-wrapper"><h3 class="summary-card__title" id=title_id.clone()>{title}</h3></div>
                    <div class="summary-card__content">
                        <dl class="summary-list">
                            {rows.into_iter().map(|(k, v)| view! { <div class="summary-list__row"><dt class="summary-list__key">{k}</dt><dd class="summary-list__value">{v}</dd></div> }).collect_view()}
                        </dl>
                        {(history.len() > 1).then(|| view! {
                            <details class="details">
                                <summary class="details__summary">{format!("All values ({})", history.len())}</summary>
                                <ol class="details__text list">{history.into_iter().map(|h| view! { <li>{h}</li> }).collect_view()}</ol>
                            </details>
                        })}
                    </div>
                }
                .into_any()
            }}
            <div class="summary-card__content">
                <Show when=move || !adding.get()>
                    <button type="button" class="button button--secondary button--small" id=opener.get_value() on:click=move |_| adding.set(true)>"Add a value"</button>
                </Show>
                <Show when=move || adding.get()>
                    <ValueForm measure_id=id.clone() on_done=Callback::new(move |_| {
                        adding.set(false);
                        focus_once_drawn(opener.get_value());
                    })/>
                </Show>
            </div>
        </section>
    }
    .into_any()
}
