//! Performance measures: baseline, targets, the latest value, comparators,
//! the priorities each evidences, the history of values, and adding a value.

use leptos::prelude::*;

use super::person_form::PersonForm;
use super::plan_header::PlanHeader;
use super::{long_moment, state};
use crate::plan::figure::{parse_figure, Figure};
use crate::plan::{present, Direction, Measure, MeasureRole, MeasureValue};
use crate::progress::{current_measure, Change, ValueDraft};

/// "76.9% (2009/10)" as the plan wrote it, else the number with its unit.
pub fn value_text(value: &MeasureValue, unit: Option<&str>) -> String {
    let main = match (present(&value.text), value.value.as_ref().map(Figure::text)) {
        (Some(text), _) => text.to_owned(),
        (None, Some(n)) => match unit {
            Some("%") => format!("{n}%"),
            Some(u) => format!("{n} {u}"),
            None => n.to_owned(),
        },
        (None, None) => "No figure".to_owned(),
    };
    match present(&value.period) {
        Some(period) => format!("{main}, {period}"),
        None => main,
    }
}

const MEASURES_PAGE: usize = 50;

#[component]
pub fn MeasuresPage() -> impl IntoView {
    let state = state();
    let shown = RwSignal::new(MEASURES_PAGE);
    let count = move || state.opened.with(|o| o.as_ref().map_or(0, |o| o.plan.measures().len()));
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
    let state = state();
    let Some(opened) = state.opened.get_untracked() else { return ().into_any() };
    let Some(base) = opened.plan.measures().get(index).cloned() else { return ().into_any() };
    let id = base.id.clone();
    let item = id.clone();
    let measure = Memo::new(move |_| {
        let edits = state.edits_by_item.get();
        current_measure(&base, edits.get(&item).into_iter().flatten())
    });
    let priorities = opened.plan.priorities.clone();
    let adding = RwSignal::new(false);
    let heading = format!("measure-{id}");
    let title_id = format!("{heading}-title");
    let labelled_by = title_id.clone();
    view! {
        <section class="summary-card" id=heading aria-labelledby=labelled_by>
            {move || {
                let m: Measure = measure.get();
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
                    let name = priorities.iter().find(|p| p.id == l.id).map(|p| match present(&p.number) {
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
            }}
            <div class="summary-card__content">
                <Show when=move || !adding.get()>
                    <button type="button" class="button button--secondary button--small" on:click=move |_| adding.set(true)>"Add a value"</button>
                </Show>
                <Show when=move || adding.get()>
                    <ValueForm measure_id=id.clone() on_done=Callback::new(move |_| adding.set(false))/>
                </Show>
            </div>
        </section>
    }
    .into_any()
}

#[component]
fn ValueForm(measure_id: String, on_done: Callback<()>) -> impl IntoView {
    let state = state();
    let key = measure_id.replace(|c: char| !c.is_alphanumeric(), "-");
    let period = RwSignal::new(String::new());
    let number = RwSignal::new(String::new());
    let words = RwSignal::new(String::new());
    let error = RwSignal::new(None::<(String, String)>);
    let (f_period, f_number, f_words) = (format!("period-{key}"), format!("number-{key}"), format!("words-{key}"));
    let (fp, fn_) = (f_period.clone(), f_number.clone());
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = number.get_untracked();
        let value = match typed.trim() {
            "" => None,
            n => match parse_figure(n).and_then(Figure::new) {
                Some(v) => Some(v),
                None => {
                    error.set(Some((fn_.clone(), "Enter the figure as a number, such as 41.5; put anything else in words".into())));
                    return;
                }
            },
        };
        let text = Some(words.get_untracked().trim().to_owned()).filter(|t| !t.is_empty());
        let period_text = Some(period.get_untracked().trim().to_owned()).filter(|t| !t.is_empty());
        if period_text.is_none() {
            error.set(Some((fp.clone(), "Enter the period the value is for, such as 2016/17 Q2".into())));
            return;
        }
        if value.is_none() && text.is_none() {
            error.set(Some((fn_.clone(), "Enter a figure, words, or both".into())));
            return;
        }
        let draft = ValueDraft { period: period_text, value, text, date: None };
        if state.record(vec![Change::AddMeasureValue { measure: measure_id.clone(), value: draft }]) {
            on_done.run(());
        }
    };
    view! {
        <Show when=move || state.person.with(Option::is_some) fallback=|| view! { <PersonForm/> }>
            <form class="progress-form" on:submit=save.clone() novalidate>
                {move || error.get().map(|(id, m)| view! {
                    <div class="error-summary" role="alert">
                        <h2 class="error-summary__title">"There is a problem"</h2>
                        <ul class="error-summary__list"><li><a href=format!("#{id}")>{m}</a></li></ul>
                    </div>
                })}
                <div class="form-group">
                    <label class="label-s" for=f_period.clone()>"Period"</label>
                    <p class="hint">"For example, 2016/17 Q2"</p>
                    <input class="input input--width-10" type="text" id=f_period.clone() prop:value=period on:input=move |ev| period.set(event_target_value(&ev))/>
                </div>
                <div class="form-group">
                    <label class="label-s" for=f_number.clone()>"Figure"</label>
                    <input class="input input--width-10" type="text" inputmode="decimal" id=f_number.clone() prop:value=number on:input=move |ev| number.set(event_target_value(&ev))/>
                </div>
                <div class="form-group">
                    <label class="label-s" for=f_words.clone()>"In words (optional)"</label>
                    <p class="hint">"As the report words it, such as \"564 (87)\" or \"Not available yet\""</p>
                    <input class="input" type="text" id=f_words.clone() prop:value=words on:input=move |ev| words.set(event_target_value(&ev))/>
                </div>
                <div class="button-group">
                    <button type="submit" class="button">"Save value"</button>
                    <button type="button" class="link-button" on:click=move |_| on_done.run(())>"Cancel"</button>
                </div>
            </form>
        </Show>
    }
}
