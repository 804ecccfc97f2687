//! One chart, with its title and the table that says the same: drawn by
//! ECharts once it is here and the chart is in view (or printed), redrawn
//! in place when the figures change, on a canvas on screen and as SVG for
//! print, and
//! each bar or slice (and each table row) a way to filter by what it is.

use leptos::html;
use leptos::prelude::*;

use crate::browser::charts::{self, ChartsError, Drawn, Renderer};
use crate::browser::printing::before_printing;
use crate::browser::visibility::{self, VisibilityWatch};
use crate::report::charts::{options_json, ChartView};
use crate::report::figures::Choice;
use crate::ui::shared::effect;

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
    // The options last drawn, so a chart coming back into view is redrawn
    // only if its figures changed meanwhile.
    let drawn_json = StoredValue::new(None::<String>);
    let problem = RwSignal::new(None::<String>);
    let json = Memo::new(move |_| view.with(|v| options_json(&v.chart)));
    // Drawing is most of what a filter change costs on the dashboard (ECharts
    // takes 10 to 15 ms a chart), so a chart is drawn only while some of it
    // can be seen, and whatever is out of view is drawn when it scrolls in
    // or is printed.
    let in_view = RwSignal::new(false);
    let watch: StoredValue<Option<VisibilityWatch>, LocalStorage> = StoredValue::new_local(None);
    effect(move || {
        if let Some(element) = element.get() {
            let watching = visibility::watch_in_view(&element, move |seen| in_view.set(seen));
            if watching.is_none() {
                in_view.set(true);
            }
            watch.set_value(watching);
        }
    });
    // Draws the current figures with `renderer`, or redraws in place,
    // unless already drawn so. A chart painted for print is painted anew on
    // screen at the next change.
    let draw = move |renderer: Renderer| {
        if charting.get_untracked() != Charting::Ready {
            return;
        }
        let Some(element) = element.get_untracked() else {
            return;
        };
        json.with_untracked(|json| {
            let same_renderer =
                drawn.with_value(|d| d.as_ref().map(Drawn::renderer)) == Some(renderer);
            if same_renderer && drawn_json.with_value(|d| d.as_deref() == Some(json.as_str())) {
                return;
            }
            if !same_renderer {
                // Disposed of before the element is drawn into again.
                drawn.set_value(None);
            }
            let updated = drawn.with_value(|d| d.as_ref().map(|d| d.update(json)));
            let outcome = match updated {
                Some(outcome) => outcome,
                None => charts::draw(&element, json, renderer, move |index| {
                    if let Some(choice) = view.with_untracked(|v| v.choices.get(index).cloned()) {
                        on_choose.run(choice);
                    }
                })
                .map(|chart| drawn.set_value(Some(chart))),
            };
            drawn_json.set_value(outcome.is_ok().then(|| json.clone()));
            problem.set(outcome.err().map(|e| e.to_string()));
        });
    };
    // The options are worked out only for a chart in view: one scrolled
    // away costs nothing on a filter change until it is seen again.
    effect(move || {
        charting.track();
        if in_view.get() {
            json.track();
            draw(Renderer::Canvas);
        }
    });
    // The table is made when it is first shown or printed, not on every
    // change of the figures behind a closed "Show as a table".
    let showing_table = RwSignal::new(false);
    let printing = RwSignal::new(false);
    let before_print = before_printing(move || {
        draw(Renderer::Svg);
        printing.set(true);
    });
    let resize = leptos::prelude::window_event_listener(leptos::ev::resize, move |_| {
        drawn.with_value(|d| d.iter().for_each(Drawn::fit))
    });
    on_cleanup(move || {
        resize.remove();
        before_print.remove();
    });
    let title_id = format!("{id}-title");
    let labelled_by = title_id.clone();
    let table_id = format!("{id}-table");
    let controls = table_id.clone();
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
                {move || (showing_table.get() || printing.get()).then(|| view.with(|v| view! { <ChartTable view=v.clone() on_choose/> }))}
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
