//! The dashboard: how the actions the filter shows stand, overall, by
//! priority, by lead organisation, by month of deadline and by activity,
//! and a chosen measure over time. Each chart has a table with the same
//! figures; choosing a bar, slice or table row filters by it.

use leptos::prelude::*;

use super::chart_block::{ChartBlock, Charting};
use crate::browser::charts;
use crate::browser::printing::print_after;
use crate::plan::present;
use crate::query::results_text;
use crate::report::charts::{measure, status_charts, ChartView};
use crate::report::figures::{dashboard, Choice};
use crate::ui::plan_view::{FilterLayout, SelectedFilters};
use crate::ui::shared::announce::SettledAnnouncement;
use crate::ui::shared::effect;
use crate::ui::shared::error_summary::{ErrorSummary, FieldProblem};
use crate::ui::shared::plan_header::PlanHeader;
use crate::ui::use_state;

#[component]
pub fn DashboardPage() -> impl IntoView {
    let state = use_state();
    let count = move || {
        state
            .view
            .results
            .with(|r| results_text(r.rows.len(), r.total))
    };
    let charting = RwSignal::new(Charting::Loading);
    let attempt = RwSignal::new(0_u32);
    // ECharts is downloaded the first time a chart is shown; after a failed
    // download, "Try again" asks afresh.
    effect(move || {
        attempt.track();
        charting.set(Charting::Loading);
        leptos::task::spawn_local(async move {
            charting.set(match charts::load().await {
                Ok(()) => Charting::Ready,
                Err(e) => Charting::Failed(e),
            });
        });
    });
    let figures = Memo::new(move |_| {
        state.plan.opened.with(|opened| {
            let opened = opened.as_ref()?;
            let today = state.view.today();
            Some(state.plan.overlay.with(|overlay| {
                state
                    .view
                    .results
                    .with(|results| dashboard(&opened.plan, &opened.index, overlay, results, today))
            }))
        })
    });
    let views =
        Memo::new(move |_| figures.with(|f| f.as_ref().map(status_charts).unwrap_or_default()));
    let choose = Callback::new(move |choice: Choice| {
        if choice.is_filter() {
            let filter = state.view.filter.with_untracked(|f| choice.apply(f));
            state.set_filter(filter, true);
        }
    });
    let problem = Memo::new(move |_| match charting.get() {
        Charting::Failed(e) => vec![FieldProblem::general(e.to_string())],
        _ => Vec::new(),
    });
    view! {
        <PlanHeader/>
        <div class="page-heading">
            <h2 class="heading-l">"Dashboard"</h2>
            <button type="button" class="button button--secondary no-print" on:click=move |_| print_after(|| {})>"Print or save as PDF"</button>
        </div>
        <FilterLayout>
            <section class="filter-layout__content" aria-labelledby="dashboard-count">
                <SelectedFilters/>
                <p class="heading-m" id="dashboard-count">{count}</p>
                <SettledAnnouncement text=Signal::derive(count)/>
                <ErrorSummary id="charts-problem" problems=problem>
                    <p><button type="button" class="button" on:click=move |_| attempt.update(|n| *n += 1)>"Try again"</button></p>
                </ErrorSummary>
                <Show when=move || charting.get() == Charting::Loading>
                    <p class="loading" role="status">"Drawing the charts…"</p>
                </Show>
                <div class="chart-grid">
                    <For each=move || views.with(|v| v.iter().map(|c| c.title.clone()).collect::<Vec<_>>()) key=|title| title.clone() let:title>
                        <ChartBlock id=chart_id(&title)
                            // A memo: the chart's title, table and options
                            // all read it, and it is found and copied once.
                            view=Memo::new({
                                let title = title.clone();
                                move |_| views.with(|v| v.iter().find(|c| c.title == title).cloned().unwrap_or_else(|| empty(&title)))
                            })
                            charting=charting on_choose=choose/>
                    </For>
                </div>
                {move || figures.with(|f| f.as_ref().and_then(|f| f.too_many_activities)).map(|n| view! {
                    <p class="hint">{format!("The shown actions are in {n} activities, too many to chart one by one: choose a priority to see its activities.")}</p>
                })}
                <MeasureChart charting=charting/>
            </section>
        </FilterLayout>
    }
}

