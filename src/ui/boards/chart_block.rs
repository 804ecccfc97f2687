//! One chart, with its title and the table that says the same: drawn by
//! ECharts once it is here, redrawn in place when the figures change, and
//! each bar or slice (and each table row) a way to filter by what it is.

use leptos::html;
use leptos::prelude::*;

use crate::browser::charts::{self, ChartsError, Drawn};
use crate::report::charts::{options_json, ChartView};
use crate::report::figures::Choice;

/// Whether ECharts is here to draw with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Charting {
    Loading,
    Ready,
    Failed(ChartsError),
}

#[component]
pub fn ChartBlock(
    /// Unique on the page, for the heading and table.
    id: String,
    #[prop(into)] view: Signal<ChartView>,
    #[prop(into)] charting: Signal<Charting>,
    /// Called with what a bar, slice or table row stands for.
    on_choose: Callback<Choice>,
) -> impl IntoView {
    let element: NodeRef<html::Div> = NodeRef::new();
    let drawn: StoredValue<Option<Drawn>, LocalStorage> = StoredValue::new_local(None);
    let problem = RwSignal::new(None::<String>);
    let json = Memo::new(move |_| view.with(|v| options_json(&v.chart)));
    // Draws, or redraws in place, whenever the figures change and ECharts is here.
    Effect::new(move |_| {
        let json = json.get();
        if charting.get() != Charting::Ready {
            return;
        }
        let Some(element) = element.get() else { return };
        let updated = drawn.with_value(|d| d.as_ref().map(|d| d.update(&json)));
        let outcome = match updated {
            Some(outcome) => outcome,
            None => charts::draw(&element, &json, move |index| {
                if let Some(choice) = view.with_untracked(|v| v.choices.get(index).cloned()) {
                    on_choose.run(choice);
                }
            })
            .map(|chart| drawn.set_value(Some(chart))),
        };
        problem.set(outcome.err().map(|e| e.to_string()));
    });
    let resize = leptos::prelude::window_event_listener(leptos::ev::resize, move |_| {
        drawn.with_value(|d| d.iter().for_each(Drawn::fit))
    });
    on_cleanup(move || resize.remove());
    let title_id = format!("{id}-title");
    let labelled_by = title_id.clone();
    let table_id = format!("{id}-table");
    let controls = table_id.clone();
    let showing_table = RwSignal::new(false);
    view! {
        <section class="chart" aria-labelledby=labelled_by>
            <h3 class="heading-s chart__title" id=title_id>{move || view.with(|v| v.title.clone())}</h3>
            {move || view.with(|v| v.note.clone()).map(|n| view! { <p class="hint chart__note">{n}</p> })}
            {move || problem.get().map(|p| view! { <p class="hint">{p}</p> })}
            // The picture; the same figures are in the table, for everyone.
            <div class="chart__canvas" node_ref=element aria-hidden="true"></div>
            <button type="button" class="link-button chart__toggle" aria-controls=controls
                aria-expanded=move || showing_table.get().to_string()
                on:click=move |_| showing_table.update(|s| *s = !*s)>
                {move || if showing_table.get() { "Hide the table" } else { "Show as a table" }}
            </button>
            <div class="chart__table" id=table_id hidden=move || !showing_table.get()>
                {move || view.with(|v| view! { <ChartTable view=v.clone() on_choose/> })}
            </div>
        </section>
    }
}

#[component]
fn ChartTable(view: ChartView, on_choose: Callback<Choice>) -> impl IntoView {
    let choices: Vec<Option<Choice>> = (0..view.table.rows.len())
        .map(|i| view.row_choices.get(i).cloned().filter(Choice::is_filter))
        .collect();
    view! {
        <table class="table">
            <caption class="table__caption">{view.title.clone()}</caption>
            <thead>
                <tr>{view.table.head.iter().map(|h| view! { <th scope="col">{h.clone()}</th> }).collect_view()}</tr>
            </thead>
            <tbody>
                {view.table.rows.into_iter().zip(choices).map(|((label, cells), choice)| view! {
                    <tr>
                        <th scope="row">
                            {match choice {
                                Some(choice) => view! {
                                    <button type="button" class="link-button" on:click=move |_| on_choose.run(choice.clone())>
                                        <span class="visually-hidden">"Show only "</span>{label.clone()}
                                    </button>
                                }.into_any(),
                                None => label.into_any(),
                            }}
                        </th>
                        {cells.into_iter().map(|c| view! { <td>{c}</td> }).collect_view()}
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    }
}