/// An id for a chart from its title.
fn chart_id(title: &str) -> String {
    let words: String = title
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    format!(
        "chart-{}",
        words
            .split('-')
            .filter(|w| !w.is_empty())
            .take(6)
            .collect::<Vec<_>>()
            .join("-")
    )
}

/// A chart with nothing to show, for the moment between figures.
fn empty(title: &str) -> ChartView {
    ChartView {
        title: title.to_owned(),
        chart: charming::Chart::new(),
        table: crate::report::charts::Table {
            head: Vec::new(),
            rows: Vec::new(),
        },
        choices: Vec::new(),
        row_choices: Vec::new(),
        note: None,
    }
}

/// A chosen measure, drawn over time against its targets, baseline and
/// comparators. Only measures with figures are offered, and only those of
/// the chosen priorities.
#[component]
fn MeasureChart(#[prop(into)] charting: Signal<Charting>) -> impl IntoView {
    let state = use_state();
    let offered = Memo::new(move |_| {
        let chosen = state.view.filter.with(|f| f.priorities.clone());
        state.plan.opened.with(|opened| {
            let Some(opened) = opened else {
                return Vec::new();
            };
            opened
                .plan
                .measures()
                .iter()
                .filter(|m| {
                    chosen.is_empty()
                        || m.priorities
                            .iter()
                            .flatten()
                            .any(|l| chosen.contains(&l.id))
                })
                .filter(|m| {
                    m.values()
                        .iter()
                        .any(|v| v.value.as_ref().and_then(|f| f.value()).is_some())
                })
                .map(|m| {
                    let label = match present(&m.number) {
                        Some(n) => format!("{n} {}", m.title),
                        None => m.title.clone(),
                    };
                    (m.id.clone(), label)
                })
                .collect::<Vec<_>>()
        })
    });
    let picked = RwSignal::new(None::<String>);
    // The measure picked, while it is offered; else the first offered.
    let current = Memo::new(move |_| {
        picked
            .get()
            .filter(|id| offered.with(|o| o.iter().any(|(m, _)| m == id)))
            .or_else(|| offered.with(|o| o.first().map(|(m, _)| m.clone())))
    });
    let shown = Memo::new(move |_| {
        let id = current.get()?;
        state.plan.opened.with(|opened| {
            let opened = opened.as_ref()?;
            let base = opened.plan.measures().iter().find(|m| m.id == id)?;
            let current = state.plan.edits_by_item.with(|edits| {
                crate::progress::current_measure(base, edits.get(&id).into_iter().flatten())
            });
            measure(&current)
        })
    });
    view! {
        <section class="section" aria-labelledby="measure-chart-title">
            <h3 class="heading-m" id="measure-chart-title">"Measures over time"</h3>
            <Show when=move || offered.with(Vec::is_empty)>
                <p class="body">"No measure of the chosen priorities has a reported figure yet."</p>
            </Show>
            <Show when=move || offered.with(|o| !o.is_empty())>
                <div class="form-group">
                    <label class="label-s" for="measure-choice">"Measure"</label>
                    <select class="select" id="measure-choice" on:change=move |ev| picked.set(Some(event_target_value(&ev)))>
                        {move || offered.get().into_iter().map(|(id, label)| {
                            let selected = current.with(|c| c.as_deref() == Some(id.as_str()));
                            view! { <option value=id selected=selected>{label}</option> }
                        }).collect_view()}
                    </select>
                </div>
                {move || shown.get().map(|view| view! {
                    <ChartBlock id="chart-measure".to_owned() view=Signal::stored(view) charting on_choose=Callback::new(|_| {})/>
                })}
            </Show>
        </section>
    }
}
